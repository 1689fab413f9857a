import { createHash, createPublicKey, verify, type KeyObject } from "node:crypto";
import { BasicOCSPResponse, id_pkix_ocsp_basic, OCSPResponse, OCSPResponseStatus } from "@peculiar/asn1-ocsp";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { Certificate } from "@peculiar/asn1-x509";
import type { ParsedCertificate } from "@/lib/cert/parse";
import { LIMITS } from "@/lib/net/limits";

/**
 * Signed Certificate Timestamps (RFC 6962 §3.2, §3.3): a log's promise to publish a certificate. A server hands them
 * to clients in three ways: embedded in the certificate (an X.509v3 extension), in a stapled OCSP response (an
 * extension of the SingleResponse), or in the TLS signed_certificate_timestamp extension (only when the client asks).
 */

/** The certificate extension holding embedded SCTs (RFC 6962 §3.3). */
export const EMBEDDED_SCT_OID = "1.3.6.1.4.1.11129.2.4.2";
/** The OCSP SingleResponse extension holding SCTs (RFC 6962 §3.3). */
export const OCSP_SCT_OID = "1.3.6.1.4.1.11129.2.4.5";

export type SctSource = "embedded" | "ocsp" | "tls";

export interface Sct {
  /** 0 is v1, the only version RFC 6962 defines. */
  version: number;
  /** SHA-256 of the log's public key, base64 (as in the log list). */
  logId: string;
  /** When the log saw the certificate (milliseconds since the epoch). */
  timestamp: number;
  /** The SCT's extensions, as sent (empty in practice). */
  extensions: Buffer;
  /** TLS HashAlgorithm and SignatureAlgorithm codes (RFC 5246 §7.4.1.4.1). */
  hashAlgorithm: number;
  signatureAlgorithm: number;
  signature: Buffer;
}

const HASHES: Record<number, string> = { 1: "md5", 2: "sha1", 3: "sha224", 4: "sha256", 5: "sha384", 6: "sha512" };
const SIGNATURES: Record<number, string> = { 0: "anonymous", 1: "RSA", 2: "DSA", 3: "ECDSA" };

/** "ECDSA with SHA-256", as the step shows it. */
export function sctAlgorithmName(sct: Pick<Sct, "hashAlgorithm" | "signatureAlgorithm">): string {
  const signature = SIGNATURES[sct.signatureAlgorithm] ?? `signature algorithm ${sct.signatureAlgorithm}`;
  const hash = HASHES[sct.hashAlgorithm]?.toUpperCase().replace("SHA", "SHA-") ?? `hash ${sct.hashAlgorithm}`;
  return `${signature} with ${hash}`;
}

/** A reader over TLS-encoded bytes (RFC 5246 §4): big-endian integers and length-prefixed vectors. */
class TlsReader {
  private offset = 0;
  constructor(private readonly bytes: Buffer) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  uint(size: 1 | 2 | 3 | 8): number {
    if (this.offset + size > this.bytes.length) throw new Error("SCT: truncated");
    const value = size === 8 ? Number(this.bytes.readBigUInt64BE(this.offset)) : this.bytes.readUIntBE(this.offset, size);
    this.offset += size;
    return value;
  }

