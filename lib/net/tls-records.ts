/**
 * Pure TLS parsing primitives used by ./tls-transcript.ts: record splitting, handshake message
 * reassembly, ServerHello / Certificate / CertificateRequest parsing, NSS key log lines, and record
 * decryption for TLS 1.3 (RFC 8446 §5.2, §7) and TLS 1.0–1.2 (RFC 5246 §6, RFC 5288, RFC 7905, RFC 7366).
 *
 * Everything here works on bytes the remote server sent and must treat them as hostile: functions
 * return `{ error }` (or `undefined`) for malformed input instead of throwing. Only `node:` built-ins.
 */
import { createDecipheriv, createHmac, timingSafeEqual } from "node:crypto";

// ---------------------------------------------------------------------------------------------
// Constants

export const CONTENT_CHANGE_CIPHER_SPEC = 20;
export const CONTENT_ALERT = 21;
export const CONTENT_HANDSHAKE = 22;
export const CONTENT_APPLICATION_DATA = 23;
export const CONTENT_HEARTBEAT = 24;

export const HS_HELLO_REQUEST = 0;
export const HS_SERVER_HELLO = 2;
export const HS_NEW_SESSION_TICKET = 4;
export const HS_ENCRYPTED_EXTENSIONS = 8;
export const HS_CERTIFICATE = 11;
export const HS_CERTIFICATE_REQUEST = 13;
export const HS_FINISHED = 20;
export const HS_KEY_UPDATE = 24;
export const HS_COMPRESSED_CERTIFICATE = 25;

/** Largest record body we accept: 2^14 plaintext + 2048 (RFC 5246 §6.2.3; TLS 1.3 allows only +256). */
export const MAX_RECORD_BODY = 16384 + 2048;
/** Largest handshake message we are willing to buffer (a Certificate message with 20 × 64 KiB certs fits). */
export const MAX_HANDSHAKE_MESSAGE = 2 * 1024 * 1024;

/** ServerHello.random of a TLS 1.3 HelloRetryRequest (RFC 8446 §4.1.3): SHA-256("HelloRetryRequest"). */
const HELLO_RETRY_REQUEST_RANDOM = Buffer.from(
  "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c",
  "hex",
);

export type TlsProtocol = "SSLv3" | "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3";

export function protocolName(version: number): TlsProtocol | undefined {
  switch (version) {
    case 0x0300:
      return "SSLv3";
    case 0x0301:
      return "TLSv1";
    case 0x0302:
      return "TLSv1.1";
    case 0x0303:
      return "TLSv1.2";
    case 0x0304:
      return "TLSv1.3";
    default:
      return undefined;
  }
}

const ALERT_NAMES: Record<number, string> = {
  0: "close_notify",
  10: "unexpected_message",
  20: "bad_record_mac",
  22: "record_overflow",
  40: "handshake_failure",
  42: "bad_certificate",
  43: "unsupported_certificate",
  44: "certificate_revoked",
  45: "certificate_expired",
  46: "certificate_unknown",
  47: "illegal_parameter",
  48: "unknown_ca",
  49: "access_denied",
  50: "decode_error",
  51: "decrypt_error",
  70: "protocol_version",
  71: "insufficient_security",
  80: "internal_error",
  86: "inappropriate_fallback",
  90: "user_canceled",
  100: "no_renegotiation",
  109: "missing_extension",
  110: "unsupported_extension",
  112: "unrecognized_name",
  116: "certificate_required",
  120: "no_application_protocol",
};

export function alertName(description: number): string {
  return ALERT_NAMES[description] ?? `alert ${description}`;
}

// ---------------------------------------------------------------------------------------------
// Records

export interface TlsRecord {
  /** Outer content type (20..24). */
  type: number;
  /** Record-layer legacy version, e.g. 0x0303. */
  version: number;
  /** The 5-byte record header (TLS 1.3 AEAD additional data). */
  header: Buffer;
  fragment: Buffer;
}

export interface SplitResult {
  records: TlsRecord[];
  /** Bytes after the last complete record (an incomplete record, or nothing). */
  rest: Buffer;
  /** Set when the bytes stop looking like TLS records; `records` holds everything before that. */
  error?: string;
}

