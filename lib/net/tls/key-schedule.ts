/** Key derivation: HKDF-Expand-Label for TLS 1.3 (RFC 8446 §7.1) and the TLS PRF for TLS 1.0–1.2 (RFC 5246 §5, RFC 2246 §5). */
import { createHmac } from "node:crypto";

export type HashName = "sha256" | "sha384";

export function hashLength(hash: HashName): number {
  return hash === "sha256" ? 32 : 48;
}

/** HKDF-Expand (RFC 5869 §2.3). */
export function hkdfExpand(hash: HashName, prk: Buffer, info: Buffer, length: number): Buffer {
  const blocks: Buffer[] = [];
  let previous = Buffer.alloc(0);
  let total = 0;
  for (let i = 1; total < length; i++) {
    previous = createHmac(hash, prk)
      .update(previous)
      .update(info)
      .update(Buffer.from([i]))
      .digest();
    blocks.push(previous);
    total += previous.length;
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** HKDF-Expand-Label (RFC 8446 §7.1). */
export function hkdfExpandLabel(hash: HashName, secret: Buffer, label: string, context: Buffer, length: number): Buffer {
  const fullLabel = Buffer.from(`tls13 ${label}`, "latin1");
  const info = Buffer.concat([Buffer.from([length >> 8, length & 0xff, fullLabel.length]), fullLabel, Buffer.from([context.length]), context]);
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
