import { error, ok, warning, type Finding } from "@/lib/engine/finding";
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

/** Why a 449 or a provisioning status is a warning, not a failure, and what to do about it. */
const PROVISIONING =
  "The server requires the device to be provisioned first: an Exchange ActiveSync mailbox policy applies, so a phone sends the Provision command and accepts the policy (PIN, encryption…) before it may sync. The credentials were accepted and ActiveSync answers; the analyzer doesn't accept a policy on a device's behalf, real devices do this on their own. A device that can't be provisioned is let through only when the mailbox policy allows it (Set-MobileDeviceMailboxPolicy -AllowNonProvisionableDevices $true).";

const DISABLED =
  "ActiveSync is disabled for this user or device (HTTP 403 Forbidden). Check Get-CASMailbox <user> (ActiveSyncEnabled), the device access rules and quarantine (Get-ActiveSyncDeviceAccessRule, Get-ActiveSyncOrganizationSettings), and the user's blocked device IDs.";

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
      finding: {
        status: "info",
        message: `Autodiscover handed out no settings: it answers them only to credentials, sent over a connection a device would accept. ${
          fallbackText ? `Like a device, the analyzer falls back to ${fallbackText}, on the Autodiscover server's host.` : "There is no host to fall back to."
        }`,
        details: { url: fallbackText ?? null, source: "fallback" },
      },
      endpoint: fallback,
    };
  }
  const server = facts.settings.protocols.find((protocol) => protocol.type.toLowerCase() === "mobilesync" && protocol.url);
  if (!server?.url) {
    const types = facts.settings.protocols.map((protocol) => protocol.type).join(", ") || "none";
    return {
      finding: warning(
        "AUTODISCOVER_BAD_RESPONSE",
        `Autodiscover returned settings without a MobileSync server URL (servers listed: ${types}), so devices can't set themselves up from it: check the ExternalUrl of the Microsoft-Server-ActiveSync virtual directory (Set-ActiveSyncVirtualDirectory -ExternalUrl). ${
          fallbackText ? `The analyzer falls back to ${fallbackText}.` : ""
        }`.trim(),
        { url: fallbackText ?? null, source: "fallback" },
      ),
      endpoint: fallback,
    };
  }
  const url = parseHttpsUrl(server.url);
  if (!url) {
    return {
      finding: error(
        "AUTODISCOVER_BAD_RESPONSE",
        `Autodiscover returned the ActiveSync URL ${server.url}, which isn't an https URL: devices don't send a password to it. Set an https ExternalUrl on the Microsoft-Server-ActiveSync virtual directory.`,
        { url: server.url },
      ),
    };
  }
  // A query string belongs to no ActiveSync URL; the command's own query replaces it.
  const endpoint: ActiveSyncEndpoint = { ...url, path: url.path.split("?")[0] || ACTIVESYNC_PATH, source: "autodiscover" };
  return { finding: ok(`Autodiscover returned the Exchange ActiveSync URL ${server.url}.`, { url: server.url, source: "autodiscover" }), endpoint };
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
    return error(
      "HTTP_UNEXPECTED_STATUS",
      `ActiveSync isn't published at ${url} (${statusText}): the Microsoft-Server-ActiveSync virtual directory doesn't exist on this server, or a reverse proxy in front of it doesn't publish it.`,
      details,
    );
  }
  if (response.status >= 200 && response.status < 300) {
    if (protocol.versions.length === 0) {
      return warning(
        "HTTP_UNEXPECTED_STATUS",
        `${url} answered OPTIONS with ${statusText} without asking for authentication and without MS-ASProtocolVersions: it doesn't look like Exchange ActiveSync (a reverse proxy's or a portal's page?).`,
        details,
      );
    }
    return ok(
      `The server answered OPTIONS without asking for authentication (${statusText}). Protocol versions: ${protocol.versions.join(", ")}. ${protocol.commands.length} commands offered.`,
      details,
    );
  }
  if (response.status !== 401) {
    const location = headerValues(response, "location")[0];
    const redirect = location ? ` It redirects to ${cleanText(location, LIMITS.nameShown)}, and devices don't follow redirects.` : "";
    return error(
      "HTTP_UNEXPECTED_STATUS",
      `${url} answered ${statusText} instead of 401 Unauthorized with the authentication methods it accepts.${redirect}`,
      details,
    );
  }
  const found = schemes.length > 0 ? schemes.join(", ") : "none";
  const wanted = AUTH_METHOD_NAMES[method];
  if (offers(schemes, wanted)) {
    return ok(
      `The analyzer found the expected authentication method ${wanted}${method === "basic" ? ", which ActiveSync devices sign in with" : ""}. Methods found: ${found}.`,
      details,
    );
  }
  if (method === "ntlm" && offers(schemes, "Negotiate")) {
    return warning(
      "HTTP_AUTH_METHOD_MISSING",
      `NTLM isn't offered on its own; Negotiate is, which falls back to NTLM for most clients. Methods found: ${found}.`,
      details,
    );
  }
  const bearer = offers(schemes, "Bearer")
    ? " Bearer means modern authentication (OAuth): devices that support it sign in through the identity provider instead."
    : "";
  return error(
    "HTTP_AUTH_METHOD_MISSING",
    `The authentication method ${wanted} isn't offered for ActiveSync${method === "basic" ? ", and devices with a user name and password sign in with Basic" : ""}. Methods found: ${found}.${bearer}`,
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
      finding: error(
        "LOGIN_FAILED",
        `The server rejected the supplied credentials (HTTP 401) with ${name} authentication. Check the user name (DOMAIN\\user or the UPN), the password, and that the account isn't locked out.`,
        details,
      ),
    };
  }
  if (response.status === 403) return { finding: error("HTTP_UNEXPECTED_STATUS", DISABLED, details) };
  if (response.status < 200 || response.status >= 300) {
    return { finding: error("HTTP_UNEXPECTED_STATUS", `With the credentials accepted, OPTIONS answered ${statusText}.`, details) };
  }
  if (protocol.versions.length === 0) {
    return {
      finding: warning(
        "HTTP_UNEXPECTED_STATUS",
        `The server answered OPTIONS (${statusText}) without MS-ASProtocolVersions, so it doesn't say which ActiveSync versions it speaks: it may not be Exchange ActiveSync, or a proxy strips the header.`,
        details,
      ),
      protocol,
    };
  }
  const commands = protocol.commands.length > 0 ? ` Commands: ${listed(protocol.commands)}.` : "";
  return {
    finding: ok(`The OPTIONS response was successfully received and is valid. Protocol versions: ${protocol.versions.join(", ")}.${commands}`, details),
    protocol,
  };
}

