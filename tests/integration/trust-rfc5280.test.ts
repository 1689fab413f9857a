import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificateSteps, type CertificateOutcome } from "@/lib/analyzers/steps/certificate";
import { resolveStep, tcpStep } from "@/lib/analyzers/steps/connectivity";
import { TestRun } from "@/lib/engine/runner";
import type { Step, TestResult } from "@/lib/engine/types";
import { analyze, startLab, step, type Lab, type ScenarioServer } from "../support/lab";
import { chainPem, tamperSignature, type CaOptions, type Issued, type LeafOptions, type TestPki } from "../support/pki";
import { startHttpsServer } from "../support/servers";

/**
 * RFC 5280 §6 path validation against real TLS peers: each server on its own 127.0.50.x address serves a chain that
 * breaks one rule, and the trust step must refuse it with that rule's problem code, name the certificate that
 * breaks it, and agree with OpenSSL's own verdict on the same chain.
 */

const DAY = 86_400_000;
const now = Date.now();

/** Once per PKI: several scenarios share a CA. */
function shared(make: (pki: TestPki) => Promise<Issued>): (pki: TestPki) => Promise<Issued> {
  const made = new WeakMap<TestPki, Promise<Issued>>();
  return (pki) => {
    let ca = made.get(pki);
    if (!ca) {
      ca = make(pki);
      made.set(pki, ca);
    }
    return ca;
  };
}

// One constrained CA: DNS names in .allowed.test except blocked.allowed.test; IP addresses in 127.0.50.0/28 except .9.
const constrainedCa = shared((pki) =>
  pki.issueCa({
    commonName: "RCA Test Constrained CA",
    nameConstraints: { permitted: [{ dns: ".allowed.test" }, { ip: "127.0.50.0/28" }], excluded: [{ dns: "blocked.allowed.test" }, { ip: "127.0.50.9/32" }] },
  }),
);

interface Served {
  leaf: Issued;
  /** sent after the leaf, in this order */
  chain: Issued[];
}

/** A server for `host` on 127.0.50.`octet`, sending the leaf and `chain` as built. */
function scenario(host: string, octet: number, build: (pki: TestPki, host: string) => Promise<Served>): ScenarioServer {
  return {
    name: host,
    address: `127.0.50.${octet}`,
    start: async (pki, address) => {
      const served = await build(pki, host);
      return startHttpsServer({ host: address, chain: chainPem(served.leaf, ...served.chain), key: served.leaf.keyPem });
    },
  };
}

/** A leaf for `host` from a CA made for the scenario (issued by the trusted root unless told otherwise), sent with that CA. */
function underCa(host: string, octet: number, ca: CaOptions, leaf: LeafOptions = {}): ScenarioServer {
  return scenario(host, octet, async (pki) => {
    const issuer = await pki.issueCa(ca);
    return { leaf: await pki.issueLeaf({ commonName: host, dnsNames: [host], issuer, ...leaf }), chain: [issuer] };
  });
}

function underConstrainedCa(host: string, octet: number, leaf: LeafOptions): ScenarioServer {
  return scenario(host, octet, async (pki) => {
    const ca = await constrainedCa(pki);
    return { leaf: await pki.issueLeaf({ issuer: ca, ...leaf }), chain: [ca] };
  });
}

