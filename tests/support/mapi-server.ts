/**
 * A fake Exchange 2019 MAPI over HTTP endpoint (MS-OXCMAPIHTTP) for the integration tests: /mapi/emsmdb/ and
 * /mapi/nspi/ behind IIS authentication (401 with the methods until Basic or NTLM credentials are valid), then the
 * Connect request answered as Exchange frames it: 200, X-ResponseCode, session cookies, a chunked body of meta-tags
 * ("PROCESSING", "DONE"), additional headers, an empty line and the binary Connect response.
 *
 * Requests are recorded by the server that serves the handler (`RunningHttpsServer.requests`); the handler keeps the
 * Connect requests it parsed (`connects`), so tests can check the UserDn a client sent.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { settingsXml, type SettingsOptions } from "./autodiscover-server";
import { ntlmResponder } from "./ntlm-server";
import { IIS_401_BODY, type RequestHandler } from "./servers";
import type http from "node:http";

/** Exchange Server 2019 CU12, as its front end writes X-ServerApplication. */
export const EXCHANGE_2019_APPLICATION = "Exchange/15.02.1118.007";
export const MAPI_PATHS = { emsmdb: "/mapi/emsmdb/", nspi: "/mapi/nspi/" } as const;

const IIS_404_BODY = "<html><head><title>404 - File or directory not found.</title></head><body><h2>404 - File or directory not found.</h2></body></html>";
/** Largest request body read (Outlook's Connect is under 200 bytes). */
const MAX_REQUEST_BODY = 64 * 1024;
const REQUEST_TYPES = new Set(["connect", "execute", "disconnect", "notificationwait", "ping", "bind", "unbind", "getmailboxurl", "getaddressbookurl"]);

export interface MapiServerOptions {
  /** one WWW-Authenticate header per entry; default ["Negotiate", "NTLM", `Basic realm="<host>"`] */
  methods?: string[];
  /** user → password, for Basic ("MAPI\\alice", compared case-insensitively) and NTLM (the user part) */
  accounts?: Record<string, string>;
  /** X-ServerApplication on every answer; null: none; default EXCHANGE_2019_APPLICATION */
  serverApplication?: string | null;
  /** the mailbox's display name in the Connect response; default "Alice Smith" */
  displayName?: string;
  /** a failing endpoint: every authenticated request gets HTTP 200 with this X-ResponseCode and Exchange's HTML diagnostic page */
  responseCode?: number;
  /** what an authenticated Connect gets: the answer (default), nothing ever ("hang"), or a dropped connection ("reset") */
  onConnect?: "answer" | "hang" | "reset";
  /** NTLM (and Negotiate) offered, but a NEGOTIATE gets a plain 401 without a CHALLENGE (a broken proxy in front) */
  ntlmWithoutChallenge?: boolean;
}

/** A Connect request the endpoint accepted and parsed. */
export interface ConnectRecord {
  userDn: string;
  flags: number;
  defaultCodePage: number;
  lcidSort: number;
  lcidString: number;
  auxiliaryBufferSize: number;
  headers: http.IncomingHttpHeaders;
}

export type MapiHandler = RequestHandler & { readonly connects: readonly ConnectRecord[] };

type NtlmHook = ReturnType<typeof ntlmResponder>;

