import { XMLParser, XMLValidator } from "fast-xml-parser";
import { cleanText, LIMITS } from "@/lib/net/limits";

/**
 * Autodiscover POX ("plain old XML", MS-OXDSCLI; MS-ASCMD for mobilesync): the request body Outlook POSTs to
 * …/autodiscover/autodiscover.xml, and a parser of the answer that treats every byte of it as hostile. Pure: no network.
 */

export const POX_SCHEMAS = {
  outlook: {
    request: "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006",
    response: "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a",
  },
  mobilesync: {
    request: "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006",
    response: "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006",
  },
} as const;

export type PoxSchema = keyof typeof POX_SCHEMAS;

/** A bigger response is refused rather than truncated: half an XML document is not an answer. */
export const MAX_POX_BYTES = LIMITS.poxBytes;
/** Deeper element nesting is refused (the parser's own stack stays small). */
export const MAX_POX_DEPTH = LIMITS.poxDepth;

/** Response/User. `emailAddress` is the mobilesync schema's EMailAddress. */
export interface PoxUser {
  displayName?: string;
  legacyDN?: string;
  autoDiscoverSMTPAddress?: string;
  deploymentId?: string;
  emailAddress?: string;
}

/** Response/Account: AccountType is "email", Action "settings" in a settings answer. */
export interface PoxAccount {
  accountType?: string;
  action?: string;
}

/** One side (Internal or External) of the WEB protocol: OWA URLs and the EWS URL of each listed protocol. */
export interface PoxWebSide {
  owaUrls: { url: string; authenticationMethod?: string }[];
  protocols: { type: string; asUrl?: string }[];
}

/** MailStore or AddressBook of the mapiHttp protocol. */
export interface PoxMapiEndpoint {
  internalUrl?: string;
  externalUrl?: string;
}

/** One Response/Account/Protocol (or a mobilesync Response/Action/Settings/Server), its values cleaned. */
export interface PoxProtocol {
  /** EXCH (RPC inside), EXPR (Outlook Anywhere outside), EXHTTP (Outlook Anywhere, 2013+), WEB, mapiHttp, MobileSync, CertEnroll… */
  type: string;
  /** The Version attribute (mapiHttp's). */
  version?: string;
  server?: string;
  serverDN?: string;
  /** Hexadecimal, e.g. 73C18880 for Exchange 2016. */
  serverVersion?: string;
  mdbDN?: string;
  publicFolderServer?: string;
  ad?: string;
  asUrl?: string;
  ewsUrl?: string;
  emwsUrl?: string;
  oofUrl?: string;
  umUrl?: string;
  oabUrl?: string;
  ecpUrl?: string;
  /** "msstd:mail.contoso.com": the name Outlook requires in the server's certificate. */
  certPrincipalName?: string;
  authPackage?: string;
  encryption?: string;
  /** SSL On/Off; absent when missing or neither (the raw value is then in `other`). */
  ssl?: boolean;
  /** Absent when missing or not a port number (the raw value is then in `other`). */
  port?: number;
  /** The mobilesync Server's Url (the ActiveSync endpoint). */
  url?: string;
  internal?: PoxWebSide;
  external?: PoxWebSide;
  mailStore?: PoxMapiEndpoint;
  addressBook?: PoxMapiEndpoint;
  /** Other simple elements (EcpUrl-*, ServerExclusiveConnect, TTL…), by element name; element values with children are left out. */
  other?: Record<string, string>;
}

export interface PoxSettings {
  kind: "settings";
  user: PoxUser;
  account: PoxAccount;
  protocols: PoxProtocol[];
}

/** Account/Action redirectAddr (or mobilesync Action/Redirect): ask again with this address. */
export interface PoxRedirectAddr {
  kind: "redirectAddr";
  address: string;
}

/** Account/Action redirectUrl: ask this URL instead (not checked here: the caller decides whether to follow it). */
export interface PoxRedirectUrl {
  kind: "redirectUrl";
  url: string;
}

/** Response/Error (ErrorCode 600 "Invalid Request", 603…) with its Time and Id attributes; a mobilesync Action/Error's Status is its `errorCode`. */
export interface PoxError {
  kind: "error";
  errorCode?: string;
  message?: string;
  debugData?: string;
  id?: string;
  time?: string;
}

/** Anything that isn't an Autodiscover answer; `reason` is written for the admin. */
export interface PoxMalformed {
  kind: "malformed";
  reason: string;
}

export type PoxResponse = PoxSettings | PoxRedirectAddr | PoxRedirectUrl | PoxError | PoxMalformed;

