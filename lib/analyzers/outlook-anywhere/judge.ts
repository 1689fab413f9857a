import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import { headerValues, type HttpResponse } from "@/lib/net/http";
import { offeredSchemes, offers } from "@/lib/net/http-auth";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { AUTH_METHOD_NAMES, type AuthMethod } from "../fields";
import { judgeUnanswered } from "../steps/credential-outcome";
import type { CredentialExchange } from "../steps/credentials";

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
  const details = {
    status: response.status,
    methodsFound: schemes,
    wwwAuthenticate: challenges.slice(0, LIMITS.authSchemes).map((value) => cleanText(value, LIMITS.headerValueShown)),
  };
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

/** "Attempting to ping RPC proxy … with the supplied credentials." */
export function judgeAuthentication(outcome: CredentialExchange, method: AuthMethod, scheme: string): Finding {
  const name = AUTH_METHOD_NAMES[method];
  switch (outcome.kind) {
    case "no-challenge":
    case "malformed-challenge":
    case "connection-changed":
      return judgeUnanswered(outcome);
    case "answered": {
      const { status, statusText } = outcome.response;
      const details = { status, method: name, scheme, ...(outcome.serverDomain ? { serverDomain: outcome.serverDomain } : {}) };
      if (status === 401) {
        return error(
          "LOGIN_FAILED",
          `The server rejected the supplied credentials (HTTP 401) with ${name} authentication. Check the user name, the password, and that the account may use Outlook Anywhere.`,
          details,
        );
      }
      if (status >= 200 && status < 300) {
        return ok(`RPC Proxy was successfully pinged: the server accepted the supplied credentials with ${name} authentication (HTTP ${status}).`, details);
      }
      return error(
        "HTTP_UNEXPECTED_STATUS",
        `After authentication the RPC proxy answered HTTP ${status} ${cleanText(statusText, LIMITS.httpStatusText)}.`,
        details,
      );
    }
  }
}