  bytesOf(length: number): Buffer {
    if (this.offset + length > this.bytes.length) throw new Error("SCT: truncated");
    const value = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  vector(lengthSize: 1 | 2 | 3): Buffer {
    return this.bytesOf(this.uint(lengthSize));
  }
}

/**
 * The SCTs of a TLS-encoded SignedCertificateTimestampList (RFC 6962 §3.3): a 2-byte length, then each SCT with a
 * 2-byte length. An SCT of an unknown version is skipped (RFC 6962 §3.2: clients ignore versions they don't know);
 * anything malformed throws.
 */
export function parseSctList(list: Buffer): Sct[] {
  const outer = new TlsReader(list);
  const body = new TlsReader(outer.vector(2));
  if (!outer.done) throw new Error("SCT list: trailing bytes");
  const scts: Sct[] = [];
  while (!body.done) {
    const raw = body.vector(2);
    if (scts.length >= LIMITS.sctsPerSource) continue;
    const reader = new TlsReader(raw);
    const version = reader.uint(1);
    if (version !== 0) continue;
    const logId = reader.bytesOf(32).toString("base64");
    const timestamp = reader.uint(8);
    const extensions = reader.vector(2);
    const hashAlgorithm = reader.uint(1);
    const signatureAlgorithm = reader.uint(1);
    const signature = reader.vector(2);
    if (!reader.done) throw new Error("SCT: trailing bytes");
    scts.push({ version, logId, timestamp, extensions, hashAlgorithm, signatureAlgorithm, signature });
  }
  return scts;
}

/** The SCT list inside an extension's value: a DER OCTET STRING wrapping the TLS encoding (RFC 6962 §3.3). */
export function parseSctExtensionValue(extnValue: ArrayBuffer | Buffer): Sct[] {
  const inner = AsnConvert.parse(extnValue, OctetString);
  return parseSctList(Buffer.from(inner.buffer));
}

/** The SCTs embedded in a certificate; an empty list when it has no SCT extension. Throws when the extension is malformed. */
export function embeddedScts(cert: ParsedCertificate): Sct[] {
  const asn = AsnConvert.parse(cert.der, Certificate);
  const extension = asn.tbsCertificate.extensions?.find((ext) => ext.extnID === EMBEDDED_SCT_OID);
  return extension ? parseSctExtensionValue(extension.extnValue.buffer) : [];
}

/**
 * The SCTs of a stapled OCSP response about `leaf`: the SCT extension of the SingleResponse whose serial number is the
 * leaf's. An empty list when the response carries none; throws when it isn't a readable basic OCSP response.
 */
export function stapledScts(ocspResponse: Buffer, leaf: ParsedCertificate): Sct[] {
  if (ocspResponse.length > LIMITS.ocspResponseBytes) throw new Error("OCSP response too large");
  const response = AsnConvert.parse(ocspResponse, OCSPResponse);
  if (response.responseStatus !== OCSPResponseStatus.successful || response.responseBytes?.responseType !== id_pkix_ocsp_basic) return [];
  const basic = AsnConvert.parse(response.responseBytes.response.buffer, BasicOCSPResponse);
  const serial = Buffer.from(AsnConvert.parse(leaf.der, Certificate).tbsCertificate.serialNumber);
  const single = basic.tbsResponseData.responses
    .slice(0, LIMITS.chainCertificates)
    .find((candidate) => Buffer.from(candidate.certID.serialNumber).equals(serial));
  const extension = single?.singleExtensions?.find((ext) => ext.extnID === OCSP_SCT_OID);
  return extension ? parseSctExtensionValue(extension.extnValue.buffer) : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Signature verification (RFC 6962 §3.2)

export type SctVerification = "verified" | "invalid" | "unverifiable";

/**
 * Checks an SCT's signature with the log's key (its SubjectPublicKeyInfo, DER). An embedded SCT signs the
 * precertificate: the certificate's TBSCertificate without the SCT extension, and the SHA-256 hash of the issuer's
 * public key (RFC 6962 §3.2). This holds whether the precertificate was signed by the CA itself or by a Precertificate
 * Signing Certificate, since in both cases the final certificate names the real CA as issuer. An SCT from OCSP or TLS
 * signs the certificate itself (an x509_entry). "unverifiable": an embedded SCT without the issuer, or a key or
 * algorithm Node can't use.
 */
export function verifySct(sct: Sct, source: SctSource, logKey: Buffer, leaf: ParsedCertificate, issuer: ParsedCertificate | undefined): SctVerification {
  const hash = HASHES[sct.hashAlgorithm];
  if (!hash || hash === "md5" || (sct.signatureAlgorithm !== 1 && sct.signatureAlgorithm !== 3)) return "unverifiable";
  let key: KeyObject;
  let entry: Buffer;
  try {
    key = createPublicKey({ key: logKey, format: "der", type: "spki" });
    if (source === "embedded") {
      if (!issuer) return "unverifiable";
      const issuerKeyHash = createHash("sha256")
        .update(issuer.node.publicKey.export({ format: "der", type: "spki" }))
        .digest();
      entry = Buffer.concat([uint(1, 2), issuerKeyHash, vector(3, precertificateTbs(leaf.der))]);
    } else {
      entry = Buffer.concat([uint(0, 2), vector(3, leaf.der)]);
    }
  } catch {
    return "unverifiable";
  }
  // digitally-signed struct { Version sct_version; SignatureType certificate_timestamp(0); uint64 timestamp; LogEntryType entry_type; … ; CtExtensions extensions; }
  const signed = Buffer.concat([uint(sct.version, 1), uint(0, 1), uint64(sct.timestamp), entry, vector(2, sct.extensions)]);
  try {
    return verify(hash, signed, key, sct.signature) ? "verified" : "invalid";
  } catch {
    return "invalid";
  }
}

function uint(value: number, size: number): Buffer {
  const buffer = Buffer.alloc(size);
  buffer.writeUIntBE(value, 0, size);
  return buffer;
}

function uint64(value: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(value));
  return buffer;
}

function vector(lengthSize: number, bytes: Buffer): Buffer {
  return Buffer.concat([uint(bytes.length, lengthSize), bytes]);
}

// ---------------------------------------------------------------------------------------------------------------
// The precertificate's TBSCertificate: byte surgery on the DER, so everything but the SCT extension stays as signed

interface DerElement {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

function readElement(bytes: Buffer, offset: number): DerElement {
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  if (tag === undefined || length === undefined) throw new Error("DER: truncated");
  let cursor = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 4) throw new Error("DER: unsupported length");
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + (bytes[cursor++] ?? Number.NaN);
    if (Number.isNaN(length)) throw new Error("DER: truncated");
  }
  const end = cursor + length;
  if (end > bytes.length) throw new Error("DER: value runs past the end");
  return { tag, start: offset, contentStart: cursor, end };
}

