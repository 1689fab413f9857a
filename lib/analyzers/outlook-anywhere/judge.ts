import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import { headerValues, type HttpResponse } from "@/lib/net/http";
import { offeredSchemes, offers } from "@/lib/net/http-auth";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { AUTH_METHOD_NAMES, type AuthMethod } from "../fields";

/** Pure judgements of what the RPC proxy answered: facts in, findings out. */

const CLIENT_CERT_FIX = "Outlook Anywhere doesn't send a client certificate: set the /rpc virtual directory's SSL settings to ignore client certificates.";

/** Whether the server asked for a client certificate, as far as the TLS transcripts could show it. */
export type CertificateRequest =
  | { seen: true }
  | { seen: false; observable: true }
  /** Part of the handshake couldn't be read (e.g. a cipher the tap can't decrypt): "not seen" proves nothing. */
  | { seen: false; observable: false; reason: string };

export interface AnonymousProbe {
  certificateRequest: CertificateRequest;
  /** The answer to Outlook's unauthenticated echo request; absent when the server dropped the connection. */
  response?: HttpResponse;
  connectionError?: string;
}

/** "Checking the IIS configuration for client certificate authentication." */
export function judgeClientCertificate(probe: AnonymousProbe): Finding {
  const request = probe.certificateRequest;
  const observed = request.seen ? "requested" : request.observable ? "not requested" : "not observable";
  const details = {
    certificateRequest: observed,
    ...(request.seen === false && request.observable === false ? { whyNotObservable: request.reason } : {}),
    ...(probe.response ? { status: probe.response.status } : {}),
    ...(probe.connectionError ? { connectionError: probe.connectionError } : {}),
  };
  if (!probe.response) {
    return error(
      "HTTP_CLIENT_CERT_REQUIRED",
      `The server asked for a client certificate and dropped the connection when none was sent. ${CLIENT_CERT_FIX}`,
      details,
    );
  }
  if (probe.response.status === 403 && /403\.7|client certificate/i.test(probe.response.body.toString("latin1"))) {
    return error("HTTP_CLIENT_CERT_REQUIRED", `The server requires a client certificate (HTTP 403.7). ${CLIENT_CERT_FIX}`, details);
  }
  if (request.seen) {
    return warning(
      "HTTP_CLIENT_CERT_REQUIRED",
      `The server asks for a client certificate but answered without one (IIS "Client certificates: Accept"). Some clients prompt for a certificate or fail. ${CLIENT_CERT_FIX}`,
      details,
    );
  }
  if (!request.observable) {
    return {
      status: "info",
      message: `The server answered without a client certificate (HTTP ${probe.response.status}), but whether it asks for one couldn't be observed: ${request.reason}.`,
      details,
    };
  }
  return ok("Client certificate authentication wasn't detected: the server didn't ask for a client certificate.", details);
}

