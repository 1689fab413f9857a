import { error, info, ok, warning, type Finding } from "@/lib/engine/finding";
import { text } from "@/lib/engine/text";
import { headerValues, type HttpResponse } from "@/lib/net/http";
import { offeredSchemes, offers } from "@/lib/net/http-auth";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { AUTH_METHOD_NAMES, type AuthMethod } from "../fields";
import { judgeUnanswered } from "../steps/credential-outcome";
import type { CredentialExchange } from "../steps/credentials";

/** Pure judgements of what the RPC proxy answered: facts in, findings out. */

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
    return error("HTTP_CLIENT_CERT_REQUIRED", text("steps.outlookAnywhere.clientCertificate.dropped"), details);
  }
  if (probe.response.status === 403 && /403\.7|client certificate/i.test(probe.response.body.toString("latin1"))) {
    return error("HTTP_CLIENT_CERT_REQUIRED", text("steps.outlookAnywhere.clientCertificate.required"), details);
  }
  if (request.seen) {
    return warning("HTTP_CLIENT_CERT_REQUIRED", text("steps.outlookAnywhere.clientCertificate.accepted"), details);
  }
  if (!request.observable) {
    // The reason is the TLS tap's own diagnostic (lib/net): it stays as written.
    return info(text("steps.outlookAnywhere.clientCertificate.notObservable", { status: probe.response.status, reason: request.reason }), details);
  }
  return ok(text("steps.outlookAnywhere.clientCertificate.notRequested"), details);
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
    return error("HTTP_UNEXPECTED_STATUS", text("steps.outlookAnywhere.authMethods.notFound"), details);
  }
  if (response.status >= 200 && response.status < 300) {
    return warning("HTTP_UNEXPECTED_STATUS", text("steps.outlookAnywhere.authMethods.noChallenge", { status: response.status }), details);
  }
  if (response.status !== 401) {
    return error(
      "HTTP_UNEXPECTED_STATUS",
      text("steps.outlookAnywhere.authMethods.unexpectedStatus", { status: response.status, statusText: response.statusText }),
      details,
    );
  }
  // Scheme names are the server's words: only "none" is translated.
  const found = schemes.length > 0 ? schemes.join(", ") : text("steps.common.none");
  if (offers(schemes, wanted)) return ok(text("steps.outlookAnywhere.authMethods.found", { method: wanted, found }), details);
  if (method === "ntlm" && offers(schemes, "Negotiate")) {
    return warning("HTTP_AUTH_METHOD_MISSING", text("steps.outlookAnywhere.authMethods.negotiateOnly", { found }), details);
  }
  return error("HTTP_AUTH_METHOD_MISSING", text("steps.outlookAnywhere.authMethods.missing", { method: wanted, found }), details);
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
        return error("LOGIN_FAILED", text("steps.outlookAnywhere.authenticate.rejected", { method: name }), details);
      }
      if (status >= 200 && status < 300) {
        return ok(text("steps.outlookAnywhere.authenticate.pinged", { method: name, status }), details);
      }
      return error(
        "HTTP_UNEXPECTED_STATUS",
        text("steps.outlookAnywhere.authenticate.unexpectedStatus", { status, statusText: cleanText(statusText, LIMITS.httpStatusText) }),
        details,
      );
    }
  }
}
