import { describe, expect, it } from "vitest";
import {
  judgeBanner,
  judgeDane,
  judgeEhlo,
  judgeMtaSts,
  judgeMx,
  judgeMxResult,
  judgeRecipient,
  judgeRelay,
  judgeStartTlsRefused,
  judgeTlsRpt,
  type MtaStsFacts,
} from "@/lib/analyzers/smtp-inbound/judge";
import { findingText } from "@/lib/engine/finding";
import { text } from "@/lib/engine/text";
import { it as italian } from "@/lib/i18n/messages/it";
import { embed } from "@/lib/mail/texts";
import { parseStsPolicy } from "@/lib/net/mail/mta-sts";
import { expectLocalized, expectText, rendered } from "../support/i18n-texts";

/**
 * The inbound SMTP step texts (lib/analyzers/smtp-inbound/*, lib/net/mail/*, lib/net/dns-records.ts): each stores the
 * English it stored before it became a catalogue text, word for word, and reads in Italian.
 */

const reply = (code: number, ...lines: string[]) => ({ code, lines });

describe("inbound SMTP step texts", () => {
  it("titles and skip reasons", () => {
    expectText(text("steps.smtpInbound.mx.titleDomain", { domain: "contoso.com" }), "Attempting to retrieve DNS MX records for domain contoso.com.");
    expectText(
      text("steps.smtpInbound.host.titleMx", { host: "mx.contoso.com", preference: 10, port: 25 }),
      "Testing Mail Exchanger mx.contoso.com (preference 10) on port 25.",
    );
    expectText(text("steps.smtpInbound.host.titleNamed", { host: "mx.contoso.com", port: 587 }), "Testing mail server mx.contoso.com on port 587.");
    const title = text("steps.smtpInbound.recipient.title", { recipient: "a@contoso.com" });
    expectText(title, "Checking that the server accepts mail for a@contoso.com.");
    expectText(
      text("steps.smtpInbound.dialog.brokeOff", { step: title }),
      'the SMTP dialog broke off at "Checking that the server accepts mail for a@contoso.com".',
    );
    expectText(
      text("engine.skipped.because", { reason: text("steps.smtpInbound.security.namedServer") }),
      "Skipped because you named a mail server, not a domain: MTA-STS, DANE and TLS-RPT belong to the domain's MX records.",
    );
  });

  it("MX records: several, one with a null MX, null MX only, none, the domain's own address", () => {
    const two = judgeMx({
      domain: "contoso.com",
      records: [
        { exchange: "a.contoso.com", preference: 10 },
        { exchange: "b.contoso.com", preference: 20 },
      ],
      addresses: {},
    }).finding;
    expectLocalized(
      two,
      "Found 2 MX records for contoso.com: a.contoso.com (preference 10), b.contoso.com (preference 20). Senders try them in this order, the lowest preference first.",
    );
    expect(rendered(italian, findingText(two))).toContain("a.contoso.com (preferenza 10), b.contoso.com (preferenza 20)");
    expectLocalized(
      judgeMx({
        domain: "contoso.com",
        records: [
          { exchange: "", preference: 0 },
          { exchange: "a.contoso.com", preference: 10 },
        ],
        addresses: {},
      }).finding,
      'Found 1 MX record for contoso.com: a.contoso.com (preference 10). Senders try them in this order, the lowest preference first. A null MX record ("0 .") beside them is ignored, though RFC 7505 forbids mixing them.',
    );
    expectLocalized(
      judgeMx({ domain: "contoso.com", records: [{ exchange: "", preference: 0 }], addresses: {} }).finding,
      'contoso.com has a null MX record ("0 ."): the domain declares that it accepts no e-mail at all (RFC 7505), so senders bounce mail to it at once.',
    );
    expectLocalized(
      judgeMx({ domain: "contoso.com", records: [], domainAddresses: [], addresses: {} }).finding,
      "contoso.com has no MX record and no A or AAAA record: no server can receive e-mail for it.",
    );
    expectLocalized(
      judgeMx({ domain: "contoso.com", records: [], domainAddresses: ["192.0.2.1"], addresses: {} }).finding,
      "contoso.com has no MX record. Senders then deliver to the domain's own address (192.0.2.1), as RFC 5321 §5.1 says; add an MX record if another server should receive the mail.",
    );
  });

  it("MX result: accepted after failures, and none accepted with the first failure inside", () => {
    expectLocalized(
      judgeMxResult(
        [
          { host: "a", worked: false },
          { host: "b", worked: true },
        ],
        false,
      ),
      "b accepted the SMTP dialog after a failed (senders retry there first, which delays mail). The checks below run on it.",
    );
    const failure = text("steps.smtpInbound.starttls.missing");
    const none = judgeMxResult(
      [
        { host: "a", worked: false, problem: "SMTP_STARTTLS_MISSING", message: failure },
        { host: "b", worked: false },
      ],
      false,
    );
    expectLocalized(
      none,
      `No mail exchanger of the domain accepted an SMTP dialog (a: ${failure.english}): mail can't be delivered; senders queue it and retry for days, then bounce it.`,
    );
    // The failure inside is rendered in Italian too.
    expect(rendered(italian, findingText(none))).toContain("Il server non offre STARTTLS");
    expectLocalized(
      judgeMxResult([{ host: "a", worked: false, problem: "TCP_REFUSED", message: "refused" }], true),
      "The mail server didn't accept an SMTP dialog (a: refused): mail can't be delivered; senders queue it and retry for days, then bounce it.",
    );
    expectLocalized(
      judgeMxResult([{ host: "a", worked: false }], false),
      "The only mail exchanger didn't accept an SMTP dialog: mail can't be delivered; senders queue it and retry for days, then bounce it.",
    );
  });

  it("banner: refused, no host name, PTR failed, none, mismatch, match; and a banner that isn't one", () => {
    expectLocalized(
      judgeBanner(reply(554, "no"), "192.0.2.1", { names: [] }),
      'The server greeted with "554 no" instead of 220: it refuses the connection (RFC 5321 §3.1), so senders can\'t deliver mail through it from here.',
    );
    expectLocalized(
      judgeBanner(reply(220, "hello"), "192.0.2.1", { names: [] }),
      "Banner: \"220 hello\". It doesn't start with the server's host name, as RFC 5321 §4.2 requires.",
    );
    const ptrFailure = text("steps.dns.records.timeout", { type: "PTR", name: "1.2.0.192.in-addr.arpa", ms: 5000 });
    const failed = judgeBanner(reply(220, "mx.contoso.com ESMTP"), "192.0.2.1", { failed: ptrFailure });
    expectLocalized(
      failed,
      "Banner: \"220 mx.contoso.com ESMTP\". The reverse DNS of 192.0.2.1 couldn't be looked up (No DNS answer for the PTR record of 1.2.0.192.in-addr.arpa within 5000 ms.), so the name wasn't compared.",
    );
    expect(rendered(italian, findingText(failed))).toContain("(Nessuna risposta DNS per il record PTR di 1.2.0.192.in-addr.arpa entro 5000 ms)");
    expectLocalized(
      judgeBanner(reply(220, "mx.contoso.com ESMTP"), "192.0.2.1", { failed: text("steps.smtpInbound.banner.lookupFailed") }),
      "Banner: \"220 mx.contoso.com ESMTP\". The reverse DNS of 192.0.2.1 couldn't be looked up (lookup failed), so the name wasn't compared.",
    );
    expectLocalized(
      judgeBanner(reply(220, "mx.contoso.com ESMTP"), "192.0.2.1", { names: [] }),
      "Banner: \"220 mx.contoso.com ESMTP\". 192.0.2.1 has no reverse DNS (PTR) record, so the name mx.contoso.com can't be confirmed; the same host's outgoing mail is likely to be refused or marked as spam.",
    );
    expectLocalized(
      judgeBanner(reply(220, "mx.contoso.com ESMTP"), "192.0.2.1", { names: ["other.contoso.com"] }),
      'Banner: "220 mx.contoso.com ESMTP". The name mx.contoso.com doesn\'t match the reverse DNS of 192.0.2.1 (other.contoso.com).',
    );
    expectLocalized(
      judgeBanner(reply(220, "mx.contoso.com ESMTP"), "192.0.2.1", { names: ["mx.contoso.com"] }),
      'Banner: "220 mx.contoso.com ESMTP". The name mx.contoso.com matches the reverse DNS of 192.0.2.1.',
    );
    expectText(
      embed(
        "steps.smtpInbound.banner.invalid",
        "steps.smtpInbound.banner.invalidPhrase",
        "cause",
        text("steps.smtpInbound.smtp.notReply", { what: text("steps.smtpInbound.smtp.greeting"), line: '"SSH-2.0"' }),
      ),
      'No valid SMTP banner. SMTP: the answer to the connection (the 220 banner) isn\'t an SMTP reply: "SSH-2.0".',
    );
    expectText(
      embed("steps.smtpInbound.banner.invalid", "steps.smtpInbound.banner.invalidPhrase", "cause", "SMTP: no answer"),
      "No valid SMTP banner. SMTP: no answer",
    );
  });

  it("EHLO, STARTTLS, recipient and relay", () => {
    expectLocalized(
      judgeEhlo({ reply: reply(550, "go away"), helo: true, extensions: [] }, false),
      'The server refused HELO (after refusing EHLO as unknown) with "550 go away": no mail can be sent in this session.',
    );
    expectLocalized(
      judgeEhlo({ reply: reply(250, "mx"), helo: true, extensions: [] }, false),
      "The server doesn't know EHLO and accepted HELO instead: it offers no extensions (no STARTTLS, no SIZE), like an SMTP server of before 1995.",
    );
    expectLocalized(
      judgeEhlo({ reply: reply(250, "mx", "STARTTLS", "SIZE 1000"), helo: false, extensions: ["STARTTLS", "SIZE 1000"] }, true),
      "The server accepted EHLO over TLS and offers STARTTLS, SIZE.",
    );
    expectLocalized(judgeEhlo({ reply: reply(250, "mx"), helo: false, extensions: [] }, false), "The server accepted EHLO and offers no extensions.");
    expectLocalized(
      judgeStartTlsRefused(reply(454, "TLS not available")),
      'The server offers STARTTLS but refused it with "454 TLS not available": mail reaches it unencrypted. The TLS certificate or key may be missing or unreadable on the server.',
    );
    expectLocalized(
      judgeRecipient("a@contoso.com", reply(250, "ok"), reply(250, "ok")),
      'The server accepts mail for a@contoso.com: "250 ok". (Nothing was sent: the analyzer never sends DATA.)',
    );
    expectLocalized(
      judgeRecipient("a@contoso.com", reply(250, "ok"), reply(451, "later")),
      'The server deferred a@contoso.com with "451 later": a temporary refusal (greylisting, a busy or misconfigured server); senders retry later.',
    );
    expectLocalized(
      judgeRecipient("a@contoso.com", reply(550, "no"), undefined),
      'The server refused the null sender "MAIL FROM:<>" with "550 no": RFC 5321 §4.5.5 requires accepting it, as bounces and delivery reports use it.',
    );
    expectLocalized(
      judgeRelay("x@example.com", "y@example.net", reply(250, "ok"), reply(250, "ok")),
      'The server accepted mail from x@example.com to y@example.net ("250 ok"): it is an open relay. Spammers find such servers within hours; its address lands on block lists and legitimate mail from it is refused. (Nothing was sent: the analyzer never sends DATA.)',
    );
    expectLocalized(
      judgeRelay("x@example.com", "y@example.net", reply(250, "ok"), reply(554, "relay denied")),
      'The server refused to relay from x@example.com to y@example.net with "554 relay denied": it is not an open relay.',
    );
  });

  it("MTA-STS: none, invalid record, fetch failure, bad policy, not met (enforce, testing), met", () => {
    const base: MtaStsFacts = { domain: "contoso.com", txt: ["v=STSv1; id=1"], mxHosts: ["mx.contoso.com"] };
    const policy = (body: string) => ({ status: 200, body });
    expectLocalized(
      judgeMtaSts({ ...base, txt: [] }),
      'contoso.com has no MTA-STS record (_mta-sts.contoso.com TXT "v=STSv1; id=…"): senders use TLS opportunistically.',
    );
    expectLocalized(judgeMtaSts({ ...base, txt: ["v=STSv1;"] }), 'The MTA-STS record of contoso.com is invalid: the record has no "id" field.');
    const fetchFailed = judgeMtaSts({
      ...base,
      policy: { failure: { problem: "DNS_FAILURE", message: text("steps.dns.records.failedUnknown", { type: "A/AAAA", name: "mta-sts.contoso.com" }) } },
    });
    expectLocalized(
      fetchFailed,
      "_mta-sts.contoso.com announces a policy (id 1), but https://mta-sts.contoso.com/.well-known/mta-sts.txt couldn't be fetched: The A/AAAA lookup of mta-sts.contoso.com failed (unknown error). RFC 8461 requires HTTPS with a valid certificate for mta-sts.contoso.com.",
    );
    expect(rendered(italian, findingText(fetchFailed))).toContain("non è riuscita (errore sconosciuto). L'RFC 8461");
    expectLocalized(
      judgeMtaSts({ ...base, policy: { status: 404, body: "" } }),
      "_mta-sts.contoso.com announces a policy (id 1), but https://mta-sts.contoso.com/.well-known/mta-sts.txt answered HTTP 404 instead of 200 with the policy.",
    );
    expectLocalized(
      judgeMtaSts({ ...base, policy: policy("version: STSv1\nmode: enforce\nmax_age: 86400\n") }),
      'The MTA-STS policy at https://mta-sts.contoso.com/.well-known/mta-sts.txt is invalid: the policy has no "mx" line. Senders ignore it.',
    );
    expectLocalized(
      judgeMtaSts({
        ...base,
        mxHosts: ["mx.contoso.com", "mx2.fabrikam.com"],
        tested: { host: "mx.contoso.com", starttls: true, trusted: false },
        policy: policy("version: STSv1\nmode: enforce\nmx: mx.contoso.com\nmax_age: 604800\n"),
      }),
      "The MTA-STS policy of contoso.com (mode enforce) isn't met: the MX host mx2.fabrikam.com matches no \"mx:\" line of the policy; the certificate of mx.contoso.com isn't valid for its name (see the certificate steps). Senders that honour MTA-STS (Gmail, Microsoft 365, Yahoo…) then deliver only to MX hosts that the policy names and that present a valid certificate over STARTTLS. They won't deliver to the hosts that fail.",
    );
    expectLocalized(
      judgeMtaSts({
        ...base,
        tested: { host: "mx.contoso.com", starttls: false, trusted: false },
        policy: policy("version: STSv1\nmode: testing\nmx: mx.contoso.com\nmax_age: 604800\n"),
      }),
      "The MTA-STS policy of contoso.com (mode testing) isn't met: mx.contoso.com doesn't offer working STARTTLS. In testing mode senders still deliver, and report the failure (TLS-RPT).",
    );
    expectLocalized(
      judgeMtaSts({ ...base, policy: policy("version: STSv1\nmode: testing\nmx: *.contoso.com\nmax_age: 604800\n") }),
      "contoso.com publishes an MTA-STS policy in mode testing (mx *.contoso.com, max_age 604800 s), and its MX hosts match it. In testing mode senders only report failures (TLS-RPT); set mode: enforce once reports are clean.",
    );
    expectLocalized(
      judgeMtaSts({ ...base, policy: policy("version: STSv1\nmode: none\nmax_age: 604800\n") }),
      'The MTA-STS policy of contoso.com has mode "none": MTA-STS is switched off.',
    );
  });

  it("MTA-STS policy reasons", () => {
    const reason = (body: string) => {
      const parsed = parseStsPolicy(body);
      if (parsed.ok) throw new Error("expected an invalid policy");
      return parsed.reason;
    };
    expectText(reason("<html>"), 'the line "<html>" isn\'t "key: value"');
    expectText(reason("mode: enforce\n"), '"version" must be STSv1 (found "nothing")');
    expectText(reason("version: STSv2\n"), '"version" must be STSv1 (found "STSv2")');
    expectText(reason("version: STSv1\nmode: sometimes\n"), '"mode" must be enforce, testing or none (found "sometimes")');
    expectText(reason("version: STSv1\nmode: enforce\nmax_age: 99999999999\n"), '"max_age" must be a number of seconds');
    expectText(reason("version: STSv1\nmode: enforce\nmax_age: 99999999\n"), '"max_age" may be at most 31557600 seconds');
    expectText(
      reason("version: STSv1\nmode: enforce\nmax_age: 86400\nmx: bad pattern\n"),
      'the mx pattern "bad pattern" isn\'t a host name or "*." followed by one',
    );
  });

  it("TLS-RPT and DANE", () => {
    expectLocalized(
      judgeTlsRpt("contoso.com", [], { mtaSts: true, dane: true }),
      'contoso.com has no TLS-RPT record (_smtp._tls.contoso.com TXT "v=TLSRPTv1; rua=mailto:…"). With MTA-STS and DANE deployed, nobody hears of senders that can\'t deliver over TLS.',
    );
    expectLocalized(
      judgeTlsRpt("contoso.com", [], { mtaSts: false, dane: false }),
      'contoso.com has no TLS-RPT record (_smtp._tls.contoso.com TXT "v=TLSRPTv1; rua=mailto:…"). It matters once MTA-STS or DANE is deployed.',
    );
    expectLocalized(
      judgeTlsRpt("contoso.com", ["v=TLSRPTv1; rua=a", "v=TLSRPTv1; rua=b"], { mtaSts: false, dane: false }),
      "_smtp._tls.contoso.com has 2 TLS-RPT records: senders ignore them all (RFC 8460 §3).",
    );
    expectLocalized(
      judgeTlsRpt("contoso.com", ["v=TLSRPTv1; rua=tls@contoso.com"], { mtaSts: false, dane: false }),
      'The TLS-RPT record of contoso.com is invalid: "rua=" must list mailto: or https: addresses (not tls@contoso.com).',
    );
    expectLocalized(
      judgeTlsRpt("contoso.com", ["v=TLSRPTv1; rua=mailto:tls@contoso.com"], { mtaSts: false, dane: false }),
      "contoso.com asks for TLS reports at mailto:tls@contoso.com.",
    );
    const name = "_25._tcp.mx.contoso.com";
    expectLocalized(judgeDane(name, [], undefined), "No TLSA records at _25._tcp.mx.contoso.com: the server doesn't use DANE.");
    const record = { usage: 3, selector: 1, matchingType: 1, data: "00".repeat(32) };
    expectLocalized(
      judgeDane(name, [record], undefined),
      "_25._tcp.mx.contoso.com has TLSA records, but the server presented no certificate (no working STARTTLS): DANE senders won't deliver to it.",
    );
    expectLocalized(
      judgeDane(name, [{ ...record, usage: 1 }], []),
      "_25._tcp.mx.contoso.com has TLSA records, but none that SMTP uses (only DANE-TA 2 and DANE-EE 3 count, RFC 7672).",
    );
    expectLocalized(
      judgeDane(name, [record], []),
      "No TLSA record at _25._tcp.mx.contoso.com matches the certificate the server presented: DANE senders won't deliver to it. Publish the record of the current certificate (or key) before changing certificates.",
    );
  });

  it("DNS lookup failures", () => {
    expectText(text("steps.dns.records.failed", { type: "MX", name: "contoso.com", code: "ESERVFAIL" }), "The MX lookup of contoso.com failed (ESERVFAIL).");
    expectText(text("steps.dns.records.tlsaNoServer", { name: "_25._tcp.mx" }), "The TLSA lookup of _25._tcp.mx failed (no DNS server answered).");
  });
});
