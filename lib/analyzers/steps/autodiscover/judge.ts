import { checkMutualAuth, MSSTD_PREFIX } from "@/lib/cert/mutual-auth";
import type { CertificateFacts } from "@/lib/cert/parse";
import { error, findingText, ok, warning, type Finding } from "@/lib/engine/finding";
import { englishOf, isLocalized, listText, text, type Text, type TextParamValue } from "@/lib/engine/text";
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
      exchangeFailed?: Text;
      /** Why the credentials weren't offered to this endpoint at all. */
      credentialsWithheld?: Text;
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
        finding: error("HTTP_UNEXPECTED_STATUS", text("steps.autodiscover.post.noMethods", { url }), details),
        verdict: { found: false },
      };
    }
    return {
      finding: ok(text("steps.autodiscover.post.needsCredentials", { url, methods: methods.join(", ") }), details),
      verdict: { found: true, needsCredentials: true },
    };
  }
  if (response.status === 200) return undefined; // an anonymous answer: judged like an authenticated one
  return { finding: unexpectedStatus(response, url), verdict: { found: false } };
}

function unexpectedStatus(response: HttpResponse, url: string): Finding {
  const { status } = response;
  const statusText = cleanText(response.statusText, LIMITS.httpStatusText);
  const location = headerValues(response, "location")[0];
  return error(
    "HTTP_UNEXPECTED_STATUS",
    status >= 300 && status < 400
      ? text("steps.autodiscover.post.unexpectedRedirect", {
          url,
          status,
          statusText,
          location: location === undefined ? text("steps.autodiscover.post.nowhere") : cleanText(location, LIMITS.nameShown),
        })
      : text("steps.autodiscover.post.unexpectedStatus", { url, status, statusText }),
    { url, status },
  );
}

/**
 * The Autodiscover service's own error: its code, and its message (server text) as the end of a sentence. The
 * templates of `group` differ by whether there is a code and a message.
 */
function serviceError(
  group: "steps.autodiscover.post.serviceError" | "steps.autodiscover.result.serviceError",
  answer: { errorCode?: string; message?: string },
  params: Record<string, TextParamValue> = {},
): Text {
  const { errorCode: code, message } = answer;
  if (message === undefined) return code ? text(`${group}.codeNoMessage`, { ...params, code }) : text(`${group}.noCodeNoMessage`, params);
  return code ? text(`${group}.code`, { ...params, code, message: sentence(message) }) : text(`${group}.noCode`, { ...params, message: sentence(message) });
}