/** Split a byte stream into TLS records (RFC 5246 §6.2.1 / RFC 8446 §5.1). Never throws. */
export function splitRecords(data: Buffer): SplitResult {
  const records: TlsRecord[] = [];
  let off = 0;
  while (data.length - off >= 5) {
    const type = data[off]!;
    const version = data.readUInt16BE(off + 1);
    const length = data.readUInt16BE(off + 3);
    if (type < CONTENT_CHANGE_CIPHER_SPEC || type > CONTENT_HEARTBEAT || version >> 8 !== 3) {
      return {
        records,
        rest: data.subarray(off),
        error: `not a TLS record at byte ${off}: ${describeBytes(data.subarray(off, off + 16))}`,
      };
    }
    if (length > MAX_RECORD_BODY) {
      return { records, rest: data.subarray(off), error: `TLS record at byte ${off} is too long (${length} bytes)` };
    }
    if (data.length - off < 5 + length) break;
    records.push({
      type,
      version,
      header: data.subarray(off, off + 5),
      fragment: data.subarray(off + 5, off + 5 + length),
    });
    off += 5 + length;
  }
  return { records, rest: data.subarray(off) };
}

/** Short human description of unexpected bytes: printable ASCII is quoted, otherwise hex. */
export function describeBytes(bytes: Buffer): string {
  if (bytes.length === 0) return "(no bytes)";
  const printable = bytes.every((b) => (b >= 0x20 && b < 0x7f) || b === 0x0d || b === 0x0a || b === 0x09);
  if (printable) return `text ${JSON.stringify(bytes.toString("latin1"))}`;
  return `bytes ${bytes.toString("hex")}`;
}

// ---------------------------------------------------------------------------------------------
// Handshake messages

export interface HandshakeMessage {
  type: number;
  body: Buffer;
}

/**
 * Reassembles handshake messages from the contents of handshake records: a message may span
 * records and a record may carry several messages (RFC 5246 §6.2.1, RFC 8446 §5.1).
 */
export class HandshakeReassembler {
  private chunks: Buffer[] = [];
  private length = 0;
  /** Bytes needed before the next message is complete (4 until its header is known). */
  private needed = 4;

  /** Bytes of an incomplete message waiting for more records. */
  get pending(): number {
    return this.length;
  }

  push(fragment: Buffer): { messages: HandshakeMessage[]; error?: string } {
    if (fragment.length > 0) {
      this.chunks.push(fragment);
      this.length += fragment.length;
    }
    const messages: HandshakeMessage[] = [];
    if (this.length < this.needed) return this.checkHeader(messages);
    // Concatenate only once a message is complete, so a message spread over many records costs O(n).
    const buffer = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.length);
    let off = 0;
    while (buffer.length - off >= 4) {
      const length = buffer.readUIntBE(off + 1, 3);
      if (length > MAX_HANDSHAKE_MESSAGE || buffer.length - off < 4 + length) break;
      messages.push({ type: buffer[off]!, body: buffer.subarray(off + 4, off + 4 + length) });
      off += 4 + length;
    }
    const rest = buffer.subarray(off);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    return this.checkHeader(messages);
  }

  private checkHeader(messages: HandshakeMessage[]): { messages: HandshakeMessage[]; error?: string } {
    this.needed = 4;
    if (this.length < 4) return { messages };
    if (this.chunks[0]!.length < 4) this.chunks = [Buffer.concat(this.chunks, this.length)];
    const head = this.chunks[0]!;
    const length = head.readUIntBE(1, 3);
    if (length > MAX_HANDSHAKE_MESSAGE) {
      this.chunks = [];
      this.length = 0;
      return { messages, error: `handshake message type ${head[0]} claims ${length} bytes (limit ${MAX_HANDSHAKE_MESSAGE})` };
    }
    this.needed = 4 + length;
    return { messages };
  }
}

