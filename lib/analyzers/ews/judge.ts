import { error, info, ok, warning, type Finding } from "@/lib/engine/finding";
import { listText, text, type LocalizedText, type Text, type TextParamValue } from "@/lib/engine/text";
import { headerValues, type HttpResponse } from "@/lib/net/http";
import { offeredSchemes, offers } from "@/lib/net/http-auth";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { en as ewsMessages } from "./messages";
import { EWS_PATH, parseGetFolderResponse, type GetFolderMessage, type GetFolderResponse, type ServerVersion, type SoapFault } from "./soap";
import { AUTH_METHOD_NAMES, type AuthMethod } from "../fields";
import { endpointText, parseHttpsUrl, type EndpointUrl } from "../steps/autodiscover/endpoint";
import { judgeUnanswered } from "../steps/credential-outcome";
import type { Discovery } from "../steps/autodiscover/discover";
import type { PoxSettings } from "../steps/autodiscover/judge";
import type { CredentialExchange } from "../steps/credentials";
import type { NtlmServerIdentity } from "../steps/ntlm-challenge";

/** Pure judgements of what Autodiscover and EWS answered: facts in, findings out. */

// ---------------------------------------------------------------------------------------------------------------
// the EWS URL

/** The EWS URL an EWS client takes from the settings: the external one (EXPR) first, else the internal one (EXCH). */
export function ewsUrlFromSettings(settings: PoxSettings): { url: string; provider: "EXPR" | "EXCH" } | undefined {
  for (const provider of ["EXPR", "EXCH"] as const) {
    const url = settings.protocols.find((protocol) => protocol.type.toUpperCase() === provider && protocol.ewsUrl)?.ewsUrl;
    if (url) return { url, provider };
  }
  return undefined;
}

/** Where EWS is tested, if anywhere, and what the "ews.url" step says about it. */
export type EwsUrlOutcome = { kind: "found"; url: EndpointUrl; finding: Finding } | { kind: "missing"; finding: Finding } | { kind: "unknown"; reason: Text };

/**
 * The EWS URL from what the Autodiscover search found. Without settings (no credentials, credentials withheld or
 * rejected), EWS is tried where Exchange publishes it by default: beside Autodiscover, on the same host.
 */
export function judgeEwsUrl(discovery: Discovery | undefined, credentialsSupplied: boolean): EwsUrlOutcome {
  // The reasons follow "Skipped because" (lib/engine/runner.ts), in lower case as they have always been stored.
  if (!discovery) return { kind: "unknown", reason: text("steps.ews.url.notFound") };
  const { verdict } = discovery;
  if ("needsCredentials" in verdict) {
    const endpoint = parseHttpsUrl(discovery.url);
    if (!endpoint) return { kind: "unknown", reason: text("steps.ews.url.noUrl") };
    const url = { host: endpoint.host, port: endpoint.port, path: EWS_PATH };
    const key = verdict.credentialsRejected
      ? "steps.ews.url.defaultRejected"
      : credentialsSupplied
        ? "steps.ews.url.defaultWithheld"
        : "steps.ews.url.defaultAnonymous";
    const shown = endpointText(url);
    return {
      kind: "found",
      url,
      finding: info(text(key, { url: shown }), { ewsUrl: shown, source: "the Autodiscover server's host (Exchange's default)" }),
    };
  }
  const { answer } = verdict;
  if (answer.kind === "error") return { kind: "unknown", reason: text("steps.ews.url.answeredError") };
  if (answer.kind !== "settings") return { kind: "unknown", reason: text("steps.ews.url.redirectNoSettings") };
  const chosen = ewsUrlFromSettings(answer);
  if (!chosen) {
    return { kind: "missing", finding: error("AUTODISCOVER_BAD_RESPONSE", text("steps.ews.url.missing")) };
  }
  const shown = cleanText(chosen.url, LIMITS.nameShown);
  const details = { ewsUrl: shown, provider: chosen.provider };
  const url = parseHttpsUrl(chosen.url);
  if (!url) {
    return {
      kind: "missing",
      finding: error("AUTODISCOVER_BAD_RESPONSE", text("steps.ews.url.notHttps", { provider: chosen.provider, url: shown }), details),
    };
  }
  const key = chosen.provider === "EXPR" ? "steps.ews.url.external" : "steps.ews.url.internalOnly";
  return { kind: "found", url, finding: ok(text(key, { url: endpointText(url) }), details) };
}

