/**
 * Minimal, dependency-free NTLM (MS-NLMP) client for HTTP authentication (NTLMv2 only).
 *
 * Flow: send `Authorization: NTLM <createNegotiateMessage()>`, read the server's Type 2 from
 * `WWW-Authenticate` (`challengeFromWwwAuthenticate`), parse it (`parseChallengeMessage`), then send
 * `Authorization: NTLM <createAuthenticateMessage(...)>` on the same keep-alive connection.
 *
 * Deliberately out of scope: NTLMv1/LM responses, session security (signing/sealing), key
 * exchange and the MIC (like curl, we send none of these; servers accept that for HTTP auth).
 *
 * MD4 comes from ./md4 because OpenSSL 3 builds of Node may not provide it.
 */
import { createHash, createHmac, randomBytes } from "node:crypto";
import { md4 } from "./md4";

// ---------------------------------------------------------------------------------------------
// Constants

export const NTLM_SIGNATURE = Buffer.from("NTLMSSP\0", "latin1");

/** NegotiateFlags (MS-NLMP 2.2.2.5). */
export const NtlmFlags = {
  NEGOTIATE_UNICODE: 0x00000001,
  NEGOTIATE_OEM: 0x00000002,
  REQUEST_TARGET: 0x00000004,
  NEGOTIATE_SIGN: 0x00000010,
  NEGOTIATE_SEAL: 0x00000020,
  NEGOTIATE_DATAGRAM: 0x00000040,
  NEGOTIATE_LM_KEY: 0x00000080,
  NEGOTIATE_NTLM: 0x00000200,
  ANONYMOUS: 0x00000800,
  NEGOTIATE_OEM_DOMAIN_SUPPLIED: 0x00001000,
  NEGOTIATE_OEM_WORKSTATION_SUPPLIED: 0x00002000,
  NEGOTIATE_ALWAYS_SIGN: 0x00008000,
  TARGET_TYPE_DOMAIN: 0x00010000,
  TARGET_TYPE_SERVER: 0x00020000,
  NEGOTIATE_EXTENDED_SESSIONSECURITY: 0x00080000,
  NEGOTIATE_IDENTIFY: 0x00100000,
  REQUEST_NON_NT_SESSION_KEY: 0x00400000,
  NEGOTIATE_TARGET_INFO: 0x00800000,
  NEGOTIATE_VERSION: 0x02000000,
  NEGOTIATE_128: 0x20000000,
  NEGOTIATE_KEY_EXCH: 0x40000000,
  NEGOTIATE_56: 0x80000000,
} as const;

/** AV_PAIR ids (MS-NLMP 2.2.2.1). */
export const AvId = {
  MsvAvEOL: 0,
  MsvAvNbComputerName: 1,
  MsvAvNbDomainName: 2,
  MsvAvDnsComputerName: 3,
  MsvAvDnsDomainName: 4,
  MsvAvDnsTreeName: 5,
  MsvAvFlags: 6,
  MsvAvTimestamp: 7,
  MsvAvSingleHost: 8,
  MsvAvTargetName: 9,
  MsvAvChannelBindings: 10,
} as const;

/**
 * Flags of our Type 1. Matches what plain HTTP clients (curl, SSPI without signing/sealing)
 * send, plus UNICODE/128/56 which every current server negotiates anyway. No KEY_EXCH/SIGN/SEAL:
 * HTTP auth uses no session security.
 */
export const NEGOTIATE_FLAGS =
  (NtlmFlags.NEGOTIATE_UNICODE |
    NtlmFlags.NEGOTIATE_OEM |
    NtlmFlags.REQUEST_TARGET |
    NtlmFlags.NEGOTIATE_NTLM |
    NtlmFlags.NEGOTIATE_ALWAYS_SIGN |
    NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY |
    NtlmFlags.NEGOTIATE_128 |
    NtlmFlags.NEGOTIATE_56) >>>
  0;

/** Milliseconds between 1601-01-01 (FILETIME epoch) and 1970-01-01. */
const FILETIME_EPOCH_OFFSET_MS = 11644473600000n;

// ---------------------------------------------------------------------------------------------
// Errors

export type NtlmErrorCode = "BAD_SIGNATURE" | "BAD_MESSAGE_TYPE" | "TRUNCATED" | "BAD_FIELD" | "BAD_AV_PAIR" | "BAD_ARGUMENT";

