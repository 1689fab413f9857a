import "server-only";
import { isIP, type Socket } from "node:net";
import {
  checkServerIdentity,
  connect as tlsConnect,
  createSecureContext,
  DEFAULT_CIPHERS,
  DEFAULT_MAX_VERSION,
  type PeerCertificate,
  type SecureContext,
  type SecureVersion,
  type TLSSocket,
} from "node:tls";
import { ProblemError } from "@/lib/engine/problem-error";
import { text } from "@/lib/engine/text";
import { cleanText, LIMITS } from "./limits";
import { guessPlainTextProtocol } from "./protocol-guess";
import { tapTls, type TlsTap } from "./tls/tap";

export interface TlsSession {
  socket: TLSSocket;
  /** e.g. "TLSv1.3" */
  protocol: string;
  cipher: string;
  /** DER certificates in the order the server sent them. */
  chain: Buffer[];
  /** How `chain` was obtained: parsed from the handshake as sent, or rebuilt by Node (order unknown). */
  chainSource: "as-sent" | "rebuilt";
  tap: TlsTap;
  /** OpenSSL's own verdict on the chain against the trust anchors given (no name check): the second opinion. */
  verification: OpenSslVerdict;
  /** The OCSP response the server stapled (status_request, RFC 6066 §8), as sent; absent when it stapled none. */
  stapledOcsp?: Buffer;
}

export interface OpenSslVerdict {
  authorized: boolean;
  /** OpenSSL's reason when it refuses, e.g. UNABLE_TO_GET_ISSUER_CERT_LOCALLY, CERT_HAS_EXPIRED, INVALID_CA. */
  error?: string;
  /** OpenSSL's own words for it ("key usage does not include certificate signing"): Node names only some codes. */
  message?: string;
}

/** Roots OpenSSL verifies against: the same store the analyzer's own path building uses. */
export interface TrustAnchors {
  /** Identifies this set of roots, so a TLS context built from them is reused. */
  id: string;
  pems: readonly string[];
}

export interface TlsOptions {
  servername: string;
  timeoutMs: number;
  alpn?: string[];
  trust?: TrustAnchors;
  /**
   * Connect as Outlook would before it sends a password: TLS 1.2 or later, default ciphers at security level 2,
   * the chain verified by OpenSSL against `trust`, and the name checked. Anything less fails the handshake.
   */
  strict?: boolean;
}

// The analyzer must be able to talk to weak servers in order to judge them: accept every protocol version
// and cipher OpenSSL still has, and never let OpenSSL's own verification abort the handshake.
/** The versions the permissive profile offers: every one OpenSSL still has, up to Node's newest. */
export const OFFERED_VERSIONS = { min: "TLSv1", max: DEFAULT_MAX_VERSION } as const satisfies { min: SecureVersion; max: SecureVersion };
const PERMISSIVE = { minVersion: OFFERED_VERSIONS.min, maxVersion: OFFERED_VERSIONS.max, ciphers: "ALL:@SECLEVEL=0" } as const;
// What a current client (Outlook on Windows, a browser) insists on before it trusts a connection with a password.
const STRICT = { minVersion: "TLSv1.2", ciphers: `${DEFAULT_CIPHERS}:@SECLEVEL=2` } as const;

// Ask for a stapled OCSP response, as browsers and Windows do: whether the server staples is a fact worth recording.
// tls.connect passes it on to the TLSSocket, though @types/node leaves it out of ConnectionOptions.
const REQUEST_OCSP = { requestOCSP: true } as const;

const contexts = new Map<string, SecureContext>();

/** Parsing ~150 roots costs milliseconds: one context per (roots, profile), built once. */
function secureContext(options: TlsOptions): SecureContext | undefined {
  if (!options.trust) return undefined;
  const profile = options.strict ? STRICT : PERMISSIVE;
  const key = `${options.trust.id}|${options.strict ? "strict" : "permissive"}`;
  let context = contexts.get(key);
  if (!context) {
    context = createSecureContext({ ...profile, ca: [...options.trust.pems] });
    if (contexts.size > LIMITS.tlsContextCache) contexts.clear();
    contexts.set(key, context);
  }
  return context;
}

/**
 * One context per probed version, built once. No roots (`ca: []`): a probe asks only which version the server speaks,
 * so OpenSSL has nothing to verify against, and Node, seeing the chain unverified, skips building the peer's
 * certificate objects for a name check nobody reads.
 */
