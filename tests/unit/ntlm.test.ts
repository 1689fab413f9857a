import { createHmac } from "node:crypto";
import { describe, it, expect } from "vitest";
import { md4 } from "../../lib/net/md4";
import {
  AvId,
  NtlmError,
  NtlmFlags,
  NEGOTIATE_FLAGS,
  challengeFromWwwAuthenticate,
  computeNtlmV2Response,
  createAuthenticateMessage,
  createNegotiateMessage,
  dateToFiletime,
  ntHash,
  ntowfv2,
  parseChallengeMessage,
  splitUsername,
  toAuthorizationHeader,
} from "../../lib/net/ntlm";
import { parseAuthenticateMessage } from "../support/ntlm-authenticate";
import { verifyNtlmV2Authenticate } from "../support/ntlm-verifier";

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ""), "hex");
const u16 = (s: string) => Buffer.from(s, "utf16le");
const hmac = (key: Buffer, ...parts: Buffer[]) => {
  const h = createHmac("md5", key);
  for (const p of parts) h.update(p);
  return h.digest();
};

// ---- test helpers: build wire messages by hand -------------------------------------------------

function avPair(id: number, value: Buffer): Buffer {
  const h = Buffer.alloc(4);
  h.writeUInt16LE(id, 0);
  h.writeUInt16LE(value.length, 2);
  return Buffer.concat([h, value]);
}
const avEol = () => Buffer.alloc(4);

/** FILETIME (100 ns ticks since 1601-01-01 UTC) as a Date; 11644473600000 ms separate 1601 from 1970. */
function filetimeToDate(ft: bigint): Date {
  return new Date(Number(ft / 10_000n - 11_644_473_600_000n));
}

function filetimeBytes(ft: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(ft);
  return b;
}

/** CHALLENGE_MESSAGE with payload (TargetName, TargetInfo) after a 56-byte header incl. Version. */
function buildType2(opts: { flags: number; serverChallenge: Buffer; targetName: Buffer; targetInfo: Buffer }): Buffer {
  const header = Buffer.alloc(56);
  Buffer.from("NTLMSSP\0", "latin1").copy(header, 0);
  header.writeUInt32LE(2, 8);
  header.writeUInt16LE(opts.targetName.length, 12);
  header.writeUInt16LE(opts.targetName.length, 14);
  header.writeUInt32LE(56, 16);
  header.writeUInt32LE(opts.flags >>> 0, 20);
  opts.serverChallenge.copy(header, 24);
  header.writeUInt16LE(opts.targetInfo.length, 40);
  header.writeUInt16LE(opts.targetInfo.length, 42);
  header.writeUInt32LE(56 + opts.targetName.length, 44);
  // Version 10.0.20348, NTLM revision 15
  header.writeUInt8(10, 48);
  header.writeUInt8(0, 49);
  header.writeUInt16LE(20348, 50);
  header.writeUInt8(15, 55);
  return Buffer.concat([header, opts.targetName, opts.targetInfo]);
}

/** Independent Type 3 decoder for the tests. */
function decodeType3(buf: Buffer) {
  expect(buf.subarray(0, 8).toString("latin1")).toBe("NTLMSSP\0");
  expect(buf.readUInt32LE(8)).toBe(3);
  const f = (at: number) => {
    const len = buf.readUInt16LE(at);
    expect(buf.readUInt16LE(at + 2)).toBe(len);
    const off = buf.readUInt32LE(at + 4);
    expect(off + len).toBeLessThanOrEqual(buf.length);
    return buf.subarray(off, off + len);
  };
  return {
    lm: f(12),
    nt: f(20),
    domain: f(28),
    user: f(36),
    workstation: f(44),
    sessionKey: f(52),
    flags: buf.readUInt32LE(60),
  };
}

const SERVER_FLAGS =
  (NtlmFlags.NEGOTIATE_UNICODE |
    NtlmFlags.REQUEST_TARGET |
    NtlmFlags.NEGOTIATE_NTLM |
    NtlmFlags.NEGOTIATE_ALWAYS_SIGN |
    NtlmFlags.TARGET_TYPE_DOMAIN |
    NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY |
    NtlmFlags.NEGOTIATE_TARGET_INFO |
    NtlmFlags.NEGOTIATE_VERSION |
    NtlmFlags.NEGOTIATE_128 |
    NtlmFlags.NEGOTIATE_KEY_EXCH |
    NtlmFlags.NEGOTIATE_56) >>>
  0;

