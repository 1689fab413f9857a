import { describe, expect, it } from "vitest";
import type { ChainAnalysis } from "@/lib/cert/chain";
import { describeOpenSslError, openSslRefusalText } from "@/lib/cert/openssl-errors";
import type { PathCertificate } from "@/lib/cert/path-certificate";
import { validatePath, type PathViolation } from "@/lib/cert/path-validation";
import { judgeTrust } from "@/lib/cert/trust";
import { findingText } from "@/lib/engine/finding";
import { isLocalized, text } from "@/lib/engine/text";
import { en } from "@/lib/i18n/messages/en";
import { expectText } from "../support/i18n-texts";

/**
 * The RFC 5280 path validation rule texts (lib/cert/path-validation.ts, lib/cert/openssl-errors.ts): each stores the
 * English it stored before it became a catalogue text, word for word, reads in Italian, and makes the trust step's
 * refusal read in Italian too.
 */

const NOW = new Date("2026-06-01T00:00:00.000Z");

function cert(subject: string, overrides: Partial<PathCertificate> = {}): PathCertificate {
  return {
    subject,
    selfIssued: false,
    notBefore: new Date("2026-01-01T00:00:00.000Z"),
    notAfter: new Date("2027-01-01T00:00:00.000Z"),
    basicConstraints: { ca: true },
    keyUsage: ["keyCertSign", "cRLSign"],
    nameConstraints: null,
    names: { dns: [], ip: [] },
    version1: false,
    ...overrides,
  };
}

const LEAF = cert("CN=mail.contoso.test", { basicConstraints: null, keyUsage: ["digitalSignature"], names: { dns: ["mail.contoso.test"], ip: [] } });
const ROOT = cert("CN=Contoso Root", { selfIssued: true });

function only(path: PathCertificate[], endsAtRoot = true): PathViolation {
  const violations = validatePath(path, { now: NOW, endsAtRoot });
  expect(violations).toHaveLength(1);
  return violations[0]!;
}

