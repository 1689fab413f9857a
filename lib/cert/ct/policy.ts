import type { CertificateFacts } from "@/lib/cert/parse";
import { info, ok, warning, type Finding } from "@/lib/engine/finding";
import { englishOf, listText, text, type LocalizedText, type Text, type TextParamValue } from "@/lib/engine/text";
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
  /**
   * Whether the server was asked for SCTs in the TLS signed_certificate_timestamp extension (a separate TLS 1.2
   * ClientHello that includes it): `asked` when it answered (its SCTs, if any, are among `scts` with source "tls"), else
   * why it couldn't be asked (a clause without a final period). Omitted when nobody asked (a pasted chain).
   */
  tlsExtension?: { asked: true } | { asked: false; reason: Text };
  /** Sources that couldn't be read, with why (a clause without a final period). */
  unreadable: Array<{ source: SctSource; reason: Text }>;
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

const VERIFICATION_NAMES: Record<SctVerification, string> = {
  verified: "verified with the log's key",
  invalid: "INVALID: doesn't verify with the log's key",
  unverifiable: "not verified (the issuer or the algorithm is missing)",
};

/** Why the TLS extension isn't seen when nobody asked for it (a pasted chain): said then, so an absence there isn't mistaken for a fact. */
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

/** The CT step's finding, from the SCTs found. */
export function judgeCt(facts: CtFacts): Finding {
  const required = embeddedSctsRequired(facts.leaf);
  const days = Math.round(lifetimeDays(facts.leaf));
  const embedded = tally(facts.scts.filter((finding) => finding.source === "embedded"));
  const delivered = tally(facts.scts.filter((finding) => finding.source !== "embedded"));
  const asked = facts.tlsExtension?.asked === true;
  const fromTls = facts.scts.filter((finding) => finding.source === "tls");
  const invalid = facts.scts.filter((finding) => finding.verification === "invalid");
  const unknown = facts.scts.filter((finding) => !finding.log);
  const future = facts.scts.filter((finding) => finding.future);
  const details = {
    scts: facts.scts.slice(0, LIMITS.detailsListEntries).map(describe),
    counts: {
      embedded: embedded.count,
      stapledOcsp: tally(facts.scts.filter((finding) => finding.source === "ocsp")).count,
      ...(facts.tlsExtension ? { tlsExtension: tally(fromTls).count, deliveredByOcspOrTls: delivered.count } : {}),
    },
    lifetimeDays: days,
    required: { embedded: required, deliveredByOcspOrTls: SCTS_DELIVERED_REQUIRED, distinctOperators: OPERATORS_REQUIRED },
    publiclyTrusted: facts.publiclyTrusted,
    logList: facts.logList,
    ...(facts.handshake ? { stapledOcsp: facts.handshake.stapledOcsp ? "present" : "none stapled" } : { stapledOcsp: "not applicable (no handshake)" }),
    tlsExtension: tlsExtensionDetail(facts.tlsExtension, fromTls.length),
    ...(facts.unreadable.length > 0 ? { unreadable: facts.unreadable.map((entry) => ({ source: entry.source, reason: englishOf(entry.reason) })) } : {}),
  };
  const found = summary(facts.scts, asked);
  const notes: LocalizedText[] = [
    ...(unknown.length > 0 ? [text("steps.ctCaa.ct.notes.unknownLogs", { count: unknown.length, logList: facts.logList })] : []),
    ...(invalid.length > 0 ? [text("steps.ctCaa.ct.notes.invalid", { count: invalid.length })] : []),
    ...(future.length > 0 ? [text("steps.ctCaa.ct.notes.future", { count: future.length })] : []),
    ...facts.unreadable.map((entry) =>
      text("steps.ctCaa.ct.notes.unreadable", { source: text(`steps.ctCaa.ct.source.${entry.source}`), reason: entry.reason }),
    ),
    ...(facts.tlsExtension && !facts.tlsExtension.asked ? [text("steps.ctCaa.ct.notes.tlsExtensionNotAsked", { reason: facts.tlsExtension.reason })] : []),
  ];
  const withNotes = (message: LocalizedText) => sentences([message, ...notes]);
  const policy = { found, required, days, delivered: SCTS_DELIVERED_REQUIRED, operators: OPERATORS_REQUIRED };

  if (!facts.publiclyTrusted) return info(withNotes(text("steps.ctCaa.ct.notPublic", { found })), details);
  if (meets(embedded, required) || meets(delivered, SCTS_DELIVERED_REQUIRED)) {
    const operators = [...new Set([...embedded.operators, ...delivered.operators])];
    return ok(
      withNotes(
        operators.length > 0 ? text("steps.ctCaa.ct.meetsOperators", { ...policy, names: operators.join(", ") }) : text("steps.ctCaa.ct.meets", policy),
      ),
      details,
    );
  }
  return warning("CT_INSUFFICIENT_SCTS", withNotes(text(asked ? "steps.ctCaa.ct.insufficientAsked" : "steps.ctCaa.ct.insufficient", policy)), details);
}

/**
 * Sentences said one after the other ("A. B. C."), each in the reader's language. Every sentence but the first ends
 * in a period; the first may end in a parenthesis.
 */
function sentences([first, ...rest]: readonly [LocalizedText, ...LocalizedText[]]): LocalizedText {
  const [second, ...others] = rest;
  if (second === undefined) return first;
  const joined = { first, rest: sentences([second, ...others]) };
  return first.english.endsWith(".") ? text("steps.ctCaa.sentences", joined) : text("steps.ctCaa.sentencesAfter", joined);
}

/** What the details say about the TLS extension: not checked (nobody asked), what the server answered, or why it couldn't be asked. */
function tlsExtensionDetail(tlsExtension: CtFacts["tlsExtension"], received: number): string {
  if (!tlsExtension) return TLS_EXTENSION_NOTE;
  if (!tlsExtension.asked) return `Not checked: a separate TLS 1.2 handshake asking for it failed (${englishOf(tlsExtension.reason)}).`;
  return received > 0
    ? `Asked for in a separate TLS 1.2 handshake: the server sent ${received} SCT(s) in it.`
    : "Asked for in a separate TLS 1.2 handshake: the server sent none.";
}

function summary(scts: SctFinding[], asked: boolean): LocalizedText {
  if (scts.length === 0) return text(asked ? "steps.ctCaa.ct.noneAsked" : "steps.ctCaa.ct.none");
  const bySource = (["embedded", "ocsp", "tls"] as const)
    .map((source) => ({ source, count: scts.filter((finding) => finding.source === source).length }))
    .filter((entry) => entry.count > 0)
    .map((entry) => text(`steps.ctCaa.ct.counted.${entry.source}`, { count: entry.count }));
  const logs = [
    ...new Map(
      scts.map((finding): [string, TextParamValue] =>
        finding.log
          ? [finding.log.description, finding.log.description]
          : [`unknown log ${finding.sct.logId}`, text("steps.ctCaa.ct.unknownLog", { logId: finding.sct.logId })],
      ),
    ).values(),
  ];
  const list = listText(logs.slice(0, LIMITS.listEntriesShown));
  const shown = logs.length > LIMITS.listEntriesShown ? text("steps.ctCaa.ct.more", { list, more: logs.length - LIMITS.listEntriesShown }) : list;
  return text("steps.ctCaa.ct.found", { count: scts.length, sources: listText(bySource), logs: shown });
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
