import "server-only";
import { required } from "@/lib/engine/required";
import type { StepScope, TestRun } from "@/lib/engine/runner";
import { text } from "@/lib/engine/text";
import type { ResolvedAddress } from "@/lib/net/dns";
import type { HttpResponse } from "@/lib/net/http";
import { connectRequest, probeAnonymous } from "./client";
import { endpointsFromAutodiscover, endpointsOnHost, onNamedServer, type MapiEndpoints } from "./endpoints";
import { judgeConnect, judgeMapiAuthMethods } from "./judge";
import { ENDPOINT_NAMES, type MapiEndpoint } from "./protocol";
import { AUTH_METHOD_NAMES } from "../fields";
import { discoverSettings } from "../steps/autodiscover/discover";
import { endpointText, parseHttpsUrl, type EndpointUrl } from "../steps/autodiscover/endpoint";
import { certificateSteps, type CertificateOutcome } from "../steps/certificate";
import { resolveStep, tcpStep } from "../steps/connectivity";
import { authScheme, credentialGate } from "../steps/credential-gate";
import { sendWithCredentials } from "../steps/credentials";
import { openPinnedSession, type PinnedSession, strictRefusalReason } from "../steps/pinned-session";
import type { MapiHttpInput } from "./definition";

/** A MAPI endpoint's server, checked: its address, the certificate judged, and an anonymous session pinned to it. */
interface CheckedServer {
  url: EndpointUrl;
  address: ResolvedAddress;
  certificate: CertificateOutcome;
  /** No credentials travel on it: it may use a certificate "Ignore trust" let through. */
  session: PinnedSession;
}

const nonBlocking = { blocking: false } as const;
const AUTODISCOVER_FAILED = text("steps.mapiHttp.reason.autodiscoverFailed");

/**
 * MAPI over HTTP (MS-OXCMAPIHTTP): find the endpoints (Autodiscover for a mailbox, on the named server if one is given
 * too), check the server, the authentication methods, then Outlook's Connect.
 */
export default async function runMapiHttp(input: MapiHttpInput, run: TestRun): Promise<void> {
  const endpoints =
    input.emailAddress !== undefined ? await autodiscoverEndpoints(run, input, input.emailAddress) : endpointsOnHost(required(input.host), input.port);
  if (!endpoints) {
    for (const endpoint of ["emsmdb", "nspi"] as const) {
      run.skip(`mapi.${endpoint}.auth-methods`, text("steps.mapiHttp.title.authMethodsEndpoint", { endpoint: ENDPOINT_NAMES[endpoint] }), AUTODISCOVER_FAILED);
    }
    run.skip("mapi.connect", text("steps.mapiHttp.title.connectEndpoint"), AUTODISCOVER_FAILED);
    return;
  }
  const { mailStore, addressBook } = endpoints;
  const mailServer = await checkServer(run, mailStore, input.ignoreTrust);

  const anonymous = await authMethodsStep(run, "emsmdb", mailStore, input.authMethod, async () => mailServer);
  const sameServer = addressBook.host === mailStore.host && addressBook.port === mailStore.port;
  await authMethodsStep(run, "nspi", addressBook, input.authMethod, (step) =>
    sameServer ? Promise.resolve(mailServer) : checkServer(step, addressBook, input.ignoreTrust),
  );

  await connectStep(run, input, endpoints, mailServer, anonymous);
}

/** "Attempting to find the MAPI over HTTP endpoints through Autodiscover.": Outlook's search, then what it says about /mapi. */
async function autodiscoverEndpoints(run: TestRun, input: MapiHttpInput, emailAddress: string): Promise<MapiEndpoints | undefined> {
  return run.step("autodiscover", text("steps.mapiHttp.title.autodiscover"), async (step) => {
    const { username, password, authMethod, ignoreTrust } = input;
    const { discovery, settings } = await discoverSettings(step, { emailAddress, username, password, authMethod, ignoreTrust });
    // Found, but it refused the credentials or answered an error: its own step says so, and nothing is guessed from it.
    const verdict = discovery?.verdict;
    const refused = verdict && (("needsCredentials" in verdict && verdict.credentialsRejected) || ("answer" in verdict && verdict.answer.kind === "error"));
    const autodiscoverUrl = discovery && !refused ? parseHttpsUrl(discovery.url) : undefined;
    if (!autodiscoverUrl) return undefined;
    const endpoints = await step.step("mapi.endpoints", text("steps.mapiHttp.title.endpoints"), (child) => {
      const found = endpointsFromAutodiscover(settings, autodiscoverUrl);
      const chosen = input.host === undefined ? found : onNamedServer(found, { host: input.host, port: input.port });
      child.report(chosen.finding);
      return chosen.endpoints;
    });
    step.summarize({
      success: text("steps.mapiHttp.summary.found"),
      warning: text("steps.mapiHttp.summary.foundWithWarnings"),
      error: text("steps.mapiHttp.summary.notFound"),
    });
    return endpoints;
  });
}

