import { describe, expect, it } from "vitest";
import { judgeCt, type CtFacts, type SctFinding } from "@/lib/cert/ct/policy";
import { findingText } from "@/lib/engine/finding";
import { isLocalized, text, type Text } from "@/lib/engine/text";
import { en } from "@/lib/i18n/messages/en";
import { it as italian } from "@/lib/i18n/messages/it";
import { stepMessage } from "@/lib/i18n/step-text";
import { parseServerHello } from "@/lib/net/tls/handshake";
import { buildClientHello, EXTENSION_SCT, PROBE_CIPHER_SUITES, serverHelloExtension, sniName } from "@/lib/net/tls/sct-probe";

/** The ClientHello of the SCT extension probe (lib/net/tls/sct-probe.ts), taken apart field by field. */

interface ParsedHello {
  recordType: number;
  recordVersion: number;
  handshakeType: number;
  version: number;
  random: Buffer;
  sessionId: Buffer;
  cipherSuites: number[];
  compression: number[];
  extensions: Array<{ type: number; data: Buffer }>;
}

function parseHello(record: Buffer): ParsedHello {
  expect(record.readUInt16BE(3)).toBe(record.length - 5);
  const handshake = record.subarray(5);
  expect(handshake.readUIntBE(1, 3)).toBe(handshake.length - 4);
  const body = handshake.subarray(4);
  let off = 0;
  const version = body.readUInt16BE(off);
  off += 2;
  const random = body.subarray(off, off + 32);
  off += 32;
  const sessionId = body.subarray(off + 1, off + 1 + body[off]!);
  off += 1 + sessionId.length;
  const suitesLength = body.readUInt16BE(off);
  expect(suitesLength % 2).toBe(0);
  const cipherSuites = Array.from({ length: suitesLength / 2 }, (_, i) => body.readUInt16BE(off + 2 + 2 * i));
  off += 2 + suitesLength;
  const compression = [...body.subarray(off + 1, off + 1 + body[off]!)];
  off += 1 + compression.length;
  const extensionsLength = body.readUInt16BE(off);
  off += 2;
  expect(off + extensionsLength).toBe(body.length);
  const extensions: ParsedHello["extensions"] = [];
  while (off < body.length) {
    const type = body.readUInt16BE(off);
    const length = body.readUInt16BE(off + 2);
    expect(off + 4 + length).toBeLessThanOrEqual(body.length);
    extensions.push({ type, data: body.subarray(off + 4, off + 4 + length) });
    off += 4 + length;
  }
  expect(off).toBe(body.length);
  return {
    recordType: record[0]!,
    recordVersion: record.readUInt16BE(1),
    handshakeType: handshake[0]!,
    version,
    random,
    sessionId,
    cipherSuites,
    compression,
    extensions,
  };
}

