/**
 * A fake Exchange 2019 Autodiscover endpoint (POX, MS-OXDSCLI) for the integration tests: it answers like IIS before
 * and after authentication, builds realistic responses and hostile bodies, and plays the plain-HTTP redirect that
 * Outlook tries before the SRV record ("HTTP redirect method").
 *
 * Requests are recorded by the server that serves a handler (`RunningHttpsServer.requests`, `RunningHttpServer.requests`
 * in ./servers), so tests assert there, e.g. that no Authorization header ever reached a host.
 */
import { createHash, randomInt, randomUUID } from "node:crypto";
import { ntlmResponder } from "./ntlm-server";
import { IIS_401_BODY, type RequestHandler } from "./servers";
import type http from "node:http";

export const AUTODISCOVER_PATH = "/autodiscover/autodiscover.xml";
export const RESPONSE_SCHEMA_NS = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
export const OUTLOOK_RESPONSE_SCHEMA_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
export const OUTLOOK_REQUEST_SCHEMA_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";

/** Largest request body the fake reads (Outlook's request is under 1 KiB); a larger one gets 413 and a close. */
export const MAX_REQUEST_BODY = 64 * 1024;

const XML_CONTENT_TYPE = "text/xml; charset=utf-8";
const IIS_404_BODY =
  "<html><head><title>404 - File or directory not found.</title></head><body><h2>404 - File or directory not found.</h2><h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3></body></html>";

// ---------------------------------------------------------------------------------------------------------------
// the endpoint

/** A full answer, when a scenario needs more than an XML body with 200 (an HTML page, a 302, a 500…). */
export interface AutodiscoverReply {
  /** default 200 */
  status?: number;
  /** default "text/xml; charset=utf-8" */
  contentType?: string;
  headers?: http.OutgoingHttpHeaders;
  body: string | Buffer;
}

export interface AutodiscoverRequestContext {
  /** the POX request body as received (UTF-8) */
  body: string;
  req: http.IncomingMessage;
}

export interface AutodiscoverOptions {
  /** The answer to an authenticated POST that names an `<EMailAddress>`: an XML body (200), or a full reply. */
  respond: (email: string, request: AutodiscoverRequestContext) => string | AutodiscoverReply;
  /** one WWW-Authenticate header per entry; default ["Negotiate", "NTLM", `Basic realm="<realm>"`] */
  methods?: string[];
  /** realm of the default Basic challenge; default the request's Host name, as IIS does without a configured realm */
  realm?: string;
  /** user → password, for Basic ("CONTOSO\\alice" or "alice@contoso.test", compared case-insensitively) and NTLM (the user part) */
  accounts?: Record<string, string>;
  /** answer without asking for credentials (anonymous access, or a proxy that pre-authenticated); default false */
  anonymous?: boolean;
  /** send the body chunked instead of with Content-Length (for clients that must cap what they read); default false */
  chunked?: boolean;
  /** path, compared case-insensitively (query ignored); default AUTODISCOVER_PATH */
  path?: string;
  /**
   * The JSON Autodiscover v2 answer (GET /autodiscover/autodiscover.json?Email=…&Protocol=…, anonymous, as Exchange
   * 2019 and Microsoft 365 serve it): an object sent as JSON with 200, or a full reply; absent: 404 like older servers.
   */
  json?: (email: string, protocol: string) => Record<string, unknown> | AutodiscoverReply;
}

/** The handler, plus the `<EMailAddress>` of each authenticated POST it answered, in order. */
export type AutodiscoverHandler = RequestHandler & { readonly emailAddresses: readonly string[] };

type NtlmHook = ReturnType<typeof ntlmResponder>;

/**
 * POST /autodiscover/autodiscover.xml as Exchange 2019 behind IIS answers it: 401 with the configured methods until
 * valid Basic or NTLM credentials come (a wrong password is another 401), then 200 with `respond(email)`. A request
 * without an `<EMailAddress>`, and any other method (a browser's GET), get the 600 "Invalid Request" error once
 * authenticated. Other paths: 404.
 */
