/**
 * Certificate Transparency and CAA against real peers on 127.0.150.x: a dnsmasq serving CAA records (an issue record
 * for the test CA's domain, issuewild, a forbidding record, a critical unknown property, none), and TLS servers whose
 * certificates embed SCT lists signed by test logs, or that staple an OCSP response carrying SCTs.
 */
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caaStep, ctStep, type CtInput } from "@/lib/analyzers/steps/ct-caa";
import type { CaIdentity } from "@/lib/cert/caa";
import { logDirectory, type CtLogDirectory } from "@/lib/cert/ct/logs";
import { endsAtPublicRoot } from "@/lib/cert/ct/public-roots";
import { parseCertificate, type ParsedCertificate } from "@/lib/cert/parse";
import { resetEnvForTests } from "@/lib/config/env";
import { TestRun } from "@/lib/engine/runner";
import type { Step } from "@/lib/engine/types";
import { connectAddress } from "@/lib/net/tcp";
import { tlsHandshake } from "@/lib/net/tls";
import { startDnsmasq, type RunningDnsmasq } from "../support/dnsmasq";
import { allSteps, analyze } from "../support/lab";
import { chainPem, createTestCtLog, createTestPki, ocspResponseWithScts, x509SctList, type Issued, type TestCtLog, type TestPki } from "../support/pki";
import type { AddressInfo } from "node:net";

const TIMEOUT_MS = 1500;
const ENV = ["RCA_ALLOW_PRIVATE_TARGETS", "RCA_ALLOWED_PORTS", "RCA_TIMEOUT_MS", "RCA_DNS_SERVERS"] as const;
const saved = Object.fromEntries(ENV.map((key) => [key, process.env[key]]));
const DAY = 24 * 60 * 60 * 1000;

/** The test CA publishes "rca-tests.test" as its CAA domain. */
const TEST_CA: CaIdentity[] = [{ ca: "RCA Tests", match: /^RCA Tests$/, domains: ["rca-tests.test"] }];

let pki: TestPki;
let dns: RunningDnsmasq;
let alpha: TestCtLog;
let beta: TestCtLog;
let gamma: TestCtLog;
let logs: CtLogDirectory;

function setEnv(values: Partial<Record<(typeof ENV)[number], string>>): void {
  for (const key of ENV) {
    if (values[key] === undefined) delete process.env[key];
    else process.env[key] = values[key];
  }
  resetEnvForTests();
}

const parsed = (issued: Issued): ParsedCertificate => parseCertificate(Buffer.from(issued.cert.rawData));

async function record(body: (run: TestRun) => Promise<void>): Promise<Step> {
  const run = new TestRun(() => {});
  await body(run);
  run.close();
  return run.steps[0]!;
}

