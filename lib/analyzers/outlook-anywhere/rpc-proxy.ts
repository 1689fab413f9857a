import "server-only";
import { createHash } from "node:crypto";
import { env } from "@/lib/config/env";
import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import { ProblemError } from "@/lib/engine/problem-error";
import type { StepContext, TestRun } from "@/lib/engine/runner";
import type { ParsedCertificate } from "@/lib/cert/parse";
import { HttpSession, headerValues, type HttpResponse } from "@/lib/net/http";
import { offeredSchemes, offers } from "@/lib/net/http-auth";
import { cleanText } from "@/lib/net/limits";
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
import { tlsHandshake } from "@/lib/net/tls";
import type { TlsTap } from "@/lib/net/tls-transcript";
import { AUTH_METHOD_NAMES, type AuthMethod } from "../fields";

const CLIENT_CERT_FIX = "Outlook Anywhere doesn't send a client certificate: set the /rpc virtual directory's SSL settings to ignore client certificates.";

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
  taps: TlsTap[];
  /** The certificate every connection must present: the one the certificate test judged. */
  leaf: ParsedCertificate;
}

/**
 * An HTTP session to the RPC proxy over fresh TLS connections to the already checked address. Each connection
 * must present the certificate that was validated, or nothing (credentials least of all) is sent over it.
 */
export function openRpcSession(run: TestRun, host: string, port: number, connection: TcpConnection, leaf: ParsedCertificate): RpcSession {
  const { RCA_TIMEOUT_MS: timeoutMs } = env();
  const taps: TlsTap[] = [];
  const expected = leaf.facts.thumbprintSha256;
  const http = new HttpSession(
    urlHost(host, port),
    async () => {
      const raw = await connectAddress(connection.address, port, timeoutMs);
      const session = await tlsHandshake(raw, { servername: host, timeoutMs, alpn: ["http/1.1"] });
      const presented = session.chain[0] ? createHash("sha256").update(session.chain[0]).digest("hex").toUpperCase() : "none";
      if (presented !== expected) {
        session.socket.destroy();
        throw new ProblemError("CONNECTION_FAILED", `A new connection to ${host} presented a different certificate (SHA-256 ${presented}) from the one validated (${expected}); nothing was sent over it.`);
      }
      taps.push(session.tap);
      return session.socket;
    },
    timeoutMs,
  );
  run.defer(() => http.close());
  return { http, taps, leaf };
}

function certificateRequested(taps: TlsTap[]): boolean {
  return taps.some((tap) => tap.facts().certificateRequested);
}

/** "Checking the IIS configuration for client certificate authentication." Answers the unauthenticated response. */
export async function checkClientCertificate(step: StepContext, rpc: RpcSession, path: string): Promise<HttpResponse | undefined> {
  let response: HttpResponse;
  try {
    response = await rpc.http.request(rpcRequest(path));
  } catch (cause) {
    // A server that requires a certificate often just drops a client that has none.
    if (!certificateRequested(rpc.taps)) throw cause;
    step.addDetails({ certificateRequested: true, connectionError: cause instanceof Error ? cleanText(cause.message) : "unknown" });
    step.fail("HTTP_CLIENT_CERT_REQUIRED", `The server asked for a client certificate and dropped the connection when none was sent. ${CLIENT_CERT_FIX}`);
    return undefined;
  }
  const requested = certificateRequested(rpc.taps);
  const iisRequires = response.status === 403 && /403\.7|client certificate/i.test(response.body.toString("latin1"));
  step.addDetails({ certificateRequested: requested, status: response.status });
  if (iisRequires) {
    step.fail("HTTP_CLIENT_CERT_REQUIRED", `The server requires a client certificate (HTTP 403.7). ${CLIENT_CERT_FIX}`);
    return undefined;
  }
  if (requested) {
    step.warn(
      "HTTP_CLIENT_CERT_REQUIRED",
      `The server asks for a client certificate but answered without one (IIS "Client certificates: Accept"). Some clients prompt for a certificate or fail. ${CLIENT_CERT_FIX}`,
    );
  } else {
    step.succeed("Client certificate authentication wasn't detected: the server didn't ask for a client certificate.");
  }
  return response;
}

