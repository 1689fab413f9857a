import "server-only";
import { required } from "@/lib/engine/required";
import type { StepContext, StepScope } from "@/lib/engine/runner";
import { resolveSrv, type ResolvedAddress } from "@/lib/net/dns";
import { headerValues, type HttpResponse } from "@/lib/net/http";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { AUTODISCOVER_PATH, endpointText, getHttpRedirect, parseHttpsUrl, poxPost, type EndpointUrl } from "./endpoint";
import { judgeAnonymousPost, judgeDiscovery, judgePoxAnswer, type PostVerdict, type PoxSettings } from "./judge";
import { parsePoxResponse, type PoxResponse, type PoxSchema } from "./pox";
import { certificateSteps, type CertificateOutcome } from "../certificate";
import { resolveStep, tcpStep } from "../connectivity";
import { authScheme, credentialGate } from "../credential-gate";
import { sendWithCredentials } from "../credentials";
import { probeNtlmChallenge } from "../ntlm-challenge";
import { openPinnedSession, strictRefusalReason } from "../pinned-session";
import type { AuthMethod } from "../../fields";

/** Who is looking, and how: the inputs every test that starts with Autodiscover has. */
export interface AutodiscoverRequest {
  emailAddress: string;
  username?: string;
  password?: string;
  authMethod: AuthMethod;
  ignoreTrust: boolean;
  /** The response schema asked for: Outlook's (default) or mobile devices' (ActiveSync). */
  schema?: PoxSchema;
}

/** What the search found: the endpoint that answered, and what it answered. */
export interface Discovery {
  url: string;
  method: string;
  /** The address the endpoint answered for (a redirectAddr changes it). */
  emailAddress: string;
  verdict: Extract<PostVerdict, { found: true }>;
}

interface Search {
  input: AutodiscoverRequest;
  /** The first endpoint that accepted the credentials and answered with something that isn't Autodiscover XML. */
  unreadable?: { url: string; reason: string };
  /** Redirects followed so far (redirectAddr / redirectUrl), against LIMITS.autodiscoverRedirects. */
  hops: number;
}

/**
 * Autodiscover as Outlook runs it (MS-OXDSCLI): four methods in order as steps of `scope`, the first that works
 * ends the search, redirects followed; then "autodiscover.result" says what was found. Answers the settings, when
 * credentials got them.
 */
export async function discoverSettings(scope: StepScope, request: AutodiscoverRequest): Promise<{ discovery?: Discovery; settings?: PoxSettings }> {
  const search: Search = { input: request, hops: 0 };
  const discovery = await discover(scope, search, request.emailAddress);
  const domain = domainOf(request.emailAddress);
  const paths = [
    `https://${domain}${AUTODISCOVER_PATH}`,
    `https://autodiscover.${domain}${AUTODISCOVER_PATH}`,
    `the HTTP redirect from http://autodiscover.${domain}${AUTODISCOVER_PATH}`,
    `the SRV record _autodiscover._tcp.${domain}`,
  ];
  // Not blocking: what follows (the JSON endpoint, a test's fallback URL) runs whatever the search found.
  await scope.step(
    "autodiscover.result",
    "Checking whether Autodiscover was found.",
    (step) => step.report(judgeDiscovery(discovery, domain, paths, search.unreadable)),
    {
      blocking: false,
    },
  );
  const settings = discovery && "answer" in discovery.verdict && discovery.verdict.answer.kind === "settings" ? discovery.verdict.answer : undefined;
  return { discovery, settings };
}

function domainOf(emailAddress: string): string {
  return emailAddress.slice(emailAddress.lastIndexOf("@") + 1);
}

