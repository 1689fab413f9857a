/**
 * TLS handshake messages (RFC 5246 §7.4, RFC 8446 §4): reassembly across records, and the server messages the
 * analyzer reads (ServerHello, Certificate, CertificateRequest). Hostile input yields `{ error }`, never a throw.
 */
import { LIMITS } from "../limits";

export const HS_SERVER_HELLO = 2;
export const HS_CERTIFICATE = 11;
export const HS_CERTIFICATE_REQUEST = 13;
export const HS_FINISHED = 20;
export const HS_KEY_UPDATE = 24;
export const HS_COMPRESSED_CERTIFICATE = 25;

/** ServerHello.random of a TLS 1.3 HelloRetryRequest (RFC 8446 §4.1.3): SHA-256("HelloRetryRequest"). */
const HELLO_RETRY_REQUEST_RANDOM = Buffer.from("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c", "hex");

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
      if (length > LIMITS.tlsHandshakeMessageBytes || buffer.length - off < 4 + length) break;
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
    if (length > LIMITS.tlsHandshakeMessageBytes) {
      this.chunks = [];
      this.length = 0;
      return { messages, error: `handshake message type ${head[0]} claims ${length} bytes (limit ${LIMITS.tlsHandshakeMessageBytes})` };
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
      notes.push(`certificate ${index} is ${der.length} bytes (limit ${limits.maxCertificateBytes}); it and later certificates ignored`);
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
  maxNames: number = LIMITS.certificateAuthorities,
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
