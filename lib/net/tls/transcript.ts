/**
 * Reads the bytes a server sent on one TLS connection: the chain as sent, whether (and where) it asked for a client
 * certificate, protocol and cipher suite. Node's `getPeerCertificate(true)` re-orders and drops certificates and
 * never says whether the server sent a CertificateRequest, hence this parser.
 *
 * What can be seen:
 * - TLS ≤1.2: the handshake up to the server's ChangeCipherSpec is plaintext (ServerHello,
 *   Certificate, CertificateRequest). Everything after it is encrypted; it is decrypted from the
 *   `CLIENT_RANDOM` key log line when the cipher suite is one we implement (AES-GCM, ChaCha20-Poly1305,
 *   AES/3DES-CBC with SHA-1/SHA-256/SHA-384 HMAC, both MAC-then-encrypt and encrypt-then-MAC). That
 *   is what makes a renegotiation-based client certificate request visible (HelloRequest, then
 *   ServerHello … CertificateRequest inside the encrypted stream; IIS does this for
 *   "Accept/Require client certificates" unless the binding negotiates client certificates up
 *   front). Without the key log line, or with another suite (RC4, CAMELLIA, …), parsing stops at the
 *   ChangeCipherSpec with a note and such a request is NOT seen.
 * - TLS 1.3: everything after ServerHello is encrypted; decrypted from the
 *   `SERVER_HANDSHAKE_TRAFFIC_SECRET` / `SERVER_TRAFFIC_SECRET_0` key log lines (key updates are
 *   followed). Without them only protocol and cipher suite are known.
 *
 * The server is untrusted: nothing here throws for malformed input; parsing stops with a note.
 * Pure parsing, no network of its own.
 */
import { LIMITS } from "../limits";
import {
  HandshakeReassembler,
  HS_CERTIFICATE,
  HS_CERTIFICATE_REQUEST,
  HS_COMPRESSED_CERTIFICATE,
  HS_FINISHED,
  HS_KEY_UPDATE,
  HS_SERVER_HELLO,
  parseCertificateMessage,
  parseCertificateRequest,
  parseServerHello,
  type HandshakeMessage,
  type ServerHelloInfo,
} from "./handshake";
import {
  alertName,
  CONTENT_ALERT,
  CONTENT_APPLICATION_DATA,
  CONTENT_CHANGE_CIPHER_SPEC,
  CONTENT_HANDSHAKE,
  CONTENT_HEARTBEAT,
  hex4,
  protocolName,
  splitRecords,
  type TlsProtocol,
  type TlsRecord,
} from "./records";
import { Tls12Decryptor } from "./tls12";
import { Tls13Decryptor } from "./tls13";
import type { KeylogEntry } from "./keylog";
import type { RecordDecryptor } from "./record-protection";

export interface TranscriptFacts {
  /** DER certificates in the order the server sent them in its first Certificate message. */
  certificates: Buffer[];
  /** The server sent a CertificateRequest (asked for a client certificate) anywhere we could see. */
  certificateRequested: boolean;
  /** Where the first CertificateRequest was: initial handshake, ≤1.2 renegotiation, or TLS 1.3 post-handshake. */
  certificateRequestedIn?: "handshake" | "renegotiation" | "post-handshake";
  /** DER-encoded distinguished names of the acceptable client-certificate issuers in that request (may be empty). */
  certificateAuthorities: Buffer[];
  /** Negotiated protocol from the (first) ServerHello. */
  protocol?: TlsProtocol;
  /** Negotiated cipher suite (IANA number) from the (first) ServerHello. */
  cipherSuite?: number;
  /** Why something could not be seen or parsed. Empty when the transcript was fully understood. */
  notes: string[];
}

export interface AnalyzeOptions {
  /** At most this many certificates are kept (default LIMITS.chainCertificates). */
  maxCertificates?: number;
  /** Certificates larger than this stop certificate collection (default LIMITS.certificateBytes). */
  maxCertificateBytes?: number;
  /** The recorded bytes are a prefix of what the server sent (adds a note if parsing reached the end). */
  truncated?: boolean;
}