function children(bytes: Buffer, parent: DerElement): DerElement[] {
  const list: DerElement[] = [];
  for (let offset = parent.contentStart; offset < parent.end;) {
    const element = readElement(bytes, offset);
    list.push(element);
    offset = element.end;
  }
  return list;
}

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return Buffer.from([0x80 | octets.length, ...octets]);
}

function wrap(tag: number, contents: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(contents.length), contents]);
}

/** The DER of the OID 1.3.6.1.4.1.11129.2.4.2 as it appears inside an Extension. */
const EMBEDDED_SCT_OID_DER = Buffer.from("060a2b06010401d679020402", "hex");

/** The certificate's TBSCertificate with the embedded SCT extension removed (and the Extensions wrapper if it is left empty). */
export function precertificateTbs(certificateDer: Buffer): Buffer {
  const certificate = readElement(certificateDer, 0);
  const tbs = children(certificateDer, certificate)[0];
  if (!tbs) throw new Error("DER: no TBSCertificate");
  const fields = children(certificateDer, tbs);
  const parts: Buffer[] = [];
  for (const field of fields) {
    if (field.tag !== 0xa3) {
      parts.push(certificateDer.subarray(field.start, field.end));
      continue;
    }
    const sequence = children(certificateDer, field)[0];
    if (!sequence) throw new Error("DER: empty extensions");
    const kept = children(certificateDer, sequence).filter((extension) => {
      const oid = children(certificateDer, extension)[0];
      return !oid || !certificateDer.subarray(oid.start, oid.end).equals(EMBEDDED_SCT_OID_DER);
    });
    if (kept.length > 0) parts.push(wrap(0xa3, wrap(0x30, Buffer.concat(kept.map((extension) => certificateDer.subarray(extension.start, extension.end))))));
  }
  return wrap(0x30, Buffer.concat(parts));
}
