import { LIMITS } from "@/lib/net/limits";
import type { X509Certificate } from "node:crypto";

/**
 * Something read from a trust-store root, kept per root: the same few roots end most paths, and reading one (an
 * ASN.1 parse) costs more than the checks run on it. Only for anchors: a server's certificates differ every time.
 */
export function perAnchor<T>(read: (anchor: X509Certificate) => T): (anchor: X509Certificate) => T {
  const kept = new Map<string, T>();
  return (anchor) => {
    let value = kept.get(anchor.fingerprint256);
    if (value === undefined) {
      value = read(anchor);
      if (kept.size >= LIMITS.parsedAnchors) kept.clear();
      kept.set(anchor.fingerprint256, value);
    }
    return value;
  };
}
