import { isIP } from "node:net";
import { DAY_MS } from "@/lib/constants";
import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import type { CertificateFacts, ParsedCertificate } from "./parse";

export const EXPIRY_WARNING_DAYS = 30;
export const MIN_RSA_BITS = 2048;
export const MIN_EC_BITS = 256;
const WEAK_HASHES = new Set(["SHA-1", "MD5", "MD2"]);

/** RFC 6125: SAN dNSName / iPAddress entries, one left-most wildcard label; the CN only when no DNS SAN exists. */
export function checkName(host: string, leaf: ParsedCertificate): Finding {
  const { facts, node } = leaf;
  const names = { subjectCommonNames: facts.subjectCommonNames, dnsNames: facts.dnsNames, ipAddresses: facts.ipAddresses };
  if (isIP(host)) {
    const matched = node.checkIP(host);
    return matched
      ? ok(`IP address ${host} was found in the certificate's Subject Alternative Name entries.`, names)
      : error(
          "CERT_NAME_MISMATCH",
          `IP address ${host} isn't among the certificate's Subject Alternative Name IP addresses (${list(facts.ipAddresses)}).`,
          names,
        );
  }
  const matched = node.checkHost(host, {
    subject: "default",
    wildcards: true,
    partialWildcards: false,
    multiLabelWildcards: false,
    singleLabelSubdomains: false,
  });
  const cnOnly = facts.dnsNames.length === 0;
  if (matched) {
    const where = cnOnly
      ? "the Certificate Subject Common name (the certificate has no Subject Alternative Names, so the common name was used)"
      : "the Certificate Subject Alternative Name entries";
    const how = matched.startsWith("*.") ? ` (wildcard ${matched})` : "";
    return ok(`Host name ${host} was found in ${where}${how}.`, names);
  }
  const presented = cnOnly ? facts.subjectCommonNames : facts.dnsNames;
  const note = cnOnly
    ? " The certificate has no Subject Alternative Names; only its common name was checked."
    : facts.subjectCommonNames.length > 0
      ? ` The common name (${list(facts.subjectCommonNames)}) isn't used because Subject Alternative Names are present.`
      : "";
  return error("CERT_NAME_MISMATCH", `Host name ${host} doesn't match any name on the certificate. Names found: ${list(presented)}.${note}`, names);
}

export function checkDates(path: CertificateFacts[], now: Date): Finding {
  const leaf = path[0]!;
  const details = { notBefore: leaf.notBefore, notAfter: leaf.notAfter };
  for (const [index, cert] of path.entries()) {
    const which = index === 0 ? "The server certificate" : `The chain certificate "${cert.subject}"`;
    if (new Date(cert.notAfter) < now) return error("CERT_EXPIRED", `${which} expired on ${cert.notAfter}.`, details);
    if (new Date(cert.notBefore) > now) return error("CERT_NOT_YET_VALID", `${which} isn't valid until ${cert.notBefore}.`, details);
  }
  const daysLeft = Math.floor((new Date(leaf.notAfter).getTime() - now.getTime()) / DAY_MS);
  if (daysLeft < EXPIRY_WARNING_DAYS) {
    return warning(
      "CERT_EXPIRING_SOON",
      `The certificate expires in ${daysLeft} day${daysLeft === 1 ? "" : "s"} (${leaf.notAfter}). Renew it before it expires.`,
      { ...details, daysLeft },
    );
  }
  return ok(`Date validation passed. The certificate hasn't expired. NotBefore = ${leaf.notBefore}, NotAfter = ${leaf.notAfter} (${daysLeft} days left).`, {
    ...details,
    daysLeft,
  });
}

function weakKey(cert: CertificateFacts): string | undefined {
  if (cert.keyAlgorithm === "RSA" && (cert.keySize ?? 0) < MIN_RSA_BITS)
    return `an RSA key of ${cert.keySize} bits; at least ${MIN_RSA_BITS} bits are required`;
  if (cert.keyAlgorithm === "EC" && (cert.keySize ?? 0) < MIN_EC_BITS)
    return `an elliptic-curve key of ${cert.keySize} bits (${cert.keyCurve}); at least ${MIN_EC_BITS} bits are required`;
  return undefined;
}

export function checkStrength(path: CertificateFacts[]): Finding {
  const leaf = path[0]!;
  const details = { keyAlgorithm: leaf.keyAlgorithm, keySize: leaf.keySize, signatureAlgorithm: leaf.signatureAlgorithm };
  for (const cert of path) {
    const weakness = weakKey(cert);
    if (weakness) {
      const which = cert === leaf ? "The certificate" : `The chain certificate "${cert.subject}"`;
      return error("CERT_WEAK_KEY", `${which} has ${weakness}.`, details);
    }
  }
  // A root's own signature is never checked by clients: only the certificates below it matter.
  const weak = path.find((cert) => !cert.selfIssued && cert.signatureHash && WEAK_HASHES.has(cert.signatureHash));
  if (weak) {
    const which = weak === leaf ? "The server certificate" : `The chain certificate "${weak.subject}"`;
    return error(
      "CERT_WEAK_SIGNATURE",
      `${which} is signed with ${weak.signatureAlgorithm}; ${weak.signatureHash} signatures are rejected by current clients.`,
      details,
    );
  }
  const size = leaf.keySize ? `${leaf.keySize}-bit ` : "";
  return ok(`The certificate uses a ${size}${leaf.keyAlgorithm} key and a ${leaf.signatureAlgorithm} signature.`, details);
}

export function checkServerAuthUsage(leaf: CertificateFacts): Finding {
  const usages = leaf.extendedKeyUsage;
  if (usages === null)
    return ok("The certificate has no Extended Key Usage restriction; server authentication is allowed.", { extendedKeyUsage: "none (any)" });
  if (usages.includes("serverAuth") || usages.includes("anyExtendedKeyUsage")) {
    return ok(`The certificate's Extended Key Usage allows server authentication (${usages.join(", ")}).`, { extendedKeyUsage: usages });
  }
  return error(
    "CERT_NOT_FOR_SERVER_AUTH",
    `The certificate's Extended Key Usage (${list(usages)}) doesn't include Server Authentication (1.3.6.1.5.5.7.3.1); clients will reject it for TLS servers.`,
    { extendedKeyUsage: usages },
  );
}

function list(values: string[]): string {
  return values.length > 0 ? values.join(", ") : "none";
}