/**
 * Parse the bytes a server sent on one TLS connection (from its first byte), decrypting with the
 * client's key log lines where possible. Pure; never throws.
 */
export function analyzeServerTranscript(data: Buffer, keylog: readonly KeylogEntry[] = [], options: AnalyzeOptions = {}): TranscriptFacts {
  const facts: TranscriptFacts = { certificates: [], certificateRequested: false, certificateAuthorities: [], notes: [] };
  try {
    new TranscriptParser(facts, keylog, {
      maxCertificates: options.maxCertificates ?? LIMITS.chainCertificates,
      maxCertificateBytes: options.maxCertificateBytes ?? LIMITS.certificateBytes,
    }).run(data, options.truncated ?? false);
  } catch (error) {
    facts.notes.push(`internal error while parsing the TLS transcript: ${error instanceof Error ? error.message : String(error)}`);
  }
  return facts;
}

class TranscriptParser {
  private readonly handshake = new HandshakeReassembler();
  private tls13 = false;
  /** Server records are protected (after ≤1.2 ChangeCipherSpec or TLS 1.3 ServerHello). */
  private protectedRecords = false;
  private decryptor: RecordDecryptor | undefined;
  /** Why `decryptor` is missing while records are protected. */
  private noDecryptorReason = "";
  private serverHello: ServerHelloInfo | undefined;
  private sawServerHello = false;
  private changeCipherSpecs = 0;
  private tls13HandshakeSecret: KeylogEntry | undefined;
  private tls13ApplicationKeys = false;
  private keyEpoch = 0;
  private finished = false;
  private sawCertificate = false;
  private done = false;

  constructor(
    private readonly facts: TranscriptFacts,
    private readonly keylog: readonly KeylogEntry[],
    private readonly limits: { maxCertificates: number; maxCertificateBytes: number },
  ) {}

  run(data: Buffer, truncated: boolean): void {
    if (data.length === 0) {
      this.stop(truncated ? "nothing was recorded (maxBytes is 0)" : "no bytes received from the server yet");
      return;
    }
    const split = splitRecords(data);
    for (const record of split.records) {
      this.record(record);
      if (this.done) return;
    }
    if (split.error) {
      this.stop(split.records.length === 0 ? `the server did not answer with TLS: ${split.error}` : split.error);
    } else if (truncated) {
      this.stop("only the first part of what the server sent was recorded (maxBytes); later records were not inspected");
    }
  }

  private note(message: string): void {
    if (this.facts.notes.length < LIMITS.tlsTranscriptNotes) this.facts.notes.push(message);
  }

  private stop(message?: string): void {
    if (message) this.note(message);
    this.done = true;
  }

  private record(record: TlsRecord): void {
    if (!this.protectedRecords) {
      this.content(record.type, record.fragment, false);
      return;
    }
    if (this.tls13 && record.type === CONTENT_CHANGE_CIPHER_SPEC) return; // middlebox compatibility (RFC 8446 §5)
    if (this.tls13 && record.type === CONTENT_ALERT && record.fragment.length === 2) {
      this.content(record.type, record.fragment, false); // some stacks send a plaintext alert
      return;
    }
    if (!this.decryptor) {
      this.stop(this.noDecryptorReason);
      return;
    }
    const opened = this.decryptor.open(record);
    if ("error" in opened) {
      this.stop(opened.error);
      return;
    }
    this.content(opened.type, opened.content, true);
  }

