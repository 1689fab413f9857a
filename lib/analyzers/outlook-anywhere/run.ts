import "server-only";
import { checkMutualAuth } from "@/lib/cert/mutual-auth";
import { required } from "@/lib/engine/required";
import type { TestRun } from "@/lib/engine/runner";
import { AUTH_METHOD_NAMES } from "../fields";
import { certificateSteps } from "../steps/certificate";
import { resolveStep, tcpStep } from "../steps/connectivity";
import type { OutlookAnywhereInput } from "./definition";
import { authenticate, authScheme, checkClientCertificate, judgeAuthMethods, openRpcSession, rpcProxyPath, urlHost } from "./rpc-proxy";

/** Outlook Anywhere (RPC over HTTP): the certificate, then the RPC proxy as Outlook meets it. */
export async function runOutlookAnywhere(input: OutlookAnywhereInput, run: TestRun): Promise<void> {
  {
    const { host, port } = input;
    const path = rpcProxyPath(host);
    const url = `https://${urlHost(host, port)}${path}`;
    const nonBlocking = { blocking: false } as const;

    const target = await resolveStep(run, host);
    const connection = await tcpStep(run, host, target, port);
    const certificate = await certificateSteps(run, { host, port, connection, ignoreTrust: input.ignoreTrust, blocking: true, alpn: ["http/1.1"] });
    const rpc = certificate && connection ? openRpcSession(run, host, port, connection, certificate.leaf) : undefined;

    const anonymous = await run.step(
      "rpc.client-certificate",
      "Checking the IIS configuration for client certificate authentication.",
      (step) => checkClientCertificate(step, required(rpc), path),
      nonBlocking,
    );
    await run.step(
      "rpc.auth-methods",
      `Testing HTTP Authentication Methods for URL ${url}.`,
      (step) => (anonymous ? step.report(judgeAuthMethods(anonymous, input.authMethod)) : step.skipBecause("the client certificate check didn't get an answer to judge.")),
      nonBlocking,
    );
    await run.step(
      "rpc.mutual-auth",
      "Testing SSL mutual authentication with the RPC proxy server.",
      (step) => step.report(checkMutualAuth(input.mutualAuthPrincipal, required(certificate).leaf.facts)),
      nonBlocking,
    );

    const method = AUTH_METHOD_NAMES[input.authMethod];
    const title = `Attempting to ping RPC proxy ${host} with the supplied credentials (${method} authentication).`;
    const { username, password } = input;
    if (username === undefined || password === undefined) {
      run.skip("rpc.authenticate", title, "no user name and password were supplied.");
      return;
    }
    await run.step(
      "rpc.authenticate",
      title,
      async (step) => {
        const scheme = authScheme(anonymous, input.authMethod);
        if (!scheme) return step.skipBecause(`the server doesn't offer ${method} authentication, so the credentials weren't sent.`);
        step.report(await authenticate(required(rpc), path, input.authMethod, scheme, username, password));
      },
      nonBlocking,
    );
  }
}
