import "server-only";
import { checkMutualAuth } from "@/lib/cert/mutual-auth";
import { required } from "@/lib/engine/required";
import type { StepScope, TestRun } from "@/lib/engine/runner";
import { text } from "@/lib/engine/text";
import { AUTH_METHOD_NAMES } from "../fields";
import { judgeAuthentication, judgeAuthMethods, judgeClientCertificate } from "./judge";
import { authenticatedRpcRequest, probeAnonymous, rpcProxyPath } from "./rpc-proxy";
import { discoverSettings } from "../steps/autodiscover/discover";
import { exprPrincipal } from "../steps/autodiscover/judge";
import { certificateSteps } from "../steps/certificate";
import { resolveStep, tcpStep } from "../steps/connectivity";
import { authScheme, credentialGate } from "../steps/credential-gate";
import { sendWithCredentials } from "../steps/credentials";
import { probeNtlmChallenge } from "../steps/ntlm-challenge";
import { openPinnedSession, urlHost, strictRefusalReason } from "../steps/pinned-session";
import type { OutlookAnywhereInput } from "./definition";

/**
 * Outlook Anywhere (RPC over HTTP): with "Use Autodiscover", first the EXPR server and principal as Autodiscover
 * hands them to Outlook; then the certificate, and the RPC proxy as Outlook meets it. Each phase is a step.
 */
export default async function runOutlookAnywhere(input: OutlookAnywhereInput, run: TestRun): Promise<void> {
  if (!input.useAutodiscover) {
    await rpcProxySteps(run, input, { host: required(input.host), principal: required(input.mutualAuthPrincipal) });
    return;
  }
  const emailAddress = required(input.emailAddress);
  const expr = await run.step("autodiscover.expr", text("steps.outlookAnywhere.expr.title", { emailAddress }), async (step) => {
    const { settings } = await discoverSettings(step, { ...input, emailAddress });
    if (!settings) return undefined;
    const provider = settings.protocols.find((protocol) => protocol.type.toUpperCase() === "EXPR");
    const principal = provider && exprPrincipal(provider);
    if (!provider?.server || !principal) {
      step.fail("AUTODISCOVER_BAD_RESPONSE", text("steps.outlookAnywhere.expr.noProvider"));
      return undefined;
    }
    step.succeed(
      text(principal.fromAutodiscover ? "steps.outlookAnywhere.expr.found" : "steps.outlookAnywhere.expr.foundDefault", {
        server: provider.server,
        principal: principal.principal,
      }),
    );
    step.addDetails({ exprServer: provider.server, principal: principal.principal, authPackage: provider.authPackage });
    return { host: provider.server, principal: principal.principal };
  });
  if (!expr) {
    run.skip("rpc.proxy", text("steps.outlookAnywhere.proxy.titleUnknown"), text("steps.outlookAnywhere.proxy.noExpr"));
    return;
  }
  await run.step("rpc.proxy", text("steps.outlookAnywhere.proxy.title", { host: expr.host }), (step) => rpcProxySteps(step, input, expr), {
    blocking: false,
  });
}

/** The RPC proxy as Outlook meets it: DNS, TCP, the certificate, client certificates, methods, mutual authentication, credentials. */
async function rpcProxySteps(run: StepScope, input: OutlookAnywhereInput, server: { host: string; principal: string }): Promise<void> {
  const { host } = server;
  const { port, authMethod } = input;
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
    text("steps.outlookAnywhere.clientCertificate.title"),
    async (step) => {
      const probe = await probeAnonymous(required(rpc), path);
      step.report(judgeClientCertificate(probe));
      return probe.response;
    },
    nonBlocking,
  );
  await run.step(
    "rpc.auth-methods",
    text("steps.outlookAnywhere.authMethods.title", { url }),
    async (step) => {
      if (!anonymous) return step.skipBecause(text("steps.outlookAnywhere.authMethods.noAnswer"));
      step.report(judgeAuthMethods(anonymous, authMethod));
      // Where NTLM is offered, its CHALLENGE names the server that answered (useful behind a load balancer).
      const ntlm = authScheme(anonymous, "ntlm");
      if (ntlm) {
        const identity = await probeNtlmChallenge(required(rpc), authenticatedRpcRequest(path), ntlm);
        if (identity) step.addDetails({ ntlmServer: identity });
      }
    },
    nonBlocking,
  );
  await run.step(
    "rpc.mutual-auth",
    text("steps.outlookAnywhere.mutualAuth.title"),
    (step) => step.report(checkMutualAuth(server.principal, required(certificate).leaf.facts)),
    nonBlocking,
  );

  const title = text("steps.outlookAnywhere.authenticate.title", { host, method: AUTH_METHOD_NAMES[authMethod] });
  const { username, password } = input;
  if (username === undefined || password === undefined) {
    run.skip("rpc.authenticate", title, text("steps.outlookAnywhere.authenticate.noCredentials"));
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
        step.skipBecause(strictRefusalReason(credentialSession.refused));
      }
    },
    nonBlocking,
  );
}