export function autodiscoverHandler(o: AutodiscoverOptions): AutodiscoverHandler {
  const path = (o.path ?? AUTODISCOVER_PATH).toLowerCase();
  const basicAccounts = new Map(Object.entries(o.accounts ?? {}).map(([user, password]) => [user.toLowerCase(), password]));
  const ntlm = ntlmResponder(ntlmAccounts(o.accounts ?? {}));
  const emailAddresses: string[] = [];

  const methodsFor = (req: http.IncomingMessage): string[] => o.methods ?? ["Negotiate", "NTLM", `Basic realm="${o.realm ?? hostName(req)}"`];

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
    const methods = methodsFor(req);
    if (!o.anonymous) {
      const outcome = authenticate(req, methods, basicAccounts, ntlm);
      if (outcome.kind === "refused") {
        send(res, { status: 401, contentType: "text/html", headers: { "WWW-Authenticate": methods }, body: IIS_401_BODY });
        return;
      }
      if (outcome.kind === "challenge") {
        send(res, { status: 401, contentType: "text/html", headers: outcome.headers, body: "" });
        return;
      }
    }
    const email = req.method === "POST" ? requestedEmail(body) : undefined;
    if (email === undefined) {
      send(res, { body: errorXml(600, "Invalid Request") }, o.chunked);
      return;
    }
    emailAddresses.push(email);
    const reply = o.respond(email, { body, req });
    send(res, typeof reply === "string" ? { body: reply } : reply, o.chunked);
  };

  const handler: RequestHandler = (req, res) => {
    if (pathOf(req) === "/autodiscover/autodiscover.json" && o.json) {
      const query = new URL(req.url ?? "/", "http://x").searchParams;
      const reply = o.json(query.get("Email") ?? "", query.get("Protocol") ?? "");
      send(
        res,
        "body" in reply && (typeof reply.body === "string" || Buffer.isBuffer(reply.body))
          ? (reply as AutodiscoverReply)
          : { contentType: "application/json; charset=utf-8", body: JSON.stringify(reply) },
      );
      return;
    }
    if (pathOf(req) !== path) {
      send(res, { status: 404, contentType: "text/html", body: IIS_404_BODY });
      return;
    }
    answer(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  };
  return Object.assign(handler, { emailAddresses });
}

type AuthOutcome = { kind: "accepted" } | { kind: "refused" } | { kind: "challenge"; headers: http.OutgoingHttpHeaders };

function authenticate(req: http.IncomingMessage, methods: string[], accounts: Map<string, string>, ntlm: NtlmHook): AuthOutcome {
  const offered = new Set(methods.map((m) => (m.split(/\s+/)[0] ?? "").toLowerCase()));
  const auth = req.headers.authorization ?? "";
  const sp = auth.indexOf(" ");
  const scheme = (sp > 0 ? auth.slice(0, sp) : auth).toLowerCase();
  const param = sp > 0 ? auth.slice(sp + 1).trim() : "";

  if (scheme === "basic" && offered.has("basic")) {
    const decoded = Buffer.from(param, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    const user = decoded.slice(0, colon).toLowerCase();
    return colon > 0 && accounts.get(user) === decoded.slice(colon + 1) ? { kind: "accepted" } : { kind: "refused" };
  }
  if ((scheme === "ntlm" || scheme === "negotiate") && offered.has(scheme)) {
    const verdict = runNtlm(ntlm, auth, req);
    if (verdict === undefined) return { kind: "refused" };
    return verdict.status === 200 ? { kind: "accepted" } : { kind: "challenge", headers: verdict.headers };
  }
  return { kind: "refused" };
}

/**
 * ntlmResponder writes its verdict itself (401 + challenge, or an empty 200); this hands it a stand-in response that
 * only captures status and headers, so an accepted Type 3 can be answered with the Autodiscover XML instead.
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
  const answered = ntlm(auth, req, standIn as unknown as http.ServerResponse);
  return answered ? captured : undefined;
}

/** The NTLM verifier looks accounts up by the Type 3 user name alone, so "CONTOSO\\alice" is keyed "alice". */
function ntlmAccounts(accounts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(accounts).map(([user, password]) => [user.slice(user.lastIndexOf("\\") + 1).toLowerCase(), password]));
}

