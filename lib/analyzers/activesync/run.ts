import "server-only";
import { required } from "@/lib/engine/required";
import type { StepContext, TestRun } from "@/lib/engine/runner";
import { text } from "@/lib/engine/text";
import type { HttpResponse } from "@/lib/net/http";
import { AUTH_METHOD_NAMES, type AuthMethod } from "../fields";
import { judgeActiveSyncUrl, judgeAnonymousOptions, judgeAuthenticatedOptions, judgeFolderSync, type ActiveSyncEndpoint } from "./judge";
import { ACTIVESYNC_PATH, chooseProtocolVersion, folderSyncRequest, optionsRequest, readProtocolHeaders, shownCommandUrl } from "./protocol";
import { discoverSettings } from "../steps/autodiscover/discover";
import { certificateSteps } from "../steps/certificate";
import { resolveStep, tcpStep } from "../steps/connectivity";
import { authScheme, credentialGate } from "../steps/credential-gate";
import { sendWithCredentials, type CredentialExchange } from "../steps/credentials";
import { probeNtlmChallenge } from "../steps/ntlm-challenge";
import { openPinnedSession, urlHost, type PinnedSession, strictRefusalReason } from "../steps/pinned-session";
import type { ActiveSyncInput } from "./definition";

const AUTODISCOVER_TITLE = text("steps.activeSync.title.autodiscover");
const FOLDER_SYNC_TITLE = text("steps.activeSync.title.folderSync");
const URL_TITLE = text("steps.activeSync.title.url");
const NO_CREDENTIALS = text("steps.activeSync.reason.noCredentials");

/** Exchange ActiveSync as a phone meets it: Autodiscover (or the server's name), the certificate, OPTIONS, then FolderSync. */
export default async function runActiveSync(input: ActiveSyncInput, run: TestRun): Promise<void> {
  const endpoint = await findEndpoint(run, input);
  if (!endpoint) {
    run.skip("activesync.session", text("steps.activeSync.title.session"), text("steps.activeSync.reason.noUrl"));
    return;
  }
  const { host, port, path } = endpoint;
  const url = `https://${urlHost(host, port)}${path}`;
  const { authMethod, ignoreTrust } = input;

  const target = await resolveStep(run, host);
  const connection = await tcpStep(run, host, target, port);
  const certificate = await certificateSteps(run, { host, port, connection, ignoreTrust, blocking: true, alpn: ["http/1.1"] });
  const server = () => ({ host, port, address: required(connection).address });
  // No credentials travel on this session: it may use a certificate "Ignore trust" let through.
  const anonymousSession = certificate && connection ? openPinnedSession(run, server(), certificate.leaf) : undefined;

  const anonymous = await run.step("activesync.options", text("steps.activeSync.title.options", { url }), async (step) => {
    const response = await required(anonymousSession).http.request(optionsRequest(path)());
    step.report(judgeAnonymousOptions(response, authMethod, url));
    // Where NTLM is offered, its CHALLENGE names the server that answered (a NEGOTIATE carries no credentials).
    const ntlm = authScheme(response, "ntlm");
    if (ntlm) {
      const identity = await probeNtlmChallenge(required(anonymousSession), optionsRequest(path), ntlm);
      if (identity) step.addDetails({ ntlmServer: identity });
    }
    return response;
  });

  const optionsTitle = text("steps.activeSync.title.optionsAuthenticated", { method: AUTH_METHOD_NAMES[authMethod] });
  const { username, password } = input;
  if (username === undefined || password === undefined) {
    run.skip("activesync.options-authenticated", optionsTitle, NO_CREDENTIALS);
    run.skip("activesync.folder-sync", FOLDER_SYNC_TITLE, NO_CREDENTIALS);
    return;
  }
  const credentials = { method: authMethod, username, password };

  const session = await run.step("activesync.options-authenticated", optionsTitle, async (step) => {
    const gate = credentialGate({
      certificateTrusted: required(certificate).trusted,
      ignoreTrust,
      scheme: credentialScheme(required(anonymous), authMethod),
      method: authMethod,
    });
    if (!gate.send) {
      step.addDetails({ credentialsSent: false });
      step.skipBecause(gate.reason);
      return undefined;
    }
    // A session of its own, whose every connection is as strict as a device's before a password goes out.
    const strict = openPinnedSession(run, server(), required(certificate).leaf, { strict: true });
    const exchange = await exchangeOrRefusal(step, strict, () => sendWithCredentials(strict, optionsRequest(path), { ...credentials, scheme: gate.scheme }));
    if (!exchange) return undefined;
    const judged = judgeAuthenticatedOptions(exchange, authMethod);
    step.report(judged.finding);
    // A server that lists its versions only to anonymous requests is still taken at its word.
    const versions = judged.protocol?.versions.length ? judged.protocol.versions : readProtocolHeaders(required(anonymous)).versions;
    return { strict, scheme: gate.scheme, version: chooseProtocolVersion(versions) };
  });

  await run.step("activesync.folder-sync", FOLDER_SYNC_TITLE, async (step) => {
    if (!session) {
      step.skipBecause(text("steps.activeSync.reason.noSession"));
      return;
    }
    const { strict, scheme, version } = session;
    const exchange = await exchangeOrRefusal(step, strict, () =>
      sendWithCredentials(strict, folderSyncRequest(path, username, version.version), { ...credentials, scheme }),
    );
    if (exchange) step.report(judgeFolderSync(exchange, version, shownCommandUrl(url, "FolderSync")));
  });
}

