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
  /** The path ends at a root (or at a CA whose issuer is unknown) that isn't trusted. */
  | "untrusted-root"
  /** The leaf's issuer wasn't sent and isn't a trusted root: the intermediate is missing. */
  | "incomplete";

export interface ChainAnalysis {
  status: ChainStatus;
  path: PathLink[];
  /** The server sent the chain's certificates out of order (leaf, then each issuer in turn). */
  outOfOrder: boolean;
  /** Sent certificates that are not part of the path. */
  unused: number[];
  /** Subject of the issuer that couldn't be found, when the path is not trusted. */
  missingIssuer?: string;
}

function issues(issuer: X509Certificate, subject: X509Certificate): boolean {
  try {
    return subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
  } catch {
    return false; // unsupported key or signature algorithm: cannot be the issuer we can prove
  }
}

/** Signed by its own key. (OpenSSL's checkIssued also wants keyCertSign, which self-signed leaves lack.) */
function isSelfSigned(cert: X509Certificate): boolean {
  try {
    return cert.subject === cert.issuer && cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

/**
 * Builds the path from the leaf (sent[0]) through the certificates the server sent to a trust anchor,
 * the way a client does: order-independent, signature-checked. Pure; no network (no AIA fetching).
 */
export function analyzeChain(sent: readonly X509Certificate[], anchors: readonly X509Certificate[]): ChainAnalysis {
  const leaf = sent[0];
  if (!leaf) throw new Error("analyzeChain needs at least the leaf certificate");
  const path: PathLink[] = [{ cert: leaf, source: 0 }];
  const used = new Set<number>([0]);
  let status: ChainStatus | undefined;

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
    const anchor = anchors.find((candidate) => issues(candidate, current));
    if (anchor) {
      // A root the server sent too is part of the path as sent (harmless, if unnecessary).
      const sentCopy = sent.findIndex((candidate, index) => !used.has(index) && candidate.fingerprint256 === anchor.fingerprint256);
      if (sentCopy >= 0) used.add(sentCopy);
      path.push({ cert: anchor, source: sentCopy >= 0 ? sentCopy : "trust-store" });
      status = "trusted";
      break;
    }
    const next = sent.findIndex((candidate, index) => !used.has(index) && issues(candidate, current));
    if (next >= 0) {
      used.add(next);
      path.push({ cert: sent[next]!, source: next });
      continue;
    }
    status = current.ca ? "untrusted-root" : "incomplete";
  }

  const last = path[path.length - 1]!.cert;
  const sentIndexes = path.map((link) => link.source).filter((source): source is number => typeof source === "number");
  return {
    status,
    path,
    outOfOrder: sentIndexes.some((source, position) => source !== position),
    unused: sent.map((_, index) => index).filter((index) => !used.has(index)),
    missingIssuer: status === "trusted" || status === "self-signed" || isSelfSigned(last) ? undefined : oneLine(last.issuer),
  };
}

/** Node prints distinguished names one attribute per line; messages want "CN=…, O=…". */
function oneLine(name: string): string {
  return name.split("\n").join(", ");
}
