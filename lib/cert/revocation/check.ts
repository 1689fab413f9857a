import "server-only";
import type { ParsedCertificate } from "@/lib/cert/parse";
import { LIMITS } from "@/lib/net/limits";
import { crlUrls, queryCrl } from "./crl";
import { RevocationFailure } from "./fetch";
import { ocspUrls, queryOcsp } from "./ocsp";
import type { RevocationCheck } from "./types";

/**
 * The network half for one certificate: each OCSP responder it names, in turn, until one gives a usable answer; when
 * none does (or it names none), each CRL distribution point. Every service that fails is kept, with why, so a
 * responder that doesn't answer is reported even when a CRL settles the question.
 */
export async function checkRevocation(cert: ParsedCertificate, issuer: ParsedCertificate | undefined, now: Date): Promise<RevocationCheck> {
  const ocsp = ocspUrls(cert).slice(0, LIMITS.revocationUrls);
  const crl = crlUrls(cert).slice(0, LIMITS.revocationUrls);
  if (ocsp.length === 0 && crl.length === 0) return { method: "none", why: "no-service" };
  if (!issuer) return { method: "none", why: "no-issuer" };
  const failures: RevocationFailure[] = [];
  for (const url of ocsp) {
    try {
      return { method: "ocsp", answer: await queryOcsp(url, cert, issuer, now), failures };
    } catch (error) {
      failures.push(asFailure(error));
    }
  }
  for (const url of crl) {
    try {
      return { method: "crl", answer: await queryCrl(url, cert, issuer, now), failures };
    } catch (error) {
      failures.push(asFailure(error));
    }
  }
  return { method: "failed", failures };
}

/** A service's failure is a fact; anything else thrown is an analyzer bug, which the step reports as an internal error. */
function asFailure(error: unknown): RevocationFailure {
  if (error instanceof RevocationFailure) return error;
  throw error;
}

/** The URLs a certificate names, for a step's details even when nothing was fetched. */
export function revocationServices(cert: ParsedCertificate): { ocsp: string[]; crl: string[] } {
  return { ocsp: ocspUrls(cert), crl: crlUrls(cert) };
}
