import { checkMutualAuth, MSSTD_PREFIX } from "@/lib/cert/mutual-auth";
import type { CertificateFacts } from "@/lib/cert/parse";
import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import { headerValues, type HttpResponse } from "@/lib/net/http";
import { offeredSchemes } from "@/lib/net/http-auth";
import { cleanText, LIMITS } from "@/lib/net/limits";
import type { PoxProtocol, PoxResponse } from "./pox";

/** Pure judgements of what an Autodiscover endpoint answered: facts in, findings out. */

export type PoxSettings = Extract<PoxResponse, { kind: "settings" }>;

/** What one POST established about the endpoint. */
export type PostVerdict =
  /** The endpoint is there; without (sent) credentials there is nothing more to read. */
  | {
      found: true;
      needsCredentials: true;
      credentialsRejected?: boolean;
      /** Why the credential exchange didn't complete (NTLM), when it didn't. */
      exchangeFailed?: string;
      /** Why the credentials weren't offered to this endpoint at all. */
      credentialsWithheld?: string;
    }
  | { found: true; answer: Exclude<PoxResponse, { kind: "malformed" }> }
  | { found: false };

/** The unauthenticated POST: 401 with methods proves an Autodiscover endpoint; anything but 200 proves none. */
export function judgeAnonymousPost(response: HttpResponse, url: string): { finding: Finding; verdict: PostVerdict } | undefined {
  const methods = offeredSchemes(headerValues(response, "www-authenticate"));
  const details = { url, status: response.status, ...(methods.length > 0 ? { methodsFound: methods } : {}) };
  if (response.status === 401) {
    if (methods.length === 0) {
      return {
        finding: error("HTTP_UNEXPECTED_STATUS", `${url} answered 401 without naming any authentication method (no WWW-Authenticate header).`, details),
        verdict: { found: false },
      };
    }
    return {
      finding: ok(
        `The Autodiscover endpoint ${url} answered 401 and asks for authentication (methods: ${methods.join(", ")}): it is there. Supply credentials to see the settings it hands Outlook.`,
        details,
      ),
      verdict: { found: true, needsCredentials: true },
    };
  }
  if (response.status === 200) return undefined; // an anonymous answer: judged like an authenticated one
  return { finding: unexpectedStatus(response, url), verdict: { found: false } };
}

function unexpectedStatus(response: HttpResponse, url: string): Finding {
  const where =
    response.status >= 300 && response.status < 400
      ? ` (a redirect to ${cleanText(headerValues(response, "location")[0] ?? "nowhere", LIMITS.nameShown)}; Outlook doesn't follow redirects of a POST)`
      : "";
  return error(
    "HTTP_UNEXPECTED_STATUS",
    `${url} answered HTTP ${response.status} ${cleanText(response.statusText, LIMITS.httpStatusText)}${where}: it isn't an Autodiscover endpoint Outlook can use.`,
    { url, status: response.status },
  );
}

/** The answer to the POST that carried credentials (or an anonymous 200), with its body already parsed. */
export function judgePoxAnswer(response: HttpResponse, parsed: PoxResponse | undefined, url: string): { finding: Finding; verdict: PostVerdict } {
  const details = { url, status: response.status };
  if (response.status === 401) {
    return {
      finding: error(
        "LOGIN_FAILED",
        `${url} rejected the supplied credentials (HTTP 401). Check the user name, the password, and that the account has a mailbox.`,
        details,
      ),
      verdict: { found: true, needsCredentials: true, credentialsRejected: true },
    };
  }
  if (response.status !== 200 || !parsed) return { finding: unexpectedStatus(response, url), verdict: { found: false } };
  switch (parsed.kind) {
    case "malformed":
      return {
        finding: error("AUTODISCOVER_BAD_RESPONSE", `${url} answered 200, but not with an Autodiscover response Outlook can read: ${parsed.reason}`, details),
        verdict: { found: false },
      };
    case "error": {
      const code = parsed.errorCode ? ` ${parsed.errorCode}` : "";
      return {
        finding: error("AUTODISCOVER_BAD_RESPONSE", `The Autodiscover service answered with error${code}: ${sentence(parsed.message ?? "no message")}`, {
          ...details,
          errorCode: parsed.errorCode,
          errorMessage: parsed.message,
          debugData: parsed.debugData,
        }),
        verdict: { found: true, answer: parsed },
      };
    }
    case "redirectAddr":
      return {
        finding: ok(`The Autodiscover service redirects to another address: ${parsed.address}.`, { ...details, redirectAddr: parsed.address }),
        verdict: { found: true, answer: parsed },
      };
    case "redirectUrl":
      return {
        finding: ok(`The Autodiscover service redirects to another URL: ${parsed.url}.`, { ...details, redirectUrl: parsed.url }),
        verdict: { found: true, answer: parsed },
      };
    case "settings": {
      const name = parsed.user.displayName ? ` for ${parsed.user.displayName}` : "";
      const types = parsed.protocols.map((protocol) => protocol.type).join(", ") || "none";
      return {
        finding: ok(`The Autodiscover service returned the settings${name}. Protocols: ${types}.`, { ...details, ...settingsDetails(parsed) }),
        verdict: { found: true, answer: parsed },
      };
    }
  }
}