/** The body Outlook (schema "outlook") or an ActiveSync client ("mobilesync") POSTs to autodiscover.xml. */
export function poxRequest(emailAddress: string, schema: PoxSchema = "outlook"): string {
  const { request, response } = POX_SCHEMAS[schema];
  return (
    `<?xml version="1.0" encoding="utf-8"?>\r\n` +
    `<Autodiscover xmlns="${request}"><Request><EMailAddress>${escapeXml(emailAddress)}</EMailAddress>` +
    `<AcceptableResponseSchema>${response}</AcceptableResponseSchema></Request></Autodiscover>`
  );
}

/** Reads an Autodiscover POX response. Never throws: anything that isn't one is `{ kind: "malformed", reason }`. */
export function parsePoxResponse(body: Buffer | string): PoxResponse {
  try {
    const document = readXml(body);
    return "kind" in document ? document : readAutodiscover(document.root);
  } catch (error) {
    // Nothing above should throw; if the library does on some input, that input is still the server's fault.
    return malformed(`unreadable XML: ${cleanText(error instanceof Error ? error.message : String(error))}`);
  }
}

function escapeXml(value: string): string {
  // Characters XML 1.0 can't carry at all would make the request itself malformed.
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "\uFFFD")
    .replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&apos;"));
}

const parser = new XMLParser({
  ignoreAttributes: false, // Error's Time and Id, OWAUrl's AuthenticationMethod, mapiHttp's Type and Version
  attributeNamePrefix: "@_",
  removeNSPrefix: true, // Exchange puts every element in a default namespace; some servers use prefixes
  processEntities: false, // nothing is ever expanded; the predefined entities and character references are decoded below, in one pass
  htmlEntities: false,
  parseTagValue: false, // "443", "On" and "73C18880" stay strings and are typed here
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_POX_DEPTH - 1, // the library lets one more level than this through
});

type XmlObject = { [name: string]: unknown };

/** Every check that can be made before the parser sees the text comes first; DTDs never reach it. */
function readXml(body: Buffer | string): { root: unknown } | PoxMalformed {
  const size = typeof body === "string" ? Buffer.byteLength(body, "utf8") : body.length;
  if (size > MAX_POX_BYTES) return malformed(`the response is larger than ${MAX_POX_BYTES / 1024} KiB (${size} bytes)`);
  const xml = typeof body === "string" ? body.replace(/^\uFEFF/, "") : decode(body);
  const start = xml.trimStart();
  if (!start) return malformed("the response body is empty");
  if (/^(?:<!doctype\s+html\b|<html\b)/i.test(start)) return malformed("the response is an HTML page, not Autodiscover XML");
  // A DTD is how entity bombs ("billion laughs") and external entities (XXE: file:///etc/passwd) get in; Autodiscover never has one.
  if (/<!(?:DOCTYPE|ENTITY)/i.test(xml))
    return malformed("the XML has a DTD (<!DOCTYPE> or <!ENTITY>), which Autodiscover never uses: refused without parsing");
  if (!start.startsWith("<"))
    return malformed(`the response is not XML: it starts with "${cleanText(start.slice(0, LIMITS.plainTextLine), LIMITS.plainTextLine)}"`);

  // The parser is lenient (it reads truncated documents); the validator is not.
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    // The validator's words for a document that stops with elements open (one, or several listed as JSON).
    if (/^(?:Unclosed tag '|Invalid '\[)/.test(msg)) return malformed("the XML ends before its elements are closed: the response was cut short");
    const where = typeof col === "number" ? `line ${line}, column ${col}` : `line ${line}`;
    return malformed(`the response is not well-formed XML: ${cleanText(msg)} (${where})`);
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(xml);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return malformed(/nested/i.test(message) ? `the XML nests elements deeper than ${MAX_POX_DEPTH} levels` : `unreadable XML: ${cleanText(message)}`);
  }
  // The validator lets several root elements through.
  const roots = isObject(parsed) ? Object.entries(parsed) : [];
  const [first] = roots;
  if (!first || roots.length > 1 || Array.isArray(first[1])) return malformed("the XML doesn't have exactly one root element");
  const [name, root] = first;
  if (name !== "Autodiscover") return malformed(`the root element is <${cleanText(name, LIMITS.xmlName)}>, not <Autodiscover>`);
  return { root };
}

/** UTF-8 unless a byte-order mark says UTF-16 (the only encodings Exchange and XML parsers must handle). */
function decode(body: Buffer): string {
  if (body[0] === 0xff && body[1] === 0xfe) return new TextDecoder("utf-16le").decode(body);
  if (body[0] === 0xfe && body[1] === 0xff) return new TextDecoder("utf-16be").decode(body);
  return new TextDecoder("utf-8").decode(body); // drops a UTF-8 BOM; invalid bytes become U+FFFD
}

