import { cleanText, LIMITS } from "@/lib/net/limits";

/**
 * WBXML 1.3 as Exchange ActiveSync uses it (MS-ASWBXML): an encoder for the analyzer's own requests and a decoder
 * that treats every byte of a server's answer as hostile. Only the code pages the analyzer needs are named; tags of
 * other pages (and unknown tags) are kept by number, never an error. Pure: no network.
 */

/** Global tokens of WBXML 1.3 (WAP-192) that ActiveSync can send. */
const TOKEN = {
  SWITCH_PAGE: 0x00,
  END: 0x01,
  ENTITY: 0x02,
  STR_I: 0x03,
  LITERAL: 0x04,
  EXT_I_0: 0x40,
  EXT_I_2: 0x42,
  PI: 0x43,
  LITERAL_C: 0x44,
  EXT_T_0: 0x80,
  EXT_T_2: 0x82,
  STR_T: 0x83,
  LITERAL_A: 0x84,
  EXT_0: 0xc0,
  EXT_2: 0xc2,
  OPAQUE: 0xc3,
  LITERAL_AC: 0xc4,
} as const;

/** Bit 6 of a tag token: the element has content (and an END); bit 7: it has attributes (never in ActiveSync). */
const CONTENT_FLAG = 0x40;
const ATTRIBUTE_FLAG = 0x80;
const TAG_MASK = 0x3f;

/** WBXML 1.3, "unknown or missing public identifier", UTF-8: the header Exchange and devices write. */
const HEADER = [0x03, 0x01, 0x6a, 0x00] as const;

/** The code pages the analyzer reads and writes (MS-ASWBXML 2.1.2.1). */
export const CODE_PAGES: Readonly<Record<number, { namespace: string; tags: Readonly<Record<string, number>> }>> = {
  7: {
    namespace: "FolderHierarchy",
    tags: {
      DisplayName: 0x07,
      ServerId: 0x08,
      ParentId: 0x09,
      Type: 0x0a,
      Status: 0x0c,
      Changes: 0x0e,
      Add: 0x0f,
      Delete: 0x10,
      Update: 0x11,
      SyncKey: 0x12,
      FolderCreate: 0x13,
      FolderDelete: 0x14,
      FolderUpdate: 0x15,
      FolderSync: 0x16,
      Count: 0x17,
    },
  },
};

/**
 * What the decoder holds on to, at most. The body itself is capped by the HTTP layer (LIMITS.httpBodyBytes); a
 * FolderSync of a few thousand folders is about five elements each, far below `elements`.
 */
export const WBXML_LIMITS = {
  bytes: LIMITS.httpBodyBytes,
  /** Element nesting (FolderSync's deepest is 4: FolderSync/Changes/Add/DisplayName). */
  depth: LIMITS.wbxmlDepth,
  elements: LIMITS.wbxmlElements,
  /** Characters of text kept per element; the rest is dropped and counted in `textDropped`. */
  textChars: LIMITS.textField,
} as const;

export type WbxmlLimits = { [K in keyof typeof WBXML_LIMITS]: number };

/** An element to encode: `Namespace:Name` of a known code page, with text and/or child elements. */
export interface WbxmlNode {
  name: string;
  text?: string;
  children?: WbxmlNode[];
}

/** A decoded element. Unknown pages read as namespace `page<N>`, unknown tags as name `0x<token>`. */
export interface WbxmlElement {
  page: number;
  token: number;
  namespace: string;
  name: string;
  children: WbxmlElement[];
  /** The element's inline and table strings and entities, concatenated, at most `textChars` characters. */
  text: string;
  /** Characters of text beyond the cap, not kept. */
  textDropped: number;
  /** Bytes of OPAQUE data (not kept: nothing the analyzer reads is opaque). */
  opaqueBytes: number;
}

/** Never an exception: an error says, for an admin, what is wrong with the body; `partial` is what was read before it. */
export type WbxmlDecoded = { ok: true; root: WbxmlElement } | { ok: false; error: string; partial?: WbxmlElement };

/** Encodes one document (the analyzer's own requests). Throws on a name no known code page has: a programming error. */
export function encodeWbxml(root: WbxmlNode): Buffer {
  const out: number[] = [...HEADER];
  let page = 0;
  const write = (node: WbxmlNode) => {
    const { page: nodePage, token } = tokenOf(node.name);
    if (nodePage !== page) {
      out.push(TOKEN.SWITCH_PAGE, nodePage);
      page = nodePage;
    }
    const children = node.children ?? [];
    const hasContent = node.text !== undefined || children.length > 0;
    out.push(token | (hasContent ? CONTENT_FLAG : 0));
    if (!hasContent) return;
    if (node.text !== undefined) {
      if (node.text.includes("\u0000")) throw new Error(`WBXML inline strings can't contain NUL (in ${node.name})`);
      out.push(TOKEN.STR_I, ...Buffer.from(node.text, "utf8"), 0x00);
    }
    children.forEach(write);
    out.push(TOKEN.END);
  };
  write(root);
  return Buffer.from(out);
}