/** The settings as an admin reads them in the step's details. */
export function settingsDetails(settings: PoxSettings): Record<string, unknown> {
  return {
    user: settings.user,
    protocols: settings.protocols.map((protocol) =>
      Object.fromEntries(
        Object.entries(protocol).filter(([, value]) => value !== undefined && !(typeof value === "object" && Object.keys(value).length === 0)),
      ),
    ),
  };
}

/** The principal Outlook uses for the EXPR server: CertPrincipalName, or msstd:<server> when Autodiscover gives none. */
export function exprPrincipal(expr: PoxProtocol): { principal: string; fromAutodiscover: boolean } | undefined {
  if (expr.certPrincipalName) return { principal: expr.certPrincipalName, fromAutodiscover: true };
  if (expr.server) return { principal: `${MSSTD_PREFIX}${expr.server}`, fromAutodiscover: false };
  return undefined;
}

/**
 * The EXPR CertPrincipalName against the certificate the EXPR server presents, compared as Outlook compares it:
 * a mismatch means Outlook Anywhere refuses to connect, whatever else is right.
 */
export function judgeExprPrincipal(expr: PoxProtocol, certificate: CertificateFacts): Finding {
  const wanted = exprPrincipal(expr);
  if (!wanted) return error("AUTODISCOVER_PRINCIPAL_MISMATCH", "The EXPR provider names no server, so Outlook can't use Outlook Anywhere.");
  const finding = checkMutualAuth(wanted.principal, certificate);
  const source = wanted.fromAutodiscover
    ? `Autodiscover's EXPR CertPrincipalName ${wanted.principal}`
    : `the principal Outlook derives from the EXPR server (${wanted.principal}; Autodiscover sends no CertPrincipalName)`;
  const details = { ...finding.details, exprServer: expr.server, certPrincipalName: expr.certPrincipalName ?? null };
  if (finding.status === "success") return ok(`The certificate of ${expr.server} matches ${source}. ${finding.message}`, details);
  const fix = certificate.subjectCommonNames[0]
    ? ` Fix: Set-OutlookProvider EXPR -CertPrincipalName:"${MSSTD_PREFIX}${certificate.subjectCommonNames[0]}"`
    : "";
  if (finding.status === "warning") return warning("AUTODISCOVER_PRINCIPAL_MISMATCH", `${finding.message} (Checked: ${source}.)`, details);
  return error(
    "AUTODISCOVER_PRINCIPAL_MISMATCH",
    `The certificate of ${expr.server} doesn't match ${source}: Outlook refuses to connect.${fix}. ${finding.message}`,
    details,
  );
}

/**
 * The outcome of the whole search. The methods are alternatives whose failures are warnings (Outlook goes on to the
 * next one), so what is wrong with the endpoint that was found is said again here, as the error it is.
 */
export function judgeDiscovery(
  discovery: { url: string; method: string; verdict: Extract<PostVerdict, { found: true }> } | undefined,
  domain: string,
  paths: string[],
  /** An endpoint that accepted the credentials but answered with something that isn't Autodiscover XML. */
  unreadable?: { url: string; reason: string },
): Finding {
  if (!discovery && unreadable) {
    return error(
      "AUTODISCOVER_BAD_RESPONSE",
      `No method got usable settings: ${unreadable.url} accepted the credentials but answered with something that isn't an Autodiscover response: ${unreadable.reason}`,
      { url: unreadable.url },
    );
  }
  if (!discovery) {
    return error(
      "AUTODISCOVER_NOT_FOUND",
      `None of the methods Outlook uses found an Autodiscover service for ${domain}: ${paths.join(", ")}. Outlook can't set up this mailbox automatically.`,
    );
  }
  const where = `${discovery.url} (${discovery.method})`;
  const details = { url: discovery.url, method: discovery.method };
  const { verdict } = discovery;
  if ("needsCredentials" in verdict) {
    if (verdict.credentialsRejected) return error("LOGIN_FAILED", `Autodiscover was found at ${where}, but it rejected the supplied credentials.`, details);
    if (verdict.exchangeFailed)
      return error("HTTP_UNEXPECTED_STATUS", `Autodiscover was found at ${where}, but authentication didn't complete: ${verdict.exchangeFailed}.`, details);
    if (verdict.credentialsWithheld) return ok(`Autodiscover was found at ${where}. ${verdict.credentialsWithheld}`, details);
    return ok(`Autodiscover was found at ${where}; it needs credentials to hand out settings.`, details);
  }
  if (verdict.answer.kind === "error") {
    return error(
      "AUTODISCOVER_BAD_RESPONSE",
      `Autodiscover was found at ${where}, but it answered with error${verdict.answer.errorCode ? ` ${verdict.answer.errorCode}` : ""}: ${sentence(verdict.answer.message ?? "no message")}`,
      { ...details, errorCode: verdict.answer.errorCode, errorMessage: verdict.answer.message },
    );
  }
  return ok(`Autodiscover was found at ${where}.`, details);
}

/** Server text as the end of a sentence: one final period, not two. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