export class NtlmError extends Error {
  readonly code: NtlmErrorCode;
  constructor(code: NtlmErrorCode, message: string) {
    super(message);
    this.name = "NtlmError";
    this.code = code;
  }
}

// ---------------------------------------------------------------------------------------------
// Types

export interface AvPair {
  id: number;
  value: Buffer;
}

export interface TargetInfo {
  nbComputerName?: string;
  nbDomainName?: string;
  dnsComputerName?: string;
  dnsDomainName?: string;
  dnsTreeName?: string;
  /** MsvAvFlags (32-bit). */
  flags?: number;
  /** MsvAvTimestamp as a raw FILETIME (100 ns ticks since 1601-01-01 UTC). */
  timestamp?: bigint;
  /** MsvAvTargetName (SPN). */
  targetName?: string;
  singleHost?: Buffer;
  channelBindings?: Buffer;
}

export interface NtlmVersion {
  major: number;
  minor: number;
  build: number;
  ntlmRevision: number;
}

export interface ChallengeMessage {
  flags: number;
  /** 8 bytes. */
  serverChallenge: Buffer;
  targetName: string;
  /** Raw TargetInfo bytes (AV pairs including MsvAvEOL); copied verbatim into the NTLMv2 blob. */
  targetInfo: Buffer;
  /** All AV pairs in wire order, excluding MsvAvEOL. */
  avPairs: AvPair[];
  /** Decoded well-known AV pairs (first occurrence wins). */
  info: TargetInfo;
  version?: NtlmVersion;
}

export interface AuthenticateOptions {
  challenge: ChallengeMessage;
  /** `user`, `DOMAIN\user` or `user@upn.suffix` (see `upn`). */
  username: string;
  password: string;
  /** Overrides the domain parsed from `DOMAIN\user`. Default: parsed domain or "". */
  domain?: string;
  /** Default "" (we do not leak the analyzer's host name). */
  workstation?: string;
  /** 8 bytes; random by default. */
  clientChallenge?: Buffer;
  /** Overrides MsvAvTimestamp / current time. FILETIME bigint or Date. */
  timestamp?: bigint | Date;
  /**
   * How to send `user@suffix` when no `domain` is given. "whole" (default, like Windows SSPI and
   * curl): UserName = "user@suffix", DomainName = "" (the DC resolves the UPN, which also works
   * with alternate UPN suffixes). "split": UserName = "user", DomainName = "suffix".
   */
  upn?: "whole" | "split";
  /**
   * MsvAvChannelBindings (16 bytes, see `tlsServerEndPointBindings`): binds the answer to the TLS connection.
   * Servers with Extended Protection for Authentication (Exchange 2019 CU14+ by default) require it.
   */
  channelBindings?: Buffer;
}