describe("the SCT probe's ClientHello", () => {
  it("is one TLS 1.2 ClientHello record whose length fields add up", () => {
    const random = Buffer.alloc(32, 7);
    const hello = parseHello(buildClientHello("mail.contoso.com", random));
    expect(hello).toMatchObject({ recordType: 22, recordVersion: 0x0301, handshakeType: 1, version: 0x0303 });
    expect(hello.random.equals(random)).toBe(true);
    expect(hello.sessionId.length).toBe(0);
    expect(hello.cipherSuites).toEqual(PROBE_CIPHER_SUITES);
    // ECDHE with AES-GCM and ChaCha20 first.
    expect(hello.cipherSuites.slice(0, 6)).toEqual([0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8]);
    expect(hello.compression).toEqual([0]);
  });

  it("asks for SCTs with the empty extension 18, and carries SNI, groups, point formats and signature algorithms", () => {
    const hello = parseHello(buildClientHello("mail.contoso.com"));
    const types = hello.extensions.map((extension) => extension.type);
    expect(types).toEqual(expect.arrayContaining([0, 10, 11, 13, EXTENSION_SCT]));
    expect(new Set(types).size).toBe(types.length);
    // No supported_versions: a TLS 1.2 hello only.
    expect(types).not.toContain(43);
    const sct = hello.extensions.find((extension) => extension.type === EXTENSION_SCT)!;
    expect(sct.data.length).toBe(0);

    const sni = hello.extensions.find((extension) => extension.type === 0)!.data;
    expect(sni.readUInt16BE(0)).toBe(sni.length - 2);
    expect(sni[2]).toBe(0); // host_name
    expect(sni.readUInt16BE(3)).toBe(sni.length - 5);
    expect(sni.subarray(5).toString("ascii")).toBe("mail.contoso.com");

    const groups = hello.extensions.find((extension) => extension.type === 10)!.data;
    expect(groups.readUInt16BE(0)).toBe(groups.length - 2);
    expect(groups.includes(Buffer.from([0x00, 0x17]))).toBe(true); // secp256r1
    expect([...hello.extensions.find((extension) => extension.type === 11)!.data]).toEqual([1, 0]);
    const signatures = hello.extensions.find((extension) => extension.type === 13)!.data;
    expect(signatures.readUInt16BE(0)).toBe(signatures.length - 2);
    expect(signatures.length % 2).toBe(0);
  });

  it("sends no SNI for an IP address, and drops a trailing dot", () => {
    for (const host of ["192.0.2.1", "[2001:db8::1]", "2001:db8::1", undefined]) {
      expect(parseHello(buildClientHello(host)).extensions.map((extension) => extension.type)).not.toContain(0);
    }
    expect(sniName("mail.contoso.com.")).toBe("mail.contoso.com");
    const sni = parseHello(buildClientHello("mail.contoso.com.")).extensions.find((extension) => extension.type === 0)!.data;
    expect(sni.subarray(5).toString("ascii")).toBe("mail.contoso.com");
  });
});

describe("reading the SCT list from a ServerHello", () => {
  const serverHello = (extensions: Buffer | undefined) =>
    Buffer.concat([
      Buffer.from([0x03, 0x03]),
      Buffer.alloc(32, 1),
      Buffer.from([4, 9, 9, 9, 9]), // session id
      Buffer.from([0xc0, 0x2f, 0x00]),
      ...(extensions ? [Buffer.from([extensions.length >> 8, extensions.length & 0xff]), extensions] : []),
    ]);
  const list = Buffer.from("0006000401020304", "hex");

  it("finds extension 18 among the others", () => {
    const body = serverHello(Buffer.concat([Buffer.from("ff01000100", "hex"), Buffer.from([0, 18, 0, list.length]), list, Buffer.from("000b00020100", "hex")]));
    expect("error" in parseServerHello(body)).toBe(false);
    expect(serverHelloExtension(body, EXTENSION_SCT)?.equals(list)).toBe(true);
  });

  it("is undefined without extensions, without that one, or when the list is cut short", () => {
    expect(serverHelloExtension(serverHello(undefined), EXTENSION_SCT)).toBeUndefined();
    expect(serverHelloExtension(serverHello(Buffer.from("ff01000100", "hex")), EXTENSION_SCT)).toBeUndefined();
    const cut = serverHello(Buffer.concat([Buffer.from([0, 18, 0, 40]), list]));
    expect(serverHelloExtension(cut, EXTENSION_SCT)).toBeUndefined();
    expect(serverHelloExtension(Buffer.alloc(10), EXTENSION_SCT)).toBeUndefined();
  });
});