describe("path validation rule texts", () => {
  it("an issuer that isn't a CA", () => {
    expectText(
      only([LEAF, cert("CN=Not A CA", { basicConstraints: { ca: false } }), ROOT]).message,
      'The intermediate certificate "CN=Not A CA" issued "CN=mail.contoso.test" but isn\'t a certification authority: its Basic Constraints say CA=false. Only a certificate with Basic Constraints CA=true may issue certificates (RFC 5280 4.2.1.9), so clients refuse the chain.',
    );
    const inItalian = expectText(
      only([LEAF, cert("CN=No BC", { basicConstraints: null, keyUsage: null }), ROOT]).message,
      'The intermediate certificate "CN=No BC" issued "CN=mail.contoso.test" but isn\'t a certification authority: it has no Basic Constraints extension. Only a certificate with Basic Constraints CA=true may issue certificates (RFC 5280 4.2.1.9), so clients refuse the chain.',
    );
    expect(inItalian).toContain('Il certificato intermedio "CN=No BC"');
  });

  it("an issuer's Key Usage, listed or empty", () => {
    expectText(
      only([LEAF, cert("CN=No CertSign", { keyUsage: ["digitalSignature", "cRLSign"] }), ROOT]).message,
      'The intermediate certificate "CN=No CertSign" issued "CN=mail.contoso.test" but its Key Usage (digitalSignature, cRLSign) doesn\'t include Certificate Signing (keyCertSign), which RFC 5280 4.2.1.3 requires of a key that signs certificates, so clients refuse the chain.',
    );
    const inItalian = expectText(
      only([LEAF, cert("CN=Empty", { keyUsage: [] }), ROOT]).message,
      'The intermediate certificate "CN=Empty" issued "CN=mail.contoso.test" but its Key Usage (none) doesn\'t include Certificate Signing (keyCertSign), which RFC 5280 4.2.1.3 requires of a key that signs certificates, so clients refuse the chain.',
    );
    expect(inItalian).toContain("(nessuno)");
  });

  it("path length: none, one and several intermediates allowed", () => {
    const sub = cert("CN=Sub");
    const sub2 = cert("CN=Sub 2");
    const clause = "Clients refuse the chain (RFC 5280 4.2.1.9; self-issued certificates don't count).";
    expectText(
      only([LEAF, sub, cert("CN=Upper", { basicConstraints: { ca: true, pathLength: 0 } }), ROOT]).message,
      `The intermediate certificate "CN=Upper" allows no intermediate CA below it (Basic Constraints path length 0), but this path has 1 below it: "CN=Sub". ${clause}`,
    );
    expectText(
      only([LEAF, sub, sub2, cert("CN=Upper", { basicConstraints: { ca: true, pathLength: 1 } }), ROOT]).message,
      `The intermediate certificate "CN=Upper" allows at most 1 intermediate CA below it (Basic Constraints path length 1), but this path has 2 below it: "CN=Sub", "CN=Sub 2". ${clause}`,
    );
    expectText(
      only([LEAF, sub, sub2, cert("CN=Sub 3"), cert("CN=Upper", { basicConstraints: { ca: true, pathLength: 2 } }), ROOT]).message,
      `The intermediate certificate "CN=Upper" allows at most 2 intermediate CAs below it (Basic Constraints path length 2), but this path has 3 below it: "CN=Sub", "CN=Sub 2", "CN=Sub 3". ${clause}`,
    );
  });

  it("name constraints: unreadable, excluded (every DNS name too) and not permitted", () => {
    const clause = "Clients refuse names that break a CA's name constraints (RFC 5280 4.2.1.10).";
    expectText(
      only([LEAF, cert("CN=Constrained", { nameConstraints: "unreadable" }), ROOT]).message,
      'The intermediate certificate "CN=Constrained" has a Name Constraints extension that couldn\'t be read, so no name of the server certificate "CN=mail.contoso.test" can be shown to be allowed (RFC 5280 4.2.1.10).',
    );
    expectText(
      only([LEAF, cert("CN=Constrained", { nameConstraints: { permitted: [], excluded: [{ type: "dns", value: "contoso.test" }] } }), ROOT]).message,
      `The server certificate "CN=mail.contoso.test" has the name mail.contoso.test, which is in the subtree contoso.test that the intermediate certificate "CN=Constrained" excludes. ${clause}`,
    );
    const every = expectText(
      only([LEAF, cert("CN=Constrained", { nameConstraints: { permitted: [], excluded: [{ type: "dns", value: "" }] } }), ROOT]).message,
      `The server certificate "CN=mail.contoso.test" has the name mail.contoso.test, which is in the subtree (every DNS name) that the intermediate certificate "CN=Constrained" excludes. ${clause}`,
    );
    expect(every).toContain("(qualsiasi nome DNS)");
    expectText(
      only([LEAF, cert("CN=Constrained", { nameConstraints: { permitted: [{ type: "dns", value: ".allowed.test" }], excluded: [] } }), ROOT]).message,
      `The server certificate "CN=mail.contoso.test" has the name mail.contoso.test, which is outside the names the intermediate certificate "CN=Constrained" may issue for (permitted: .allowed.test). ${clause}`,
    );
  });

  it("name constraints: many names and subtrees, the rest counted", () => {
    const names = Array.from({ length: 7 }, (_, i) => `host${i}.contoso.test`);
    const permitted = Array.from({ length: 12 }, (_, i) => ({ type: "dns" as const, value: `allowed${i}.test` }));
    const leaf = cert("CN=many", { basicConstraints: null, names: { dns: names, ip: [] } });
    const violations = validatePath([leaf, cert("CN=Constrained", { nameConstraints: { permitted, excluded: [] } }), ROOT], { now: NOW, endsAtRoot: true });
    const last = violations.at(-1)!;
    const inItalian = expectText(
      last.message,
      'The server certificate "CN=many" has the name host4.contoso.test, which is outside the names the intermediate certificate "CN=Constrained" may issue for (permitted: allowed0.test, allowed1.test, allowed2.test, allowed3.test, allowed4.test, allowed5.test, allowed6.test, allowed7.test, allowed8.test, allowed9.test and 2 more). Clients refuse names that break a CA\'s name constraints (RFC 5280 4.2.1.10). 2 more of its names break these constraints too.',
    );
    expect(inItalian).toContain("e altri 2");
  });

  it("validity: the server certificate and an issuer, expired and not yet valid", () => {
    expectText(
      only([cert("CN=mail.contoso.test", { basicConstraints: null, notAfter: new Date("2026-05-01T00:00:00.000Z") }), ROOT]).message,
      'The server certificate "CN=mail.contoso.test" expired on 2026-05-01T00:00:00.000Z.',
    );
    expectText(
      only([LEAF, cert("CN=Old CA", { notAfter: new Date("2026-05-01T00:00:00.000Z") }), ROOT]).message,
      'The intermediate certificate "CN=Old CA" expired on 2026-05-01T00:00:00.000Z: clients refuse every certificate it issued.',
    );
    expectText(
      only([cert("CN=mail.contoso.test", { basicConstraints: null, notBefore: new Date("2026-07-01T00:00:00.000Z") }), ROOT]).message,
      'The server certificate "CN=mail.contoso.test" isn\'t valid until 2026-07-01T00:00:00.000Z.',
    );
    expectText(
      only([LEAF, cert("CN=Contoso Root", { selfIssued: true, notBefore: new Date("2026-07-01T00:00:00.000Z") })]).message,
      'The root certificate "CN=Contoso Root" isn\'t valid until 2026-07-01T00:00:00.000Z: clients refuse every certificate it issued.',
    );
  });
});

