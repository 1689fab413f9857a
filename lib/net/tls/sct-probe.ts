/**
 * A probe for the TLS signed_certificate_timestamp extension (RFC 6962 §3.3.1, extension type 18). Node's TLS client
 * (OpenSSL) never asks for it, and a server sends it only to clients that do. So: a NEW TCP connection to an address
 * and port the caller has already checked, a hand-made TLS 1.2 ClientHello carrying the empty extension, the server's
 * plaintext first flight read up to its ServerHello (and the Certificate message that follows, in TLS 1.2 still in
 * clear, to tell which certificate the SCTs are about), then the connection is dropped: no handshake is completed.
 * The server's bytes are hostile: every failure ends with a reason, never a throw.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { isIP, type Socket } from "node:net";
import { env } from "@/lib/config/env";
import { LIMITS } from "../limits";
import { connectAddress } from "../tcp";
import { HandshakeReassembler, HS_CERTIFICATE, HS_SERVER_HELLO, parseCertificateMessage, parseServerHello } from "./handshake";
import { alertName, CONTENT_ALERT, CONTENT_HANDSHAKE, splitRecords } from "./records";
import type { ResolvedAddress } from "../dns";

/** The signed_certificate_timestamp extension (RFC 6962 §3.3.1). */
export const EXTENSION_SCT = 18;
const EXTENSION_SERVER_NAME = 0;
const EXTENSION_SUPPORTED_GROUPS = 10;
const EXTENSION_EC_POINT_FORMATS = 11;
const EXTENSION_SIGNATURE_ALGORITHMS = 13;
const EXTENSION_EXTENDED_MASTER_SECRET = 23;
const EXTENSION_RENEGOTIATION_INFO = 0xff01;

/**
 * What a current TLS 1.2 client offers: ECDHE with AES-GCM and ChaCha20-Poly1305 first, then ECDHE with AES-CBC and
 * plain RSA with AES-GCM so that an older server still answers (the handshake is never completed, so offering them
 * costs nothing).
 */
export const PROBE_CIPHER_SUITES: readonly number[] = [
  0xc02b, // TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
  0xc02f, // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
  0xc02c, // TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
  0xc030, // TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
  0xcca9, // TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256
  0xcca8, // TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256
  0xc009, // TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA
  0xc013, // TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA
  0xc00a, // TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA
  0xc014, // TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA
  0x009c, // TLS_RSA_WITH_AES_128_GCM_SHA256
  0x009d, // TLS_RSA_WITH_AES_256_GCM_SHA384
  0x002f, // TLS_RSA_WITH_AES_128_CBC_SHA
  0x0035, // TLS_RSA_WITH_AES_256_CBC_SHA
  0x00ff, // TLS_EMPTY_RENEGOTIATION_INFO_SCSV (RFC 5746)
];

/** x25519, secp256r1, secp384r1, secp521r1, x448 (RFC 8422 §5.1.1, RFC 7748). */
const GROUPS = [0x001d, 0x0017, 0x0018, 0x0019, 0x001e];
/** ECDSA and RSA-PSS/PKCS#1 with SHA-256/384/512, then SHA-1 (RFC 5246 §7.4.1.4.1, RFC 8446 §4.2.3). */
const SIGNATURE_ALGORITHMS = [0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0203, 0x0201];

export interface SctProbeResult {
  /** The SignedCertificateTimestampList as the server sent it in its ServerHello; undefined when it sent none. */
  scts: Buffer | undefined;
  /** The leaf of the Certificate message that followed (DER), when it could be read: the certificate the SCTs are about. */
  certificate?: Buffer;
  /** Why the extension couldn't be asked for (English, a clause without a final period); absent when the server answered. */
  reason?: string;
}

export interface SctProbeOptions {
  /** An address already resolved and allowed by the caller's target policy. */
  address: ResolvedAddress;
  /** Checked again against RCA_ALLOWED_PORTS by connectAddress. */
  port: number;
  /** The host name, sent as SNI (not when it is an IP address). */
  host: string | undefined;
  /** Default RCA_TIMEOUT_MS: for the connection, then again for the server's answer. */
  timeoutMs?: number;
}

function u8(value: number): Buffer {
  return Buffer.from([value & 0xff]);
}

function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}

function u24(value: number): Buffer {
  const buffer = Buffer.alloc(3);
  buffer.writeUIntBE(value, 0, 3);
  return buffer;
}