// ---- MS-NLMP 4.2.4 -----------------------------------------------------------------------------

describe("NTLMv2 — MS-NLMP 4.2.4 test vectors", () => {
  const serverChallenge = hex("01 23 45 67 89 ab cd ef");
  const clientChallenge = hex("aa aa aa aa aa aa aa aa");
  // MsvAvNbDomainName "Domain", MsvAvNbComputerName "Server", MsvAvEOL (4.2.4.1.3 "temp").
  const specTargetInfo = hex("02 00 0c 00 44 00 6f 00 6d 00 61 00 69 00 6e 00 01 00 0c 00 53 00 65 00 72 00 76 00 65 00 72 00 00 00 00 00");

  it("NT hash of 'Password'", () => {
    expect(ntHash("Password").toString("hex")).toBe("a4f49c406510bdcab6824ee7c30fd852");
  });

  it("NTOWFv2 / LMOWFv2", () => {
    expect(ntowfv2("Password", "User", "Domain").toString("hex")).toBe("0c868a403bfd7a93a3001ef22ef02e3f");
  });

  it("NTProofStr, LMv2 response, session base key and temp blob", () => {
    const r = computeNtlmV2Response({
      responseKey: ntowfv2("Password", "User", "Domain"),
      serverChallenge,
      clientChallenge,
      timestamp: 0n,
      targetInfo: specTargetInfo,
    });
    expect(r.ntProofStr.toString("hex")).toBe("68cd0ab851e51c96aabc927bebef6a1c");
    expect(r.lmChallengeResponse.toString("hex")).toBe("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa");
    expect(r.sessionBaseKey.toString("hex")).toBe("8de40ccadbc14a82f15cb0ad0de95ca3");
    expect(r.blob).toEqual(Buffer.concat([hex("0101 0000 00000000"), Buffer.alloc(8), clientChallenge, Buffer.alloc(4), specTargetInfo, Buffer.alloc(4)]));
    expect(r.ntChallengeResponse).toEqual(Buffer.concat([r.ntProofStr, r.blob]));
  });

  it("end to end: spec Type 2 → Type 3 carries the spec responses", () => {
    const type2 = buildType2({
      flags: SERVER_FLAGS,
      serverChallenge,
      targetName: u16("Domain"),
      targetInfo: specTargetInfo,
    });
    const ch = parseChallengeMessage(type2);
    const type3 = createAuthenticateMessage({
      challenge: ch,
      username: "User",
      password: "Password",
      domain: "Domain",
      workstation: "COMPUTER",
      clientChallenge,
      timestamp: 0n,
    });
    const d = decodeType3(type3);
    expect(d.nt.subarray(0, 16).toString("hex")).toBe("68cd0ab851e51c96aabc927bebef6a1c");
    // No MsvAvTimestamp in the spec's target info → the LMv2 response is sent.
    expect(d.lm.toString("hex")).toBe("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa");
    expect(d.user.toString("utf16le")).toBe("User");
    expect(d.domain.toString("utf16le")).toBe("Domain");
    expect(d.workstation.toString("utf16le")).toBe("COMPUTER");
    expect(d.sessionKey.length).toBe(0);
    expect(d.flags & NtlmFlags.NEGOTIATE_UNICODE).toBeTruthy();
    expect(d.flags & NtlmFlags.NEGOTIATE_KEY_EXCH).toBe(0);
    expect(verifyNtlmV2Authenticate(type3, serverChallenge, { user: "Password" })).toEqual({
      ok: true,
      user: "User",
      domain: "Domain",
    });
  });
});

// ---- Type 1 --------------------------------------------------------------------------------------