/** Judges the unauthenticated answer: 401 with the chosen method among the offered ones. */
export function judgeAuthMethods(response: HttpResponse, method: AuthMethod): Finding {
  const challenges = headerValues(response, "www-authenticate");
  const schemes = offeredSchemes(challenges);
  const details = { status: response.status, methodsFound: schemes, wwwAuthenticate: challenges.map((value) => cleanText(value, LIMITS.headerValueShown)) };
  const wanted = AUTH_METHOD_NAMES[method];
  if (response.status === 404) {
    return error(
      "HTTP_UNEXPECTED_STATUS",
      "The server answered 404 Not Found: the RPC over HTTP proxy isn't installed at /rpc/rpcproxy.dll, or Outlook Anywhere isn't enabled.",
      details,
    );
  }
  if (response.status >= 200 && response.status < 300) {
    return warning(
      "HTTP_UNEXPECTED_STATUS",
      `The RPC proxy answered HTTP ${response.status} without asking for authentication; Outlook Anywhere expects 401 with the authentication methods offered.`,
      details,
    );
  }
  if (response.status !== 401) {
    return error(
      "HTTP_UNEXPECTED_STATUS",
      `The RPC proxy answered HTTP ${response.status} ${response.statusText} instead of 401 Unauthorized with the authentication methods it accepts.`,
      details,
    );
  }
  const found = schemes.length > 0 ? schemes.join(", ") : "none";
  if (offers(schemes, wanted)) {
    return ok(`The analyzer found the expected authentication method ${wanted}. Methods found: ${found}.`, details);
  }
  if (method === "ntlm" && offers(schemes, "Negotiate")) {
    return warning(
      "HTTP_AUTH_METHOD_MISSING",
      `NTLM isn't offered on its own; Negotiate is, which falls back to NTLM for most clients. Methods found: ${found}.`,
      details,
    );
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

/**
 * Outlook sends a password only over a connection it accepts: the chain trusted by the same store (OpenSSL
 * agreeing), the name matching, TLS 1.2 or later at default security. The last two are enforced again by the
 * strict handshake of the credential connection itself; this decides whether to try at all.
 */
export function credentialGate(facts: {
  certificateTrusted: boolean;
  ignoreTrust: boolean;
  scheme: string | undefined;
  method: AuthMethod;
}): { send: true; scheme: string } | { send: false; reason: string } {
  const method = AUTH_METHOD_NAMES[facts.method];
  if (!facts.certificateTrusted) {
    return {
      send: false,
      reason: facts.ignoreTrust
        ? `the credentials weren't sent: "Ignore trust for SSL" turned certificate errors into warnings, but Outlook would refuse this certificate (its trust, name, dates or usage), so it would never send a password over this connection.`
        : "the credentials weren't sent: the certificate failed a check Outlook makes (trust, name, dates or usage), and Outlook never sends a password over such a connection.",
    };
  }
  if (!facts.scheme) return { send: false, reason: `the server doesn't offer ${method} authentication, so the credentials weren't sent.` };
  return { send: true, scheme: facts.scheme };
}

/** What the server answered to the credentials. */
export type AuthenticationOutcome =
  | { kind: "answered"; status: number; statusText: string; serverDomain?: string }
  | { kind: "no-challenge"; status: number }
  | { kind: "malformed-challenge"; reason: string }
  | { kind: "connection-changed" };

export function judgeAuthentication(outcome: AuthenticationOutcome, method: AuthMethod, scheme: string): Finding {
  const name = AUTH_METHOD_NAMES[method];
  switch (outcome.kind) {
    case "no-challenge":
      return error("HTTP_AUTH_METHOD_MISSING", `The server didn't answer the NTLM negotiation with a challenge (HTTP ${outcome.status}).`, {
        status: outcome.status,
      });
    case "malformed-challenge":
      return error("HTTP_UNEXPECTED_STATUS", `The server's NTLM challenge is malformed: ${outcome.reason}`);
    case "connection-changed":
      return error(
        "HTTP_UNEXPECTED_STATUS",
        "The server closed the connection between the NTLM challenge and the answer; NTLM needs both on one kept-alive connection (check load balancers and proxies in front of the server).",
      );
    case "answered": {
      const details = { status: outcome.status, method: name, scheme, ...(outcome.serverDomain ? { serverDomain: outcome.serverDomain } : {}) };
      if (outcome.status === 401) {
        return error(
          "LOGIN_FAILED",
          `The server rejected the supplied credentials (HTTP 401) with ${name} authentication. Check the user name, the password, and that the account may use Outlook Anywhere.`,
          details,
        );
      }
      if (outcome.status >= 200 && outcome.status < 300) {
        return ok(
          `RPC Proxy was successfully pinged: the server accepted the supplied credentials with ${name} authentication (HTTP ${outcome.status}).`,
          details,
        );
      }
      return error("HTTP_UNEXPECTED_STATUS", `After authentication the RPC proxy answered HTTP ${outcome.status} ${outcome.statusText}.`, details);
    }
  }
}
