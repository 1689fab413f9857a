import { isIP } from "node:net";
import { error, info, ok, warning, type Finding } from "@/lib/engine/finding";
import { text, type LocalizedText, type TextParamValue } from "@/lib/engine/text";
import { isDmarcRecord, parseDmarcRecord } from "@/lib/mail/dmarc";
import { blockListOperator, interpretBlockListAnswer } from "@/lib/mail/dnsbl";
import { inNetwork, LOOKUP_LIMIT, type SpfEvaluation } from "@/lib/mail/spf";
import { embed, semicolonList } from "@/lib/mail/texts";
import { classifyAddress } from "@/lib/net/policy";

/** Pure judgements of the outbound SMTP test: the facts come from run.ts's DNS lookups. */

/** Only a public address is looked up: other mail servers never see a private one as a sender. */
export function judgeSenderAddress(ip: string, allowPrivate: boolean): Finding {
  const verdict = classifyAddress(ip, allowPrivate);
  if (!verdict.allowed) {
    const category = verdict.category ?? text("steps.smtpOutbound.target.nonPublic");
    return error("TARGET_FORBIDDEN", text(`steps.smtpOutbound.target.forbidden${article(category)}`, { ip, category }), {
      category: verdict.category ?? "non-public",
    });
  }
  return verdict.category
    ? ok(text(`steps.smtpOutbound.target.allowed${article(verdict.category)}`, { ip, category: verdict.category }), { category: verdict.category })
    : ok(text("steps.smtpOutbound.target.public", { ip }));
}

/** The English article before a category ("a private", "an IPv4-mapped"); the templates of both read the same in Italian. */
function article(category: string | LocalizedText): "A" | "An" {
  return /^[aeiou]/i.test(typeof category === "string" ? category : category.english) ? "An" : "A";
}

export interface PtrFacts {
  ip: string;
  reverseName: string;
  names: string[];
  /** Each PTR name's A/AAAA addresses. */
  forward: Array<{ name: string; addresses: string[] }>;
}

/** Words and shapes of the names ISPs give dynamic and end-user addresses, which receivers distrust. */
const GENERIC_WORDS =
  /(^|[.-])(dyn|dynamic|dhcp|dsl|adsl|vdsl|cable|pool|ppp|pppoe|dialup|dial|client|customer|cust|broadband|static|host|ip)[0-9.-]*([.-]|$)/i;

/** Whether a PTR name looks generic: it carries the address's octets, or the words of an ISP's customer ranges. */
export function looksGeneric(name: string, ip: string): boolean {
  const octets = ip.split(".");
  if (octets.length === 4) {
    const forward = octets.join("[.-]");
    const backward = [...octets].reverse().join("[.-]");
    if (new RegExp(`(^|[^0-9])(${forward}|${backward})([^0-9]|$)`).test(name)) return true;
  }
  return GENERIC_WORDS.test(name.split(".").slice(0, -2).join("."));
}

export function judgePtr(facts: PtrFacts): Finding {
  const details = { reverseName: facts.reverseName, ptrNames: facts.names, forwardLookups: facts.forward };
  const { ip } = facts;
  if (facts.names.length === 0) return error("PTR_MISSING", text("steps.smtpOutbound.ptr.missing", { ip, reverseName: facts.reverseName }), details);
  const confirmed = facts.forward.find((entry) => entry.addresses.some((address) => sameIp(address, ip)));
  if (!confirmed) {
    const seen = semicolonList(
      facts.forward.map((entry) =>
        text("steps.smtpOutbound.ptr.forward", {
          name: entry.name,
          addresses: entry.addresses.length > 0 ? entry.addresses.join(", ") : text("steps.smtpOutbound.ptr.noAddress"),
        }),
      ),
    );
    return error("PTR_MISMATCH", text("steps.smtpOutbound.ptr.mismatch", { ip, names: facts.names.join(", "), seen }), details);
  }
  const generic = looksGeneric(confirmed.name, ip);
  return ok(text(generic ? "steps.smtpOutbound.ptr.okGeneric" : "steps.smtpOutbound.ptr.ok", { ip, name: confirmed.name }), {
    ...details,
    confirmedName: confirmed.name,
    ...(generic ? { genericName: true } : {}),
  });
}

function sameIp(a: string, b: string): boolean {
  const family = isIP(a);
  return family !== 0 && inNetwork(a, b, family === 4 ? 32 : 128);
}

export interface BlockListFacts {
  zone: string;
  queryName: string;
  answers: string[];
  /** The list's TXT reason for the listing, cleaned. */
  reasons: string[];
}

export function judgeBlockList(ip: string, facts: BlockListFacts): Finding {
  const answer = interpretBlockListAnswer(facts.zone, facts.answers);
  const operator = blockListOperator(facts.zone);
  const list = operator ? `${facts.zone} (${operator})` : facts.zone;
  const details = { queryName: facts.queryName, answers: facts.answers, ...(facts.reasons.length > 0 ? { reasons: facts.reasons } : {}) };
  switch (answer.kind) {
    case "not-listed":
      return ok(text("steps.smtpOutbound.dnsbl.notListed", { ip, list }), details);
    case "refused":
      return info(text("steps.smtpOutbound.dnsbl.refused", { list, answers: facts.answers.join(", "), reason: answer.text, ip }), details);
    case "unexpected":
      return info(text("steps.smtpOutbound.dnsbl.unexpected", { list, answers: facts.answers.join(", ") }), details);
    case "listed": {
      const reasons = semicolonList(answer.texts);
      return error(
        "DNSBL_LISTED",
        facts.reasons.length > 0
          ? text("steps.smtpOutbound.dnsbl.listedSays", { ip, list, reasons, says: facts.reasons.join(" ") })
          : text("steps.smtpOutbound.dnsbl.listed", { ip, list, reasons }),
        { ...details, meaning: answer.reasons },
      );
    }
  }
}

