import "server-only";
import { createHash } from "node:crypto";
import type { ParsedCertificate } from "@/lib/cert/parse";
import { trustStore } from "@/lib/cert/trust-store";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import type { StepScope } from "@/lib/engine/runner";
import type { ResolvedAddress } from "@/lib/net/dns";
import { HttpSession } from "@/lib/net/http";
import { connectAddress } from "@/lib/net/tcp";
import { tlsHandshake, type TlsSession } from "@/lib/net/tls";

export interface PinnedSession {
  http: HttpSession;
  /** One tap per TLS connection opened, in order. */
  taps: Array<TlsSession["tap"]>;
  /** The certificate every connection must present: the one the certificate steps judged. */
  leaf: ParsedCertificate;
  /** Set when a strict (credential) connection was refused: why, in OpenSSL's words. */
  refused?: string;
}

/** A host as it appears in a URL or Host header: IPv6 literals in brackets, the port unless it is the scheme's default. */
export function urlHost(host: string, port: number, defaultPort = 443): string {
  const name = host.includes(":") ? `[${host}]` : host;
  return port === defaultPort ? name : `${name}:${port}`;
}

/**
 * An HTTPS session over fresh TLS connections to an already checked address. Each connection must present the
 * certificate that was validated, or nothing is sent over it. A `strict` session is the one credentials travel on:
 * its handshake is Outlook's (TLS 1.2+, default security, OpenSSL verifying chain and name against the same trust
 * store), and a refusal is recorded in `refused`.
 */
export function openPinnedSession(
  scope: StepScope,
  target: { host: string; port: number; address: ResolvedAddress },
  leaf: ParsedCertificate,
  options: { strict?: boolean } = {},
): PinnedSession {
  const { host, port, address } = target;
  const { RCA_TIMEOUT_MS: timeoutMs } = env();
  const expected = leaf.facts.thumbprintSha256;
  const pinned: PinnedSession = {
    leaf,
    taps: [],
    http: new HttpSession(
      urlHost(host, port),
      async () => {
        const raw = await connectAddress(address, port, timeoutMs);
        let session;
        try {
          session = await tlsHandshake(raw, { servername: host, timeoutMs, alpn: ["http/1.1"], trust: trustStore().openssl, strict: options.strict });
        } catch (cause) {
          if (options.strict && refusedByPolicy(cause)) pinned.refused = cause.message;
          throw cause;
        }
        const presented = session.chain[0] ? createHash("sha256").update(session.chain[0]).digest("hex").toUpperCase() : "none";
        if (presented !== expected) {
          session.socket.destroy();
          throw new ProblemError(
            "CONNECTION_FAILED",
            `A new connection to ${host} presented a different certificate (SHA-256 ${presented}) from the one validated (${expected}); nothing was sent over it.`,
          );
        }
        pinned.taps.push(session.tap);
        return session.socket;
      },
      timeoutMs,
    ),
  };
  scope.defer(() => pinned.http.close());
  return pinned;
}

/** Why the credentials stayed home when the strict (credential) handshake was refused: the words every test uses. */
export function strictRefusalReason(refused: string, client = "Outlook's"): string {
  return `the credentials weren't sent: a connection made as strictly as ${client} (TLS 1.2 or later, default security, certificate verified by OpenSSL) was refused: ${refused}`;
}

/**
 * The strict handshake failed because OpenSSL, at Outlook's settings, refused what the server offered (certificate,
 * name, protocol version, cipher or key strength): not a timeout or a dropped connection, which are their own errors.
 */
function refusedByPolicy(cause: unknown): cause is ProblemError {
  return (
    cause instanceof ProblemError &&
    (cause.problem === "TLS_HANDSHAKE_FAILED" || cause.problem === "TLS_PROTOCOL_OBSOLETE") &&
    typeof cause.details?.tlsError === "string" &&
    cause.details.tlsError !== ""
  );
}
