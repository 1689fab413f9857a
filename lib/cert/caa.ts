import { info, ok, warning, type Finding } from "@/lib/engine/finding";
import { text } from "@/lib/engine/text";
import type { Details } from "@/lib/engine/types";
import { cleanText, LIMITS } from "@/lib/net/limits";

/**
 * DNS Certification Authority Authorization (RFC 8659), judged without the network: which CAA record set applies to
 * a name (the name's own, else its closest parent's), and whether it lets the certificate's CA issue for it. CAs
 * check CAA when they issue; clients never do. So a record that forbids the CA doesn't break the certificate in use:
 * it means the CA must refuse to issue the next one.
 */

export interface CaaRecord {
  /** 128 = issuer critical. */
  flags: number;
  /** The property tag, lower-case. */
  tag: string;
  value: string;
}

/** The record set found while climbing, and where. */
export interface CaaRecordSet {
  name: string;
  records: CaaRecord[];
}

/** Property tags RFC 8659 and its extensions define: an unknown one marked critical forbids every CA. */
const KNOWN_TAGS = new Set(["issue", "issuewild", "iodef", "contactemail", "contactphone", "issuemail", "issuevmc"]);
const CRITICAL = 128;

/**
 * The names whose CAA records are looked up, in order (RFC 8659 §3): the name itself, then each parent up to the
 * top-level domain; the first non-empty record set is the relevant one.
 */
export function caaLookupNames(name: string): string[] {
  const labels = name.toLowerCase().replace(/\.$/, "").split(".").filter(Boolean);
  return labels.map((_, index) => labels.slice(index).join(".")).slice(0, LIMITS.caaLookups);
}

/**
 * The certificate name CAA concerns for `host`: the host itself when the certificate names it, else the wildcard that
 * covers it (`*.example.com`), whose CAA records are those of `example.com` and whose issuance `issuewild` governs
 * (RFC 8659 §4.3). A host the certificate doesn't cover is judged as named.
 */
export function caaSubject(host: string, dnsNames: readonly string[]): { name: string; wildcard: boolean } {
  const wanted = host.toLowerCase().replace(/\.$/, "");
  const names = dnsNames.map((name) => name.toLowerCase());
  if (names.includes(wanted)) return { name: wanted, wildcard: false };
  const parent = wanted.split(".").slice(1).join(".");
  if (parent && names.includes(`*.${parent}`)) return { name: parent, wildcard: true };
  return { name: wanted, wildcard: false };
}

/** An issue / issuewild value (RFC 8659 §4.2): the issuer domain (empty: no CA) and its parameters. */
export function parseIssueValue(value: string): { domain: string; parameters: Record<string, string> } {
  const [head = "", ...rest] = value.split(";");
  const parameters: Record<string, string> = {};
  for (const part of rest) {
    const [key, ...tail] = part.split("=");
    if (key?.trim()) parameters[key.trim().toLowerCase()] = tail.join("=").trim();
  }
  return { domain: head.trim().toLowerCase().replace(/\.$/, ""), parameters };
}

/** A CA's brands: the issuer organizations (or names) it signs as, and the CAA domains it recognises as its own. */
export interface CaIdentity {
  ca: string;
  /** Matched against the issuer's organization (O) and common name (CN). */
  match: RegExp;
  domains: string[];
}

/**
 * Major public CAs and the CAA domains each documents. An issuer missing here is "can't tell", never a violation.
 * Where a brand is run by another CA (ZeroSSL on Sectigo, Azure on DigiCert) both domains are accepted.
 */
