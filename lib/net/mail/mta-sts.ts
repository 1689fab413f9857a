import { text, type LocalizedText } from "@/lib/engine/text";

/**
 * MTA-STS (RFC 8461), pure: the `_mta-sts.<domain>` TXT record, the policy file served at
 * https://mta-sts.<domain>/.well-known/mta-sts.txt, and whether an MX host name matches the policy's `mx` patterns.
 */

export const MTA_STS_POLICY_PATH = "/.well-known/mta-sts.txt";
/** RFC 8461 §3.2: max_age is at most 31557600 seconds (about a year). */
const MAX_AGE_LIMIT = 31_557_600;

/** `reason`: why the record is invalid, a phrase without a final period. */
export type StsRecord = { ok: true; id: string; record: string } | { ok: false; reason: LocalizedText };

/**
 * Picks the STS record among a name's TXT records (§3.1): those starting with "v=STSv1"; exactly one must exist, with
 * an `id` of 1 to 32 letters and digits. Undefined when there is none at all (the domain has no MTA-STS).
 */
export function parseStsRecord(txt: readonly string[]): StsRecord | undefined {
  const records = txt.filter((record) => /^v=STSv1\s*(;|$)/.test(record));
  if (records.length === 0) return undefined;
  if (records.length > 1) return { ok: false, reason: text("steps.smtpInbound.mtaSts.reason.severalRecords", { count: records.length }) };
  const record = records[0]!;
  const fields = new Map<string, string>();
  for (const part of record.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const id = fields.get("id");
  if (id === undefined) return { ok: false, reason: text("steps.smtpInbound.mtaSts.reason.noId") };
  if (!/^[A-Za-z0-9]{1,32}$/.test(id)) return { ok: false, reason: text("steps.smtpInbound.mtaSts.reason.badId") };
  return { ok: true, id, record };
}

export type StsMode = "enforce" | "testing" | "none";

export interface StsPolicy {
  version: string;
  mode: StsMode;
  mx: string[];
  maxAge: number;
}

/** `reason`: why the policy is invalid, a phrase without a final period. `notes` (for the details) stay English. */
export type ParsedPolicy = { ok: true; policy: StsPolicy; notes: string[] } | { ok: false; reason: LocalizedText; mode?: StsMode };

/** Parses the policy file (§3.2): "key: value" lines (CRLF or LF), `version`, `mode`, `max_age` and `mx` (repeated). */
export function parseStsPolicy(body: string): ParsedPolicy {
  const fields = new Map<string, string[]>();
  const notes: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const colon = line.indexOf(":");
    if (colon <= 0) return { ok: false, reason: text("steps.smtpInbound.mtaSts.reason.notKeyValue", { line: JSON.stringify(line.slice(0, 80)) }) };
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    fields.set(key, [...(fields.get(key) ?? []), value]);
  }
  const one = (key: string) => fields.get(key)?.[0];
  const modeText = one("mode");
  const mode = modeText === "enforce" || modeText === "testing" || modeText === "none" ? modeText : undefined;
  const failed = (reason: LocalizedText): ParsedPolicy => ({ ok: false, reason, ...(mode ? { mode } : {}) });
  const version = one("version");
  if (version !== "STSv1") {
    return failed(
      version === undefined
        ? text("steps.smtpInbound.mtaSts.reason.versionMissing")
        : text("steps.smtpInbound.mtaSts.reason.version", { found: JSON.stringify(version) }),
    );
  }
  if (!mode) {
    return failed(
      modeText === undefined
        ? text("steps.smtpInbound.mtaSts.reason.modeMissing")
        : text("steps.smtpInbound.mtaSts.reason.mode", { found: JSON.stringify(modeText) }),
    );
  }
  const maxAgeText = one("max_age");
  if (maxAgeText === undefined || !/^\d{1,10}$/.test(maxAgeText)) return failed(text("steps.smtpInbound.mtaSts.reason.maxAge"));
  const maxAge = Number(maxAgeText);
  if (maxAge > MAX_AGE_LIMIT) return failed(text("steps.smtpInbound.mtaSts.reason.maxAgeLimit", { limit: MAX_AGE_LIMIT }));
  const mx = (fields.get("mx") ?? []).map((pattern) => pattern.toLowerCase().replace(/\.$/, ""));
  const bad = mx.find((pattern) => !/^(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)+$/.test(pattern));
  if (bad !== undefined) return failed(text("steps.smtpInbound.mtaSts.reason.badPattern", { pattern: JSON.stringify(bad) }));
  if (mx.length === 0 && mode !== "none") return failed(text("steps.smtpInbound.mtaSts.reason.noMx"));
  if (maxAge < 86_400 && mode !== "none") notes.push(`max_age is ${maxAge} seconds: RFC 8461 recommends weeks (e.g. 1209600), so that senders keep the policy`);
  return { ok: true, policy: { version: "STSv1", mode, mx, maxAge }, notes };
}

/** Whether an MX host name matches one pattern: exactly, or "*.example.com" for one more label (§4.1). */
export function mxMatches(host: string, pattern: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, "");
  const wanted = pattern.toLowerCase().replace(/\.$/, "");
  if (!wanted.startsWith("*.")) return name === wanted;
  const dot = name.indexOf(".");
  return dot > 0 && name.slice(dot + 1) === wanted.slice(2);
}

/** The MX hosts no pattern of the policy matches. */
export function unmatchedMx(hosts: readonly string[], patterns: readonly string[]): string[] {
  return hosts.filter((host) => !patterns.some((pattern) => mxMatches(host, pattern)));
}
