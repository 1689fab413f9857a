import "server-only";
import { ProblemError } from "@/lib/engine/problem-error";
import { required } from "@/lib/engine/required";
import type { StepContext, TestRun } from "@/lib/engine/runner";
import { isLocalized, text, type LocalizedText } from "@/lib/engine/text";
import type { ResolvedAddress } from "@/lib/net/dns";
import type { HttpResponse } from "@/lib/net/http";
import { judgeAuthMethods, judgeEwsUrl, judgeGetFolder, judgeNtlmIdentity, type EwsUrlOutcome } from "./judge";
import { getFolderPost } from "./request";
import { EWS_PATH } from "./soap";
import { AUTH_METHOD_NAMES } from "../fields";
import { discoverSettings } from "../steps/autodiscover/discover";
import { endpointText, type EndpointUrl } from "../steps/autodiscover/endpoint";
import { certificateSteps, type CertificateOutcome } from "../steps/certificate";
import { resolveStep, tcpStep } from "../steps/connectivity";
import { authScheme, credentialGate } from "../steps/credential-gate";
import { sendWithCredentials } from "../steps/credentials";
import { probeNtlmChallenge } from "../steps/ntlm-challenge";
import { openPinnedSession, type PinnedSession, strictRefusalReason } from "../steps/pinned-session";
import type { EwsInput } from "./definition";

const NTLM_IDENTITY_TITLE = text("steps.ews.ntlm.title");
const nonBlocking = { blocking: false } as const;

/** Exchange Web Services: the EWS URL (from Autodiscover, or the server named), its certificate, then EWS as a client meets it. */
export default async function runEws(input: EwsInput, run: TestRun): Promise<void> {
  // A server named skips Autodiscover (a client's manual settings); the mailbox, if given too, is still the one opened.
  const url =
    input.host !== undefined
      ? { host: input.host, port: input.port, path: EWS_PATH }
      : input.emailAddress !== undefined
        ? await findEwsUrl(run, input, input.emailAddress)
        : undefined;
  if (!url) {
    const reason = text("steps.ews.url.noEwsUrl");
    run.skip("ews.auth-methods", text("steps.ews.authMethods.titleNoUrl"), reason);
    run.skip("ews.get-folder", getFolderTitle(input), reason);
    return;
  }
  await testEws(run, input, url);
}

/**
 * The Autodiscover search as EWS clients run it (its steps are the children of "autodiscover"), then "ews.url": the
 * EWS URL it names, or Exchange's default one beside Autodiscover when it gave no settings.
 */
async function findEwsUrl(run: TestRun, input: EwsInput, emailAddress: string): Promise<EndpointUrl | undefined> {
  let outcome: EwsUrlOutcome | undefined;
  // Not blocking: without settings (even after rejected credentials) EWS may still be tested at Exchange's default URL.
  await run.step(
    "autodiscover",
    text("steps.ews.autodiscover.title"),
    async (parent) => {
      const { username, password, authMethod, ignoreTrust } = input;
      const { discovery } = await discoverSettings(parent, { emailAddress, username, password, authMethod, ignoreTrust });
      outcome = judgeEwsUrl(discovery, username !== undefined);
      parent.summarize({
        success: text("steps.ews.autodiscover.summary.success"),
        warning: text("steps.ews.autodiscover.summary.warning"),
        error: text("steps.ews.autodiscover.summary.error"),
      });
    },
    nonBlocking,
  );
  const title = text("steps.ews.url.title");
  if (outcome?.kind === "found" || outcome?.kind === "missing") {
    const { finding } = outcome;
    await run.step("ews.url", title, (step) => step.report(finding), nonBlocking);
    return outcome.kind === "found" ? outcome.url : undefined;
  }
  run.skip("ews.url", title, outcome?.reason ?? text("steps.ews.url.unfinished"));
  return undefined;
}