describe("createNegotiateMessage", () => {
  it("builds a 32-byte Type 1 with the expected flags", () => {
    const m = createNegotiateMessage();
    expect(m.length).toBe(32);
    expect(m.subarray(0, 8).toString("latin1")).toBe("NTLMSSP\0");
    expect(m.readUInt32LE(8)).toBe(1);
    const flags = m.readUInt32LE(12);
    expect(flags).toBe(NEGOTIATE_FLAGS);
    expect(flags).toBe(0xa0088207);
    for (const f of [
      NtlmFlags.NEGOTIATE_UNICODE,
      NtlmFlags.NEGOTIATE_OEM,
      NtlmFlags.REQUEST_TARGET,
      NtlmFlags.NEGOTIATE_NTLM,
      NtlmFlags.NEGOTIATE_ALWAYS_SIGN,
      NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY,
      NtlmFlags.NEGOTIATE_128,
      NtlmFlags.NEGOTIATE_56,
    ]) {
      expect(flags & f).not.toBe(0);
    }
    expect(flags & NtlmFlags.NEGOTIATE_KEY_EXCH).toBe(0);
    expect(m.readUInt16LE(16)).toBe(0); // domain len
    expect(m.readUInt16LE(24)).toBe(0); // workstation len
  });
});

// ---- Type 2 parsing ----------------------------------------------------------------------------

const TS = dateToFiletime(new Date("2024-05-06T07:08:09.000Z"));

function richTargetInfo(): Buffer {
  const flags = Buffer.alloc(4);
  flags.writeUInt32LE(0x2);
  return Buffer.concat([
    avPair(AvId.MsvAvNbDomainName, u16("CONTOSO")),
    avPair(AvId.MsvAvNbComputerName, u16("EX01")),
    avPair(AvId.MsvAvDnsDomainName, u16("contoso.local")),
    avPair(AvId.MsvAvDnsComputerName, u16("ex01.contoso.local")),
    avPair(AvId.MsvAvDnsTreeName, u16("contoso.local")),
    avPair(AvId.MsvAvFlags, flags),
    avPair(AvId.MsvAvTimestamp, filetimeBytes(TS)),
    avPair(0x42, hex("deadbeef")), // unknown id: kept, ignored
    avEol(),
  ]);
}

describe("parseChallengeMessage", () => {
  it("decodes flags, challenge, target name, AV pairs and version", () => {
    const ti = richTargetInfo();
    const ch = parseChallengeMessage(buildType2({ flags: SERVER_FLAGS, serverChallenge: hex("0102030405060708"), targetName: u16("CONTOSO"), targetInfo: ti }));
    expect(ch.flags).toBe(SERVER_FLAGS);
    expect(ch.serverChallenge.toString("hex")).toBe("0102030405060708");
    expect(ch.targetName).toBe("CONTOSO");
    expect(ch.targetInfo).toEqual(ti);
    expect(ch.info).toEqual({
      nbDomainName: "CONTOSO",
      nbComputerName: "EX01",
      dnsDomainName: "contoso.local",
      dnsComputerName: "ex01.contoso.local",
      dnsTreeName: "contoso.local",
      flags: 2,
      timestamp: TS,
    });
    expect(filetimeToDate(ch.info.timestamp!).toISOString()).toBe("2024-05-06T07:08:09.000Z");
    expect(ch.avPairs.map((p) => p.id)).toEqual([2, 1, 4, 3, 5, 6, 7, 0x42]);
    expect(ch.version).toEqual({ major: 10, minor: 0, build: 20348, ntlmRevision: 15 });
  });

  it("accepts the old 32-byte layout without target info", () => {
    const m = Buffer.alloc(32);
    Buffer.from("NTLMSSP\0", "latin1").copy(m);
    m.writeUInt32LE(2, 8);
    m.writeUInt32LE(32, 16);
    m.writeUInt32LE(NtlmFlags.NEGOTIATE_NTLM | NtlmFlags.NEGOTIATE_OEM, 20);
    hex("1122334455667788").copy(m, 24);
    const ch = parseChallengeMessage(m);
    expect(ch.targetInfo.length).toBe(0);
    expect(ch.avPairs).toEqual([]);
    expect(ch.serverChallenge.toString("hex")).toBe("1122334455667788");
  });

  it("returns copies, not views into the input", () => {
    const m = buildType2({ flags: SERVER_FLAGS, serverChallenge: hex("0102030405060708"), targetName: u16("X"), targetInfo: richTargetInfo() });
    const ch = parseChallengeMessage(m);
    m.fill(0);
    expect(ch.serverChallenge.toString("hex")).toBe("0102030405060708");
    expect(ch.info.nbDomainName).toBe("CONTOSO");
  });
});

