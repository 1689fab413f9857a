/**
 * A fake Exchange 2019 ActiveSync endpoint (/Microsoft-Server-ActiveSync, MS-ASHTTP) for the integration tests: OPTIONS
 * before and after authentication (401 with the methods, or 200 with the MS-AS headers), Basic and NTLM, and the
 * FolderSync command read from its WBXML body and answered in WBXML with N folders, or with what a scenario needs
 * (449, 403, a FolderSync Status, a hostile body, no answer at all). Also the mobilesync Autodiscover answer.
 *
 * Requests are recorded by the server that serves the handler (`RunningHttpsServer.requests` in ./servers); the
 * handler records each FolderSync it understood in `folderSyncs`.
 */
import { decodeWbxml, encodeWbxml, type WbxmlNode } from "@/lib/analyzers/activesync/wbxml";
import { parseAuthenticateMessage } from "./ntlm-authenticate";
import { ntlmResponder } from "./ntlm-server";
import { IIS_401_BODY, type RequestHandler } from "./servers";
import type http from "node:http";

export const ACTIVESYNC_PATH = "/Microsoft-Server-ActiveSync";
export const EXCHANGE_2019_VERSIONS = "2.0,2.1,2.5,12.0,12.1,14.0,14.1,16.0,16.1";
export const EXCHANGE_2019_COMMANDS =
  "Sync,SendMail,SmartForward,SmartReply,GetAttachment,GetHierarchy,CreateCollection,DeleteCollection,MoveCollection,FolderSync,FolderCreate,FolderDelete,FolderUpdate,MoveItems,GetItemEstimate,MeetingResponse,Search,Settings,Ping,ItemOperations,Provision,ResolveRecipients,ValidateCert,Find";
export const MOBILESYNC_RESPONSE_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006";

const WBXML_TYPE = "application/vnd.ms-sync.wbxml";
const MAX_REQUEST_BODY = 64 * 1024;

/**
 * What one request of a user gets after authentication: the normal answer, none at all (`hang`), a closed connection
 * (`drop`), an HTTP status, a FolderSync Status other than 1, or a raw body.
 */
export type Answer = "ok" | "hang" | "drop" | { status: number; headers?: http.OutgoingHttpHeaders } | { folderSyncStatus: number } | { wbxml: Buffer };

export interface UserBehaviour {
  options?: Answer;
  folderSync?: Answer;
}

export interface ActiveSyncOptions {
  /** user ("EAS\\alice" or "alice@eas.test", compared case-insensitively) → password, for Basic and NTLM */
  accounts: Record<string, string>;
  /** one WWW-Authenticate header per entry; default [`Basic realm="<Host>"`], Exchange's default for ActiveSync */
  methods?: string[];
  /** answer NTLM / Negotiate when offered; default true. false: a 401 without a challenge, like a broken proxy */
  ntlm?: boolean;
  /** OPTIONS without credentials answers 200 with the MS-AS headers; default false (401) */
  anonymousOptions?: boolean;
  /** by the user name's own part, lower case ("alice" for EAS\alice or alice@eas.test) */
  behaviours?: Record<string, UserBehaviour>;
  /** folders in a successful FolderSync; default 12 (the 10 default folders and 2 of the user's) */
  folders?: number;
  /** MS-ASProtocolVersions; default Exchange 2019's */
  versions?: string;
}

/** A FolderSync the handler understood, as the client sent it. */
export interface FolderSyncSeen {
  user: string;
  deviceId: string | null;
  deviceType: string | null;
  protocolVersion: string | undefined;
  contentType: string | undefined;
  syncKey: string | undefined;
  body: Buffer;
}

export type ActiveSyncHandler = RequestHandler & { readonly folderSyncs: readonly FolderSyncSeen[] };

/**
 * /Microsoft-Server-ActiveSync as Exchange 2019 behind IIS answers it. Without valid credentials: 401 with the methods
 * (or, with `anonymousOptions`, 200 to OPTIONS). With them: OPTIONS 200 with MS-ASProtocolVersions / Commands;
 * POST ?Cmd=FolderSync (User, DeviceId, DeviceType, a listed MS-ASProtocolVersion, a WBXML FolderSync body) 200 with
 * the hierarchy; anything malformed 400. Other paths: 404.
 */
