import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import { headerValues, type HttpResponse } from "@/lib/net/http";
import { offeredSchemes, offers } from "@/lib/net/http-auth";
import { cleanText, LIMITS } from "@/lib/net/limits";
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
export type EwsUrlOutcome = { kind: "found"; url: EndpointUrl; finding: Finding } | { kind: "missing"; finding: Finding } | { kind: "unknown"; reason: string };

/**
 * The EWS URL from what the Autodiscover search found. Without settings (no credentials, credentials withheld or
 * rejected), EWS is tried where Exchange publishes it by default: beside Autodiscover, on the same host.
 */
export function judgeEwsUrl(discovery: Discovery | undefined, credentialsSupplied: boolean): EwsUrlOutcome {
  if (!discovery) return { kind: "unknown", reason: "Autodiscover wasn't found, so it named no EWS URL." };
  const { verdict } = discovery;
  if ("needsCredentials" in verdict) {
    const endpoint = parseHttpsUrl(discovery.url);
    if (!endpoint) return { kind: "unknown", reason: "Autodiscover named no EWS URL." };
    const url = { host: endpoint.host, port: endpoint.port, path: EWS_PATH };
    const why = verdict.credentialsRejected
      ? "Autodiscover rejected the supplied credentials, so it named no EWS URL"
      : credentialsSupplied
        ? "The credentials weren't sent to Autodiscover (its POST step says why), so it named no EWS URL"
        : "Autodiscover hands out the EWS URL only to a signed-in user, and no credentials were supplied";
    const text = endpointText(url);
    return {
      kind: "found",
      url,
      finding: {
        status: "info",
        message: `${why}: trying ${text}, where Exchange publishes EWS beside Autodiscover by default.`,
        details: { ewsUrl: text, source: "the Autodiscover server's host (Exchange's default)" },
      },
    };
  }
  const { answer } = verdict;
  if (answer.kind === "error") return { kind: "unknown", reason: "Autodiscover answered with an error, so it named no EWS URL." };
  if (answer.kind !== "settings") return { kind: "unknown", reason: "Autodiscover answered with a redirect that didn't lead to settings." };
  const chosen = ewsUrlFromSettings(answer);
  if (!chosen) {
    return {
      kind: "missing",
      finding: error(
        "AUTODISCOVER_BAD_RESPONSE",
        "Autodiscover returned the settings without an EWS URL (no EwsUrl in the EXPR or EXCH provider): EWS clients such as Outlook for Mac, Teams and mobile mail apps can't find EWS. Set the EWS virtual directory's URLs: Set-WebServicesVirtualDirectory \"<server>\\EWS (Default Web Site)\" -ExternalUrl https://mail.contoso.com/EWS/Exchange.asmx -InternalUrl https://mail.contoso.com/EWS/Exchange.asmx",
      ),
    };
  }
  const shown = cleanText(chosen.url, LIMITS.nameShown);
  const details = { ewsUrl: shown, provider: chosen.provider };
  const url = parseHttpsUrl(chosen.url);
  if (!url) {
    return {
      kind: "missing",
      finding: error(
        "AUTODISCOVER_BAD_RESPONSE",
        `The EWS URL Autodiscover hands out (${chosen.provider}), ${shown}, isn't an https URL: EWS clients don't use it.`,
        details,
      ),
    };
  }
  const text = endpointText(url);
  if (chosen.provider === "EXPR")
    return { kind: "found", url, finding: ok(`Autodiscover hands out the EWS URL ${text} (EXPR: for clients outside the network).`, details) };
  return {
    kind: "found",
    url,
    finding: ok(
      `Autodiscover hands out the EWS URL ${text} (EXCH: the internal URL). It gives no external (EXPR) EWS URL, so EWS clients outside the network may not find EWS; set the EWS virtual directory's ExternalUrl if they need it.`,
      details,
    ),
  };
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
    return error(
      "HTTP_UNEXPECTED_STATUS",
      `EWS isn't published at ${url}: the server answered 404 Not Found. The EWS virtual directory is missing, or a reverse proxy or load balancer in front doesn't publish /EWS.`,
      details,
    );
  }
  if (response.status >= 200 && response.status < 300) {
    return warning(
      "HTTP_UNEXPECTED_STATUS",
      `EWS answered HTTP ${response.status} without asking for authentication; an EWS endpoint expects 401 with the authentication methods it accepts (is something in front of it pre-authenticating?).`,
      details,
    );
  }
  if (response.status !== 401) {
    const location = headerValues(response, "location")[0];
    const redirect =
      response.status >= 300 && response.status < 400
        ? ` (a redirect to ${cleanText(location ?? "nowhere", LIMITS.nameShown)}; EWS clients don't follow redirects of their SOAP POST)`
        : "";
    return error(
      "HTTP_UNEXPECTED_STATUS",
      `EWS answered HTTP ${response.status} ${cleanText(response.statusText, LIMITS.httpStatusText)}${redirect} instead of 401 Unauthorized with the authentication methods it accepts.`,
      details,
    );
  }
  const found = schemes.length > 0 ? schemes.join(", ") : "none";
  if (offers(schemes, wanted)) return ok(`The analyzer found the expected authentication method ${wanted}. Methods found: ${found}.`, details);
  if (method === "ntlm" && offers(schemes, "Negotiate")) {
    return warning(
      "HTTP_AUTH_METHOD_MISSING",
      `NTLM isn't offered on its own; Negotiate is, which falls back to NTLM for most clients. Methods found: ${found}.`,
      details,
    );
  }
  return error("HTTP_AUTH_METHOD_MISSING", `The authentication method ${wanted} isn't offered by EWS. Methods found: ${found}.`, details);
}