describe("parseChallengeMessage — malformed input throws NtlmError", () => {
  const good = () => buildType2({ flags: SERVER_FLAGS, serverChallenge: hex("0102030405060708"), targetName: u16("CONTOSO"), targetInfo: richTargetInfo() });

  const expectNtlmError = (buf: Buffer, code: string, msg?: RegExp) => {
    let err: unknown;
    try {
      parseChallengeMessage(buf);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NtlmError);
    expect((err as NtlmError).code).toBe(code);
    if (msg) expect((err as NtlmError).message).toMatch(msg);
  };

  it("empty / truncated buffers", () => {
    expectNtlmError(Buffer.alloc(0), "TRUNCATED");
    expectNtlmError(Buffer.from("NTLMSSP\0", "latin1"), "TRUNCATED");
    expectNtlmError(good().subarray(0, 20), "TRUNCATED");
    expectNtlmError(good().subarray(0, 31), "TRUNCATED");
    // Header intact but payload cut off → TargetName/TargetInfo point past the end.
    expectNtlmError(good().subarray(0, 60), "BAD_FIELD", /beyond/);
  });

  it("wrong signature / message type", () => {
    const b = good();
    b.write("NTLMSSX", 0, "latin1");
    expectNtlmError(b, "BAD_SIGNATURE");
    const c = good();
    c.writeUInt32LE(3, 8);
    expectNtlmError(c, "BAD_MESSAGE_TYPE");
    expectNtlmError(Buffer.from("HTTP/1.1 401 Unauthorized\r\n\r\n"), "BAD_SIGNATURE");
  });

  it("offsets/lengths beyond the buffer", () => {
    const a = good();
    a.writeUInt32LE(0xffffffff, 16); // TargetName offset
    expectNtlmError(a, "BAD_FIELD", /TargetName/);
    const b = good();
    b.writeUInt16LE(0xfff0, 40); // TargetInfo length
    expectNtlmError(b, "BAD_FIELD", /TargetInfo/);
    const c = good();
    c.writeUInt32LE(c.length - 2, 44); // TargetInfo starts 2 bytes before the end
    expectNtlmError(c, "BAD_FIELD", /TargetInfo/);
  });

  it("odd-length Unicode target name", () => {
    const m = buildType2({ flags: SERVER_FLAGS, serverChallenge: Buffer.alloc(8), targetName: hex("414243"), targetInfo: avEol() });
    expectNtlmError(m, "BAD_FIELD", /odd length/);
  });

  it("broken AV pairs", () => {
    const mk = (ti: Buffer) => buildType2({ flags: SERVER_FLAGS, serverChallenge: Buffer.alloc(8), targetName: Buffer.alloc(0), targetInfo: ti });
    // pair length runs past the target info
    const over = Buffer.concat([avPair(AvId.MsvAvNbDomainName, u16("CONTOSO")), avEol()]);
    over.writeUInt16LE(200, 2);
    expectNtlmError(mk(over), "BAD_AV_PAIR", /exceeds/);
    // no EOL
    expectNtlmError(mk(avPair(AvId.MsvAvNbDomainName, u16("CONTOSO"))), "BAD_AV_PAIR", /MsvAvEOL/);
    // dangling partial header
    expectNtlmError(mk(hex("0200")), "BAD_AV_PAIR");
    // wrong fixed sizes
    expectNtlmError(mk(Buffer.concat([avPair(AvId.MsvAvTimestamp, Buffer.alloc(4)), avEol()])), "BAD_AV_PAIR", /timestamp/);
    expectNtlmError(mk(Buffer.concat([avPair(AvId.MsvAvFlags, Buffer.alloc(2)), avEol()])), "BAD_AV_PAIR", /flags/);
    // odd-length string
    expectNtlmError(mk(Buffer.concat([avPair(AvId.MsvAvDnsDomainName, hex("414243")), avEol()])), "BAD_AV_PAIR", /odd/);
  });

  it("never throws anything but NtlmError on mutated or truncated input", () => {
    const base = good();
    let seed = 12345;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let i = 0; i < 3000; i++) {
      const m = Buffer.from(base.subarray(0, rnd() % (base.length + 1)));
      const flips = rnd() % 4;
      for (let j = 0; j < flips && m.length > 12; j++) m[12 + (rnd() % (m.length - 12))] = rnd() & 0xff;
      try {
        parseChallengeMessage(m);
      } catch (e) {
        expect(e).toBeInstanceOf(NtlmError);
      }
    }
  });
});