function tokenOf(name: string): { page: number; token: number } {
  const [namespace, tag] = name.split(":");
  for (const [page, codePage] of Object.entries(CODE_PAGES)) {
    const token = tag === undefined ? undefined : codePage.tags[tag];
    if (codePage.namespace === namespace && token !== undefined) return { page: Number(page), token };
  }
  throw new Error(`no WBXML code page has the tag ${name}`);
}

/** A failure of the body being read, with the message an admin sees. */
class Malformed {
  constructor(readonly reason: string) {}
}

/** Bounds-checked reading: every read past the end is a Malformed, never an undefined byte used as data. */
class Reader {
  position = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.position >= this.bytes.length;
  }

  byte(what: string): number {
    if (this.position >= this.bytes.length) throw new Malformed(`the body ends in the middle of ${what}`);
    return this.bytes[this.position++]!;
  }

  /** mb_u_int32: 7 bits a byte, high bit set on all but the last, at most 5 bytes and 32 bits. */
  integer(what: string): number {
    let value = 0;
    for (let count = 0; count < 5; count++) {
      const byte = this.byte(what);
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) {
        if (value > 0xffffffff) throw new Malformed(`${what} is larger than 32 bits`);
        return value;
      }
    }
    throw new Malformed(`${what} is longer than 5 bytes`);
  }

  /** A NUL-terminated inline string, without its NUL. */
  inlineString(what: string): Uint8Array {
    const end = this.bytes.indexOf(0x00, this.position);
    if (end < 0) throw new Malformed(`${what} has no terminating NUL: the body ends inside it`);
    const value = this.bytes.subarray(this.position, end);
    this.position = end + 1;
    return value;
  }

  /** The next `length` bytes, checked against what is left. */
  take(length: number, what: string): Uint8Array {
    if (length > this.bytes.length - this.position) throw new Malformed(`${what} claims ${length} bytes, more than the body has left`);
    this.position += length;
    return this.bytes.subarray(this.position - length, this.position);
  }
}

const utf8 = new TextDecoder("utf-8"); // invalid bytes become U+FFFD, never an exception

/** Decodes a whole document. Never throws, loops only forward, holds at most `limits`. */
export function decodeWbxml(bytes: Uint8Array, limits: WbxmlLimits = WBXML_LIMITS): WbxmlDecoded {
  const state: { root?: WbxmlElement } = {};
  try {
    if (bytes.length === 0) return { ok: false, error: "the body is empty" };
    if (bytes.length > limits.bytes) return { ok: false, error: `the body is larger than ${limits.bytes} bytes` };
    return { ok: true, root: decodeDocument(new Reader(bytes), limits, state) };
  } catch (cause) {
    const error = cause instanceof Malformed ? cause.reason : `the decoder failed unexpectedly (${cause instanceof Error ? cause.name : "unknown"})`;
    return state.root ? { ok: false, error, partial: state.root } : { ok: false, error };
  }
}

function decodeDocument(reader: Reader, limits: WbxmlLimits, state: { root?: WbxmlElement }): WbxmlElement {
  const version = reader.byte("the WBXML version");
  // 1.1 to 1.3 share the header layout; anything else (say "<" of an HTML page) isn't WBXML at all.
  if (version < 0x01 || version > 0x03) throw new Malformed(`it doesn't start like WBXML (version byte 0x${hex(version)}, expected 0x03)`);
  if (reader.integer("the public identifier") === 0) reader.integer("the public identifier's string index");
  const charset = reader.integer("the character set");
  // 106 is UTF-8 (IANA MIBenum), all ActiveSync uses; 0 is "unknown". Text of any other would be misread.
  if (charset !== 0x6a && charset !== 0) throw new Malformed(`its character set is ${charset}, not UTF-8 (106)`);
  const table = new StringTable(reader.take(reader.integer("the string table length"), "The string table"));

  let page = 0;
  let elements = 0;
  const open: WbxmlElement[] = [];
  while (!reader.done) {
    const token = reader.byte("a token");
    const current = open.at(-1);
    switch (token) {
      case TOKEN.SWITCH_PAGE:
        page = reader.byte("a code page number");
        continue;
      case TOKEN.END:
        if (!current) throw new Malformed("an END token closes no element");
        open.pop();
        if (open.length === 0) return finish(reader, state.root!);
        continue;
      case TOKEN.ENTITY:
        addText(inside(current, "a character entity"), codePointText(reader.integer("a character entity")), limits);
        continue;
      case TOKEN.STR_I:
        addText(inside(current, "an inline string"), utf8.decode(reader.inlineString("An inline string")), limits);
        continue;
      case TOKEN.STR_T:
        addText(inside(current, "a string table reference"), table.stringAt(reader.integer("a string table reference")), limits);
        continue;
      case TOKEN.OPAQUE: {
        const length = reader.integer("the length of opaque data");
        reader.take(length, "Opaque data");
        inside(current, "opaque data").opaqueBytes += length;
        continue;
      }
      case TOKEN.PI:
        skipAttributes(reader);
        continue;
    }
    if (token >= TOKEN.EXT_I_0 && token <= TOKEN.EXT_I_2) {
      reader.inlineString("An extension string");
      continue;
    }
    if (token >= TOKEN.EXT_T_0 && token <= TOKEN.EXT_T_2) {
      reader.integer("an extension value");
      continue;
    }
    if (token >= TOKEN.EXT_0 && token <= TOKEN.EXT_2) continue;

    // Everything else is a tag: a page's token, or a literal tag named by the string table.
    if (++elements > limits.elements) throw new Malformed(`it has more than ${limits.elements} elements`);
    const literal = token === TOKEN.LITERAL || token === TOKEN.LITERAL_C || token === TOKEN.LITERAL_A || token === TOKEN.LITERAL_AC;
    const element = literal ? literalElement(page, table.stringAt(reader.integer("a literal tag name"))) : namedElement(page, token & TAG_MASK);
    if (token & ATTRIBUTE_FLAG) skipAttributes(reader);
    if (current) current.children.push(element);
    else state.root = element;
    if (token & CONTENT_FLAG) {
      if (open.length >= limits.depth) throw new Malformed(`its elements nest deeper than ${limits.depth} levels`);
      open.push(element);
    } else if (open.length === 0) {
      return finish(reader, element);
    }
  }
  if (!state.root) throw new Malformed("it has no root element");
  throw new Malformed(`the body ends before its elements are closed (${open.length} still open): it was cut short`);
}

