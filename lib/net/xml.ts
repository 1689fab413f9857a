import { XMLParser, XMLValidator } from "fast-xml-parser";
import { cleanText, LIMITS } from "@/lib/net/limits";

/**
 * Reads the XML a server sent (Autodiscover POX, EWS SOAP), treating every byte of it as hostile: no DTD ever reaches
 * the parser, nothing is expanded, size and depth are capped, and a document that isn't well-formed is refused
 * rather than read in part. Pure: no network.
 */

/** A bigger document is refused, not truncated: the HTTP layer's own cap (Autodiscover and EWS answers are a few KiB). */
export const MAX_XML_BYTES = LIMITS.xmlBytes;
/** Deeper nesting is refused (the deepest element Exchange sends is about 8 levels down). */
export const MAX_XML_DEPTH = LIMITS.xmlDepth;

/** How messages name what was expected and who sent it, e.g. { document: "Autodiscover XML", sender: "Autodiscover" }. */
export interface XmlExpectation {
  document: string;
  sender: string;
}

export type XmlRead = { kind: "document"; name: string; root: unknown } | { kind: "malformed"; reason: string };

const parser = new XMLParser({
  ignoreAttributes: false, // EWS's ResponseClass and ServerVersionInfo, Autodiscover's Error Time and Id, mapiHttp's Type
  attributeNamePrefix: "@_",
  removeNSPrefix: true, // s:Envelope, m:ResponseCode, t:Folder: prefixes vary between servers
  processEntities: false, // nothing is ever expanded; the predefined entities and character references are decoded below, in one pass
  htmlEntities: false,
  parseTagValue: false, // "443", "On" and "15" stay strings and are typed by the reader
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_XML_DEPTH - 1, // the library lets one more level than this through
});

/** The one root element of the body, parsed; or why the body isn't XML the analyzer reads. Never throws. */
export function readXml(body: Buffer | string, expected: XmlExpectation): XmlRead {
  try {
    return read(body, expected);
  } catch (error) {
    // Nothing above should throw; if the library does on some input, that input is still the server's fault.
    return malformed(`unreadable XML: ${cleanText(error instanceof Error ? error.message : String(error))}`);
  }
}

function read(body: Buffer | string, expected: XmlExpectation): XmlRead {
  const size = typeof body === "string" ? Buffer.byteLength(body, "utf8") : body.length;
  if (size > MAX_XML_BYTES) return malformed(`the response is larger than ${MAX_XML_BYTES / 1024} KiB (${size} bytes)`);
  const xml = typeof body === "string" ? body.replace(/^\uFEFF/, "") : decode(body);
  const start = xml.trimStart();
  if (!start) return malformed("the response body is empty");
  if (/^(?:<!doctype\s+html\b|<html\b)/i.test(start)) return malformed(`the response is an HTML page, not ${expected.document}`);
  // A DTD is how entity bombs ("billion laughs") and external entities (XXE: file:///etc/passwd) get in; Exchange never sends one.
  if (/<!(?:DOCTYPE|ENTITY)/i.test(xml))
    return malformed(`the XML has a DTD (<!DOCTYPE> or <!ENTITY>), which ${expected.sender} never sends: refused without parsing`);
  if (!start.startsWith("<"))
    return malformed(`the response is not XML: it starts with "${cleanText(start.slice(0, LIMITS.plainTextLine), LIMITS.plainTextLine)}"`);

  // The parser is lenient (it reads truncated documents); the validator is not.
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    if (/^(?:Unclosed tag '|Invalid '\[)/.test(msg)) return malformed("the XML ends before its elements are closed: the response was cut short");
    const where = typeof col === "number" ? `line ${line}, column ${col}` : `line ${line}`;
    return malformed(`the response is not well-formed XML: ${cleanText(msg)} (${where})`);
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(xml);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return malformed(/nested/i.test(message) ? `the XML nests elements deeper than ${MAX_XML_DEPTH} levels` : `unreadable XML: ${cleanText(message)}`);
  }
  // The validator lets several root elements through.
  const roots = isObject(parsed) ? Object.entries(parsed) : [];
  const [first] = roots;
  if (!first || roots.length > 1 || Array.isArray(first[1])) return malformed("the XML doesn't have exactly one root element");
  return { kind: "document", name: cleanText(first[0], LIMITS.xmlName), root: first[1] };
}

/** UTF-8 unless a byte-order mark says UTF-16 (the only encodings XML parsers must handle). */
function decode(body: Buffer): string {
  if (body[0] === 0xff && body[1] === 0xfe) return new TextDecoder("utf-16le").decode(body);
  if (body[0] === 0xfe && body[1] === 0xff) return new TextDecoder("utf-16be").decode(body);
  return new TextDecoder("utf-8").decode(body); // drops a UTF-8 BOM; invalid bytes become U+FFFD
}

function malformed(reason: string): XmlRead {
  return { kind: "malformed", reason };
}

// Reading the parser's output: element values are strings (text only), objects (children, attributes as "@_name",
// text as "#text") or arrays of those when the element repeats; only own properties are read.

type XmlObject = { [name: string]: unknown };

export function isObject(value: unknown): value is XmlObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function elements(parent: unknown, name: string): unknown[] {
  if (!isObject(parent) || !Object.hasOwn(parent, name)) return [];
  const value = parent[name];
  return Array.isArray(value) ? value : [value];
}

export function element(parent: unknown, name: string): unknown {
  return elements(parent, name)[0];
}

/** The names of an element's child elements (attributes and text left out). */
export function childNames(parent: unknown): string[] {
  return isObject(parent) ? Object.keys(parent).filter((key) => key !== "#text" && !key.startsWith("@_")) : [];
}

/** The text of a simple child element; one with child elements of its own isn't a value and reads as absent. */
export function text(parent: unknown, name: string, max: number = LIMITS.textField): string | undefined {
  return textOf(element(parent, name), max);
}

export function textOf(value: unknown, max: number = LIMITS.textField): string | undefined {
  if (typeof value === "string") return clean(value, max);
  if (!isObject(value) || childNames(value).length > 0) return undefined;
  const content = value["#text"];
  return typeof content === "string" ? clean(content, max) : undefined;
}

export function attribute(node: unknown, name: string, max: number = LIMITS.textField): string | undefined {
  const key = `@_${name}`;
  if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
  const value = node[key];
  return typeof value === "string" ? clean(value, max) : undefined;
}

/** A count or version number: digits only, at most 10 of them; anything else reads as absent. */
export function wholeNumber(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) : undefined;
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

/** Characters XML 1.0 can't carry become U+FFFD, the five special ones are escaped: safe inside an element or an attribute. */
export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "\uFFFD")
    .replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&apos;"));
}