// ---- Type 3 -------------------------------------------------------------------------------------

describe("createAuthenticateMessage — round trip", () => {
  const serverChallenge = hex("a1b2c3d4e5f60718");
  const clientChallenge = hex("1020304050607080");
  const type2 = () => buildType2({ flags: SERVER_FLAGS, serverChallenge, targetName: u16("CONTOSO"), targetInfo: richTargetInfo() });

  it("encodes user/domain/workstation and a verifiable NTLMv2 response", () => {
    const ch = parseChallengeMessage(type2());
    const type3 = createAuthenticateMessage({
      challenge: ch,
      username: "CONTOSO\\alice",
      password: "S3cr3t!ü",
      workstation: "RCA",
      clientChallenge,
    });
    const d = decodeType3(type3);
    expect(d.user.toString("utf16le")).toBe("alice");
    expect(d.domain.toString("utf16le")).toBe("CONTOSO");
    expect(d.workstation.toString("utf16le")).toBe("RCA");
    // MsvAvTimestamp present → LM response is Z(24).
    expect(d.lm).toEqual(Buffer.alloc(24));
    // NTProofStr(16) + header(28) + target info + Z(4)
    expect(d.nt.length).toBe(16 + 28 + richTargetInfo().length + 4);

    const blob = d.nt.subarray(16);
    expect(blob.subarray(0, 8)).toEqual(hex("0101000000000000"));
    expect(blob.readBigUInt64LE(8)).toBe(TS); // server's MsvAvTimestamp reused
    expect(blob.subarray(16, 24)).toEqual(clientChallenge);
    expect(blob.subarray(24, 28)).toEqual(Buffer.alloc(4));
    expect(blob.subarray(28, blob.length - 4)).toEqual(richTargetInfo());
    expect(blob.subarray(blob.length - 4)).toEqual(Buffer.alloc(4));

    // Independent recomputation with the spec formula.
    const ntOwf = hmac(md4(u16("S3cr3t!ü")), u16("ALICE" + "CONTOSO"));
    expect(d.nt.subarray(0, 16)).toEqual(hmac(ntOwf, serverChallenge, blob));

    // A server-side parser (tests/support) reads the same fields back.
    const p = parseAuthenticateMessage(type3);
    expect(p.user).toBe("alice");
    expect(p.domain).toBe("CONTOSO");
    expect(p.workstation).toBe("RCA");
    expect(p.ntChallengeResponse).toEqual(d.nt);
  });

  it("uses the current time when the server sends no MsvAvTimestamp, and sends LMv2", () => {
    const ti = Buffer.concat([avPair(AvId.MsvAvNbDomainName, u16("CONTOSO")), avEol()]);
    const ch = parseChallengeMessage(buildType2({ flags: SERVER_FLAGS, serverChallenge, targetName: u16("CONTOSO"), targetInfo: ti }));
    const before = dateToFiletime(new Date()) - 10_000_000n;
    const type3 = createAuthenticateMessage({ challenge: ch, username: "bob", password: "pw", domain: "CONTOSO", clientChallenge });
    const after = dateToFiletime(new Date()) + 10_000_000n;
    const d = decodeType3(type3);
    const ts = d.nt.readBigUInt64LE(16 + 8);
    expect(ts >= before && ts <= after).toBe(true);
    const ntOwf = hmac(md4(u16("pw")), u16("BOB" + "CONTOSO"));
    expect(d.lm).toEqual(Buffer.concat([hmac(ntOwf, serverChallenge, clientChallenge), clientChallenge]));
  });

  it("explicit timestamp overrides MsvAvTimestamp; random client challenge by default", () => {
    const ch = parseChallengeMessage(type2());
    const when = new Date("2020-01-01T00:00:00Z");
    const a = decodeType3(createAuthenticateMessage({ challenge: ch, username: "u", password: "p", timestamp: when }));
    const b = decodeType3(createAuthenticateMessage({ challenge: ch, username: "u", password: "p", timestamp: when }));
    expect(a.nt.readBigUInt64LE(24)).toBe(dateToFiletime(when));
    expect(a.nt.subarray(32, 40)).not.toEqual(b.nt.subarray(32, 40));
  });

  it("UPN is sent whole with an empty domain by default (like SSPI/curl), or split on request", () => {
    const ch = parseChallengeMessage(type2());
    const whole = parseAuthenticateMessage(createAuthenticateMessage({ challenge: ch, username: "alice@contoso.com", password: "pw", clientChallenge }));
    expect([whole.user, whole.domain]).toEqual(["alice@contoso.com", ""]);
    const split = parseAuthenticateMessage(
      createAuthenticateMessage({ challenge: ch, username: "alice@contoso.com", password: "pw", clientChallenge, upn: "split" }),
    );
    expect([split.user, split.domain]).toEqual(["alice", "contoso.com"]);
    const explicit = parseAuthenticateMessage(
      createAuthenticateMessage({ challenge: ch, username: "OLD\\alice", domain: "NEW", password: "pw", clientChallenge }),
    );
    expect([explicit.user, explicit.domain]).toEqual(["alice", "NEW"]);
  });

  it("falls back to OEM strings when the server does not offer Unicode", () => {
    const flags = (SERVER_FLAGS & ~NtlmFlags.NEGOTIATE_UNICODE) | NtlmFlags.NEGOTIATE_OEM;
    const ch = parseChallengeMessage(buildType2({ flags, serverChallenge, targetName: Buffer.from("CONTOSO"), targetInfo: richTargetInfo() }));
    expect(ch.targetName).toBe("CONTOSO");
    const type3 = createAuthenticateMessage({ challenge: ch, username: "CONTOSO\\alice", password: "pw", workstation: "WS", clientChallenge });
    const d = decodeType3(type3);
    expect(d.flags & NtlmFlags.NEGOTIATE_UNICODE).toBe(0);
    expect(d.flags & NtlmFlags.NEGOTIATE_OEM).not.toBe(0);
    expect(d.user.toString("latin1")).toBe("alice");
    expect(d.domain.toString("latin1")).toBe("CONTOSO");
    expect(verifyNtlmV2Authenticate(type3, serverChallenge, { alice: "pw" }).ok).toBe(true);
  });

  it("rejects bad arguments with NtlmError", () => {
    const ch = parseChallengeMessage(type2());
    expect(() => createAuthenticateMessage({ challenge: ch, username: "u", password: "p", clientChallenge: Buffer.alloc(4) })).toThrow(NtlmError);
    expect(() => createAuthenticateMessage({ challenge: { ...ch, serverChallenge: Buffer.alloc(7) }, username: "u", password: "p" })).toThrow(NtlmError);
  });
});

