/**
 * TLS record layer (RFC 5246 §6.2.1 / RFC 8446 §5.1): content types, protocol and alert names, and splitting a
 * byte stream into records. The bytes come from the remote server and are hostile: nothing here throws.
 */

export const CONTENT_CHANGE_CIPHER_SPEC = 20;
export const CONTENT_ALERT = 21;
export const CONTENT_HANDSHAKE = 22;
export const CONTENT_APPLICATION_DATA = 23;
export const CONTENT_HEARTBEAT = 24;

/** Largest record body we accept: 2^14 plaintext + 2048 (RFC 5246 §6.2.3; TLS 1.3 allows only +256). */
export const MAX_RECORD_BODY = 16384 + 2048;

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

export function hex4(n: number): string {
  return n.toString(16).padStart(4, "0");
}
