import { describe, expect, it } from "vitest";
import { caaLookupNames, caaSubject, identifyCa, judgeCaa, parseIssueValue, type CaaFacts, type CaaRecord } from "@/lib/cert/caa";

const LE = "CN=R11, O=Let's Encrypt, C=US";
const DIGICERT = "CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US";
const issue = (value: string, tag = "issue", flags = 0): CaaRecord => ({ flags, tag, value });

function facts(records: CaaRecord[] | undefined, overrides: Partial<CaaFacts> = {}): CaaFacts {
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

describe("which names are asked (RFC 8659 §3)", () => {
  it("climbs from the name to the top-level domain", () => {
    expect(caaLookupNames("Mail.Contoso.COM.")).toEqual(["mail.contoso.com", "contoso.com", "com"]);
  });

  it("judges a host covered by a wildcard as the wildcard's base domain", () => {
    expect(caaSubject("mail.contoso.com", ["mail.contoso.com"])).toEqual({ name: "mail.contoso.com", wildcard: false });
    expect(caaSubject("mail.contoso.com", ["*.contoso.com"])).toEqual({ name: "contoso.com", wildcard: true });
    expect(caaSubject("mail.contoso.com", ["other.test"])).toEqual({ name: "mail.contoso.com", wildcard: false });
  });

  it("reads an issue value's domain and parameters", () => {
    expect(parseIssueValue("LetsEncrypt.org; validationmethods=dns-01; accounturi=https://x/1")).toEqual({
      domain: "letsencrypt.org",
      parameters: { validationmethods: "dns-01", accounturi: "https://x/1" },
    });
    expect(parseIssueValue(";").domain).toBe("");
  });
});

describe("the issuing CA", () => {
  it("is recognised by its organization", () => {
    expect(identifyCa(LE)?.domains).toContain("letsencrypt.org");
    expect(identifyCa(DIGICERT)?.ca).toBe("DigiCert");
    expect(identifyCa("CN=GTS CA 1C3, O=Google Trust Services LLC, C=US")?.domains).toContain("pki.goog");
    expect(identifyCa("CN=Amazon RSA 2048 M02, O=Amazon, C=US")?.domains).toContain("amazontrust.com");
    expect(identifyCa("CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, C=GB")?.domains).toContain("sectigo.com");
    expect(identifyCa("CN=Contoso Issuing CA, O=Contoso")).toBeUndefined();
  });
});

describe("judging the record set", () => {
  it("says any CA may issue when no name has CAA records", () => {
    const finding = judgeCaa(facts(undefined));
    expect(finding.status).toBe("info");
    expect(finding.message).toContain("any CA may issue");
  });

  it("passes a CA the records allow, naming the record", () => {
    const finding = judgeCaa(facts([issue("letsencrypt.org"), issue("mailto:security@contoso.com", "iodef")]));
    expect(finding.status).toBe("success");
    expect(finding.message).toContain('allow Let\'s Encrypt to issue for mail.contoso.com ("issue letsencrypt.org")');
    expect(finding.message).toContain("contoso.com (inherited by mail.contoso.com)");
    expect(finding.details).toMatchObject({ recordsAt: "contoso.com", iodef: ["mailto:security@contoso.com"], allowedCaDomains: ["letsencrypt.org"] });
  });

  it("warns when the records allow other CAs only", () => {
    const finding = judgeCaa(facts([issue("digicert.com")]));
    expect(finding.status).toBe("warning");
    expect(finding.status === "warning" && finding.problem).toBe("CAA_FORBIDS_ISSUER");
    expect(finding.message).toContain("not the certificate's issuer Let's Encrypt");
    expect(finding.message).toContain('CAA 0 issue "letsencrypt.org"');
  });

  it('warns when the records say issue ";" (no CA at all)', () => {
    expect(judgeCaa(facts([issue(";")])).status).toBe("warning");
  });

  it("warns about a critical property no CA understands", () => {
    const finding = judgeCaa(facts([issue("letsencrypt.org"), issue("x", "futuretag", 128)]));
    expect(finding.status).toBe("warning");
    expect(finding.message).toContain("futuretag");
  });

  it("uses issuewild for a wildcard, and issue when there is no issuewild", () => {
    const wildcard = { subject: { name: "contoso.com", wildcard: true } };
    expect(judgeCaa(facts([issue("digicert.com"), issue("letsencrypt.org", "issuewild")], wildcard)).status).toBe("success");
    expect(judgeCaa(facts([issue("letsencrypt.org"), issue(";", "issuewild")], wildcard)).status).toBe("warning");
    expect(judgeCaa(facts([issue("letsencrypt.org")], wildcard)).status).toBe("success");
    // issuewild doesn't govern a name that isn't a wildcard.
    expect(judgeCaa(facts([issue("digicert.com"), issue("letsencrypt.org", "issuewild")])).status).toBe("warning");
  });

  it("says there is no restriction when the set has no issue property", () => {
    expect(judgeCaa(facts([issue("mailto:x@contoso.com", "iodef")])).status).toBe("info");
  });

  it("can't tell for an issuer it doesn't know: info, never a false alarm", () => {
    const finding = judgeCaa(facts([issue("letsencrypt.org")], { issuer: "CN=Contoso Issuing CA, O=Contoso" }));
    expect(finding.status).toBe("info");
    expect(finding.message).toContain("can't tell");
  });
});