/** The four methods for one address, as children of `scope`; later ones are skipped once one works. */
async function discover(scope: StepScope, search: Search, emailAddress: string): Promise<Discovery | undefined> {
  const domain = domainOf(emailAddress);
  const methods: Array<{ code: string; name: string; title: string; attempt: (step: StepContext) => Promise<Discovery | undefined> }> = [
    {
      code: "autodiscover.method1",
      name: "method 1",
      title: `Attempting to test potential Autodiscover URL https://${domain}${AUTODISCOVER_PATH}.`,
      attempt: (step) => tryEndpoint(step, search, emailAddress, { host: domain, port: 443, path: AUTODISCOVER_PATH }, "method 1", true),
    },
    {
      code: "autodiscover.method2",
      name: "method 2",
      title: `Attempting to test potential Autodiscover URL https://autodiscover.${domain}${AUTODISCOVER_PATH}.`,
      attempt: (step) => tryEndpoint(step, search, emailAddress, { host: `autodiscover.${domain}`, port: 443, path: AUTODISCOVER_PATH }, "method 2", true),
    },
    {
      code: "autodiscover.method3",
      name: "method 3",
      title: `Attempting to contact the Autodiscover service using the HTTP redirect method (http://autodiscover.${domain}${AUTODISCOVER_PATH}).`,
      attempt: (step) => tryHttpRedirect(step, search, emailAddress, `autodiscover.${domain}`),
    },
    {
      code: "autodiscover.method4",
      name: "method 4",
      title: `Attempting to contact the Autodiscover service using the DNS SRV redirect method (_autodiscover._tcp.${domain}).`,
      attempt: (step) => trySrv(step, search, emailAddress, `_autodiscover._tcp.${domain}`),
    },
  ];
  let found: Discovery | undefined;
  let foundBy = 0;
  for (const [index, method] of methods.entries()) {
    if (found) {
      scope.skip(method.code, method.title, `method ${foundBy} succeeded, so this one wasn't attempted.`);
      continue;
    }
    foundBy = index + 1;
    // An alternative: a method that fails is a warning, Outlook goes on to the next one.
    found = await scope.step(
      method.code,
      method.title,
      async (step) => {
        const result = await method.attempt(step);
        step.summarize({
          success: result ? `Testing of this potential Autodiscover URL succeeded.` : "This method didn't find Autodiscover.",
          warning: result ? "This method found Autodiscover, with warnings." : "This method didn't find Autodiscover; Outlook tries the next one.",
          error: "This method didn't find Autodiscover; Outlook tries the next one.",
        });
        return result;
      },
      { blocking: false, alternative: true },
    );
  }
  return found ? await followRedirect(scope, search, found) : undefined;
}

/** One https endpoint: DNS, TCP, the certificate, then Outlook's POST. */
async function tryEndpoint(
  scope: StepScope,
  search: Search,
  emailAddress: string,
  url: EndpointUrl,
  method: string,
  /** Outlook sends credentials without asking only where the address's own domain (or Autodiscover's answer) sent it. */
  credentialsAllowed: boolean,
): Promise<Discovery | undefined> {
  const { input } = search;
  const text = endpointText(url);
  const target = await resolveStep(scope, url.host);
  const connection = await tcpStep(scope, url.host, target, url.port);
  const certificate = await certificateSteps(scope, {
    host: url.host,
    port: url.port,
    connection,
    ignoreTrust: input.ignoreTrust,
    blocking: true,
    alpn: ["http/1.1"],
  });
  // Kept whatever the step's status: an endpoint that answers with an Autodiscover error was still found.
  let verdict: PostVerdict | undefined;
  await scope.step("autodiscover.post", `Sending an Autodiscover POST request to ${text}.`, async (step) => {
    verdict = await postToEndpoint(
      step,
      search,
      { ...input, ...(credentialsAllowed ? {} : { withhold: withheldReason(url.host, emailAddress, method) }) },
      emailAddress,
      url,
      text,
      required(connection).address,
      required(certificate),
    );
  });
  return verdict?.found ? { url: text, method, emailAddress, verdict } : undefined;
}