/** DNS, TCP and the certificate of the EWS server, then the anonymous request, the NTLM identity and GetFolder. */
async function testEws(run: TestRun, input: EwsInput, url: EndpointUrl): Promise<void> {
  const { host, port, path } = url;
  const shown = endpointText(url);
  const request = getFolderPost(path, input.emailAddress);

  const target = await resolveStep(run, host);
  const connection = await tcpStep(run, host, target, port);
  const certificate = await certificateSteps(run, { host, port, connection, ignoreTrust: input.ignoreTrust, blocking: true, alpn: ["http/1.1"] });
  // No credentials travel on this session: it may use a certificate "Ignore trust" let through.
  const session = certificate && connection ? openPinnedSession(run, { host, port, address: connection.address }, certificate.leaf) : undefined;

  // Blocking: after a 404 or a missing method there is nothing more to ask this URL.
  const anonymous = await run.step("ews.auth-methods", text("steps.ews.authMethods.title", { url: shown }), async (step) => {
    const response = await required(session).http.request(request());
    step.report(judgeAuthMethods(response, input.authMethod, shown));
    return response;
  });
  await ntlmIdentityStep(run, session, request, anonymous);

  const { username, password } = input;
  if (username === undefined || password === undefined) {
    run.skip("ews.get-folder", getFolderTitle(input), text("steps.ews.getFolder.noCredentials"));
    return;
  }
  await run.step(
    "ews.get-folder",
    getFolderTitle(input),
    async (step) => {
      const gate = credentialGate({
        certificateTrusted: required(certificate).trusted,
        ignoreTrust: input.ignoreTrust,
        scheme: authScheme(anonymous, input.authMethod),
        method: input.authMethod,
      });
      if (!gate.send) return step.skipBecause(gate.reason);
      const target = { host, port, address: required(connection).address };
      await getFolder(step, target, required(certificate), request, { method: input.authMethod, scheme: gate.scheme, username, password });
    },
    nonBlocking,
  );
}

/** "Attempting to get the Inbox folder …": GetFolder over a session whose every connection is as strict as Outlook's. */
async function getFolder(
  step: StepContext,
  target: { host: string; port: number; address: ResolvedAddress },
  certificate: CertificateOutcome,
  request: ReturnType<typeof getFolderPost>,
  credentials: Parameters<typeof sendWithCredentials>[2],
): Promise<void> {
  const strict = openPinnedSession(step, target, certificate.leaf, { strict: true });
  try {
    const exchange = await sendWithCredentials(strict, request, credentials);
    step.report(judgeGetFolder(exchange, credentials.method, credentials.scheme));
  } catch (cause) {
    if (strict.refused === undefined) throw cause;
    step.addDetails({ credentialsSent: false, strictHandshake: strict.refused });
    step.skipBecause(strictRefusalReason(strict.refused));
  }
}

/** The server's name, domain and Windows version from an NTLM CHALLENGE (a NEGOTIATE carries no credentials). Informational. */
async function ntlmIdentityStep(
  run: TestRun,
  session: PinnedSession | undefined,
  request: ReturnType<typeof getFolderPost>,
  anonymous: HttpResponse | undefined,
): Promise<void> {
  const scheme = anonymous ? authScheme(anonymous, "ntlm") : undefined;
  if (anonymous && !scheme) {
    run.skip("ews.ntlm-challenge", NTLM_IDENTITY_TITLE, text("steps.ews.ntlm.neither"));
    return;
  }
  await run.step(
    "ews.ntlm-challenge",
    NTLM_IDENTITY_TITLE,
    async (step) => {
      const offered = required(scheme);
      try {
        step.report(judgeNtlmIdentity(await probeNtlmChallenge(required(session), request, offered), offered));
      } catch (cause) {
        if (!(cause instanceof ProblemError)) throw cause;
        step.addDetails({ scheme: offered });
        step.info(unreadableChallenge(cause.text ?? cause.message));
      }
    },
    nonBlocking,
  );
}

/**
 * "The server's NTLM challenge couldn't be read: <why>". A catalogue reason loses its final period inside the
 * sentence, so one that has it gets it back from the template; a plain one is kept as written.
 */
function unreadableChallenge(reason: string | LocalizedText): LocalizedText {
  return isLocalized(reason) && reason.english.endsWith(".")
    ? text("steps.ews.ntlm.readFailedSentence", { reason })
    : text("steps.ews.ntlm.readFailed", { reason });
}

function getFolderTitle(input: EwsInput): LocalizedText {
  const method = AUTH_METHOD_NAMES[input.authMethod];
  return input.emailAddress === undefined
    ? text("steps.ews.getFolder.title", { method })
    : text("steps.ews.getFolder.titleMailbox", { emailAddress: input.emailAddress, method });
}
