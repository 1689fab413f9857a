import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeChain } from "@/lib/cert/chain";
import { decodeNameConstraints, dnsNameWithin, ipWithin } from "@/lib/cert/name-constraints";
import { readPathCertificate, type PathCertificate } from "@/lib/cert/path-certificate";
import { validatePath, type PathViolation } from "@/lib/cert/path-validation";
import { assessTrust, judgeTrust } from "@/lib/cert/trust";
import { createTestPki, tamperSignature, type CaOptions, type Issued, type LeafOptions, type TestPki } from "../support/pki";

/** RFC 5280 §6 path validation as pure functions, on certificates from the test PKI. */

const DAY = 86_400_000;
const NOW = new Date();

let pki: TestPki;

beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);

afterAll(async () => {
  await pki?.cleanup();
});

const node = (issued: Issued) => new X509Certificate(issued.certPem);
const profile = (issued: Issued) => readPathCertificate(node(issued));
const leafUnder = (issuer: Issued, options: LeafOptions = {}) =>
  pki.issueLeaf({ commonName: "mail.contoso.test", dnsNames: ["mail.contoso.test"], issuer, ...options });

/** Validates leaf → cas… → root as a path ending at the trusted root. */
function validate(leaf: Issued, cas: Issued[], now = NOW): PathViolation[] {
  return validatePath([leaf, ...cas, pki.root].map(profile), { now, endsAtRoot: true });
}

async function underCa(options: CaOptions, leaf: LeafOptions = {}): Promise<{ ca: Issued; violations: PathViolation[] }> {
  const ca = await pki.issueCa(options);
  return { ca, violations: validate(await leafUnder(ca, leaf), [ca]) };
}

