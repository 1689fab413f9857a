import { isIP } from "node:net";
import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import { isDmarcRecord, parseDmarcRecord } from "@/lib/mail/dmarc";
import { blockListOperator, interpretBlockListAnswer } from "@/lib/mail/dnsbl";
import { inNetwork, LOOKUP_LIMIT, type SpfEvaluation } from "@/lib/mail/spf";
import { classifyAddress } from "@/lib/net/policy";

/** Pure judgements of the outbound SMTP test: the facts come from run.ts's DNS lookups. */

/** Only a public address is looked up: other mail servers never see a private one as a sender. */
export function judgeSenderAddress(ip: string, allowPrivate: boolean): Finding {
  const verdict = classifyAddress(ip, allowPrivate);
  if (!verdict.allowed) {
    return error(
      "TARGET_FORBIDDEN",
      `${ip} is ${withArticle(verdict.category ?? "non-public")} address: other mail servers never see mail coming from it, so its reverse DNS, block listings and SPF don't matter to them. Enter the public address your server sends from (the address of its NAT or firewall). The operator can allow private addresses with RCA_ALLOW_PRIVATE_TARGETS=true.`,
      { category: verdict.category ?? "non-public" },
    );
  }
  return verdict.category
    ? ok(`${ip} is ${withArticle(verdict.category)} address; it is tested because this analyzer allows private addresses.`, { category: verdict.category })
    : ok(`${ip} is a public address.`);
}

function withArticle(category: string): string {
  return `${/^[aeiou]/i.test(category) ? "an" : "a"} ${category}`;
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
  if (facts.names.length === 0) {
    return error(
      "PTR_MISSING",
      `${facts.ip} has no reverse DNS (PTR) record at ${facts.reverseName}. Many receiving servers (Gmail, Outlook.com, most anti-spam gateways) reject or junk mail from an address without one.`,
      details,
    );
  }
  const confirmed = facts.forward.find((entry) => entry.addresses.some((address) => sameIp(address, facts.ip)));
  if (!confirmed) {
    const seen = facts.forward.map((entry) => `${entry.name} → ${entry.addresses.join(", ") || "no address"}`).join("; ");
    return error(
      "PTR_MISMATCH",
      `The PTR record of ${facts.ip} names ${facts.names.join(", ")}, but that name doesn't resolve back to ${facts.ip} (${seen}). Receivers check this forward confirmation ("FCrDNS") and treat a mismatch like a missing PTR.`,
      details,
    );
  }
  const generic = looksGeneric(confirmed.name, facts.ip);
  return ok(
    `Reverse DNS of ${facts.ip} is ${confirmed.name}, which resolves back to ${facts.ip}.${
      generic
        ? " The name looks like an ISP's generic name for a customer address; some receivers distrust such names: a name of your own domain, like mail.contoso.com, is better."
        : ""
    }`,
    { ...details, confirmedName: confirmed.name, ...(generic ? { genericName: true } : {}) },
  );
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
      return ok(`${ip} is not listed on ${list}.`, details);
    case "refused":
      return {
        status: "info",
        message: `${list} answered ${facts.answers.join(", ")}: ${answer.reason}. That is not a listing, but this analyzer can't tell whether ${ip} is listed there. The operator can use a resolver the list serves (not a public one) in RCA_DNS_SERVERS.`,
        details,
      };
    case "unexpected":
      return {
        status: "info",
        message: `${list} answered ${facts.answers.join(", ")}, which is not a block list answer (listings are 127.0.0.x addresses, RFC 5782); ignored.`,
        details,
      };
    case "listed": {
      const reason = facts.reasons.length > 0 ? ` The list says: "${facts.reasons.join(" ")}".` : "";
      return error(
        "DNSBL_LISTED",
        `${ip} is listed on ${list}: ${answer.reasons.join("; ")}.${reason} Receivers that use this list reject or junk mail from this address.`,
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
  const by = decided ? ` (${decided})` : " (no mechanism matched and there is no all mechanism, so the result is neutral)";
  switch (spf.result) {
    case "pass":
      return ok(`The SPF record of ${domain} permits ${ip}: ${decided ?? "a mechanism"} matched. ${spf.lookups} of ${LOOKUP_LIMIT} DNS lookups used.`, details);
    case "fail":
      return error(
        "SPF_NOT_PERMITTED",
        `The SPF record of ${domain} doesn't permit ${ip}: the result is fail${by}. Receivers reject, or junk, mail from ${domain} sent from this address.`,
        details,
      );
    case "softfail":
    case "neutral":
      return warning(
        "SPF_NOT_PERMITTED",
        `The SPF record of ${domain} doesn't permit ${ip}: the result is ${spf.result}${by}. Receivers usually accept such mail but count it against it, and it fails DMARC's SPF check.`,
        details,
      );
    case "none":
      return error(
        "SPF_MISSING",
        `${domain} has no SPF record (a TXT record starting with v=spf1), so receivers can't tell which servers may send its mail. Gmail, Yahoo and Outlook.com require SPF or DKIM, and junk or reject unauthenticated mail.`,
        details,
      );
    case "permerror":
      return error(
        "SPF_INVALID",
        `The SPF record of ${domain} can't be evaluated (permerror): ${spf.reason ?? "it is invalid"} Receivers treat it as failing.`,
        details,
      );
    case "temperror":
      return error(
        "DNS_FAILURE",
        `The SPF check of ${domain} couldn't be completed (temperror): ${spf.reason ?? "a DNS lookup failed"} Receivers see the same failure and usually defer the mail.`,
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
      return error(
        "DMARC_INVALID",
        `${stray.name} has TXT records, but none starts with "v=DMARC1" (${stray.records.map((record) => `"${record}"`).join(", ")}): receivers discard them, so ${facts.domain} has no DMARC policy.`,
        details,
      );
    }
    return warning(
      "DMARC_MISSING",
      `${facts.domain} has no DMARC record (TXT at ${facts.lookups.map((lookup) => lookup.name).join(", then at ")}). Without one, anybody can send mail in its name and receivers have no policy to apply; Gmail, Yahoo and Outlook.com require one from bulk senders.`,
      details,
    );
  }
  const records = found.records.filter(isDmarcRecord);
  if (records.length > 1) {
    return error("DMARC_INVALID", `${found.name} has ${records.length} DMARC records; with more than one, receivers apply no DMARC policy at all.`, {
      ...details,
      records,
    });
  }
  const record = records[0]!;
  const parsed = parseDmarcRecord(record);
  if (!parsed.ok) return error("DMARC_INVALID", `The DMARC record at ${found.name} is invalid: ${parsed.reason} ("${record}")`, { ...details, record });
  const policy = parsed.record;
  const inherited =
    found !== facts.lookups[0] ? ` (the organisational domain's record, which applies to ${facts.domain} with sp=${policy.sp ?? policy.p})` : "";
  const effective = found !== facts.lookups[0] ? (policy.sp ?? policy.p) : policy.p;
  const notes = [
    effective === "none" ? "p=none only monitors: receivers send reports but apply no policy to mail that fails DMARC" : "",
    policy.pct < 100 ? `pct=${policy.pct}: the policy applies to ${policy.pct}% of failing mail` : "",
    policy.rua.length === 0 ? "no rua= address, so nobody receives the aggregate reports" : "",
  ].filter(Boolean);
  return ok(`DMARC record found at ${found.name}${inherited}: policy ${effective}.${notes.length > 0 ? ` Note: ${notes.join("; ")}.` : ""}`, {
    ...details,
    record,
    policy: { ...policy },
  });
}