const probeContexts = new Map<SecureVersion, SecureContext>();

/**
 * Whether the server completes a handshake offering `version` alone: the TLS version probes. Lighter than
 * tlsHandshake (no transcript, no verification, no stapling request), since nothing but the outcome is used.
 * A refusal, a reset or silence until `timeoutMs` all answer false.
 */
export function acceptsVersion(raw: Socket, options: { servername: string; version: SecureVersion; timeoutMs: number }): Promise<boolean> {
  let context = probeContexts.get(options.version);
  if (!context) {
    context = createSecureContext({ ...PERMISSIVE, minVersion: options.version, maxVersion: options.version, ca: [] });
    probeContexts.set(options.version, context);
  }
  const socket = tlsConnect({
    secureContext: context,
    rejectUnauthorized: false,
    checkServerIdentity: () => undefined,
    socket: raw,
    servername: isIP(options.servername) ? undefined : options.servername,
  });
  return new Promise<boolean>((resolve) => {
    const done = (accepted: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(accepted);
    };
    const timer = setTimeout(() => done(false), options.timeoutMs);
    socket.once("secureConnect", () => done(true));
    // Stays attached: a late reset after the answer must not go uncaught.
    socket.on("error", () => done(false));
  });
}

/** Runs a TLS handshake over an open TCP socket, recording what the server sends. */
export function tlsHandshake(raw: Socket, options: TlsOptions): Promise<TlsSession> {
  // Strict means "verified against the same store as the analyzer's own checks", never Node's default roots.
  if (options.strict && !options.trust) throw new Error("a strict TLS handshake needs the trust anchors to verify against");
  // The first bytes the server sends tell a plain-text protocol (HTTP, SMTP…) from a broken TLS server.
  let firstBytes = Buffer.alloc(0);
  const peek = (chunk: Buffer) => {
    firstBytes = Buffer.concat([firstBytes, chunk]).subarray(0, LIMITS.tlsFirstBytes);
    if (firstBytes.length >= LIMITS.tlsFirstBytes) raw.off("data", peek);
  };
  raw.on("data", peek);
  const tap = tapTls(raw, { maxBytes: LIMITS.tlsTranscriptBytes });
  // Errors reach us through the TLS socket; after it is destroyed, a late reset must not go uncaught.
  tap.stream.on("error", () => {});
  const servername = options.servername;
  const socket = tlsConnect({
    ...(options.strict ? STRICT : PERMISSIVE),
    // Only the strict profile lets OpenSSL's verdict abort the handshake; otherwise it is recorded as a fact.
    rejectUnauthorized: options.strict === true,
    checkServerIdentity: options.strict ? (_name, cert) => checkServerIdentity(servername, cert) : () => undefined,
    secureContext: secureContext(options),
    socket: tap.stream as unknown as Socket,
    // SNI carries names only (RFC 6066); an IP literal target sends none.
    servername: isIP(options.servername) ? undefined : options.servername,
    ALPNProtocols: options.alpn,
    ...REQUEST_OCSP,
  });
  socket.on("keylog", (line) => tap.addKeylog(line));
  // Arrives during the handshake, before 'secureConnect'; a server that staples nothing sends no status (or an empty one).
  let stapledOcsp: Buffer | undefined;
  socket.once("OCSPResponse", (response?: Buffer) => {
    if (response && response.length > 0) stapledOcsp = response;
  });

  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = () => {
      const first = !settled;
      settled = true;
      clearTimeout(timer);
      raw.off("data", peek);
      return first;
    };
    const fail = (error: ProblemError) => {
      if (!settle()) return;
      socket.destroy();
      raw.destroy();
      reject(error);
    };
    const timer = setTimeout(() => {
      const ms = options.timeoutMs;
      const message = firstBytes.length > 0 ? text("steps.tls.errors.timeoutIncomplete", { ms }) : text("steps.tls.errors.timeoutSilent", { ms });
      fail(new ProblemError("TLS_HANDSHAKE_FAILED", message, { timeoutMs: options.timeoutMs }));
    }, options.timeoutMs);
    socket.once("secureConnect", () => {
      if (!settle()) return;
      const asSent = tap.facts().certificates.slice(0, LIMITS.chainCertificates);
      resolve({
        socket,
        protocol: socket.getProtocol() ?? "unknown",
        cipher: socket.getCipher()?.standardName ?? socket.getCipher()?.name ?? "unknown",
        chain: asSent.length > 0 ? asSent : rebuiltChain(socket),
        chainSource: asSent.length > 0 ? "as-sent" : "rebuilt",
        tap,
        verification: options.trust ? openSslVerdict(socket) : { authorized: false, error: "NOT_CHECKED" },
        ...(stapledOcsp ? { stapledOcsp } : {}),
      });
    });
    // Stays attached for the socket's life: a hostile server can make a handshake fail twice, or reset an idle
    // session later, and an 'error' without a listener would take the whole process down.
    socket.on("error", (error: NodeJS.ErrnoException) => fail(handshakeProblem(error, firstBytes)));
  });
}