/** The body as UTF-8, or undefined as soon as it exceeds `limit` bytes. */
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

/** Writes a reply with the headers every answer of Exchange's front end carries. */
function send(res: http.ServerResponse, reply: AutodiscoverReply, chunked = false): void {
  res.statusCode = reply.status ?? 200;
  res.setHeader("Server", "Microsoft-IIS/10.0");
  res.setHeader("X-Powered-By", "ASP.NET");
  res.setHeader("X-FEServer", "EX01");
  res.setHeader("request-id", randomUUID());
  res.setHeader("Cache-Control", "private");
  res.setHeader("Content-Type", reply.contentType ?? XML_CONTENT_TYPE);
  for (const [name, value] of Object.entries(reply.headers ?? {})) if (value !== undefined) res.setHeader(name, value);
  if (chunked) {
    // write() before end() without a Content-Length: Node frames the body with Transfer-Encoding: chunked
    res.write(reply.body);
    res.end();
    return;
  }
  res.setHeader("Content-Length", Buffer.byteLength(reply.body));
  res.end(reply.body);
}

function pathOf(req: http.IncomingMessage): string {
  return (req.url ?? "").split("?")[0]!.toLowerCase();
}

/** The Host header without its port. */
function hostName(req: http.IncomingMessage): string {
  const host = req.headers.host ?? "";
  return host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0]!;
}

/** The `<EMailAddress>` of a POX request (any namespace prefix), entities decoded; undefined when absent or empty. */
export function requestedEmail(body: string): string | undefined {
  const match = /<(?:[A-Za-z_][\w.-]*:)?EMailAddress(?:\s[^>]*)?>([^<]*)<\/(?:[A-Za-z_][\w.-]*:)?EMailAddress\s*>/.exec(body);
  const email = match ? unescapeXml(match[1]!).trim() : "";
  return email === "" ? undefined : email;
}

// ---------------------------------------------------------------------------------------------------------------
// the plain-HTTP redirect (Outlook: GET http://autodiscover.<domain>/autodiscover/autodiscover.xml, expects a 302)

export interface HttpRedirectOptions {
  /** default 302, the only status Outlook follows here */
  status?: number;
  /** default AUTODISCOVER_PATH (case-insensitive); other paths get 404 */
  path?: string;
}

/**
 * The "HTTP redirect method": a site on port 80 whose IIS HTTP Redirect sends the Autodiscover path to the real
 * HTTPS endpoint. Like IIS it redirects whatever the method; the recorded requests show what a client sent.
 */
export function httpRedirectHandler(location: string, options: HttpRedirectOptions = {}): RequestHandler {
  return redirectHandler(() => location, options);
}

