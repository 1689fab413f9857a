import { text, type LocalizedText } from "@/lib/engine/text";

/**
 * DMARC records (RFC 7489 §6.3): which TXT strings at _dmarc.<domain> are DMARC records, and their tags. Pure.
 */

export type DmarcPolicy = "none" | "quarantine" | "reject";

export interface DmarcRecord {
  p: DmarcPolicy;
  /** Policy for subdomains; absent: p applies. */
  sp?: DmarcPolicy;
  pct: number;
  adkim: "r" | "s";
  aspf: "r" | "s";
  rua: string[];
  ruf: string[];
  /** Tags this check doesn't know, kept as sent. */
  other: Record<string, string>;
}

/** `reason`: why the record is invalid, in English; `reasonText` the same as a catalogue text. */
export type DmarcParse = { ok: true; record: DmarcRecord } | { ok: false; reason: string; reasonText: LocalizedText };

function invalid(reason: LocalizedText): DmarcParse {
  return { ok: false, reason: reason.english, reasonText: reason };
}

/** A TXT string that claims to be a DMARC record: receivers keep only those starting with "v=DMARC1" (§6.6.3). */
export function isDmarcRecord(value: string): boolean {
  return /^v\s*=\s*DMARC1\s*(;|$)/.test(value.trim());
}

const POLICIES = new Set(["none", "quarantine", "reject"]);

/** Parses a DMARC record's tags; a record receivers would ignore or misread is `ok: false` with the reason. */
export function parseDmarcRecord(record: string): DmarcParse {
  if (!isDmarcRecord(record)) return invalid(text("steps.smtpOutbound.dmarc.reason.notDmarc"));
  const tags = new Map<string, string>();
  for (const part of record.split(";").slice(1)) {
    if (!part.trim()) continue;
    const equals = part.indexOf("=");
    if (equals <= 0) return invalid(text("steps.smtpOutbound.dmarc.reason.notPair", { part: part.trim() }));
    const name = part.slice(0, equals).trim().toLowerCase();
    if (tags.has(name)) return invalid(text("steps.smtpOutbound.dmarc.reason.twice", { name }));
    tags.set(name, part.slice(equals + 1).trim());
  }
  const p = tags.get("p");
  if (p === undefined) return invalid(text("steps.smtpOutbound.dmarc.reason.noPolicy"));
  if (!POLICIES.has(p.toLowerCase())) return invalid(text("steps.smtpOutbound.dmarc.reason.badPolicy", { tag: "p", value: p }));
  const sp = tags.get("sp");
  if (sp !== undefined && !POLICIES.has(sp.toLowerCase())) return invalid(text("steps.smtpOutbound.dmarc.reason.badPolicy", { tag: "sp", value: sp }));
  const pct = tags.get("pct") ?? "100";
  if (!/^\d{1,3}$/.test(pct) || Number(pct) > 100) return invalid(text("steps.smtpOutbound.dmarc.reason.badPct", { value: pct }));
  const alignment = (name: "adkim" | "aspf") => {
    const value = (tags.get(name) ?? "r").toLowerCase();
    return value === "r" || value === "s" ? value : undefined;
  };
  const adkim = alignment("adkim");
  const aspf = alignment("aspf");
  if (!adkim || !aspf) {
    const tag = adkim ? "aspf" : "adkim";
    return invalid(text("steps.smtpOutbound.dmarc.reason.badAlignment", { tag, value: String(tags.get(tag)) }));
  }
  const uris = (name: "rua" | "ruf") =>
    (tags.get(name) ?? "")
      .split(",")
      .map((uri) => uri.trim())
      .filter(Boolean);
  const rua = uris("rua");
  const ruf = uris("ruf");
  const badUri = [...rua, ...ruf].find((uri) => !/^mailto:[^@\s]+@[^@\s]+$/i.test(uri.replace(/!\d+[kmgt]?$/i, "")));
  if (badUri) return invalid(text("steps.smtpOutbound.dmarc.reason.badUri", { uri: badUri }));
  const known = new Set(["p", "sp", "pct", "adkim", "aspf", "rua", "ruf", "fo", "rf", "ri"]);
  const other = Object.fromEntries([...tags].filter(([name]) => !known.has(name)));
  return {
    ok: true,
    record: {
      p: p.toLowerCase() as DmarcPolicy,
      ...(sp !== undefined ? { sp: sp.toLowerCase() as DmarcPolicy } : {}),
      pct: Number(pct),
      adkim,
      aspf,
      rua,
      ruf,
      other,
    },
  };
}