/** Outlook's POST, anonymous first; credentials follow only through the gate and over a strict connection. */
async function postToEndpoint(
  step: StepContext,
  search: Search,
  input: AutodiscoverRequest & { withhold?: string },
  emailAddress: string,
  url: EndpointUrl,
  text: string,
  address: ResolvedAddress,
  certificate: CertificateOutcome,
): Promise<PostVerdict> {
  {
    const leaf = certificate.leaf;
    const request = poxPost(url.path, emailAddress, input.schema);
    // No credentials travel on this session: it may use a certificate "Ignore trust" let through.
    const session = openPinnedSession(step, { host: url.host, port: url.port, address }, leaf);
    const anonymous = await session.http.request(request());
    const judged = judgeAnonymousPost(anonymous, text);
    // Where NTLM is offered, its CHALLENGE names the server that answered (a NEGOTIATE carries no credentials).
    const ntlm = judged?.verdict.found ? authScheme(anonymous, "ntlm") : undefined;
    if (ntlm) {
      const identity = await probeNtlmChallenge(session, request, ntlm);
      if (identity) step.addDetails({ ntlmServer: identity });
    }
    if (judged && (!judged.verdict.found || input.username === undefined || input.password === undefined)) {
      step.report(judged.finding);
      return judged.verdict;
    }
    if (!judged) return report(step, judgePoxAnswer(anonymous, readPox(anonymous), text));
    if (input.withhold) {
      step.addDetails({ credentialsSent: false });
      step.report({ ...judged.finding, message: `${judged.finding.message} ${input.withhold}` });
      return { found: true, needsCredentials: true, credentialsWithheld: input.withhold };
    }

    const gate = credentialGate({
      certificateTrusted: certificate.trusted,
      ignoreTrust: input.ignoreTrust,
      scheme: authScheme(anonymous, input.authMethod),
      method: input.authMethod,
    });
    if (!gate.send) {
      step.addDetails({ credentialsSent: false });
      step.report({ ...judged.finding, message: `${judged.finding.message} Skipped sending the credentials because ${gate.reason}` });
      return judged.verdict;
    }
    const strict = openPinnedSession(step, { host: url.host, port: url.port, address }, leaf, { strict: true });
    let exchange;
    try {
      exchange = await sendWithCredentials(strict, request, {
        method: input.authMethod,
        scheme: gate.scheme,
        username: input.username!,
        password: input.password!,
      });
    } catch (cause) {
      if (strict.refused === undefined) throw cause;
      step.addDetails({ credentialsSent: false, strictHandshake: strict.refused });
      step.report({
        ...judged.finding,
        message: `${judged.finding.message} ${capitalized(strictRefusalReason(strict.refused))}`,
      });
      return judged.verdict;
    }
    if (exchange.kind !== "answered") {
      const why =
        exchange.kind === "no-challenge"
          ? "no NTLM challenge came back"
          : exchange.kind === "malformed-challenge"
            ? `its NTLM challenge couldn't be read (${exchange.reason})`
            : "the connection changed between the NTLM challenge and the answer";
      step.fail("HTTP_UNEXPECTED_STATUS", `${text} didn't complete ${input.authMethod === "ntlm" ? "NTLM" : "Basic"} authentication: ${why}.`);
      return { found: true, needsCredentials: true, exchangeFailed: why } as const;
    }
    const answer = readPox(exchange.response);
    if (answer.kind === "malformed" && exchange.response.status === 200) search.unreadable ??= { url: text, reason: answer.reason };
    return report(step, judgePoxAnswer(exchange.response, answer, text));
  }
}

/** A host in the mailbox's own domain (or the domain itself). */
function withinDomain(host: string, emailAddress: string): boolean {
  const domain = domainOf(emailAddress).toLowerCase();
  const name = host.toLowerCase().replace(/\.$/, "");
  return name === domain || name.endsWith(`.${domain}`);
}

/**
 * An unauthenticated plain-HTTP redirect or an unsigned SRV record can point anywhere: before sending credentials to
 * a host outside the mailbox's domain found that way, Outlook asks the user. The analyzer doesn't send them.
 */
function withheldReason(host: string, emailAddress: string, method: string): string {
  return `The credentials weren't sent: ${host} is outside ${domainOf(emailAddress)} and was found by ${method}, which anyone able to answer plain HTTP or DNS for the domain could forge; Outlook asks the user before sending credentials there.`;
}

