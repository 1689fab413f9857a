import { describe, expect, it } from "vitest";
import { judgeCaa, type CaaFacts, type CaaRecord } from "@/lib/cert/caa";
import type { CtLog } from "@/lib/cert/ct/logs";
import { judgeCt, type CtFacts, type SctFinding } from "@/lib/cert/ct/policy";
import type { Sct } from "@/lib/cert/ct/sct";
import { findingText } from "@/lib/engine/finding";
import { text } from "@/lib/engine/text";
import { expectLocalized, expectText } from "../support/i18n-texts";

/**
 * The Certificate Transparency and CAA step texts (lib/cert/ct/policy.ts, lib/cert/caa.ts,
 * lib/analyzers/steps/ct-caa.ts): each stores the English it stored before it became a catalogue text, word for word,
 * and reads in Italian, with names from the DNS and the log list left as they are.
 */

const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse("2026-01-01T00:00:00Z");
const leaf = (days: number) => ({ notBefore: new Date(START).toISOString(), notAfter: new Date(START + days * DAY).toISOString() });
const log = (n: number, operator: string): CtLog => ({
  logId: Buffer.alloc(32, n).toString("base64"),
  description: `Log ${n}`,
  operator,
  key: Buffer.alloc(0),
  state: "usable",
});
const sct = (logId: string): Sct => ({
  version: 0,
  logId,
  timestamp: START,
  extensions: Buffer.alloc(0),
  hashAlgorithm: 4,
  signatureAlgorithm: 3,
  signature: Buffer.alloc(8),
});
const seen = (entry: CtLog, source: SctFinding["source"] = "embedded", extra: Partial<SctFinding> = {}): SctFinding => ({
  source,
  sct: sct(entry.logId),
  log: entry,
  verification: "verified",
  ...extra,
});
const ct = (scts: SctFinding[], overrides: Partial<CtFacts> = {}): CtFacts => ({
  leaf: leaf(90),
  scts,
  publiclyTrusted: true,
  handshake: { stapledOcsp: false },
  unreadable: [],
  logList: "test logs",
  ...overrides,
});
const google = log(1, "Google");
const cloudflare = log(3, "Cloudflare");