/** Bounds-checked reader over a handshake message body; every read returns undefined past the end. */
class Reader {
  constructor(
    private readonly buf: Buffer,
    public off = 0,
  ) {}
  get remaining(): number {
    return this.buf.length - this.off;
  }
  u8(): number | undefined {
    if (this.remaining < 1) return undefined;
    return this.buf[this.off++];
  }
  u16(): number | undefined {
    if (this.remaining < 2) return undefined;
    const v = this.buf.readUInt16BE(this.off);
    this.off += 2;
    return v;
  }
  u24(): number | undefined {
    if (this.remaining < 3) return undefined;
    const v = this.buf.readUIntBE(this.off, 3);
    this.off += 3;
    return v;
  }
  bytes(n: number): Buffer | undefined {
    if (n < 0 || this.remaining < n) return undefined;
    const v = this.buf.subarray(this.off, this.off + n);
    this.off += n;
    return v;
  }
  /** A vector with a `lenBytes`-byte length prefix. */
  vec(lenBytes: 1 | 2 | 3): Buffer | undefined {
    const n = lenBytes === 1 ? this.u8() : lenBytes === 2 ? this.u16() : this.u24();
    return n === undefined ? undefined : this.bytes(n);
  }
}

export interface ServerHelloInfo {
  legacyVersion: number;
  /** supported_versions (RFC 8446 §4.2.1) if present, else legacyVersion. */
  version: number;
  random: Buffer;
  cipherSuite: number;
  helloRetryRequest: boolean;
  /** encrypt_then_mac extension (RFC 7366) echoed: CBC records are MAC'd after encryption. */
  encryptThenMac: boolean;
}

export function parseServerHello(body: Buffer): ServerHelloInfo | { error: string } {
  const r = new Reader(body);
  const legacyVersion = r.u16();
  const random = r.bytes(32);
  const sessionId = r.vec(1);
  const cipherSuite = r.u16();
  const compression = r.u8();
  if (legacyVersion === undefined || !random || !sessionId || cipherSuite === undefined || compression === undefined) {
    return { error: "ServerHello is truncated" };
  }
  let version = legacyVersion;
  let encryptThenMac = false;
  if (r.remaining > 0) {
    const extensions = r.vec(2);
    if (!extensions) return { error: "ServerHello extensions are truncated" };
    const e = new Reader(extensions);
    while (e.remaining > 0) {
      const type = e.u16();
      const data = e.vec(2);
      if (type === undefined || !data) return { error: "ServerHello extension list is malformed" };
      if (type === 0x002b) {
        if (data.length !== 2) return { error: "ServerHello supported_versions extension is malformed" };
        version = data.readUInt16BE(0);
      } else if (type === 0x0016) {
        encryptThenMac = true;
      }
    }
  }
  return {
    legacyVersion,
    version,
    random: Buffer.from(random),
    cipherSuite,
    helloRetryRequest: random.equals(HELLO_RETRY_REQUEST_RANDOM),
    encryptThenMac,
  };
}

export interface CertificateListLimits {
  maxCertificates: number;
  maxCertificateBytes: number;
}

/**
 * Parse a Certificate message body. `tls13` selects the RFC 8446 §4.4.2 layout (request context,
 * per-entry extensions) instead of RFC 5246 §7.4.2. Certificates beyond the limits are dropped
 * with a note; structural errors return `error` together with the certificates parsed so far.
 */
export function parseCertificateMessage(
  body: Buffer,
  tls13: boolean,
  limits: CertificateListLimits,
): { certificates: Buffer[]; notes: string[]; error?: string } {
  const certificates: Buffer[] = [];
  const notes: string[] = [];
  const r = new Reader(body);
  if (tls13 && !r.vec(1)) return { certificates, notes, error: "Certificate message is truncated" };
  const list = r.vec(3);
  if (!list) return { certificates, notes, error: "Certificate message is truncated" };
  if (r.remaining !== 0) notes.push("Certificate message has trailing bytes");
  const l = new Reader(list);
  let index = 0;
  let stopped = false;
  while (l.remaining > 0) {
    const der = l.vec(3);
    if (!der) return { certificates, notes, error: `Certificate entry ${index + 1} is truncated` };
    if (tls13 && !l.vec(2)) return { certificates, notes, error: `Certificate entry ${index + 1} extensions are truncated` };
    index++;
    if (stopped) continue;
    if (der.length === 0) {
      notes.push(`certificate ${index} in the Certificate message is empty; later certificates ignored`);
      stopped = true;
    } else if (der.length > limits.maxCertificateBytes) {
      notes.push(
        `certificate ${index} is ${der.length} bytes (limit ${limits.maxCertificateBytes}); it and later certificates ignored`,
      );
      stopped = true;
    } else if (certificates.length >= limits.maxCertificates) {
      notes.push(`server sent more than ${limits.maxCertificates} certificates; only the first ${limits.maxCertificates} kept`);
      stopped = true;
    } else {
      certificates.push(Buffer.from(der));
    }
  }
  return { certificates, notes };
}

