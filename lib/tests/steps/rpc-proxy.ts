import "server-only";
import { env } from "@/lib/config/env";
import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import { ProblemError } from "@/lib/engine/problem-error";
import type { StepContext, TestRun } from "@/lib/engine/runner";
import { HttpSession, headerValues, type HttpResponse } from "@/lib/net/http";
import { offeredSchemes, offers } from "@/lib/net/http-auth";
import { challengeFromWwwAuthenticate, createAuthenticateMessage, createNegotiateMessage, NtlmError, parseChallengeMessage, toAuthorizationHeader } from "@/lib/net/ntlm";
import { connectAddress } from "@/lib/net/tcp";
import type { TcpConnection } from "@/lib/net/tcp";
import { tlsHandshake } from "@/lib/net/tls";
import type { TlsTap } from "@/lib/net/tls-transcript";

export type AuthMethod = "basic" | "ntlm";
export const AUTH_METHOD_NAMES: Record<AuthMethod, string> = { basic: "Basic", ntlm: "NTLM" };

/** https://<host>/rpc/rpcproxy.dll?<host>:6002, as Outlook and Microsoft's analyzer address the RPC proxy. */
export function rpcProxyPath(host: string): string {
  return `/rpc/rpcproxy.dll?${host}:6002`;
}

/** An HTTP session to the RPC proxy over fresh TLS connections to the already checked address. */
export function openRpcSession(run: TestRun, host: string, port: number, connection: TcpConnection): { http: HttpSession; taps: TlsTap[] } {
  const { RCA_TIMEOUT_MS: timeoutMs } = env();
  const taps: TlsTap[] = [];
  const http = new HttpSession(
    port === 443 ? host : `${host}:${port}`,
    async () => {
      const raw = await connectAddress(connection.address, port, timeoutMs);
      const session = await tlsHandshake(raw, { servername: host, timeoutMs, alpn: ["http/1.1"] });
      taps.push(session.tap);
      return session.socket;
    },
    timeoutMs,
  );
  run.defer(() => http.close());
  return { http, taps };
}

/** "Checking the IIS configuration for client certificate authentication." Answers the unauthenticated response. */
export async function checkClientCertificate(step: StepContext, http: HttpSession, taps: TlsTap[], path: string): Promise<HttpResponse | undefined> {
  const requested = () => taps.some((tap) => tap.facts().certificateRequested);
  let response: HttpResponse;
  try {
    response = await http.request({ path });
  } catch (error) {
    // A server that requires a certificate often just drops a client that has none.
    if (!requested()) throw error;
    step.addDetails({ certificateRequested: true, connectionError: error instanceof Error ? error.message : String(error) });
    step.fail("HTTP_CLIENT_CERT_REQUIRED", "The server asked for a client certificate and dropped the connection when none was sent. Outlook Anywhere doesn't send one: set the /rpc virtual directory's SSL settings to ignore client certificates.");
    return undefined;
  }
  const certificateRequested = requested();
  const iisRequires = response.status === 403 && /403\.7|client certificate/i.test(response.body.toString("latin1"));
  step.addDetails({ certificateRequested, status: response.status });
  if (certificateRequested || iisRequires) {
    step.fail(
      "HTTP_CLIENT_CERT_REQUIRED",
      iisRequires
        ? `The server requires a client certificate (HTTP ${response.status}: client certificate required). Outlook Anywhere doesn't send one: set the /rpc virtual directory's SSL settings to ignore client certificates.`
        : "The server asked for a client certificate during the TLS handshake. Outlook Anywhere doesn't send one: set the /rpc virtual directory's SSL settings to ignore client certificates.",
    );
  } else {
    step.succeed("Client certificate authentication wasn't detected: the server didn't ask for a client certificate.");
  }
  return response;
}

/** Judges the unauthenticated answer: 401 with the chosen method among the offered ones. */
export function judgeAuthMethods(response: HttpResponse, method: AuthMethod): Finding {
  const schemes = offeredSchemes(headerValues(response, "www-authenticate"));
  const details = { status: response.status, methodsFound: schemes, wwwAuthenticate: headerValues(response, "www-authenticate") };
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

/** Sends the supplied credentials with the chosen method; never records them. */
export async function authenticate(http: HttpSession, path: string, method: AuthMethod, username: string, password: string): Promise<Finding> {
  let response: HttpResponse;
  let serverDomain: string | undefined;
  if (method === "basic") {
    response = await http.request({ path, headers: { Authorization: `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}` } });
  } else {
    const negotiate = await http.request({ path, headers: { Authorization: toAuthorizationHeader(createNegotiateMessage()) } });
    const challengeBytes = challengeFromWwwAuthenticate(headerValues(negotiate, "www-authenticate"));
    if (!challengeBytes) {
      return error("HTTP_AUTH_METHOD_MISSING", `The server didn't answer the NTLM negotiation with a challenge (HTTP ${negotiate.status}).`, { status: negotiate.status });
    }
    let challenge;
    try {
      challenge = parseChallengeMessage(challengeBytes);
    } catch (cause) {
      if (cause instanceof NtlmError) throw new ProblemError("HTTP_UNEXPECTED_STATUS", `The server's NTLM challenge is malformed: ${cause.message}`);
      throw cause;
    }
    serverDomain = challenge.info.dnsDomainName ?? challenge.info.nbDomainName;
    const authenticateMessage = createAuthenticateMessage({ challenge, username, password });
    response = await http.request({ path, headers: { Authorization: toAuthorizationHeader(authenticateMessage) } });
  }
  const details = { status: response.status, method: AUTH_METHOD_NAMES[method], ...(serverDomain ? { serverDomain } : {}) };
  if (response.status === 401) {
    return error("LOGIN_FAILED", `The server rejected the supplied credentials (HTTP 401) with ${AUTH_METHOD_NAMES[method]} authentication. Check the user name, password and that the account is allowed to use Outlook Anywhere.`, details);
  }
  if (response.status >= 200 && response.status < 300) {
    return ok(`The server accepted the supplied credentials with ${AUTH_METHOD_NAMES[method]} authentication (HTTP ${response.status}).`, details);
  }
  return error("HTTP_UNEXPECTED_STATUS", `After authentication the RPC proxy answered HTTP ${response.status} ${response.statusText}.`, details);
}