/** What the server's NTLM CHALLENGE says about it: which server answered, behind a load balancer. Informational. */
export function judgeNtlmIdentity(identity: NtlmServerIdentity | undefined, scheme: string): Finding {
  if (!identity) {
    return {
      status: "info",
      message: `The server offers ${scheme} but didn't answer an NTLM negotiate message with a challenge the analyzer could read.`,
      details: { scheme },
    };
  }
  const computer = identity.netbiosComputer ?? identity.dnsComputer;
  const domain = identity.netbiosDomain ?? identity.dnsDomain ?? identity.targetName;
  const both = (short: string | undefined, long: string | undefined) => (short && long && short !== long ? `${short} (${long})` : (short ?? long));
  const parts = [
    computer ? `the computer ${both(identity.netbiosComputer, identity.dnsComputer)}` : undefined,
    domain ? `the domain ${both(identity.netbiosDomain ?? identity.targetName, identity.dnsDomain)}` : undefined,
  ].filter((part) => part !== undefined);
  const os = identity.osVersion ? `, Windows version ${identity.osVersion}` : "";
  const named = parts.length > 0 ? `names ${parts.join(" in ")}` : "names no computer or domain";
  return { status: "info", message: `The server's NTLM challenge (${scheme}) ${named}${os}.`, details: { scheme, ntlmServer: identity } };
}

// ---------------------------------------------------------------------------------------------------------------
// GetFolder with credentials

/** EWS response codes that mean the account signed in but may not use EWS on this mailbox. */
const ACCESS_DENIED = new Set(["ErrorAccessDenied"]);

const RESPONSE_CODE_HINTS: Record<string, string> = {
  ErrorNonExistentMailbox: "No mailbox has this address: check the e-mail address, and that it is one of the mailbox's addresses on this organisation.",
  ErrorMissingEmailAddress:
    "The account that signed in has no mailbox of its own: enter the e-mail address of a mailbox it may open, or sign in as the mailbox's owner.",
  ErrorAccessDenied:
    "The server accepted the credentials, but this account may not open the mailbox through EWS. Check that EWS is enabled for it (Get-CASMailbox <user> | Format-List Ews*; Set-CASMailbox <user> -EwsEnabled $true), the organisation's EWS access policy (Get-OrganizationConfig | Format-List Ews*), and its permissions on the mailbox.",
  ErrorMailboxMoveInProgress: "The mailbox is being moved; try again once the move has completed.",
  ErrorMailboxStoreUnavailable: "The mailbox database is unavailable (dismounted, or failing over).",
  ErrorServerBusy: "The server is throttling this account or is too busy; try again later.",
  ErrorInternalServerError: "EWS failed internally: see the Exchange server's Application event log.",
  ErrorSchemaValidation: `The server refused the request's schema: it may be older than Exchange 2013, or something in front of it rewrote the request.`,
  ErrorInvalidServerVersion: "The server doesn't speak the Exchange2013 schema: it is older than Exchange 2013.",
};

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
    return error(
      "LOGIN_FAILED",
      `The server rejected the supplied credentials (HTTP 401) with ${context.method} authentication. Check the user name, the password, and that the account may use EWS.`,
      details,
    );
  }
  if (status !== 200 && status !== 500) {
    const hint = status === 403 ? " EWS may be blocked for this account or client, or by an IP restriction." : "";
    return error("HTTP_UNEXPECTED_STATUS", `After authentication EWS answered HTTP ${status} ${cleanText(statusText, LIMITS.httpStatusText)}.${hint}`, details);
  }
  const parsed: GetFolderResponse = response.bodyTruncated
    ? { kind: "malformed", reason: `the response is larger than ${LIMITS.httpBodyBytes} bytes, more than any GetFolder answer needs` }
    : parseGetFolderResponse(response.body);
  switch (parsed.kind) {
    case "malformed":
      return error("HTTP_UNEXPECTED_STATUS", `EWS answered HTTP ${status}, but not with a SOAP response an EWS client can read: ${parsed.reason}.`, details);
    case "fault":
      return judgeFault(parsed, details);
    case "message":
      if (status !== 200) return error("HTTP_UNEXPECTED_STATUS", `EWS answered GetFolder with HTTP ${status}.`, { ...details, ...messageDetails(parsed) });
      return judgeMessage(parsed, details);
  }
}