export function activeSyncHandler(o: ActiveSyncOptions): ActiveSyncHandler {
  const accounts = new Map(Object.entries(o.accounts).map(([user, password]) => [user.toLowerCase(), password]));
  const ntlm = o.ntlm === false ? undefined : ntlmResponder(Object.fromEntries([...accounts].map(([user, password]) => [ownPart(user), password])));
  const versions = o.versions ?? EXCHANGE_2019_VERSIONS;
  const folderSyncs: FolderSyncSeen[] = [];

  const answer = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const body = await readBody(req);
    if (body === undefined) return send(res, 413, { Connection: "close" });
    const methods = o.methods ?? [`Basic realm="${(req.headers.host ?? "").split(":")[0]}"`];
    const anonymousOptions = o.anonymousOptions && req.method === "OPTIONS" && !req.headers.authorization;
    const auth = anonymousOptions ? { kind: "accepted" as const, user: "" } : authenticate(req, methods, accounts, ntlm);
    if (auth.kind === "refused") return send(res, 401, { "WWW-Authenticate": methods, "Content-Type": "text/html" }, IIS_401_BODY);
    if (auth.kind === "challenge") return send(res, 401, auth.headers);
    const behaviour = o.behaviours?.[ownPart(auth.user)] ?? {};

    if (req.method === "OPTIONS") {
      return reply(res, behaviour.options ?? "ok", () => send(res, 200, optionsHeaders(versions)));
    }
    if (req.method !== "POST") return send(res, 405, { Allow: "OPTIONS,POST" });
    const query = new URL(req.url ?? "/", "https://eas.invalid").searchParams;
    const protocolVersion = header(req, "ms-asprotocolversion");
    const decoded = decodeWbxml(body);
    const syncKey = decoded.ok && decoded.root.name === "FolderSync" ? decoded.root.children.find((child) => child.name === "SyncKey")?.text : undefined;
    const wellFormed =
      query.get("Cmd") === "FolderSync" &&
      query.get("User") &&
      /^[A-Za-z0-9]{1,32}$/.test(query.get("DeviceId") ?? "") &&
      query.get("DeviceType") &&
      protocolVersion !== undefined &&
      versions.split(",").includes(protocolVersion) &&
      header(req, "content-type") === WBXML_TYPE &&
      syncKey !== undefined;
    if (!wellFormed) return send(res, 400, { "Content-Type": "text/html" }, "<html><body>400 Bad Request</body></html>");
    folderSyncs.push({
      user: query.get("User")!,
      deviceId: query.get("DeviceId"),
      deviceType: query.get("DeviceType"),
      protocolVersion,
      contentType: header(req, "content-type"),
      syncKey,
      body,
    });
    return reply(res, behaviour.folderSync ?? "ok", () => send(res, 200, { "Content-Type": WBXML_TYPE }, folderSyncWbxml(1, o.folders ?? 12)));
  };

  const handler: RequestHandler = (req, res) => {
    if ((req.url ?? "").split("?")[0]!.toLowerCase() !== ACTIVESYNC_PATH.toLowerCase()) {
      send(res, 404, { "Content-Type": "text/html" }, "<html><body><h2>404 - File or directory not found.</h2></body></html>");
      return;
    }
    answer(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  };
  return Object.assign(handler, { folderSyncs });
}

function reply(res: http.ServerResponse, answer: Answer, ok: () => void): void {
  if (answer === "ok") return ok();
  if (answer === "hang") return; // the client's deadline has to end it
  if (answer === "drop") {
    res.socket?.destroy();
    return;
  }
  if ("status" in answer) return send(res, answer.status, answer.headers ?? {});
  if ("folderSyncStatus" in answer) return send(res, 200, { "Content-Type": WBXML_TYPE }, folderSyncWbxml(answer.folderSyncStatus, 0));
  send(res, 200, { "Content-Type": WBXML_TYPE }, answer.wbxml);
}

function optionsHeaders(versions: string): http.OutgoingHttpHeaders {
  return {
    Allow: "OPTIONS,POST",
    Public: "OPTIONS,POST",
    "MS-Server-ActiveSync": "15.20",
    "MS-ASProtocolVersions": versions,
    "MS-ASProtocolCommands": EXCHANGE_2019_COMMANDS,
  };
}

type AuthOutcome = { kind: "accepted"; user: string } | { kind: "refused" } | { kind: "challenge"; headers: http.OutgoingHttpHeaders };