/** A hand-made certificate profile, for the cases no sane CA would issue. */
function synthetic(subject: string, overrides: Partial<PathCertificate> = {}): PathCertificate {
  return {
    subject,
    selfIssued: false,
    notBefore: new Date(NOW.getTime() - DAY),
    notAfter: new Date(NOW.getTime() + DAY),
    basicConstraints: { ca: true },
    keyUsage: ["keyCertSign", "cRLSign"],
    nameConstraints: null,
    names: { dns: [], ip: [] },
    version1: false,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------------------------

describe("validatePath: a good path", () => {
  it("accepts leaf → intermediate (path length 0) → root", async () => {
    expect(validate(await leafUnder(pki.intermediate), [pki.intermediate])).toEqual([]);
  });
});

describe("validatePath: Basic Constraints (RFC 5280 4.2.1.9)", () => {
  it("refuses an issuer whose Basic Constraints say CA=false, naming it", async () => {
    const { violations } = await underCa({ commonName: "Not A CA", basicConstraints: { ca: false } });
    expect(violations).toMatchObject([{ problem: "CERT_ISSUER_NOT_CA", position: 1, subject: "CN=Not A CA, O=RCA Tests" }]);
    expect(violations[0]!.message.english).toContain(
      'The intermediate certificate "CN=Not A CA, O=RCA Tests" issued "CN=mail.contoso.test, O=RCA Test Servers"',
    );
    expect(violations[0]!.message.english).toContain("CA=false");
    expect(violations[0]!.rule).toContain("4.2.1.9");
  });

  it("refuses an intermediate without a Basic Constraints extension", async () => {
    const { violations } = await underCa({ commonName: "No Basic Constraints", basicConstraints: null });
    expect(violations).toMatchObject([{ problem: "CERT_ISSUER_NOT_CA", position: 1 }]);
    expect(violations[0]!.message.english).toContain("it has no Basic Constraints extension");
  });

  it("accepts a root without Basic Constraints whose Key Usage allows certificate signing, as OpenSSL does, but not an intermediate", () => {
    const leaf = synthetic("CN=leaf", { basicConstraints: { ca: false }, keyUsage: null });
    const legacyRoot = synthetic("CN=Legacy Root", { selfIssued: true, basicConstraints: null });
    expect(validatePath([leaf, legacyRoot], { now: NOW, endsAtRoot: true })).toEqual([]);
    expect(validatePath([leaf, legacyRoot], { now: NOW, endsAtRoot: false })).toMatchObject([{ problem: "CERT_ISSUER_NOT_CA", position: 1 }]);
  });

  it("accepts an X.509 v1 root (no extensions at all)", () => {
    const leaf = synthetic("CN=leaf", { basicConstraints: { ca: false } });
    const v1Root = synthetic("CN=V1 Root", { selfIssued: true, basicConstraints: null, keyUsage: null, version1: true });
    expect(validatePath([leaf, v1Root], { now: NOW, endsAtRoot: true })).toEqual([]);
  });

  it("doesn't require the server certificate itself to be a CA", async () => {
    expect(validate(await leafUnder(pki.intermediate), [pki.intermediate]).filter((v) => v.position === 0)).toEqual([]);
  });
});

describe("validatePath: Key Usage keyCertSign (RFC 5280 4.2.1.3)", () => {
  it("refuses an issuer whose Key Usage lacks keyCertSign, listing the usages it has", async () => {
    const { violations } = await underCa({ commonName: "No CertSign", keyUsage: 1 /* digitalSignature */ | 64 /* cRLSign */ });
    expect(violations).toMatchObject([{ problem: "CERT_ISSUER_KEY_USAGE", position: 1, subject: "CN=No CertSign, O=RCA Tests" }]);
    expect(violations[0]!.message.english).toContain("its Key Usage (digitalSignature, cRLSign) doesn't include Certificate Signing (keyCertSign)");
  });

  it("accepts an issuer without a Key Usage extension (every usage allowed)", async () => {
    expect((await underCa({ commonName: "No Key Usage", keyUsage: null })).violations).toEqual([]);
  });
});

describe("validatePath: path length (RFC 5280 4.2.1.9, 6.1.4(l))", () => {
  it("refuses a CA below a path length 0 CA, naming the constraining CA and the one below it", async () => {
    const sub = await pki.issueCa({ commonName: "Sub CA", issuer: pki.intermediate });
    const violations = validate(await leafUnder(sub), [sub, pki.intermediate]);
    expect(violations).toMatchObject([{ problem: "CERT_PATH_LENGTH_EXCEEDED", position: 2, subject: "CN=RCA Test Issuing CA 1, O=RCA Tests" }]);
    expect(violations[0]!.message.english).toContain(
      'allows no intermediate CA below it (Basic Constraints path length 0), but this path has 1 below it: "CN=Sub CA, O=RCA Tests"',
    );
  });

  it("doesn't count a self-issued intermediate (key rollover)", async () => {
    const rollover = await pki.issueCa({ commonName: "unused", issuer: pki.intermediate, selfIssued: true });
    expect(profile(rollover).selfIssued).toBe(true);
    expect(validate(await leafUnder(rollover), [rollover, pki.intermediate])).toEqual([]);
  });

  it("allows exactly pathLenConstraint CAs below, and refuses one more", async () => {
    const top = await pki.issueCa({ commonName: "Path Length 1 CA", basicConstraints: { ca: true, pathLength: 1 } });
    const middle = await pki.issueCa({ commonName: "Middle CA", issuer: top });
    const bottom = await pki.issueCa({ commonName: "Bottom CA", issuer: middle });
    expect(validate(await leafUnder(middle), [middle, top])).toEqual([]);
    expect(validate(await leafUnder(bottom), [bottom, middle, top])).toMatchObject([
      { problem: "CERT_PATH_LENGTH_EXCEEDED", subject: "CN=Path Length 1 CA, O=RCA Tests" },
    ]);
  });

  it("applies the root's own path length too", () => {
    const path = [
      synthetic("CN=leaf", { basicConstraints: { ca: false } }),
      synthetic("CN=A"),
      synthetic("CN=B"),
      synthetic("CN=Root", { selfIssued: true, basicConstraints: { ca: true, pathLength: 0 } }),
    ];
    expect(validatePath(path, { now: NOW, endsAtRoot: true })).toMatchObject([{ problem: "CERT_PATH_LENGTH_EXCEEDED", position: 3 }]);
  });
});

describe("validatePath: name constraints (RFC 5280 4.2.1.10)", () => {
  let constrained: Issued;
  beforeAll(async () => {
    constrained = await pki.issueCa({
      commonName: "Constrained CA",
      nameConstraints: {
        permitted: [{ dns: ".allowed.test" }, { ip: "192.0.2.0/24" }, { ip: "2001:db8::/32" }],
        excluded: [{ dns: "blocked.allowed.test" }, { ip: "192.0.2.9/32" }],
      },
    });
  });
  const check = async (leaf: LeafOptions) => validate(await pki.issueLeaf({ issuer: constrained, ...leaf }), [constrained]);

  it("reads the extension the PKI wrote", () => {
    expect(profile(constrained).nameConstraints).toMatchObject({
      permitted: [
        { type: "dns", value: ".allowed.test" },
        { type: "ip", text: "192.0.2.0/24" },
        { type: "ip", text: "2001:db8::/32" },
      ],
      excluded: [
        { type: "dns", value: "blocked.allowed.test" },
        { type: "ip", text: "192.0.2.9/32" },
      ],
    });
  });

  it("accepts DNS names and IP addresses inside the permitted subtrees", async () => {
    expect(await check({ dnsNames: ["www.allowed.test", "a.b.allowed.test"], ipAddresses: ["192.0.2.10", "2001:db8::10"] })).toEqual([]);
  });

  it("refuses a DNS name outside the permitted subtree, naming the server certificate, the name and the CA", async () => {
    const violations = await check({ commonName: "mail.contoso.test", dnsNames: ["www.allowed.test", "mail.contoso.test"] });
    expect(violations).toMatchObject([
      { problem: "CERT_NAME_CONSTRAINTS", position: 0, subject: "CN=mail.contoso.test, O=RCA Test Servers", constrainedBy: "CN=Constrained CA, O=RCA Tests" },
    ]);
    expect(violations[0]!.message.english).toBe(
      'The server certificate "CN=mail.contoso.test, O=RCA Test Servers" has the name mail.contoso.test, which is outside the names the intermediate certificate "CN=Constrained CA, O=RCA Tests" may issue for (permitted: .allowed.test). Clients refuse names that break a CA\'s name constraints (RFC 5280 4.2.1.10).',
    );
  });

  it("names a few breaches of a hostile certificate and counts the rest, with every subtree listed briefly", () => {
    // Thousands of names under thousands of subtrees must not become megabytes of message.
    const subtrees = Array.from({ length: 3000 }, (_, i) => ({ type: "dns" as const, value: `.allowed-${i}.test` }));
    const leaf = synthetic("CN=hostile", { basicConstraints: null, names: { dns: Array.from({ length: 3000 }, (_, i) => `host-${i}.evil.test`), ip: [] } });
    const ca = synthetic("CN=Many Subtrees CA", { nameConstraints: { permitted: subtrees, excluded: [] } });
    const root = synthetic("CN=Root", { selfIssued: true });
    const violations = validatePath([leaf, ca, root], { now: NOW, endsAtRoot: true });
    expect(violations).toHaveLength(5);
    expect(violations.at(-1)!.message.english).toContain("2995 more of its names break these constraints too.");
    expect(violations[0]!.message.english).toContain("and 2990 more");
    expect(JSON.stringify(violations).length).toBeLessThan(10_000);
  });

  it("matches the name the certificate holds, not the shortened one shown", async () => {
    // Longer than a message shows: judged on the shortened text, it would seem to escape the excluded subtree.
    const long = `${"a".repeat(60)}.${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.excluded.test`;
    const excluding = await pki.issueCa({ commonName: "Excluding CA", nameConstraints: { permitted: [], excluded: [{ dns: "excluded.test" }] } });
    const violations = validate(await pki.issueLeaf({ issuer: excluding, commonName: "long", dnsNames: [long] }), [excluding]);
    expect(violations).toMatchObject([{ problem: "CERT_NAME_CONSTRAINTS" }]);
  });

  it("reads .allowed.test as the names below allowed.test, not allowed.test itself", async () => {
    expect(await check({ dnsNames: ["allowed.test"] })).toMatchObject([{ problem: "CERT_NAME_CONSTRAINTS" }]);
  });

  it("refuses a DNS name in an excluded subtree even though it is permitted", async () => {
    const violations = await check({ dnsNames: ["blocked.allowed.test"] });
    expect(violations).toMatchObject([{ problem: "CERT_NAME_CONSTRAINTS" }]);
    expect(violations[0]!.message.english).toContain(
      'in the subtree blocked.allowed.test that the intermediate certificate "CN=Constrained CA, O=RCA Tests" excludes',
    );
  });

  it("refuses IP addresses outside the permitted range and inside the excluded one, IPv4 and IPv6", async () => {
    expect((await check({ ipAddresses: ["198.51.100.1"] }))[0]?.message.english).toContain("198.51.100.1, which is outside the names");
    expect((await check({ ipAddresses: ["192.0.2.9"] }))[0]?.message.english).toContain("in the subtree 192.0.2.9/32");
    expect((await check({ ipAddresses: ["2001:db9::1"] }))[0]?.message.english).toContain("2001:db9::1, which is outside");
  });

  it("checks the common name when there is no DNS name in the SAN, as OpenSSL does", async () => {
    expect(await check({ commonName: "www.allowed.test" })).toEqual([]);
    expect(await check({ commonName: "mail.contoso.test" })).toMatchObject([{ problem: "CERT_NAME_CONSTRAINTS" }]);
  });

  it("ignores the common name when the SAN has DNS names", async () => {
    expect(await check({ commonName: "mail.contoso.test", dnsNames: ["www.allowed.test"] })).toEqual([]);
  });

  it("ignores a common name that isn't a host name", async () => {
    expect(await check({ commonName: "Contoso Mail Server" })).toEqual([]);
  });

  it("applies the constraints of every issuer, the root's included", () => {
    const leaf = synthetic("CN=mail.contoso.test", { basicConstraints: { ca: false }, names: { dns: ["mail.contoso.test"], ip: [] } });
    const root = synthetic("CN=Constrained Root", {
      selfIssued: true,
      nameConstraints: { permitted: [{ type: "dns", value: "fabrikam.test" }], excluded: [] },
    });
    expect(validatePath([leaf, synthetic("CN=Free CA"), root], { now: NOW, endsAtRoot: true })).toMatchObject([
      { problem: "CERT_NAME_CONSTRAINTS", constrainedBy: "CN=Constrained Root" },
    ]);
  });

  it("refuses when a CA's name constraints can't be read", () => {
    const leaf = synthetic("CN=leaf", { basicConstraints: { ca: false }, names: { dns: ["mail.contoso.test"], ip: [] } });
    expect(validatePath([leaf, synthetic("CN=Broken CA", { nameConstraints: "unreadable" })], { now: NOW, endsAtRoot: false })).toMatchObject([
      { problem: "CERT_NAME_CONSTRAINTS" },
    ]);
  });
});

describe("name constraint matching", () => {
  it("matches DNS subtrees the way OpenSSL does", () => {
    expect(dnsNameWithin("www.allowed.test", ".allowed.test")).toBe(true);
    expect(dnsNameWithin("allowed.test", ".allowed.test")).toBe(false);
    expect(dnsNameWithin("allowed.test", "allowed.test")).toBe(true);
    expect(dnsNameWithin("WWW.Allowed.Test", "allowed.test")).toBe(true);
    expect(dnsNameWithin("notallowed.test", "allowed.test")).toBe(false);
    expect(dnsNameWithin("anything.example", "")).toBe(true);
  });

  it("matches IP subtrees of the same family only", () => {
    const v4 = Uint8Array.from([10, 0, 0, 0, 255, 0, 0, 0]);
    expect(ipWithin(Uint8Array.from([10, 1, 2, 3]), v4)).toBe(true);
    expect(ipWithin(Uint8Array.from([11, 1, 2, 3]), v4)).toBe(false);
    expect(ipWithin(new Uint8Array(16), v4)).toBe(false);
  });

  it("refuses malformed DER instead of guessing", () => {
    expect(() => decodeNameConstraints(Uint8Array.from([0x30, 0x05, 0xa0, 0x03]))).toThrow();
  });
});

describe("validatePath: validity dates", () => {
  it("refuses an expired intermediate, naming it", async () => {
    const { violations } = await underCa({ commonName: "Expired CA", notBefore: new Date(NOW.getTime() - 400 * DAY), notAfter: new Date(NOW.getTime() - DAY) });
    expect(violations).toMatchObject([{ problem: "CERT_EXPIRED", position: 1, subject: "CN=Expired CA, O=RCA Tests" }]);
    expect(violations[0]!.message.english).toMatch(
      /^The intermediate certificate "CN=Expired CA, O=RCA Tests" expired on .*: clients refuse every certificate it issued\.$/,
    );
  });

  it("refuses an intermediate that isn't valid yet", async () => {
    const { violations } = await underCa({ commonName: "Future CA", notBefore: new Date(NOW.getTime() + DAY), notAfter: new Date(NOW.getTime() + 400 * DAY) });
    expect(violations).toMatchObject([{ problem: "CERT_NOT_YET_VALID", subject: "CN=Future CA, O=RCA Tests" }]);
  });

  it("refuses an expired server certificate, and a root that has expired by then", async () => {
    const leaf = await leafUnder(pki.intermediate, { notBefore: new Date(NOW.getTime() - 10 * DAY), notAfter: new Date(NOW.getTime() - DAY) });
    expect(validate(leaf, [pki.intermediate])).toMatchObject([{ problem: "CERT_EXPIRED", position: 0 }]);
    const later = new Date(NOW.getTime() + 20 * 365 * DAY);
    expect(validate(await leafUnder(pki.intermediate), [pki.intermediate], later).map((v) => v.message.english)).toEqual([
      expect.stringContaining("The server certificate"),
      expect.stringContaining('The intermediate certificate "CN=RCA Test Issuing CA 1'),
      expect.stringContaining('The root certificate "CN=RCA Test Root CA'),
    ]);
  });
});

describe("validatePath: several broken rules", () => {
  it("lists the most fundamental rule first", async () => {
    const ca = await pki.issueCa({
      commonName: "Everything Wrong CA",
      basicConstraints: { ca: false },
      keyUsage: 1,
      notAfter: new Date(NOW.getTime() - DAY),
      notBefore: new Date(NOW.getTime() - 9 * DAY),
    });
    expect(validate(await leafUnder(ca), [ca]).map((v) => v.problem)).toEqual(["CERT_ISSUER_NOT_CA", "CERT_ISSUER_KEY_USAGE", "CERT_EXPIRED"]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("analyzeChain: building the path a client builds", () => {
  it("links an issuer whose Key Usage lacks keyCertSign, so that rule is named instead of a missing issuer", async () => {
    const ca = await pki.issueCa({ commonName: "No CertSign Link", keyUsage: 1 });
    const leaf = await leafUnder(ca);
    expect(node(leaf).checkIssued(node(ca))).toBe(false); // OpenSSL's check wants keyCertSign: it can't be used to link
    const chain = analyzeChain([node(leaf), node(ca)], [node(pki.root)]);
    expect(chain.status).toBe("trusted");
  });

  it("reports a missing upper intermediate as incomplete, naming the missing issuer", async () => {
    const upper = await pki.issueCa({ commonName: "Upper CA" });
    const lower = await pki.issueCa({ commonName: "Lower CA", issuer: upper });
    const chain = analyzeChain([node(await leafUnder(lower)), node(lower)], [node(pki.root)]);
    expect(chain).toMatchObject({ status: "incomplete", missingIssuer: "CN=Upper CA, O=RCA Tests" });
    expect(chain.path).toHaveLength(2);
  });

  it("reports a signature that doesn't verify, naming the certificate and the would-be issuer", async () => {
    const leaf = tamperSignature(await leafUnder(pki.intermediate));
    const chain = analyzeChain([node(leaf), node(pki.intermediate)], [node(pki.root)]);
    expect(chain.status).toBe("bad-signature");
    expect(chain.badSignature).toMatchObject({ position: 0, issuer: { source: 1 } });
  });

  it("prefers the currently valid one of two certificates of the same CA, as OpenSSL does", async () => {
    const expired = await pki.issueCa({ commonName: "Renewed CA", notBefore: new Date(NOW.getTime() - 400 * DAY), notAfter: new Date(NOW.getTime() - DAY) });
    const renewed = await pki.issueCa({ commonName: "Renewed CA", sameKeyAs: expired });
    const leaf = await leafUnder(renewed);
    const chain = analyzeChain([node(leaf), node(expired), node(renewed)], [node(pki.root)], NOW);
    expect(chain.path.map((link) => link.source)).toEqual([0, 2, "trust-store"]);
    expect(chain.unused).toEqual([1]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("judgeTrust: the analyzer's validation cross-checked with OpenSSL", () => {
  const assess = async (leaf: Issued, sent: Issued[]) => assessTrust([leaf, ...sent].map(node), [node(pki.root)], NOW);

  it("trusts a chain both accept, recording both verdicts", async () => {
    const verdict = judgeTrust(await assess(await leafUnder(pki.intermediate), [pki.intermediate]), { authorized: true });
    expect(verdict.accepted).toBe(true);
    expect(verdict.finding).toMatchObject({
      status: "success",
      details: { openssl: { authorized: true }, validation: { accepted: true }, agreement: expect.stringMatching(/^agree/) },
    });
  });

  it("never reports trusted a chain OpenSSL refuses: CERT_CHAIN_INVALID quoting its reason", async () => {
    const verdict = judgeTrust(await assess(await leafUnder(pki.intermediate), [pki.intermediate]), { authorized: false, error: "INVALID_PURPOSE" });
    expect(verdict.accepted).toBe(false);
    expect(verdict.finding).toMatchObject({ status: "error", problem: "CERT_CHAIN_INVALID" });
    expect(verdict.finding.message).toContain("OpenSSL refuses this certificate chain (INVALID_PURPOSE: ");
    expect(verdict.finding.details).toMatchObject({
      openssl: { authorized: false, error: "INVALID_PURPOSE" },
      agreement: expect.stringMatching(/^disagree: only OpenSSL/),
    });
  });

  it("keeps its own refusal when OpenSSL accepts, recording the disagreement", async () => {
    const ca = await pki.issueCa({ commonName: "Disputed CA", keyUsage: 1 });
    const verdict = judgeTrust(await assess(await leafUnder(ca), [ca]), { authorized: true });
    expect(verdict.accepted).toBe(false);
    expect(verdict.finding).toMatchObject({ status: "error", problem: "CERT_ISSUER_KEY_USAGE" });
    expect(verdict.finding.message).not.toContain("OpenSSL");
    expect(verdict.finding.details).toMatchObject({
      openssl: { authorized: true },
      agreement: expect.stringMatching(/^disagree: OpenSSL accepted this chain/),
    });
  });

  it("says so when OpenSSL refuses too, and lists the other broken rules", async () => {
    const ca = await pki.issueCa({ commonName: "Twice Wrong CA", basicConstraints: { ca: false }, keyUsage: 1 });
    const verdict = judgeTrust(await assess(await leafUnder(ca), [ca]), { authorized: false, error: "INVALID_CA" });
    expect(verdict.finding).toMatchObject({ status: "error", problem: "CERT_ISSUER_NOT_CA" });
    expect(verdict.finding.message).toContain('Other problems on this path: CERT_ISSUER_KEY_USAGE ("CN=Twice Wrong CA, O=RCA Tests").');
    expect(verdict.finding.message).toContain("OpenSSL refuses the chain too (INVALID_CA: ");
    expect(verdict.finding.details).toMatchObject({ refusedFor: { problem: "CERT_ISSUER_NOT_CA", position: 1 }, agreement: expect.stringMatching(/^agree/) });
  });

  it("refuses an incomplete chain before judging the rules of the partial path", async () => {
    const upper = await pki.issueCa({ commonName: "Upper CA 2" });
    const lower = await pki.issueCa({
      commonName: "Lower CA 2",
      issuer: upper,
      notAfter: new Date(NOW.getTime() - DAY),
      notBefore: new Date(NOW.getTime() - 9 * DAY),
    });
    const verdict = judgeTrust(await assess(await leafUnder(lower), [lower]), { authorized: false, error: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY" });
    expect(verdict.finding).toMatchObject({ problem: "CERT_CHAIN_INCOMPLETE" });
    expect(verdict.finding.message).toContain(
      'The chain stops at the intermediate certificate "CN=Lower CA 2, O=RCA Tests": its issuer "CN=Upper CA 2, O=RCA Tests"',
    );
    expect(verdict.finding.message).toContain('Other problems on this path: CERT_EXPIRED ("CN=Lower CA 2, O=RCA Tests")');
  });

  it("warns about the order only when both accept the chain", async () => {
    const leaf = await leafUnder(pki.intermediate);
    const outOfOrder = await assess(leaf, [pki.root, pki.intermediate]);
    expect(judgeTrust(outOfOrder, { authorized: true }).finding).toMatchObject({ status: "warning", problem: "CERT_CHAIN_ORDER" });
    expect(judgeTrust(outOfOrder, { authorized: false, error: "CERT_REJECTED" }).finding).toMatchObject({ status: "error", problem: "CERT_CHAIN_INVALID" });
  });
});
