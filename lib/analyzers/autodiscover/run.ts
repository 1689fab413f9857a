import "server-only";
import { parseCertificate } from "@/lib/cert/parse";
import { trustStore } from "@/lib/cert/trust-store";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import { required } from "@/lib/engine/required";
import type { StepContext, StepScope, TestRun } from "@/lib/engine/runner";
import { resolveSrv, type ResolvedAddress } from "@/lib/net/dns";
import { headerValues, type HttpResponse } from "@/lib/net/http";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { tlsHandshake } from "@/lib/net/tls";
import { AUTODISCOVER_PATH, endpointText, getHttpRedirect, parseHttpsUrl, poxPost, type EndpointUrl } from "./endpoint";
import { judgeAnonymousPost, judgeDiscovery, judgeExprPrincipal, judgePoxAnswer, type PostVerdict, type PoxSettings } from "./judge";
import { parsePoxResponse, type PoxResponse } from "./pox";
import { certificateSteps, type CertificateOutcome } from "../steps/certificate";
import { resolveStep, tcpStep } from "../steps/connectivity";
import { authScheme, credentialGate } from "../steps/credential-gate";
import { sendWithCredentials } from "../steps/credentials";
import { openPinnedSession } from "../steps/pinned-session";
import type { AutodiscoverInput } from "./definition";

/** What the search found: the endpoint that answered, and what it answered. */
interface Discovery {
  url: string;
  method: string;
  verdict: Extract<PostVerdict, { found: true }>;
}

interface Search {
  input: AutodiscoverInput;
  run: TestRun;
  /** Redirects followed so far (redirectAddr / redirectUrl), against LIMITS.autodiscoverRedirects. */
  hops: number;
}

/**
 * Autodiscover as Outlook runs it (MS-OXDSCLI): four methods in order, the first that works ends the search; then,
 * with settings, the EXPR principal against the certificate the EXPR server presents.
 */
export default async function runAutodiscover(input: AutodiscoverInput, run: TestRun): Promise<void> {
  const search: Search = { input, run, hops: 0 };
  const discovery = await discover(run, search, input.emailAddress);

  const domain = domainOf(input.emailAddress);
  const paths = [
    `https://${domain}${AUTODISCOVER_PATH}`,
    `https://autodiscover.${domain}${AUTODISCOVER_PATH}`,
    `the HTTP redirect from http://autodiscover.${domain}${AUTODISCOVER_PATH}`,
    `the SRV record _autodiscover._tcp.${domain}`,
  ];
  await run.step("autodiscover.result", "Checking whether Autodiscover was found.", (step) => step.report(judgeDiscovery(discovery, domain, paths)));

  const settings = discovery && "answer" in discovery.verdict && discovery.verdict.answer.kind === "settings" ? discovery.verdict.answer : undefined;
  if (settings) await exprPrincipalStep(run, settings);
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
      attempt: (step) => tryEndpoint(step, search, emailAddress, { host: domain, port: 443, path: AUTODISCOVER_PATH }, "method 1"),
    },
    {
      code: "autodiscover.method2",
      name: "method 2",
      title: `Attempting to test potential Autodiscover URL https://autodiscover.${domain}${AUTODISCOVER_PATH}.`,
      attempt: (step) => tryEndpoint(step, search, emailAddress, { host: `autodiscover.${domain}`, port: 443, path: AUTODISCOVER_PATH }, "method 2"),
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
async function tryEndpoint(scope: StepScope, search: Search, emailAddress: string, url: EndpointUrl, method: string): Promise<Discovery | undefined> {
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
    verdict = await postToEndpoint(step, input, emailAddress, url, text, required(connection).address, required(certificate));
  });
  return verdict?.found ? { url: text, method, verdict } : undefined;
}

