/**
 * MD4 message digest (RFC 1320), pure TypeScript.
 *
 * NTLM needs MD4 for the NT hash, but Node 20 ships OpenSSL 3, where MD4 lives in the "legacy"
 * provider and `crypto.createHash("md4")` may throw. MD4 is cryptographically broken; use it only
 * where a protocol requires it.
 */

function rotl(x: number, n: number): number {
  return ((x << n) | (x >>> (32 - n))) >>> 0;
}

/** Returns the 16-byte MD4 digest of `input` (strings are encoded as UTF-8). */
export function md4(input: Uint8Array | string): Buffer {
  const data = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  const bitLength = BigInt(data.length) * 8n;

  // Pad: 0x80, zeros until length ≡ 56 (mod 64), then the 64-bit little-endian bit length.
  const paddedLength = (((data.length + 8) >>> 6) + 1) << 6;
  const msg = Buffer.alloc(paddedLength);
  msg.set(data, 0);
  msg[data.length] = 0x80;
  msg.writeBigUInt64LE(bitLength & 0xffffffffffffffffn, paddedLength - 8);

  let a = 0x67452301;
  let b = 0xefcdab89;
  let c = 0x98badcfe;
  let d = 0x10325476;

  const x = new Array<number>(16).fill(0);
  const F = (p: number, q: number, r: number) => (p & q) | (~p & r);
  const G = (p: number, q: number, r: number) => (p & q) | (p & r) | (q & r);
  const H = (p: number, q: number, r: number) => p ^ q ^ r;
  const X = (i: number) => x[i] ?? 0;

  for (let off = 0; off < paddedLength; off += 64) {
    for (let i = 0; i < 16; i++) x[i] = msg.readUInt32LE(off + i * 4);
    const aa = a;
    const bb = b;
    const cc = c;
    const dd = d;

    // Round 1
    const r1 = (p: number, q: number, r: number, s: number, k: number, sh: number) => rotl((p + F(q, r, s) + X(k)) >>> 0, sh);
    for (const k of [0, 4, 8, 12]) {
      a = r1(a, b, c, d, k, 3);
      d = r1(d, a, b, c, k + 1, 7);
      c = r1(c, d, a, b, k + 2, 11);
      b = r1(b, c, d, a, k + 3, 19);
    }

    // Round 2
    const r2 = (p: number, q: number, r: number, s: number, k: number, sh: number) => rotl((p + G(q, r, s) + X(k) + 0x5a827999) >>> 0, sh);
    for (const k of [0, 1, 2, 3]) {
      a = r2(a, b, c, d, k, 3);
      d = r2(d, a, b, c, k + 4, 5);
      c = r2(c, d, a, b, k + 8, 9);
      b = r2(b, c, d, a, k + 12, 13);
    }

    // Round 3
    const r3 = (p: number, q: number, r: number, s: number, k: number, sh: number) => rotl((p + H(q, r, s) + X(k) + 0x6ed9eba1) >>> 0, sh);
    for (const k of [0, 2, 1, 3]) {
      a = r3(a, b, c, d, k, 3);
      d = r3(d, a, b, c, k + 8, 9);
      c = r3(c, d, a, b, k + 4, 11);
      b = r3(b, c, d, a, k + 12, 15);
    }

    a = (a + aa) >>> 0;
    b = (b + bb) >>> 0;
    c = (c + cc) >>> 0;
    d = (d + dd) >>> 0;
  }

  const out = Buffer.alloc(16);
  out.writeUInt32LE(a, 0);
  out.writeUInt32LE(b, 4);
  out.writeUInt32LE(c, 8);
  out.writeUInt32LE(d, 12);
  return out;
}
