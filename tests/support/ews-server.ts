/**
 * A fake Exchange 2019 Exchange Web Services endpoint (POST /EWS/Exchange.asmx, SOAP) for the integration tests: it
 * answers like IIS before and after authentication (Basic, and NTLM through ./ntlm-server's responder), checks that
 * the request is a GetFolder of the Inbox, and builds realistic answers, EWS errors, SOAP faults and hostile bodies.
 *
 * Requests are recorded by the server that serves the handler (`RunningHttpsServer.requests` in ./servers); the
 * handler keeps the SOAP bodies of authenticated requests in `bodies`.
 */
import { randomUUID } from "node:crypto";
import { parseAuthenticateMessage } from "./ntlm-authenticate";
import { ntlmResponder } from "./ntlm-server";
import { IIS_401_BODY, type RequestHandler } from "./servers";
import type http from "node:http";

export const EWS_PATH = "/EWS/Exchange.asmx";
/** Largest request body the fake reads (a GetFolder is under 1 KiB); a larger one gets 413. */
export const MAX_REQUEST_BODY = 64 * 1024;

const SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
const TYPES_NS = "http://schemas.microsoft.com/exchange/services/2006/types";
const MESSAGES_NS = "http://schemas.microsoft.com/exchange/services/2006/messages";
const ERRORS_NS = "http://schemas.microsoft.com/exchange/services/2006/errors";
const XML_CONTENT_TYPE = "text/xml; charset=utf-8";
const IIS_404_BODY = "<html><head><title>404 - File or directory not found.</title></head><body><h2>404 - File or directory not found.</h2></body></html>";

// ---------------------------------------------------------------------------------------------------------------
// the endpoint

/** A full answer, when a scenario needs more than a SOAP body with 200. */
export interface EwsReply {
  /** default 200 */
  status?: number;
  /** default "text/xml; charset=utf-8" */
  contentType?: string;
  headers?: http.OutgoingHttpHeaders;
  body: string | Buffer;
}

/** What to answer an authenticated GetFolder: a SOAP body (200), a full reply, silence ("hang") or a dropped connection ("drop"). */
export type EwsAnswer = string | EwsReply | "hang" | "drop";

export interface EwsRequest {
  /** The user part of the account that signed in, lower case ("alice" for CONTOSO\alice or alice@contoso.test). */
  user: string;
  /** The `<t:Mailbox><t:EmailAddress>` of the DistinguishedFolderId, when the client named a mailbox. */
  mailbox?: string;
  body: string;
  req: http.IncomingMessage;
}

export interface EwsOptions {
  /** one WWW-Authenticate header per entry; default ["Negotiate", "NTLM", `Basic realm="<host>"`] */
  methods?: string[];
  /** user → password, for Basic ("CONTOSO\\alice" or "alice@contoso.test", compared case-insensitively) and NTLM (the user part) */
  accounts?: Record<string, string>;
  /** The answer to an authenticated GetFolder of the Inbox; default getFolderResponseXml() */
  respond?: (request: EwsRequest) => EwsAnswer;
  /** false: NTLM and Negotiate are offered, but a NEGOTIATE gets a bare 401 instead of a CHALLENGE (a broken NTLM setup); default true */
  ntlmChallenge?: boolean;
}

/** The handler, plus the SOAP body of each authenticated request, in order. */
export type EwsHandler = RequestHandler & { readonly bodies: readonly string[] };

type NtlmHook = ReturnType<typeof ntlmResponder>;

/**
 * POST /EWS/Exchange.asmx as Exchange 2019 behind IIS answers it: 401 with the configured methods until valid Basic
 * or NTLM credentials come (a wrong password is another 401), then `respond(...)` for a GetFolder of the Inbox
 * with RequestServerVersion, and a 500 SOAP fault (ErrorSchemaValidation) for anything else. Other paths: 404.
 */