describe("the CT judgement once the TLS extension was asked for", () => {
  const START = Date.parse("2026-01-01T00:00:00Z");
  const leaf = { notBefore: new Date(START).toISOString(), notAfter: new Date(START + 90 * 24 * 60 * 60 * 1000).toISOString() };
  const finding = (n: number, operator: string): SctFinding => ({
    source: "tls",
    sct: {
      version: 0,
      logId: Buffer.alloc(32, n).toString("base64"),
      timestamp: START,
      extensions: Buffer.alloc(0),
      hashAlgorithm: 4,
      signatureAlgorithm: 3,
      signature: Buffer.alloc(8),
    },
    log: { logId: Buffer.alloc(32, n).toString("base64"), description: `Log ${n}`, operator, key: Buffer.alloc(0), state: "usable" },
    verification: "verified",
  });
  const facts = (scts: SctFinding[], tlsExtension: CtFacts["tlsExtension"]): CtFacts => ({
    leaf,
    scts,
    publiclyTrusted: true,
    handshake: { stapledOcsp: false },
    ...(tlsExtension ? { tlsExtension } : {}),
    unreadable: [],
    logList: "test logs",
  });
  const rendered = (messages: typeof en | typeof italian, message: Text) =>
    isLocalized(message) ? stepMessage(messages, { message: message.english, messageKey: message.key, messageParams: message.params }) : message;
  const inItalian = (message: Text) => {
    const translated = rendered(italian, message);
    expect(translated).not.toBe(rendered(en, message));
    expect(translated).not.toMatch(/\{[A-Za-z_][A-Za-z0-9_.$]*\}/);
    return translated;
  };

  it("counts 2 SCTs from 2 operators delivered in the TLS extension like stapled ones", () => {
    const judged = judgeCt(facts([finding(1, "Google"), finding(3, "Cloudflare")], { asked: true }));
    expect(judged.status).toBe("success");
    expect(judged.message).toBe(
      "Found 2 Signed Certificate Timestamp(s): 2 in the TLS extension; logs: Log 1, Log 3. That meets Chrome's and Apple's Certificate Transparency policies (2 embedded SCTs for a certificate valid 90 days, or 2 delivered by OCSP or TLS, from at least 2 log operators; operators: Google, Cloudflare).",
    );
    expect(judged.details).toMatchObject({
      counts: { embedded: 0, stapledOcsp: 0, tlsExtension: 2, deliveredByOcspOrTls: 2 },
      tlsExtension: "Asked for in a separate TLS 1.2 handshake: the server sent 2 SCT(s) in it.",
    });
    inItalian(findingText(judged));
  });

  it("says none came when asked, without claiming the extension is invisible", () => {
    const judged = judgeCt(facts([], { asked: true }));
    expect(judged.message).toBe(
      "The certificate carries no Signed Certificate Timestamps (none embedded, none in a stapled OCSP response, none in the TLS extension when asked for). Chrome's and Apple's Certificate Transparency policies require 2 SCTs embedded in a certificate valid 90 days (or 2 delivered by OCSP stapling or the TLS extension), from at least 2 distinct log operators: Chrome and Safari may refuse this publicly trusted certificate. Ask the CA to reissue it with SCTs embedded, or have the server deliver them.",
    );
    expect(judged.details).toMatchObject({ tlsExtension: "Asked for in a separate TLS 1.2 handshake: the server sent none." });
    inItalian(findingText(judged));
  });

  it("names why the extension couldn't be asked for, and keeps the old wording otherwise", () => {
    const reason = "the server sent no ServerHello within 400 ms";
    const judged = judgeCt(facts([], { asked: false, reason }));
    expect(judged.message).toContain("(SCTs sent only in the TLS extension aren't visible to the analyzer.)");
    expect(judged.message).toMatch(/ Whether the server sends SCTs in the TLS extension couldn't be checked: the server sent no ServerHello within 400 ms\.$/);
    expect(judged.details).toMatchObject({ tlsExtension: `Not checked: a separate TLS 1.2 handshake asking for it failed (${reason}).` });
    expect(inItalian(findingText(judged))).toContain(reason);
    const other = judgeCt(facts([], { asked: false, reason: text("steps.ctCaa.ct.tlsExtension.otherCertificate") }));
    expect(other.message).toContain(
      "Whether the server sends SCTs in the TLS extension couldn't be checked: the second connection, which asked for them, was answered with another certificate.",
    );
    inItalian(findingText(other));
    expect(judgeCt(facts([], undefined)).details).toMatchObject({ tlsExtension: expect.stringContaining("doesn't ask") });
  });
});
