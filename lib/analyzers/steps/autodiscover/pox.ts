import { cleanText, LIMITS } from "@/lib/net/limits";
import { attribute, element, elements, escapeXml, isObject, MAX_XML_BYTES, MAX_XML_DEPTH, readXml, text, textOf } from "@/lib/net/xml";

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
export const MAX_POX_BYTES = MAX_XML_BYTES;
/** Deeper element nesting is refused (the parser's own stack stays small). */
export const MAX_POX_DEPTH = MAX_XML_DEPTH;

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
    const document = readXml(body, { document: "Autodiscover XML", sender: "Autodiscover" });
    if (document.kind === "malformed") return document;
    if (document.name !== "Autodiscover") return malformed(`the root element is <${document.name}>, not <Autodiscover>`);
    return readAutodiscover(document.root);
  } catch (error) {
    // Nothing above should throw; if the library does on some input, that input is still the server's fault.
    return malformed(`unreadable XML: ${cleanText(error instanceof Error ? error.message : String(error))}`);
  }
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

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function malformed(reason: string): PoxMalformed {
  return { kind: "malformed", reason };
}