function openSslVerdict(socket: TLSSocket): OpenSslVerdict {
  if (socket.authorized) return { authorized: true };
  // Node's handle exposes OpenSSL's verify error with its text; not a public API, so read defensively.
  let message: string | undefined;
  try {
    const verifyError = (socket as unknown as { ssl?: { verifyError?: () => Error | null } }).ssl?.verifyError?.();
    if (verifyError?.message) message = cleanText(verifyError.message, LIMITS.opensslMessage);
  } catch {
    message = undefined;
  }
  return { authorized: false, error: String(socket.authorizationError ?? "unknown"), ...(message ? { message } : {}) };
}

/** OpenSSL's X509_V_ERR names as Node reports them (e.g. CERT_HAS_EXPIRED), unlike its ERR_/E… codes. */
const VERIFY_ERROR = /^(?!ERR_)(?!E[A-Z]+$)[A-Z0-9]+(_[A-Z0-9]+)+$/;

/** Maps a handshake failure to a problem, by error code and by what the server actually sent. */
function handshakeProblem(error: NodeJS.ErrnoException, firstBytes: Buffer): ProblemError {
  const code = error.code ?? "";
  const details = { tlsError: code, serverSent: describeBytes(firstBytes) };
  if (firstBytes.length > 0 && looksLikeText(firstBytes)) {
    // Said in words, never echoed: quoting the server's banner would make the analyzer a banner grabber.
    const guess = guessPlainTextProtocol(firstBytes);
    return new ProblemError(
      "TLS_NOT_SPOKEN",
      guess ? text("steps.tls.errors.plainTextGuess", { protocol: guess.protocol, hint: guess.hint }) : text("steps.tls.errors.plainText"),
      { ...details, looksLike: guess?.protocol ?? "unknown plain text" },
    );
  }
  if (code === "ERR_SSL_UNSUPPORTED_PROTOCOL" || code === "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION") {
    return new ProblemError("TLS_PROTOCOL_OBSOLETE", text("steps.tls.errors.noSharedVersion"), details);
  }
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID" || VERIFY_ERROR.test(code)) {
    return new ProblemError("TLS_HANDSHAKE_FAILED", text("steps.tls.errors.certificateRefused", { code }), { ...details, verifyError: code });
  }
  if (code === "ECONNRESET" || code === "EPIPE") {
    return new ProblemError("CONNECTION_FAILED", text("steps.tls.errors.closed"), details);
  }
  if (firstBytes.length > 0 && firstBytes[0] !== 0x16 && firstBytes[0] !== 0x15) {
    return new ProblemError("TLS_NOT_SPOKEN", text("steps.tls.errors.notTls"), details);
  }
  return new ProblemError("TLS_HANDSHAKE_FAILED", code ? text("steps.tls.errors.failed", { code }) : text("steps.tls.errors.failedUnknown"), details);
}

function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 16);
  return sample.length >= 3 && [...sample].every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f));
}

function describeBytes(bytes: Buffer): string {
  return bytes.length === 0
    ? "nothing"
    : `${bytes.length >= LIMITS.tlsFirstBytes ? "at least " : ""}${bytes.length} bytes${bytes[0] === 0x16 || bytes[0] === 0x15 ? " of TLS" : ""}`;
}

/** Node's view of the chain (leaf, then issuers it could link); used only if the handshake couldn't be parsed. */
function rebuiltChain(socket: TLSSocket): Buffer[] {
  const chain: Buffer[] = [];
  let current: PeerCertificate | undefined = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (current?.raw && !seen.has(current.fingerprint256) && chain.length < LIMITS.chainCertificates) {
    seen.add(current.fingerprint256);
    chain.push(current.raw);
    current = (current as PeerCertificate & { issuerCertificate?: PeerCertificate }).issuerCertificate;
  }
  return chain;
}