function readAutodiscover(root: unknown): PoxResponse {
  const response = element(root, "Response");
  if (response === undefined) return malformed("<Autodiscover> has no <Response>");
  const error = element(response, "Error");
  if (error !== undefined) return readError(error);
  const account = element(response, "Account");
  if (account !== undefined) return readAccount(response, account);
  const action = element(response, "Action");
  if (action !== undefined) return readMobileSyncAction(response, action);
  return malformed("the <Response> has no <Account>, <Action> or <Error>");
}

function readError(error: unknown): PoxError {
  return compact<PoxError>({
    kind: "error",
    errorCode: text(error, "ErrorCode") ?? text(error, "Status"),
    message: text(error, "Message"),
    debugData: text(error, "DebugData"),
    id: attribute(error, "Id"),
    time: attribute(error, "Time"),
  });
}

/** The outlook schema: Account/Action says whether this is the settings or a redirection. */
function readAccount(response: unknown, account: unknown): PoxResponse {
  const action = text(account, "Action", LIMITS.xmlName);
  switch (action?.toLowerCase()) {
    case "redirectaddr": {
      const address = text(account, "RedirectAddr");
      return address ? { kind: "redirectAddr", address } : malformed("<Action> is redirectAddr but <RedirectAddr> is missing or empty");
    }
    case "redirecturl": {
      const url = text(account, "RedirectUrl");
      return url ? { kind: "redirectUrl", url } : malformed("<Action> is redirectUrl but <RedirectUrl> is missing or empty");
    }
    case undefined:
    case "settings":
      return {
        kind: "settings",
        user: readUser(element(response, "User")),
        account: compact<PoxAccount>({ accountType: text(account, "AccountType", LIMITS.xmlName), action }),
        protocols: readProtocols(elements(account, "Protocol")),
      };
    default:
      return malformed(`<Action> is "${action}", not settings, redirectAddr or redirectUrl`);
  }
}

/** The mobilesync schema: Response/Action holds Settings/Server, Redirect or Error. */
function readMobileSyncAction(response: unknown, action: unknown): PoxResponse {
  const error = element(action, "Error");
  if (error !== undefined) return readError(error);
  const redirect = text(action, "Redirect");
  if (redirect) return { kind: "redirectAddr", address: redirect };
  const settings = element(action, "Settings");
  if (settings === undefined) return malformed("the mobilesync <Action> has no <Settings>, <Redirect> or <Error>");
  return { kind: "settings", user: readUser(element(response, "User")), account: {}, protocols: readProtocols(elements(settings, "Server")) };
}

function readUser(user: unknown): PoxUser {
  return compact<PoxUser>({
    displayName: text(user, "DisplayName"),
    legacyDN: text(user, "LegacyDN"),
    autoDiscoverSMTPAddress: text(user, "AutoDiscoverSMTPAddress"),
    deploymentId: text(user, "DeploymentId"),
    emailAddress: text(user, "EMailAddress"),
  });
}

/** Protocol elements whose text is kept as is, by element name. */
const PROTOCOL_TEXT = {
  Server: "server",
  ServerDN: "serverDN",
  ServerVersion: "serverVersion",
  MdbDN: "mdbDN",
  PublicFolderServer: "publicFolderServer",
  AD: "ad",
  ASUrl: "asUrl",
  EwsUrl: "ewsUrl",
  EmwsUrl: "emwsUrl",
  OOFUrl: "oofUrl",
  UMUrl: "umUrl",
  OABUrl: "oabUrl",
  EcpUrl: "ecpUrl",
  CertPrincipalName: "certPrincipalName",
  AuthPackage: "authPackage",
  Encryption: "encryption",
  Url: "url",
} as const satisfies Record<string, keyof PoxProtocol>;

function readProtocols(nodes: unknown[]): PoxProtocol[] {
  return nodes.slice(0, LIMITS.poxProtocols).flatMap((node) => readProtocol(node) ?? []);
}