/**
 * The certificate_authorities (DER-encoded X.501 Names) in a CertificateRequest body:
 * RFC 5246 §7.4.4 (TLS 1.2), RFC 4346/2246 (TLS 1.0/1.1, no signature algorithms), or the
 * certificate_authorities extension (47) of RFC 8446 §4.3.2 for TLS 1.3.
 */
export function parseCertificateRequest(
  body: Buffer,
  version: number,
  maxNames = 256,
): { authorities: Buffer[]; error?: string } {
  const r = new Reader(body);
  let names: Buffer | undefined;
  if (version >= 0x0304) {
    const context = r.vec(1);
    const extensions = r.vec(2);
    if (!context || !extensions) return { authorities: [], error: "CertificateRequest is truncated" };
    const e = new Reader(extensions);
    while (e.remaining > 0) {
      const type = e.u16();
      const data = e.vec(2);
      if (type === undefined || !data) return { authorities: [], error: "CertificateRequest extensions are malformed" };
      if (type === 47) {
        names = new Reader(data).vec(2);
        if (!names) return { authorities: [], error: "CertificateRequest certificate_authorities is malformed" };
      }
    }
    if (!names) return { authorities: [] };
  } else {
    if (!r.vec(1)) return { authorities: [], error: "CertificateRequest is truncated" };
    if (version >= 0x0303 && !r.vec(2)) return { authorities: [], error: "CertificateRequest is truncated" };
    names = r.vec(2);
    if (!names) return { authorities: [], error: "CertificateRequest certificate_authorities is truncated" };
  }
  const authorities: Buffer[] = [];
  const n = new Reader(names);
  while (n.remaining > 0 && authorities.length < maxNames) {
    const name = n.vec(2);
    if (!name) return { authorities, error: "CertificateRequest distinguished name is truncated" };
    authorities.push(Buffer.from(name));
  }
  return { authorities };
}

// ---------------------------------------------------------------------------------------------
// Key log (NSS key log format, as emitted by Node's `tlsSocket.on("keylog")`)

export interface KeylogEntry {
  label: string;
  clientRandom: Buffer;
  secret: Buffer;
}

/** Parse one key log line (`LABEL <client_random hex> <secret hex>`); undefined if malformed. */
export function parseKeylogLine(line: Buffer | string): KeylogEntry | undefined {
  const text = (typeof line === "string" ? line : line.toString("latin1")).trim();
  if (text.length > 1024) return undefined;
  const parts = text.split(/\s+/);
  if (parts.length !== 3) return undefined;
  const [label, random, secret] = parts as [string, string, string];
  if (!/^[A-Z0-9_]+$/.test(label) || !/^[0-9a-fA-F]{64}$/.test(random) || !/^(?:[0-9a-fA-F]{2}){16,64}$/.test(secret)) {
    return undefined;
  }
  return { label, clientRandom: Buffer.from(random, "hex"), secret: Buffer.from(secret, "hex") };
}

// ---------------------------------------------------------------------------------------------
// Key derivation

type HashName = "sha256" | "sha384";

function hashLength(hash: HashName): number {
  return hash === "sha256" ? 32 : 48;
}