// ---------------------------------------------------------------------------------------------------------------
// the anonymous request

/** The unauthenticated GetFolder: 401 with the chosen method among the offered ones. */
export function judgeAuthMethods(response: HttpResponse, method: AuthMethod, url: string): Finding {
  const challenges = headerValues(response, "www-authenticate");
  const schemes = offeredSchemes(challenges);
  const details = {
    status: response.status,
    methodsFound: schemes,
    wwwAuthenticate: challenges.slice(0, LIMITS.authSchemes).map((value) => cleanText(value, LIMITS.headerValueShown)),
  };
  const wanted = AUTH_METHOD_NAMES[method];
  if (response.status === 404) {
    return error("HTTP_UNEXPECTED_STATUS", text("steps.ews.authMethods.notFound", { url }), details);
  }
  if (response.status >= 200 && response.status < 300) {
    return warning("HTTP_UNEXPECTED_STATUS", text("steps.ews.authMethods.noChallenge", { status: response.status }), details);
  }
  if (response.status !== 401) {
    const location = headerValues(response, "location")[0];
    const status = { status: response.status, statusText: cleanText(response.statusText, LIMITS.httpStatusText) };
    const message =
      response.status >= 300 && response.status < 400
        ? text("steps.ews.authMethods.redirect", {
            ...status,
            location: location === undefined ? text("steps.ews.authMethods.nowhere") : cleanText(location, LIMITS.nameShown),
          })
        : text("steps.ews.authMethods.unexpectedStatus", status);
    return error("HTTP_UNEXPECTED_STATUS", message, details);
  }
  // Scheme names are the server's words: only "none" is translated.
  const found = schemes.length > 0 ? schemes.join(", ") : text("steps.common.none");
  if (offers(schemes, wanted)) return ok(text("steps.ews.authMethods.found", { method: wanted, found }), details);
  if (method === "ntlm" && offers(schemes, "Negotiate")) {
    return warning("HTTP_AUTH_METHOD_MISSING", text("steps.ews.authMethods.negotiateOnly", { found }), details);
  }
  return error("HTTP_AUTH_METHOD_MISSING", text("steps.ews.authMethods.missing", { method: wanted, found }), details);
}

/** What the server's NTLM CHALLENGE says about it: which server answered, behind a load balancer. Informational. */
export function judgeNtlmIdentity(identity: NtlmServerIdentity | undefined, scheme: string): Finding {
  if (!identity) {
    return info(text("steps.ews.ntlm.unreadable", { scheme }), { scheme });
  }
  const computer = identity.netbiosComputer ?? identity.dnsComputer;
  const domain = identity.netbiosDomain ?? identity.dnsDomain ?? identity.targetName;
  const both = (short: string | undefined, long: string | undefined) => (short && long && short !== long ? `${short} (${long})` : (short ?? long));
  const computerName = computer ? both(identity.netbiosComputer, identity.dnsComputer) : undefined;
  const domainName = domain ? both(identity.netbiosDomain ?? identity.targetName, identity.dnsDomain) : undefined;
  const named =
    computerName && domainName
      ? text("steps.ews.ntlm.named.computerInDomain", { computer: computerName, domain: domainName })
      : computerName
        ? text("steps.ews.ntlm.named.computer", { computer: computerName })
        : domainName
          ? text("steps.ews.ntlm.named.domain", { domain: domainName })
          : text("steps.ews.ntlm.named.nothing");
  const message = identity.osVersion
    ? text("steps.ews.ntlm.identityOs", { scheme, named, os: identity.osVersion })
    : text("steps.ews.ntlm.identity", { scheme, named });
  return info(message, { scheme, ntlmServer: identity });
}

// ---------------------------------------------------------------------------------------------------------------
// GetFolder with credentials

/** EWS response codes that mean the account signed in but may not use EWS on this mailbox. */
const ACCESS_DENIED = new Set(["ErrorAccessDenied"]);

/** What to do about an EWS response code, for the codes the analyzer knows (steps.ews.getFolder.hints). */
function hintFor(code: string | undefined): LocalizedText | undefined {
  const hints = ewsMessages.steps.getFolder.hints;
  if (code === undefined || !Object.hasOwn(hints, code)) return undefined;
  return text(`steps.ews.getFolder.hints.${code as keyof typeof hints}`);
}

/**
 * What follows an error's first sentence: the hint, the Exchange version, or both (each a sentence; the templates
 * that take it end it with its period, since a referenced text loses its own).
 */
