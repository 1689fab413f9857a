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

export type DmarcParse = { ok: true; record: DmarcRecord } | { ok: false; reason: string };

/** A TXT string that claims to be a DMARC record: receivers keep only those starting with "v=DMARC1" (§6.6.3). */
export function isDmarcRecord(text: string): boolean {
  return /^v\s*=\s*DMARC1\s*(;|$)/.test(text.trim());
}

const POLICIES = new Set(["none", "quarantine", "reject"]);

/** Parses a DMARC record's tags; a record receivers would ignore or misread is `ok: false` with the reason. */
export function parseDmarcRecord(text: string): DmarcParse {
  if (!isDmarcRecord(text)) return { ok: false, reason: 'The record doesn\'t start with "v=DMARC1", so receivers discard it.' };
  const tags = new Map<string, string>();
  for (const part of text.split(";").slice(1)) {
    if (!part.trim()) continue;
    const equals = part.indexOf("=");
    if (equals <= 0) return { ok: false, reason: `"${part.trim()}" is not a tag=value pair.` };
    const name = part.slice(0, equals).trim().toLowerCase();
    if (tags.has(name)) return { ok: false, reason: `The ${name} tag appears twice.` };
    tags.set(name, part.slice(equals + 1).trim());
  }
  const p = tags.get("p");
  if (p === undefined) return { ok: false, reason: "The required p= tag (the policy: none, quarantine or reject) is missing." };
  if (!POLICIES.has(p.toLowerCase())) return { ok: false, reason: `p=${p} is not a policy: use none, quarantine or reject.` };
  const sp = tags.get("sp");
  if (sp !== undefined && !POLICIES.has(sp.toLowerCase())) return { ok: false, reason: `sp=${sp} is not a policy: use none, quarantine or reject.` };
  const pct = tags.get("pct") ?? "100";
  if (!/^\d{1,3}$/.test(pct) || Number(pct) > 100) return { ok: false, reason: `pct=${pct} is not a percentage from 0 to 100.` };
  const alignment = (name: "adkim" | "aspf") => {
    const value = (tags.get(name) ?? "r").toLowerCase();
    return value === "r" || value === "s" ? value : undefined;
  };
  const adkim = alignment("adkim");
  const aspf = alignment("aspf");
  if (!adkim || !aspf) return { ok: false, reason: `${adkim ? "aspf" : "adkim"}=${tags.get(adkim ? "aspf" : "adkim")} is not r (relaxed) or s (strict).` };
  const uris = (name: "rua" | "ruf") =>
    (tags.get(name) ?? "")
      .split(",")
      .map((uri) => uri.trim())
      .filter(Boolean);
  const rua = uris("rua");
  const ruf = uris("ruf");
  const badUri = [...rua, ...ruf].find((uri) => !/^mailto:[^@\s]+@[^@\s]+$/i.test(uri.replace(/!\d+[kmgt]?$/i, "")));
  if (badUri) return { ok: false, reason: `${badUri} is not a mailto: reporting address (rua and ruf take mailto:dmarc@contoso.com).` };
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
