import { isIP } from "node:net";
import { DAY_MS } from "@/lib/constants";
import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import { text, type LocalizedText, type TextParamValue } from "@/lib/engine/text";
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
      ? ok(text("steps.certificate.name.ipFound", { host }), names)
      : error("CERT_NAME_MISMATCH", text("steps.certificate.name.ipMismatch", { host, addresses: list(facts.ipAddresses) }), names);
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
    const wildcard = matched.startsWith("*.");
    const found = cnOnly
      ? wildcard
        ? text("steps.certificate.name.foundCnWildcard", { host, wildcard: matched })
        : text("steps.certificate.name.foundCn", { host })
      : wildcard
        ? text("steps.certificate.name.foundSanWildcard", { host, wildcard: matched })
        : text("steps.certificate.name.foundSan", { host });
    return ok(found, names);
  }
  const presented = list(cnOnly ? facts.subjectCommonNames : facts.dnsNames);
  const mismatch = cnOnly
    ? text("steps.certificate.name.mismatchCnOnly", { host, names: presented })
    : facts.subjectCommonNames.length > 0
      ? text("steps.certificate.name.mismatchCnIgnored", { host, names: presented, commonNames: list(facts.subjectCommonNames) })
      : text("steps.certificate.name.mismatch", { host, names: presented });
  return error("CERT_NAME_MISMATCH", mismatch, names);
}

export function checkDates(path: CertificateFacts[], now: Date): Finding {
  const leaf = path[0]!;
  const details = { notBefore: leaf.notBefore, notAfter: leaf.notAfter };
  for (const [index, cert] of path.entries()) {
    const leafCert = index === 0;
    if (new Date(cert.notAfter) < now) {
      const date = cert.notAfter;
      return error(
        "CERT_EXPIRED",
        leafCert ? text("steps.certificate.dates.expired", { date }) : text("steps.certificate.dates.chainExpired", { subject: cert.subject, date }),
        details,
      );
    }
    if (new Date(cert.notBefore) > now) {
      const date = cert.notBefore;
      return error(
        "CERT_NOT_YET_VALID",
        leafCert ? text("steps.certificate.dates.notYetValid", { date }) : text("steps.certificate.dates.chainNotYetValid", { subject: cert.subject, date }),
        details,
      );
    }
  }
  const daysLeft = Math.floor((new Date(leaf.notAfter).getTime() - now.getTime()) / DAY_MS);
  if (daysLeft < EXPIRY_WARNING_DAYS) {
    return warning(
      "CERT_EXPIRING_SOON",
      text(daysLeft === 1 ? "steps.certificate.dates.expiresInOneDay" : "steps.certificate.dates.expiresSoon", { days: daysLeft, date: leaf.notAfter }),
      { ...details, daysLeft },
    );
  }
  return ok(text("steps.certificate.dates.ok", { notBefore: leaf.notBefore, notAfter: leaf.notAfter, days: daysLeft }), {
    ...details,
    daysLeft,
  });
}

/** The finding's text for a key below the minimum, or undefined when the key is strong enough. */
function weakKey(cert: CertificateFacts, isLeaf: boolean): LocalizedText | undefined {
  const which: Record<string, string> = isLeaf ? {} : { subject: cert.subject };
  const bits = String(cert.keySize);
  if (cert.keyAlgorithm === "RSA" && (cert.keySize ?? 0) < MIN_RSA_BITS)
    return text(isLeaf ? "steps.certificate.strength.weakRsa" : "steps.certificate.strength.chainWeakRsa", { ...which, bits, min: MIN_RSA_BITS });
  if (cert.keyAlgorithm === "EC" && (cert.keySize ?? 0) < MIN_EC_BITS)
    return text(isLeaf ? "steps.certificate.strength.weakEc" : "steps.certificate.strength.chainWeakEc", {
      ...which,
      bits,
      curve: String(cert.keyCurve),
      min: MIN_EC_BITS,
    });
  return undefined;
}

export function checkStrength(path: CertificateFacts[]): Finding {
  const leaf = path[0]!;
  const details = { keyAlgorithm: leaf.keyAlgorithm, keySize: leaf.keySize, signatureAlgorithm: leaf.signatureAlgorithm };
  for (const cert of path) {
    const weakness = weakKey(cert, cert === leaf);
    if (weakness) return error("CERT_WEAK_KEY", weakness, details);
  }
  // A root's own signature is never checked by clients: only the certificates below it matter.
  const weak = path.find((cert) => !cert.selfIssued && cert.signatureHash && WEAK_HASHES.has(cert.signatureHash));
  if (weak) {
    const signed = { algorithm: weak.signatureAlgorithm, hash: weak.signatureHash ?? "" };
    return error(
      "CERT_WEAK_SIGNATURE",
      weak === leaf
        ? text("steps.certificate.strength.weakSignature", signed)
        : text("steps.certificate.strength.chainWeakSignature", { ...signed, subject: weak.subject }),
      details,
    );
  }
  const used = { algorithm: leaf.keyAlgorithm, signature: leaf.signatureAlgorithm };
  return ok(leaf.keySize ? text("steps.certificate.strength.ok", { ...used, bits: leaf.keySize }) : text("steps.certificate.strength.okNoSize", used), details);
}

export function checkServerAuthUsage(leaf: CertificateFacts): Finding {
  const usages = leaf.extendedKeyUsage;
  if (usages === null) return ok(text("steps.certificate.usage.unrestricted"), { extendedKeyUsage: "none (any)" });
  if (usages.includes("serverAuth") || usages.includes("anyExtendedKeyUsage")) {
    return ok(text("steps.certificate.usage.allowed", { usages: usages.join(", ") }), { extendedKeyUsage: usages });
  }
  return error("CERT_NOT_FOR_SERVER_AUTH", text("steps.certificate.usage.notAllowed", { usages: list(usages) }), { extendedKeyUsage: usages });
}

/** The values joined by commas, or "none" in the reader's language. */
function list(values: string[]): TextParamValue {
  return values.length > 0 ? values.join(", ") : text("steps.common.none");
}
