import { isIPv4 } from "node:net";

/**
 * What a DNS block list's A answer means (RFC 5782): no answer = not listed; 127.0.0.x = listed, the last octet
 * saying why on lists that use several codes; Spamhaus's 127.255.255.x = the list refused the query, not a listing.
 */

export type BlockListAnswer =
  | { kind: "not-listed" }
  | { kind: "listed"; reasons: string[] }
  /** The list answered, but not about the address: it refused this resolver, or the answer isn't a listing code. */
  | { kind: "refused"; reason: string }
  | { kind: "unexpected"; answers: string[] };

/** Return codes of lists that use more than 127.0.0.2, by zone suffix. */
const CODES: ReadonlyArray<{ zones: readonly string[]; name: string; codes: Readonly<Record<string, string>> }> = [
  {
    zones: ["spamhaus.org", "spamhaus.net"],
    name: "Spamhaus",
    codes: {
      "127.0.0.2": "SBL: a known spam source or spam operation (Spamhaus Block List)",
      "127.0.0.3": "SBL CSS: snowshoe spam, low-reputation sending seen by Spamhaus (Combined Spam Sources)",
      "127.0.0.4": "XBL: a compromised host, botnet or open proxy (Exploits Block List, CBL data)",
      "127.0.0.5": "XBL: a compromised host (Exploits Block List)",
      "127.0.0.6": "XBL: a compromised host (Exploits Block List)",
      "127.0.0.7": "XBL: a compromised host (Exploits Block List)",
      "127.0.0.9": "DROP: a hijacked or criminal network (Don't Route Or Peer list)",
      "127.0.0.10": "PBL: the network's owner (ISP) says this address should not send mail directly (Policy Block List)",
      "127.0.0.11": "PBL: Spamhaus considers this a dynamic or end-user address that should not send mail directly (Policy Block List)",
    },
  },
  { zones: ["spamcop.net"], name: "SpamCop", codes: { "127.0.0.2": "SpamCop users reported spam from this address recently" } },
  { zones: ["barracudacentral.org"], name: "Barracuda", codes: { "127.0.0.2": "listed on the Barracuda Reputation Block List (poor reputation)" } },
  { zones: ["surriel.com"], name: "PSBL", codes: { "127.0.0.2": "listed on the Passive Spam Block List (spam reached its spam traps)" } },
  { zones: ["mailspike.net"], name: "Mailspike", codes: { "127.0.0.2": "listed on the Mailspike block list (bad reputation)" } },
];

/** Spamhaus's answers to queries it won't serve (https://www.spamhaus.org/faqs/domain-blocklist/#291). */
const REFUSALS: Readonly<Record<string, string>> = {
  "127.255.255.252": "the query was malformed (typing error in the block list's name)",
  "127.255.255.254": "the query came through a public or open resolver, which the list doesn't answer",
  "127.255.255.255": "the resolver sent too many queries (excessive volume); it needs a data feed or its own account",
};

/** Judges the A records a block list answered for an address. */
export function interpretBlockListAnswer(zone: string, answers: readonly string[]): BlockListAnswer {
  if (answers.length === 0) return { kind: "not-listed" };
  const refusal = answers.map((answer) => REFUSALS[answer]).find((reason) => reason !== undefined);
  if (refusal) return { kind: "refused", reason: refusal };
  // RFC 5782 §2.3: listings are 127.0.0.0/8 answers; anything else is not a listing (a list gone wild, a hijacked zone).
  const listed = answers.filter((answer) => isIPv4(answer) && answer.startsWith("127.") && !answer.startsWith("127.255.255."));
  if (listed.length === 0) return { kind: "unexpected", answers: [...answers] };
  const provider = providerOf(zone);
  return { kind: "listed", reasons: listed.map((answer) => (provider?.codes[answer] ? `${answer}: ${provider.codes[answer]}` : `${answer}: listed`)) };
}

/** The list's operator, when known ("Spamhaus"). */
export function blockListOperator(zone: string): string | undefined {
  return providerOf(zone)?.name;
}

function providerOf(zone: string) {
  const name = zone.toLowerCase().replace(/\.$/, "");
  return CODES.find((provider) => provider.zones.some((suffix) => name === suffix || name.endsWith(`.${suffix}`)));
}
