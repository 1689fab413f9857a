import "server-only";
import { checkMutualAuth } from "@/lib/cert/mutual-auth";
import { required } from "@/lib/engine/required";
import type { StepScope, TestRun } from "@/lib/engine/runner";
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
  const expr = await run.step(
    "autodiscover.expr",
    `Attempting to retrieve the Outlook Anywhere settings for ${emailAddress} through Autodiscover.`,
    async (step) => {
      const { settings } = await discoverSettings(step, { ...input, emailAddress });
      if (!settings) return undefined;
      const provider = settings.protocols.find((protocol) => protocol.type.toUpperCase() === "EXPR");
      const principal = provider && exprPrincipal(provider);
      if (!provider?.server || !principal) {
        step.fail(
          "AUTODISCOVER_BAD_RESPONSE",
          "Autodiscover returns no EXPR provider: Outlook Anywhere isn't published to clients outside the network, so Outlook has no RPC proxy to connect to.",
        );
        return undefined;
      }
      step.succeed(
        `Autodiscover names the Outlook Anywhere server ${provider.server}, with the principal ${principal.principal}${principal.fromAutodiscover ? " (CertPrincipalName)" : " (no CertPrincipalName: Outlook uses msstd:<server>)"}.`,
      );
      step.addDetails({ exprServer: provider.server, principal: principal.principal, authPackage: provider.authPackage });
      return { host: provider.server, principal: principal.principal };
    },
  );
  const title = `Testing RPC over HTTP connectivity to the server ${expr?.host ?? "Autodiscover names"}.`;
  if (!expr) {
    run.skip("rpc.proxy", title, "Autodiscover didn't hand out the Outlook Anywhere (EXPR) settings.");
    return;
  }
  await run.step("rpc.proxy", title, (step) => rpcProxySteps(step, input, expr), { blocking: false });
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
    async (step) => {
      if (!anonymous) return step.skipBecause("the client certificate check didn't get an answer to judge.");
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
    "Testing SSL mutual authentication with the RPC proxy server.",
    (step) => step.report(checkMutualAuth(server.principal, required(certificate).leaf.facts)),
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
        step.skipBecause(strictRefusalReason(credentialSession.refused));
      }
    },
    nonBlocking,
  );
}
