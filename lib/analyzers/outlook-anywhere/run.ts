import "server-only";
import { checkMutualAuth } from "@/lib/cert/mutual-auth";
import { required } from "@/lib/engine/required";
import type { TestRun } from "@/lib/engine/runner";
import { AUTH_METHOD_NAMES } from "../fields";
import { judgeAuthentication, judgeAuthMethods, judgeClientCertificate } from "./judge";
import { authenticatedRpcRequest, probeAnonymous, rpcProxyPath } from "./rpc-proxy";
import { certificateSteps } from "../steps/certificate";
import { resolveStep, tcpStep } from "../steps/connectivity";
import { authScheme, credentialGate } from "../steps/credential-gate";
import { sendWithCredentials } from "../steps/credentials";
import { openPinnedSession, urlHost } from "../steps/pinned-session";
import type { OutlookAnywhereInput } from "./definition";

/** Outlook Anywhere (RPC over HTTP): the certificate, then the RPC proxy as Outlook meets it. */
export default async function runOutlookAnywhere(input: OutlookAnywhereInput, run: TestRun): Promise<void> {
  const { host, port, authMethod } = input;
  const path = rpcProxyPath(host);
  const url = `https://${urlHost(host, port)}${path}`;
  const nonBlocking = { blocking: false } as const;

  const target = await resolveStep(run, host);
  const connection = await tcpStep(run, host, target, port);
  const certificate = await certificateSteps(run, { host, port, connection, ignoreTrust: input.ignoreTrust, blocking: true, alpn: ["http/1.1"] });
  // No credentials travel on this session: it may use a certificate "Ignore trust" let through.
  const rpc = certificate && connection ? openPinnedSession(run, { host, port, address: connection.address }, certificate.leaf) : undefined;

  const anonymous = await run.step(
    "rpc.client-certificate",
    "Checking the IIS configuration for client certificate authentication.",
    async (step) => {
      const probe = await probeAnonymous(required(rpc), path);
      step.report(judgeClientCertificate(probe));
      return probe.response;
    },
    nonBlocking,
  );
  await run.step(
    "rpc.auth-methods",
    `Testing HTTP Authentication Methods for URL ${url}.`,
    (step) =>
      anonymous ? step.report(judgeAuthMethods(anonymous, authMethod)) : step.skipBecause("the client certificate check didn't get an answer to judge."),
    nonBlocking,
  );
  await run.step(
    "rpc.mutual-auth",
    "Testing SSL mutual authentication with the RPC proxy server.",
    (step) => step.report(checkMutualAuth(input.mutualAuthPrincipal, required(certificate).leaf.facts)),
    nonBlocking,
  );

  const title = `Attempting to ping RPC proxy ${host} with the supplied credentials (${AUTH_METHOD_NAMES[authMethod]} authentication).`;
  const { username, password } = input;
  if (username === undefined || password === undefined) {
    run.skip("rpc.authenticate", title, "no user name and password were supplied.");
    return;
  }
  await run.step(
    "rpc.authenticate",
    title,
    async (step) => {
      const gate = credentialGate({
        certificateTrusted: required(certificate).trusted,
        ignoreTrust: input.ignoreTrust,
        scheme: authScheme(anonymous, authMethod),
        method: authMethod,
      });
      if (!gate.send) return step.skipBecause(gate.reason);
      // A session of its own, whose every connection is as strict as Outlook's before a password goes out.
      const credentialSession = openPinnedSession(run, { host, port, address: required(connection).address }, required(certificate).leaf, { strict: true });
      try {
        const exchange = await sendWithCredentials(credentialSession, authenticatedRpcRequest(path), {
          method: authMethod,
          scheme: gate.scheme,
          username,
          password,
        });
        step.report(judgeAuthentication(exchange, authMethod, gate.scheme));
      } catch (cause) {
        if (credentialSession.refused === undefined) throw cause;
        step.addDetails({ credentialsSent: false, strictHandshake: credentialSession.refused });
        step.skipBecause(
          `the credentials weren't sent: a connection made as strictly as Outlook's (TLS 1.2 or later, default security, certificate verified by OpenSSL) was refused: ${credentialSession.refused}`,
        );
      }
    },
    nonBlocking,
  );
}