describe("Certificate Transparency step texts", () => {
  it("titles and skips", () => {
    expectText(text("steps.ctCaa.ct.title"), "Checking the certificate's Certificate Transparency (SCT) records.");
    expectText(text("engine.skipped.because", { reason: text("steps.ctCaa.ct.noCertificate") }), "Skipped because no certificate was obtained.");
  });

  it("enough SCTs, with and without operators named", () => {
    expectLocalized(
      judgeCt(ct([seen(google), seen(cloudflare)])),
      "Found 2 Signed Certificate Timestamp(s): 2 embedded in the certificate; logs: Log 1, Log 3. That meets Chrome's and Apple's Certificate Transparency policies (2 embedded SCTs for a certificate valid 90 days, or 2 delivered by OCSP or TLS, from at least 2 log operators; operators: Google, Cloudflare).",
    );
    const unknownLogs = [9, 10].map((n): SctFinding => ({ source: "ocsp", sct: sct(Buffer.alloc(32, n).toString("base64")) }));
    const inItalian = expectLocalized(
      judgeCt(ct(unknownLogs)),
      `Found 2 Signed Certificate Timestamp(s): 2 in the stapled OCSP response; logs: unknown log ${unknownLogs[0]!.sct.logId}, unknown log ${unknownLogs[1]!.sct.logId}. That meets Chrome's and Apple's Certificate Transparency policies (2 embedded SCTs for a certificate valid 90 days, or 2 delivered by OCSP or TLS, from at least 2 log operators). 2 SCT(s) come from logs missing from the bundled log list (test logs): counted, not named or verified.`,
    );
    expect(inItalian).toContain(unknownLogs[0]!.sct.logId);
  });

  it("too few SCTs, with every note, and a private CA", () => {
    expectLocalized(
      judgeCt(
        ct([seen(google), seen(cloudflare, "embedded", { verification: "invalid" }), seen(log(4, "DigiCert"), "embedded", { future: true })], {
          leaf: leaf(365),
          unreadable: [{ source: "ocsp", reason: text("steps.ctCaa.ct.unreadable.ocsp") }],
        }),
      ),
      "Found 3 Signed Certificate Timestamp(s): 3 embedded in the certificate; logs: Log 1, Log 3, Log 4. Chrome's and Apple's Certificate Transparency policies require 3 SCTs embedded in a certificate valid 365 days (or 2 delivered by OCSP stapling or the TLS extension), from at least 2 distinct log operators: Chrome and Safari may refuse this publicly trusted certificate. Ask the CA to reissue it with SCTs embedded. (SCTs sent only in the TLS extension aren't visible to the analyzer.) 1 SCT(s) have a signature that doesn't verify with the log's key: browsers ignore them, and so does this count. 1 SCT(s) are dated in the future: browsers ignore them, and so does this count. The SCTs in the stapled OCSP response couldn't be read (the stapled OCSP response or its SCT list isn't readable).",
    );
    expectLocalized(
      judgeCt(ct([], { publiclyTrusted: false, unreadable: [{ source: "embedded", reason: text("steps.ctCaa.ct.unreadable.embedded") }] })),
      "The certificate carries no Signed Certificate Timestamps (none embedded, none in a stapled OCSP response). The certificate doesn't chain to a publicly trusted root, so the browsers' Certificate Transparency policies don't apply to it (CT doesn't apply to a private CA). The SCTs embedded in the certificate couldn't be read (the certificate's SCT list extension is malformed).",
    );
    expectLocalized(
      judgeCt(ct([])),
      "The certificate carries no Signed Certificate Timestamps (none embedded, none in a stapled OCSP response). Chrome's and Apple's Certificate Transparency policies require 2 SCTs embedded in a certificate valid 90 days (or 2 delivered by OCSP stapling or the TLS extension), from at least 2 distinct log operators: Chrome and Safari may refuse this publicly trusted certificate. Ask the CA to reissue it with SCTs embedded. (SCTs sent only in the TLS extension aren't visible to the analyzer.)",
    );
  });

  it("many logs: the first few named, the rest counted", () => {
    const logs = Array.from({ length: 12 }, (_, i) => log(i + 20, `Operator ${i}`));
    const finding = judgeCt(ct(logs.map((entry) => seen(entry))));
    expect(finding.message).toContain("logs: Log 20, Log 21, Log 22, Log 23, Log 24, Log 25, Log 26, Log 27, Log 28, Log 29 and 2 more.");
    expectText(findingText(finding), finding.message);
  });

  it("the details keep an unreadable source's reason in English", () => {
    const finding = judgeCt(ct([], { unreadable: [{ source: "ocsp", reason: text("steps.ctCaa.ct.unreadable.ocsp") }] }));
    expect(finding.details).toMatchObject({ unreadable: [{ source: "ocsp", reason: "the stapled OCSP response or its SCT list isn't readable" }] });
  });
});

const LE = "CN=R11, O=Let's Encrypt, C=US";
const issue = (value: string, tag = "issue", flags = 0): CaaRecord => ({ flags, tag, value });
function caa(records: CaaRecord[] | undefined, overrides: Partial<CaaFacts> = {}): CaaFacts {
  return {
    host: "mail.contoso.com",
    subject: { name: "mail.contoso.com", wildcard: false },
    checked: ["mail.contoso.com", "contoso.com"],
    ...(records ? { found: { name: "contoso.com", records } } : {}),
    issuer: LE,
    resolver: "test",
    ...overrides,
  };
}
const AT_ISSUANCE =
  "CAs check CAA when they issue, clients never do: the certificate in use keeps working, but the CA must refuse to issue its renewal while the records say so.";