export interface NtlmV2Response {
  /** HMAC-MD5(NTOWFv2, serverChallenge || blob), 16 bytes. */
  ntProofStr: Buffer;
  /** The "temp" blob: 0x0101 header, timestamp, client challenge, target info, padding. */
  blob: Buffer;
  /** NtChallengeResponse = ntProofStr || blob. */
  ntChallengeResponse: Buffer;
  /** LmChallengeResponse (LMv2) = HMAC-MD5(NTOWFv2, serverChallenge || clientChallenge) || clientChallenge. */
  lmChallengeResponse: Buffer;
  /** SessionBaseKey = HMAC-MD5(NTOWFv2, ntProofStr). */
  sessionBaseKey: Buffer;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function hmacMd5(key: Buffer, ...data: Buffer[]): Buffer {
  const h = createHmac("md5", key);
  for (const d of data) h.update(d);
  return h.digest();
}

function utf16(s: string): Buffer {
  return Buffer.from(s, "utf16le");
}

/** Reads an 8-byte security buffer (len u16, maxLen u16, offset u32) and bounds-checks it. */
function readSecurityBuffer(buf: Buffer, at: number, field: string): Buffer {
  if (at + 8 > buf.length) {
    throw new NtlmError("TRUNCATED", `NTLM message truncated: ${field} header at offset ${at} is past the end (${buf.length} bytes)`);
  }
  const len = buf.readUInt16LE(at);
  const offset = buf.readUInt32LE(at + 4);
  if (len === 0) return Buffer.alloc(0);
  if (offset > buf.length || len > buf.length - offset) {
    throw new NtlmError("BAD_FIELD", `NTLM message malformed: ${field} (offset ${offset}, length ${len}) extends beyond the ${buf.length}-byte message`);
  }
  return Buffer.from(buf.subarray(offset, offset + len));
}

function decodeString(b: Buffer, unicode: boolean, field: string): string {
  if (!unicode) return b.toString("latin1");
  if (b.length % 2 !== 0) {
    throw new NtlmError("BAD_FIELD", `NTLM message malformed: ${field} has odd length ${b.length} for UTF-16LE`);
  }
  return b.toString("utf16le");
}

function checkHeader(buf: Buffer, expectedType: number, minLength: number, what: string): void {
  if (!Buffer.isBuffer(buf)) throw new NtlmError("BAD_ARGUMENT", `${what}: expected a Buffer`);
  if (buf.length < 12) {
    throw new NtlmError("TRUNCATED", `${what} truncated: ${buf.length} bytes, need at least ${minLength}`);
  }
  if (!buf.subarray(0, 8).equals(NTLM_SIGNATURE)) {
    throw new NtlmError("BAD_SIGNATURE", `${what}: missing "NTLMSSP\\0" signature`);
  }
  const type = buf.readUInt32LE(8);
  if (type !== expectedType) {
    throw new NtlmError("BAD_MESSAGE_TYPE", `${what}: message type ${type}, expected ${expectedType}`);
  }
  if (buf.length < minLength) {
    throw new NtlmError("TRUNCATED", `${what} truncated: ${buf.length} bytes, need at least ${minLength}`);
  }
}

export function dateToFiletime(d: Date): bigint {
  return (BigInt(d.getTime()) + FILETIME_EPOCH_OFFSET_MS) * 10000n;
}

// ---------------------------------------------------------------------------------------------
// Usernames

/**
 * Splits `DOMAIN\user` or `user@domain` into its parts; a plain `user` gets domain "".
 * Only the first separator counts (`A\b\c` → domain "A", user "b\c").
 */
export function splitUsername(input: string): { domain: string; user: string } {
  const bs = input.indexOf("\\");
  if (bs >= 0) return { domain: input.slice(0, bs), user: input.slice(bs + 1) };
  const at = input.lastIndexOf("@");
  if (at > 0) return { domain: input.slice(at + 1), user: input.slice(0, at) };
  return { domain: "", user: input };
}

// ---------------------------------------------------------------------------------------------
// Type 1

/** NEGOTIATE_MESSAGE (Type 1), 32 bytes: no domain, no workstation, no version. */
export function createNegotiateMessage(): Buffer {
  const buf = Buffer.alloc(32);
  NTLM_SIGNATURE.copy(buf, 0);
  buf.writeUInt32LE(1, 8);
  buf.writeUInt32LE(NEGOTIATE_FLAGS, 12);
  // DomainNameFields and WorkstationFields: empty, offset pointing at the (empty) payload.
  buf.writeUInt32LE(32, 20);
  buf.writeUInt32LE(32, 28);
  return buf;
}

// ---------------------------------------------------------------------------------------------
// Type 2

/** Parses TargetInfo AV pairs; throws NtlmError on any structural problem. */
export function parseAvPairs(targetInfo: Buffer): { pairs: AvPair[]; info: TargetInfo } {
  const pairs: AvPair[] = [];
  const info: TargetInfo = {};
  let pos = 0;
  for (;;) {
    if (pos + 4 > targetInfo.length) {
      throw new NtlmError("BAD_AV_PAIR", `NTLM target info malformed: no MsvAvEOL terminator (ran out at byte ${pos} of ${targetInfo.length})`);
    }
    const id = targetInfo.readUInt16LE(pos);
    const len = targetInfo.readUInt16LE(pos + 2);
    pos += 4;
    if (len > targetInfo.length - pos) {
      throw new NtlmError("BAD_AV_PAIR", `NTLM target info malformed: AV pair ${id} length ${len} exceeds remaining ${targetInfo.length - pos} bytes`);
    }
    if (id === AvId.MsvAvEOL) break;
    const value = Buffer.from(targetInfo.subarray(pos, pos + len));
    pos += len;
    pairs.push({ id, value });

    const str = (field: keyof TargetInfo): string => {
      if (len % 2 !== 0) throw new NtlmError("BAD_AV_PAIR", `NTLM target info malformed: ${String(field)} has odd length ${len}`);
      return value.toString("utf16le");
    };
    const fixed = (field: keyof TargetInfo, n: number): void => {
      if (len !== n) throw new NtlmError("BAD_AV_PAIR", `NTLM target info malformed: ${String(field)} must be ${n} bytes, got ${len}`);
    };
    switch (id) {
      case AvId.MsvAvNbComputerName:
        info.nbComputerName ??= str("nbComputerName");
        break;
      case AvId.MsvAvNbDomainName:
        info.nbDomainName ??= str("nbDomainName");
        break;
      case AvId.MsvAvDnsComputerName:
        info.dnsComputerName ??= str("dnsComputerName");
        break;
      case AvId.MsvAvDnsDomainName:
        info.dnsDomainName ??= str("dnsDomainName");
        break;
      case AvId.MsvAvDnsTreeName:
        info.dnsTreeName ??= str("dnsTreeName");
        break;
      case AvId.MsvAvTargetName:
        info.targetName ??= str("targetName");
        break;
      case AvId.MsvAvFlags:
        fixed("flags", 4);
        info.flags ??= value.readUInt32LE(0);
        break;
      case AvId.MsvAvTimestamp:
        fixed("timestamp", 8);
        info.timestamp ??= value.readBigUInt64LE(0);
        break;
      case AvId.MsvAvSingleHost:
        info.singleHost ??= value;
        break;
      case AvId.MsvAvChannelBindings:
        fixed("channelBindings", 16);
        info.channelBindings ??= value;
        break;
      default:
        // Unknown ids are kept in `pairs` and otherwise ignored.
        break;
    }
  }
  return { pairs, info };
}

/** Parses a CHALLENGE_MESSAGE (Type 2). Every offset/length is validated; throws NtlmError. */
export function parseChallengeMessage(buf: Buffer): ChallengeMessage {
  // 32 bytes is the oldest (NTLMv1-era) layout: no Reserved/TargetInfo fields.
  checkHeader(buf, 2, 32, "NTLM challenge message");
  const flags = buf.readUInt32LE(20);
  const serverChallenge = Buffer.from(buf.subarray(24, 32));
  const unicode = (flags & NtlmFlags.NEGOTIATE_UNICODE) !== 0;

  const targetNameRaw = readSecurityBuffer(buf, 12, "TargetName");
  const targetName = decodeString(targetNameRaw, unicode, "TargetName");

  let targetInfo: Buffer = Buffer.alloc(0);
  let avPairs: AvPair[] = [];
  let info: TargetInfo = {};
  if (buf.length >= 48) {
    targetInfo = readSecurityBuffer(buf, 40, "TargetInfo");
    if (targetInfo.length > 0) {
      const parsed = parseAvPairs(targetInfo);
      avPairs = parsed.pairs;
      info = parsed.info;
    }
  }

  let version: NtlmVersion | undefined;
  if ((flags & NtlmFlags.NEGOTIATE_VERSION) !== 0 && buf.length >= 56) {
    // Only trust the Version field if no payload starts inside it.
    const offsets = [buf.readUInt16LE(12) > 0 ? buf.readUInt32LE(16) : Infinity, buf.readUInt16LE(40) > 0 ? buf.readUInt32LE(44) : Infinity];
    if (Math.min(...offsets) >= 56) {
      version = {
        major: buf.readUInt8(48),
        minor: buf.readUInt8(49),
        build: buf.readUInt16LE(50),
        ntlmRevision: buf.readUInt8(55),
      };
    }
  }

  return { flags, serverChallenge, targetName, targetInfo, avPairs, info, ...(version ? { version } : {}) };
}

// ---------------------------------------------------------------------------------------------
// NTLMv2 computations (MS-NLMP 3.3.2)

/** NT hash: MD4(UTF-16LE(password)). */
export function ntHash(password: string): Buffer {
  return md4(utf16(password));
}

/** NTOWFv2 = HMAC-MD5(MD4(UTF-16LE(password)), UTF-16LE(UPPER(user) + domain)). */
export function ntowfv2(password: string, user: string, domain: string): Buffer {
  return hmacMd5(ntHash(password), utf16(user.toUpperCase() + domain));
}

/** Computes NTProofStr, blob, NT/LMv2 responses and session base key. */
export function computeNtlmV2Response(params: {
  responseKey: Buffer;
  serverChallenge: Buffer;
  clientChallenge: Buffer;
  /** FILETIME. */
  timestamp: bigint;
  targetInfo: Buffer;
}): NtlmV2Response {
  const { responseKey, serverChallenge, clientChallenge, timestamp, targetInfo } = params;
  if (serverChallenge.length !== 8) throw new NtlmError("BAD_ARGUMENT", "server challenge must be 8 bytes");
  if (clientChallenge.length !== 8) throw new NtlmError("BAD_ARGUMENT", "client challenge must be 8 bytes");

  // temp = RespType(1) HiRespType(1) Z(6) Time(8) ClientChallenge(8) Z(4) ServerName Z(4)
  const blob = Buffer.alloc(28 + targetInfo.length + 4);
  blob[0] = 0x01;
  blob[1] = 0x01;
  blob.writeBigUInt64LE(timestamp & 0xffffffffffffffffn, 8);
  clientChallenge.copy(blob, 16);
  targetInfo.copy(blob, 28);

  const ntProofStr = hmacMd5(responseKey, serverChallenge, blob);
  const lmChallengeResponse = Buffer.concat([hmacMd5(responseKey, serverChallenge, clientChallenge), clientChallenge]);
  return {
    ntProofStr,
    blob,
    ntChallengeResponse: Buffer.concat([ntProofStr, blob]),
    lmChallengeResponse,
    sessionBaseKey: hmacMd5(responseKey, ntProofStr),
  };
}

// ---------------------------------------------------------------------------------------------
// Type 3

/** Resolves the UserName/DomainName actually sent (and used in NTOWFv2). */
export function resolveCredentials(username: string, domain?: string, upn: "whole" | "split" = "whole"): { user: string; domain: string } {
  if (username.includes("\\")) {
    const s = splitUsername(username);
    return { user: s.user, domain: domain ?? s.domain };
  }
  if (domain === undefined && upn === "split" && username.lastIndexOf("@") > 0) {
    return splitUsername(username);
  }
  return { user: username, domain: domain ?? "" };
}

/** AUTHENTICATE_MESSAGE (Type 3) with NTLMv2 responses. No MIC, no Version, no session key. */
export function createAuthenticateMessage(opts: AuthenticateOptions): Buffer {
  const { challenge, password } = opts;
  if (!challenge || !Buffer.isBuffer(challenge.serverChallenge) || challenge.serverChallenge.length !== 8) {
    throw new NtlmError("BAD_ARGUMENT", "createAuthenticateMessage: challenge.serverChallenge must be 8 bytes");
  }
  const clientChallenge = opts.clientChallenge ?? randomBytes(8);
  if (clientChallenge.length !== 8) throw new NtlmError("BAD_ARGUMENT", "clientChallenge must be 8 bytes");

  const { user, domain } = resolveCredentials(opts.username, opts.domain, opts.upn);
  const workstation = opts.workstation ?? "";

  const timestamp =
    opts.timestamp instanceof Date ? dateToFiletime(opts.timestamp) : (opts.timestamp ?? challenge.info.timestamp ?? dateToFiletime(new Date()));

  const responseKey = ntowfv2(password, user, domain);
  const v2 = computeNtlmV2Response({
    responseKey,
    serverChallenge: challenge.serverChallenge,
    clientChallenge,
    timestamp,
    targetInfo: opts.channelBindings ? withChannelBindings(challenge.targetInfo, opts.channelBindings) : challenge.targetInfo,
  });
  // MS-NLMP 3.1.5.1.2: with MsvAvTimestamp present the client sends Z(24) instead of LMv2.
  const lmResponse = challenge.info.timestamp !== undefined ? Buffer.alloc(24) : v2.lmChallengeResponse;

  // Unicode unless the server only offered OEM.
  const unicode = (challenge.flags & NtlmFlags.NEGOTIATE_UNICODE) !== 0 || (challenge.flags & NtlmFlags.NEGOTIATE_OEM) === 0;
  const enc = (s: string) => (unicode ? utf16(s) : Buffer.from(s, "latin1"));
  let flags = (challenge.flags & NEGOTIATE_FLAGS) | NtlmFlags.NEGOTIATE_NTLM;
  flags &= ~(NtlmFlags.NEGOTIATE_UNICODE | NtlmFlags.NEGOTIATE_OEM);
  flags |= unicode ? NtlmFlags.NEGOTIATE_UNICODE : NtlmFlags.NEGOTIATE_OEM;
  if ((challenge.flags & NtlmFlags.NEGOTIATE_TARGET_INFO) !== 0) flags |= NtlmFlags.NEGOTIATE_TARGET_INFO;
  flags >>>= 0;

  const fields: Buffer[] = [lmResponse, v2.ntChallengeResponse, enc(domain), enc(user), enc(workstation), Buffer.alloc(0)];
  for (const f of fields) {
    if (f.length > 0xffff) throw new NtlmError("BAD_ARGUMENT", "createAuthenticateMessage: a field exceeds 65535 bytes");
  }
  const headerLen = 64;
  const header = Buffer.alloc(headerLen);
  NTLM_SIGNATURE.copy(header, 0);
  header.writeUInt32LE(3, 8);
  let offset = headerLen;
  fields.forEach((f, i) => {
    const at = 12 + i * 8;
    header.writeUInt16LE(f.length, at);
    header.writeUInt16LE(f.length, at + 2);
    header.writeUInt32LE(offset, at + 4);
    offset += f.length;
  });
  header.writeUInt32LE(flags, 60);
  return Buffer.concat([header, ...fields]);
}

/**
 * The MsvAvChannelBindings value for a TLS connection (RFC 5929 tls-server-end-point, as SSPI computes it):
 * MD5 of a gss_channel_bindings_struct with no addresses and application data
 * "tls-server-end-point:" + hash of the server certificate (SHA-256 when it is signed with MD5 or SHA-1).
 */
export function tlsServerEndPointBindings(serverCertificateDer: Buffer, signatureHash: string | undefined): Buffer {
  const hash = signatureHash === "SHA-384" ? "sha384" : signatureHash === "SHA-512" ? "sha512" : "sha256";
  const applicationData = Buffer.concat([Buffer.from("tls-server-end-point:", "latin1"), createHash(hash).update(serverCertificateDer).digest()]);
  const struct = Buffer.alloc(20);
  struct.writeUInt32LE(applicationData.length, 16); // initiator and acceptor address types and lengths stay 0
  return createHash("md5")
    .update(Buffer.concat([struct, applicationData]))
    .digest();
}

/** Target info with MsvAvChannelBindings set (replacing any), before MsvAvEOL. */
export function withChannelBindings(targetInfo: Buffer, channelBindings: Buffer): Buffer {
  if (channelBindings.length !== 16) throw new NtlmError("BAD_ARGUMENT", "channelBindings must be 16 bytes");
  const kept = parseAvPairs(targetInfo).pairs.filter((pair) => pair.id !== AvId.MsvAvEOL && pair.id !== AvId.MsvAvChannelBindings);
  const encode = (id: number, value: Buffer) => {
    const header = Buffer.alloc(4);
    header.writeUInt16LE(id, 0);
    header.writeUInt16LE(value.length, 2);
    return Buffer.concat([header, value]);
  };
  return Buffer.concat([...kept.map((pair) => encode(pair.id, pair.value)), encode(AvId.MsvAvChannelBindings, channelBindings), Buffer.alloc(4)]);
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers

/** `NTLM <base64>` (or `Negotiate <base64>`) for the Authorization header. */
export function toAuthorizationHeader(message: Buffer, scheme = "NTLM"): string {
  return `${scheme} ${message.toString("base64")}`;
}

const CHALLENGE_TOKEN = /^(NTLM|Negotiate)\s+([A-Za-z0-9+/]+={0,2})$/i;

/**
 * Finds the first `NTLM <base64>` / `Negotiate <base64>` challenge whose payload is an NTLMSSP
 * message. Accepts one header value per entry or comma-joined values (as Node joins duplicates).
 * Returns the decoded bytes (not yet parsed) or undefined.
 */
export function challengeFromWwwAuthenticate(values: readonly string[] | string | undefined): Buffer | undefined {
  if (values === undefined) return undefined;
  const list = typeof values === "string" ? [values] : values;
  for (const value of list) {
    if (typeof value !== "string") continue;
    // base64 never contains commas, so splitting on them is safe for the tokens we care about.
    for (const part of value.split(",")) {
      const m = CHALLENGE_TOKEN.exec(part.trim());
      const payload = m?.[2];
      if (!payload) continue;
      const bytes = Buffer.from(payload, "base64");
      if (bytes.length >= NTLM_SIGNATURE.length && bytes.subarray(0, 8).equals(NTLM_SIGNATURE)) return bytes;
    }
  }
  return undefined;
}