/** After the root element only processing instructions may follow. */
function finish(reader: Reader, root: WbxmlElement): WbxmlElement {
  while (!reader.done) {
    const token = reader.byte("a token");
    if (token !== TOKEN.PI) throw new Malformed(`there is data after the root element (token 0x${hex(token)})`);
    skipAttributes(reader);
  }
  return root;
}

function inside(element: WbxmlElement | undefined, what: string): WbxmlElement {
  if (!element) throw new Malformed(`${what} appears outside any element`);
  return element;
}

/** Attributes (and a PI's target and value) until their END: never used by ActiveSync, skipped by structure. */
function skipAttributes(reader: Reader): void {
  for (;;) {
    const token = reader.byte("an attribute list");
    if (token === TOKEN.END) return;
    if (token === TOKEN.SWITCH_PAGE) reader.byte("a code page number");
    else if (token === TOKEN.STR_I || (token >= TOKEN.EXT_I_0 && token <= TOKEN.EXT_I_2)) reader.inlineString("An attribute string");
    else if (token === TOKEN.STR_T || token === TOKEN.ENTITY || token === TOKEN.LITERAL || (token >= TOKEN.EXT_T_0 && token <= TOKEN.EXT_T_2))
      reader.integer("an attribute value");
    else if (token === TOKEN.OPAQUE) reader.take(reader.integer("the length of opaque data"), "Opaque data");
    // Any other byte is an attribute start or value token of the page: one byte each.
  }
}

/** The string table, read on demand: a reference must point inside it, at a NUL-terminated string. */
class StringTable {
  constructor(private readonly bytes: Uint8Array) {}

  stringAt(index: number): string {
    if (index >= this.bytes.length) throw new Malformed(`a string table reference (${index}) points past the table (${this.bytes.length} bytes)`);
    const end = this.bytes.indexOf(0x00, index);
    if (end < 0) throw new Malformed(`the string at table offset ${index} has no terminating NUL`);
    return utf8.decode(this.bytes.subarray(index, end));
  }
}

function namedElement(page: number, token: number): WbxmlElement {
  const codePage = CODE_PAGES[page];
  const name = codePage ? Object.entries(codePage.tags).find(([, value]) => value === token)?.[0] : undefined;
  return element(page, token, codePage?.namespace ?? `page${page}`, name ?? `0x${hex(token)}`);
}

function literalElement(page: number, name: string): WbxmlElement {
  return element(page, -1, CODE_PAGES[page]?.namespace ?? `page${page}`, `literal:${cleanText(name, LIMITS.xmlName)}`);
}

function element(page: number, token: number, namespace: string, name: string): WbxmlElement {
  return { page, token, namespace, name, children: [], text: "", textDropped: 0, opaqueBytes: 0 };
}

function addText(element: WbxmlElement, text: string, limits: WbxmlLimits): void {
  const room = limits.textChars - element.text.length;
  if (room >= text.length) element.text += text;
  else {
    element.text += text.slice(0, Math.max(room, 0));
    element.textDropped += text.length - Math.max(room, 0);
  }
}

function codePointText(code: number): string {
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : "\uFFFD";
}

function hex(value: number): string {
  return value.toString(16).toUpperCase().padStart(2, "0");
}

/** The child elements of `parent` with this namespace and name. */
export function childrenNamed(parent: WbxmlElement, namespace: string, name: string): WbxmlElement[] {
  return parent.children.filter((child) => child.namespace === namespace && child.name === name);
}

export function childNamed(parent: WbxmlElement, namespace: string, name: string): WbxmlElement | undefined {
  return parent.children.find((child) => child.namespace === namespace && child.name === name);
}