function vector16(body: Buffer): Buffer {
  return Buffer.concat([u16(body.length), body]);
}

function extension(type: number, data: Buffer): Buffer {
  return Buffer.concat([u16(type), vector16(data)]);
}

/** The name sent as SNI: a DNS name (no trailing dot, no brackets), never an IP address (RFC 6066 §3). */
export function sniName(host: string | undefined): string | undefined {
  const name = host?.replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (!name || isIP(name) || name.length > 253 || !/^[\x21-\x7e]+$/.test(name)) return undefined;
  return name;
}

/**
 * A TLS 1.2 ClientHello handshake record (RFC 5246 §7.4.1.2) asking for SCTs: the cipher suites above, SNI when given
 * a name, supported_groups, ec_point_formats, signature_algorithms, extended_master_secret, renegotiation_info and
 * the empty signed_certificate_timestamp extension. No supported_versions: the server can only answer TLS 1.2 or older.
 */
export function buildClientHello(host: string | undefined, random: Buffer = randomBytes(32)): Buffer {
  const name = sniName(host);
  const extensions = Buffer.concat([
    ...(name ? [extension(EXTENSION_SERVER_NAME, vector16(Buffer.concat([u8(0), vector16(Buffer.from(name, "ascii"))])))] : []),
    extension(EXTENSION_SUPPORTED_GROUPS, vector16(Buffer.concat(GROUPS.map(u16)))),
    extension(EXTENSION_EC_POINT_FORMATS, Buffer.from([1, 0])),
    extension(EXTENSION_SIGNATURE_ALGORITHMS, vector16(Buffer.concat(SIGNATURE_ALGORITHMS.map(u16)))),
    extension(EXTENSION_EXTENDED_MASTER_SECRET, Buffer.alloc(0)),
    extension(EXTENSION_RENEGOTIATION_INFO, Buffer.from([0])),
    extension(EXTENSION_SCT, Buffer.alloc(0)),
  ]);
  const body = Buffer.concat([
    u16(0x0303),
    random.subarray(0, 32),
    u8(0), // no session id: nothing to resume
    vector16(Buffer.concat(PROBE_CIPHER_SUITES.map(u16))),
    Buffer.from([1, 0]), // compression: null only
    vector16(extensions),
  ]);
  const handshake = Buffer.concat([u8(1), u24(body.length), body]);
  // Record version 0x0301, as clients send in their first record for the sake of old servers (RFC 5246 Appendix E.1).
  return Buffer.concat([u8(CONTENT_HANDSHAKE), u16(0x0301), u16(handshake.length), handshake]);
}

/**
 * The data of one ServerHello extension, found by walking the body (parseServerHello, which has already validated the
 * message, keeps only what the transcript needs). Undefined when absent or when the extension list is malformed.
 */
export function serverHelloExtension(body: Buffer, type: number): Buffer | undefined {
  let off = 2 + 32;
  if (body.length < off + 1) return undefined;
  off += 1 + body[off]!; // session id
  off += 2 + 1; // cipher suite, compression method
  if (body.length < off + 2) return undefined;
  const end = off + 2 + body.readUInt16BE(off);
  if (end > body.length) return undefined;
  off += 2;
  while (end - off >= 4) {
    const extType = body.readUInt16BE(off);
    const length = body.readUInt16BE(off + 2);
    if (off + 4 + length > end) return undefined;
    if (extType === type) return body.subarray(off + 4, off + 4 + length);
    off += 4 + length;
  }
  return undefined;
}

/**
 * Asks the server for SCTs in the TLS extension over a new connection. Never throws: a refused connection, an alert, a
 * server that speaks TLS 1.3 only, garbage or silence all end with `reason`.
 */