function listed(values: string[]): string {
  const shown = values.slice(0, LIMITS.listEntriesShown).join(", ");
  return values.length > LIMITS.listEntriesShown ? `${shown} and ${values.length - LIMITS.listEntriesShown} more` : shown;
}

/** The FolderSync command: HTTP status first, then the Status in the WBXML body and the folder count. */
export function judgeFolderSync(outcome: CredentialExchange, version: { version: string; common: boolean }, url: string): Finding {
  if (outcome.kind === "no-challenge") {
    // The same negotiation just worked for OPTIONS: not a missing method, a server that changed its mind.
    return error(
      "HTTP_UNEXPECTED_STATUS",
      `The server didn't answer the NTLM negotiation of the FolderSync command with a challenge (HTTP ${outcome.status}).`,
      {
        status: outcome.status,
      },
    );
  }
  if (outcome.kind !== "answered") return judgeUnanswered(outcome, "FolderSync command");
  const { response } = outcome;
  const contentType = cleanText(headerValues(response, "content-type")[0] ?? "none", LIMITS.headerValueShown);
  const details: Record<string, unknown> = {
    url,
    status: response.status,
    protocolVersion: version.version,
    ...(version.common ? {} : { protocolVersionNote: "the server lists neither 16.1 nor 14.1; the analyzer tried 14.1" }),
  };
  const statusText = `HTTP ${response.status} ${cleanText(response.statusText, LIMITS.httpStatusText)}`.trim();
  if (response.status === 401) {
    return error(
      "LOGIN_FAILED",
      "The server rejected the credentials for the FolderSync command (HTTP 401), though it accepted them for OPTIONS: the mailbox may not be reachable with them (check the user name format, and that the account has a mailbox).",
      details,
    );
  }
  if (response.status === 403) return error("HTTP_UNEXPECTED_STATUS", DISABLED, details);
  if (response.status === 449)
    return warning("HTTP_UNEXPECTED_STATUS", `The server answered HTTP 449 (Retry after sending a PROVISION command). ${PROVISIONING}`, details);
  if (response.status === 451) {
    const location = headerValues(response, "x-ms-location")[0];
    // Without its query: a proxy that echoes the request URL would put the User= parameter (the user name) in the result.
    const where = location ? cleanText(location.split("?")[0] ?? "", LIMITS.nameShown) : "no X-MS-Location header";
    return warning(
      "HTTP_UNEXPECTED_STATUS",
      `The server answered HTTP 451: the mailbox is served by another ActiveSync URL (${where}), which devices switch to. Test that URL, and check the ExternalUrl of the virtual directories.`,
      { ...details, location: where },
    );
  }
  if (response.status < 200 || response.status >= 300) return error("HTTP_UNEXPECTED_STATUS", `The FolderSync command answered ${statusText}.`, details);

  const reading = readFolderSync(response.body, response.bodyTruncated);
  if (reading.kind === "unreadable") {
    return error(
      "HTTP_UNEXPECTED_STATUS",
      `The server answered the FolderSync command with ${statusText}, but the body can't be read: ${reading.reason} (Content-Type: ${contentType}).`,
      {
        ...details,
        contentType,
      },
    );
  }
  if (reading.status === undefined) {
    return error("HTTP_UNEXPECTED_STATUS", "The server's FolderSync response has no Status: it isn't an answer a device can use.", details);
  }
  const folders = reading.count ?? reading.added;
  Object.assign(details, {
    folderSyncStatus: reading.status,
    folders,
    ...(Object.keys(reading.folderTypes).length > 0 ? { folderTypes: reading.folderTypes } : {}),
    ...(reading.partial ? { note: reading.partial } : {}),
  });
  const { kind, meaning } = folderSyncStatus(reading.status);
  if (kind === "success") {
    const partial = reading.partial ? ` (${reading.partial})` : "";
    return ok(
      `The FolderSync command completed successfully with protocol version ${version.version}: the mailbox's folder hierarchy has ${folders} folder${folders === 1 ? "" : "s"}.${partial}`,
      details,
    );
  }
  if (kind === "provisioning") return warning("HTTP_UNEXPECTED_STATUS", `FolderSync answered status ${reading.status}: ${meaning}. ${PROVISIONING}`, details);
  return error("HTTP_UNEXPECTED_STATUS", `The FolderSync command failed with status ${reading.status}: ${meaning}.`, details);
}
