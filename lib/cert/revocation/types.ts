import type { RevocationFailure } from "./fetch";

export type RevocationStatus = "good" | "revoked" | "unknown";

/** What a signed, current OCSP response or CRL says about one certificate. */
export interface CertificateStatus {
  status: RevocationStatus;
  /** ISO-8601, when revoked. */
  revokedAt?: string;
  /** RFC 5280 reason name ("keyCompromise"), when revoked and the answer gives one. */
  reason?: string;
  /** ISO-8601: when the answer's information was current. */
  thisUpdate: string;
  /** ISO-8601: when newer information will be available; absent when the responder doesn't say. */
  nextUpdate?: string;
}

export interface OcspAnswer extends CertificateStatus {
  source: "ocsp";
  /** The responder asked, or "stapled" for a response the server sent in the handshake. */
  responderUrl: string;
  /** How the request was sent: POST, or GET after POST failed (RFC 5019). Absent for a stapled response. */
  method?: "POST" | "GET";
  producedAt: string;
  /** Who signed the response: "the issuing CA", or "delegated responder <subject>". */
  signer: string;
  signatureAlgorithm: string;
}

export interface CrlAnswer extends CertificateStatus {
  source: "crl";
  crlUrl: string;
  /** Certificates the CRL lists. */
  entries: number;
  /** The CRL came from the cache (fetched earlier, before its nextUpdate). */
  cached: boolean;
  signatureAlgorithm: string;
}

/**
 * Everything found about one certificate: the answer used (OCSP first, then the CRL), and each service that gave no
 * usable answer, in the order tried. `none`: nothing could be asked (no service named, or no issuer to ask about).
 */
export type RevocationCheck =
  | { method: "none"; why: "no-service" | "no-issuer" }
  | { method: "ocsp"; answer: OcspAnswer; failures: RevocationFailure[] }
  | { method: "crl"; answer: CrlAnswer; failures: RevocationFailure[] }
  | { method: "failed"; failures: RevocationFailure[] };

/** Clients accept an answer a few minutes early or late: clocks differ. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