export function judgeSpf(domain: string, ip: string, spf: SpfEvaluation): Finding {
  const details = {
    ...(spf.record !== undefined ? { record: spf.record } : {}),
    result: spf.result,
    ...(spf.matched ? { matched: spf.matched } : {}),
    lookups: `${spf.lookups} of ${LOOKUP_LIMIT}`,
    voidLookups: spf.voidLookups,
    trail: spf.trail,
    ...(spf.reason ? { reason: spf.reason } : {}),
  };
  const decided = spf.matched?.at(-1);
  const why = spf.reasonText ?? spf.reason;
  switch (spf.result) {
    case "pass":
      return ok(
        decided
          ? text("steps.smtpOutbound.spf.pass", { domain, ip, mechanism: decided, lookups: spf.lookups, limit: LOOKUP_LIMIT })
          : text("steps.smtpOutbound.spf.passAny", { domain, ip, lookups: spf.lookups, limit: LOOKUP_LIMIT }),
        details,
      );
    case "fail":
      return error(
        "SPF_NOT_PERMITTED",
        decided ? text("steps.smtpOutbound.spf.fail", { domain, ip, mechanism: decided }) : text("steps.smtpOutbound.spf.failUnmatched", { domain, ip }),
        details,
      );
    case "softfail":
    case "neutral":
      return warning(
        "SPF_NOT_PERMITTED",
        decided
          ? text("steps.smtpOutbound.spf.weak", { domain, ip, result: spf.result, mechanism: decided })
          : text("steps.smtpOutbound.spf.weakUnmatched", { domain, ip, result: spf.result }),
        details,
      );
    case "none":
      return error("SPF_MISSING", text("steps.smtpOutbound.spf.none", { domain }), details);
    case "permerror":
      return error(
        "SPF_INVALID",
        embed("steps.smtpOutbound.spf.permerror", "steps.smtpOutbound.spf.permerrorPhrase", "reason", why ?? text("steps.smtpOutbound.spf.invalid"), {
          domain,
        }),
        details,
      );
    case "temperror":
      return error(
        "DNS_FAILURE",
        embed("steps.smtpOutbound.spf.temperror", "steps.smtpOutbound.spf.temperrorPhrase", "reason", why ?? text("steps.smtpOutbound.spf.lookupFailed"), {
          domain,
        }),
        details,
      );
  }
}

export interface DmarcFacts {
  domain: string;
  /** The names asked, in order: _dmarc.<domain>, then _dmarc.<organisational domain> if different. */
  lookups: Array<{ name: string; records: string[] }>;
  /** Whether the organisational domain was known (the public suffix list); false: only the exact domain was asked. */
  organisationalDomain?: string;
}

export function judgeDmarc(facts: DmarcFacts): Finding {
  const details = { lookups: facts.lookups, ...(facts.organisationalDomain ? { organisationalDomain: facts.organisationalDomain } : {}) };
  // RFC 7489 §6.6.3: the first name with TXT records that start with v=DMARC1 decides; other TXT strings are discarded.
  const found = facts.lookups.find((lookup) => lookup.records.some(isDmarcRecord));
  if (!found) {
    const stray = facts.lookups.find((lookup) => lookup.records.length > 0);
    if (stray) {
      const records = stray.records.map((record) => `"${record}"`).join(", ");
      return error("DMARC_INVALID", text("steps.smtpOutbound.dmarc.stray", { name: stray.name, records, domain: facts.domain }), details);
    }
    return warning(
      "DMARC_MISSING",
      text("steps.smtpOutbound.dmarc.missing", { domain: facts.domain, names: thenAt(facts.lookups.map((lookup) => lookup.name)) }),
      details,
    );
  }
  const records = found.records.filter(isDmarcRecord);
  if (records.length > 1) {
    return error("DMARC_INVALID", text("steps.smtpOutbound.dmarc.several", { name: found.name, count: records.length }), { ...details, records });
  }
  const record = records[0]!;
  const parsed = parseDmarcRecord(record);
  if (!parsed.ok) {
    return error(
      "DMARC_INVALID",
      embed("steps.smtpOutbound.dmarc.invalid", "steps.smtpOutbound.dmarc.invalidPhrase", "reason", parsed.reasonText, { name: found.name, record }),
      { ...details, record },
    );
  }
  const policy = parsed.record;
  const inherited = found !== facts.lookups[0];
  const effective = inherited ? (policy.sp ?? policy.p) : policy.p;
  const notes = [
    effective === "none" ? text("steps.smtpOutbound.dmarc.note.monitorOnly") : undefined,
    policy.pct < 100 ? text("steps.smtpOutbound.dmarc.note.pct", { pct: policy.pct }) : undefined,
    policy.rua.length === 0 ? text("steps.smtpOutbound.dmarc.note.noRua") : undefined,
  ].filter((note) => note !== undefined);
  const key = `${inherited ? "okInherited" : "ok"}${notes.length > 0 ? "Notes" : ""}` as const;
  return ok(text(`steps.smtpOutbound.dmarc.${key}`, { name: found.name, domain: facts.domain, policy: effective, notes: semicolonList(notes) }), {
    ...details,
    record,
    policy: { ...policy },
  });
}

/** "a, then at b, then at c": the names asked, in order. */
function thenAt(names: readonly string[]): TextParamValue {
  const [first, ...rest] = names;
  if (first === undefined) return "";
  return rest.length === 0 ? first : text("steps.smtpOutbound.dmarc.thenAt", { first, rest: thenAt(rest) });
}
