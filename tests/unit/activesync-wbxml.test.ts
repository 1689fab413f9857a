import { describe, expect, it } from "vitest";
import { FOLDER_SYNC_REQUEST, readFolderSync } from "@/lib/analyzers/activesync/folder-sync";
import { decodeWbxml, encodeWbxml, WBXML_LIMITS, type WbxmlElement } from "@/lib/analyzers/activesync/wbxml";

/** WBXML as ActiveSync writes it (MS-ASWBXML): the encoder against hand-written bytes, the decoder against hostile ones. */

/** "<x>\0" as STR_I bytes. */
const str = (text: string) => [0x03, ...Buffer.from(text, "utf8"), 0x00];
const HEADER = [0x03, 0x01, 0x6a, 0x00];

/** A FolderHierarchy element with content: token | 0x40, STR_I text, END. */
const textElement = (token: number, text: string) => [token | 0x40, ...str(text), 0x01];

/** A FolderSync response as Exchange sends it: Status 1, SyncKey 1, Changes with Count and one Add per folder. */
function folderSyncResponse(folders: Array<[serverId: string, name: string, type: number]>, status = "1"): number[] {
  const adds = folders.flatMap(([serverId, name, type]) => [
    0x4f, // <Add>: ServerId 0x08, ParentId 0x09, DisplayName 0x07, Type 0x0A
    ...textElement(0x08, serverId),
    ...textElement(0x09, "0"),
    ...textElement(0x07, name),
    ...textElement(0x0a, String(type)),
    0x01,
  ]);
  // SWITCH_PAGE 7, <FolderSync> (0x16), Status 0x0C, SyncKey 0x12, <Changes> (0x0E) with Count 0x17 and the Adds
  return [
    ...HEADER,
    0x00,
    0x07,
    0x56,
    ...textElement(0x0c, status),
    ...textElement(0x12, "1"),
    0x4e,
    ...textElement(0x17, String(folders.length)),
    ...adds,
    0x01,
    0x01,
  ];
}

const names = (element: WbxmlElement): string[] => element.children.map((child) => child.name);

describe("the FolderSync request the analyzer sends", () => {
  it('is exactly <FolderSync xmlns="FolderHierarchy:"><SyncKey>0</SyncKey></FolderSync> in WBXML', () => {
    // version 1.3, public id 1, UTF-8 (106), no string table; SWITCH_PAGE 7; FolderSync+content; SyncKey+content; STR_I "0"; END; END
    expect([...FOLDER_SYNC_REQUEST]).toEqual([0x03, 0x01, 0x6a, 0x00, 0x00, 0x07, 0x56, 0x52, 0x03, 0x30, 0x00, 0x01, 0x01]);
  });

  it("encodes empty elements without the content flag and switches pages only when needed", () => {
    const bytes = encodeWbxml({
      name: "FolderHierarchy:FolderSync",
      children: [{ name: "FolderHierarchy:Status" }, { name: "FolderHierarchy:Count", text: "é" }],
    });
    expect([...bytes]).toEqual([...HEADER, 0x00, 0x07, 0x56, 0x0c, 0x57, 0x03, 0xc3, 0xa9, 0x00, 0x01, 0x01]);
  });

  it("refuses names no code page has, and NUL in text (programming errors, not server input)", () => {
    expect(() => encodeWbxml({ name: "FolderHierarchy:Nonsense" })).toThrow(/no WBXML code page/);
    expect(() => encodeWbxml({ name: "Email:Subject" })).toThrow(/no WBXML code page/);
    expect(() => encodeWbxml({ name: "FolderHierarchy:SyncKey", text: "a\u0000b" })).toThrow(/NUL/);
  });
});