/** An addr-spec as Autodiscover's RedirectAddr must be: local@domain, the domain a host name. */
function looksLikeAddress(text: string): boolean {
  return /^[^\s@<>()[\]\\,;:"]{1,64}@[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(text) && text.length <= 320;
}

/** The response's body as POX; a body cut at the size limit is malformed by definition, not parsed half. */
function readPox(response: HttpResponse): PoxResponse {
  if (response.bodyTruncated)
    return { kind: "malformed", reason: `the response is larger than ${LIMITS.httpBodyBytes} bytes, more than any Autodiscover answer needs.` };
  return parsePoxResponse(response.body);
}

function report(step: StepContext, judged: { finding: Parameters<StepContext["report"]>[0]; verdict: PostVerdict }): PostVerdict {
  step.report(judged.finding);
  return judged.verdict;
}

/** Method 3: http://autodiscover.<domain>/… must answer 302 to an https URL, which is then tested like the others. */
async function tryHttpRedirect(scope: StepScope, search: Search, emailAddress: string, host: string): Promise<Discovery | undefined> {
  const target = await resolveStep(scope, host);
  const connection = await tcpStep(scope, host, target, 80);
  const location = await scope.step(
    "autodiscover.http-redirect",
    `Checking http://${host}${AUTODISCOVER_PATH} for a redirect to an https URL.`,
    async (step) => {
      const response = await getHttpRedirect(host, required(connection).address, 80);
      const raw = headerValues(response, "location")[0];
      const shown = raw === undefined ? "none" : cleanText(raw, LIMITS.nameShown);
      step.addDetails({ status: response.status, location: shown });
      const url = raw === undefined ? undefined : parseHttpsUrl(raw);
      if (response.status !== 302 || !url) {
        step.fail(
          "HTTP_UNEXPECTED_STATUS",
          response.status === 302
            ? `The redirect points to ${shown}, which isn't an https URL: Outlook follows only a 302 to https.`
            : `http://${host}${AUTODISCOVER_PATH} answered HTTP ${response.status} instead of a 302 redirect to an https URL.`,
        );
        return undefined;
      }
      step.succeed(`The HTTP redirect method points to ${endpointText(url)}.`);
      return url;
    },
  );
  // The target is checked against the target policy by its own DNS step, like any other.
  return location ? tryEndpoint(scope, search, emailAddress, location, "method 3 (HTTP redirect)", withinDomain(location.host, emailAddress)) : undefined;
}

/** Method 4: the SRV record names the host and port of the endpoint. */
async function trySrv(scope: StepScope, search: Search, emailAddress: string, name: string): Promise<Discovery | undefined> {
  const record = await scope.step("autodiscover.srv", `Attempting to locate the SRV record ${name} in DNS.`, async (step) => {
    const { records, resolver } = await resolveSrv(name);
    const first = records[0];
    step.addDetails({ records: records.map((r) => `${r.priority} ${r.weight} ${r.port} ${r.name}`), resolver });
    if (!first) {
      step.fail("DNS_NO_RECORD", `No SRV record ${name} exists.`);
      return undefined;
    }
    step.succeed(`The SRV record points to ${first.name}, port ${first.port}.`);
    return first;
  });
  return record
    ? tryEndpoint(
        scope,
        search,
        emailAddress,
        { host: record.name, port: record.port, path: AUTODISCOVER_PATH },
        "method 4 (SRV record)",
        withinDomain(record.name, emailAddress),
      )
    : undefined;
}

/** redirectUrl and redirectAddr answers are followed, each target checked again, at most LIMITS.autodiscoverRedirects times. */
async function followRedirect(scope: StepScope, search: Search, found: Discovery): Promise<Discovery | undefined> {
  const answer = "answer" in found.verdict ? found.verdict.answer : undefined;
  if (!answer || (answer.kind !== "redirectAddr" && answer.kind !== "redirectUrl")) return found;
  search.hops += 1;
  const where = answer.kind === "redirectAddr" ? answer.address : answer.url;
  const title = `Following the Autodiscover redirect to ${where}.`;
  if (search.hops > LIMITS.autodiscoverRedirects) {
    await scope.step(
      "autodiscover.redirect",
      title,
      (step) =>
        step.fail(
          "AUTODISCOVER_BAD_RESPONSE",
          `More than ${LIMITS.autodiscoverRedirects} Autodiscover redirects in a row: a redirect loop. Outlook gives up too.`,
        ),
      // The search's own result step still says what was (not) found.
      { blocking: false },
    );
    return undefined;
  }
  return scope.step(
    "autodiscover.redirect",
    title,
    async (step) => {
      if (answer.kind === "redirectAddr") {
        if (!looksLikeAddress(answer.address)) {
          step.fail("AUTODISCOVER_BAD_RESPONSE", `The redirect address ${answer.address} isn't an e-mail address: Outlook doesn't follow it.`);
          return undefined;
        }
        return discover(step, search, answer.address);
      }
      const url = parseHttpsUrl(answer.url);
      if (!url) {
        step.fail("AUTODISCOVER_BAD_RESPONSE", `The redirect URL ${answer.url} isn't an https URL: Outlook doesn't follow it.`);
        return undefined;
      }
      // The same address, asked of another endpoint (redirectUrl keeps the address a redirectAddr may have changed).
      const next = await tryEndpoint(step, search, found.emailAddress, url, found.method, true);
      return next ? followRedirect(step, search, next) : undefined;
    },
    { blocking: false },
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