const SCENARIOS: ScenarioServer[] = [
  scenario("good.rfc5280.test", 1, async (pki, host) => ({ leaf: await pki.issueLeaf({ commonName: host, dnsNames: [host] }), chain: [pki.intermediate] })),
  underCa("notca.rfc5280.test", 2, { commonName: "RCA Test Not A CA", basicConstraints: { ca: false } }),
  underCa("nobasic.rfc5280.test", 3, { commonName: "RCA Test No Basic Constraints", basicConstraints: null }),
  scenario("pathlen.rfc5280.test", 4, async (pki, host) => {
    // "RCA Test Issuing CA 1" has path length 0, yet another CA sits below it.
    const sub = await pki.issueCa({ commonName: "RCA Test Sub CA", issuer: pki.intermediate });
    return { leaf: await pki.issueLeaf({ commonName: host, dnsNames: [host], issuer: sub }), chain: [sub, pki.intermediate] };
  }),
  scenario("selfissued.rfc5280.test", 5, async (pki, host) => {
    // A key rollover certificate under the path length 0 CA: self-issued, so it doesn't count (RFC 5280 6.1.4(l)).
    const rollover = await pki.issueCa({ commonName: "unused", issuer: pki.intermediate, selfIssued: true });
    return { leaf: await pki.issueLeaf({ commonName: host, dnsNames: [host], issuer: rollover }), chain: [rollover, pki.intermediate] };
  }),
  underCa("keyusage.rfc5280.test", 6, { commonName: "RCA Test CA Without CertSign", keyUsage: 1 /* digitalSignature */ | 64 /* cRLSign */ }),
  underConstrainedCa("www.allowed.test", 7, { commonName: "www.allowed.test", dnsNames: ["www.allowed.test"] }),
  underConstrainedCa("outside.rfc5280.test", 8, { commonName: "outside.rfc5280.test", dnsNames: ["outside.rfc5280.test"] }),
  underConstrainedCa("ip-excluded.rfc5280.test", 9, { ipAddresses: ["127.0.50.9"] }),
  underConstrainedCa("blocked.allowed.test", 10, { commonName: "blocked.allowed.test", dnsNames: ["blocked.allowed.test"] }),
  underConstrainedCa("ip-inside.rfc5280.test", 11, { ipAddresses: ["127.0.50.11"] }),
  underConstrainedCa("cnonly.rfc5280.test", 12, { commonName: "cnonly.rfc5280.test" }),
  underCa(
    "expiredca.rfc5280.test",
    13,
    { commonName: "RCA Test Expired CA", notBefore: new Date(now - 400 * DAY), notAfter: new Date(now - 2 * DAY) },
    { notBefore: new Date(now - 300 * DAY) },
  ),
  underCa("notyetca.rfc5280.test", 14, { commonName: "RCA Test Future CA", notBefore: new Date(now + 5 * DAY), notAfter: new Date(now + 400 * DAY) }),
  scenario("uppermissing.rfc5280.test", 15, async (pki, host) => {
    // root → upper → lower → leaf, and the server forgets the upper intermediate.
    const upper = await pki.issueCa({ commonName: "RCA Test Upper CA" });
    const lower = await pki.issueCa({ commonName: "RCA Test Lower CA", issuer: upper });
    return { leaf: await pki.issueLeaf({ commonName: host, dnsNames: [host], issuer: lower }), chain: [lower] };
  }),
  scenario("untrustedroot.rfc5280.test", 16, async (pki, host) => ({
    leaf: await pki.issueLeaf({ commonName: host, dnsNames: [host], issuer: "untrustedIntermediate" }),
    chain: [pki.untrustedIntermediate, pki.untrustedRoot],
  })),
  scenario("badsignature.rfc5280.test", 17, async (pki, host) => ({
    leaf: tamperSignature(await pki.issueLeaf({ commonName: host, dnsNames: [host] })),
    chain: [pki.intermediate],
  })),
  scenario("clientauth.rfc5280.test", 18, async (pki, host) => ({
    leaf: await pki.issueLeaf({ commonName: host, dnsNames: [host], eku: ["clientAuth"] }),
    chain: [pki.intermediate],
  })),
  underConstrainedCa("ip-outside.rfc5280.test", 20, { ipAddresses: ["127.0.50.20"] }),
];

let lab: Lab;

beforeAll(async () => {
  // Another name for the good server: its certificate doesn't carry it.
  lab = await startLab(SCENARIOS, { "alias.rfc5280.test": ["127.0.50.1"] });
});

afterAll(async () => {
  await lab?.stop();
});

/** Runs the TLS certificate test against a scenario, by name or (for the IP scenarios) by its address. */
function run(host: string, byAddress = false): Promise<TestResult> {
  const address = SCENARIOS.find((candidate) => candidate.name === host)!.address;
  return analyze({ test: "tls-certificate", host: byAddress ? address : host, port: lab.port(host) });
}

/** The certificate steps alone, as Outlook Anywhere runs them before deciding whether credentials may follow. */
async function certificateOutcome(host: string, ignoreTrust: boolean, server = host): Promise<CertificateOutcome | undefined> {
  const testRun = new TestRun(() => {});
  try {
    const target = await resolveStep(testRun, host);
    const connection = await tcpStep(testRun, host, target, lab.port(server));
    return await certificateSteps(testRun, { host, port: lab.port(server), connection, ignoreTrust, blocking: true });
  } finally {
    testRun.close();
  }
}

interface OpenSslDetails {
  authorized: boolean;
  error?: string;
}

function trustOf(result: TestResult): Step & { details: { openssl: OpenSslDetails; agreement: string } } {
  const trust = step(result, "tls.certificate.trust");
  expect(trust.details?.openssl, "OpenSSL's verdict is recorded").toBeDefined();
  return trust as Step & { details: { openssl: OpenSslDetails; agreement: string } };
}

