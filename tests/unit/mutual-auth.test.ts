import { describe, expect, it } from "vitest";
import { checkMutualAuth, principalName } from "@/lib/cert/mutual-auth";
import type { CertificateFacts } from "@/lib/cert/parse";

/**
 * Outlook Anywhere's "Only connect to proxy servers that have this principal name in their certificate"
 * (msstd:<name>): a literal, case-insensitive comparison with the certificate's common name.
 */

function certificate(names: { cn?: string | string[]; san?: string[] }): CertificateFacts {
  const commonNames = names.cn === undefined ? [] : Array.isArray(names.cn) ? names.cn : [names.cn];
  const subject = [...commonNames.map((cn) => `CN=${cn}`), "O=Contoso"].join(", ");
  return {
    subject,
    subjectCommonNames: commonNames,
    issuer: "CN=Contoso Issuing CA, O=Contoso",
    issuerCommonName: "Contoso Issuing CA",
    serialNumber: "01",
    thumbprintSha1: "A".repeat(40),
    thumbprintSha256: "B".repeat(64),
    notBefore: "2025-01-01T00:00:00.000Z",
    notAfter: "2027-01-01T00:00:00.000Z",
    dnsNames: names.san ?? [],
    ipAddresses: [],
    keyAlgorithm: "RSA",
    keySize: 2048,
    signatureAlgorithm: "SHA-256 with RSA",
    signatureHash: "SHA-256",
    extendedKeyUsage: ["serverAuth"],
    isCA: false,
    selfIssued: false,
  };
}

describe("checkMutualAuth: common name matches", () => {
  it("succeeds with Microsoft's wording when the common name equals the principal", () => {
    // Given a certificate for mail.contoso.com
    const cert = certificate({ cn: "mail.contoso.com", san: ["mail.contoso.com", "autodiscover.contoso.com"] });
    // When Outlook's principal msstd:mail.contoso.com is checked
    const finding = checkMutualAuth("msstd:mail.contoso.com", cert);
    // Then mutual authentication is verified
    expect(finding.status).toBe("success");
    expect(finding.message).toBe("Mutual authentication was verified successfully. Certificate common name mail.contoso.com matches msstd:mail.contoso.com.");
  });

  it("ignores case in both the prefix and the name", () => {
    const finding = checkMutualAuth("MSSTD:MAIL.CONTOSO.COM", certificate({ cn: "mail.contoso.com" }));
    expect(finding.status).toBe("success");
  });

  it("accepts msstd:*.contoso.com for a wildcard certificate whose common name is *.contoso.com", () => {
    const finding = checkMutualAuth("msstd:*.contoso.com", certificate({ cn: "*.contoso.com" }));
    expect(finding.status).toBe("success");
  });

  it("matches any of several common names", () => {
    const finding = checkMutualAuth("msstd:mail.contoso.com", certificate({ cn: ["legacy.contoso.com", "mail.contoso.com"] }));
    expect(finding.status).toBe("success");
  });
});

describe("checkMutualAuth: the wildcard is a literal, not a pattern", () => {
  it("fails msstd:mail.contoso.com against the common name *.contoso.com", () => {
    // Given a wildcard certificate (no SAN for mail.contoso.com)
    const cert = certificate({ cn: "*.contoso.com", san: ["*.contoso.com"] });
    // When the host-specific principal is checked
    const finding = checkMutualAuth("msstd:mail.contoso.com", cert);
    // Then it fails, as Outlook would
    expect(finding.status).toBe("error");
    expect(finding).toMatchObject({ problem: "MUTUAL_AUTH_MISMATCH" });
    expect(finding.message).toContain(
      "The certificate common name *.contoso.com doesn't validate against the mutual authentication string that was provided: msstd:mail.contoso.com",
    );
  });

  it("tells the administrator that msstd:*.contoso.com would work", () => {
    const finding = checkMutualAuth("msstd:mail.contoso.com", certificate({ cn: "*.contoso.com" }));
    expect(finding.message).toContain("The principal that would work is msstd:*.contoso.com.");
    expect(finding.details).toMatchObject({ suggestedPrincipal: "msstd:*.contoso.com" });
  });
});

describe("checkMutualAuth: Subject Alternative Name only", () => {
  it("warns that only Windows Vista and later clients accept a SAN match", () => {
    // Given a certificate whose CN is another name, but whose SAN list has the principal's name
    const cert = certificate({ cn: "owa.contoso.com", san: ["owa.contoso.com", "mail.contoso.com"] });
    // When the principal is checked
    const finding = checkMutualAuth("msstd:mail.contoso.com", cert);
    // Then it is a warning, not a failure, and explains which clients accept it
    expect(finding.status).toBe("warning");
    expect(finding).toMatchObject({ problem: "MUTUAL_AUTH_MISMATCH" });
    expect(finding.message).toContain("Windows Vista");
    expect(finding.message).toContain("mail.contoso.com");
    expect(finding.message).toContain("owa.contoso.com");
  });

  it("compares SAN entries case-insensitively", () => {
    const finding = checkMutualAuth("msstd:mail.contoso.com", certificate({ cn: "owa.contoso.com", san: ["MAIL.Contoso.com"] }));
    expect(finding.status).toBe("warning");
  });
});

describe("checkMutualAuth: no match", () => {
  it("fails and names the principal that would work (msstd:<common name>)", () => {
    const cert = certificate({ cn: "mail.contoso.com", san: ["mail.contoso.com", "autodiscover.contoso.com"] });
    const finding = checkMutualAuth("msstd:webmail.fabrikam.com", cert);
    expect(finding.status).toBe("error");
    expect(finding).toMatchObject({ problem: "MUTUAL_AUTH_MISMATCH" });
    expect(finding.message).toContain("The principal that would work is msstd:mail.contoso.com.");
    expect(finding.message).toContain("Subject Alternative Names: mail.contoso.com, autodiscover.contoso.com.");
    expect(finding.details).toMatchObject({ suggestedPrincipal: "msstd:mail.contoso.com" });
  });

  it("explains that no principal can match a certificate without a common name", () => {
    // Given a SAN-only certificate (no CN in the subject)
    const cert = certificate({ san: ["mail.contoso.com"] });
    // When a principal that isn't in the SANs is checked
    const finding = checkMutualAuth("msstd:other.contoso.com", cert);
    // Then it fails, says there is no common name, and suggests nothing
    expect(finding.status).toBe("error");
    expect(finding.message).toContain("The certificate common name (none)");
    expect(finding.message).toContain("The certificate has no common name");
    expect(finding.message).not.toContain("would work");
    expect(finding.details).toMatchObject({ suggestedPrincipal: undefined });
  });

  it("warns (not fails) for a certificate without a common name when a SAN matches, saying the CN is none", () => {
    const finding = checkMutualAuth("msstd:mail.contoso.com", certificate({ san: ["mail.contoso.com"] }));
    expect(finding.status).toBe("warning");
    expect(finding.message).toContain("the common name (none)");
  });
});

describe("principalName", () => {
  it("strips the msstd: prefix", () => {
    expect(principalName("msstd:mail.contoso.com")).toBe("mail.contoso.com");
  });

  it("strips an upper-case MSSTD: prefix and surrounding spaces, keeping the name as typed", () => {
    expect(principalName("  MSSTD:Mail.Contoso.com ")).toBe("Mail.Contoso.com");
  });

  it("answers the whole string when the prefix is missing", () => {
    expect(principalName("mail.contoso.com")).toBe("mail.contoso.com");
  });
});
