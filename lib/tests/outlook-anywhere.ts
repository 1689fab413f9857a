import "server-only";
import { checkMutualAuth } from "@/lib/cert/mutual-auth";
import { certificateSteps } from "./steps/certificate";
import { required, resolveStep, tcpStep } from "./steps/connectivity";
import { AUTH_METHOD_NAMES, authenticate, checkClientCertificate, judgeAuthMethods, openRpcSession, rpcProxyPath } from "./steps/rpc-proxy";
import type { OutlookAnywhereInput } from "./schemas";
import type { AnalyzerTest } from "./types";

/** Outlook Anywhere (RPC over HTTP): the certificate, then the RPC proxy as Outlook meets it. */
export const outlookAnywhereTest: AnalyzerTest<OutlookAnywhereInput> = {
  id: "outlook-anywhere",
  async run(input, run) {
    const { host, port } = input;
    const path = rpcProxyPath(host);
    const url = `https://${port === 443 ? host : `${host}:${port}`}${path}`;
    const nonBlocking = { blocking: false } as const;

    const target = await resolveStep(run, host);
    const connection = await tcpStep(run, host, target, port);
    const certificate = await certificateSteps(run, { host, port, connection, ignoreTrust: input.ignoreTrust });
    const rpc = run.blocked ? undefined : openRpcSession(run, host, port, required(connection));

    const anonymous = await run.step(
      "rpc.client-certificate",
      "Checking the IIS configuration for client certificate authentication.",
      (step) => checkClientCertificate(step, required(rpc).http, required(rpc).taps, path),
      nonBlocking,
    );
    await run.step(
      "rpc.auth-methods",
      `Testing HTTP Authentication Methods for URL ${url}.`,
      (step) => (anonymous ? step.report(judgeAuthMethods(anonymous, input.authMethod)) : step.skipBecause("the RPC proxy didn't answer the unauthenticated request.")),
      nonBlocking,
    );
    await run.step(
      "rpc.mutual-auth",
      "Testing SSL mutual authentication with the RPC proxy server.",
      (step) => step.report(checkMutualAuth(input.mutualAuthPrincipal, required(certificate).leaf.facts)),
      nonBlocking,
    );
    const method = AUTH_METHOD_NAMES[input.authMethod];
    const credentialsTitle = `Testing ${method} authentication with the supplied credentials at ${url}.`;
    if (input.username === undefined || input.password === undefined) {
      run.skip("rpc.authenticate", credentialsTitle, "no user name and password were supplied.");
      return;
    }
    const { username, password } = input;
    await run.step("rpc.authenticate", credentialsTitle, async (step) => step.report(await authenticate(required(rpc).http, path, input.authMethod, username, password)), nonBlocking);
  },
};
