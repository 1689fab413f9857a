/**
 * TLS 1.0–1.2 record protection (RFC 5246 §6, RFC 5288, RFC 7905, RFC 7366): decrypts the server's records after its
 * ChangeCipherSpec from the key log master secret, for the AES-GCM, ChaCha20-Poly1305 and AES/3DES-CBC suites.
 */
import { createDecipheriv, createHmac, timingSafeEqual } from "node:crypto";
import { tlsPrf, type HashName } from "./key-schedule";
import { aeadOpen, sequenceBytes, xorNonce, type AeadCipher, type OpenedRecord, type RecordDecryptor } from "./record-protection";
import { hex4, type TlsRecord } from "./records";

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
    const keyBlock = tlsPrf(params.version, suite.prf, params.masterSecret, "key expansion", Buffer.concat([params.serverRandom, params.clientRandom]), length);
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
      const nonce = suite.mode === "gcm" ? Buffer.concat([this.iv, fragment.subarray(0, 8)]) : xorNonce(this.iv, this.seq);
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
      const expected = createHmac(mac, this.macKey).update(this.additionalData(record, cut)).update(body.subarray(0, cut)).digest();
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
    const expected = createHmac(mac, this.macKey).update(this.additionalData(record, content.length)).update(content).digest();
    if (!timingSafeEqual(expected, plain.subarray(content.length))) return failed;
    return { type: record.type, content };
  }
}
