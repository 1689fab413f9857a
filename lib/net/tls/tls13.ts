/** TLS 1.3 record protection (RFC 8446 §5.2, §5.3, §7.3): decrypts the server's records from a key log traffic secret. */
import { hashLength, hkdfExpandLabel, type HashName } from "./key-schedule";
import { aeadOpen, xorNonce, type AeadCipher, type OpenedRecord, type RecordDecryptor } from "./record-protection";
import { CONTENT_APPLICATION_DATA, hex4, type TlsRecord } from "./records";

/** Largest protected TLS 1.3 record body: 2^14 plaintext + 256 (RFC 8446 §5.2). */
const MAX_TLS13_CIPHERTEXT = 16384 + 256;

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
    if (fragment.length < this.suite.tagLength + 1 || fragment.length > MAX_TLS13_CIPHERTEXT) {
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