export async function probeSctExtension(options: SctProbeOptions): Promise<SctProbeResult> {
  const timeoutMs = options.timeoutMs ?? env().RCA_TIMEOUT_MS;
  let socket: Socket;
  try {
    socket = await connectAddress(options.address, options.port, timeoutMs);
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/\.$/, "") : String(error);
    return { scts: undefined, reason: `a second connection to ${options.address.address} port ${options.port} failed: ${why}` };
  }
  try {
    return await readFirstFlight(socket, options.host, timeoutMs);
  } catch (error) {
    // Not expected: the reader resolves every outcome itself.
    return { scts: undefined, reason: `the probe failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    socket.destroy();
  }
}

function readFirstFlight(socket: Socket, host: string | undefined, timeoutMs: number): Promise<SctProbeResult> {
  return new Promise<SctProbeResult>((resolve) => {
    const reassembler = new HandshakeReassembler();
    let pending: Buffer = Buffer.alloc(0);
    let received = 0;
    /** Set once the ServerHello was read: what is returned if the Certificate message can't be read after it. */
    let hello: { scts: Buffer | undefined } | undefined;
    let done = false;

    const finish = (result: SctProbeResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.removeListener("data", onData);
      socket.removeListener("end", onEnd);
      socket.removeListener("close", onEnd);
      socket.destroy();
      resolve(result);
    };
    /** A failure after the ServerHello still returns its SCTs, only without the certificate. */
    const fail = (reason: string) => finish(hello ? { scts: hello.scts } : { scts: undefined, reason });

    const timer = setTimeout(() => fail(`the server sent no ServerHello within ${timeoutMs} ms`), timeoutMs);

    const onHandshake = (type: number, body: Buffer): boolean => {
      if (!hello) {
        if (type !== HS_SERVER_HELLO) {
          fail(`the server answered with handshake message type ${type} instead of a ServerHello`);
          return true;
        }
        const parsed = parseServerHello(body);
        if ("error" in parsed) {
          fail(`the server's ServerHello is malformed (${parsed.error})`);
          return true;
        }
        if (parsed.version >= 0x0304 || parsed.helloRetryRequest) {
          fail("the server answered a TLS 1.2 ClientHello with TLS 1.3, where the extension travels encrypted");
          return true;
        }
        const data = serverHelloExtension(body, EXTENSION_SCT);
        hello = { scts: data ? Buffer.from(data) : undefined };
        // Without SCTs there is nothing to tie to a certificate: done.
        if (!data) finish({ scts: undefined });
        return !data;
      }
      if (type === HS_CERTIFICATE) {
        const { certificates } = parseCertificateMessage(body, false, { maxCertificates: 1, maxCertificateBytes: LIMITS.certificateBytes });
        finish({ scts: hello.scts, ...(certificates[0] ? { certificate: certificates[0] } : {}) });
      } else {
        // No Certificate message (an anonymous or PSK suite): the SCTs are still the server's.
        finish({ scts: hello.scts });
      }
      return true;
    };

    const onData = (chunk: Buffer) => {
      if (done) return;
      received += chunk.length;
      if (received > LIMITS.sctProbeBytes) return fail(`the server sent more than ${LIMITS.sctProbeBytes} bytes before its ServerHello`);
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      const split = splitRecords(pending);
      pending = Buffer.from(split.rest);
      for (const record of split.records) {
        if (record.type === CONTENT_ALERT) {
          const description = record.fragment[1];
          if (description === undefined) return fail("the server sent a malformed alert");
          if (description === 70) {
            return fail(
              `the server refused a TLS 1.2 ClientHello (alert ${alertName(description)}): it may accept TLS 1.3 only, where the extension travels encrypted`,
            );
          }
          if (description === 40) {
            return fail(
              `the server refused a TLS 1.2 ClientHello (alert ${alertName(description)}): no cipher suite in common, or it accepts TLS 1.3 only, where the extension travels encrypted`,
            );
          }
          return fail(`the server refused the ClientHello with the alert ${alertName(description)}`);
        }
        if (record.type !== CONTENT_HANDSHAKE) return fail(`the server sent a record of content type ${record.type} before its ServerHello`);
        const { messages, error } = reassembler.push(record.fragment);
        for (const message of messages) if (onHandshake(message.type, message.body)) return;
        if (error) return fail(`the server's handshake is malformed (${error})`);
      }
      if (split.error) return fail(`the server's answer isn't TLS (${split.error})`);
    };
    const onEnd = () =>
      fail(received === 0 ? "the server closed the connection without answering the ClientHello" : "the server closed the connection before its ServerHello");

    socket.on("data", onData);
    socket.once("end", onEnd);
    socket.once("close", onEnd);
    // connectAddress leaves a no-op error handler: a reset then ends as a close.
    socket.on("error", () => {});
    socket.write(buildClientHello(host), (error) => {
      if (error) fail(`the ClientHello couldn't be sent (${error.message})`);
    });
  });
}
