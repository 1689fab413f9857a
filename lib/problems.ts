/**
 * Every problem code a step can raise. The set is part of the public contract (../shared/CONTRACT.md):
 * codes are only ever added, never renamed. Each one a built test can raise has a help page at /help/<CODE>; the others are reserved (no page).
 */
export const PROBLEM_CODES = [
  "TARGET_FORBIDDEN",
  "DNS_NO_RECORD",
  "DNS_FAILURE",
  "TCP_REFUSED",
  "TCP_TIMEOUT",
  "TLS_HANDSHAKE_FAILED",
  "TLS_PROTOCOL_OBSOLETE",
  "CERT_NAME_MISMATCH",
  "CERT_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_EXPIRING_SOON",
  "CERT_SELF_SIGNED",
  "CERT_UNTRUSTED_ROOT",
  "CERT_CHAIN_INCOMPLETE",
  "CERT_CHAIN_ORDER",
  "CERT_WEAK_SIGNATURE",
  "CERT_WEAK_KEY",
  "CERT_NOT_FOR_SERVER_AUTH",
  "CERT_REVOKED",
  "MUTUAL_AUTH_MISMATCH",
  "HTTP_UNEXPECTED_STATUS",
  "HTTP_AUTH_METHOD_MISSING",
  "HTTP_CLIENT_CERT_REQUIRED",
  "AUTODISCOVER_NOT_FOUND",
  "AUTODISCOVER_BAD_RESPONSE",
  "AUTODISCOVER_PRINCIPAL_MISMATCH",
  "SMTP_BANNER",
  "SMTP_STARTTLS_MISSING",
  "SMTP_OPEN_RELAY",
  "PTR_MISSING",
  "PTR_MISMATCH",
  "DNSBL_LISTED",
  "SPF_MISSING",
  "STARTTLS_MISSING",
  "LOGIN_FAILED",
  // Extensions beyond the contract's first set.
  "TLS_NOT_SPOKEN",
  "CONNECTION_FAILED",
  "HTTP_TIMEOUT",
  "INTERNAL_ERROR",
  // RFC 5280 path validation: each rule an issuer or the path can break.
  "CERT_ISSUER_NOT_CA",
  "CERT_PATH_LENGTH_EXCEEDED",
  "CERT_ISSUER_KEY_USAGE",
  "CERT_NAME_CONSTRAINTS",
  "CERT_CHAIN_INVALID",
  // Safe to expose: the whole test ran out of time.
  "TEST_DEADLINE",
  // Internet e-mail: the line protocols (SMTP, IMAP, POP) and the mail DNS records.
  "PROTOCOL_TIMEOUT",
  "PROTOCOL_ERROR",
  "SMTP_NULL_MX",
  "SMTP_EHLO_REJECTED",
  "SMTP_RECIPIENT_REJECTED",
  "MTA_STS_INVALID",
  "TLSRPT_MISSING",
  "DANE_MISMATCH",
  "SPF_INVALID",
  "SPF_NOT_PERMITTED",
  "DMARC_MISSING",
  "DMARC_INVALID",
  "MAILBOX_COMMAND_FAILED",
  // Certificates in depth.
  "CERTIFICATE_FILE_INVALID",
  "REVOCATION_UNCHECKED",
  "OCSP_STAPLE_INVALID",
  "CT_INSUFFICIENT_SCTS",
  "CAA_FORBIDS_ISSUER",
] as const;

/** Codes the step engine itself raises, in any step of any test: not declared by a test. */
export const ENGINE_PROBLEM_CODES = ["INTERNAL_ERROR", "TEST_DEADLINE"] as const satisfies readonly (typeof PROBLEM_CODES)[number][];

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export function isProblemCode(value: string): value is ProblemCode {
  return (PROBLEM_CODES as readonly string[]).includes(value);
}
