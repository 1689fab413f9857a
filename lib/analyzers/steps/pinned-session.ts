import "server-only";
import { createHash } from "node:crypto";
import type { ParsedCertificate } from "@/lib/cert/parse";
import { trustStore } from "@/lib/cert/trust-store";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import type { StepScope } from "@/lib/engine/runner";
import { englishOf, isLocalized, text, type LocalizedText, type Text } from "@/lib/engine/text";
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
  /** `refused` as the catalogue text it was made from, when it was one: pass `refusedText ?? refused` to strictRefusalReason. */
  refusedText?: LocalizedText;
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
          if (options.strict && refusedByPolicy(cause)) {
            pinned.refused = cause.message;
            if (cause.text) pinned.refusedText = cause.text;
          }
          throw cause;
        }
        const presented = session.chain[0] ? createHash("sha256").update(session.chain[0]).digest("hex").toUpperCase() : "none";
        if (presented !== expected) {
          session.socket.destroy();
          throw new ProblemError(
            "CONNECTION_FAILED",
            text("steps.http.pinned.otherCertificate", { host, presented: session.chain[0] ? presented : text("steps.common.none"), expected }),
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

/** Whose handshake the strict one copies, as the refusal says it. */
export type StrictClient = "Outlook's" | "a device's";

/**
 * Why the credentials stayed home when the strict (credential) handshake was refused: the words every test uses, in
 * lower case (a skip reason). `refused` is the session's `refusedText ?? refused`: as a catalogue text, the refusal
 * reads in the reader's language too.
 */
export function strictRefusalReason(refused: Text, client: StrictClient = "Outlook's"): LocalizedText {
  return refusalText(refused, client, false);
}

/** The same, as a sentence of its own ("The credentials weren't sent: …"). */
export function strictRefusalSentence(refused: Text, client: StrictClient = "Outlook's"): LocalizedText {
  return refusalText(refused, client, true);
}

function refusalText(refused: Text, client: StrictClient, capital: boolean): LocalizedText {
  // A referenced text loses its final period inside a sentence: the template then puts it back.
  const sentence = isLocalized(refused) && englishOf(refused).endsWith(".");
  const key = capital
    ? sentence
      ? "steps.http.strictRefusal.capitalSentence"
      : "steps.http.strictRefusal.capitalPhrase"
    : sentence
      ? "steps.http.strictRefusal.sentence"
      : "steps.http.strictRefusal.phrase";
  return text(key, {
    client: text(client === "a device's" ? "steps.http.strictRefusal.client.device" : "steps.http.strictRefusal.client.outlook"),
    refused,
  });
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