function judgeMessage(message: GetFolderMessage, context: Record<string, unknown>): Finding {
  const details = { ...context, ...messageDetails(message) };
  const running = message.serverVersion ? ` The server runs ${versionText(message.serverVersion)}.` : "";
  if (message.responseClass === "Error") {
    const code = message.responseCode ?? "(no ResponseCode)";
    const said = message.messageText ? `: ${sentence(message.messageText)}` : ".";
    const hint = message.responseCode ? RESPONSE_CODE_HINTS[message.responseCode] : undefined;
    const text = `EWS answered GetFolder with error ${code}${said}${hint ? ` ${hint}` : ""}${running}`;
    return message.responseCode && ACCESS_DENIED.has(message.responseCode)
      ? error("LOGIN_FAILED", text, details)
      : error("HTTP_UNEXPECTED_STATUS", text, details);
  }
  const folder = message.folder;
  if (!folder) return error("HTTP_UNEXPECTED_STATUS", `EWS answered GetFolder with ${message.responseClass} but without the folder.${running}`, details);
  const counts = [
    folder.totalCount === undefined ? undefined : `${folder.totalCount} item${folder.totalCount === 1 ? "" : "s"}`,
    folder.unreadCount === undefined ? undefined : `${folder.unreadCount} unread`,
  ].filter((part) => part !== undefined);
  const what = `the Inbox${folder.displayName ? ` ("${folder.displayName}")` : ""}${counts.length > 0 ? ` holds ${counts.join(", ")}` : " was returned"}`;
  const warned = message.responseClass === "Warning" ? ` (with the warning ${message.responseCode ?? "without a code"})` : "";
  return ok(
    `The server accepted the supplied credentials (${String(context.method)} authentication) and EWS answered GetFolder${warned}: ${what}.${running}`,
    details,
  );
}

function judgeFault(fault: SoapFault, context: Record<string, unknown>): Finding {
  const details = {
    ...context,
    ...compact({ faultCode: fault.faultCode, faultString: fault.faultString, responseCode: fault.responseCode, errorMessage: fault.message }),
    ...(fault.serverVersion ? { serverVersion: versionDetails(fault.serverVersion) } : {}),
  };
  const code = fault.responseCode ?? fault.faultCode ?? "(no code)";
  const said = fault.message ?? fault.faultString;
  const hint = fault.responseCode ? RESPONSE_CODE_HINTS[fault.responseCode] : undefined;
  const text = `EWS answered GetFolder with a SOAP fault, ${code}${said ? `: ${sentence(said)}` : "."}${hint ? ` ${hint}` : ""}`;
  return fault.responseCode && ACCESS_DENIED.has(fault.responseCode) ? error("LOGIN_FAILED", text, details) : error("HTTP_UNEXPECTED_STATUS", text, details);
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

function versionText(version: ServerVersion): string {
  const build = buildNumber(version);
  const inside = [build, version.version ? `schema ${version.version}` : undefined].filter((part) => part !== undefined).join(", ");
  const product = productName(version);
  if (product) return inside ? `${product} (${inside})` : product;
  return build ? `version ${build}${version.version ? ` (schema ${version.version})` : ""}` : `schema ${version.version ?? "unknown"}`;
}

/** Server text as the end of a sentence: one final period, not two. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function compact(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}
