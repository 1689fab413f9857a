import { X509Certificate } from "node:crypto";
import { rootCertificates } from "node:tls";
import type { ParsedCertificate } from "@/lib/cert/parse";

/**
 * Whether a certificate is one of the Mozilla roots bundled with Node (the public Web PKI), as opposed to a root
 * added through NODE_EXTRA_CA_CERTS or pasted by the user. Browsers' CT policies apply only to the public roots.
 */
let fingerprints: Set<string> | undefined;

function publicRootFingerprints(): Set<string> {
  if (!fingerprints) {
    fingerprints = new Set();
    for (const pem of rootCertificates) {
      try {
        fingerprints.add(new X509Certificate(pem).fingerprint256);
      } catch {
        // A root Node can't read can't anchor a path either.
      }
    }
  }
  return fingerprints;
}

export function isBundledPublicRoot(cert: ParsedCertificate | undefined): boolean {
  return cert !== undefined && publicRootFingerprints().has(cert.node.fingerprint256);
}

/** A built path (leaf first) that ends at a bundled public root: the certificate is publicly trusted. */
export function endsAtPublicRoot(path: readonly ParsedCertificate[]): boolean {
  return path.length > 1 && isBundledPublicRoot(path.at(-1));
}
