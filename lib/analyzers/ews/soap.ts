import { text as stepText, type Text } from "@/lib/engine/text";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { attribute, childNames, element, elements, escapeXml, readXml, text, wholeNumber } from "@/lib/net/xml";

/**
 * Exchange Web Services' SOAP, the part this test speaks: a GetFolder request for the Inbox, and a reader of the
 * answer (a GetFolderResponse, or a SOAP fault) that treats every byte of it as hostile. Pure: no network.
 */

export const EWS_PATH = "/EWS/Exchange.asmx";
export const SOAP_ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
export const EWS_TYPES_NS = "http://schemas.microsoft.com/exchange/services/2006/types";
export const EWS_MESSAGES_NS = "http://schemas.microsoft.com/exchange/services/2006/messages";
/** The schema version asked for: every Exchange from 2013 on, and Exchange Online, speaks it. */
export const REQUEST_SERVER_VERSION = "Exchange2013";

/**
 * GetFolder of the distinguished folder "inbox" with the default shape (DisplayName, TotalCount, ChildFolderCount,
 * UnreadCount). With a mailbox address, that mailbox's Inbox; without, the Inbox of the account that signs in.
 */
export function getFolderRequestXml(mailbox?: string): string {
  const owner = mailbox === undefined ? "" : `<t:Mailbox><t:EmailAddress>${escapeXml(mailbox)}</t:EmailAddress></t:Mailbox>`;
  return (
    `<?xml version="1.0" encoding="utf-8"?>\r\n` +
    `<soap:Envelope xmlns:soap="${SOAP_ENVELOPE_NS}" xmlns:t="${EWS_TYPES_NS}" xmlns:m="${EWS_MESSAGES_NS}">` +
    `<soap:Header><t:RequestServerVersion Version="${REQUEST_SERVER_VERSION}" /></soap:Header>` +
    `<soap:Body><m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape>` +
    `<m:FolderIds><t:DistinguishedFolderId Id="inbox">${owner}</t:DistinguishedFolderId></m:FolderIds></m:GetFolder></soap:Body>` +
    `</soap:Envelope>`
  );
}

/** The SOAP header's ServerVersionInfo: which Exchange build answered. */
export interface ServerVersion {
  majorVersion?: number;
  minorVersion?: number;
  majorBuildNumber?: number;
  minorBuildNumber?: number;
  /** The schema version the server speaks, e.g. V2017_07_11 (Exchange 2019) or V2018_01_08 (Exchange Online). */
  version?: string;
}

/** The Inbox as GetFolder's default shape describes it. */
export interface EwsFolder {
  /** Folder, CalendarFolder, SearchFolder…: the element the folder came in. */
  type: string;
  displayName?: string;
  totalCount?: number;
  unreadCount?: number;
  childFolderCount?: number;
}

/** A GetFolderResponseMessage: Success with the folder, or Error (or Warning) with the EWS response code. */
export interface GetFolderMessage {
  kind: "message";
  responseClass: "Success" | "Warning" | "Error";
  responseCode?: string;
  messageText?: string;
  folder?: EwsFolder;
  serverVersion?: ServerVersion;
}

/** A SOAP fault (HTTP 500): EWS puts its own ResponseCode and Message in the fault's detail. */
export interface SoapFault {
  kind: "fault";
  faultCode?: string;
  faultString?: string;
  responseCode?: string;
  message?: string;
  serverVersion?: ServerVersion;
}

/** Anything that isn't an EWS answer; `reason` is written for the admin (a clause, without a final period). */
export interface SoapMalformed {
  kind: "malformed";
  reason: Text;
}

export type GetFolderResponse = GetFolderMessage | SoapFault | SoapMalformed;

const RESPONSE_CLASSES = ["Success", "Warning", "Error"] as const;