export const CA_IDENTITIES: readonly CaIdentity[] = [
  { ca: "Let's Encrypt", match: /^Let's Encrypt$/i, domains: ["letsencrypt.org"] },
  { ca: "ZeroSSL", match: /^ZeroSSL\b/i, domains: ["sectigo.com", "zerossl.com", "comodoca.com"] },
  {
    ca: "Sectigo",
    match: /^(Sectigo|COMODO CA|The USERTRUST Network)\b/i,
    domains: ["sectigo.com", "comodoca.com", "comodo.com", "usertrust.com", "trust-provider.com"],
  },
  { ca: "Microsoft", match: /^Microsoft Corporation$/i, domains: ["microsoft.com", "digicert.com"] },
  {
    ca: "DigiCert",
    match: /^(DigiCert|GeoTrust|Thawte|RapidSSL|Symantec)\b/i,
    domains: ["digicert.com", "www.digicert.com", "digicert.ne.jp", "cybertrust.ne.jp", "symantec.com", "thawte.com", "geotrust.com", "rapidssl.com"],
  },
  { ca: "GlobalSign", match: /^GlobalSign\b/i, domains: ["globalsign.com"] },
  { ca: "GoDaddy", match: /^(GoDaddy\.com|Starfield Technologies)\b/i, domains: ["godaddy.com", "starfieldtech.com"] },
  { ca: "Amazon", match: /^Amazon$/i, domains: ["amazon.com", "amazontrust.com", "awstrust.com", "amazonaws.com"] },
  { ca: "Google Trust Services", match: /^Google Trust Services\b/i, domains: ["pki.goog", "google.com"] },
  { ca: "Entrust", match: /^Entrust\b/i, domains: ["entrust.net", "affirmtrust.com"] },
  { ca: "Buypass", match: /^Buypass\b/i, domains: ["buypass.com", "buypass.no"] },
  { ca: "SSL.com", match: /^SSL Corp(oration)?$/i, domains: ["ssl.com"] },
  { ca: "Certum", match: /^(Unizeto Technologies|Asseco Data Systems)\b/i, domains: ["certum.pl", "certum.eu"] },
  { ca: "HARICA", match: /^Hellenic Academic and Research Institutions\b/i, domains: ["harica.gr"] },
  { ca: "Actalis", match: /^Actalis\b/i, domains: ["actalis.it"] },
];

/** The issuer's O= and CN= values from its distinguished name ("CN=R11, O=Let's Encrypt, C=US"). */
export function issuerNames(issuerDn: string): string[] {
  const names: string[] = [];
  for (const match of issuerDn.matchAll(/(?:^|,)\s*(O|CN)=((?:\\.|[^,\\])*)/g)) names.push(match[2]!.replace(/\\(.)/g, "$1").trim());
  return names;
}

/** The CA that issued a certificate with this issuer DN, when the table knows it. */
export function identifyCa(issuerDn: string, table: readonly CaIdentity[] = CA_IDENTITIES): CaIdentity | undefined {
  const names = issuerNames(issuerDn);
  return table.find((identity) => names.some((name) => identity.match.test(name)));
}

export interface CaaFacts {
  /** The host tested. */
  host: string;
  /** What caaSubject said: the name CAA concerns, and whether a wildcard covers the host. */
  subject: { name: string; wildcard: boolean };
  /** The names asked, in order, up to the first with records. */
  checked: string[];
  /** The relevant record set; absent when no name up the tree has CAA records. */
  found?: CaaRecordSet;
  /** The certificate's issuer DN. */
  issuer: string;
  /** The resolver asked, for the details. */
  resolver: string;
  table?: readonly CaIdentity[];
}

/** The CAA step's finding. */
export function judgeCaa(facts: CaaFacts): Finding {
  const { subject, found } = facts;
  const identity = identifyCa(facts.issuer, facts.table ?? CA_IDENTITIES);
  const target = subject.wildcard ? `*.${subject.name}` : subject.name;
  const details: Details = {
    name: target,
    checked: facts.checked,
    resolver: facts.resolver,
    issuer: facts.issuer,
    ...(identity ? { issuingCa: identity.ca, issuingCaDomains: identity.domains } : { issuingCa: "not recognised" }),
  };
  if (!found) {
    return info(text("steps.ctCaa.caa.noRecords", { name: subject.name, target }), details);
  }
  const records = found.records.slice(0, LIMITS.caaRecords).map((record) => ({ ...record, value: cleanText(record.value, LIMITS.caaValueChars) }));
  const issue = records.filter((record) => record.tag === "issue");
  const issuewild = records.filter((record) => record.tag === "issuewild");
  const relevant = subject.wildcard && issuewild.length > 0 ? issuewild : issue;
  const property = subject.wildcard && issuewild.length > 0 ? "issuewild" : "issue";
  const criticalUnknown = records.filter((record) => record.flags & CRITICAL && !KNOWN_TAGS.has(record.tag));
  const iodef = records.filter((record) => record.tag === "iodef").map((record) => record.value);
  const allowed = [...new Set(relevant.map((record) => parseIssueValue(record.value).domain).filter(Boolean))];
  Object.assign(details, {
    recordsAt: found.name,
    records: records.map((record) => `${record.flags} ${record.tag} "${record.value}"`),
    property,
    allowedCaDomains: allowed,
    ...(iodef.length > 0 ? { iodef } : {}),
  });
  const where = found.name === subject.name ? found.name : text("steps.ctCaa.caa.inherited", { found: found.name, name: subject.name });
  const issuerName = identity ? `${identity.ca} (${identity.domains.join(", ")})` : facts.issuer;

  if (criticalUnknown.length > 0) {
    const tags = criticalUnknown.map((record) => record.tag).join(", ");
    return warning("CAA_FORBIDS_ISSUER", text("steps.ctCaa.caa.criticalUnknown", { where, tags, target, issuer: issuerName }), details);
  }
  if (relevant.length === 0) {
    return info(text("steps.ctCaa.caa.noIssue", { where, target }), details);
  }
  if (allowed.length === 0) {
    return warning("CAA_FORBIDS_ISSUER", text("steps.ctCaa.caa.forbidsAll", { where, property, target, issuer: issuerName }), details);
  }
  const list = allowed.join(", ");
  if (!identity) {
    return info(text("steps.ctCaa.caa.unknownCa", { where, list, target, property, issuer: facts.issuer }), details);
  }
  const match = identity.domains.find((domain) => allowed.includes(domain));
  if (match) {
    return ok(text("steps.ctCaa.caa.allowed", { where, ca: identity.ca, target, property, domain: match }), details);
  }
  return warning(
    "CAA_FORBIDS_ISSUER",
    text("steps.ctCaa.caa.notAllowed", { where, list, target, property, issuer: issuerName, name: found.name, domain: identity.domains[0] ?? "" }),
    details,
  );
}