export function ewsHandler(o: EwsOptions = {}): EwsHandler {
  const basicAccounts = new Map(Object.entries(o.accounts ?? {}).map(([user, password]) => [user.toLowerCase(), password]));
  const ntlm = ntlmResponder(userParts(o.accounts ?? {}));
  const bodies: string[] = [];

  const answer = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const body = await readBody(req, MAX_REQUEST_BODY);
    if (body === undefined) {
      send(res, {
        status: 413,
        contentType: "text/html",
        headers: { Connection: "close" },
        body: "<html><body><h2>413 - Request Entity Too Large</h2></body></html>",
      });
      return;
    }
    const methods = o.methods ?? ["Negotiate", "NTLM", `Basic realm="${hostName(req)}"`];
    const outcome = authenticate(req, methods, basicAccounts, o.ntlmChallenge === false ? undefined : ntlm);
    if (outcome.kind === "refused") {
      send(res, { status: 401, contentType: "text/html", headers: { "WWW-Authenticate": methods }, body: IIS_401_BODY });
      return;
    }
    if (outcome.kind === "challenge") {
      send(res, { status: 401, contentType: "text/html", headers: outcome.headers, body: "" });
      return;
    }
    bodies.push(body);
    if (!isInboxGetFolder(body)) {
      send(res, { status: 500, body: soapFaultXml("ErrorSchemaValidation", "The request failed schema validation.") });
      return;
    }
    const reply = (o.respond ?? (() => getFolderResponseXml()))({ user: outcome.user, mailbox: requestedMailbox(body), body, req });
    if (reply === "hang") return;
    if (reply === "drop") {
      req.socket.destroy();
      return;
    }
    send(res, typeof reply === "string" ? { body: reply } : reply);
  };

  const handler: RequestHandler = (req, res) => {
    if ((req.url ?? "").split("?")[0]!.toLowerCase() !== EWS_PATH.toLowerCase()) {
      send(res, { status: 404, contentType: "text/html", body: IIS_404_BODY });
      return;
    }
    answer(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  };
  return Object.assign(handler, { bodies });
}

type AuthOutcome = { kind: "accepted"; user: string } | { kind: "refused" } | { kind: "challenge"; headers: http.OutgoingHttpHeaders };

function authenticate(req: http.IncomingMessage, methods: string[], accounts: Map<string, string>, ntlm: NtlmHook | undefined): AuthOutcome {
  const offered = new Set(methods.map((m) => (m.split(/\s+/)[0] ?? "").toLowerCase()));
  const auth = req.headers.authorization ?? "";
  const sp = auth.indexOf(" ");
  const scheme = (sp > 0 ? auth.slice(0, sp) : auth).toLowerCase();
  const param = sp > 0 ? auth.slice(sp + 1).trim() : "";

  if (scheme === "basic" && offered.has("basic")) {
    const decoded = Buffer.from(param, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    const user = decoded.slice(0, colon).toLowerCase();
    return colon > 0 && accounts.get(user) === decoded.slice(colon + 1) ? { kind: "accepted", user: userPart(user) } : { kind: "refused" };
  }
  if ((scheme === "ntlm" || scheme === "negotiate") && offered.has(scheme) && ntlm) {
    const verdict = runNtlm(ntlm, auth, req);
    if (verdict === undefined) return { kind: "refused" };
    if (verdict.status !== 200) return { kind: "challenge", headers: verdict.headers };
    return { kind: "accepted", user: parseAuthenticateMessage(Buffer.from(param, "base64")).user.toLowerCase() };
  }
  return { kind: "refused" };
}

/**
 * ntlmResponder writes its verdict itself (401 + challenge, or an empty 200); this hands it a stand-in response that
 * only captures status and headers, so an accepted Type 3 can be answered with the SOAP response instead.
 */
function runNtlm(ntlm: NtlmHook, auth: string, req: http.IncomingMessage): { status: number; headers: http.OutgoingHttpHeaders } | undefined {
  let captured: { status: number; headers: http.OutgoingHttpHeaders } | undefined;
  const standIn = {
    writeHead(status: number, headers: http.OutgoingHttpHeaders = {}) {
      captured = { status, headers };
      return standIn;
    },
    end() {
      return standIn;
    },
  };
  return ntlm(auth, req, standIn as unknown as http.ServerResponse) ? captured : undefined;
}

/** "CONTOSO\\alice" and "alice@contoso.test" are both "alice". */
function userPart(user: string): string {
  return user
    .slice(user.lastIndexOf("\\") + 1)
    .split("@")[0]!
    .toLowerCase();
}

/** The NTLM verifier looks accounts up by the Type 3 user name alone. */
function userParts(accounts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(accounts).map(([user, password]) => [userPart(user), password]));
}