/** The trust step refuses with `problem`, names `subject`, and OpenSSL refuses the same chain. */
function expectRefused(result: TestResult, problem: string, subject: string): Step & { details: { openssl: OpenSslDetails } } {
  const trust = trustOf(result);
  expect(trust, JSON.stringify(trust.details?.openssl)).toMatchObject({ status: "error", problem });
  expect(trust.message).toContain(subject);
  expect(trust.details.openssl.authorized).toBe(false);
  expect(trust.details.openssl.error).toMatch(/^[A-Z_]+$/);
  expect(trust.details.agreement).toMatch(/^agree/);
  expect(trust.message).toContain(`OpenSSL refuses the chain too (${trust.details.openssl.error}`);
  return trust;
}

function expectTrusted(result: TestResult): void {
  const trust = trustOf(result);
  expect(trust, trust.message).toMatchObject({ status: "success" });
  expect(trust.details.openssl).toEqual({ authorized: true });
  expect(trust.details.agreement).toMatch(/^agree/);
}

describe("trust is decided like a real client (RFC 5280 §6), with OpenSSL's verdict as the second opinion", () => {
  it("trusts a good chain, and OpenSSL does too (positive control)", async () => {
    const result = await run("good.rfc5280.test");
    expectTrusted(result);
    expect(result.verdict).toBe("success");
  });

  it("refuses an issuer whose Basic Constraints say CA=false (CERT_ISSUER_NOT_CA)", async () => {
    const trust = expectRefused(await run("notca.rfc5280.test"), "CERT_ISSUER_NOT_CA", "CN=RCA Test Not A CA, O=RCA Tests");
    expect(trust.message).toContain("CA=false");
    // OpenSSL reports its last error: the CA check fails both as a CA (INVALID_CA) and for the TLS server purpose.
    expect(["INVALID_CA", "INVALID_PURPOSE"]).toContain(trust.details.openssl.error);
  });

  it("refuses an issuer without a Basic Constraints extension (CERT_ISSUER_NOT_CA)", async () => {
    const trust = expectRefused(await run("nobasic.rfc5280.test"), "CERT_ISSUER_NOT_CA", "CN=RCA Test No Basic Constraints, O=RCA Tests");
    expect(trust.message).toContain("no Basic Constraints extension");
    expect(["INVALID_CA", "INVALID_PURPOSE"]).toContain(trust.details.openssl.error);
  });

  it("refuses a CA below a path length 0 CA (CERT_PATH_LENGTH_EXCEEDED)", async () => {
    const trust = expectRefused(await run("pathlen.rfc5280.test"), "CERT_PATH_LENGTH_EXCEEDED", "CN=RCA Test Issuing CA 1, O=RCA Tests");
    expect(trust.message).toContain('"CN=RCA Test Sub CA, O=RCA Tests"');
    expect(trust.details?.openssl).toMatchObject({ error: "PATH_LENGTH_EXCEEDED" });
  });

  it("doesn't count a self-issued intermediate against the path length (RFC 5280 6.1.4(l)), and neither does OpenSSL", async () => {
    const result = await run("selfissued.rfc5280.test");
    expectTrusted(result);
    expect(step(result, "tls.certificate.trust").children).toHaveLength(4);
  });

  it("refuses an issuer whose Key Usage lacks keyCertSign (CERT_ISSUER_KEY_USAGE)", async () => {
    const trust = expectRefused(await run("keyusage.rfc5280.test"), "CERT_ISSUER_KEY_USAGE", "CN=RCA Test CA Without CertSign, O=RCA Tests");
    expect(trust.message).toContain("keyCertSign");
  });

  it("trusts a DNS name inside the CA's permitted subtree .allowed.test", async () => {
    expectTrusted(await run("www.allowed.test"));
  });

  it("refuses a DNS name outside the permitted subtree (CERT_NAME_CONSTRAINTS)", async () => {
    const trust = expectRefused(await run("outside.rfc5280.test"), "CERT_NAME_CONSTRAINTS", "outside.rfc5280.test");
    expect(trust.message).toContain("CN=RCA Test Constrained CA, O=RCA Tests");
    expect(trust.message).toContain("permitted: .allowed.test");
  });

  it("refuses a DNS name in an excluded subtree (CERT_NAME_CONSTRAINTS)", async () => {
    const trust = expectRefused(await run("blocked.allowed.test"), "CERT_NAME_CONSTRAINTS", "blocked.allowed.test");
    expect(trust.message).toContain("excludes");
  });

  it("applies DNS constraints to the common name of a certificate without SANs, as OpenSSL does", async () => {
    const trust = expectRefused(await run("cnonly.rfc5280.test"), "CERT_NAME_CONSTRAINTS", "cnonly.rfc5280.test");
    expect(trust.message).toContain("CN=RCA Test Constrained CA, O=RCA Tests");
  });

  it("trusts an IP address inside the permitted IP subtree", async () => {
    expectTrusted(await run("ip-inside.rfc5280.test", true));
  });

  it("refuses an IP address outside the permitted IP subtree (CERT_NAME_CONSTRAINTS)", async () => {
    const trust = expectRefused(await run("ip-outside.rfc5280.test", true), "CERT_NAME_CONSTRAINTS", "127.0.50.20");
    expect(trust.message).toContain("127.0.50.0/28");
  });

  it("refuses an IP address in an excluded IP subtree (CERT_NAME_CONSTRAINTS)", async () => {
    const trust = expectRefused(await run("ip-excluded.rfc5280.test", true), "CERT_NAME_CONSTRAINTS", "127.0.50.9");
    expect(trust.message).toContain("127.0.50.9/32");
  });

  it("refuses a chain whose intermediate has expired, naming it (CERT_EXPIRED)", async () => {
    const trust = expectRefused(await run("expiredca.rfc5280.test"), "CERT_EXPIRED", 'intermediate certificate "CN=RCA Test Expired CA, O=RCA Tests" expired');
    expect(trust.details?.openssl).toMatchObject({ error: "CERT_HAS_EXPIRED" });
  });

  it("refuses a chain whose intermediate isn't valid yet, naming it (CERT_NOT_YET_VALID)", async () => {
    const trust = expectRefused(
      await run("notyetca.rfc5280.test"),
      "CERT_NOT_YET_VALID",
      'intermediate certificate "CN=RCA Test Future CA, O=RCA Tests" isn\'t valid until',
    );
    expect(trust.details?.openssl).toMatchObject({ error: "CERT_NOT_YET_VALID" });
  });

  it("reports a missing upper intermediate as an incomplete chain, not an untrusted root (CERT_CHAIN_INCOMPLETE)", async () => {
    const trust = expectRefused(await run("uppermissing.rfc5280.test"), "CERT_CHAIN_INCOMPLETE", "CN=RCA Test Lower CA, O=RCA Tests");
    expect(trust.message).toContain('its issuer "CN=RCA Test Upper CA, O=RCA Tests" wasn\'t sent');
  });

  it("reports a chain ending at a self-signed root that isn't trusted as CERT_UNTRUSTED_ROOT", async () => {
    expectRefused(await run("untrustedroot.rfc5280.test"), "CERT_UNTRUSTED_ROOT", "CN=Evil Root CA, O=Evil Corp");
  });

  it("refuses a certificate whose signature doesn't verify (CERT_CHAIN_INVALID)", async () => {
    const trust = expectRefused(await run("badsignature.rfc5280.test"), "CERT_CHAIN_INVALID", "CN=badsignature.rfc5280.test");
    expect(trust.message).toContain('doesn\'t verify with the public key of "CN=RCA Test Issuing CA 1, O=RCA Tests"');
  });

  it("never reports as trusted a chain OpenSSL refuses: CERT_CHAIN_INVALID quoting OpenSSL's reason", async () => {
    // A client-authentication-only certificate: the analyzer's path rules pass, OpenSSL refuses it for a TLS server.
    const result = await run("clientauth.rfc5280.test");
    const trust = trustOf(result);
    expect(trust).toMatchObject({ status: "error", problem: "CERT_CHAIN_INVALID" });
    expect(trust.details.openssl.authorized).toBe(false);
    expect(trust.message).toContain(`OpenSSL refuses this certificate chain (${trust.details.openssl.error}`);
    expect(trust.details.agreement).toMatch(/^disagree: only OpenSSL/);
  });

  it("turns a path validation refusal into a warning with Ignore trust for SSL", async () => {
    const result = await analyze({ test: "tls-certificate", host: "notca.rfc5280.test", port: lab.port("notca.rfc5280.test"), ignoreTrust: true });
    expect(step(result, "tls.certificate.trust")).toMatchObject({ status: "warning", problem: "CERT_ISSUER_NOT_CA" });
    expect(result.verdict).toBe("warning");
  });

  it("marks the certificate trusted for credentials only when both verdicts accept and nothing was ignored", async () => {
    expect((await certificateOutcome("good.rfc5280.test", false))?.trusted).toBe(true);
    expect((await certificateOutcome("good.rfc5280.test", true))?.trusted).toBe(true);
    // Refused by path validation, or by OpenSSL alone, and let through only by "Ignore trust for SSL": never trusted.
    expect((await certificateOutcome("notca.rfc5280.test", true))?.trusted).toBe(false);
    expect((await certificateOutcome("clientauth.rfc5280.test", true))?.trusted).toBe(false);
    // A trusted chain whose name doesn't match, let through by "Ignore trust for SSL": not trusted either.
    expect((await certificateOutcome("alias.rfc5280.test", true, "good.rfc5280.test"))?.trusted).toBe(false);
    // Without "Ignore trust" a refused certificate fails the step: there is no outcome to send credentials with.
    expect(await certificateOutcome("notca.rfc5280.test", false)).toBeUndefined();
  });
});
