import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judgeHandshake } from "@/lib/analyzers/steps/certificate";
import { analyzeChain } from "@/lib/cert/chain";
import { checkDates, checkName, checkServerAuthUsage, checkStrength } from "@/lib/cert/checks";
import { parseCertificate, type CertificateFacts, type ParsedCertificate } from "@/lib/cert/parse";
import { createTestPki, type Issued, type LeafOptions, type TestPki } from "../support/pki";

/** The certificate checks an administrator sees in the TLS certificate test, on real certificates. */

const DAY = 86_400_000;

let pki: TestPki;

beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);

afterAll(async () => {
  await pki?.cleanup();
});

function parsed(issued: Issued): ParsedCertificate {
  return parseCertificate(Buffer.from(issued.cert.rawData));
}

function facts(issued: Issued): CertificateFacts {
  return parsed(issued).facts;
}

function node(issued: Issued): X509Certificate {
  return new X509Certificate(issued.certPem);
}

async function leaf(options: LeafOptions): Promise<Issued> {
  return pki.issueLeaf(options);
}

// ---------------------------------------------------------------------------------------------------------------

describe("checkName", () => {
  it("finds the host among the Subject Alternative Names", async () => {
    const cert = await leaf({ commonName: "mail.contoso.test", dnsNames: ["mail.contoso.test", "autodiscover.contoso.test"] });
    const finding = checkName("autodiscover.contoso.test", parsed(cert));
    expect(finding.status).toBe("success");
    expect(finding.message).toContain("Subject Alternative Name");
  });

  it("matches a wildcard SAN *.contoso.test for mail.contoso.test and says it was a wildcard", async () => {
    const cert = await leaf({ commonName: "contoso wildcard", dnsNames: ["*.contoso.test"] });
    const finding = checkName("mail.contoso.test", parsed(cert));
    expect(finding.status).toBe("success");
    expect(finding.message).toContain("wildcard *.contoso.test");
  });

  it("doesn't let *.contoso.test cover two labels (a.b.contoso.test)", async () => {
    const cert = await leaf({ dnsNames: ["*.contoso.test"] });
    const finding = checkName("a.b.contoso.test", parsed(cert));
    expect(finding).toMatchObject({ status: "error", problem: "CERT_NAME_MISMATCH" });
  });

  it("doesn't let *.contoso.test cover the bare domain contoso.test", async () => {
    const cert = await leaf({ dnsNames: ["*.contoso.test"] });
    const finding = checkName("contoso.test", parsed(cert));
    expect(finding).toMatchObject({ status: "error", problem: "CERT_NAME_MISMATCH" });
  });

  it("ignores the common name when SANs exist, and says so", async () => {
    // Given CN=mail.contoso.test but a SAN list with only other.contoso.test
    const cert = await leaf({ commonName: "mail.contoso.test", dnsNames: ["other.contoso.test"] });
    // When the CN's name is checked
    const finding = checkName("mail.contoso.test", parsed(cert));
    // Then it is a mismatch, and the message explains why the CN didn't count
    expect(finding).toMatchObject({ status: "error", problem: "CERT_NAME_MISMATCH" });
    expect(finding.message).toContain("Names found: other.contoso.test.");
    expect(finding.message).toContain("The common name (mail.contoso.test) isn't used because Subject Alternative Names are present.");
  });

  it("uses the common name when the certificate has no SANs, and says so", async () => {
    const cert = await leaf({ commonName: "mail.contoso.test" });
    const finding = checkName("mail.contoso.test", parsed(cert));
    expect(finding.status).toBe("success");
    expect(finding.message).toContain("the certificate has no Subject Alternative Names, so the common name was used");
  });

  it("reports that only the common name was checked when a SAN-less certificate doesn't match", async () => {
    const cert = await leaf({ commonName: "mail.contoso.test" });
    const finding = checkName("owa.contoso.test", parsed(cert));
    expect(finding).toMatchObject({ status: "error", problem: "CERT_NAME_MISMATCH" });
    expect(finding.message).toContain("only its common name was checked");
  });

  it("matches an IP host against the IP address SANs", async () => {
    const cert = await leaf({ ipAddresses: ["192.0.2.10", "2001:db8::10"] });
    expect(checkName("192.0.2.10", parsed(cert)).status).toBe("success");
    expect(checkName("2001:db8::10", parsed(cert)).status).toBe("success");
  });

  it("fails an IP host that isn't among the IP address SANs, listing the ones present", async () => {
    const cert = await leaf({ ipAddresses: ["192.0.2.10"] });
    const finding = checkName("192.0.2.11", parsed(cert));
    expect(finding).toMatchObject({ status: "error", problem: "CERT_NAME_MISMATCH" });
    expect(finding.message).toContain("(192.0.2.10)");
  });

  it("compares host names case-insensitively", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"] });
    expect(checkName("MAIL.Contoso.TEST", parsed(cert)).status).toBe("success");
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("analyzeChain", () => {
  it("trusts leaf + intermediate sent in order, completing the path with the trusted root", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"] });
    const chain = analyzeChain([node(cert), node(pki.intermediate)], [node(pki.root)]);
    expect(chain.status).toBe("trusted");
    expect(chain.outOfOrder).toBe(false);
    expect(chain.path.map((link) => link.source)).toEqual([0, 1, "trust-store"]);
    expect(chain.unused).toEqual([]);
    expect(chain.missingIssuer).toBeUndefined();
  });

  it("trusts a chain sent out of order (leaf, root, intermediate) but flags the order", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"] });
    const chain = analyzeChain([node(cert), node(pki.root), node(pki.intermediate)], [node(pki.root)]);
    expect(chain.status).toBe("trusted");
    expect(chain.outOfOrder).toBe(true);
  });

  it("trusts leaf, intermediate, root sent in order without flagging the order", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"] });
    const chain = analyzeChain([node(cert), node(pki.intermediate), node(pki.root)], [node(pki.root)]);
    expect(chain.status).toBe("trusted");
    expect(chain.outOfOrder).toBe(false);
  });

  it("reports a missing intermediate as incomplete, naming the intermediate", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"] });
    const chain = analyzeChain([node(cert)], [node(pki.root)]);
    expect(chain.status).toBe("incomplete");
    expect(chain.missingIssuer).toBe(node(pki.intermediate).subject.split("\n").join(", "));
  });

  it("reports a chain stopping at an intermediate whose issuer wasn't sent and isn't trusted as incomplete, naming that issuer", async () => {
    // The issuer may be a missing upper intermediate or an untrusted root: only its absence is known.
    const cert = await leaf({ dnsNames: ["mail.contoso.test"], issuer: "untrustedIntermediate" });
    const chain = analyzeChain([node(cert), node(pki.untrustedIntermediate)], [node(pki.root)]);
    expect(chain.status).toBe("incomplete");
    expect(chain.path).toHaveLength(2);
    expect(chain.missingIssuer).toBe(node(pki.untrustedRoot).subject.split("\n").join(", "));
  });

  it("reports a chain ending at a self-signed root that isn't trusted as untrusted-root", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"], issuer: "untrustedIntermediate" });
    const chain = analyzeChain([node(cert), node(pki.untrustedIntermediate), node(pki.untrustedRoot)], [node(pki.root)]);
    expect(chain.status).toBe("untrusted-root");
    expect(chain.path.map((link) => link.source)).toEqual([0, 1, 2]);
    expect(chain.missingIssuer).toBeUndefined();
  });

  it("reports a self-signed leaf as self-signed", async () => {
    const cert = await leaf({ commonName: "mail.contoso.test", issuer: "self" });
    const chain = analyzeChain([node(cert)], [node(pki.root)]);
    expect(chain.status).toBe("self-signed");
    expect(chain.missingIssuer).toBeUndefined();
  });

  it("lists an unrelated extra certificate as unused", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"] });
    const chain = analyzeChain([node(cert), node(pki.intermediate), node(pki.untrustedRoot)], [node(pki.root)]);
    expect(chain.status).toBe("trusted");
    expect(chain.unused).toEqual([2]);
  });

  it("doesn't build the path through a sent CA that didn't issue the leaf", async () => {
    // Given a leaf from the trusted hierarchy sent with the other hierarchy's intermediate
    const cert = await leaf({ dnsNames: ["mail.contoso.test"] });
    const chain = analyzeChain([node(cert), node(pki.untrustedIntermediate)], [node(pki.untrustedRoot)]);
    // Then that intermediate isn't used and the leaf's real issuer is missing
    expect(chain.status).toBe("incomplete");
    expect(chain.unused).toEqual([1]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("checkDates", () => {
  const notBefore = new Date("2030-01-01T00:00:00Z");
  const notAfter = new Date("2031-01-01T00:00:00Z");
  const validity = () => leaf({ dnsNames: ["mail.contoso.test"], notBefore, notAfter });

  it("fails an expired certificate with CERT_EXPIRED and its expiry date", async () => {
    const finding = checkDates([facts(await validity())], new Date("2031-01-02T00:00:00Z"));
    expect(finding).toMatchObject({ status: "error", problem: "CERT_EXPIRED" });
    expect(finding.message).toBe("The server certificate expired on 2031-01-01T00:00:00.000Z.");
  });

  it("fails a certificate that isn't valid yet with CERT_NOT_YET_VALID", async () => {
    const finding = checkDates([facts(await validity())], new Date("2029-12-31T00:00:00Z"));
    expect(finding).toMatchObject({ status: "error", problem: "CERT_NOT_YET_VALID" });
    expect(finding.message).toContain("2030-01-01T00:00:00.000Z");
  });

  it("warns with CERT_EXPIRING_SOON when 10 days are left", async () => {
    const finding = checkDates([facts(await validity())], new Date("2030-12-22T00:00:00Z"));
    expect(finding).toMatchObject({ status: "warning", problem: "CERT_EXPIRING_SOON" });
    expect(finding.message).toContain("expires in 10 days");
  });

  it("says '1 day' (singular) on the last day", async () => {
    const finding = checkDates([facts(await validity())], new Date("2030-12-31T00:00:00Z"));
    expect(finding.message).toContain("expires in 1 day (");
  });

  it("passes with 31 days left", async () => {
    const finding = checkDates([facts(await validity())], new Date("2030-12-01T00:00:00Z"));
    expect(finding.status).toBe("success");
    expect(finding.message).toContain("31 days left");
  });

  it("fails with CERT_EXPIRED naming the chain certificate when the intermediate has expired", async () => {
    // Given a leaf still valid after its intermediate expires
    const intermediate = facts(pki.intermediate);
    const now = new Date(new Date(intermediate.notAfter).getTime() + DAY);
    const cert = await leaf({
      dnsNames: ["mail.contoso.test"],
      notBefore: new Date(intermediate.notBefore),
      notAfter: new Date(now.getTime() + 365 * DAY),
    });
    // When the dates of the path are checked after the intermediate's expiry
    const finding = checkDates([facts(cert), intermediate, facts(pki.root)], now);
    // Then the intermediate is named
    expect(finding).toMatchObject({ status: "error", problem: "CERT_EXPIRED" });
    expect(finding.message).toBe(`The chain certificate "CN=RCA Test Issuing CA 1, O=RCA Tests" expired on ${intermediate.notAfter}.`);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("checkStrength", () => {
  it("fails a 1024-bit RSA key with CERT_WEAK_KEY", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"], key: { type: "RSA", bits: 1024 } });
    const finding = checkStrength([facts(cert)]);
    expect(finding).toMatchObject({ status: "error", problem: "CERT_WEAK_KEY" });
    expect(finding.message).toContain("1024 bits");
  });

  it("passes a 2048-bit RSA key", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"], key: { type: "RSA", bits: 2048 } });
    expect(checkStrength([facts(cert)]).status).toBe("success");
  });

  it("fails a SHA-1-signed server certificate with CERT_WEAK_SIGNATURE", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"], signatureHash: "SHA-1" });
    const finding = checkStrength([facts(cert), facts(pki.intermediate), facts(pki.root)]);
    expect(finding).toMatchObject({ status: "error", problem: "CERT_WEAK_SIGNATURE" });
    expect(finding.message).toContain("The server certificate is signed with SHA-1");
  });

  it("doesn't flag a SHA-1 signature on the self-signed root (clients never check it)", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"] });
    const root: CertificateFacts = { ...facts(pki.root), signatureAlgorithm: "SHA-1 with RSA", signatureHash: "SHA-1" };
    const finding = checkStrength([facts(cert), facts(pki.intermediate), root]);
    expect(finding.status).toBe("success");
  });

  it("flags a SHA-1 signature on the intermediate, naming it", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"] });
    const intermediate: CertificateFacts = { ...facts(pki.intermediate), signatureAlgorithm: "SHA-1 with RSA", signatureHash: "SHA-1" };
    const finding = checkStrength([facts(cert), intermediate, facts(pki.root)]);
    expect(finding).toMatchObject({ status: "error", problem: "CERT_WEAK_SIGNATURE" });
    expect(finding.message).toContain('The chain certificate "CN=RCA Test Issuing CA 1, O=RCA Tests"');
  });

  it("passes an EC P-256 key with a SHA-256 signature", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"], key: { type: "EC", curve: "P-256" } });
    const finding = checkStrength([facts(cert), facts(pki.intermediate), facts(pki.root)]);
    expect(finding.status).toBe("success");
    expect(finding.message).toContain("256-bit EC key");
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("checkServerAuthUsage", () => {
  it("fails a client-authentication-only certificate with CERT_NOT_FOR_SERVER_AUTH", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"], eku: ["clientAuth"] });
    const finding = checkServerAuthUsage(facts(cert));
    expect(finding).toMatchObject({ status: "error", problem: "CERT_NOT_FOR_SERVER_AUTH" });
    expect(finding.message).toContain("clientAuth");
  });

  it("passes a certificate without an Extended Key Usage extension", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"], eku: null });
    expect(checkServerAuthUsage(facts(cert)).status).toBe("success");
  });

  it("passes a serverAuth certificate", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"], eku: ["serverAuth"] });
    expect(checkServerAuthUsage(facts(cert)).status).toBe("success");
  });

  it("passes a certificate allowed for both client and server authentication", async () => {
    const cert = await leaf({ dnsNames: ["mail.contoso.test"], eku: ["clientAuth", "serverAuth"] });
    expect(checkServerAuthUsage(facts(cert)).status).toBe("success");
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("judgeHandshake", () => {
  const handshake = async (protocol: string, max: "TLSv1.3" | "TLSv1.1" = "TLSv1.3") => ({
    protocol,
    cipher: "TLS_AES_128_GCM_SHA256",
    chainSource: "as-sent" as const,
    offered: { min: "TLSv1" as const, max },
    chain: [facts(await leaf({ commonName: "mail.contoso.test", dnsNames: ["mail.contoso.test"] })), facts(pki.intermediate)],
  });

  it("passes a modern protocol, naming the certificate, protocol and cipher", async () => {
    const finding = judgeHandshake(await handshake("TLSv1.3"));
    expect(finding.status).toBe("success");
    expect(finding.message).toContain("Remote Certificate Subject: CN=mail.contoso.test, O=RCA Test Servers");
    expect(finding.message).toContain("Negotiated TLSv1.3 with TLS_AES_128_GCM_SHA256.");
    expect(finding.details).toMatchObject({ protocol: "TLSv1.3", offered: "TLS 1.0 to TLS 1.3", chainAsSent: [{ position: 1 }, { position: 2 }] });
  });

  it("fails a server that answers an offer up to TLS 1.3 with TLS 1.0 or 1.1: it has no TLS 1.2", async () => {
    for (const protocol of ["TLSv1", "TLSv1.1"]) {
      const finding = judgeHandshake(await handshake(protocol));
      expect(finding).toMatchObject({ status: "error", problem: "TLS_PROTOCOL_OBSOLETE" });
      expect(finding.message).toContain("current Outlook, Windows and Microsoft 365 clients cannot connect. Enable TLS 1.2.");
    }
  });

  it("only warns about an obsolete protocol when nothing newer was offered", async () => {
    expect(judgeHandshake(await handshake("TLSv1", "TLSv1.1"))).toMatchObject({ status: "warning", problem: "TLS_PROTOCOL_OBSOLETE" });
  });
});
