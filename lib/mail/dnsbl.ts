import { isIPv4 } from "node:net";
import { text, type LocalizedText } from "@/lib/engine/text";

/**
 * What a DNS block list's A answer means (RFC 5782): no answer = not listed; 127.0.0.x = listed, the last octet
 * saying why on lists that use several codes; Spamhaus's 127.255.255.x = the list refused the query, not a listing.
 */

export type BlockListAnswer =
  | { kind: "not-listed" }
  /** `reasons` in English (for the details), `texts` the same as catalogue texts. */
  | { kind: "listed"; reasons: string[]; texts: LocalizedText[] }
  /** The list answered, but not about the address: it refused this resolver, or the answer isn't a listing code. */
  | { kind: "refused"; reason: string; text: LocalizedText }
  | { kind: "unexpected"; answers: string[] };

/** Return codes of lists that use more than 127.0.0.2, by zone suffix. */
const CODES: ReadonlyArray<{ zones: readonly string[]; name: string; codes: Readonly<Record<string, LocalizedText>> }> = [
  {
    zones: ["spamhaus.org", "spamhaus.net"],
    name: "Spamhaus",
    codes: {
      "127.0.0.2": text("steps.smtpOutbound.dnsbl.code.spamhausSbl"),
      "127.0.0.3": text("steps.smtpOutbound.dnsbl.code.spamhausCss"),
      "127.0.0.4": text("steps.smtpOutbound.dnsbl.code.spamhausXblCbl"),
      "127.0.0.5": text("steps.smtpOutbound.dnsbl.code.spamhausXbl"),
      "127.0.0.6": text("steps.smtpOutbound.dnsbl.code.spamhausXbl"),
      "127.0.0.7": text("steps.smtpOutbound.dnsbl.code.spamhausXbl"),
      "127.0.0.9": text("steps.smtpOutbound.dnsbl.code.spamhausDrop"),
      "127.0.0.10": text("steps.smtpOutbound.dnsbl.code.spamhausPblIsp"),
      "127.0.0.11": text("steps.smtpOutbound.dnsbl.code.spamhausPbl"),
    },
  },
  { zones: ["spamcop.net"], name: "SpamCop", codes: { "127.0.0.2": text("steps.smtpOutbound.dnsbl.code.spamcop") } },
  { zones: ["barracudacentral.org"], name: "Barracuda", codes: { "127.0.0.2": text("steps.smtpOutbound.dnsbl.code.barracuda") } },
  { zones: ["surriel.com"], name: "PSBL", codes: { "127.0.0.2": text("steps.smtpOutbound.dnsbl.code.psbl") } },
  { zones: ["mailspike.net"], name: "Mailspike", codes: { "127.0.0.2": text("steps.smtpOutbound.dnsbl.code.mailspike") } },
];

/** Spamhaus's answers to queries it won't serve (https://www.spamhaus.org/faqs/domain-blocklist/#291). */
const REFUSALS: Readonly<Record<string, LocalizedText>> = {
  "127.255.255.252": text("steps.smtpOutbound.dnsbl.refusal.malformed"),
  "127.255.255.254": text("steps.smtpOutbound.dnsbl.refusal.publicResolver"),
  "127.255.255.255": text("steps.smtpOutbound.dnsbl.refusal.volume"),
};

/** Judges the A records a block list answered for an address. */
export function interpretBlockListAnswer(zone: string, answers: readonly string[]): BlockListAnswer {
  if (answers.length === 0) return { kind: "not-listed" };
  const refusal = answers.map((answer) => REFUSALS[answer]).find((reason) => reason !== undefined);
  if (refusal) return { kind: "refused", reason: refusal.english, text: refusal };
  // RFC 5782 §2.3: listings are 127.0.0.0/8 answers; anything else is not a listing (a list gone wild, a hijacked zone).
  const listed = answers.filter((answer) => isIPv4(answer) && answer.startsWith("127.") && !answer.startsWith("127.255.255."));
  if (listed.length === 0) return { kind: "unexpected", answers: [...answers] };
  const provider = providerOf(zone);
  const texts = listed.map((answer) => {
    const meaning = provider?.codes[answer];
    return meaning ? text("steps.smtpOutbound.dnsbl.listing", { answer, meaning }) : text("steps.smtpOutbound.dnsbl.listingPlain", { answer });
  });
  return { kind: "listed", reasons: texts.map((reason) => reason.english), texts };
}

/** The list's operator, when known ("Spamhaus"). */
export function blockListOperator(zone: string): string | undefined {
  return providerOf(zone)?.name;
}

function providerOf(zone: string) {
  const name = zone.toLowerCase().replace(/\.$/, "");
  return CODES.find((provider) => provider.zones.some((suffix) => name === suffix || name.endsWith(`.${suffix}`)));
}
