import "server-only";
import type { ParsedCertificate } from "@/lib/cert/parse";
import { RevocationFailure } from "./fetch";
import { judgeOcspResponse } from "./ocsp";
import type { OcspAnswer } from "./types";

/** What the server stapled in the handshake (RFC 6066 status_request), judged like a response fetched from the responder. */
export type StaplingCheck =
  | { stapled: false }
  | { stapled: true; answer: Omit<OcspAnswer, "method"> }
  | { stapled: true; failure: RevocationFailure }
  /** Stapled, but the leaf's issuer isn't in the path: the response can't be verified. */
  | { stapled: true; unverifiable: true };

/** Pure: no network. `response` is the stapled DER, undefined when the server stapled nothing. */
export function checkStapled(response: Buffer | undefined, leaf: ParsedCertificate, issuer: ParsedCertificate | undefined, now: Date): StaplingCheck {
  if (!response) return { stapled: false };
  if (!issuer) return { stapled: true, unverifiable: true };
  try {
    return { stapled: true, answer: judgeOcspResponse(response, { cert: leaf, issuer, now, responderUrl: "stapled" }) };
  } catch (error) {
    if (error instanceof RevocationFailure) return { stapled: true, failure: error };
    throw error;
  }
}
