/**
 * A minimal DER reader for the two structures path validation needs as raw bytes and @peculiar/x509 doesn't model:
 * NameConstraints (RFC 5280 4.2.1.10) and the iPAddress octets of a Subject Alternative Name.
 */

export interface Tlv {
  /** The identifier octet as sent (class, constructed bit and tag number). */
  tag: number;
  contents: Uint8Array;
}

/** Context-specific tag number n, as an identifier octet, primitive or constructed. */
export const contextTag = (n: number, constructed = false): number => 0x80 | (constructed ? 0x20 : 0) | n;
export const SEQUENCE = 0x30;

/** Every TLV laid end to end in `bytes`; throws on anything malformed (truncated, indefinite or oversized lengths). */
export function readTlvs(bytes: Uint8Array): Tlv[] {
  const items: Tlv[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const tag = bytes[offset]!;
    if ((tag & 0x1f) === 0x1f) throw new Error("DER: multi-byte tags are not used by these structures");
    let length = bytes[offset + 1];
    if (length === undefined) throw new Error("DER: truncated length");
    let cursor = offset + 2;
    if (length & 0x80) {
      const octets = length & 0x7f;
      if (octets === 0 || octets > 4) throw new Error("DER: unsupported length encoding");
      length = 0;
      for (let i = 0; i < octets; i++) {
        const next = bytes[cursor++];
        if (next === undefined) throw new Error("DER: truncated length");
        length = length * 256 + next;
      }
    }
    const end = cursor + length;
    if (end > bytes.length) throw new Error("DER: value runs past the end");
    items.push({ tag, contents: bytes.subarray(cursor, end) });
    offset = end;
  }
  return items;
}

/** The contents of the single TLV `bytes` holds, which must carry `tag`. */
export function readOne(bytes: Uint8Array, tag: number): Uint8Array {
  const [only, ...rest] = readTlvs(bytes);
  if (!only || rest.length > 0 || only.tag !== tag) throw new Error(`DER: expected one element with tag 0x${tag.toString(16)}`);
  return only.contents;
}
