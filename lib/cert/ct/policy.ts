import type { CertificateFacts } from "@/lib/cert/parse";
import { ok, warning, type Finding } from "@/lib/engine/finding";
import type { Details } from "@/lib/engine/types";
import { LIMITS } from "@/lib/net/limits";
import { sctAlgorithmName, type Sct, type SctSource, type SctVerification } from "./sct";
import type { CtLog } from "./logs";

/**
 * The browsers' Certificate Transparency policies, kept simple:
 * - Chrome (https://googlechrome.github.io/CertificateTransparency/ct_policy.html): SCTs embedded in the certificate,
 *   2 for a certificate valid 180 days or less, 3 beyond; SCTs delivered by OCSP stapling or the TLS extension, 2;
 *   from at least two distinct log operators.
 * - Apple (https://support.apple.com/en-us/103214): the same counts, from distinct log operators.
 * Only publicly trusted certificates are held to them; a private CA's certificate needs none.
 */
export const SHORT_LIFETIME_DAYS = 180;
export const SCTS_DELIVERED_REQUIRED = 2;
export const OPERATORS_REQUIRED = 2;

const DAY_MS = 24 * 60 * 60 * 1000;

/** One SCT the analyzer found, with what the log list and the signature check said. */
export interface SctFinding {
  source: SctSource;
  sct: Sct;
  /** The log, when the log list knows it. */
  log?: CtLog;
  /** Absent when the log (and so its key) is unknown. */
  verification?: SctVerification;
  /** Dated later than the analyzer's clock (beyond a few minutes of skew): browsers don't count it. */
  future?: boolean;
}

export interface CtFacts {
  leaf: Pick<CertificateFacts, "notBefore" | "notAfter">;
  scts: SctFinding[];
  /** The path ends at a bundled public root: browsers' CT policies apply. */
  publiclyTrusted: boolean;
  /** Whether the certificate came from a handshake (then stapling was possible), and what was stapled. */
  handshake?: { stapledOcsp: boolean };
  /** Sources that couldn't be read, with why. */
  unreadable: Array<{ source: SctSource; reason: string }>;
  /** The log list used, for the details. */
  logList: string;
}

/** Embedded SCTs a certificate of this validity period needs under Chrome's and Apple's policies. */
export function embeddedSctsRequired(leaf: Pick<CertificateFacts, "notBefore" | "notAfter">): number {
  return lifetimeDays(leaf) <= SHORT_LIFETIME_DAYS ? 2 : 3;
}

function lifetimeDays(leaf: Pick<CertificateFacts, "notBefore" | "notAfter">): number {
  return (Date.parse(leaf.notAfter) - Date.parse(leaf.notBefore)) / DAY_MS;
}

const SOURCE_NAMES: Record<SctSource, string> = {
  embedded: "embedded in the certificate",
  ocsp: "in the stapled OCSP response",
  tls: "in the TLS extension",
};

const VERIFICATION_NAMES: Record<SctVerification, string> = {
  verified: "verified with the log's key",
  invalid: "INVALID: doesn't verify with the log's key",
  unverifiable: "not verified (the issuer or the algorithm is missing)",
};

/** Why the TLS extension is never seen: said in every result, so an absence there isn't mistaken for a fact. */
export const TLS_EXTENSION_NOTE =
  "Not checked: SCTs in the TLS signed_certificate_timestamp extension are sent only to clients that ask for them in their ClientHello, and Node's TLS library (OpenSSL) doesn't ask. A server that delivers its SCTs only that way is reported here with fewer SCTs than browsers see.";

interface SourceTally {
  count: number;
  operators: Set<string>;
  unknownLogs: number;
}

/** SCTs of one source that count: one per log, none whose signature is invalid. */
function tally(scts: SctFinding[]): SourceTally {
  const seen = new Set<string>();
  const operators = new Set<string>();
  let unknownLogs = 0;
  for (const finding of scts) {
    if (finding.verification === "invalid" || finding.future || seen.has(finding.sct.logId)) continue;
    seen.add(finding.sct.logId);
    if (finding.log) operators.add(finding.log.operator);
    else unknownLogs += 1;
  }
  return { count: seen.size, operators, unknownLogs };
}

/** Enough SCTs from enough operators; operators of logs missing from the list are given the benefit of the doubt. */
function meets(tallied: SourceTally, required: number): boolean {
  return tallied.count >= required && tallied.operators.size + tallied.unknownLogs >= OPERATORS_REQUIRED;
}

function info(message: string, details: Details): Finding {
  return { status: "info", message, details };
}