/** Outlook's POST, anonymous first; credentials follow only through the gate and over a strict connection. */
async function postToEndpoint(
  step: StepContext,
  input: AutodiscoverInput,
  emailAddress: string,
  url: EndpointUrl,
  text: string,
  address: ResolvedAddress,
  certificate: CertificateOutcome,
): Promise<PostVerdict> {
  {
    const leaf = certificate.leaf;
    const request = poxPost(url.path, emailAddress);
    // No credentials travel on this session: it may use a certificate "Ignore trust" let through.
    const anonymous = await openPinnedSession(step, { host: url.host, port: url.port, address }, leaf).http.request(request());
    const judged = judgeAnonymousPost(anonymous, text);
    if (judged && (!judged.verdict.found || input.username === undefined || input.password === undefined)) {
      step.report(judged.finding);
      return judged.verdict;
    }
    if (!judged) return report(step, judgePoxAnswer(anonymous, readPox(anonymous), text));

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
        message: `${judged.finding.message} The credentials weren't sent: a connection made as strictly as Outlook's (TLS 1.2 or later, default security, certificate verified by OpenSSL) was refused: ${strict.refused}`,
      });
      return judged.verdict;
    }
    if (exchange.kind !== "answered") {
      step.fail("HTTP_AUTH_METHOD_MISSING", `${text} didn't complete ${input.authMethod === "ntlm" ? "NTLM" : "Basic"} authentication (${exchange.kind}).`);
      return { found: true, needsCredentials: true } as const;
    }
    return report(step, judgePoxAnswer(exchange.response, readPox(exchange.response), text));
  }
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
  return location ? tryEndpoint(scope, search, emailAddress, location, "method 3 (HTTP redirect)") : undefined;
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
    ? tryEndpoint(scope, search, emailAddress, { host: record.name, port: record.port, path: AUTODISCOVER_PATH }, "method 4 (SRV record)")
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
    await scope.step("autodiscover.redirect", title, (step) =>
      step.fail(
        "AUTODISCOVER_BAD_RESPONSE",
        `More than ${LIMITS.autodiscoverRedirects} Autodiscover redirects in a row: a redirect loop. Outlook gives up too.`,
      ),
    );
    return undefined;
  }
  return scope.step("autodiscover.redirect", title, async (step) => {
    if (answer.kind === "redirectAddr") return discover(step, search, answer.address);
    const url = parseHttpsUrl(answer.url);
    if (!url) {
      step.fail("AUTODISCOVER_BAD_RESPONSE", `The redirect URL ${answer.url} isn't an https URL: Outlook doesn't follow it.`);
      return undefined;
    }
    const next = await tryEndpoint(step, search, search.input.emailAddress, url, found.method);
    return next ? followRedirect(step, search, next) : undefined;
  });
}

/** The EXPR principal Autodiscover hands Outlook, against the certificate the EXPR server really presents. */
async function exprPrincipalStep(run: TestRun, settings: PoxSettings): Promise<void> {
  const expr = settings.protocols.find((protocol) => protocol.type.toUpperCase() === "EXPR");
  const title = `Validating the EXPR (Outlook Anywhere) CertPrincipalName${expr?.server ? ` against the certificate of ${expr.server}` : ""}.`;
  if (!expr?.server) {
    await run.step("autodiscover.expr-principal", title, (step) =>
      step.info("Autodiscover returns no EXPR provider: Outlook Anywhere (RPC over HTTP) isn't published to clients outside the network."),
    );
    return;
  }
  const server = expr.server;
  await run.step("autodiscover.expr-principal", title, async (step) => {
    const target = await resolveStep(step, server);
    const connection = await tcpStep(step, server, target, 443);
    const leaf = await step.step("tls.certificate.obtain", `Attempting to obtain the SSL certificate from ${server} on port 443.`, async (child) => {
      const session = await tlsHandshake(required(connection).socket, {
        servername: server,
        timeoutMs: env().RCA_TIMEOUT_MS,
        alpn: ["http/1.1"],
        trust: trustStore().openssl,
      });
      child.defer(() => session.socket.destroy());
      const first = session.chain[0];
      if (!first) throw new ProblemError("TLS_HANDSHAKE_FAILED", `${server} completed the handshake without sending a certificate.`);
      const parsed = parseCertificate(first);
      child.addDetails({ subject: parsed.facts.subject, dnsNames: parsed.facts.dnsNames });
      child.succeed(`The EXPR server presents the certificate ${parsed.facts.subject}.`);
      return parsed;
    });
    if (!leaf) return step.skipBecause("the EXPR server's certificate couldn't be obtained.");
    step.report(judgeExprPrincipal(expr, leaf.facts));
  });
}