function authenticate(
  req: http.IncomingMessage,
  methods: string[],
  accounts: Map<string, string>,
  ntlm: ReturnType<typeof ntlmResponder> | undefined,
): AuthOutcome {
  const offered = new Set(methods.map((method) => (method.split(/\s+/)[0] ?? "").toLowerCase()));
  const auth = req.headers.authorization ?? "";
  const [scheme = "", param = ""] = auth.split(/\s+/, 2);
  if (scheme.toLowerCase() === "basic" && offered.has("basic")) {
    const decoded = Buffer.from(param, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    const user = decoded.slice(0, colon);
    return colon > 0 && accounts.get(user.toLowerCase()) === decoded.slice(colon + 1) ? { kind: "accepted", user } : { kind: "refused" };
  }
  if ((scheme.toLowerCase() === "ntlm" || scheme.toLowerCase() === "negotiate") && offered.has(scheme.toLowerCase()) && ntlm) {
    // The responder writes its own 401 challenge or 200: capture it, and answer the real request once it says 200.
    let status = 0;
    let headers: http.OutgoingHttpHeaders = {};
    const capture = {
      writeHead(code: number, values?: http.OutgoingHttpHeaders) {
        status = code;
        headers = values ?? {};
        return capture;
      },
      end() {
        return capture;
      },
    };
    if (!ntlm(auth, req, capture as unknown as http.ServerResponse)) return { kind: "refused" };
    if (status !== 200) return { kind: "challenge", headers };
    return { kind: "accepted", user: parseAuthenticateMessage(Buffer.from(param, "base64")).user };
  }
  return { kind: "refused" };
}

/** "alice" of "EAS\alice", "alice@eas.test" or "alice". */
function ownPart(user: string): string {
  const local = user.slice(user.lastIndexOf("\\") + 1);
  return (local.includes("@") ? local.slice(0, local.lastIndexOf("@")) : local).toLowerCase();
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: http.ServerResponse, status: number, headers: http.OutgoingHttpHeaders, body: string | Buffer = ""): void {
  res.statusCode = status;
  res.setHeader("Server", "Microsoft-IIS/10.0");
  res.setHeader("X-Powered-By", "ASP.NET");
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BODY) {
        req.off("data", onData);
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// FolderSync bodies

const DEFAULT_FOLDERS: Array<[name: string, type: number]> = [
  ["Inbox", 2],
  ["Drafts", 3],
  ["Deleted Items", 4],
  ["Sent Items", 5],
  ["Outbox", 6],
  ["Tasks", 7],
  ["Calendar", 8],
  ["Contacts", 9],
  ["Notes", 10],
  ["Journal", 11],
];

/** Exchange's answer to a first FolderSync: Status, the new SyncKey, and one Add per folder (the defaults, then "Project n" mail folders). */
export function folderSyncWbxml(status: number, folders: number): Buffer {
  const ns = (name: string) => `FolderHierarchy:${name}`;
  const list = Array.from({ length: folders }, (_, i): [string, number] => DEFAULT_FOLDERS[i] ?? [`Project ${i - DEFAULT_FOLDERS.length + 1}`, 12]);
  const adds: WbxmlNode[] = list.map(([name, type], i) => ({
    name: ns("Add"),
    children: [
      { name: ns("ServerId"), text: String(i + 1) },
      { name: ns("ParentId"), text: "0" },
      { name: ns("DisplayName"), text: name },
      { name: ns("Type"), text: String(type) },
    ],
  }));
  const success: WbxmlNode[] = [
    { name: ns("SyncKey"), text: "{5e4c5f0f-6f6c-4d2c-9a0a-6e1c2b7a9d10}1" },
    { name: ns("Changes"), children: [{ name: ns("Count"), text: String(folders) }, ...adds] },
  ];
  return encodeWbxml({ name: ns("FolderSync"), children: [{ name: ns("Status"), text: String(status) }, ...(status === 1 ? success : [])] });
}

/** A hostile FolderSync answer: a valid header, then FolderSync opened 100 000 levels deep (a decoder that recurses dies). */
export const HOSTILE_WBXML = Buffer.concat([Buffer.from([0x03, 0x01, 0x6a, 0x00, 0x00, 0x07]), Buffer.alloc(100_000, 0x56)]);

// ---------------------------------------------------------------------------------------------------------------
// the mobilesync Autodiscover answer (MS-ASCMD 2.2.1.1)

/** Whether a POX request asks for the mobilesync response schema, as ActiveSync clients do. */
export function asksForMobileSync(body: string): boolean {
  return body.includes(`<AcceptableResponseSchema>${MOBILESYNC_RESPONSE_SCHEMA}</AcceptableResponseSchema>`);
}

/** Exchange's answer to a device: User, then Action/Settings with one Server per entry ({ type, url }). */
export function mobileSyncXml(o: { displayName: string; email: string; servers: Array<{ type: string; url: string }> }): string {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const servers = o.servers
    .map(
      (server) =>
        `        <Server>\r\n          <Type>${escape(server.type)}</Type>\r\n          <Url>${escape(server.url)}</Url>\r\n          <Name>${escape(server.url)}</Name>\r\n        </Server>`,
    )
    .join("\r\n");
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Autodiscover xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">',
    `  <Response xmlns="${MOBILESYNC_RESPONSE_SCHEMA}">`,
    "    <Culture>en:us</Culture>",
    "    <User>",
    `      <DisplayName>${escape(o.displayName)}</DisplayName>`,
    `      <EMailAddress>${escape(o.email)}</EMailAddress>`,
    "    </User>",
    "    <Action>",
    "      <Settings>",
    servers,
    "      </Settings>",
    "    </Action>",
    "  </Response>",
    "</Autodiscover>",
  ].join("\r\n");
}