  private content(type: number, content: Buffer, decrypted: boolean): void {
    switch (type) {
      case CONTENT_HANDSHAKE: {
        const { messages, error } = this.handshake.push(content);
        for (let i = 0; i < messages.length; i++) {
          const epoch = this.keyEpoch;
          this.message(messages[i]!);
          if (this.done) return;
          if (this.keyEpoch !== epoch && (i < messages.length - 1 || this.handshake.pending > 0)) {
            this.stop("handshake data follows a key change in the same record");
            return;
          }
        }
        if (error) this.stop(error);
        return;
      }
      case CONTENT_CHANGE_CIPHER_SPEC:
        if (this.tls13) {
          if (decrypted) this.stop("ChangeCipherSpec inside TLS 1.3 protected records");
          return;
        }
        this.changeCipherSpec();
        return;
      case CONTENT_ALERT:
        this.alert(content);
        return;
      case CONTENT_APPLICATION_DATA:
        if (!decrypted) this.stop("application data from the server before the handshake was complete");
        return;
      case CONTENT_HEARTBEAT:
        return;
      default:
        this.stop(`record with unknown content type ${type}`);
    }
  }

  private alert(content: Buffer): void {
    if (content.length !== 2) {
      this.stop("malformed alert record");
      return;
    }
    const level = content[0]!;
    const description = content[1]!;
    if (description === 0) {
      this.stop(); // close_notify: nothing more follows
    } else if (level === 2 || this.tls13) {
      this.stop(`server sent fatal alert ${alertName(description)} (${description})`);
    }
    // Warning alerts (e.g. no_renegotiation) are ignored.
  }

  private changeCipherSpec(): void {
    if (this.handshake.pending > 0) {
      this.stop("handshake message spans the server's ChangeCipherSpec");
      return;
    }
    const hello = this.serverHello;
    if (!hello) {
      this.stop("ChangeCipherSpec before ServerHello");
      return;
    }
    const index = this.changeCipherSpecs++;
    if (index === 0 && !this.sawCertificate) {
      this.note("no Certificate message before the server's ChangeCipherSpec (resumed session?)");
    }
    this.protectedRecords = true;
    this.decryptor = undefined;
    this.keyEpoch++;
    const entry = this.keylog.filter((e) => e.label === "CLIENT_RANDOM")[index];
    if (!entry) {
      this.noDecryptorReason =
        index === 0
          ? "records after the server's ChangeCipherSpec are encrypted and no CLIENT_RANDOM key log line is known: " +
            "a client certificate request by renegotiation would not be seen"
          : "the renegotiated handshake's keys are unknown (no matching CLIENT_RANDOM key log line); later records not inspected";
      return;
    }
    const decryptor = Tls12Decryptor.create({
      version: hello.version,
      cipherSuite: hello.cipherSuite,
      encryptThenMac: hello.encryptThenMac,
      masterSecret: entry.secret,
      clientRandom: entry.clientRandom,
      serverRandom: hello.random,
    });
    if ("error" in decryptor) {
      this.noDecryptorReason = `records after the server's ChangeCipherSpec were not decrypted (${decryptor.error}): a client certificate request by renegotiation would not be seen`;
      return;
    }
    this.decryptor = decryptor;
  }

  private message(message: HandshakeMessage): void {
    switch (message.type) {
      case HS_SERVER_HELLO:
        this.serverHelloMessage(message.body);
        return;
      case HS_CERTIFICATE: {
        const parsed = parseCertificateMessage(message.body, this.tls13, this.limits);
        if (!this.sawCertificate) {
          this.sawCertificate = true;
          this.facts.certificates = parsed.certificates;
          for (const n of parsed.notes) this.note(n);
          if (!parsed.error && parsed.certificates.length === 0) this.note("the server sent an empty Certificate message");
        }
        if (parsed.error) this.stop(parsed.error);
        return;
      }
      case HS_COMPRESSED_CERTIFICATE:
        if (!this.sawCertificate) {
          this.sawCertificate = true;
          this.note("the server sent a compressed Certificate message (RFC 8879), which is not decoded");
        }
        return;
      case HS_CERTIFICATE_REQUEST: {
        if (this.facts.certificateRequested) return;
        this.facts.certificateRequested = true;
        this.facts.certificateRequestedIn = !this.finished ? "handshake" : this.tls13 ? "post-handshake" : "renegotiation";
        const parsed = parseCertificateRequest(message.body, this.serverHello?.version ?? 0x0303);
        this.facts.certificateAuthorities = parsed.authorities;
        if (parsed.error) this.stop(parsed.error);
        return;
      }
      case HS_FINISHED:
        if (!this.finished) {
          this.finished = true;
          if (!this.sawCertificate) this.note("no Certificate message before the server's Finished (resumed session or PSK?)");
        }
        if (this.tls13 && !this.tls13ApplicationKeys) this.switchToApplicationKeys();
        return;
      case HS_KEY_UPDATE:
        if (this.tls13 && this.tls13ApplicationKeys && this.decryptor instanceof Tls13Decryptor) {
          this.decryptor = this.decryptor.next();
          this.keyEpoch++;
        }
        return;
      default:
        // HelloRequest, ServerKeyExchange, ServerHelloDone, EncryptedExtensions, CertificateVerify,
        // NewSessionTicket, CertificateStatus, …: nothing to record.
        return;
    }
  }