/** Reads the answer to GetFolder. Never throws: anything that isn't one is `{ kind: "malformed", reason }`. */
export function parseGetFolderResponse(body: Buffer | string): GetFolderResponse {
  const document = readXml(body, { document: "a SOAP response", sender: "EWS" });
  if (document.kind === "malformed") return document;
  if (document.name !== "Envelope") return malformed(stepText("steps.ews.soap.notEnvelope", { name: document.name }));
  const envelope = document.root;
  const serverVersion = readServerVersion(element(element(envelope, "Header"), "ServerVersionInfo"));
  const soapBody = element(envelope, "Body");
  if (soapBody === undefined) return malformed(stepText("steps.ews.soap.noBody"));
  const fault = element(soapBody, "Fault");
  if (fault !== undefined) return readFault(fault, serverVersion);
  const response = element(soapBody, "GetFolderResponse");
  if (response === undefined) {
    const found = childNames(soapBody)[0];
    return malformed(found ? stepText("steps.ews.soap.bodyHolds", { name: cleanText(found, LIMITS.xmlName) }) : stepText("steps.ews.soap.bodyEmpty"));
  }
  const message = element(element(response, "ResponseMessages"), "GetFolderResponseMessage");
  if (message === undefined) return malformed(stepText("steps.ews.soap.noMessage"));
  const responseClass = attribute(message, "ResponseClass", LIMITS.xmlName);
  const known = RESPONSE_CLASSES.find((name) => name === responseClass);
  if (!known) return malformed(responseClass ? stepText("steps.ews.soap.badClass", { responseClass }) : stepText("steps.ews.soap.noClass"));
  const folder = readFolder(element(message, "Folders"));
  return compact<GetFolderMessage>({
    kind: "message",
    responseClass: known,
    responseCode: text(message, "ResponseCode", LIMITS.xmlName),
    messageText: text(message, "MessageText"),
    folder,
    serverVersion,
  });
}

/** The first folder in <Folders>, whatever its kind (Folder, CalendarFolder…). */
function readFolder(folders: unknown): EwsFolder | undefined {
  const type = childNames(folders).find((name) => name.endsWith("Folder"));
  if (type === undefined) return undefined;
  const folder = elements(folders, type)[0];
  return compact<EwsFolder>({
    type: cleanText(type, LIMITS.xmlName),
    displayName: text(folder, "DisplayName"),
    totalCount: wholeNumber(text(folder, "TotalCount", LIMITS.xmlName)),
    unreadCount: wholeNumber(text(folder, "UnreadCount", LIMITS.xmlName)),
    childFolderCount: wholeNumber(text(folder, "ChildFolderCount", LIMITS.xmlName)),
  });
}

function readServerVersion(info: unknown): ServerVersion | undefined {
  if (info === undefined) return undefined;
  const number = (name: string) => wholeNumber(attribute(info, name, LIMITS.xmlName));
  const version = compact<ServerVersion>({
    majorVersion: number("MajorVersion"),
    minorVersion: number("MinorVersion"),
    majorBuildNumber: number("MajorBuildNumber"),
    minorBuildNumber: number("MinorBuildNumber"),
    version: attribute(info, "Version", LIMITS.xmlName),
  });
  return Object.keys(version).length > 0 ? version : undefined;
}

function readFault(fault: unknown, serverVersion: ServerVersion | undefined): SoapFault {
  const detail = element(fault, "detail") ?? element(fault, "Detail");
  return compact<SoapFault>({
    kind: "fault",
    faultCode: text(fault, "faultcode", LIMITS.xmlName) ?? text(element(fault, "Code"), "Value", LIMITS.xmlName),
    faultString: text(fault, "faultstring") ?? text(element(fault, "Reason"), "Text"),
    responseCode: text(detail, "ResponseCode", LIMITS.xmlName),
    message: text(detail, "Message"),
    serverVersion,
  });
}

/** Leaves out absent fields, so that a result lists only what the server sent. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function malformed(reason: Text): SoapMalformed {
  return { kind: "malformed", reason };
}