/** DNS, TCP and the whole certificate test for one endpoint's server; undefined when it can't be reached or trusted. */
async function checkServer(scope: StepScope, url: EndpointUrl, ignoreTrust: boolean): Promise<CheckedServer | undefined> {
  const target = await resolveStep(scope, url.host);
  const connection = await tcpStep(scope, url.host, target, url.port);
  const certificate = await certificateSteps(scope, { host: url.host, port: url.port, connection, ignoreTrust, blocking: true, alpn: ["http/1.1"] });
  if (!connection || !certificate) return undefined;
  const session = openPinnedSession(scope, { host: url.host, port: url.port, address: connection.address }, certificate.leaf);
  return { url, address: connection.address, certificate, session };
}

/** "Testing HTTP Authentication Methods for URL …": Outlook's anonymous request, whose answer the Connect step needs. */
async function authMethodsStep(
  run: TestRun,
  endpoint: MapiEndpoint,
  url: EndpointUrl,
  method: MapiHttpInput["authMethod"],
  server: (step: StepScope) => Promise<CheckedServer | undefined>,
): Promise<HttpResponse | undefined> {
  let answer: HttpResponse | undefined;
  await run.step(
    `mapi.${endpoint}.auth-methods`,
    text("steps.mapiHttp.title.authMethods", { url: endpointText(url) }),
    async (step) => {
      const checked = await server(step);
      if (!checked) return step.skipBecause(text("steps.mapiHttp.reason.serverUnreachable", { endpoint: ENDPOINT_NAMES[endpoint] }));
      const probe = await probeAnonymous(checked.session, url.path, endpoint);
      answer = probe.response;
      if (probe.identityError) step.addDetails({ serverIdentity: `not obtained: ${probe.identityError}` });
      step.report(judgeMapiAuthMethods({ response: probe.response, method, endpoint, identity: probe.identity }));
    },
    nonBlocking,
  );
  return answer;
}

/** Outlook's Connect request with the credentials, through the credential gate and over a strict connection only. */
async function connectStep(
  run: TestRun,
  input: MapiHttpInput,
  endpoints: MapiEndpoints,
  server: CheckedServer | undefined,
  anonymous: HttpResponse | undefined,
): Promise<void> {
  const { authMethod, username, password } = input;
  const url = endpointText(endpoints.mailStore);
  const title = text("steps.mapiHttp.title.connect", { url, method: AUTH_METHOD_NAMES[authMethod] });
  if (username === undefined || password === undefined) {
    run.skip("mapi.connect", title, text("steps.mapiHttp.reason.noCredentials"));
    return;
  }
  await run.step(
    "mapi.connect",
    title,
    async (step) => {
      if (!server || !anonymous) return step.skipBecause(text("steps.mapiHttp.reason.authMethodsUntested"));
      if (anonymous.status !== 401) return step.skipBecause(text("steps.mapiHttp.reason.anonymousNot401", { status: anonymous.status }));
      const gate = credentialGate({
        certificateTrusted: server.certificate.trusted,
        ignoreTrust: input.ignoreTrust,
        scheme: authScheme(anonymous, authMethod),
        method: authMethod,
      });
      if (!gate.send) {
        step.addDetails({ credentialsSent: false });
        return step.skipBecause(gate.reason);
      }
      // A session of its own, whose every connection is as strict as Outlook's before a password goes out.
      const strict = openPinnedSession(step, { host: server.url.host, port: server.url.port, address: server.address }, server.certificate.leaf, {
        strict: true,
      });
      try {
        const exchange = await sendWithCredentials(strict, connectRequest(endpoints.mailStore.path, endpoints.userDn ?? ""), {
          method: authMethod,
          scheme: gate.scheme,
          username,
          password,
        });
        step.report(judgeConnect(exchange, { method: authMethod, scheme: gate.scheme, userDn: endpoints.userDn ? "autodiscover" : "empty" }));
      } catch (cause) {
        if (strict.refused === undefined) throw cause;
        step.addDetails({ credentialsSent: false, strictHandshake: strict.refused });
        step.skipBecause(strictRefusalReason(strict.refused));
      }
    },
    nonBlocking,
  );
}