/** The /mapi endpoints; other paths get IIS's 404. */
export function mapiHandler(o: MapiServerOptions = {}): MapiHandler {
  const basicAccounts = new Map(Object.entries(o.accounts ?? {}).map(([user, password]) => [user.toLowerCase(), password]));
  const ntlm = ntlmResponder(
    Object.fromEntries(Object.entries(o.accounts ?? {}).map(([user, password]) => [user.slice(user.lastIndexOf("\\") + 1).toLowerCase(), password])),
  );
  const connects: ConnectRecord[] = [];
  const application = o.serverApplication === undefined ? EXCHANGE_2019_APPLICATION : o.serverApplication;

  const answer = async (req: http.IncomingMessage, res: http.ServerResponse, endpoint: "emsmdb" | "nspi"): Promise<void> => {
    const body = await readBody(req);
    const methods = o.methods ?? ["Negotiate", "NTLM", `Basic realm="${(req.headers.host ?? "").split(":")[0]}"`];
    const common = {
      Server: "Microsoft-IIS/10.0",
      "request-id": randomUUID(),
      "X-FEServer": "EX01",
      ...(application ? { "X-ServerApplication": application } : {}),
    };
    const outcome = authenticate(req, methods, basicAccounts, o.ntlmWithoutChallenge ? undefined : ntlm);
    if (outcome.kind !== "accepted") {
      const headers = outcome.kind === "challenge" ? outcome.headers : { "WWW-Authenticate": methods, "Content-Type": "text/html" };
      res.writeHead(401, { ...common, ...headers });
      res.end(outcome.kind === "challenge" ? "" : IIS_401_BODY);
      return;
    }
    const requestType = String(req.headers["x-requesttype"] ?? "");
    const echoed = {
      ...common,
      "X-RequestType": requestType,
      ...(req.headers["x-requestid"] ? { "X-RequestId": String(req.headers["x-requestid"]) } : {}),
      ...(req.headers["x-clientinfo"] ? { "X-ClientInfo": String(req.headers["x-clientinfo"]) } : {}),
    };
    const refused = body === undefined ? 9 : (o.responseCode ?? refusalCode(req));
    if (refused !== undefined || body === undefined) {
      res.writeHead(200, { ...echoed, "X-ResponseCode": String(refused), "Content-Type": "text/html" });
      res.end(`<html><head><title>Exchange MAPI/HTTP Connectivity Endpoint</title></head><body><p>X-ResponseCode: ${refused}</p></body></html>`);
      return;
    }
    let binary: Buffer;
    if (endpoint === "emsmdb" && requestType.toLowerCase() === "connect") {
      const connect = parseConnectRequest(body);
      if (!connect) {
        res.writeHead(200, { ...echoed, "X-ResponseCode": "12", "Content-Type": "text/html" });
        res.end("<html><body><p>Invalid Request Body</p></body></html>");
        return;
      }
      connects.push({ ...connect, headers: { ...req.headers } });
      if (o.onConnect === "hang") return;
      if (o.onConnect === "reset") {
        req.socket.destroy();
        return;
      }
      binary = connectResponseBody({ displayName: o.displayName ?? "Alice Smith" });
      res.setHeader("Set-Cookie", [
        `MapiContext=${randomBytes(24).toString("base64url")}; path=/mapi/emsmdb/; secure; HttpOnly`,
        `MapiSequence=${randomBytes(12).toString("base64url")}; path=/mapi/emsmdb/; secure; HttpOnly`,
      ]);
    } else {
      // Any other request type: StatusCode 0, ErrorCode 0, AuxiliaryBufferSize 0.
      binary = Buffer.alloc(12);
    }
    res.writeHead(200, {
      ...echoed,
      "Content-Type": "application/mapi-http",
      "X-ResponseCode": "0",
      "X-PendingPeriod": "15000",
      "X-ExpirationInfo": "1800000",
      "Cache-Control": "private",
    });
    // Chunked as Exchange sends it: the meta-tag first, the rest when "processing" is done.
    res.write("PROCESSING\r\n");
    res.end(
      Buffer.concat([Buffer.from(`DONE\r\nX-ResponseCode: 0\r\nX-ElapsedTime: 4\r\nX-StartTime: ${new Date().toUTCString()}\r\n\r\n`, "latin1"), binary]),
    );
  };

  const handler: RequestHandler = (req, res) => {
    const path = (req.url ?? "").split("?")[0]!.toLowerCase().replace(/\/?$/, "/");
    const endpoint = path === MAPI_PATHS.emsmdb ? "emsmdb" : path === MAPI_PATHS.nspi ? "nspi" : undefined;
    if (!endpoint) {
      res.writeHead(404, { "Content-Type": "text/html", Server: "Microsoft-IIS/10.0" });
      res.end(IIS_404_BODY);
      return;
    }
    answer(req, res, endpoint).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  };
  return Object.assign(handler, { connects });
}

/** X-ResponseCode for a request Exchange refuses before reading its body: a missing header (7), an unknown X-RequestType (5)… */
function refusalCode(req: http.IncomingMessage): number | undefined {
  if (!req.headers["x-requestid"] || !req.headers["x-clientinfo"] || !req.headers["x-requesttype"]) return 7;
  if (req.method !== "POST") return 2;
  if (!REQUEST_TYPES.has(String(req.headers["x-requesttype"]).toLowerCase())) return 5;
  if (!String(req.headers["content-type"] ?? "").startsWith("application/mapi-http")) return 4;
  return undefined;
}

type AuthOutcome = { kind: "accepted" } | { kind: "refused" } | { kind: "challenge"; headers: http.OutgoingHttpHeaders };