/** The CT step's finding, from the SCTs found. */
export function judgeCt(facts: CtFacts): Finding {
  const required = embeddedSctsRequired(facts.leaf);
  const days = Math.round(lifetimeDays(facts.leaf));
  const embedded = tally(facts.scts.filter((finding) => finding.source === "embedded"));
  const delivered = tally(facts.scts.filter((finding) => finding.source !== "embedded"));
  const invalid = facts.scts.filter((finding) => finding.verification === "invalid");
  const unknown = facts.scts.filter((finding) => !finding.log);
  const future = facts.scts.filter((finding) => finding.future);
  const details = {
    scts: facts.scts.slice(0, LIMITS.detailsListEntries).map(describe),
    counts: { embedded: embedded.count, stapledOcsp: delivered.count },
    lifetimeDays: days,
    required: { embedded: required, deliveredByOcspOrTls: SCTS_DELIVERED_REQUIRED, distinctOperators: OPERATORS_REQUIRED },
    publiclyTrusted: facts.publiclyTrusted,
    logList: facts.logList,
    ...(facts.handshake ? { stapledOcsp: facts.handshake.stapledOcsp ? "present" : "none stapled" } : { stapledOcsp: "not applicable (no handshake)" }),
    tlsExtension: TLS_EXTENSION_NOTE,
    ...(facts.unreadable.length > 0 ? { unreadable: facts.unreadable } : {}),
  };
  const found = summary(facts.scts);
  const notes = [
    ...(unknown.length > 0
      ? [`${unknown.length} SCT(s) come from logs missing from the bundled log list (${facts.logList}): counted, not named or verified.`]
      : []),
    ...(invalid.length > 0
      ? [`${invalid.length} SCT(s) have a signature that doesn't verify with the log's key: browsers ignore them, and so does this count.`]
      : []),
    ...(future.length > 0 ? [`${future.length} SCT(s) are dated in the future: browsers ignore them, and so does this count.`] : []),
    ...facts.unreadable.map((entry) => `The SCTs ${SOURCE_NAMES[entry.source]} couldn't be read (${entry.reason}).`),
  ].join(" ");
  const withNotes = (message: string) => (notes ? `${message} ${notes}` : message);

  if (!facts.publiclyTrusted) {
    return info(
      withNotes(
        `${found} The certificate doesn't chain to a publicly trusted root, so the browsers' Certificate Transparency policies don't apply to it (CT doesn't apply to a private CA).`,
      ),
      details,
    );
  }
  if (meets(embedded, required) || meets(delivered, SCTS_DELIVERED_REQUIRED)) {
    const operators = new Set([...embedded.operators, ...delivered.operators]);
    return ok(
      withNotes(
        `${found} That meets Chrome's and Apple's Certificate Transparency policies (${required} embedded SCTs for a certificate valid ${days} days, or ${SCTS_DELIVERED_REQUIRED} delivered by OCSP or TLS, from at least ${OPERATORS_REQUIRED} log operators${operators.size > 0 ? `; operators: ${[...operators].join(", ")}` : ""}).`,
      ),
      details,
    );
  }
  return warning(
    "CT_INSUFFICIENT_SCTS",
    withNotes(
      `${found} Chrome's and Apple's Certificate Transparency policies require ${required} SCTs embedded in a certificate valid ${days} days (or ${SCTS_DELIVERED_REQUIRED} delivered by OCSP stapling or the TLS extension), from at least ${OPERATORS_REQUIRED} distinct log operators: Chrome and Safari may refuse this publicly trusted certificate. Ask the CA to reissue it with SCTs embedded. (SCTs sent only in the TLS extension aren't visible to the analyzer.)`,
    ),
    details,
  );
}

function summary(scts: SctFinding[]): string {
  if (scts.length === 0) return "The certificate carries no Signed Certificate Timestamps (none embedded, none in a stapled OCSP response).";
  const bySource = (["embedded", "ocsp", "tls"] as const)
    .map((source) => ({ source, count: scts.filter((finding) => finding.source === source).length }))
    .filter((entry) => entry.count > 0)
    .map((entry) => `${entry.count} ${SOURCE_NAMES[entry.source]}`);
  const logs = [...new Set(scts.map((finding) => finding.log?.description ?? `unknown log ${finding.sct.logId}`))];
  const shown =
    logs.slice(0, LIMITS.listEntriesShown).join(", ") + (logs.length > LIMITS.listEntriesShown ? ` and ${logs.length - LIMITS.listEntriesShown} more` : "");
  return `Found ${scts.length} Signed Certificate Timestamp(s): ${bySource.join(", ")}; logs: ${shown}.`;
}

function describe(finding: SctFinding) {
  return {
    source: finding.source,
    log: finding.log?.description ?? "unknown (not in the bundled log list)",
    ...(finding.log ? { operator: finding.log.operator, logState: finding.log.state } : {}),
    logId: finding.sct.logId,
    timestamp: new Date(finding.sct.timestamp).toISOString(),
    signatureAlgorithm: sctAlgorithmName(finding.sct),
    signature: finding.verification ? VERIFICATION_NAMES[finding.verification] : "not verified (the log's key is unknown)",
    ...(finding.future ? { future: true } : {}),
  };
}