function moreAfter(hint: LocalizedText | undefined, version: TextParamValue | undefined): LocalizedText | undefined {
  if (hint && version !== undefined) return text("steps.ews.getFolder.hintThenRunning", { hint, version });
  if (hint) return hint;
  return version === undefined ? undefined : text("steps.ews.getFolder.running", { version });
}

/** "Attempting to get the Inbox folder …": what the server answered to GetFolder with the supplied credentials. */
export function judgeGetFolder(outcome: CredentialExchange, method: AuthMethod, scheme: string): Finding {
  const name = AUTH_METHOD_NAMES[method];
  switch (outcome.kind) {
    case "no-challenge":
    case "malformed-challenge":
    case "connection-changed":
      return judgeUnanswered(outcome);
    case "answered":
      return judgeAnswer(outcome.response, { method: name, scheme, ...(outcome.serverDomain ? { serverDomain: outcome.serverDomain } : {}) });
  }
}

function judgeAnswer(response: HttpResponse, context: { method: string; scheme: string; serverDomain?: string }): Finding {
  const { status, statusText } = response;
  const details = { status, ...context };
  if (status === 401) {
    return error("LOGIN_FAILED", text("steps.ews.getFolder.rejected", { method: context.method }), details);
  }
  if (status !== 200 && status !== 500) {
    const params = { status, statusText: cleanText(statusText, LIMITS.httpStatusText) };
    return error("HTTP_UNEXPECTED_STATUS", text(status === 403 ? "steps.ews.getFolder.forbidden" : "steps.ews.getFolder.unexpectedStatus", params), details);
  }
  const parsed: GetFolderResponse = response.bodyTruncated
    ? { kind: "malformed", reason: text("steps.ews.getFolder.tooLarge", { bytes: LIMITS.httpBodyBytes }) }
    : parseGetFolderResponse(response.body);
  switch (parsed.kind) {
    case "malformed":
      return error("HTTP_UNEXPECTED_STATUS", text("steps.ews.getFolder.malformed", { status, reason: parsed.reason }), details);
    case "fault":
      return judgeFault(parsed, details);
    case "message":
      if (status !== 200)
        return error("HTTP_UNEXPECTED_STATUS", text("steps.ews.getFolder.messageStatus", { status }), { ...details, ...messageDetails(parsed) });
      return judgeMessage(parsed, details);
  }
}

function judgeMessage(message: GetFolderMessage, context: Record<string, unknown>): Finding {
  const details = { ...context, ...messageDetails(message) };
  const version = message.serverVersion ? versionText(message.serverVersion) : undefined;
  if (message.responseClass === "Error") {
    const code = message.responseCode ?? text("steps.ews.getFolder.noResponseCode");
    const said = message.messageText === undefined || message.messageText === "" ? undefined : sentence(message.messageText);
    return refusal("error", { code, said, more: moreAfter(hintFor(message.responseCode), version) }, message.responseCode, details);
  }
  const folder = message.folder;
  if (!folder) {
    const { responseClass } = message;
    const noFolder =
      version === undefined ? text("steps.ews.getFolder.noFolder", { responseClass }) : text("steps.ews.getFolder.noFolderRunning", { responseClass, version });
    return error("HTTP_UNEXPECTED_STATUS", noFolder, details);
  }
  const counts = [
    folder.totalCount === undefined
      ? undefined
      : text(folder.totalCount === 1 ? "steps.ews.getFolder.inbox.item" : "steps.ews.getFolder.inbox.items", { count: folder.totalCount }),
    folder.unreadCount === undefined
      ? undefined
      : text(folder.unreadCount === 1 ? "steps.ews.getFolder.inbox.unreadOne" : "steps.ews.getFolder.inbox.unread", { count: folder.unreadCount }),
  ].filter((part) => part !== undefined);
  const name = folder.displayName ? folder.displayName : undefined;
  const inbox =
    counts.length > 0
      ? name === undefined
        ? text("steps.ews.getFolder.inbox.holds", { counts: listText(counts) })
        : text("steps.ews.getFolder.inbox.namedHolds", { name, counts: listText(counts) })
      : name === undefined
        ? text("steps.ews.getFolder.inbox.returned")
        : text("steps.ews.getFolder.inbox.namedReturned", { name });
  const method = String(context.method);
  const params = { method, inbox, ...(version === undefined ? {} : { version }) };
  if (message.responseClass === "Warning") {
    const code = message.responseCode ?? text("steps.ews.getFolder.warningNoCode");
    return ok(text(version === undefined ? "steps.ews.getFolder.okWarning" : "steps.ews.getFolder.okWarningRunning", { ...params, code }), details);
  }
  return ok(text(version === undefined ? "steps.ews.getFolder.ok" : "steps.ews.getFolder.okRunning", params), details);
}