/** The answer to the POST that carried credentials (or an anonymous 200), with its body already parsed. */
export function judgePoxAnswer(response: HttpResponse, parsed: PoxResponse | undefined, url: string): { finding: Finding; verdict: PostVerdict } {
  const details = { url, status: response.status };
  if (response.status === 401) {
    return {
      finding: error("LOGIN_FAILED", text("steps.autodiscover.post.rejected", { url }), details),
      verdict: { found: true, needsCredentials: true, credentialsRejected: true },
    };
  }
  if (response.status !== 200 || !parsed) return { finding: unexpectedStatus(response, url), verdict: { found: false } };
  switch (parsed.kind) {
    case "malformed":
      return {
        finding: error("AUTODISCOVER_BAD_RESPONSE", text("steps.autodiscover.post.malformed", { url, reason: parsed.reason }), details),
        verdict: { found: false },
      };
    case "error": {
      return {
        finding: error("AUTODISCOVER_BAD_RESPONSE", serviceError("steps.autodiscover.post.serviceError", parsed), {
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
        finding: ok(text("steps.autodiscover.post.redirectAddr", { address: parsed.address }), { ...details, redirectAddr: parsed.address }),
        verdict: { found: true, answer: parsed },
      };
    case "redirectUrl":
      return {
        finding: ok(text("steps.autodiscover.post.redirectUrl", { url: parsed.url }), { ...details, redirectUrl: parsed.url }),
        verdict: { found: true, answer: parsed },
      };
    case "settings": {
      const name = parsed.user.displayName;
      const types = parsed.protocols.map((protocol) => protocol.type).join(", ");
      const protocols = types || text("steps.common.none");
      return {
        finding: ok(name ? text("steps.autodiscover.post.settingsFor", { name, protocols }) : text("steps.autodiscover.post.settings", { protocols }), {
          ...details,
          ...settingsDetails(parsed),
        }),
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
  if (!wanted) return error("AUTODISCOVER_PRINCIPAL_MISMATCH", text("steps.autodiscover.expr.noServer"));
  const finding = checkMutualAuth(wanted.principal, certificate);
  const source = text(wanted.fromAutodiscover ? "steps.autodiscover.expr.source.autodiscover" : "steps.autodiscover.expr.source.derived", {
    principal: wanted.principal,
  });
  const details = { ...finding.details, exprServer: expr.server, certPrincipalName: expr.certPrincipalName ?? null };
  // The mutual-authentication check's own sentence ends each text (its final period comes from the template).
  const check = sentenceParam(findingText(finding));
  const server = String(expr.server);
  if (finding.status === "success") return ok(text("steps.autodiscover.expr.match", { server, source, check }), details);
  if (finding.status === "warning") return warning("AUTODISCOVER_PRINCIPAL_MISMATCH", text("steps.autodiscover.expr.warning", { check, source }), details);
  const commonName = certificate.subjectCommonNames[0];
  return error(
    "AUTODISCOVER_PRINCIPAL_MISMATCH",
    commonName
      ? text("steps.autodiscover.expr.mismatchFix", { server, source, principal: `${MSSTD_PREFIX}${commonName}`, check })
      : text("steps.autodiscover.expr.mismatch", { server, source, check }),
    details,
  );
}

/**
 * The outcome of the whole search. The methods are alternatives whose failures are warnings (Outlook goes on to the
 * next one), so what is wrong with the endpoint that was found is said again here, as the error it is.
 */
export function judgeDiscovery(
  discovery:
    | {
        url: string;
        method: string;
        /** The method as a catalogue text, read in the reader's language; `method` is its English. */
        methodText?: TextParamValue;
        verdict: Extract<PostVerdict, { found: true }>;
      }
    | undefined,
  domain: string,
  /** Where the methods looked, in order (catalogue texts or plain English). */
  paths: readonly TextParamValue[],
  /** An endpoint that accepted the credentials but answered with something that isn't Autodiscover XML. */
  unreadable?: { url: string; reason: string },
): Finding {
  if (!discovery && unreadable) {
    return error("AUTODISCOVER_BAD_RESPONSE", text("steps.autodiscover.result.unreadable", { url: unreadable.url, reason: unreadable.reason }), {
      url: unreadable.url,
    });
  }
  if (!discovery) return error("AUTODISCOVER_NOT_FOUND", text("steps.autodiscover.result.notFound", { domain, paths: listText(paths) }));
  const where = { url: discovery.url, method: discovery.methodText ?? discovery.method };
  const details = { url: discovery.url, method: discovery.method };
  const { verdict } = discovery;
  if ("needsCredentials" in verdict) {
    if (verdict.credentialsRejected) return error("LOGIN_FAILED", text("steps.autodiscover.result.rejected", where), details);
    if (verdict.exchangeFailed)
      return error("HTTP_UNEXPECTED_STATUS", text("steps.autodiscover.result.incomplete", { ...where, why: verdict.exchangeFailed }), details);
    if (verdict.credentialsWithheld)
      return ok(text("steps.autodiscover.result.withheld", { ...where, withheld: sentenceParam(verdict.credentialsWithheld) }), details);
    return ok(text("steps.autodiscover.result.needsCredentials", where), details);
  }
  if (verdict.answer.kind === "error") {
    return error("AUTODISCOVER_BAD_RESPONSE", serviceError("steps.autodiscover.result.serviceError", verdict.answer, where), {
      ...details,
      errorCode: verdict.answer.errorCode,
      errorMessage: verdict.answer.message,
    });
  }
  return ok(text("steps.autodiscover.result.found", where), details);
}

/**
 * A sentence passed where its template supplies the final period: a catalogue text as it is (a referenced text loses
 * its final period when rendered), plain English without its own.
 */
export function sentenceParam(value: Text): TextParamValue {
  return isLocalized(value) ? value : englishOf(value).replace(/\.$/, "");
}

/** Server text as the end of a sentence: one final period, not two. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