/** Judges the unauthenticated answer: 401 with the chosen method among the offered ones. */
export function judgeAuthMethods(response: HttpResponse, method: AuthMethod): Finding {
  const challenges = headerValues(response, "www-authenticate");
  const schemes = offeredSchemes(challenges);
  const details = { status: response.status, methodsFound: schemes, wwwAuthenticate: challenges.map((value) => cleanText(value, 256)) };
  const wanted = AUTH_METHOD_NAMES[method];
  if (response.status === 404) {
    return error("HTTP_UNEXPECTED_STATUS", "The server answered 404 Not Found: the RPC over HTTP proxy isn't installed at /rpc/rpcproxy.dll, or Outlook Anywhere isn't enabled.", details);
  }
  if (response.status >= 200 && response.status < 300) {
    return warning("HTTP_UNEXPECTED_STATUS", `The RPC proxy answered HTTP ${response.status} without asking for authentication; Outlook Anywhere expects 401 with the authentication methods offered.`, details);
  }
  if (response.status !== 401) {
    return error("HTTP_UNEXPECTED_STATUS", `The RPC proxy answered HTTP ${response.status} ${response.statusText} instead of 401 Unauthorized with the authentication methods it accepts.`, details);
  }
  const found = schemes.length > 0 ? schemes.join(", ") : "none";
  if (offers(schemes, wanted)) {
    return ok(`The analyzer found the expected authentication method ${wanted}. Methods found: ${found}.`, details);
  }
  if (method === "ntlm" && offers(schemes, "Negotiate")) {
    return warning("HTTP_AUTH_METHOD_MISSING", `NTLM isn't offered on its own; Negotiate is, which falls back to NTLM for most clients. Methods found: ${found}.`, details);
  }
  return error("HTTP_AUTH_METHOD_MISSING", `The authentication method ${wanted} isn't offered by the RPC proxy. Methods found: ${found}.`, details);
}

/** The HTTP scheme to send the chosen method under, or undefined when the server offers no way to use it. */
export function authScheme(response: HttpResponse | undefined, method: AuthMethod): string | undefined {
  if (!response) return undefined;
  const schemes = offeredSchemes(headerValues(response, "www-authenticate"));
  if (method === "basic") return offers(schemes, "Basic") ? "Basic" : undefined;
  if (offers(schemes, "NTLM")) return "NTLM";
  return offers(schemes, "Negotiate") ? "Negotiate" : undefined;
}

/** Sends the supplied credentials with the chosen method and scheme; never records them. */
export async function authenticate(rpc: RpcSession, path: string, method: AuthMethod, scheme: string, username: string, password: string): Promise<Finding> {
  let response: HttpResponse;
  let serverDomain: string | undefined;
  if (method === "basic") {
    response = await rpc.http.request(rpcRequest(path, `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`));
  } else {
    const negotiate = await rpc.http.request(rpcRequest(path, toAuthorizationHeader(createNegotiateMessage(), scheme)));
    const connections = rpc.taps.length;
    const challengeBytes = challengeFromWwwAuthenticate(headerValues(negotiate, "www-authenticate"));
    if (!challengeBytes) {
      return error("HTTP_AUTH_METHOD_MISSING", `The server didn't answer the NTLM negotiation with a challenge (HTTP ${negotiate.status}).`, { status: negotiate.status });
    }
    let challenge;
    try {
      challenge = parseChallengeMessage(challengeBytes);
    } catch (cause) {
      if (cause instanceof NtlmError) throw new ProblemError("HTTP_UNEXPECTED_STATUS", `The server's NTLM challenge is malformed: ${cleanText(cause.message)}`);
      throw cause;
    }
    const domain = challenge.info.dnsDomainName ?? challenge.info.nbDomainName;
    serverDomain = domain === undefined ? undefined : cleanText(domain, 255);
    const channelBindings = tlsServerEndPointBindings(rpc.leaf.der, rpc.leaf.facts.signatureHash);
    const authenticateMessage = createAuthenticateMessage({ challenge, username, password, channelBindings });
    response = await rpc.http.request(rpcRequest(path, toAuthorizationHeader(authenticateMessage, scheme)));
    if (rpc.taps.length !== connections) {
      return error("HTTP_UNEXPECTED_STATUS", "The server closed the connection between the NTLM challenge and the answer; NTLM needs both on one kept-alive connection (check load balancers and proxies in front of the server).");
    }
  }
  const details = { status: response.status, method: AUTH_METHOD_NAMES[method], scheme, ...(serverDomain ? { serverDomain } : {}) };
  if (response.status === 401) {
    return error(
      "LOGIN_FAILED",
      `The server rejected the supplied credentials (HTTP 401) with ${AUTH_METHOD_NAMES[method]} authentication. Check the user name, the password, and that the account may use Outlook Anywhere.`,
      details,
    );
  }
  if (response.status >= 200 && response.status < 300) {
    return ok(`RPC Proxy was successfully pinged: the server accepted the supplied credentials with ${AUTH_METHOD_NAMES[method]} authentication (HTTP ${response.status}).`, details);
  }
  return error("HTTP_UNEXPECTED_STATUS", `After authentication the RPC proxy answered HTTP ${response.status} ${response.statusText}.`, details);
}