/** HKDF-Expand (RFC 5869 §2.3). */
export function hkdfExpand(hash: HashName, prk: Buffer, info: Buffer, length: number): Buffer {
  const blocks: Buffer[] = [];
  let previous = Buffer.alloc(0);
  let total = 0;
  for (let i = 1; total < length; i++) {
    previous = createHmac(hash, prk).update(previous).update(info).update(Buffer.from([i])).digest();
    blocks.push(previous);
    total += previous.length;
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** HKDF-Expand-Label (RFC 8446 §7.1). */
export function hkdfExpandLabel(hash: HashName, secret: Buffer, label: string, context: Buffer, length: number): Buffer {
  const fullLabel = Buffer.from(`tls13 ${label}`, "latin1");
  const info = Buffer.concat([
    Buffer.from([length >> 8, length & 0xff, fullLabel.length]),
    fullLabel,
    Buffer.from([context.length]),
    context,
  ]);
  return hkdfExpand(hash, secret, info, length);
}

/** P_hash (RFC 5246 §5). */
function pHash(hash: string, secret: Buffer, seed: Buffer, length: number): Buffer {
  const out: Buffer[] = [];
  let total = 0;
  let a = seed;
  while (total < length) {
    a = createHmac(hash, secret).update(a).digest();
    const block = createHmac(hash, secret).update(a).update(seed).digest();
    out.push(block);
    total += block.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

/** TLS PRF: RFC 5246 §5 for TLS 1.2 (`hash`), RFC 2246 §5 (MD5 ⊕ SHA-1) for TLS 1.0/1.1. */
export function tlsPrf(version: number, hash: HashName, secret: Buffer, label: string, seed: Buffer, length: number): Buffer {
  const labelSeed = Buffer.concat([Buffer.from(label, "latin1"), seed]);
  if (version >= 0x0303) return pHash(hash, secret, labelSeed, length);
  const half = Math.ceil(secret.length / 2);
  const md5 = pHash("md5", secret.subarray(0, half), labelSeed, length);
  const sha1 = pHash("sha1", secret.subarray(secret.length - half), labelSeed, length);
  for (let i = 0; i < length; i++) md5[i] = md5[i]! ^ sha1[i]!;
  return md5;
}

function sequenceBytes(seq: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(seq);
  return b;
}

function xorNonce(iv: Buffer, seq: bigint): Buffer {
  const nonce = Buffer.from(iv);
  const s = sequenceBytes(seq);
  for (let i = 0; i < 8; i++) nonce[nonce.length - 8 + i] = nonce[nonce.length - 8 + i]! ^ s[i]!;
  return nonce;
}

type AeadCipher = "aes-128-gcm" | "aes-256-gcm" | "chacha20-poly1305" | "aes-128-ccm";

function aeadOpen(
  cipher: AeadCipher,
  key: Buffer,
  nonce: Buffer,
  aad: Buffer,
  ciphertext: Buffer,
  tag: Buffer,
): Buffer | undefined {
  try {
    if (cipher === "aes-128-ccm") {
      const d = createDecipheriv(cipher, key, nonce, { authTagLength: tag.length as 8 | 16 });
      d.setAuthTag(tag);
      d.setAAD(aad, { plaintextLength: ciphertext.length });
      const out = d.update(ciphertext);
      d.final();
      return out;
    }
    if (cipher === "chacha20-poly1305") {
      const d = createDecipheriv(cipher, key, nonce, { authTagLength: 16 });
      d.setAAD(aad, { plaintextLength: ciphertext.length });
      d.setAuthTag(tag);
      return Buffer.concat([d.update(ciphertext), d.final()]);
    }
    const d = createDecipheriv(cipher, key, nonce, { authTagLength: 16 });
    d.setAAD(aad);
    d.setAuthTag(tag);
    return Buffer.concat([d.update(ciphertext), d.final()]);
  } catch {
    return undefined;
  }
}

/** Result of opening one protected record: the inner content type and plaintext, or why not. */
export type OpenedRecord = { type: number; content: Buffer } | { error: string };

/** Decrypts one direction's records under one key; keeps the record sequence number. */
export interface RecordDecryptor {
  open(record: TlsRecord): OpenedRecord;
}

// ---------------------------------------------------------------------------------------------
// TLS 1.3

interface Tls13Suite {
  name: string;
  cipher: AeadCipher;
  keyLength: number;
  tagLength: number;
  hash: HashName;
}

const TLS13_SUITES: Record<number, Tls13Suite> = {
  0x1301: { name: "TLS_AES_128_GCM_SHA256", cipher: "aes-128-gcm", keyLength: 16, tagLength: 16, hash: "sha256" },
  0x1302: { name: "TLS_AES_256_GCM_SHA384", cipher: "aes-256-gcm", keyLength: 32, tagLength: 16, hash: "sha384" },
  0x1303: { name: "TLS_CHACHA20_POLY1305_SHA256", cipher: "chacha20-poly1305", keyLength: 32, tagLength: 16, hash: "sha256" },
  0x1304: { name: "TLS_AES_128_CCM_SHA256", cipher: "aes-128-ccm", keyLength: 16, tagLength: 16, hash: "sha256" },
  0x1305: { name: "TLS_AES_128_CCM_8_SHA256", cipher: "aes-128-ccm", keyLength: 16, tagLength: 8, hash: "sha256" },
};

/** TLS 1.3 record protection for one traffic secret (RFC 8446 §5.2, §5.3, §7.3). */
export class Tls13Decryptor implements RecordDecryptor {
  private readonly key: Buffer;
  private readonly iv: Buffer;
  private seq = 0n;

  private constructor(
    private readonly suite: Tls13Suite,
    readonly secret: Buffer,
  ) {
    this.key = hkdfExpandLabel(suite.hash, secret, "key", Buffer.alloc(0), suite.keyLength);
    this.iv = hkdfExpandLabel(suite.hash, secret, "iv", Buffer.alloc(0), 12);
  }

  static create(cipherSuite: number, secret: Buffer): Tls13Decryptor | { error: string } {
    const suite = TLS13_SUITES[cipherSuite];
    if (!suite) return { error: `TLS 1.3 cipher suite 0x${hex4(cipherSuite)} is not supported for decryption` };
    if (secret.length !== hashLength(suite.hash)) {
      return { error: `key log secret has ${secret.length} bytes, ${suite.name} needs ${hashLength(suite.hash)}` };
    }
    return new Tls13Decryptor(suite, secret);
  }

  /** The decryptor for the next generation after a KeyUpdate (RFC 8446 §7.2). */
  next(): Tls13Decryptor {
    const hash = this.suite.hash;
    return new Tls13Decryptor(this.suite, hkdfExpandLabel(hash, this.secret, "traffic upd", Buffer.alloc(0), hashLength(hash)));
  }

  open(record: TlsRecord): OpenedRecord {
    if (record.type !== CONTENT_APPLICATION_DATA) {
      return { error: `TLS 1.3 protected record has outer content type ${record.type}` };
    }
    const { fragment } = record;
    if (fragment.length < this.suite.tagLength + 1 || fragment.length > 16384 + 256) {
      return { error: `TLS 1.3 protected record has invalid length ${fragment.length}` };
    }
    const nonce = xorNonce(this.iv, this.seq);
    const cut = fragment.length - this.suite.tagLength;
    const plain = aeadOpen(this.suite.cipher, this.key, nonce, record.header, fragment.subarray(0, cut), fragment.subarray(cut));
    if (!plain) return { error: `TLS 1.3 record ${this.seq} did not decrypt (wrong key log secret?)` };
    this.seq++;
    // TLSInnerPlaintext: content || ContentType || zeros (RFC 8446 §5.2).
    let end = plain.length;
    while (end > 0 && plain[end - 1] === 0) end--;
    if (end === 0) return { error: "TLS 1.3 record has no inner content type" };
    return { type: plain[end - 1]!, content: plain.subarray(0, end - 1) };
  }
}

// ---------------------------------------------------------------------------------------------
// TLS 1.0–1.2

interface Tls12Suite {
  mode: "gcm" | "chacha" | "cbc";
  cipher: string;
  keyLength: number;
  /** Fixed IV from the key block: GCM salt (4), ChaCha nonce (12), CBC block (TLS 1.0 only). */
  fixedIvLength: number;
  blockLength: number;
  mac?: "sha1" | "sha256" | "sha384";
  prf: HashName;
}

const gcm = (bits: 128 | 256, prf: HashName): Tls12Suite => ({
  mode: "gcm",
  cipher: `aes-${bits}-gcm`,
  keyLength: bits / 8,
  fixedIvLength: 4,
  blockLength: 0,
  prf,
});
const cbc = (cipher: string, keyLength: number, blockLength: number, mac: "sha1" | "sha256" | "sha384"): Tls12Suite => ({
  mode: "cbc",
  cipher,
  keyLength,
  fixedIvLength: blockLength,
  blockLength,
  mac,
  prf: mac === "sha384" ? "sha384" : "sha256",
});
const CHACHA: Tls12Suite = { mode: "chacha", cipher: "chacha20-poly1305", keyLength: 32, fixedIvLength: 12, blockLength: 0, prf: "sha256" };
const AES128_SHA = cbc("aes-128-cbc", 16, 16, "sha1");
const AES256_SHA = cbc("aes-256-cbc", 32, 16, "sha1");
const AES128_SHA256 = cbc("aes-128-cbc", 16, 16, "sha256");
const AES256_SHA256 = cbc("aes-256-cbc", 32, 16, "sha256");
const AES256_SHA384 = cbc("aes-256-cbc", 32, 16, "sha384");
const DES3_SHA = cbc("des-ede3-cbc", 24, 8, "sha1");

/** The TLS ≤1.2 suites we can decrypt (RSA, DHE and ECDHE key exchange; AES-GCM, ChaCha20, AES/3DES-CBC). */
const TLS12_SUITES: Record<number, Tls12Suite> = {
  0x009c: gcm(128, "sha256"),
  0x009d: gcm(256, "sha384"),
  0x009e: gcm(128, "sha256"),
  0x009f: gcm(256, "sha384"),
  0xc02b: gcm(128, "sha256"),
  0xc02c: gcm(256, "sha384"),
  0xc02f: gcm(128, "sha256"),
  0xc030: gcm(256, "sha384"),
  0xcca8: CHACHA,
  0xcca9: CHACHA,
  0xccaa: CHACHA,
  0x002f: AES128_SHA,
  0x0033: AES128_SHA,
  0xc009: AES128_SHA,
  0xc013: AES128_SHA,
  0x0035: AES256_SHA,
  0x0039: AES256_SHA,
  0xc00a: AES256_SHA,
  0xc014: AES256_SHA,
  0x003c: AES128_SHA256,
  0x0067: AES128_SHA256,
  0xc023: AES128_SHA256,
  0xc027: AES128_SHA256,
  0x003d: AES256_SHA256,
  0x006b: AES256_SHA256,
  0xc024: AES256_SHA384,
  0xc028: AES256_SHA384,
  0x000a: DES3_SHA,
  0x0016: DES3_SHA,
  0xc008: DES3_SHA,
  0xc012: DES3_SHA,
};

const MAC_LENGTH = { sha1: 20, sha256: 32, sha384: 48 } as const;

/** Server-to-client record protection for TLS 1.0–1.2 from the master secret (RFC 5246 §6.3). */
export class Tls12Decryptor implements RecordDecryptor {
  private seq = 0n;
  private readonly macKey: Buffer;
  private readonly key: Buffer;
  private iv: Buffer;

  private constructor(
    private readonly suite: Tls12Suite,
    private readonly version: number,
    private readonly encryptThenMac: boolean,
    keyBlock: Buffer,
  ) {
    const macLength = suite.mac ? MAC_LENGTH[suite.mac] : 0;
    let off = macLength; // client_write_MAC_key
    this.macKey = keyBlock.subarray(off, off + macLength);
    off += macLength + suite.keyLength; // client_write_key
    this.key = keyBlock.subarray(off, off + suite.keyLength);
    off += suite.keyLength + suite.fixedIvLength; // client_write_IV
    this.iv = keyBlock.subarray(off, off + suite.fixedIvLength);
  }

  static create(params: {
    version: number;
    cipherSuite: number;
    encryptThenMac: boolean;
    masterSecret: Buffer;
    clientRandom: Buffer;
    serverRandom: Buffer;
  }): Tls12Decryptor | { error: string } {
    const suite = TLS12_SUITES[params.cipherSuite];
    if (params.version < 0x0301 || params.version > 0x0303) {
      return { error: `records of protocol 0x${hex4(params.version)} cannot be decrypted` };
    }
    if (!suite) return { error: `cipher suite 0x${hex4(params.cipherSuite)} is not supported for decryption` };
    if (suite.mode !== "cbc" && params.version < 0x0303) {
      return { error: `AEAD cipher suite 0x${hex4(params.cipherSuite)} with a protocol before TLS 1.2` };
    }
    if (params.masterSecret.length !== 48) return { error: "key log master secret is not 48 bytes" };
    const macLength = suite.mac ? MAC_LENGTH[suite.mac] : 0;
    const length = 2 * (macLength + suite.keyLength + suite.fixedIvLength);
    const keyBlock = tlsPrf(
      params.version,
      suite.prf,
      params.masterSecret,
      "key expansion",
      Buffer.concat([params.serverRandom, params.clientRandom]),
      length,
    );
    return new Tls12Decryptor(suite, params.version, params.encryptThenMac, keyBlock);
  }

  open(record: TlsRecord): OpenedRecord {
    const result = this.openInner(record);
    if (!("error" in result)) this.seq++;
    return result;
  }

  private additionalData(record: TlsRecord, length: number): Buffer {
    const aad = Buffer.alloc(13);
    sequenceBytes(this.seq).copy(aad, 0);
    aad[8] = record.type;
    aad.writeUInt16BE(record.version, 9);
    aad.writeUInt16BE(length, 11);
    return aad;
  }

  private openInner(record: TlsRecord): OpenedRecord {
    const { fragment } = record;
    const { suite } = this;
    const failed = { error: `TLS record ${this.seq} after ChangeCipherSpec did not decrypt (wrong key log secret?)` };
    if (suite.mode === "gcm" || suite.mode === "chacha") {
      const explicit = suite.mode === "gcm" ? 8 : 0;
      if (fragment.length < explicit + 16) return { error: "encrypted TLS record is too short" };
      const ciphertext = fragment.subarray(explicit, fragment.length - 16);
      const nonce =
        suite.mode === "gcm" ? Buffer.concat([this.iv, fragment.subarray(0, 8)]) : xorNonce(this.iv, this.seq);
      const plain = aeadOpen(
        suite.cipher as AeadCipher,
        this.key,
        nonce,
        this.additionalData(record, ciphertext.length),
        ciphertext,
        fragment.subarray(fragment.length - 16),
      );
      return plain ? { type: record.type, content: plain } : failed;
    }
    // CBC, MAC-then-encrypt (RFC 5246 §6.2.3.2) or encrypt-then-MAC (RFC 7366).
    const mac = suite.mac!;
    const macLength = MAC_LENGTH[mac];
    let body = fragment;
    if (this.encryptThenMac) {
      if (body.length < macLength) return { error: "encrypted TLS record is too short" };
      const cut = body.length - macLength;
      const expected = createHmac(mac, this.macKey)
        .update(this.additionalData(record, cut))
        .update(body.subarray(0, cut))
        .digest();
      if (!timingSafeEqual(expected, body.subarray(cut))) return failed;
      body = body.subarray(0, cut);
    }
    const explicitIv = this.version >= 0x0302;
    let iv = this.iv;
    if (explicitIv) {
      iv = body.subarray(0, suite.blockLength);
      body = body.subarray(suite.blockLength);
    }
    if (body.length === 0 || body.length % suite.blockLength !== 0) return { error: "encrypted TLS record has a bad length" };
    let plain: Buffer;
    try {
      const d = createDecipheriv(suite.cipher, this.key, iv);
      d.setAutoPadding(false);
      plain = Buffer.concat([d.update(body), d.final()]);
    } catch {
      return { error: `cipher ${suite.cipher} is not available in this Node.js build` };
    }
    if (!explicitIv) this.iv = Buffer.from(body.subarray(body.length - suite.blockLength));
    const padding = plain[plain.length - 1]!;
    if (padding + 1 > plain.length) return failed;
    for (let i = plain.length - 1 - padding; i < plain.length; i++) if (plain[i] !== padding) return failed;
    plain = plain.subarray(0, plain.length - 1 - padding);
    if (this.encryptThenMac) return { type: record.type, content: plain };
    if (plain.length < macLength) return failed;
    const content = plain.subarray(0, plain.length - macLength);
    const expected = createHmac(mac, this.macKey)
      .update(this.additionalData(record, content.length))
      .update(content)
      .digest();
    if (!timingSafeEqual(expected, plain.subarray(content.length))) return failed;
    return { type: record.type, content };
  }
}

export function hex4(n: number): string {
  return n.toString(16).padStart(4, "0");
}