describe("splitUsername", () => {
  it.each([
    ["CONTOSO\\alice", { domain: "CONTOSO", user: "alice" }],
    ["alice@contoso.com", { domain: "contoso.com", user: "alice" }],
    ["alice", { domain: "", user: "alice" }],
    ["contoso.local\\bob", { domain: "contoso.local", user: "bob" }],
    ["\\bob", { domain: "", user: "bob" }],
    ["@odd", { domain: "", user: "@odd" }],
  ])("%s", (input, expected) => {
    expect(splitUsername(input)).toEqual(expected);
  });
});

// ---- HTTP helpers -------------------------------------------------------------------------------

describe("HTTP header helpers", () => {
  const t2 = buildType2({ flags: SERVER_FLAGS, serverChallenge: Buffer.alloc(8, 7), targetName: u16("D"), targetInfo: avEol() });
  const b64 = t2.toString("base64");

  it("toAuthorizationHeader", () => {
    const t1 = createNegotiateMessage();
    expect(toAuthorizationHeader(t1)).toBe(`NTLM ${t1.toString("base64")}`);
    expect(toAuthorizationHeader(t1, "Negotiate")).toBe(`Negotiate ${t1.toString("base64")}`);
    expect(toAuthorizationHeader(t1)).toBe("NTLM TlRMTVNTUAABAAAAB4IIoAAAAAAgAAAAAAAAACAAAAA=");
  });

  it("challengeFromWwwAuthenticate finds the NTLM challenge", () => {
    expect(challengeFromWwwAuthenticate(["Negotiate", "NTLM"])).toBeUndefined();
    expect(challengeFromWwwAuthenticate([])).toBeUndefined();
    expect(challengeFromWwwAuthenticate(['Basic realm="ex01"', `NTLM ${b64}`])).toEqual(t2);
    expect(challengeFromWwwAuthenticate([`negotiate ${b64}`])).toEqual(t2);
    // comma-joined, as Node's IncomingMessage joins duplicate headers
    expect(challengeFromWwwAuthenticate([`Basic realm="a, b", NTLM ${b64}`])).toEqual(t2);
    // SPNEGO/Kerberos token is not NTLMSSP → ignored
    const spnego = Buffer.from([0xa1, 0x81, 0x9e, 0x30, 0x81]).toString("base64");
    expect(challengeFromWwwAuthenticate([`Negotiate ${spnego}`])).toBeUndefined();
    expect(challengeFromWwwAuthenticate([`Negotiate ${spnego}`, `NTLM ${b64}`])).toEqual(t2);
    expect(challengeFromWwwAuthenticate(["NTLM !!notbase64!!"])).toBeUndefined();
    const parsed = parseChallengeMessage(challengeFromWwwAuthenticate([`NTLM ${b64}`])!);
    expect(parsed.serverChallenge).toEqual(Buffer.alloc(8, 7));
  });
});