describe("the trust step's refusal for a broken rule", () => {
  const path = [LEAF, cert("CN=Not A CA", { basicConstraints: { ca: false } }), ROOT];
  const assessment = {
    chain: {
      status: "trusted",
      path: path.map((_, i) => ({ source: i === 2 ? "trust-store" : i })),
      outOfOrder: false,
      unused: [],
    } as unknown as ChainAnalysis,
    certificates: path,
    violations: validatePath(path, { now: NOW, endsAtRoot: true }),
  };

  it("reads in Italian: the rule, then OpenSSL's refusal", () => {
    const verdict = judgeTrust(assessment, { authorized: false, error: "INVALID_CA", message: "invalid CA certificate" });
    expect(verdict.finding.message).toBe(
      'The intermediate certificate "CN=Not A CA" issued "CN=mail.contoso.test" but isn\'t a certification authority: its Basic Constraints say CA=false. Only a certificate with Basic Constraints CA=true may issue certificates (RFC 5280 4.2.1.9), so clients refuse the chain. OpenSSL refuses the chain too (INVALID_CA: a certificate that issued another one isn\'t a valid CA (Basic Constraints or Key Usage) (OpenSSL: "invalid CA certificate")).',
    );
    const inItalian = expectText(findingText(verdict.finding), verdict.finding.message);
    expect(inItalian).toContain('Il certificato intermedio "CN=Not A CA" ha emesso "CN=mail.contoso.test"');
    expect(inItalian).toContain("Anche OpenSSL rifiuta la catena (INVALID_CA");
  });

  it("with OpenSSL's refusal as a catalogue text too, reads wholly in Italian", () => {
    const refusal = text("steps.certificate.trust.refusedOpenSsl", {
      refusal: assessment.violations[0]!.message,
      reason: openSslRefusalText("INVALID_CA", "invalid CA certificate"),
    });
    const inItalian = expectText(
      refusal,
      judgeTrust(assessment, { authorized: false, error: "INVALID_CA", message: "invalid CA certificate" }).finding.message,
    );
    expect(inItalian).toContain("(INVALID_CA: un certificato che ne ha emesso un altro non è una CA valida");
    expect(inItalian).not.toContain("issued");
  });

  it("records each broken rule in the trust step's details with its English sentence, as details always showed it", () => {
    const verdict = judgeTrust(assessment, { authorized: true });
    const recorded = (verdict.finding.details?.validation as { violations: Array<{ problem: string; message: unknown }> }).violations;
    expect(recorded[0]).toMatchObject({ problem: "CERT_ISSUER_NOT_CA", message: assessment.violations[0]!.message.english });
  });

  it("alone, the rule is the whole message", () => {
    const verdict = judgeTrust(assessment, { authorized: true });
    expect(isLocalized(findingText(verdict.finding))).toBe(true);
    expect(verdict.finding.message).toBe(assessment.violations[0]!.message.english);
  });
});

describe("OpenSSL's refusal texts", () => {
  it("a known code, with and without OpenSSL's own words; an unknown code as it is", () => {
    expect(describeOpenSslError("CERT_HAS_EXPIRED")).toBe("CERT_HAS_EXPIRED: a certificate in the chain has expired");
    expect(describeOpenSslError("X509_V_ERR_SOMETHING_NEW")).toBe("X509_V_ERR_SOMETHING_NEW");
    expectText(openSslRefusalText("CERT_HAS_EXPIRED", undefined), "CERT_HAS_EXPIRED: a certificate in the chain has expired");
    const inItalian = expectText(
      openSslRefusalText("KEYUSAGE_NO_CERTSIGN", "key usage does not include certificate signing"),
      "KEYUSAGE_NO_CERTSIGN: an issuer's Key Usage doesn't allow certificate signing (OpenSSL: \"key usage does not include certificate signing\")",
    );
    expect(inItalian).toContain('(OpenSSL: "key usage does not include certificate signing")');
    expect(openSslRefusalText("X509_V_ERR_SOMETHING_NEW", undefined)).toBe("X509_V_ERR_SOMETHING_NEW");
  });

  it("every code the analyzer has words for reads in Italian", () => {
    for (const code of Object.keys(en.steps.pathValidation.openssl.meaning)) expectText(openSslRefusalText(code, undefined), describeOpenSslError(code));
  });
});