describe("decoding a FolderSync response", () => {
  it("reads the hierarchy Exchange sends", () => {
    const body = Buffer.from(
      folderSyncResponse([
        ["1", "Calendar", 8],
        ["2", "Inbox", 2],
        ["3", "Projets é", 12],
      ]),
    );
    const decoded = decodeWbxml(body);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.root).toMatchObject({ namespace: "FolderHierarchy", name: "FolderSync", page: 7, token: 0x16 });
    expect(names(decoded.root)).toEqual(["Status", "SyncKey", "Changes"]);
    const changes = decoded.root.children[2]!;
    expect(names(changes)).toEqual(["Count", "Add", "Add", "Add"]);
    expect(changes.children[3]!.children.map((child) => [child.name, child.text])).toEqual([
      ["ServerId", "3"],
      ["ParentId", "0"],
      ["DisplayName", "Projets é"],
      ["Type", "12"],
    ]);
    expect(readFolderSync(body, false)).toEqual({
      kind: "read",
      status: 1,
      count: 3,
      added: 3,
      folderTypes: { Calendar: 1, Inbox: 1, "user-created mail": 1 },
    });
  });

  it("reads round trips of its own encoder", () => {
    const decoded = decodeWbxml(FOLDER_SYNC_REQUEST);
    expect(decoded.ok && decoded.root.children[0]).toMatchObject({ name: "SyncKey", text: "0" });
  });

  it("reads a failure status without any Changes", () => {
    expect(readFolderSync(Buffer.from([...HEADER, 0x00, 0x07, 0x56, 0x4c, ...str("126"), 0x01, 0x01]), false)).toEqual({
      kind: "read",
      status: 126,
      added: 0,
      folderTypes: {},
    });
  });

  it("keeps unknown tags and pages by number, and skips string-table strings, entities, opaque data, extensions and PIs", () => {
    const body = Buffer.from([
      ...[0x03, 0x01, 0x6a, 0x04, 0x61, 0x62, 0x63, 0x00], // header, with the string table "abc\0"
      ...[0x43, 0x05, 0x01], // a PI before the root
      ...[0x00, 0x07, 0x56], // SWITCH_PAGE 7, <FolderSync>
      ...[0x4c, 0x83, 0x00, 0x02, 0x31, 0x01], // <Status> STR_T "abc", ENTITY '1' </Status>
      ...[0x3f], // an unknown empty tag of page 7
      ...[0x00, 0x11, 0x45, 0xc3, 0x03, 0xff, 0xfe, 0xfd, 0x40, 0x78, 0x00, 0x80, 0x05, 0xc0, 0x01], // page 17: a tag with opaque data and extensions
      ...[0x85, 0x06, 0x03, 0x76, 0x00, 0x01], // an empty tag with attributes (never in ActiveSync): skipped by structure
      ...[0x01], // </FolderSync>
    ]);
    const decoded = decodeWbxml(body);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.root.children.map((child) => `${child.namespace}:${child.name}`)).toEqual([
      "FolderHierarchy:Status",
      "FolderHierarchy:0x3F",
      "page17:0x05",
      "page17:0x05",
    ]);
    expect(decoded.root.children[0]!.text).toBe("abc1");
    expect(decoded.root.children[2]!.opaqueBytes).toBe(3);
  });
});