/** The chain and stapled response as a real handshake delivers them, then the CT step on them. */
async function ctOverTls(address: string, leaf: Issued, options: { stapled?: Buffer; publiclyTrusted?: boolean; validity?: number } = {}): Promise<Step> {
  const server = await startTlsServer(address, chainPem(leaf, pki.intermediate), leaf.keyPem, options.stapled);
  try {
    const socket = await connectAddress({ address, family: 4 }, server.port, TIMEOUT_MS);
    const session = await tlsHandshake(socket, { servername: "ct.contoso.test", timeoutMs: TIMEOUT_MS });
    session.socket.destroy();
    const path = [...session.chain.map((der) => parseCertificate(der)), parsed(pki.root)];
    const input: CtInput = {
      path: () => path,
      stapledOcsp: () => session.stapledOcsp,
      publiclyTrusted: () => options.publiclyTrusted ?? true,
      now: new Date(),
      logs,
    };
    return await record((run) => ctStep(run, input));
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A TLS server on `address` that sends the chain and, when asked for a status, staples `stapled`. */
async function startTlsServer(address: string, chain: string, key: string, stapled: Buffer | undefined): Promise<tls.Server & { port: number }> {
  const server = tls.createServer({ cert: chain, key });
  server.on("OCSPRequest", (_cert: Buffer, _issuer: Buffer, callback: (error: Error | null, response?: Buffer) => void) => callback(null, stapled));
  server.on("secureConnection", (socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  return Object.assign(server, { port: (server.address() as AddressInfo).port });
}

beforeAll(async () => {
  pki = await createTestPki();
  alpha = createTestCtLog("Test 'Alpha' log", "Operator A");
  beta = createTestCtLog("Test 'Beta' log", "Operator B");
  gamma = createTestCtLog("Test 'Gamma' log", "Operator A");
  logs = logDirectory(
    [alpha, beta, gamma].map((log) => ({ logId: log.logId, description: log.description, operator: log.operator, key: log.key, state: "usable" as const })),
    "test logs",
    "2026-01-01T00:00:00Z",
  );
  dns = await startDnsmasq({
    listen: "127.0.150.1",
    records: { "none.caa.test": ["127.0.150.9"], "deny.caa.test": ["127.0.150.10"] },
    caa: {
      "allowed.caa.test": [
        { tag: "issue", value: "rca-tests.test" },
        { tag: "iodef", value: "mailto:security@caa.test" },
      ],
      "forbidden.caa.test": [{ tag: "issue", value: "letsencrypt.org" }],
      "parent.caa.test": [{ tag: "issue", value: "rca-tests.test; validationmethods=dns-01" }],
      "wild.caa.test": [
        { tag: "issue", value: "letsencrypt.org" },
        { tag: "issuewild", value: "rca-tests.test" },
      ],
      "deny.caa.test": [{ tag: "issue", value: ";" }],
      "critical.caa.test": [
        { tag: "issue", value: "rca-tests.test" },
        { flags: 128, tag: "futuretag", value: "x" },
      ],
    },
  });
  setEnv({ RCA_ALLOW_PRIVATE_TARGETS: "true", RCA_ALLOWED_PORTS: "1-65535", RCA_TIMEOUT_MS: String(TIMEOUT_MS), RCA_DNS_SERVERS: dns.server });
}, 60_000);

afterAll(async () => {
  await dns?.stop();
  await pki?.cleanup();
  for (const key of ENV) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvForTests();
});

describe("Certificate Transparency over a real handshake", () => {
  it("names and verifies 2 embedded SCTs from 2 operators: enough for a 90-day certificate", async () => {
    const leaf = await pki.issueLeaf({ commonName: "ct.contoso.test", notAfter: new Date(Date.now() + 89 * DAY), scts: [{ log: alpha }, { log: beta }] });
    const step = await ctOverTls("127.0.150.2", leaf);
    expect(step.code).toBe("tls.certificate.ct");
    expect(step.title).toBe("Checking the certificate's Certificate Transparency (SCT) records.");
    expect(step.status).toBe("success");
    expect(step.message).toContain("2 embedded in the certificate");
    expect(step.message).toContain("Test 'Alpha' log");
    const scts = step.details!.scts as Array<Record<string, string>>;
    expect(scts.map((sct) => sct.signature)).toEqual(["verified with the log's key", "verified with the log's key"]);
    expect(scts[0]).toMatchObject({ source: "embedded", operator: "Operator A", logId: alpha.logId, signatureAlgorithm: "ECDSA with SHA-256" });
    expect(step.details).toMatchObject({ stapledOcsp: "none stapled", tlsExtension: expect.stringContaining("doesn't ask") });
  });

  it("warns about a year-long publicly trusted certificate with only 2 SCTs (CT_INSUFFICIENT_SCTS)", async () => {
    const leaf = await pki.issueLeaf({ commonName: "ct.contoso.test", scts: [{ log: alpha }, { log: beta }] });
    const step = await ctOverTls("127.0.150.3", leaf);
    expect(step.status).toBe("warning");
    expect(step.problem).toBe("CT_INSUFFICIENT_SCTS");
    expect(step.message).toContain("require 3 SCTs");
  });

  it("passes 3 SCTs from 2 operators on a year-long certificate", async () => {
    const leaf = await pki.issueLeaf({ commonName: "ct.contoso.test", scts: [{ log: alpha }, { log: beta }, { log: gamma }] });
    expect((await ctOverTls("127.0.150.4", leaf)).status).toBe("success");
  });

  it("doesn't count an SCT whose signature is broken", async () => {
    const leaf = await pki.issueLeaf({
      commonName: "ct.contoso.test",
      notAfter: new Date(Date.now() + 89 * DAY),
      scts: [{ log: alpha }, { log: beta, tamper: true }],
    });
    const step = await ctOverTls("127.0.150.5", leaf);
    expect(step.problem).toBe("CT_INSUFFICIENT_SCTS");
    expect(JSON.stringify(step.details)).toContain("INVALID");
  });

  it("reads SCTs from a stapled OCSP response", async () => {
    const leaf = await pki.issueLeaf({ commonName: "ct.contoso.test" });
    const stapled = ocspResponseWithScts(leaf, x509SctList(Buffer.from(leaf.cert.rawData), [{ log: alpha }, { log: beta }]));
    const step = await ctOverTls("127.0.150.6", leaf, { stapled });
    expect(step.status).toBe("success");
    expect(step.message).toContain("2 in the stapled OCSP response");
    expect(step.details).toMatchObject({ stapledOcsp: "present", counts: { embedded: 0, stapledOcsp: 2 } });
  });

  it("says CT doesn't apply to a private CA's certificate (the lab's chain doesn't end at a Mozilla root)", async () => {
    const leaf = await pki.issueLeaf({ commonName: "ct.contoso.test" });
    const path = [parsed(leaf), parsed(pki.intermediate), parsed(pki.root)];
    expect(endsAtPublicRoot(path)).toBe(false);
    const step = await ctOverTls("127.0.150.7", leaf, { publiclyTrusted: endsAtPublicRoot(path) });
    expect(step.status).toBe("info");
    expect(step.message).toContain("CT doesn't apply to a private CA");
  });
});

describe("CAA records from dnsmasq", () => {
  const caa = async (host: string, dnsNames: string[], table: CaIdentity[] | "built-in" = TEST_CA) => {
    const leaf = parsed(await pki.issueLeaf({ commonName: dnsNames[0]!, dnsNames }));
    return record((run) => caaStep(run, { host, leaf: () => leaf, ...(table === "built-in" ? {} : { caIdentities: table }) }));
  };

  it("passes when the name's issue record names the test CA's domain", async () => {
    const step = await caa("allowed.caa.test", ["allowed.caa.test"]);
    expect(step.code).toBe("tls.certificate.caa");
    expect(step.title).toBe("Checking the domain's CAA records for the certificate's issuer.");
    expect(step.status).toBe("success");
    expect(step.message).toContain('"issue rca-tests.test"');
    expect(step.details).toMatchObject({ recordsAt: "allowed.caa.test", iodef: ["mailto:security@caa.test"], resolver: dns.server });
  });

  it("warns when the records allow another CA only (CAA_FORBIDS_ISSUER)", async () => {
    const step = await caa("forbidden.caa.test", ["forbidden.caa.test"]);
    expect(step.status).toBe("warning");
    expect(step.problem).toBe("CAA_FORBIDS_ISSUER");
    expect(step.message).toContain("letsencrypt.org");
  });

  it("climbs to the parent's records when the name has none", async () => {
    const step = await caa("www.parent.caa.test", ["www.parent.caa.test"]);
    expect(step.status).toBe("success");
    expect(step.details).toMatchObject({ recordsAt: "parent.caa.test", checked: ["www.parent.caa.test", "parent.caa.test"] });
  });

  it("uses issuewild for a host covered by a wildcard, issue for the name itself", async () => {
    expect((await caa("app.wild.caa.test", ["*.wild.caa.test"])).status).toBe("success");
    const exact = await caa("wild.caa.test", ["wild.caa.test"]);
    expect(exact.status).toBe("warning");
    expect(exact.problem).toBe("CAA_FORBIDS_ISSUER");
  });

  it('warns about issue ";" and about a critical property no CA understands', async () => {
    expect((await caa("deny.caa.test", ["deny.caa.test"])).problem).toBe("CAA_FORBIDS_ISSUER");
    const critical = await caa("critical.caa.test", ["critical.caa.test"]);
    expect(critical.problem).toBe("CAA_FORBIDS_ISSUER");
    expect(critical.message).toContain("futuretag");
  });

  it("says any CA may issue when no name up the tree has records", async () => {
    const step = await caa("none.caa.test", ["none.caa.test"]);
    expect(step.status).toBe("info");
    expect(step.message).toContain("any CA may issue");
    expect(step.details).toMatchObject({ checked: ["none.caa.test", "caa.test", "test"] });
  });

  it("can't tell for an issuer missing from the CA table: info, not a warning", async () => {
    const step = await caa("forbidden.caa.test", ["forbidden.caa.test"], "built-in");
    expect(step.status).toBe("info");
    expect(step.message).toContain("can't tell");
  });

  it("skips an IP address", async () => {
    const step = await caa("127.0.150.9", ["none.caa.test"]);
    expect(step.status).toBe("skipped");
    expect(step.message).toContain("IP address");
  });

  it("reports a DNS server that doesn't answer as a warning, not a verdict about the CA", async () => {
    setEnv({ RCA_ALLOW_PRIVATE_TARGETS: "true", RCA_ALLOWED_PORTS: "1-65535", RCA_TIMEOUT_MS: "400", RCA_DNS_SERVERS: "127.0.150.40:9" });
    try {
      const step = await caa("allowed.caa.test", ["allowed.caa.test"]);
      expect(step.status).toBe("warning");
      expect(step.problem).toBe("DNS_FAILURE");
    } finally {
      setEnv({ RCA_ALLOW_PRIVATE_TARGETS: "true", RCA_ALLOWED_PORTS: "1-65535", RCA_TIMEOUT_MS: String(TIMEOUT_MS), RCA_DNS_SERVERS: dns.server });
    }
  });
});

describe("inside the analyzer's certificate steps", () => {
  it('a served certificate whose domain forbids every CA (issue ";") is CAA_FORBIDS_ISSUER, a warning: the certificate still works', async () => {
    const leaf = await pki.issueLeaf({ commonName: "deny.caa.test", dnsNames: ["deny.caa.test"] });
    const server = await startTlsServer("127.0.150.10", chainPem(leaf, pki.intermediate), leaf.keyPem, undefined);
    try {
      const result = await analyze({ test: "tls-certificate", host: "deny.caa.test", port: server.port, ignoreTrust: true });
      const caa = allSteps(result.steps).find((candidate) => candidate.code === "tls.certificate.caa")!;
      expect(caa.status).toBe("warning");
      expect(caa.problem).toBe("CAA_FORBIDS_ISSUER");
      const ct = allSteps(result.steps).find((candidate) => candidate.code === "tls.certificate.ct")!;
      expect(ct.status).toBe("info");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("a pasted chain is judged without DNS: the CAA step says so", async () => {
    const leaf = await pki.issueLeaf({ commonName: "deny.caa.test", dnsNames: ["deny.caa.test"] });
    const result = await analyze({ test: "certificate-file", certificates: chainPem(leaf, pki.intermediate), host: "deny.caa.test" });
    const caa = allSteps(result.steps).find((candidate) => candidate.code === "tls.certificate.caa")!;
    expect(caa.status).toBe("skipped");
  });
});