/** A GetFolder of the distinguished folder "inbox" with a RequestServerVersion header, any namespace prefixes. */
function isInboxGetFolder(body: string): boolean {
  return (
    /<(?:\w+:)?Envelope\b/.test(body) &&
    /<(?:\w+:)?RequestServerVersion\s[^>]*Version="Exchange20\d\d\w*"/.test(body) &&
    /<(?:\w+:)?GetFolder>/.test(body) &&
    /<(?:\w+:)?DistinguishedFolderId\s[^>]*Id="inbox"/.test(body)
  );
}

function requestedMailbox(body: string): string | undefined {
  return /<(?:\w+:)?Mailbox>\s*<(?:\w+:)?EmailAddress>([^<]*)</.exec(body)?.[1];
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Writes a reply with the headers Exchange's front end sends with every EWS answer. */
function send(res: http.ServerResponse, reply: EwsReply): void {
  res.statusCode = reply.status ?? 200;
  res.setHeader("Server", "Microsoft-IIS/10.0");
  res.setHeader("X-AspNet-Version", "4.0.30319");
  res.setHeader("X-Powered-By", "ASP.NET");
  res.setHeader("X-FEServer", "EX01");
  res.setHeader("request-id", randomUUID());
  res.setHeader("Cache-Control", "private");
  res.setHeader("Content-Type", reply.contentType ?? XML_CONTENT_TYPE);
  for (const [name, value] of Object.entries(reply.headers ?? {})) if (value !== undefined) res.setHeader(name, value);
  res.setHeader("Content-Length", Buffer.byteLength(reply.body));
  res.end(reply.body);
}

function hostName(req: http.IncomingMessage): string {
  return (req.headers.host ?? "").split(":")[0]!;
}

// ---------------------------------------------------------------------------------------------------------------
// answers

export interface ServerVersion {
  major: number;
  minor: number;
  majorBuild: number;
  minorBuild: number;
  /** the schema version, e.g. V2017_07_11 */
  schema: string;
}

/** Exchange Server 2019 CU12 (15.2.1118.7), which speaks the V2017_07_11 schema. */
export const EXCHANGE_2019_CU12: ServerVersion = { major: 15, minor: 2, majorBuild: 1118, minorBuild: 7, schema: "V2017_07_11" };

function escapeXml(value: string): string {
  return value.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** The SOAP envelope Exchange writes: ServerVersionInfo in the header, then the body. */
function envelope(bodyContent: string, version: ServerVersion | null = EXCHANGE_2019_CU12): string {
  const header =
    version === null
      ? ""
      : `<s:Header><h:ServerVersionInfo MajorVersion="${version.major}" MinorVersion="${version.minor}" MajorBuildNumber="${version.majorBuild}" MinorBuildNumber="${version.minorBuild}" Version="${version.schema}" xmlns:h="${TYPES_NS}" xmlns="${TYPES_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"/></s:Header>`;
  return (
    `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${SOAP_NS}">${header}` +
    `<s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">${bodyContent}</s:Body></s:Envelope>`
  );
}

function getFolderResponse(message: string): string {
  return `<m:GetFolderResponse xmlns:m="${MESSAGES_NS}" xmlns:t="${TYPES_NS}"><m:ResponseMessages>${message}</m:ResponseMessages></m:GetFolderResponse>`;
}

export interface InboxOptions {
  displayName?: string;
  totalCount?: number;
  unreadCount?: number;
  childFolderCount?: number;
  /** default EXCHANGE_2019_CU12; null: no ServerVersionInfo header */
  version?: ServerVersion | null;
}

/** A successful GetFolder of the Inbox with the default shape: FolderId, DisplayName, TotalCount, ChildFolderCount, UnreadCount. */
export function getFolderResponseXml(o: InboxOptions = {}): string {
  const folder =
    `<t:Folder><t:FolderId Id="AAMkADk0ZjRlYzE2LTFkYjItNDg4Yi05ZmVhLTY3MmFjZjM2NTk0MAAuAAAAAAB" ChangeKey="AQAAABYAAAB0Uyc0Ha8FTb2/1N5zkAAAAAAAzg=="/>` +
    `<t:DisplayName>${escapeXml(o.displayName ?? "Inbox")}</t:DisplayName><t:TotalCount>${o.totalCount ?? 12}</t:TotalCount>` +
    `<t:ChildFolderCount>${o.childFolderCount ?? 0}</t:ChildFolderCount><t:UnreadCount>${o.unreadCount ?? 3}</t:UnreadCount></t:Folder>`;
  const message = `<m:GetFolderResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Folders>${folder}</m:Folders></m:GetFolderResponseMessage>`;
  return envelope(getFolderResponse(message), o.version === undefined ? EXCHANGE_2019_CU12 : o.version);
}

/**
 * An EWS error (HTTP 200, ResponseClass="Error"), e.g. ErrorNonExistentMailbox "The SMTP address has no mailbox
 * associated with it.", ErrorAccessDenied "Access is denied. Check credentials and try again.".
 */
export function ewsErrorXml(responseCode: string, messageText: string): string {
  const message =
    `<m:GetFolderResponseMessage ResponseClass="Error"><m:MessageText>${escapeXml(messageText)}</m:MessageText>` +
    `<m:ResponseCode>${escapeXml(responseCode)}</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey><m:Folders/></m:GetFolderResponseMessage>`;
  return envelope(getFolderResponse(message));
}

/** A SOAP fault, sent with HTTP 500: EWS's ResponseCode and Message in the detail. */
export function soapFaultXml(responseCode: string, message: string): string {
  return envelope(
    `<s:Fault><faultcode xmlns:a="${TYPES_NS}">a:${escapeXml(responseCode)}</faultcode><faultstring xml:lang="en-US">${escapeXml(message)}</faultstring>` +
      `<detail><e:ResponseCode xmlns:e="${ERRORS_NS}">${escapeXml(responseCode)}</e:ResponseCode><e:Message xmlns:e="${ERRORS_NS}">${escapeXml(message)}</e:Message></detail></s:Fault>`,
    null,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// hostile bodies: a client must refuse them without expanding, fetching or buffering without limit

/** Ten levels of ten nested entity references in the folder's DisplayName: 10^9 "lol"s if a parser expands them. */
export const EWS_BILLION_LAUGHS_XML = getFolderResponseXml({ displayName: "@@LOL@@" })
  .replace(
    '<?xml version="1.0" encoding="utf-8"?>',
    [
      '<?xml version="1.0" encoding="utf-8"?>',
      "<!DOCTYPE s:Envelope [",
      '  <!ENTITY lol0 "lol">',
      ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`),
      "]>",
    ].join("\r\n"),
  )
  .replace("@@LOL@@", "&lol9;");

/** A reverse proxy's sign-in page, status 200, where EWS's SOAP should be. */
export const EWS_SIGN_IN_PAGE =
  '<!DOCTYPE html><html lang="en"><head><title>Contoso Secure Access - Sign In</title></head><body><form method="post" action="/my.policy"><input name="username"><input type="password" name="password"></form></body></html>';

/** Well-formed XML that isn't SOAP at all. */
export const NOT_SOAP_XML = `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"><Response/></Autodiscover>`;