describe("hostile bodies: never an exception, always a reason", () => {
  const expectError = (bytes: number[] | Buffer, pattern: RegExp) => {
    const decoded = decodeWbxml(Buffer.from(bytes));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toMatch(pattern);
  };

  it("refuses what isn't WBXML: empty, HTML, another character set", () => {
    expectError([], /empty/);
    expectError(Buffer.from("<html><body>Sign in</body></html>"), /doesn't start like WBXML \(version byte 0x3C/);
    expectError([0x03, 0x01, 0x04, 0x00, 0x45, 0x01], /character set is 4, not UTF-8/);
  });

  it("stops at every truncation, inside the header, a string or the elements", () => {
    const whole = folderSyncResponse([["1", "Inbox", 2]]);
    for (let length = 1; length < whole.length; length++) {
      const decoded = decodeWbxml(Buffer.from(whole.slice(0, length)));
      expect(decoded.ok, `cut at ${length}`).toBe(false);
    }
    expectError(whole.slice(0, 1), /ends in the middle of the public identifier/);
    expectError(whole.slice(0, 10), /inline string has no terminating NUL/);
    expectError(whole.slice(0, whole.length - 1), /ends before its elements are closed \(1 still open\)/);
  });

  it("refuses lengths and references that point past the body", () => {
    expectError([...HEADER, 0x00, 0x07, 0x56, 0xc3, 0x8f, 0xff, 0xff, 0xff, 0x7f, 0x01], /claims 4294967295 bytes/);
    expectError([...HEADER, 0x00, 0x07, 0x56, 0xc3, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], /longer than 5 bytes/);
    expectError([...HEADER, 0x00, 0x07, 0x56, 0xc3, 0x9f, 0xff, 0xff, 0xff, 0x7f], /larger than 32 bits/);
    expectError([0x03, 0x01, 0x6a, 0x10, 0x61], /string table claims 16 bytes/);
    expectError([...HEADER, 0x00, 0x07, 0x56, 0x83, 0x05, 0x01], /points past the table/);
    expectError([0x03, 0x01, 0x6a, 0x02, 0x61, 0x62, 0x56, 0x83, 0x00, 0x01], /no terminating NUL/);
  });

  it("refuses structure that isn't a document", () => {
    expectError([...HEADER, 0x01], /END token closes no element/);
    expectError([...HEADER, ...str("x")], /inline string appears outside any element/);
    expectError([...HEADER, 0x56, 0x01, 0x56, 0x01], /data after the root element/);
    expectError([...HEADER, 0x43, 0x05, 0x01], /no root element/);
  });

  it("caps nesting depth and element count without recursion", () => {
    const deep = [...HEADER, ...new Array<number>(100_000).fill(0x56)];
    expectError(deep, new RegExp(`nest deeper than ${WBXML_LIMITS.depth} levels`));
    const many = [...HEADER, 0x56, ...new Array<number>(WBXML_LIMITS.elements + 1).fill(0x0c), 0x01];
    expectError(many, new RegExp(`more than ${WBXML_LIMITS.elements} elements`));
    expectError(Buffer.alloc(WBXML_LIMITS.bytes + 1, 0x03), /larger than/);
  });

  it("caps the text kept per element and turns bad UTF-8 and bad entities into U+FFFD", () => {
    const long = "x".repeat(WBXML_LIMITS.textChars + 500);
    const decoded = decodeWbxml(Buffer.from([...HEADER, 0x47, ...str(long), 0x03, 0xff, 0xfe, 0x00, 0x02, 0x8f, 0xff, 0xff, 0xff, 0x7f, 0x01]));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.root.text).toHaveLength(WBXML_LIMITS.textChars);
    expect(decoded.root.textDropped).toBe(503);
    const short = decodeWbxml(Buffer.from([...HEADER, 0x47, 0x03, 0xff, 0xfe, 0x00, 0x02, 0x83, 0xb0, 0x00, 0x01])); // ENTITY U+D800, a lone surrogate
    expect(short.ok && short.root.text).toBe("\uFFFD\uFFFD\uFFFD");
  });

  it("survives random bytes", () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 256;
    for (let round = 0; round < 2000; round++) {
      const bytes = Buffer.from([...HEADER, ...Array.from({ length: 1 + (round % 64) }, random)]);
      expect(() => decodeWbxml(bytes)).not.toThrow();
    }
  });
});

describe("reading a FolderSync response for the judge", () => {
  it("reads Status and Count from the beginning of a body cut at the size limit", () => {
    const whole = folderSyncResponse(Array.from({ length: 50 }, (_, i): [string, string, number] => [String(i), `Folder ${i}`, 12]));
    const cut = Buffer.from(whole.slice(0, 200));
    expect(readFolderSync(cut, true)).toMatchObject({ kind: "read", status: 1, count: 50, partial: expect.stringContaining("only its beginning was read") });
    expect(readFolderSync(cut, false)).toMatchObject({ kind: "unreadable", reason: expect.stringContaining("ends") });
  });

  it("says when the root isn't FolderSync, the server's own tag name made safe to show", () => {
    const literal = Buffer.from([0x03, 0x01, 0x6a, 0x05, 0x3c, 0x62, 0x0a, 0x3e, 0x00, 0x04, 0x00]); // LITERAL tag named "<b\n>"
    expect(readFolderSync(literal, false)).toMatchObject({
      kind: "unreadable",
      reason: "its root element is page0:literal:<b\uFFFD>, not FolderHierarchy:FolderSync",
    });
    expect(readFolderSync(Buffer.from([...HEADER, 0x00, 0x07, 0x4c, ...str("1"), 0x01]), false)).toMatchObject({
      kind: "unreadable",
      reason: "its root element is FolderHierarchy:Status, not FolderHierarchy:FolderSync",
    });
  });
});
