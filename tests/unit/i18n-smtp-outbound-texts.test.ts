import { describe, expect, it } from "vitest";
import { judgeBlockList, judgeDmarc, judgePtr, judgeSenderAddress, judgeSpf } from "@/lib/analyzers/smtp-outbound/judge";
import { findingText } from "@/lib/engine/finding";
import { text } from "@/lib/engine/text";
import { it as italian } from "@/lib/i18n/messages/it";
import { parseDmarcRecord } from "@/lib/mail/dmarc";
import { evaluateSpf, parseSpfRecord, SpfSyntaxError, type SpfDns, type SpfEvaluation } from "@/lib/mail/spf";
import { expectLocalized, expectText, rendered } from "../support/i18n-texts";

/**
 * The outbound SMTP step texts (lib/analyzers/smtp-outbound/*, lib/mail/*): each stores the English it stored before
 * it became a catalogue text, word for word, and reads in Italian.
 */

function dns(txt: Record<string, string[]>, failing: string[] = []): SpfDns {
  return {
    txt: (name) => (failing.includes(name) ? Promise.reject(new Error(`The TXT lookup of ${name} failed (ESERVFAIL).`)) : Promise.resolve(txt[name] ?? [])),
    addresses: () => Promise.resolve([]),
    mx: () => Promise.resolve([]),
    ptr: () => Promise.resolve([]),
  };
}

const spf = (domain: string, ip: string, zone: SpfDns): Promise<SpfEvaluation> => evaluateSpf({ ip, domain, sender: `postmaster@${domain}`, dns: zone });

