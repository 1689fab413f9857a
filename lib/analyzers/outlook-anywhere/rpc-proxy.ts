import "server-only";
import { createHash } from "node:crypto";
import type { ParsedCertificate } from "@/lib/cert/parse";
import { trustStore } from "@/lib/cert/trust-store";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import type { TestRun } from "@/lib/engine/runner";
import { headerValues, HttpSession, type HttpResponse } from "@/lib/net/http";
import { cleanText, LIMITS } from "@/lib/net/limits";
import {
  challengeFromWwwAuthenticate,
  createAuthenticateMessage,
  createNegotiateMessage,
  NtlmError,
  parseChallengeMessage,
  tlsServerEndPointBindings,
  toAuthorizationHeader,
} from "@/lib/net/ntlm";
import { connectAddress, type TcpConnection } from "@/lib/net/tcp";
import { tlsHandshake, type TlsSession } from "@/lib/net/tls";
import type { AuthMethod } from "../fields";
import type { AnonymousProbe, AuthenticationOutcome, CertificateRequest } from "./judge";

/** Talks to the RPC proxy as Outlook does and returns what it saw; ./judge.ts decides what that means. */

/** A host as it appears in a URL or Host header: IPv6 literals in brackets. */
export function urlHost(host: string, port: number): string {
  const name = host.includes(":") ? `[${host}]` : host;
  return port === 443 ? name : `${name}:${port}`;
}

/** /rpc/rpcproxy.dll?<host>:6002, as Outlook and Microsoft's analyzer address the RPC proxy. */
export function rpcProxyPath(host: string): string {
  return `/rpc/rpcproxy.dll?${host}:6002`;
}

/**
 * Every request is what Outlook sends: an RPC over HTTP v2 echo request (MS-RPCH), an empty RPC_IN_DATA.
 * IIS authenticates it like any other; the RPC proxy answers an authenticated one with 200 and an echo PDU.
 */
function rpcRequest(path: string, authorization?: string) {
  return {
    method: "RPC_IN_DATA",
    path,
    headers: { "Content-Length": "0", Accept: "application/rpc", "User-Agent": "MSRPC", ...(authorization ? { Authorization: authorization } : {}) },
  };
}

export interface RpcSession {
  http: HttpSession;
  /** One tap per TLS connection opened, in order. */
  taps: Array<TlsSession["tap"]>;
  /** The certificate every connection must present: the one the certificate test judged. */
  leaf: ParsedCertificate;
  /** Set when a strict (credential) connection was refused: why, in OpenSSL's words. */
  refused?: string;
}

/**
 * An HTTP session to the RPC proxy over fresh TLS connections to the already checked address. Each connection
 * must present the certificate that was validated, or nothing is sent over it. A `strict` session is the one
 * credentials travel on: its handshake is Outlook's (TLS 1.2+, default security, OpenSSL verifying chain and
 * name against the same trust store), and a refusal is recorded in `refused`.
 */
export function openRpcSession(
  run: TestRun,
  host: string,
  port: number,
  connection: TcpConnection,
  leaf: ParsedCertificate,
  options: { strict?: boolean } = {},
): RpcSession {
  const { RCA_TIMEOUT_MS: timeoutMs } = env();
  const expected = leaf.facts.thumbprintSha256;
  const rpc: RpcSession = {
    leaf,
    taps: [],
    http: new HttpSession(
      urlHost(host, port),
      async () => {
        const raw = await connectAddress(connection.address, port, timeoutMs);
        let session;
        try {
          session = await tlsHandshake(raw, { servername: host, timeoutMs, alpn: ["http/1.1"], trust: trustStore().openssl, strict: options.strict });
        } catch (cause) {
          if (options.strict && refusedByPolicy(cause)) rpc.refused = cause.message;
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
        rpc.taps.push(session.tap);
        return session.socket;
      },
      timeoutMs,
    ),
  };
  run.defer(() => rpc.http.close());
  return rpc;
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

/** What the TLS transcripts of the session showed about a client-certificate request. */
function certificateRequest(rpc: RpcSession): CertificateRequest {
  const facts = rpc.taps.map((tap) => tap.facts());
  if (facts.some((fact) => fact.certificateRequested)) return { seen: true };
  const blind = facts.find((fact) => fact.notes.length > 0);
  return blind ? { seen: false, observable: false, reason: cleanText(blind.notes.join("; "), LIMITS.transcriptNotesShown) } : { seen: false, observable: true };
}

/** Outlook's unauthenticated echo request, and whether the server asked for a client certificate meanwhile. */
export async function probeAnonymous(rpc: RpcSession, path: string): Promise<AnonymousProbe> {
  try {
    const response = await rpc.http.request(rpcRequest(path));
    return { response, certificateRequest: certificateRequest(rpc) };
  } catch (cause) {
    const request = certificateRequest(rpc);
    // A server that requires a certificate often just drops a client that has none; anything else is its own problem.
    if (!request.seen) throw cause;
    return { certificateRequest: request, connectionError: cause instanceof Error ? cleanText(cause.message) : "unknown" };
  }
}

/** Sends the supplied credentials with the chosen method and scheme, and answers what the server said; never records them. */
export async function sendCredentials(
  rpc: RpcSession,
  path: string,
  method: AuthMethod,
  scheme: string,
  username: string,
  password: string,
): Promise<AuthenticationOutcome> {
  if (method === "basic") {
    const response = await rpc.http.request(rpcRequest(path, `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`));
    return answered(response);
  }
  const negotiate = await rpc.http.request(rpcRequest(path, toAuthorizationHeader(createNegotiateMessage(), scheme)));
  const connections = rpc.taps.length;
  const challengeBytes = challengeFromWwwAuthenticate(headerValues(negotiate, "www-authenticate"));
  if (!challengeBytes) return { kind: "no-challenge", status: negotiate.status };
  let challenge;
  try {
    challenge = parseChallengeMessage(challengeBytes);
  } catch (cause) {
    if (cause instanceof NtlmError) return { kind: "malformed-challenge", reason: cleanText(cause.message) };
    throw cause;
  }
  const domain = challenge.info.dnsDomainName ?? challenge.info.nbDomainName;
  const channelBindings = tlsServerEndPointBindings(rpc.leaf.der, rpc.leaf.facts.signatureHash);
  const response = await rpc.http.request(
    rpcRequest(path, toAuthorizationHeader(createAuthenticateMessage({ challenge, username, password, channelBindings }), scheme)),
  );
  if (rpc.taps.length !== connections) return { kind: "connection-changed" };
  return answered(response, domain === undefined ? undefined : cleanText(domain, LIMITS.nameShown));
}

function answered(response: HttpResponse, serverDomain?: string): AuthenticationOutcome {
  return {
    kind: "answered",
    status: response.status,
    statusText: cleanText(response.statusText, LIMITS.httpStatusText),
    ...(serverDomain ? { serverDomain } : {}),
  };
}
