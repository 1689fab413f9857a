import "server-only";
import { parseCertificate } from "@/lib/cert/parse";
import { trustStore } from "@/lib/cert/trust-store";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import { required } from "@/lib/engine/required";
import type { TestRun } from "@/lib/engine/runner";
import { text } from "@/lib/engine/text";
import { tlsHandshake } from "@/lib/net/tls";
import { fetchJsonV2, judgeJsonV2, JSON_V2_PATH } from "./json-v2";
import { discoverSettings } from "../steps/autodiscover/discover";
import { parseHttpsUrl } from "../steps/autodiscover/endpoint";
import { judgeExprPrincipal, type PoxSettings } from "../steps/autodiscover/judge";
import { resolveStep, tcpStep } from "../steps/connectivity";
import { urlHost } from "../steps/pinned-session";
import type { AutodiscoverInput } from "./definition";

/**
 * Autodiscover as Outlook runs it (MS-OXDSCLI): four methods in order, the first that works ends the search; then,
 * with settings, the EXPR principal against the certificate the EXPR server presents.
 */
export default async function runAutodiscover(input: AutodiscoverInput, run: TestRun): Promise<void> {
  const { discovery, settings } = await discoverSettings(run, input);
  if (settings) await exprPrincipalStep(run, settings);
  await jsonV2Step(run, input.emailAddress, discovery?.url);
}

/** The JSON v2 endpoint, on the host where the XML endpoint was found (else autodiscover.<domain>): reported, not judged. */
async function jsonV2Step(run: TestRun, emailAddress: string, foundAt: string | undefined): Promise<void> {
  const found = foundAt ? parseHttpsUrl(foundAt) : undefined;
  const host = found?.host ?? `autodiscover.${emailAddress.slice(emailAddress.lastIndexOf("@") + 1)}`;
  const port = found?.port ?? 443;
  const endpoint = `https://${urlHost(host, port)}${JSON_V2_PATH}`;
  await run.step(
    "autodiscover.json",
    text("steps.autodiscover.json.title", { endpoint }),
    async (step) => {
      const target = await resolveStep(step, host);
      const connection = await tcpStep(step, host, target, port);
      await step.step("autodiscover.json.request", text("steps.autodiscover.json.request.title", { endpoint }), async (child) =>
        child.report(judgeJsonV2(endpoint, await fetchJsonV2(host, required(connection).address, port, emailAddress))),
      );
    },
    // Reported, not judged: what fails here is a warning, never the test's verdict.
    { blocking: false, alternative: true },
  );
}

/** The EXPR principal Autodiscover hands Outlook, against the certificate the EXPR server really presents. */
async function exprPrincipalStep(run: TestRun, settings: PoxSettings): Promise<void> {
  const expr = settings.protocols.find((protocol) => protocol.type.toUpperCase() === "EXPR");
  const title = expr?.server ? text("steps.autodiscover.expr.titleServer", { server: expr.server }) : text("steps.autodiscover.expr.title");
  if (!expr?.server) {
    await run.step("autodiscover.expr-principal", title, (step) => step.info(text("steps.autodiscover.expr.none")));
    return;
  }
  const server = expr.server;
  await run.step("autodiscover.expr-principal", title, async (step) => {
    const target = await resolveStep(step, server);
    const connection = await tcpStep(step, server, target, 443);
    const leaf = await step.step("tls.certificate.obtain", text("steps.autodiscover.expr.obtain.title", { server }), async (child) => {
      const session = await tlsHandshake(required(connection).socket, {
        servername: server,
        timeoutMs: env().RCA_TIMEOUT_MS,
        alpn: ["http/1.1"],
        trust: trustStore().openssl,
      });
      child.defer(() => session.socket.destroy());
      const first = session.chain[0];
      if (!first) throw new ProblemError("TLS_HANDSHAKE_FAILED", text("steps.autodiscover.expr.obtain.noCertificate", { server }));
      let parsed;
      try {
        parsed = parseCertificate(first);
      } catch {
        throw new ProblemError("TLS_HANDSHAKE_FAILED", text("steps.autodiscover.expr.obtain.unreadable", { server }));
      }
      child.addDetails({ subject: parsed.facts.subject, dnsNames: parsed.facts.dnsNames });
      child.succeed(text("steps.autodiscover.expr.obtain.ok", { subject: parsed.facts.subject }));
      return parsed;
    });
    if (!leaf) return step.skipBecause(text("steps.autodiscover.expr.notObtained"));
    step.report(judgeExprPrincipal(expr, leaf.facts));
  });
}