  private serverHelloMessage(body: Buffer): void {
    if (this.tls13 && this.protectedRecords) {
      this.stop("ServerHello after the TLS 1.3 key change");
      return;
    }
    const hello = parseServerHello(body);
    if ("error" in hello) {
      this.stop(hello.error);
      return;
    }
    const protocol = protocolName(hello.version);
    if (!this.sawServerHello) {
      this.facts.protocol = protocol;
      this.facts.cipherSuite = hello.cipherSuite;
    }
    if (!protocol) {
      this.stop(`ServerHello selects unknown protocol version 0x${hex4(hello.version)}`);
      return;
    }
    if (hello.helloRetryRequest) {
      if (hello.version !== 0x0304) {
        this.stop("HelloRetryRequest without TLS 1.3");
        return;
      }
      this.tls13 = true; // the real ServerHello follows in plaintext
      return;
    }
    if (this.tls13 && hello.version !== 0x0304) {
      this.stop("ServerHello for an older protocol after a TLS 1.3 HelloRetryRequest");
      return;
    }
    this.sawServerHello = true;
    this.serverHello = hello;
    if (hello.version !== 0x0304) return; // ≤1.2: plaintext until ChangeCipherSpec
    this.tls13 = true;
    this.protectedRecords = true;
    this.keyEpoch++;
    const entry = this.keylog.find((e) => e.label === "SERVER_HANDSHAKE_TRAFFIC_SECRET");
    if (!entry) {
      this.noDecryptorReason =
        "TLS 1.3 handshake is encrypted and no SERVER_HANDSHAKE_TRAFFIC_SECRET key log line is known (yet): " +
        "certificates and certificate requests are not visible";
      return;
    }
    this.tls13HandshakeSecret = entry;
    const decryptor = Tls13Decryptor.create(hello.cipherSuite, entry.secret);
    if ("error" in decryptor) {
      this.noDecryptorReason = `TLS 1.3 handshake not decrypted: ${decryptor.error}`;
      return;
    }
    this.decryptor = decryptor;
  }

  private switchToApplicationKeys(): void {
    this.tls13ApplicationKeys = true;
    this.keyEpoch++;
    this.decryptor = undefined;
    const random = this.tls13HandshakeSecret?.clientRandom;
    const candidates = this.keylog.filter((e) => e.label === "SERVER_TRAFFIC_SECRET_0");
    const entry = candidates.find((e) => random && e.clientRandom.equals(random)) ?? candidates[0];
    if (!entry) {
      this.noDecryptorReason = "no SERVER_TRAFFIC_SECRET_0 key log line is known (yet): a TLS 1.3 post-handshake certificate request would not be seen";
      return;
    }
    const decryptor = Tls13Decryptor.create(this.serverHello!.cipherSuite, entry.secret);
    if ("error" in decryptor) {
      this.noDecryptorReason = `TLS 1.3 application records not decrypted: ${decryptor.error}`;
      return;
    }
    this.decryptor = decryptor;
  }
}
