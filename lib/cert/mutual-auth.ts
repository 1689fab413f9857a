import { error, ok, warning, type Finding } from "@/lib/engine/finding";
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
    return ok(`Mutual authentication was verified successfully. Certificate common name ${cn} matches ${principal}.`, details);
  }
  const san = cert.dnsNames.find(same);
  const commonName = cert.subjectCommonNames[cert.subjectCommonNames.length - 1];
  if (san) {
    return warning(
      "MUTUAL_AUTH_MISMATCH",
      `Certificate Subject Alternative Name ${san} matches ${principal}, but the common name (${commonName ?? "none"}) doesn't. Outlook on Windows Vista and later accepts a Subject Alternative Name match; older clients require the common name to match.`,
      details,
    );
  }
  const suggestion = commonName
    ? ` The principal that would work is ${MSSTD_PREFIX}${commonName}.`
    : " The certificate has no common name, so no msstd: principal can match it for older clients.";
  const others = cert.dnsNames.length > 0 ? ` Subject Alternative Names: ${cert.dnsNames.join(", ")}.` : "";
  return error(
    "MUTUAL_AUTH_MISMATCH",
    `The certificate common name ${commonName ?? "(none)"} doesn't validate against the mutual authentication string that was provided: ${principal}.${others}${suggestion}`,
    { ...details, suggestedPrincipal: commonName ? `${MSSTD_PREFIX}${commonName}` : undefined },
  );
}