function judgeFault(fault: SoapFault, context: Record<string, unknown>): Finding {
  const details = {
    ...context,
    ...compact({ faultCode: fault.faultCode, faultString: fault.faultString, responseCode: fault.responseCode, errorMessage: fault.message }),
    ...(fault.serverVersion ? { serverVersion: versionDetails(fault.serverVersion) } : {}),
  };
  const code = fault.responseCode ?? fault.faultCode ?? text("steps.ews.getFolder.noCode");
  const words = fault.message ?? fault.faultString;
  const said = words ? sentence(words) : undefined;
  return refusal("fault", { code, said, more: hintFor(fault.responseCode) }, fault.responseCode, details);
}

/**
 * GetFolder refused (an error response, or a SOAP fault): its code, the server's words and a hint when there are
 * any. An access-denied code is a failed logon; anything else an unexpected answer.
 */
function refusal(
  kind: "error" | "fault",
  { code, said, more }: { code: TextParamValue; said?: TextParamValue; more?: TextParamValue },
  responseCode: string | undefined,
  details: Record<string, unknown>,
): Finding {
  const params = { code, ...(said === undefined ? {} : { said }), ...(more === undefined ? {} : { more }) };
  const message = text(`steps.ews.getFolder.${kind}${said === undefined ? "" : "Said"}${more ? "More" : ""}`, params);
  return responseCode && ACCESS_DENIED.has(responseCode) ? error("LOGIN_FAILED", message, details) : error("HTTP_UNEXPECTED_STATUS", message, details);
}

function messageDetails(message: GetFolderMessage): Record<string, unknown> {
  return compact({
    responseClass: message.responseClass,
    responseCode: message.responseCode,
    messageText: message.messageText,
    folder: message.folder,
    serverVersion: message.serverVersion ? versionDetails(message.serverVersion) : undefined,
  });
}

function versionDetails(version: ServerVersion): Record<string, unknown> {
  return compact({ ...version, build: buildNumber(version), product: productName(version) });
}

/** 15.2.1118.7, as far as the server said. */
function buildNumber(version: ServerVersion): string | undefined {
  const known: number[] = [];
  for (const part of [version.majorVersion, version.minorVersion, version.majorBuildNumber, version.minorBuildNumber]) {
    if (part === undefined) break;
    known.push(part);
  }
  return known.length > 0 ? known.join(".") : undefined;
}

/** The product a version number belongs to (Exchange's build numbers: 15.2 is 2019, and Subscription Edition from build 2562). */
export function productName(version: ServerVersion): string | undefined {
  const { majorVersion: major, minorVersion: minor, majorBuildNumber: build } = version;
  if (major === undefined) return undefined;
  if (major === 15 && minor !== undefined && minor >= 20) return "Exchange Online";
  if (major === 15 && minor === 2) return build !== undefined && build >= 2562 ? "Exchange Server Subscription Edition" : "Exchange Server 2019";
  if (major === 15 && minor === 1) return "Exchange Server 2016";
  if (major === 15 && minor === 0) return "Exchange Server 2013";
  if (major === 14) return "Exchange Server 2010";
  if (major === 8) return "Exchange Server 2007";
  return undefined;
}

/** "Exchange Server 2019 (15.2.1118.7, schema V2017_07_11)", as far as the server said; product names stay as they are. */
function versionText(version: ServerVersion): TextParamValue {
  const build = buildNumber(version);
  const schema = version.version ? version.version : undefined;
  const product = productName(version);
  if (product) {
    if (build && schema) return text("steps.ews.getFolder.version.productBuildSchema", { product, build, schema });
    if (build) return text("steps.ews.getFolder.version.productBuild", { product, build });
    if (schema) return text("steps.ews.getFolder.version.productSchema", { product, schema });
    return product;
  }
  if (build) return schema ? text("steps.ews.getFolder.version.buildSchema", { build, schema }) : text("steps.ews.getFolder.version.build", { build });
  return version.version === undefined ? text("steps.ews.getFolder.version.unknown") : text("steps.ews.getFolder.version.schema", { schema: version.version });
}

/** Server text as the end of a sentence: one final period, not two. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function compact(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}