/** A redirect that points back at the URL just requested: a client must notice the loop (or count hops) and stop. */
export function httpRedirectLoopHandler(options: HttpRedirectOptions = {}): RequestHandler {
  return redirectHandler((req) => `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, options);
}

function redirectHandler(locationOf: (req: http.IncomingMessage) => string, o: HttpRedirectOptions): RequestHandler {
  const path = (o.path ?? AUTODISCOVER_PATH).toLowerCase();
  return (req, res) => {
    if (pathOf(req) !== path) {
      send(res, { status: 404, contentType: "text/html", body: IIS_404_BODY });
      return;
    }
    const location = locationOf(req);
    // IIS's own "Document Moved" page
    const body = `<head><title>Document Moved</title></head>\n<body><h1>Object Moved</h1>This document may be found <a HREF="${escapeXml(location)}">here</a></body>`;
    send(res, { status: o.status ?? 302, contentType: "text/html; charset=UTF-8", headers: { Location: location }, body });
  };
}

// ---------------------------------------------------------------------------------------------------------------
// XML

interface XmlElement {
  name: string;
  attributes?: Record<string, string>;
  text?: string;
  children?: XmlElement[];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescapeXml(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => named[name]!);
}

function el(name: string, content?: string | XmlElement[], attributes?: Record<string, string>): XmlElement {
  return typeof content === "string" ? { name, text: content, attributes } : { name, children: content, attributes };
}

/** Indented with two spaces and CRLF line ends, as Exchange sends it; an empty element is written `<Name />`. */
function render(e: XmlElement, depth = 0): string {
  const indent = "  ".repeat(depth);
  const attrs = Object.entries(e.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join("");
  if (e.text !== undefined) return `${indent}<${e.name}${attrs}>${escapeXml(e.text)}</${e.name}>`;
  if (!e.children?.length) return `${indent}<${e.name}${attrs} />`;
  return [`${indent}<${e.name}${attrs}>`, ...e.children.map((c) => render(c, depth + 1)), `${indent}</${e.name}>`].join("\r\n");
}

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** `<Autodiscover xmlns=…2006>` around a `<Response>` (in the Outlook 2006a namespace unless `responseNs` is null). */
function autodiscoverDocument(responseChildren: XmlElement[], responseNs: string | null = OUTLOOK_RESPONSE_SCHEMA_NS): string {
  const response = el("Response", responseChildren, responseNs === null ? undefined : { xmlns: responseNs });
  return `${XML_DECLARATION}\r\n${render(el("Autodiscover", [response], { xmlns: RESPONSE_SCHEMA_NS }))}`;
}

/** A stable GUID derived from `seed`, so the same mailbox gets the same ids in every response. */
function guidFrom(seed: string): string {
  const hex = createHash("sha1").update(seed).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** EXCH ServerVersion of Exchange 2019 CU12 (15.2.1118): 0111 | major(6) | minor(6) | 1 | build(15), in hex. */
const EXCHANGE_2019_SERVER_VERSION = "73C2845E";

/** The request Outlook POSTs (for tests that talk to the endpoint with a plain client). */
export function outlookRequestXml(email: string): string {
  const request = el("Request", [el("EMailAddress", email), el("AcceptableResponseSchema", OUTLOOK_RESPONSE_SCHEMA_NS)]);
  return `${XML_DECLARATION}\r\n${render(el("Autodiscover", [request], { xmlns: OUTLOOK_REQUEST_SCHEMA_NS }))}`;
}

export interface SettingsOptions {
  displayName: string;
  email: string;
  /** EXPR Server: the external Outlook Anywhere host name, e.g. "mail.contoso.com"; also the host of the service URLs */
  exprServer: string;
  /** EXPR CertPrincipalName; default `msstd:<exprServer>`; null = element absent (as when the EXPR provider's value is $null) */
  exprCertPrincipalName?: string | null;
  /** EXCH Server; default "<mailbox GUID>@<domain>", as Exchange 2013 and later hand out */
  exchServer?: string;
  /** EWS URL (ASUrl, EwsUrl, OOFUrl…); default `https://<exprServer>/EWS/Exchange.asmx` */
  ewsUrl?: string;
  /** false: no EXPR section (Outlook Anywhere not published externally); default true */
  includeExpr?: boolean;
  /** EXPR AuthPackage; default "Negotiate" (Exchange 2016/2019's default ExternalClientAuthenticationMethod) */
  exprAuthPackage?: string;
}

/**
 * An Exchange 2019 "settings" response for Outlook: User, then Account with the EXCH (mailbox GUID server), EXPR
 * (Outlook Anywhere, with CertPrincipalName) and WEB protocols, including the entity-escaped ECP URLs real servers send.
 */
export function settingsXml(o: SettingsOptions): string {
  const domain = o.email.includes("@") ? o.email.slice(o.email.lastIndexOf("@") + 1) : "contoso.test";
  const alias = o.email.split("@")[0]!;
  const org = domain.charAt(0).toUpperCase() + (domain.split(".")[0] ?? "").slice(1);
  const adminGroup = `/o=${org}/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)`;
  const mailboxGuid = guidFrom(`mailbox:${o.email.toLowerCase()}`);
  const exchServer = o.exchServer ?? `${mailboxGuid}@${domain}`;
  const base = `https://${o.exprServer}`;
  const ewsUrl = o.ewsUrl ?? `${base}/EWS/Exchange.asmx`;
  const oabUrl = `${base}/OAB/${guidFrom(`oab:${domain}`)}/`;
  const principal = o.exprCertPrincipalName === undefined ? `msstd:${o.exprServer}` : o.exprCertPrincipalName;

  const serviceUrls = (): XmlElement[] => [
    el("ASUrl", ewsUrl),
    el("EwsUrl", ewsUrl),
    el("EmwsUrl", ewsUrl),
    el("EcpUrl", `${base}/owa/`),
    el("EcpUrl-um", "?path=/options/callanswering"),
    el("EcpUrl-aggr", "?path=/options/connectedaccounts"),
    el("EcpUrl-mt", `options/ecp/PersonalSettings/DeliveryReport.aspx?rfr=olk&exsvurl=1&IsOWA=<IsOWA>&MsgID=<MsgID>&Mbx=<Mbx>&realm=${domain}`),
    el("EcpUrl-ret", "?path=/options/retentionpolicies"),
    el("EcpUrl-sms", "?path=/options/textmessaging"),
    el("EcpUrl-publish", "customize/calendarpublishing.slab?exsvurl=1&FldID=<FldID>"),
    el("EcpUrl-photo", `PersonalSettings/EditAccount.aspx?rfr=olk&chgPhoto=1&exsvurl=1&realm=${domain}`),
    el("EcpUrl-extinstall", "?path=/options/manageapps"),
    el("OOFUrl", ewsUrl),
    el("UMUrl", `${base}/EWS/UM2007Legacy.asmx`),
    el("OABUrl", oabUrl),
  ];

  const exch = el("Protocol", [
    el("Type", "EXCH"),
    el("Server", exchServer),
    el("ServerDN", `${adminGroup}/cn=Configuration/cn=Servers/cn=${exchServer}`),
    el("ServerVersion", EXCHANGE_2019_SERVER_VERSION),
    el("MdbDN", `${adminGroup}/cn=Configuration/cn=Servers/cn=${exchServer}/cn=Microsoft Private MDB`),
    el("PublicFolderServer", o.exprServer),
    el("AD", `DC01.${domain}`),
    ...serviceUrls(),
    el("ServerExclusiveConnect", "off"),
  ]);
  const expr = el("Protocol", [
    el("Type", "EXPR"),
    el("Server", o.exprServer),
    el("SSL", "On"),
    el("AuthPackage", o.exprAuthPackage ?? "Negotiate"),
    ...(principal === null ? [] : [el("CertPrincipalName", principal)]),
    el("ServerExclusiveConnect", "on"),
    ...serviceUrls(),
    el("EwsPartnerUrl", ewsUrl),
    el("GroupingInformation", "Default-First-Site-Name"),
  ]);
  const web = el("Protocol", [
    el("Type", "WEB"),
    el("Internal", [el("OWAUrl", `${base}/owa/`, { AuthenticationMethod: "Basic, Fba" }), el("Protocol", [el("Type", "EXCH"), el("ASUrl", ewsUrl)])]),
    ...(o.includeExpr === false
      ? []
      : [el("External", [el("OWAUrl", `${base}/owa/`, { AuthenticationMethod: "Fba" }), el("Protocol", [el("Type", "EXPR"), el("ASUrl", ewsUrl)])])]),
  ]);

  return autodiscoverDocument([
    el("User", [
      el("DisplayName", o.displayName),
      el("LegacyDN", `${adminGroup}/cn=Recipients/cn=${mailboxGuid.replace(/-/g, "")}-${alias}`),
      el("AutoDiscoverSMTPAddress", o.email),
      el("DeploymentId", guidFrom(`deployment:${domain}`)),
    ]),
    el("Account", [
      el("AccountType", "email"),
      el("Action", "settings"),
      el("MicrosoftOnline", "False"),
      exch,
      ...(o.includeExpr === false ? [] : [expr]),
      web,
    ]),
  ]);
}

/** "Ask again for this address" (e.g. on-premises → Exchange Online for a migrated mailbox). */
export function redirectAddrXml(address: string): string {
  return autodiscoverDocument([el("Account", [el("AccountType", "email"), el("Action", "redirectAddr"), el("RedirectAddr", address)])]);
}

/** "POST the same request to this URL" (must be HTTPS for Outlook to follow it). */
export function redirectUrlXml(url: string): string {
  return autodiscoverDocument([el("Account", [el("AccountType", "email"), el("Action", "redirectUrl"), el("RedirectUrl", url)])]);
}

/**
 * The `Response/Error` form (in the 2006 namespace, like Exchange's 600 "Invalid Request"); Time is the server's
 * clock as HH:mm:ss.fffffff and Id a random 32-bit number, as Exchange writes them. Usual codes (MS-OXDSCLI):
 * 500 the e-mail address cannot be found, 501 bad address (no configuration), 600 Invalid Request, 601 requested
 * schema/configuration type not available, 602 bad address (configuration errors), 603 internal server error.
 */
export function errorXml(code: number, message: string): string {
  const time = `${new Date().toISOString().slice(11, 23)}0000`;
  const error = el("Error", [el("ErrorCode", String(code)), el("Message", message), el("DebugData")], { Time: time, Id: String(randomInt(1, 2 ** 32 - 1)) });
  return autodiscoverDocument([error], null);
}

// ---------------------------------------------------------------------------------------------------------------
// hostile bodies: a client must refuse them without expanding, fetching or buffering without limit

/** Ten levels of ten nested entity references: 10^9 "lol"s (about 3 GB) if a parser expands them. */
export const BILLION_LAUGHS_XML = [
  XML_DECLARATION,
  "<!DOCTYPE Autodiscover [",
  '  <!ENTITY lol0 "lol">',
  ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`),
  "]>",
  `<Autodiscover xmlns="${RESPONSE_SCHEMA_NS}"><Response xmlns="${OUTLOOK_RESPONSE_SCHEMA_NS}"><User><DisplayName>&lol9;</DisplayName></User></Response></Autodiscover>`,
].join("\r\n");

/** A settings response whose DisplayName is an external entity (XXE): a parser that resolves it reads /etc/passwd. */
export const EXTERNAL_ENTITY_XML = settingsXml({ displayName: "XXE", email: "alice@contoso.test", exprServer: "mail.contoso.test" })
  .replace(XML_DECLARATION, `${XML_DECLARATION}\r\n<!DOCTYPE Autodiscover [\r\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\r\n]>`)
  .replace("<DisplayName>XXE</DisplayName>", "<DisplayName>&xxe;</DisplayName>");

/** A well-formed settings response padded with an XML comment to exactly `bytes` bytes (UTF-8). */
export function oversizedXml(bytes: number): string {
  const base = settingsXml({ displayName: "Alice", email: "alice@contoso.test", exprServer: "mail.contoso.test" });
  const [head, tail] = [base.slice(0, base.lastIndexOf("  </Response>")), base.slice(base.lastIndexOf("  </Response>"))];
  const frame = "    <!--  -->\r\n";
  const padding = bytes - Buffer.byteLength(head + frame + tail);
  if (padding < 0) throw new Error(`oversizedXml: ${bytes} bytes is smaller than the ${bytes - padding}-byte minimum`);
  return `${head}    <!-- ${"x".repeat(padding)} -->\r\n${tail}`;
}

/** Well-formed but `depth` elements deep inside Response, for a parser's nesting limit. */
export function deeplyNestedXml(depth: number): string {
  const nested = `${"<Protocol>".repeat(depth)}${"</Protocol>".repeat(depth)}`;
  return `${XML_DECLARATION}\r\n<Autodiscover xmlns="${RESPONSE_SCHEMA_NS}"><Response xmlns="${OUTLOOK_RESPONSE_SCHEMA_NS}">${nested}</Response></Autodiscover>`;
}

/** What a reverse proxy's pre-authentication (or a captive portal) answers instead: an HTML sign-in page, status 200. */
export const NOT_XML = [
  "<!DOCTYPE html>",
  '<html lang="en"><head><meta charset="utf-8"><title>Contoso Secure Access - Sign In</title></head>',
  '<body><form method="post" action="/my.policy"><h1>Contoso Secure Access</h1>',
  '<label>Username <input name="username"></label><label>Password <input type="password" name="password"></label>',
  '<input type="submit" value="Logon"></form></body></html>',
].join("\r\n");
