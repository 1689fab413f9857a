/** What TLS 1.2 and TLS 1.3 record decryption share: AEAD opening, per-record nonces, the decryptor interface. */
import { createDecipheriv } from "node:crypto";
import type { TlsRecord } from "./records";

/** The 64-bit record sequence number, big-endian (AEAD additional data, MAC input). */
export function sequenceBytes(seq: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(seq);
  return b;
}

/** Per-record nonce: the fixed IV XOR the padded sequence number (RFC 8446 §5.3, RFC 7905 §2). */
export function xorNonce(iv: Buffer, seq: bigint): Buffer {
  const nonce = Buffer.from(iv);
  const s = sequenceBytes(seq);
  for (let i = 0; i < 8; i++) nonce[nonce.length - 8 + i] = nonce[nonce.length - 8 + i]! ^ s[i]!;
  return nonce;
}

export type AeadCipher = "aes-128-gcm" | "aes-256-gcm" | "chacha20-poly1305" | "aes-128-ccm";

export function aeadOpen(cipher: AeadCipher, key: Buffer, nonce: Buffer, aad: Buffer, ciphertext: Buffer, tag: Buffer): Buffer | undefined {
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
