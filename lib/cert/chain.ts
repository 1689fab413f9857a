import type { X509Certificate } from "node:crypto";

/** One certificate of the built path, and where it came from. */
export interface PathLink {
  cert: X509Certificate;
  /** Index in the chain as sent, or "trust-store" for an anchor the server didn't send. */
  source: number | "trust-store";
}

export type ChainStatus =
  /** The path ends at a trusted root. */
  | "trusted"
  /** The leaf is its own issuer. */
  | "self-signed"
  /** The path ends at a self-signed root that isn't trusted. */
  | "untrusted-root"
  /** The path stops at a certificate (the leaf, or an intermediate) whose issuer was neither sent nor is a trusted root. */
  | "incomplete"
  /** A certificate bearing the issuer's name was found, but the signature doesn't verify with its key. */
  | "bad-signature";

export interface ChainAnalysis {
  status: ChainStatus;
  path: PathLink[];
  /** The server sent the chain's certificates out of order (leaf, then each issuer in turn). */
  outOfOrder: boolean;
  /** Sent certificates that are not part of the path. */
  unused: number[];
  /** "incomplete": the subject of the issuer that couldn't be found. */
  missingIssuer?: string;
  /** "bad-signature": the certificate of the path whose signature fails, and the certificate bearing its issuer's name. */
  badSignature?: { position: number; issuer: PathLink };
}

/** OpenSSL compares names canonically (case and spacing folded); Node prints them, so compare the printed form folded. */
function sameName(a: string, b: string): boolean {
  const fold = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();
  return fold(a) === fold(b);
}

/** Names the subject's issuer. Not Node's checkIssued: it also wants keyCertSign, a rule judged (and named) later. */
function bearsIssuerName(candidate: X509Certificate, subject: X509Certificate): boolean {
  return sameName(candidate.subject, subject.issuer);
}

function signedBy(candidate: X509Certificate, subject: X509Certificate): boolean {
  try {
    return subject.verify(candidate.publicKey);
  } catch {
    return false; // unsupported key or signature algorithm: cannot be the issuer we can prove
  }
}

function issues(candidate: X509Certificate, subject: X509Certificate): boolean {
  return bearsIssuerName(candidate, subject) && signedBy(candidate, subject);
}

/** Signed by its own key. */
/** Subject and issuer are the same name, compared as OpenSSL does: a root, or a CA's key rollover certificate. */
export function isSelfIssued(cert: X509Certificate): boolean {
  return bearsIssuerName(cert, cert);
}

function isSelfSigned(cert: X509Certificate): boolean {
  return bearsIssuerName(cert, cert) && signedBy(cert, cert);
}

function validAt(cert: X509Certificate, now: Date): boolean {
  return new Date(cert.validFrom) <= now && now <= new Date(cert.validTo);
}

/** Like OpenSSL: among several issuers, one valid now; else the one that expires last. */
function preferredIssuer(candidates: number[], sent: readonly X509Certificate[], now: Date): number | undefined {
  const current = candidates.find((index) => validAt(sent[index]!, now));
  if (current !== undefined) return current;
  return candidates.sort((a, b) => new Date(sent[b]!.validTo).getTime() - new Date(sent[a]!.validTo).getTime())[0];
}

/**
 * Builds the path from the leaf (sent[0]) through the certificates the server sent to a trust anchor,
 * the way a client does: order-independent, linked by issuer name and verified signature. Pure; no network (no
 * AIA fetching). The rules a path must then obey (CA, key usage, path length, name constraints, dates) are
 * path-validation.ts's.
 */
export function analyzeChain(sent: readonly X509Certificate[], anchors: readonly X509Certificate[], now: Date = new Date()): ChainAnalysis {
  const leaf = sent[0];
  if (!leaf) throw new Error("analyzeChain needs at least the leaf certificate");
  const path: PathLink[] = [{ cert: leaf, source: 0 }];
  const used = new Set<number>([0]);
  let status: ChainStatus | undefined;
  let badSignature: ChainAnalysis["badSignature"];

  while (!status) {
    const current = path[path.length - 1]!.cert;
    if (anchors.some((anchor) => anchor.fingerprint256 === current.fingerprint256)) {
      status = "trusted";
      break;
    }
    if (isSelfSigned(current)) {
      status = path.length === 1 ? "self-signed" : "untrusted-root";
      break;
    }
    // The store may hold an expired and a renewed copy of one root: like OpenSSL, take the valid one.
    const matching = anchors.filter((candidate) => issues(candidate, current));
    const anchor = matching.find((candidate) => validAt(candidate, now)) ?? matching[0];
    if (anchor) {
      // A root the server sent too is part of the path as sent (harmless, if unnecessary).
      const sentCopy = sent.findIndex((candidate, index) => !used.has(index) && candidate.fingerprint256 === anchor.fingerprint256);
      if (sentCopy >= 0) used.add(sentCopy);
      path.push({ cert: anchor, source: sentCopy >= 0 ? sentCopy : "trust-store" });
      status = "trusted";
      break;
    }
    const unusedSent = sent.map((_, index) => index).filter((index) => !used.has(index));
    const next = preferredIssuer(
      unusedSent.filter((index) => issues(sent[index]!, current)),
      sent,
      now,
    );
    if (next !== undefined) {
      used.add(next);
      path.push({ cert: sent[next]!, source: next });
      continue;
    }
    // Nothing verifies. A certificate with the issuer's name whose key doesn't verify the signature is a different
    // finding from a missing issuer: the signature is broken, or a re-keyed CA's old certificate was sent.
    const namesake = unusedSent.find((index) => bearsIssuerName(sent[index]!, current));
    const trustedNamesake = anchors.find((candidate) => bearsIssuerName(candidate, current));
    if (namesake !== undefined || trustedNamesake) {
      status = "bad-signature";
      badSignature = {
        position: path.length - 1,
        issuer: namesake !== undefined ? { cert: sent[namesake]!, source: namesake } : { cert: trustedNamesake!, source: "trust-store" },
      };
      break;
    }
    status = "incomplete";
  }

  const last = path[path.length - 1]!.cert;
  const sentIndexes = path.map((link) => link.source).filter((source): source is number => typeof source === "number");
  return {
    status,
    path,
    outOfOrder: sentIndexes.some((source, position) => source !== position),
    unused: sent.map((_, index) => index).filter((index) => !used.has(index)),
    ...(status === "incomplete" ? { missingIssuer: oneLine(last.issuer) } : {}),
    ...(badSignature ? { badSignature } : {}),
  };
}

/** The path ends at a root (trusted, or self-signed and untrusted): its top certificate is judged as a root. */
export function endsAtRoot(chain: ChainAnalysis): boolean {
  return chain.status === "trusted" || chain.status === "untrusted-root";
}

/** Node prints distinguished names one attribute per line; messages want "CN=…, O=…". */
export function oneLine(name: string): string {
  return name.split("\n").join(", ");
}
