import { text, type LocalizedText, type TextKey } from "@/lib/engine/text";
import { cleanText, LIMITS } from "@/lib/net/limits";

/**
 * MAPI over HTTP (MS-OXCMAPIHTTP) as Outlook speaks it: the request headers and the Connect request body, and
 * readers of the answers that treat every byte as hostile (bounds-checked, never throwing). Pure: no network.
 */

export const MAPI_CONTENT_TYPE = "application/mapi-http";
/** Outlook for Microsoft 365's X-ClientApplication: Exchange refuses MAPI over HTTP to Outlook older than 2013 SP1. */
export const CLIENT_APPLICATION = "Outlook/16.0.18227.20162";

/** The two endpoints: the Mail Store (EMSMDB, the mailbox) and the Address Book (NSPI). */
export type MapiEndpoint = "emsmdb" | "nspi";

export const ENDPOINT_NAMES: Record<MapiEndpoint, string> = { emsmdb: "Mail Store", nspi: "Address Book" };
/** Where Exchange serves them: https://<host>/mapi/emsmdb/ and /mapi/nspi/. */
export const DEFAULT_PATHS: Record<MapiEndpoint, string> = { emsmdb: "/mapi/emsmdb/", nspi: "/mapi/nspi/" };
/** The request type that opens a session on each endpoint (MS-OXCMAPIHTTP 2.2.3.3.1): Connect on EMSMDB, Bind on NSPI. */
export const OPENING_REQUEST: Record<MapiEndpoint, string> = { emsmdb: "Connect", nspi: "Bind" };

/**
 * X-ResponseCode values (MS-OXCMAPIHTTP 2.2.3.3.3). 0 is success at the transport level; any other value means
 * the server refused the request before the protocol layer saw it.
 */
export const RESPONSE_CODES: Readonly<Record<number, { name: string; meaning: Extract<TextKey, `steps.mapiHttp.responseCode.${string}`> }>> = {
  0: { name: "Success", meaning: "steps.mapiHttp.responseCode.c0" },
  1: { name: "Unknown Failure", meaning: "steps.mapiHttp.responseCode.c1" },
  2: { name: "Invalid Verb", meaning: "steps.mapiHttp.responseCode.c2" },
  3: { name: "Invalid Path", meaning: "steps.mapiHttp.responseCode.c3" },
  4: { name: "Invalid Header", meaning: "steps.mapiHttp.responseCode.c4" },
  5: { name: "Invalid Request Type", meaning: "steps.mapiHttp.responseCode.c5" },
  6: { name: "Invalid Context Cookie", meaning: "steps.mapiHttp.responseCode.c6" },
  7: { name: "Missing Header", meaning: "steps.mapiHttp.responseCode.c7" },
  8: { name: "Anonymous Not Allowed", meaning: "steps.mapiHttp.responseCode.c8" },
  9: { name: "Too Large", meaning: "steps.mapiHttp.responseCode.c9" },
  10: { name: "Context Not Found", meaning: "steps.mapiHttp.responseCode.c10" },
  11: { name: "No Privilege", meaning: "steps.mapiHttp.responseCode.c11" },
  12: { name: "Invalid Request Body", meaning: "steps.mapiHttp.responseCode.c12" },
  13: { name: "Missing Cookie", meaning: "steps.mapiHttp.responseCode.c13" },
  14: { name: "Reserved", meaning: "steps.mapiHttp.responseCode.c14" },
  15: { name: "Invalid Sequence", meaning: "steps.mapiHttp.responseCode.c15" },
  16: { name: "Endpoint Disabled", meaning: "steps.mapiHttp.responseCode.c16" },
  17: { name: "Invalid Response", meaning: "steps.mapiHttp.responseCode.c17" },
  18: { name: "Endpoint Shutting Down", meaning: "steps.mapiHttp.responseCode.c18" },
};

/** "16 (Endpoint Disabled)", or the bare number for a code the specification doesn't define. */
export function responseCodeText(code: number): string {
  const known = RESPONSE_CODES[code];
  return known ? `${code} (${known.name})` : String(code);
}

/** An X-ResponseCode value as a number; undefined when absent or not a plain decimal number. */
export function parseResponseCode(value: string | undefined): number | undefined {
  const text = value?.trim();
  return text !== undefined && /^\d{1,10}$/.test(text) ? Number(text) : undefined;
}

/** Identifies one client instance and one request (MS-OXCMAPIHTTP 2.2.3.3.2 and 2.2.3.3.4): "{GUID}:<counter>". */
export interface RequestIds {
  clientInfo: string;
  requestId: string;
}

/** The headers every MAPI over HTTP request carries (MS-OXCMAPIHTTP 2.2.2.1); the caller adds Authorization. */
export function mapiHeaders(requestType: string, ids: RequestIds, bodyLength: number): Record<string, string> {
  return {
    "Content-Type": MAPI_CONTENT_TYPE,
    "Content-Length": String(bodyLength),
    "X-RequestType": requestType,
    "X-ClientInfo": ids.clientInfo,
    "X-RequestId": ids.requestId,
    "X-ClientApplication": CLIENT_APPLICATION,
    Accept: "*/*",
    "User-Agent": "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18227; Pro)",
  };
}