describe("outbound SMTP step texts", () => {
  it("titles and skip reasons", () => {
    expectText(text("steps.smtpOutbound.ptr.title", { ip: "203.0.113.25" }), "Attempting to perform a reverse DNS lookup for IP address 203.0.113.25.");
    expectText(
      text("steps.smtpOutbound.spf.title", { domain: "contoso.com", ip: "203.0.113.25" }),
      "Attempting to validate the SPF record of contoso.com for IP address 203.0.113.25.",
    );
    expectText(
      text("engine.skipped.because", { reason: text("steps.smtpOutbound.dmarc.noDomain") }),
      "Skipped because no domain was entered: DMARC belongs to the domain in the senders' From addresses.",
    );
    expectText(text("steps.smtpOutbound.dnsbl.summary.success", { ip: "203.0.113.25", count: 3 }), "203.0.113.25 is not listed on the 3 block lists asked.");
  });

  it("the sender's address: private refused, private allowed, public", () => {
    expectLocalized(
      judgeSenderAddress("10.0.0.5", false),
      "10.0.0.5 is a private (RFC 1918) address: other mail servers never see mail coming from it, so its reverse DNS, block listings and SPF don't matter to them. Enter the public address your server sends from (the address of its NAT or firewall). The operator can allow private addresses with RCA_ALLOW_PRIVATE_TARGETS=true.",
    );
    expectLocalized(judgeSenderAddress("127.0.0.1", true), "127.0.0.1 is a loopback address; it is tested because this analyzer allows private addresses.");
    expectLocalized(judgeSenderAddress("8.8.8.8", false), "8.8.8.8 is a public address.");
  });

  it("reverse DNS: missing, not confirmed, confirmed, generic", () => {
    const base = { ip: "203.0.113.25", reverseName: "25.113.0.203.in-addr.arpa" };
    expectLocalized(
      judgePtr({ ...base, names: [], forward: [] }),
      "203.0.113.25 has no reverse DNS (PTR) record at 25.113.0.203.in-addr.arpa. Many receiving servers (Gmail, Outlook.com, most anti-spam gateways) reject or junk mail from an address without one.",
    );
    const mismatch = judgePtr({
      ...base,
      names: ["a.contoso.com", "b.contoso.com"],
      forward: [
        { name: "a.contoso.com", addresses: ["203.0.113.26", "203.0.113.27"] },
        { name: "b.contoso.com", addresses: [] },
      ],
    });
    expectLocalized(
      mismatch,
      'The PTR record of 203.0.113.25 names a.contoso.com, b.contoso.com, but that name doesn\'t resolve back to 203.0.113.25 (a.contoso.com → 203.0.113.26, 203.0.113.27; b.contoso.com → no address). Receivers check this forward confirmation ("FCrDNS") and treat a mismatch like a missing PTR.',
    );
    expect(rendered(italian, findingText(mismatch))).toContain("b.contoso.com → nessun indirizzo");
    expectLocalized(
      judgePtr({ ...base, names: ["mail.contoso.com"], forward: [{ name: "mail.contoso.com", addresses: ["203.0.113.25"] }] }),
      "Reverse DNS of 203.0.113.25 is mail.contoso.com, which resolves back to 203.0.113.25.",
    );
    expectLocalized(
      judgePtr({ ...base, names: ["25.113.0.203.example.net"], forward: [{ name: "25.113.0.203.example.net", addresses: ["203.0.113.25"] }] }),
      "Reverse DNS of 203.0.113.25 is 25.113.0.203.example.net, which resolves back to 203.0.113.25. The name looks like an ISP's generic name for a customer address; some receivers distrust such names: a name of your own domain, like mail.contoso.com, is better.",
    );
  });

  it("block lists: not listed, refused, unexpected, listed with and without the list's reason", () => {
    const facts = { zone: "zen.spamhaus.org", queryName: "25.113.0.203.zen.spamhaus.org", answers: [] as string[], reasons: [] as string[] };
    expectLocalized(judgeBlockList("203.0.113.25", facts), "203.0.113.25 is not listed on zen.spamhaus.org (Spamhaus).");
    expectLocalized(
      judgeBlockList("203.0.113.25", { ...facts, answers: ["127.255.255.254"] }),
      "zen.spamhaus.org (Spamhaus) answered 127.255.255.254: the query came through a public or open resolver, which the list doesn't answer. That is not a listing, but this analyzer can't tell whether 203.0.113.25 is listed there. The operator can use a resolver the list serves (not a public one) in RCA_DNS_SERVERS.",
    );
    expectLocalized(
      judgeBlockList("203.0.113.25", { ...facts, zone: "bl.example", answers: ["192.0.2.1"] }),
      "bl.example answered 192.0.2.1, which is not a block list answer (listings are 127.0.0.x addresses, RFC 5782); ignored.",
    );
    const listed = judgeBlockList("203.0.113.25", { ...facts, answers: ["127.0.0.4", "127.0.0.11"], reasons: ["https://check.spamhaus.org/"] });
    expectLocalized(
      listed,
      '203.0.113.25 is listed on zen.spamhaus.org (Spamhaus): 127.0.0.4: XBL: a compromised host, botnet or open proxy (Exploits Block List, CBL data); 127.0.0.11: PBL: Spamhaus considers this a dynamic or end-user address that should not send mail directly (Policy Block List). The list says: "https://check.spamhaus.org/". Receivers that use this list reject or junk mail from this address.',
    );
    expect(rendered(italian, findingText(listed))).toContain("127.0.0.4: XBL: un host compromesso");
    expectLocalized(
      judgeBlockList("203.0.113.25", { ...facts, zone: "bl.example", answers: ["127.0.0.2"] }),
      "203.0.113.25 is listed on bl.example: 127.0.0.2: listed. Receivers that use this list reject or junk mail from this address.",
    );
  });

  it("SPF: pass, fail, softfail, none, permerror, temperror", async () => {
    const ip = "203.0.113.25";
    const judge = async (zone: SpfDns) => judgeSpf("contoso.com", ip, await spf("contoso.com", ip, zone));
    expectLocalized(
      await judge(dns({ "contoso.com": ["v=spf1 ip4:203.0.113.0/24 -all"] })),
      "The SPF record of contoso.com permits 203.0.113.25: contoso.com: ip4:203.0.113.0/24 matched. 0 of 10 DNS lookups used.",
    );
    expectLocalized(
      await judge(dns({ "contoso.com": ["v=spf1 -all"] })),
      "The SPF record of contoso.com doesn't permit 203.0.113.25: the result is fail (contoso.com: -all). Receivers reject, or junk, mail from contoso.com sent from this address.",
    );
    expectLocalized(
      await judge(dns({ "contoso.com": ["v=spf1 ip4:192.0.2.1"] })),
      "The SPF record of contoso.com doesn't permit 203.0.113.25: the result is neutral (no mechanism matched and there is no all mechanism, so the result is neutral). Receivers usually accept such mail but count it against it, and it fails DMARC's SPF check.",
    );
    expectLocalized(
      await judge(dns({})),
      "contoso.com has no SPF record (a TXT record starting with v=spf1), so receivers can't tell which servers may send its mail. Gmail, Yahoo and Outlook.com require SPF or DKIM, and junk or reject unauthenticated mail.",
    );
    const permerror = await judge(dns({ "contoso.com": ["v=spf1 include:gone.com -all"] }));
    expectLocalized(
      permerror,
      "The SPF record of contoso.com can't be evaluated (permerror): include:gone.com: gone.com has no SPF record. Receivers treat it as failing.",
    );
    expect(rendered(italian, findingText(permerror))).toContain("include:gone.com: gone.com non ha un record SPF. I server riceventi");
    expectLocalized(
      await judge(dns({ "contoso.com": ["v=spf1 foo:bar -all"] })),
      'The SPF record of contoso.com can\'t be evaluated (permerror): "foo:bar": foo is not an SPF mechanism. Receivers treat it as failing.',
    );
    expectLocalized(
      await judge(dns({}, ["contoso.com"])),
      "The SPF check of contoso.com couldn't be completed (temperror): The DNS lookup TXT contoso.com failed: The TXT lookup of contoso.com failed (ESERVFAIL). Receivers see the same failure and usually defer the mail.",
    );
    expectLocalized(
      judgeSpf("contoso.com", ip, { result: "permerror", lookups: 0, voidLookups: 0, trail: [] }),
      "The SPF record of contoso.com can't be evaluated (permerror): it is invalid Receivers treat it as failing.",
    );
  });

  it("SPF syntax reasons", () => {
    const reason = (record: string) => {
      try {
        parseSpfRecord(record);
      } catch (error) {
        if (error instanceof SpfSyntaxError) return error.text;
      }
      throw new Error("expected a syntax error");
    };
    expectText(reason("v=spf2"), "The record doesn't start with v=spf1.");
    expectText(reason("v=spf1 redirect=a.com redirect=b.com"), "The redirect= modifier appears more than once.");
    expectText(reason("v=spf1 include"), '"include": include needs a domain (include:example.com).');
    expectText(reason("v=spf1 ip4:2001:db8::1"), '"ip4:2001:db8::1" is not a valid IPv4 address or network.');
    expectText(reason("v=spf1 ip4:192.0.2.0/33"), '"ip4:192.0.2.0/33" has an invalid prefix length /33.');
    expectText(reason("v=spf1 -all:x"), '"-all:x": the all mechanism takes no value.');
  });

  it("DMARC: stray records, missing, several, invalid, found (inherited, with notes)", () => {
    const domain = "mail.contoso.com";
    const lookups = (own: string[], organisational: string[]) => [
      { name: "_dmarc.mail.contoso.com", records: own },
      { name: "_dmarc.contoso.com", records: organisational },
    ];
    expectLocalized(
      judgeDmarc({ domain, lookups: lookups(["hello"], []), organisationalDomain: "contoso.com" }),
      '_dmarc.mail.contoso.com has TXT records, but none starts with "v=DMARC1" ("hello"): receivers discard them, so mail.contoso.com has no DMARC policy.',
    );
    const missing = judgeDmarc({ domain, lookups: lookups([], []), organisationalDomain: "contoso.com" });
    expectLocalized(
      missing,
      "mail.contoso.com has no DMARC record (TXT at _dmarc.mail.contoso.com, then at _dmarc.contoso.com). Without one, anybody can send mail in its name and receivers have no policy to apply; Gmail, Yahoo and Outlook.com require one from bulk senders.",
    );
    expect(rendered(italian, findingText(missing))).toContain("_dmarc.mail.contoso.com, poi in _dmarc.contoso.com");
    expectLocalized(
      judgeDmarc({ domain, lookups: lookups(["v=DMARC1; p=none", "v=DMARC1; p=reject"], []) }),
      "_dmarc.mail.contoso.com has 2 DMARC records; with more than one, receivers apply no DMARC policy at all.",
    );
    const invalid = judgeDmarc({ domain, lookups: lookups(["v=DMARC1; p=block"], []) });
    expectLocalized(
      invalid,
      'The DMARC record at _dmarc.mail.contoso.com is invalid: p=block is not a policy: use none, quarantine or reject. ("v=DMARC1; p=block")',
    );
    expect(rendered(italian, findingText(invalid))).toContain("p=block non è un criterio: usa none, quarantine o reject. (");
    expectLocalized(
      judgeDmarc({ domain, lookups: lookups(["v=DMARC1; p=reject; rua=mailto:d@contoso.com"], []) }),
      "DMARC record found at _dmarc.mail.contoso.com: policy reject.",
    );
    expectLocalized(
      judgeDmarc({ domain, lookups: lookups([], ["v=DMARC1; p=reject; sp=none; pct=50"]), organisationalDomain: "contoso.com" }),
      "DMARC record found at _dmarc.contoso.com (the organisational domain's record, which applies to mail.contoso.com with sp=none): policy none. Note: p=none only monitors: receivers send reports but apply no policy to mail that fails DMARC; pct=50: the policy applies to 50% of failing mail; no rua= address, so nobody receives the aggregate reports.",
    );
  });

  it("DMARC reasons", () => {
    const reason = (record: string) => {
      const parsed = parseDmarcRecord(record);
      if (parsed.ok) throw new Error("expected an invalid record");
      expect(parsed.reason).toBe(parsed.reasonText.english);
      return parsed.reasonText;
    };
    expectText(reason("p=reject; v=DMARC1"), 'The record doesn\'t start with "v=DMARC1", so receivers discard it.');
    expectText(reason("v=DMARC1; rua"), '"rua" is not a tag=value pair.');
    expectText(reason("v=DMARC1; p=none; p=reject"), "The p tag appears twice.");
    expectText(reason("v=DMARC1; rua=mailto:d@contoso.com"), "The required p= tag (the policy: none, quarantine or reject) is missing.");
    expectText(reason("v=DMARC1; p=none; pct=150"), "pct=150 is not a percentage from 0 to 100.");
    expectText(reason("v=DMARC1; p=none; aspf=x"), "aspf=x is not r (relaxed) or s (strict).");
    expectText(reason("v=DMARC1; p=none; rua=d@contoso.com"), "d@contoso.com is not a mailto: reporting address (rua and ruf take mailto:dmarc@contoso.com).");
  });
});
