import { error, info, ok, warning, type Finding } from "@/lib/engine/finding";
import { text, type LocalizedText, type TextParamValue } from "@/lib/engine/text";
import { headerValues, type HttpResponse } from "@/lib/net/http";
import { offeredSchemes, offers } from "@/lib/net/http-auth";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { folderSyncStatus, readFolderSync } from "./folder-sync";
import { ACTIVESYNC_PATH, readProtocolHeaders, type ProtocolHeaders } from "./protocol";
import { AUTH_METHOD_NAMES, type AuthMethod } from "../fields";
import { parseHttpsUrl, type EndpointUrl } from "../steps/autodiscover/endpoint";
import { judgeUnanswered } from "../steps/credential-outcome";
import type { PoxSettings } from "../steps/autodiscover/judge";
import type { CredentialExchange } from "../steps/credentials";

/** Pure judgements of what the ActiveSync server (and Autodiscover before it) answered: facts in, findings out. */

/** Why a 449 or a provisioning status is a warning, not a failure, and what to do about it: `first`, then this. */
function withProvisioning(first: LocalizedText): LocalizedText {
  return text("steps.activeSync.sentences", { first, then: text("steps.activeSync.provisioning") });
}

/** "Methods found: …": the schemes the server offered (its own words), or "none". */
function methodsFound(schemes: string[]): TextParamValue {
  return schemes.length > 0 ? schemes.join(", ") : text("steps.common.none");
}

/** The ActiveSync endpoint the rest of the test talks to, and how it was found. */
export interface ActiveSyncEndpoint extends EndpointUrl {
  /** Named in the input, returned by Autodiscover, or guessed on the Autodiscover host as a device does. */
  source: "input" | "autodiscover" | "fallback";
}

/**
 * The ActiveSync URL from the mobilesync Autodiscover answer (its MobileSync server's Url). Without settings (no
 * credentials, or none sent) a device tries https://<Autodiscover host>/Microsoft-Server-ActiveSync, and so does the analyzer.
 */
export function judgeActiveSyncUrl(facts: { settings?: PoxSettings; discoveryUrl: string }): { finding: Finding; endpoint?: ActiveSyncEndpoint } {
  const host = parseHttpsUrl(facts.discoveryUrl)?.host;
  const fallback: ActiveSyncEndpoint | undefined = host ? { host, port: 443, path: ACTIVESYNC_PATH, source: "fallback" } : undefined;
  const fallbackText = fallback ? `https://${hostText(fallback.host)}${ACTIVESYNC_PATH}` : undefined;
  if (!facts.settings) {
    return {
      finding: info(fallbackText ? text("steps.activeSync.url.noSettings", { url: fallbackText }) : text("steps.activeSync.url.noSettingsNoHost"), {
        url: fallbackText ?? null,
        source: "fallback",
      }),
      endpoint: fallback,
    };
  }
  const server = facts.settings.protocols.find((protocol) => protocol.type.toLowerCase() === "mobilesync" && protocol.url);
  if (!server?.url) {
    const types = facts.settings.protocols.map((protocol) => protocol.type).join(", ") || text("steps.common.none");
    return {
      finding: warning(
        "AUTODISCOVER_BAD_RESPONSE",
        fallbackText ? text("steps.activeSync.url.noMobileSync", { types, url: fallbackText }) : text("steps.activeSync.url.noMobileSyncNoHost", { types }),
        { url: fallbackText ?? null, source: "fallback" },
      ),
      endpoint: fallback,
    };
  }
  const url = parseHttpsUrl(server.url);
  if (!url) {
    return {
      finding: error("AUTODISCOVER_BAD_RESPONSE", text("steps.activeSync.url.notHttps", { url: server.url }), { url: server.url }),
    };
  }
  // A query string belongs to no ActiveSync URL; the command's own query replaces it.
  const endpoint: ActiveSyncEndpoint = { ...url, path: url.path.split("?")[0] || ACTIVESYNC_PATH, source: "autodiscover" };
  return { finding: ok(text("steps.activeSync.url.ok", { url: server.url }), { url: server.url, source: "autodiscover" }), endpoint };
}