/** Code page and locales Outlook sends for an English (United States) client. */
export const CONNECT_DEFAULTS = { flags: 0, defaultCodePage: 1252, lcidSort: 1033, lcidString: 1033 } as const;

/**
 * The Connect request body (MS-OXCMAPIHTTP 2.2.4.1.1), little-endian: UserDn as null-terminated ASCII, then Flags,
 * DefaultCodePage, LcidSort, LcidString and AuxiliaryBufferSize (0: no auxiliary buffer).
 */
export function connectRequestBody(userDn: string): Buffer {
  // A legacy DN is ASCII; anything else (server text that came through Autodiscover) can't be sent as is.
  const dn = Buffer.from(`${userDn.replace(/[^\x20-\x7e]/g, "?")}\0`, "latin1");
  const fixed = Buffer.alloc(20);
  fixed.writeUInt32LE(CONNECT_DEFAULTS.flags, 0);
  fixed.writeUInt32LE(CONNECT_DEFAULTS.defaultCodePage, 4);
  fixed.writeUInt32LE(CONNECT_DEFAULTS.lcidSort, 8);
  fixed.writeUInt32LE(CONNECT_DEFAULTS.lcidString, 12);
  fixed.writeUInt32LE(0, 16);
  return Buffer.concat([dn, fixed]);
}

/**
 * An answer's body as MS-OXCMAPIHTTP frames it (2.2.2.2, 2.2.7): meta-tag lines (PROCESSING, PENDING…, DONE), then
 * additional headers (X-ResponseCode, X-ElapsedTime, X-StartTime), an empty line, and the binary response body.
 */
export type MapiFrame =
  | { kind: "framed"; metaTags: string[]; additionalHeaders: Record<string, string>; body: Buffer }
  | { kind: "unframed"; reason: string; reasonText: LocalizedText };

/** `reason` in English, and as the catalogue text it was rendered from. */
function because(reason: LocalizedText): { reason: string; reasonText: LocalizedText } {
  return { reason: reason.english, reasonText: reason };
}

/** A longer line isn't a meta-tag or an additional header (the longest, X-StartTime, is under 60 characters). */
const MAX_FRAME_LINE = LIMITS.mapiFrameLine;
const META_TAGS = new Set(["PROCESSING", "PENDING", "DONE"]);
/** The additional headers kept, by lower-case name; others are skipped. */
const ADDITIONAL_HEADERS = new Set(["x-responsecode", "x-elapsedtime", "x-starttime"]);

export function readFrame(body: Buffer): MapiFrame {
  let at = 0;
  const line = (): string | undefined => {
    const end = body.indexOf("\r\n", at, "latin1");
    if (end < 0 || end - at > MAX_FRAME_LINE) return undefined;
    const text = body.toString("latin1", at, end);
    at = end + 2;
    return text;
  };
  const metaTags: string[] = [];
  for (;;) {
    const tag = line();
    if (tag === undefined) {
      return { kind: "unframed", ...because(text(metaTags.length === 0 ? "steps.mapiHttp.frame.noProcessing" : "steps.mapiHttp.frame.noDone")) };
    }
    if (!META_TAGS.has(tag)) return { kind: "unframed", ...because(text("steps.mapiHttp.frame.notMetaTag", { line: cleanText(tag, LIMITS.plainTextLine) })) };
    // Keep-alive PENDING lines may repeat; the list shown stays short.
    if (metaTags.length < LIMITS.listEntriesShown) metaTags.push(tag);
    if (tag === "DONE") break;
  }
  const additionalHeaders: Record<string, string> = {};
  for (;;) {
    const header = line();
    if (header === undefined) return { kind: "unframed", ...because(text("steps.mapiHttp.frame.headersNotEnded")) };
    if (header === "") break;
    const colon = header.indexOf(":");
    const name = colon > 0 ? header.slice(0, colon).trim().toLowerCase() : "";
    if (ADDITIONAL_HEADERS.has(name)) additionalHeaders[name] = cleanText(header.slice(colon + 1).trim(), LIMITS.headerValueShown);
  }
  return { kind: "framed", metaTags, additionalHeaders, body: body.subarray(at) };
}

/** The Connect response body: the success form (2.2.4.1.2), the failure form (2.2.4.1.3), or neither. */
export type ConnectResponse =
  | {
      kind: "success";
      statusCode: 0;
      /** The return value of the connect operation (MS-OXCRPC EcDoConnectEx): 0 when the mailbox session is open. */
      errorCode: number;
      maxPollingInterval: number;
      maxRetryCount: number;
      retryDelay: number;
      dnPrefix: string;
      displayName: string;
      auxiliaryBufferSize: number;
    }
  | { kind: "failure"; statusCode: number; auxiliaryBufferSize: number }
  | { kind: "malformed"; reason: string; reasonText: LocalizedText };