// ---- test-support verifier ------------------------------------------------------------------------

describe("verifyNtlmV2Authenticate (tests/support)", () => {
  const serverChallenge = hex("0011223344556677");
  const ch = parseChallengeMessage(buildType2({ flags: SERVER_FLAGS, serverChallenge, targetName: u16("CONTOSO"), targetInfo: richTargetInfo() }));
  const accounts = { alice: "Correct Horse", bob: "pw" };

  it("accepts correct passwords in every username form", () => {
    for (const username of ["alice", "CONTOSO\\Alice", "alice@contoso.com"]) {
      const t3 = createAuthenticateMessage({ challenge: ch, username, password: "Correct Horse" });
      expect(verifyNtlmV2Authenticate(t3, serverChallenge, accounts).ok).toBe(true);
    }
  });

  it("rejects wrong password, unknown user, wrong challenge and garbage", () => {
    const wrong = createAuthenticateMessage({ challenge: ch, username: "CONTOSO\\alice", password: "nope" });
    expect(verifyNtlmV2Authenticate(wrong, serverChallenge, accounts)).toEqual({ ok: false, user: "alice", domain: "CONTOSO" });
    const unknown = createAuthenticateMessage({ challenge: ch, username: "mallory", password: "pw" });
    expect(verifyNtlmV2Authenticate(unknown, serverChallenge, accounts).ok).toBe(false);
    const good = createAuthenticateMessage({ challenge: ch, username: "bob", password: "pw" });
    expect(verifyNtlmV2Authenticate(good, hex("0011223344556678"), accounts).ok).toBe(false);
    expect(verifyNtlmV2Authenticate(Buffer.alloc(10), serverChallenge, accounts).ok).toBe(false);
    expect(verifyNtlmV2Authenticate(createNegotiateMessage(), serverChallenge, accounts).ok).toBe(false);
    const truncated = good.subarray(0, 70);
    expect(verifyNtlmV2Authenticate(truncated, serverChallenge, accounts).ok).toBe(false);
    // Prototype keys are not accounts.
    const proto = createAuthenticateMessage({ challenge: ch, username: "constructor", password: "x" });
    expect(verifyNtlmV2Authenticate(proto, serverChallenge, accounts).ok).toBe(false);
  });
});