/** One Protocol (or mobilesync Server); one without a type (element, or mapiHttp's attribute) says nothing and is dropped. */
function readProtocol(node: unknown): PoxProtocol | undefined {
  const type = text(node, "Type", LIMITS.xmlName) ?? attribute(node, "Type", LIMITS.xmlName);
  if (!type || !isObject(node)) return undefined;
  const protocol = compact<PoxProtocol>({ type, version: attribute(node, "Version", LIMITS.xmlName) });
  const other: [string, string][] = [];
  for (const [name, values] of Object.entries(node)) {
    if (name === "Type" || name === "#text" || name.startsWith("@_")) continue;
    const value = Array.isArray(values) ? values[0] : values;
    if (Object.hasOwn(PROTOCOL_TEXT, name)) {
      const field = PROTOCOL_TEXT[name as keyof typeof PROTOCOL_TEXT];
      const content = textOf(value);
      if (content !== undefined) protocol[field] = content;
    } else if (name === "Internal" || name === "External") {
      protocol[name === "Internal" ? "internal" : "external"] = readWebSide(value);
    } else if (name === "MailStore" || name === "AddressBook") {
      protocol[name === "MailStore" ? "mailStore" : "addressBook"] = compact<PoxMapiEndpoint>({
        internalUrl: text(value, "InternalUrl"),
        externalUrl: text(value, "ExternalUrl"),
      });
    } else {
      const content = textOf(value);
      if (content === undefined) continue;
      const typed = name === "SSL" ? onOff(content) : name === "Port" ? portNumber(content) : undefined;
      if (name === "SSL" && typeof typed === "boolean") protocol.ssl = typed;
      else if (name === "Port" && typeof typed === "number") protocol.port = typed;
      else if (other.length < LIMITS.poxOtherFields) other.push([cleanText(name, LIMITS.xmlName), content]);
    }
  }
  // fromEntries defines own properties: a hostile "__proto__" element name can't reach a prototype.
  if (other.length > 0) protocol.other = Object.fromEntries(other);
  return protocol;
}

function readWebSide(node: unknown): PoxWebSide {
  return {
    owaUrls: elements(node, "OWAUrl")
      .slice(0, LIMITS.poxProtocols)
      .flatMap((owa) => {
        const url = textOf(owa);
        return url ? [compact({ url, authenticationMethod: attribute(owa, "AuthenticationMethod") })] : [];
      }),
    protocols: elements(node, "Protocol")
      .slice(0, LIMITS.poxProtocols)
      .flatMap((protocol) => {
        const type = text(protocol, "Type", LIMITS.xmlName);
        return type ? [compact({ type, asUrl: text(protocol, "ASUrl") })] : [];
      }),
  };
}

function onOff(value: string): boolean | undefined {
  const lower = value.toLowerCase();
  return lower === "on" ? true : lower === "off" ? false : undefined;
}

function portNumber(value: string): number | undefined {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  return port >= 1 && port <= 65535 ? port : undefined;
}

// Reading the parser's output: element values are strings (text only), objects (children, attributes as "@_name",
// text as "#text") or arrays of those when the element repeats; only own properties are read.

function isObject(value: unknown): value is XmlObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function elements(parent: unknown, name: string): unknown[] {
  if (!isObject(parent) || !Object.hasOwn(parent, name)) return [];
  const value = parent[name];
  return Array.isArray(value) ? value : [value];
}

function element(parent: unknown, name: string): unknown {
  return elements(parent, name)[0];
}

function text(parent: unknown, name: string, max: number = LIMITS.textField): string | undefined {
  return textOf(element(parent, name), max);
}

/** The text of a simple element; one with child elements (say a <script> inside a DisplayName) isn't a POX value and reads as absent. */
function textOf(value: unknown, max: number = LIMITS.textField): string | undefined {
  if (typeof value === "string") return clean(value, max);
  if (!isObject(value) || !Object.keys(value).every((key) => key === "#text" || key.startsWith("@_"))) return undefined;
  const content = value["#text"];
  return typeof content === "string" ? clean(content, max) : undefined;
}

function attribute(node: unknown, name: string, max: number = LIMITS.textField): string | undefined {
  const key = `@_${name}`;
  if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
  const value = node[key];
  return typeof value === "string" ? clean(value, max) : undefined;
}

/** Decoded, trimmed, made printable and capped; empty reads as absent. */
function clean(raw: string, max: number): string | undefined {
  const value = decodeReferences(raw).trim();
  return value ? cleanText(value, max) : undefined;
}

const PREDEFINED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The five predefined entities and character references, in one pass: "&amp;lt;" is "&lt;", never "<". Nothing else is an entity. */
function decodeReferences(raw: string): string {
  return raw.replace(/&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g, (reference, hex?: string, decimal?: string, name?: string) => {
    if (name) return PREDEFINED_ENTITIES[name] ?? reference;
    const code = hex ? parseInt(hex, 16) : Number(decimal);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : "\uFFFD";
  });
}

/** Leaves out absent fields, so that a result lists only what the server sent. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function malformed(reason: string): PoxMalformed {
  return { kind: "malformed", reason };
}