/** Reads a Connect response body; never throws, never reads past the end. */
export function readConnectResponse(body: Buffer): ConnectResponse {
  const reader = new BodyReader(body);
  const statusCode = reader.u32();
  if (statusCode === undefined) return { kind: "malformed", ...because(text("steps.mapiHttp.body.tooShort", { bytes: body.length })) };
  if (statusCode !== 0) {
    const auxiliaryBufferSize = reader.auxiliaryBuffer();
    if (auxiliaryBufferSize === undefined) return { kind: "malformed", ...because(text("steps.mapiHttp.body.failureAuxiliary")) };
    return { kind: "failure", statusCode, auxiliaryBufferSize };
  }
  const errorCode = reader.u32();
  const maxPollingInterval = reader.u32();
  const maxRetryCount = reader.u32();
  const retryDelay = reader.u32();
  if (errorCode === undefined || maxPollingInterval === undefined || maxRetryCount === undefined || retryDelay === undefined) {
    return { kind: "malformed", ...because(text("steps.mapiHttp.body.endsEarly")) };
  }
  const dnPrefix = reader.asciiZ();
  if (dnPrefix === undefined) return { kind: "malformed", ...because(text("steps.mapiHttp.body.dnPrefix")) };
  const displayName = reader.utf16Z();
  if (displayName === undefined) return { kind: "malformed", ...because(text("steps.mapiHttp.body.displayName")) };
  const auxiliaryBufferSize = reader.auxiliaryBuffer();
  if (auxiliaryBufferSize === undefined) return { kind: "malformed", ...because(text("steps.mapiHttp.body.auxiliary")) };
  return { kind: "success", statusCode: 0, errorCode, maxPollingInterval, maxRetryCount, retryDelay, dnPrefix, displayName, auxiliaryBufferSize };
}

/** Little-endian reads that answer undefined instead of reading past the end. */
class BodyReader {
  private at = 0;
  constructor(private readonly buffer: Buffer) {}

  u32(): number | undefined {
    if (this.at + 4 > this.buffer.length) return undefined;
    const value = this.buffer.readUInt32LE(this.at);
    this.at += 4;
    return value;
  }

  asciiZ(): string | undefined {
    const end = this.buffer.indexOf(0, this.at);
    if (end < 0) return undefined;
    const text = this.buffer.toString("latin1", this.at, end);
    this.at = end + 1;
    return cleanText(text, LIMITS.textField);
  }

  /** A null-terminated UTF-16LE string: the terminator is a 0x0000 code unit at an even offset from the start. */
  utf16Z(): string | undefined {
    for (let end = this.at; end + 1 < this.buffer.length; end += 2) {
      if (this.buffer[end] === 0 && this.buffer[end + 1] === 0) {
        const text = this.buffer.toString("utf16le", this.at, end);
        this.at = end + 2;
        return cleanText(text, LIMITS.textField);
      }
    }
    return undefined;
  }

  /** AuxiliaryBufferSize, then that many bytes skipped; undefined when they aren't all there. */
  auxiliaryBuffer(): number | undefined {
    const size = this.u32();
    if (size === undefined || size > this.buffer.length - this.at) return undefined;
    this.at += size;
    return size;
  }
}

/** Return values of the connect operation an admin meets (MS-OXCDATA 2.4, MS-OXCRPC 3.1.4.1). */
const CONNECT_ERRORS: Readonly<Record<number, { name: string; meaning: Extract<TextKey, `steps.mapiHttp.connectError.${string}`> }>> = {
  0x000003eb: { name: "ecUnknownUser", meaning: "steps.mapiHttp.connectError.unknownUser" },
  0x000004df: { name: "ecClientVerDisallowed", meaning: "steps.mapiHttp.connectError.clientVersionDisallowed" },
  0x80040111: { name: "ecLoginFailure (MAPI_E_LOGON_FAILED)", meaning: "steps.mapiHttp.connectError.loginFailure" },
  0x80070005: { name: "ecAccessDenied", meaning: "steps.mapiHttp.connectError.accessDenied" },
  0x80004005: { name: "ecError", meaning: "steps.mapiHttp.connectError.error" },
};

/** "0x000003EB (ecUnknownUser: …)", or the hexadecimal value alone: as a catalogue text when the value is known. */
export function connectError(code: number): LocalizedText | string {
  const hex = `0x${code.toString(16).toUpperCase().padStart(8, "0")}`;
  const known = CONNECT_ERRORS[code];
  return known ? text("steps.mapiHttp.connectError.known", { hex, name: known.name, meaning: text(known.meaning) }) : hex;
}

/** The same in English, for the details. */
export function connectErrorText(code: number): string {
  const words = connectError(code);
  return typeof words === "string" ? words : words.english;
}

/** "Exchange/15.02.1118.007" → "Exchange Server 2019 or Subscription Edition", from the major and minor version. */
export function exchangeProduct(serverApplication: string): string | undefined {
  const minor = /^Exchange\/15\.(\d{1,2})\./i.exec(serverApplication)?.[1];
  const products: Record<number, string> = {
    0: "Exchange Server 2013",
    1: "Exchange Server 2016",
    2: "Exchange Server 2019 or Subscription Edition",
    20: "Exchange Online",
  };
  return minor === undefined ? undefined : products[Number(minor)];
}
