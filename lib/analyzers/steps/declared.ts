import type { DeclaredProblems } from "../definition";

/** The problem codes of the steps several tests share (browser-safe: tests' definitions spread these). */

export const CONNECTIVITY_PROBLEMS = {
  "dns.resolve": ["TARGET_FORBIDDEN", "DNS_NO_RECORD", "DNS_FAILURE"],
  "tcp.connect": ["TCP_REFUSED", "TCP_TIMEOUT", "CONNECTION_FAILED", "TARGET_FORBIDDEN"],
} as const satisfies DeclaredProblems;

export const CERTIFICATE_PROBLEMS = {
  "tls.certificate.obtain": ["TLS_HANDSHAKE_FAILED", "TLS_NOT_SPOKEN", "TLS_PROTOCOL_OBSOLETE", "CONNECTION_FAILED"],
  "tls.certificate.name": ["CERT_NAME_MISMATCH"],
  "tls.certificate.trust": [
    "CERT_SELF_SIGNED",
    "CERT_UNTRUSTED_ROOT",
    "CERT_CHAIN_INCOMPLETE",
    "CERT_CHAIN_ORDER",
    "CERT_ISSUER_NOT_CA",
    "CERT_PATH_LENGTH_EXCEEDED",
    "CERT_ISSUER_KEY_USAGE",
    "CERT_NAME_CONSTRAINTS",
    "CERT_EXPIRED",
    "CERT_NOT_YET_VALID",
    "CERT_CHAIN_INVALID",
  ],
  "tls.certificate.dates": ["CERT_EXPIRED", "CERT_NOT_YET_VALID", "CERT_EXPIRING_SOON"],
  "tls.certificate.strength": ["CERT_WEAK_KEY", "CERT_WEAK_SIGNATURE"],
  "tls.certificate.usage": ["CERT_NOT_FOR_SERVER_AUTH"],
  "tls.certificate.revocation.certificate": ["CERT_REVOKED", "REVOCATION_UNCHECKED"],
  "tls.certificate.revocation.stapling": ["CERT_REVOKED", "OCSP_STAPLE_INVALID"],
  "tls.certificate.ct": ["CT_INSUFFICIENT_SCTS"],
  "tls.certificate.caa": ["CAA_FORBIDS_ISSUER", "DNS_FAILURE"],
} as const satisfies DeclaredProblems;

export const PROTOCOL_PROBLEMS = {
  "tls.protocols": ["TLS_PROTOCOL_OBSOLETE"],
} as const satisfies DeclaredProblems;

/** The Autodiscover search (steps/autodiscover/discover.ts): its own steps, besides the connectivity and certificate ones. */
export const AUTODISCOVER_PROBLEMS = {
  "autodiscover.srv": ["DNS_NO_RECORD", "DNS_FAILURE", "TARGET_FORBIDDEN"],
  "autodiscover.http-redirect": ["HTTP_UNEXPECTED_STATUS", "HTTP_TIMEOUT", "CONNECTION_FAILED", "TARGET_FORBIDDEN"],
  "autodiscover.post": ["HTTP_UNEXPECTED_STATUS", "HTTP_TIMEOUT", "CONNECTION_FAILED", "AUTODISCOVER_BAD_RESPONSE", "LOGIN_FAILED", "HTTP_AUTH_METHOD_MISSING"],
  "autodiscover.result": ["AUTODISCOVER_NOT_FOUND", "AUTODISCOVER_BAD_RESPONSE", "LOGIN_FAILED", "HTTP_UNEXPECTED_STATUS"],
  "autodiscover.redirect": ["AUTODISCOVER_BAD_RESPONSE"],
} as const satisfies DeclaredProblems;