function hostText(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

/** The anonymous OPTIONS: 401 with the chosen method among those offered; a 200 names the protocol versions itself. */
export function judgeAnonymousOptions(response: HttpResponse, method: AuthMethod, url: string): Finding {
  const challenges = headerValues(response, "www-authenticate");
  const schemes = offeredSchemes(challenges);
  const protocol = readProtocolHeaders(response);
  const details = {
    status: response.status,
    methodsFound: schemes,
    wwwAuthenticate: challenges.slice(0, LIMITS.authSchemes).map((value) => cleanText(value, LIMITS.headerValueShown)),
    ...protocolDetails(protocol),
  };
  const statusText = `HTTP ${response.status} ${cleanText(response.statusText, LIMITS.httpStatusText)}`.trim();
  if (response.status === 404) {
    return error("HTTP_UNEXPECTED_STATUS", text("steps.activeSync.options.notPublished", { url, status: statusText }), details);
  }
  if (response.status >= 200 && response.status < 300) {
    if (protocol.versions.length === 0) {
      return warning("HTTP_UNEXPECTED_STATUS", text("steps.activeSync.options.notActiveSync", { url, status: statusText }), details);
    }
    return ok(
      text("steps.activeSync.options.anonymousOk", { status: statusText, versions: protocol.versions.join(", "), commands: protocol.commands.length }),
      details,
    );
  }
  if (response.status !== 401) {
    const location = headerValues(response, "location")[0];
    return error(
      "HTTP_UNEXPECTED_STATUS",
      location
        ? text("steps.activeSync.options.unexpectedRedirect", { url, status: statusText, location: cleanText(location, LIMITS.nameShown) })
        : text("steps.activeSync.options.unexpected", { url, status: statusText }),
      details,
    );
  }
  const found = methodsFound(schemes);
  const wanted = AUTH_METHOD_NAMES[method];
  if (offers(schemes, wanted)) {
    return ok(
      text(method === "basic" ? "steps.activeSync.options.methodFoundBasic" : "steps.activeSync.options.methodFound", { method: wanted, found }),
      details,
    );
  }
  if (method === "ntlm" && offers(schemes, "Negotiate")) {
    return warning("HTTP_AUTH_METHOD_MISSING", text("steps.activeSync.options.negotiateOnly", { found }), details);
  }
  const missing = text(method === "basic" ? "steps.activeSync.options.methodMissingBasic" : "steps.activeSync.options.methodMissing", {
    method: wanted,
    found,
  });
  return error(
    "HTTP_AUTH_METHOD_MISSING",
    offers(schemes, "Bearer") ? text("steps.activeSync.sentences", { first: missing, then: text("steps.activeSync.options.bearer") }) : missing,
    details,
  );
}

function protocolDetails(protocol: ProtocolHeaders): Record<string, unknown> {
  return {
    ...(protocol.versions.length > 0 ? { protocolVersions: protocol.versions } : {}),
    ...(protocol.commands.length > 0 ? { protocolCommands: protocol.commands } : {}),
    ...(protocol.serverVersion ? { serverVersion: protocol.serverVersion } : {}),
  };
}

/** The OPTIONS a device sends with its credentials: the protocol versions and commands it may use. */
export function judgeAuthenticatedOptions(outcome: CredentialExchange, method: AuthMethod): { finding: Finding; protocol?: ProtocolHeaders } {
  if (outcome.kind !== "answered") return { finding: judgeUnanswered(outcome, "OPTIONS request") };
  const { response } = outcome;
  const name = AUTH_METHOD_NAMES[method];
  const protocol = readProtocolHeaders(response);
  const details = { status: response.status, method: name, ...protocolDetails(protocol) };
  const statusText = `HTTP ${response.status} ${cleanText(response.statusText, LIMITS.httpStatusText)}`.trim();
  if (response.status === 401) {
    return {
      finding: error("LOGIN_FAILED", text("steps.activeSync.authenticated.rejected", { method: name }), details),
    };
  }
  if (response.status === 403) return { finding: error("HTTP_UNEXPECTED_STATUS", text("steps.activeSync.disabled"), details) };
  if (response.status < 200 || response.status >= 300) {
    return { finding: error("HTTP_UNEXPECTED_STATUS", text("steps.activeSync.authenticated.unexpected", { status: statusText }), details) };
  }
  if (protocol.versions.length === 0) {
    return {
      finding: warning("HTTP_UNEXPECTED_STATUS", text("steps.activeSync.authenticated.noVersions", { status: statusText }), details),
      protocol,
    };
  }
  const versions = protocol.versions.join(", ");
  return {
    finding: ok(
      protocol.commands.length > 0
        ? text("steps.activeSync.authenticated.okCommands", { versions, commands: listed(protocol.commands) })
        : text("steps.activeSync.authenticated.ok", { versions }),
      details,
    ),
    protocol,
  };
}

/** "a, b, c" or, past LIMITS.listEntriesShown, "a, b, c and 4 more": the server's own names. */
function listed(values: string[]): TextParamValue {
  const shown = values.slice(0, LIMITS.listEntriesShown).join(", ");
  return values.length > LIMITS.listEntriesShown ? text("steps.activeSync.more", { shown, more: values.length - LIMITS.listEntriesShown }) : shown;
}

/** The FolderSync command: HTTP status first, then the Status in the WBXML body and the folder count. */
export function judgeFolderSync(outcome: CredentialExchange, version: { version: string; common: boolean }, url: string): Finding {
  if (outcome.kind === "no-challenge") {
    // The same negotiation just worked for OPTIONS: not a missing method, a server that changed its mind.
    return error("HTTP_UNEXPECTED_STATUS", text("steps.activeSync.folderSync.noChallenge", { status: outcome.status }), { status: outcome.status });
  }
  if (outcome.kind !== "answered") return judgeUnanswered(outcome, "FolderSync command");
  const { response } = outcome;
  const contentTypeHeader = headerValues(response, "content-type")[0];
  const contentType = cleanText(contentTypeHeader ?? "none", LIMITS.headerValueShown);
  const details: Record<string, unknown> = {
    url,
    status: response.status,
    protocolVersion: version.version,
    ...(version.common ? {} : { protocolVersionNote: "the server lists neither 16.1 nor 14.1; the analyzer tried 14.1" }),
  };
  const statusText = `HTTP ${response.status} ${cleanText(response.statusText, LIMITS.httpStatusText)}`.trim();
  if (response.status === 401) {
    return error("LOGIN_FAILED", text("steps.activeSync.folderSync.rejected"), details);
  }
  if (response.status === 403) return error("HTTP_UNEXPECTED_STATUS", text("steps.activeSync.disabled"), details);
  if (response.status === 449) return warning("HTTP_UNEXPECTED_STATUS", withProvisioning(text("steps.activeSync.folderSync.retryProvision")), details);
  if (response.status === 451) {
    const location = headerValues(response, "x-ms-location")[0];
    // Without its query: a proxy that echoes the request URL would put the User= parameter (the user name) in the result.
    const where = location ? cleanText(location.split("?")[0] ?? "", LIMITS.nameShown) : "no X-MS-Location header";
    return warning(
      "HTTP_UNEXPECTED_STATUS",
      text("steps.activeSync.folderSync.moved", { location: location ? where : text("steps.activeSync.folderSync.noLocation") }),
      { ...details, location: where },
    );
  }
  if (response.status < 200 || response.status >= 300)
    return error("HTTP_UNEXPECTED_STATUS", text("steps.activeSync.folderSync.unexpected", { status: statusText }), details);

  const reading = readFolderSync(response.body, response.bodyTruncated);
  if (reading.kind === "unreadable") {
    return error(
      "HTTP_UNEXPECTED_STATUS",
      text("steps.activeSync.folderSync.unreadable", {
        status: statusText,
        reason: reading.reasonText,
        contentType: contentTypeHeader === undefined ? text("steps.common.none") : contentType,
      }),
      {
        ...details,
        contentType,
      },
    );
  }
  if (reading.status === undefined) {
    return error("HTTP_UNEXPECTED_STATUS", text("steps.activeSync.folderSync.noStatus"), details);
  }
  const folders = reading.count ?? reading.added;
  Object.assign(details, {
    folderSyncStatus: reading.status,
    folders,
    ...(Object.keys(reading.folderTypes).length > 0 ? { folderTypes: reading.folderTypes } : {}),
    ...(reading.partial ? { note: reading.partial } : {}),
  });
  const { kind, text: meaning } = folderSyncStatus(reading.status);
  if (kind === "success") {
    const counted = text(folders === 1 ? "steps.activeSync.folderSync.folderOne" : "steps.activeSync.folderSync.folderMany", { count: folders });
    return ok(
      reading.partialText
        ? text("steps.activeSync.folderSync.okPartial", { version: version.version, folders: counted, partial: reading.partialText })
        : text("steps.activeSync.folderSync.ok", { version: version.version, folders: counted }),
      details,
    );
  }
  if (kind === "provisioning") {
    return warning(
      "HTTP_UNEXPECTED_STATUS",
      withProvisioning(text("steps.activeSync.folderSync.needsProvisioning", { status: reading.status, meaning })),
      details,
    );
  }
  return error("HTTP_UNEXPECTED_STATUS", text("steps.activeSync.folderSync.failed", { status: reading.status, meaning }), details);
}