function authenticate(req: http.IncomingMessage, methods: string[], accounts: Map<string, string>, ntlm: NtlmHook | undefined): AuthOutcome {
  const offered = new Set(methods.map((m) => (m.split(/\s+/)[0] ?? "").toLowerCase()));
  const auth = req.headers.authorization ?? "";
  const sp = auth.indexOf(" ");
  const scheme = (sp > 0 ? auth.slice(0, sp) : auth).toLowerCase();
  if (scheme === "basic" && offered.has("basic")) {
    const decoded = Buffer.from(auth.slice(sp + 1).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon > 0 && accounts.get(decoded.slice(0, colon).toLowerCase()) === decoded.slice(colon + 1) ? { kind: "accepted" } : { kind: "refused" };
  }
  if ((scheme === "ntlm" || scheme === "negotiate") && offered.has(scheme) && ntlm) {
    // ntlmResponder writes its verdict itself; a stand-in captures it so an accepted Type 3 gets the MAPI answer instead.
    let captured: { status: number; headers: http.OutgoingHttpHeaders } | undefined;
    const standIn = {
      writeHead(status: number, headers: http.OutgoingHttpHeaders = {}) {
        captured = { status, headers };
        return standIn;
      },
      end: () => standIn,
    };
    if (!ntlm(auth, req, standIn as unknown as http.ServerResponse) || !captured) return { kind: "refused" };
    return captured.status === 200 ? { kind: "accepted" } : { kind: "challenge", headers: captured.headers };
  }
  return { kind: "refused" };
}

function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The Connect request body (MS-OXCMAPIHTTP 2.2.4.1.1), read independently of the analyzer's encoder; undefined when malformed. */
export function parseConnectRequest(body: Buffer): Omit<ConnectRecord, "headers"> | undefined {
  const end = body.indexOf(0);
  if (end < 0 || body.length < end + 1 + 20) return undefined;
  const at = end + 1;
  const auxiliaryBufferSize = body.readUInt32LE(at + 16);
  if (body.length !== at + 20 + auxiliaryBufferSize) return undefined;
  return {
    userDn: body.toString("ascii", 0, end),
    flags: body.readUInt32LE(at),
    defaultCodePage: body.readUInt32LE(at + 4),
    lcidSort: body.readUInt32LE(at + 8),
    lcidString: body.readUInt32LE(at + 12),
    auxiliaryBufferSize,
  };
}

/** The Connect success response body (MS-OXCMAPIHTTP 2.2.4.1.2) Exchange sends for an opened mailbox session. */
export function connectResponseBody(o: { displayName: string; errorCode?: number; dnPrefix?: string }): Buffer {
  const numbers = Buffer.alloc(20);
  numbers.writeUInt32LE(0, 0); // StatusCode
  numbers.writeUInt32LE(o.errorCode ?? 0, 4);
  numbers.writeUInt32LE(60_000, 8); // MaxPollingInterval
  numbers.writeUInt32LE(6, 12); // MaxRetryCount
  numbers.writeUInt32LE(10_000, 16); // RetryDelay
  return Buffer.concat([
    numbers,
    Buffer.from(`${o.dnPrefix ?? "/o=Mapi/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/"}\0`, "ascii"),
    Buffer.from(`${o.displayName}\0`, "utf16le"),
    Buffer.alloc(4), // AuxiliaryBufferSize 0
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Autodiscover with the mapiHttp protocol

export interface MapiSettingsOptions extends SettingsOptions {
  /** MailStore ExternalUrl, e.g. https://mail.contoso.com/mapi/emsmdb/?MailboxId=<guid>@contoso.com */
  mailStoreUrl: string;
  /** AddressBook ExternalUrl */
  addressBookUrl: string;
}

/**
 * Exchange 2019's settings response to a client that speaks MAPI over HTTP: settingsXml's EXCH, EXPR and WEB, plus
 * `<Protocol Type="mapiHttp" Version="1">` with the MailStore and AddressBook URLs.
 */
export function mapiSettingsXml(o: MapiSettingsOptions): string {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const side = (name: string, url: string) =>
    [
      `        <${name}>`,
      `          <InternalUrl>${escape(url)}</InternalUrl>`,
      `          <ExternalUrl>${escape(url)}</ExternalUrl>`,
      `        </${name}>`,
    ].join("\r\n");
  const protocol = [
    '      <Protocol Type="mapiHttp" Version="1">',
    side("MailStore", o.mailStoreUrl),
    side("AddressBook", o.addressBookUrl),
    "      </Protocol>",
  ].join("\r\n");
  return settingsXml(o).replace(/(\r\n\s*<\/Account>)/, `\r\n${protocol}$1`);
}

/** The User/LegacyDN of a settings response (what Outlook sends as the Connect request's UserDn). */
export function legacyDnOf(xml: string): string {
  const match = /<LegacyDN>([^<]*)<\/LegacyDN>/.exec(xml);
  if (!match) throw new Error("no LegacyDN in the settings");
  return match[1]!
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"');
}