describe("CAA step texts", () => {
  it("titles, skips and a failed lookup", () => {
    expectText(text("steps.ctCaa.caa.title"), "Checking the domain's CAA records for the certificate's issuer.");
    expectText(
      text("engine.skipped.because", { reason: text("steps.ctCaa.caa.noHost") }),
      "Skipped because no host name was given: CAA records belong to domain names.",
    );
    expectText(
      text("engine.skipped.because", { reason: text("steps.ctCaa.caa.ipAddress", { host: "192.0.2.1" }) }),
      "Skipped because 192.0.2.1 is an IP address: CAA records exist only for domain names.",
    );
    const params = { issuer: LE, name: "contoso.com" };
    expectText(
      text("steps.ctCaa.caa.lookupFailed", { ...params, failure: text("steps.ctCaa.ct.noCertificate") }),
      `no certificate was obtained. Whether ${LE} may issue for contoso.com couldn't be checked; a CA whose CAA lookup fails may refuse to issue too.`,
    );
    expectText(
      text("steps.ctCaa.caa.lookupFailedPhrase", { ...params, failure: "DNS: SERVFAIL." }),
      `DNS: SERVFAIL. Whether ${LE} may issue for contoso.com couldn't be checked; a CA whose CAA lookup fails may refuse to issue too.`,
    );
  });

  it("every judgement", () => {
    expectLocalized(judgeCaa(caa(undefined)), "No CAA records for mail.contoso.com or its parent domains: any CA may issue certificates for mail.contoso.com.");
    const allowed = expectLocalized(
      judgeCaa(caa([issue("letsencrypt.org")])),
      'The CAA records of contoso.com (inherited by mail.contoso.com) allow Let\'s Encrypt to issue for mail.contoso.com ("issue letsencrypt.org").',
    );
    expect(allowed).toContain('"issue letsencrypt.org"');
    expectLocalized(
      judgeCaa(caa([issue("letsencrypt.org")], { found: { name: "mail.contoso.com", records: [issue("letsencrypt.org")] } })),
      'The CAA records of mail.contoso.com allow Let\'s Encrypt to issue for mail.contoso.com ("issue letsencrypt.org").',
    );
    expectLocalized(
      judgeCaa(caa([issue("digicert.com")])),
      `The CAA records of contoso.com (inherited by mail.contoso.com) allow only digicert.com to issue for mail.contoso.com ("issue"), not the certificate's issuer Let's Encrypt (letsencrypt.org). ${AT_ISSUANCE} Renew with an allowed CA, or add the record contoso.com. CAA 0 issue "letsencrypt.org".`,
    );
    expectLocalized(
      judgeCaa(caa([issue(";")])),
      `The CAA records of contoso.com (inherited by mail.contoso.com) say issue ";": no CA may issue certificates for mail.contoso.com, so Let's Encrypt (letsencrypt.org) may not either. ${AT_ISSUANCE}`,
    );
    expectLocalized(
      judgeCaa(caa([issue("letsencrypt.org"), issue("x", "futuretag", 128)])),
      `The CAA records of contoso.com (inherited by mail.contoso.com) carry a critical property no CA understands (futuretag): RFC 8659 forbids every CA to issue for mail.contoso.com, Let's Encrypt (letsencrypt.org) included. ${AT_ISSUANCE}`,
    );
    expectLocalized(
      judgeCaa(caa([issue("mailto:x@contoso.com", "iodef")])),
      'The CAA records of contoso.com (inherited by mail.contoso.com) have no "issue" property: they don\'t restrict which CA may issue for mail.contoso.com.',
    );
    expectLocalized(
      judgeCaa(caa([issue("letsencrypt.org")], { issuer: "CN=Contoso Issuing CA, O=Contoso" })),
      "The CAA records of contoso.com (inherited by mail.contoso.com) allow only letsencrypt.org to issue for mail.contoso.com (\"issue\"). The analyzer doesn't know which CAA domain the certificate's issuer (CN=Contoso Issuing CA, O=Contoso) uses, so it can't tell whether that CA is allowed.",
    );
    expectLocalized(
      judgeCaa(caa([issue("letsencrypt.org", "issuewild")], { subject: { name: "contoso.com", wildcard: true } })),
      'The CAA records of contoso.com allow Let\'s Encrypt to issue for *.contoso.com ("issuewild letsencrypt.org").',
    );
  });
});
