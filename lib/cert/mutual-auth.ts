import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import { text } from "@/lib/engine/text";
import type { CertificateFacts } from "./parse";

export const MSSTD_PREFIX = "msstd:";

/** The name after "msstd:", or the whole string when the prefix is missing. */
export function principalName(principal: string): string {
  const trimmed = principal.trim();
  return trimmed.toLowerCase().startsWith(MSSTD_PREFIX) ? trimmed.slice(MSSTD_PREFIX.length) : trimmed;
}

/**
 * Outlook's "Only connect to proxy servers that have this principal name in their certificate": the name is
 * compared with the certificate's names as a literal, case-insensitive string, never by wildcard rules.
 */
export function checkMutualAuth(principal: string, cert: CertificateFacts): Finding {
  const wanted = principalName(principal).toLowerCase();
  const same = (name: string) => name.toLowerCase() === wanted;
  const details = { principal, subjectCommonNames: cert.subjectCommonNames, dnsNames: cert.dnsNames };
  const cn = cert.subjectCommonNames.find(same);
  if (cn) {
    return ok(text("steps.mutualAuth.ok", { cn, principal }), details);
  }
  const san = cert.dnsNames.find(same);
  const commonName = cert.subjectCommonNames[cert.subjectCommonNames.length - 1];
  if (san) {
    return warning("MUTUAL_AUTH_MISMATCH", text("steps.mutualAuth.sanOnly", { san, principal, cn: commonName ?? text("steps.common.none") }), details);
  }
  const sans = cert.dnsNames.length > 0 ? { sans: cert.dnsNames.join(", ") } : undefined;
  const mismatch = commonName
    ? text(sans ? "steps.mutualAuth.mismatchSans" : "steps.mutualAuth.mismatch", {
        cn: commonName,
        principal,
        suggested: `${MSSTD_PREFIX}${commonName}`,
        ...sans,
      })
    : text(sans ? "steps.mutualAuth.mismatchNoCnSans" : "steps.mutualAuth.mismatchNoCn", { principal, ...sans });
  return error("MUTUAL_AUTH_MISMATCH", mismatch, { ...details, suggestedPrincipal: commonName ? `${MSSTD_PREFIX}${commonName}` : undefined });
}