/** The ActiveSync URL: the server named in the input (a device's manual settings), or what Autodiscover's mobilesync answer says. */
async function findEndpoint(run: TestRun, input: ActiveSyncInput): Promise<ActiveSyncEndpoint | undefined> {
  if (input.host !== undefined) {
    if (input.emailAddress !== undefined) run.skip("autodiscover", AUTODISCOVER_TITLE, text("steps.activeSync.reason.serverNamed"));
    return { host: input.host, port: input.port, path: ACTIVESYNC_PATH, source: "input" };
  }
  const emailAddress = required(input.emailAddress);
  return run.step("autodiscover", AUTODISCOVER_TITLE, async (step) => {
    const { discovery, settings } = await discoverSettings(step, { ...input, emailAddress, schema: "mobilesync" });
    if (!discovery) {
      step.skip("activesync.url", URL_TITLE, text("steps.activeSync.reason.noAutodiscover"));
      return undefined;
    }
    const endpoint = await step.step("activesync.url", URL_TITLE, (child) => {
      const judged = judgeActiveSyncUrl({ settings, discoveryUrl: discovery.url });
      child.report(judged.finding);
      return judged.endpoint;
    });
    const found = endpoint ? `https://${urlHost(endpoint.host, endpoint.port)}${endpoint.path}` : undefined;
    const notFound = text("steps.activeSync.summary.notFound");
    step.summarize({
      success: found ? text("steps.activeSync.summary.found", { url: found }) : notFound,
      warning: found ? text("steps.activeSync.summary.foundWithWarnings", { url: found }) : notFound,
      error: notFound,
    });
    return endpoint;
  });
}

/** The scheme credentials go under: the one offered, or (to a server that answered OPTIONS without asking) the method's own, as devices send it unasked. */
function credentialScheme(anonymous: HttpResponse, method: AuthMethod): string | undefined {
  if (anonymous.status >= 200 && anonymous.status < 300) return method === "basic" ? "Basic" : "NTLM";
  return authScheme(anonymous, method);
}

/** Runs a credential exchange; a strict handshake that refused the server skips the step instead (nothing was sent). */
async function exchangeOrRefusal(
  step: StepContext,
  strict: PinnedSession,
  exchange: () => Promise<CredentialExchange>,
): Promise<CredentialExchange | undefined> {
  try {
    return await exchange();
  } catch (cause) {
    if (strict.refused === undefined) throw cause;
    step.addDetails({ credentialsSent: false, strictHandshake: strict.refused });
    step.skipBecause(strictRefusalReason(strict.refused, "a device's"));
    return undefined;
  }
}
