import { headerValues, type HttpRequestOptions, type HttpResponse } from "@/lib/net/http";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { FOLDER_SYNC_REQUEST } from "./folder-sync";

/** Exchange ActiveSync over HTTP (MS-ASHTTP) as a phone speaks it: the requests, and what the OPTIONS headers say. Pure. */

export const ACTIVESYNC_PATH = "/Microsoft-Server-ActiveSync";

/** The device the analyzer says it is: one fixed partnership per mailbox, named so an admin recognises it in Get-MobileDevice. */
export const ANALYZER_DEVICE = { id: "RCA0000000000000", type: "RemoteConnectivityAnalyzer" } as const;

/** The versions the analyzer speaks, best first (FolderSync is the same in both). */
export const SPOKEN_VERSIONS = ["16.1", "14.1"] as const;
const FALLBACK_VERSION = "14.1";

/** Protocol versions and commands kept from one OPTIONS answer (Exchange 2019 lists 9 and 24). */
const MAX_LISTED = 64;
const MAX_ENTRY_CHARS = 40;

/** OPTIONS on the virtual directory, as a device's first request, with an Authorization header when one is given. */
export function optionsRequest(path: string): (authorization?: string) => HttpRequestOptions {
  return (authorization) => ({ method: "OPTIONS", path, headers: { "Content-Length": "0", ...(authorization ? { Authorization: authorization } : {}) } });
}

/** The FolderSync command with SyncKey 0 (a new device's first hierarchy sync). `user` goes only to the server, on the credential session. */
export function folderSyncRequest(path: string, user: string, version: string): (authorization: string) => HttpRequestOptions {
  return (authorization) => ({
    method: "POST",
    path: commandPath(path, "FolderSync", user),
    headers: {
      "Content-Type": "application/vnd.ms-sync.wbxml",
      "Content-Length": String(FOLDER_SYNC_REQUEST.length),
      "MS-ASProtocolVersion": version,
      Authorization: authorization,
    },
    body: FOLDER_SYNC_REQUEST,
  });
}

/** …?Cmd=<command>&User=<user>&DeviceId=…&DeviceType=… (MS-ASHTTP 2.2.1.1.1.1, the plain-text query form). */
export function commandPath(path: string, command: string, user: string): string {
  const query = new URLSearchParams({ Cmd: command, User: user, DeviceId: ANALYZER_DEVICE.id, DeviceType: ANALYZER_DEVICE.type });
  return `${path}?${query.toString().replace(/\+/g, "%20")}`;
}

/** The same URL as shown in a result: the user name is a credential and never leaves the run. */
export function shownCommandUrl(base: string, command: string): string {
  return `${base}?Cmd=${command}&User=<user name>&DeviceId=${ANALYZER_DEVICE.id}&DeviceType=${ANALYZER_DEVICE.type}`;
}

export interface ProtocolHeaders {
  /** MS-ASProtocolVersions, e.g. ["2.5", "12.1", "14.0", "14.1", "16.0", "16.1"]. */
  versions: string[];
  /** MS-ASProtocolCommands, e.g. ["Sync", "SendMail", …, "FolderSync", …]. */
  commands: string[];
  /** MS-Server-ActiveSync: the server's own build, e.g. "15.20". */
  serverVersion?: string;
}

/** What an OPTIONS answer says about the protocol, cleaned and capped (the values are the server's text). */
export function readProtocolHeaders(response: HttpResponse): ProtocolHeaders {
  const list = (name: string, pattern: RegExp) =>
    [
      ...new Set(
        headerValues(response, name)
          .flatMap((value) => value.split(","))
          .map((entry) => entry.trim())
          .filter((entry) => pattern.test(entry)),
      ),
    ].slice(0, MAX_LISTED);
  const server = headerValues(response, "ms-server-activesync")[0]?.trim();
  return {
    versions: list("ms-asprotocolversions", /^\d{1,2}\.\d{1,2}$/),
    commands: list("ms-asprotocolcommands", new RegExp(`^[A-Za-z][A-Za-z0-9]{0,${MAX_ENTRY_CHARS - 1}}$`)),
    ...(server ? { serverVersion: cleanText(server, LIMITS.authSchemeName) } : {}),
  };
}

/** The best version both sides speak; without one the analyzer still tries 14.1 (and says so). */
export function chooseProtocolVersion(serverVersions: readonly string[]): { version: string; common: boolean } {
  const common = SPOKEN_VERSIONS.find((version) => serverVersions.includes(version));
  return common ? { version: common, common: true } : { version: FALLBACK_VERSION, common: false };
}
