import "server-only";
import { findingText, type Finding } from "@/lib/engine/finding";
import { required } from "@/lib/engine/required";
import type { StepContext, StepScope } from "@/lib/engine/runner";
import { englishOf, isLocalized, text, type LocalizedText, type Text, type TextParamValue } from "@/lib/engine/text";
import { resolveSrv, type ResolvedAddress } from "@/lib/net/dns";
import { headerValues, type HttpResponse } from "@/lib/net/http";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { AUTODISCOVER_PATH, endpointText, getHttpRedirect, parseHttpsUrl, poxPost, type EndpointUrl } from "./endpoint";
import { judgeAnonymousPost, judgeDiscovery, judgePoxAnswer, sentenceParam, type PostVerdict, type PoxSettings } from "./judge";
import { parsePoxResponse, type PoxResponse, type PoxSchema } from "./pox";
import { certificateSteps, type CertificateOutcome } from "../certificate";
import { resolveStep, tcpStep } from "../connectivity";
import { authScheme, credentialGate } from "../credential-gate";
import { sendWithCredentials } from "../credentials";
import { probeNtlmChallenge } from "../ntlm-challenge";
import { openPinnedSession, strictRefusalSentence } from "../pinned-session";
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
  /** The method as a catalogue text; `method` is its English. */
  methodText?: LocalizedText;
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
  const paths: TextParamValue[] = [
    `https://${domain}${AUTODISCOVER_PATH}`,
    `https://autodiscover.${domain}${AUTODISCOVER_PATH}`,
    text("steps.autodiscover.path.httpRedirect", { url: `http://autodiscover.${domain}${AUTODISCOVER_PATH}` }),
    text("steps.autodiscover.path.srv", { name: `_autodiscover._tcp.${domain}` }),
  ];
  // Not blocking: what follows (the JSON endpoint, a test's fallback URL) runs whatever the search found.
  await scope.step(
    "autodiscover.result",
    text("steps.autodiscover.result.title"),
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
  const methods: Array<{ code: string; title: Text; attempt: (step: StepContext) => Promise<Discovery | undefined> }> = [
    {
      code: "autodiscover.method1",
      title: text("steps.autodiscover.method.titleUrl", { url: `https://${domain}${AUTODISCOVER_PATH}` }),
      attempt: (step) =>
        tryEndpoint(step, search, emailAddress, { host: domain, port: 443, path: AUTODISCOVER_PATH }, text("steps.autodiscover.method.name.one"), true),
    },
    {
      code: "autodiscover.method2",
      title: text("steps.autodiscover.method.titleUrl", { url: `https://autodiscover.${domain}${AUTODISCOVER_PATH}` }),
      attempt: (step) =>
        tryEndpoint(
          step,
          search,
          emailAddress,
          { host: `autodiscover.${domain}`, port: 443, path: AUTODISCOVER_PATH },
          text("steps.autodiscover.method.name.two"),
          true,
        ),
    },
    {
      code: "autodiscover.method3",
      title: text("steps.autodiscover.method.titleHttpRedirect", { url: `http://autodiscover.${domain}${AUTODISCOVER_PATH}` }),
      attempt: (step) => tryHttpRedirect(step, search, emailAddress, `autodiscover.${domain}`),
    },
    {
      code: "autodiscover.method4",
      title: text("steps.autodiscover.method.titleSrv", { name: `_autodiscover._tcp.${domain}` }),
      attempt: (step) => trySrv(step, search, emailAddress, `_autodiscover._tcp.${domain}`),
    },
  ];
  let found: Discovery | undefined;
  let foundBy = 0;
  for (const [index, method] of methods.entries()) {
    if (found) {
      scope.skip(method.code, method.title, text("steps.autodiscover.method.skipped", { number: foundBy }));
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
          success: text(result ? "steps.autodiscover.method.summary.success" : "steps.autodiscover.method.summary.notFound"),
          warning: text(result ? "steps.autodiscover.method.summary.foundWithWarnings" : "steps.autodiscover.method.summary.tryNext"),
          error: text("steps.autodiscover.method.summary.tryNext"),
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
  /** The method that led here, as the result names it. */
  method: Text,
  /** Outlook sends credentials without asking only where the address's own domain (or Autodiscover's answer) sent it. */
  credentialsAllowed: boolean,
): Promise<Discovery | undefined> {
  const { input } = search;
  const endpoint = endpointText(url);
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
  await scope.step("autodiscover.post", text("steps.autodiscover.post.title", { url: endpoint }), async (step) => {
    verdict = await postToEndpoint(
      step,
      search,
      { ...input, ...(credentialsAllowed ? {} : { withhold: withheldReason(url.host, emailAddress, method) }) },
      emailAddress,
      url,
      endpoint,
      required(connection).address,
      required(certificate),
    );
  });
  return verdict?.found
    ? { url: endpoint, method: englishOf(method), ...(isLocalized(method) ? { methodText: method } : {}), emailAddress, verdict }
    : undefined;
}

/** Outlook's POST, anonymous first; credentials follow only through the gate and over a strict connection. */
async function postToEndpoint(
  step: StepContext,
  search: Search,
  input: AutodiscoverRequest & { withhold?: LocalizedText },
  emailAddress: string,
  url: EndpointUrl,
  endpoint: string,
  address: ResolvedAddress,
  certificate: CertificateOutcome,
): Promise<PostVerdict> {
  {
    const leaf = certificate.leaf;
    const request = poxPost(url.path, emailAddress, input.schema);
    // No credentials travel on this session: it may use a certificate "Ignore trust" let through.
    const session = openPinnedSession(step, { host: url.host, port: url.port, address }, leaf);
    const anonymous = await session.http.request(request());
    const judged = judgeAnonymousPost(anonymous, endpoint);
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
    if (!judged) return report(step, judgePoxAnswer(anonymous, readPox(anonymous), endpoint));
    if (input.withhold) {
      step.addDetails({ credentialsSent: false });
      step.report(appended(judged.finding, input.withhold));
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
      step.report(
        withMessage(
          judged.finding,
          text("steps.autodiscover.post.gateRefused", { found: sentenceParam(findingText(judged.finding)), reason: sentenceParam(gate.reason) }),
        ),
      );
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
      step.report(appended(judged.finding, strictRefusalSentence(strict.refusedText ?? strict.refused)));
      return judged.verdict;
    }
    if (exchange.kind !== "answered") {
      const why =
        exchange.kind === "no-challenge"
          ? text("steps.autodiscover.post.why.noChallenge")
          : exchange.kind === "malformed-challenge"
            ? text("steps.autodiscover.post.why.malformedChallenge", { reason: exchange.reason })
            : text("steps.autodiscover.post.why.connectionChanged");
      step.fail(
        "HTTP_UNEXPECTED_STATUS",
        text("steps.autodiscover.post.incomplete", { url: endpoint, method: input.authMethod === "ntlm" ? "NTLM" : "Basic", why }),
      );
      return { found: true, needsCredentials: true, exchangeFailed: why } as const;
    }
    const answer = readPox(exchange.response);
    if (answer.kind === "malformed" && exchange.response.status === 200) search.unreadable ??= { url: endpoint, reason: answer.reason };
    return report(step, judgePoxAnswer(exchange.response, answer, endpoint));
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
function withheldReason(host: string, emailAddress: string, method: Text): LocalizedText {
  return text("steps.autodiscover.post.withheld", { host, domain: domainOf(emailAddress), method });
}

/** The endpoint's finding (a sentence), then what happened to the credentials. */
function appended(found: Finding, then: LocalizedText): Finding {
  const key = englishOf(then).endsWith(".") ? "steps.autodiscover.post.then" : "steps.autodiscover.post.thenPhrase";
  return withMessage(found, text(key, { found: sentenceParam(findingText(found)), then }));
}

/** The finding with another message, status and details kept. */
function withMessage(finding: Finding, message: LocalizedText): Finding {
  return { ...finding, message: message.english, text: message };
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
    text("steps.autodiscover.httpRedirect.title", { url: `http://${host}${AUTODISCOVER_PATH}` }),
    async (step) => {
      const response = await getHttpRedirect(host, required(connection).address, 80);
      const raw = headerValues(response, "location")[0];
      const shown = raw === undefined ? "none" : cleanText(raw, LIMITS.nameShown);
      const location = raw === undefined ? text("steps.common.none") : shown;
      step.addDetails({ status: response.status, location: shown });
      const url = raw === undefined ? undefined : parseHttpsUrl(raw);
      if (response.status !== 302 || !url) {
        step.fail(
          "HTTP_UNEXPECTED_STATUS",
          response.status === 302
            ? text("steps.autodiscover.httpRedirect.notHttps", { location })
            : text("steps.autodiscover.httpRedirect.noRedirect", { url: `http://${host}${AUTODISCOVER_PATH}`, status: response.status }),
        );
        return undefined;
      }
      step.succeed(text("steps.autodiscover.httpRedirect.ok", { url: endpointText(url) }));
      return url;
    },
  );
  // The target is checked against the target policy by its own DNS step, like any other.
  const method = text("steps.autodiscover.method.name.httpRedirect");
  return location ? tryEndpoint(scope, search, emailAddress, location, method, withinDomain(location.host, emailAddress)) : undefined;
}

/** Method 4: the SRV record names the host and port of the endpoint. */
async function trySrv(scope: StepScope, search: Search, emailAddress: string, name: string): Promise<Discovery | undefined> {
  const record = await scope.step("autodiscover.srv", text("steps.autodiscover.srv.title", { name }), async (step) => {
    const { records, resolver } = await resolveSrv(name);
    const first = records[0];
    step.addDetails({ records: records.map((r) => `${r.priority} ${r.weight} ${r.port} ${r.name}`), resolver });
    if (!first) {
      step.fail("DNS_NO_RECORD", text("steps.autodiscover.srv.none", { name }));
      return undefined;
    }
    step.succeed(text("steps.autodiscover.srv.ok", { host: first.name, port: first.port }));
    return first;
  });
  return record
    ? tryEndpoint(
        scope,
        search,
        emailAddress,
        { host: record.name, port: record.port, path: AUTODISCOVER_PATH },
        text("steps.autodiscover.method.name.srv"),
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
  const title = text("steps.autodiscover.redirect.title", { target: where });
  if (search.hops > LIMITS.autodiscoverRedirects) {
    await scope.step(
      "autodiscover.redirect",
      title,
      (step) => step.fail("AUTODISCOVER_BAD_RESPONSE", text("steps.autodiscover.redirect.loop", { max: LIMITS.autodiscoverRedirects })),
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
          step.fail("AUTODISCOVER_BAD_RESPONSE", text("steps.autodiscover.redirect.badAddress", { address: answer.address }));
          return undefined;
        }
        return discover(step, search, answer.address);
      }
      const url = parseHttpsUrl(answer.url);
      if (!url) {
        step.fail("AUTODISCOVER_BAD_RESPONSE", text("steps.autodiscover.redirect.badUrl", { url: answer.url }));
        return undefined;
      }
      // The same address, asked of another endpoint (redirectUrl keeps the address a redirectAddr may have changed).
      const next = await tryEndpoint(step, search, found.emailAddress, url, found.methodText ?? found.method, true);
      return next ? followRedirect(step, search, next) : undefined;
    },
    { blocking: false },
  );
}
