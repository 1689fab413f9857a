/**
 * Certificate revocation against real peers on 127.0.140.x: an `openssl ocsp` responder answering good, revoked and
 * unknown, one that never answers, CRLs served over HTTP, and TLS servers that staple or don't.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revocationStep, type RevocationInput } from "@/lib/analyzers/steps/revocation";
import { parseCertificate, type ParsedCertificate } from "@/lib/cert/parse";
import { clearCrlCacheForTests } from "@/lib/cert/revocation/crl";
import { queryOcsp } from "@/lib/cert/revocation/ocsp";
import { x509 } from "@/lib/cert/x509";
import { resetEnvForTests } from "@/lib/config/env";
import { TestRun } from "@/lib/engine/runner";
import type { Step } from "@/lib/engine/types";
import { connectAddress } from "@/lib/net/tcp";
import { tlsHandshake } from "@/lib/net/tls";
import { allSteps, analyze } from "../support/lab";
import {
  fetchOcspResponse,
  reservePort,
  startFileServer,
  startOcspResponder,
  startSilentServer,
  startStaplingServer,
  type HttpFile,
  type RunningOcspResponder,
} from "../support/ocsp-responder";
import { chainPem, createTestPki, type Issued, type TestPki } from "../support/pki";
import type { RunningServer } from "../support/servers";

const TIMEOUT_MS = 1500;
const ENV = ["RCA_ALLOW_PRIVATE_TARGETS", "RCA_ALLOWED_PORTS", "RCA_TIMEOUT_MS", "RCA_DNS_SERVERS"] as const;
const saved = Object.fromEntries(ENV.map((key) => [key, process.env[key]]));

function setEnv(values: Partial<Record<(typeof ENV)[number], string>>): void {
  for (const key of ENV) {
    if (values[key] === undefined) delete process.env[key];
    else process.env[key] = values[key];
  }
  resetEnvForTests();
}
const LAB = { RCA_ALLOW_PRIVATE_TARGETS: "true", RCA_ALLOWED_PORTS: "1-65535", RCA_TIMEOUT_MS: String(TIMEOUT_MS), RCA_DNS_SERVERS: "127.0.0.1:1" };

let pki: TestPki;
const peers: RunningServer[] = [];
let responder: RunningOcspResponder;
let silent: Awaited<ReturnType<typeof startSilentServer>>;
let crlServer: Awaited<ReturnType<typeof startFileServer>>;
const leaves: Record<string, Issued> = {};
const crlFiles: Record<string, HttpFile> = {};
const REVOKED_AT = new Date("2025-03-04T05:06:07Z");

const parsed = (issued: Issued): ParsedCertificate => parseCertificate(Buffer.from(issued.cert.rawData));
const pathOf = (leaf: Issued): ParsedCertificate[] => [parsed(leaf), parsed(pki.intermediate), parsed(pki.root)];

async function record(input: RevocationInput): Promise<{ step: Step; revoked: boolean; ms: number }> {
  const run = new TestRun(() => {});
  const started = performance.now();
  const outcome = await revocationStep(run, input);
  const ms = performance.now() - started;
  run.close();
  return { step: run.steps[0]!, revoked: outcome.revoked, ms };
}

/** The child step for the leaf (certificate 1). */
const leafStep = (step: Step) => step.children.find((child) => child.code === "tls.certificate.revocation.certificate")!;

beforeAll(async () => {
  setEnv(LAB);
  pki = await createTestPki();
  const port = await reservePort();
  const ocspUrl = `http://127.0.140.1:${port}/`;
  silent = await startSilentServer("127.0.140.2");
  peers.push(silent);
  // Filled below, once the CRL exists: the certificates must name the server's URL first.
  crlServer = await startFileServer("127.0.140.3", crlFiles);
  peers.push(crlServer);

  for (const name of ["good", "revoked", "unknown"])
    leaves[name] = await pki.issueLeaf({ commonName: `${name}.contoso.test`, dnsNames: [`${name}.contoso.test`], ocspUrl });
  leaves.silent = await pki.issueLeaf({ commonName: "silent.contoso.test", ocspUrl: silent.url });
  leaves.crlRevoked = await pki.issueLeaf({ commonName: "crl-revoked.contoso.test", crlUrl: crlServer.url("/issuing.crl") });
  leaves.crlGood = await pki.issueLeaf({ commonName: "crl-good.contoso.test", crlUrl: crlServer.url("/issuing.crl") });
  leaves.fallback = await pki.issueLeaf({ commonName: "fallback.contoso.test", ocspUrl: silent.url, crlUrl: crlServer.url("/issuing.crl") });
  leaves.pem = await pki.issueLeaf({ commonName: "pem.contoso.test", crlUrl: crlServer.url("/issuing.pem") });
  leaves.none = await pki.issueLeaf({ commonName: "none.contoso.test" });

  responder = await startOcspResponder({
    host: "127.0.140.1",
    port,
    issuer: pki.intermediate,
    entries: [
      { cert: leaves.good!, status: "good" },
      { cert: leaves.revoked!, status: "revoked", revokedAt: REVOKED_AT, reason: "keyCompromise" },
    ],
  });
  peers.push(responder);

  const crl = await pki.issueCrl({
    revoked: [{ serialNumber: leaves.crlRevoked.cert.serialNumber, date: REVOKED_AT, reason: x509.X509CrlReason.keyCompromise }],
  });
  crlFiles["/issuing.crl"] = { body: crl };
  crlFiles["/issuing.pem"] = { body: new x509.X509Crl(new Uint8Array(crl)).toString("pem"), contentType: "application/x-pem-file" };
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(peers.map((peer) => peer.close()));
  await pki?.cleanup();
  for (const key of ENV) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvForTests();
});

describe("OCSP against openssl ocsp", () => {
  it("reports a good certificate as not revoked, signed by the issuing CA", async () => {
    const { step, revoked } = await record({ path: pathOf(leaves.good!), now: new Date() });
    expect(revoked).toBe(false);
    expect(step.code).toBe("tls.certificate.revocation");
    expect(step.status).toBe("success");
    const leaf = leafStep(step);
    expect(leaf.status).toBe("success");
    expect(leaf.message).toContain("says the certificate is good");
    expect(leaf.details).toMatchObject({ method: "ocsp", status: "good", responderUrl: responder.url, signer: "the issuing CA", request: "POST" });
    // The intermediate names no service: said, not passed silently.
    expect(step.children[1]!.status).toBe("info");
    expect(step.children[1]!.message).toContain("names no revocation service");
  });

  it("reports a revoked certificate as CERT_REVOKED with its reason and date", async () => {
    const { step, revoked } = await record({ path: pathOf(leaves.revoked!), now: new Date() });
    expect(revoked).toBe(true);
    expect(step.status).toBe("error");
    expect(step.problem).toBe("CERT_REVOKED");
    const leaf = leafStep(step);
    expect(leaf.problem).toBe("CERT_REVOKED");
    expect(leaf.message).toContain("keyCompromise");
    expect(leaf.message).toContain(REVOKED_AT.toISOString());
    expect(leaf.details).toMatchObject({ status: "revoked", reason: "keyCompromise", revokedAt: REVOKED_AT.toISOString() });
  });

  it("demotes a revoked certificate to a warning when trust is ignored, and still says it is revoked", async () => {
    const { step, revoked } = await record({ path: pathOf(leaves.revoked!), now: new Date(), ignoreTrust: true });
    expect(revoked).toBe(true);
    expect(step.status).toBe("warning");
    expect(leafStep(step).problem).toBe("CERT_REVOKED");
  });

  it("reports a certificate the responder doesn't know as unknown, a warning", async () => {
    const { step } = await record({ path: pathOf(leaves.unknown!), now: new Date() });
    const leaf = leafStep(step);
    expect(leaf.status).toBe("warning");
    expect(leaf.problem).toBe("REVOCATION_UNCHECKED");
    expect(leaf.details).toMatchObject({ status: "unknown" });
  });

  it("falls back to GET (RFC 5019) when the responder refuses POST", async () => {
    const getOnly = http.createServer((req, res) => {
      if (req.method !== "GET") {
        res.writeHead(405).end();
        return;
      }
      http.get(`${responder.url.replace(/\/$/, "")}${req.url}`, (upstream) => {
        res.writeHead(upstream.statusCode ?? 502, { "Content-Type": "application/ocsp-response" });
        upstream.pipe(res);
      });
    });
    await new Promise<void>((resolve) => getOnly.listen(0, "127.0.140.4", resolve));
    try {
      const port = (getOnly.address() as { port: number }).port;
      const answer = await queryOcsp(`http://127.0.140.4:${port}/`, parsed(leaves.good!), parsed(pki.intermediate), new Date());
      expect(answer).toMatchObject({ status: "good", method: "GET" });
    } finally {
      getOnly.closeAllConnections();
      await new Promise((resolve) => getOnly.close(resolve));
    }
  });

  it("accepts a response signed by a delegated responder with id-kp-OCSPSigning, and rejects one without it", async () => {
    const delegate = await pki.issueLeaf({ commonName: "RCA Test OCSP Responder", eku: ["ocspSigning"] });
    const impostor = await pki.issueLeaf({ commonName: "RCA Test Web Server", eku: ["serverAuth"] });
    const entries = [{ cert: leaves.good!, status: "good" as const }];
    const delegated = await startOcspResponder({ host: "127.0.140.5", issuer: pki.intermediate, signer: delegate, entries });
    const wrong = await startOcspResponder({ host: "127.0.140.6", issuer: pki.intermediate, signer: impostor, entries });
    try {
      const answer = await queryOcsp(delegated.url, parsed(leaves.good!), parsed(pki.intermediate), new Date());
      expect(answer.signer).toContain("delegated responder");
      expect(answer.status).toBe("good");
      await expect(queryOcsp(wrong.url, parsed(leaves.good!), parsed(pki.intermediate), new Date())).rejects.toMatchObject({
        kind: "bad-signature",
        message: expect.stringContaining("OCSPSigning"),
      });
    } finally {
      await Promise.all([delegated.close(), wrong.close()]);
    }
  });
});

describe("responders that can't be asked", () => {
  it("warns, naming the URL, when the responder never answers, within the timeout", async () => {
    const { step, ms } = await record({ path: pathOf(leaves.silent!), now: new Date() });
    const leaf = leafStep(step);
    expect(leaf.status).toBe("warning");
    expect(leaf.problem).toBe("REVOCATION_UNCHECKED");
    expect(leaf.message).toContain(silent.url);
    expect(leaf.details).toMatchObject({ method: "failed", unreachable: [silent.url] });
    expect(silent.connections).toBeGreaterThan(0);
    // One timeout: a responder that didn't answer the POST isn't asked again by GET.
    expect(ms).toBeLessThan(TIMEOUT_MS * 2);
  });

  it("refuses a responder on a private address unless private targets are allowed, naming the rule", async () => {
    setEnv({ ...LAB, RCA_ALLOW_PRIVATE_TARGETS: "false" });
    const before = silent.connections;
    try {
      const { step } = await record({ path: pathOf(leaves.silent!), now: new Date() });
      const leaf = leafStep(step);
      expect(leaf.status).toBe("warning");
      expect(leaf.problem).toBe("REVOCATION_UNCHECKED");
      expect(leaf.message).toContain(silent.url);
      expect(leaf.message).toContain("RCA_ALLOW_PRIVATE_TARGETS");
      expect(leaf.details).toMatchObject({ failures: [expect.objectContaining({ kind: "forbidden" })] });
      expect(silent.connections).toBe(before);
    } finally {
      setEnv(LAB);
    }
  });

  it("refuses a responder port outside RCA_ALLOWED_PORTS", async () => {
    setEnv({ ...LAB, RCA_ALLOWED_PORTS: "80,443" });
    try {
      const { step } = await record({ path: pathOf(leaves.good!), now: new Date() });
      expect(leafStep(step).message).toContain("RCA_ALLOWED_PORTS");
      expect(leafStep(step).status).toBe("warning");
    } finally {
      setEnv(LAB);
    }
  });
});

describe("CRLs over HTTP", () => {
  it("reports a certificate the CRL lists as CERT_REVOKED, and caches the CRL until its nextUpdate", async () => {
    clearCrlCacheForTests();
    const { step, revoked } = await record({ path: pathOf(leaves.crlRevoked!), now: new Date() });
    expect(revoked).toBe(true);
    const leaf = leafStep(step);
    expect(leaf.problem).toBe("CERT_REVOKED");
    expect(leaf.message).toContain("keyCompromise");
    expect(leaf.details).toMatchObject({ method: "crl", status: "revoked", reason: "keyCompromise", revokedAt: REVOKED_AT.toISOString(), cached: false });

    const again = await record({ path: pathOf(leaves.crlGood!), now: new Date() });
    expect(leafStep(again.step).status).toBe("success");
    expect(leafStep(again.step).details).toMatchObject({ method: "crl", status: "good", cached: true });
    expect(crlServer.hits.get("/issuing.crl")).toBe(1);
  });

  it("reads a PEM CRL", async () => {
    const { step } = await record({ path: pathOf(leaves.pem!), now: new Date() });
    expect(leafStep(step).details).toMatchObject({ method: "crl", status: "good" });
  });

  it("falls back to the CRL when the OCSP responder doesn't answer, and still warns naming the responder", async () => {
    clearCrlCacheForTests();
    const { step } = await record({ path: pathOf(leaves.fallback!), now: new Date() });
    const leaf = leafStep(step);
    expect(leaf.status).toBe("warning");
    expect(leaf.problem).toBe("REVOCATION_UNCHECKED");
    expect(leaf.message).toContain(silent.url);
    expect(leaf.details).toMatchObject({ method: "crl", status: "good" });
  });

  it("says so when the certificate names no revocation service", async () => {
    const { step } = await record({ path: pathOf(leaves.none!), now: new Date() });
    expect(step.status).toBe("info");
    expect(step.children.every((child) => child.status === "info")).toBe(true);
  });
});

describe("OCSP stapling", () => {
  it("exposes the stapled response on the TLS session and judges it good", async () => {
    const response = await fetchOcspResponse(responder.url, pki.intermediate, leaves.good!);
    const server = await startStaplingServer({
      host: "127.0.140.7",
      chain: chainPem(leaves.good!, pki.intermediate),
      key: leaves.good!.keyPem,
      stapled: response,
    });
    try {
      const socket = await connectAddress({ address: server.host, family: 4 }, server.port, TIMEOUT_MS);
      const session = await tlsHandshake(socket, { servername: "good.contoso.test", timeoutMs: TIMEOUT_MS });
      session.socket.destroy();
      expect(session.stapledOcsp?.equals(response)).toBe(true);
      const { step } = await record({ path: pathOf(leaves.good!), now: new Date(), stapling: { response: session.stapledOcsp } });
      const stapling = step.children.find((child) => child.code === "tls.certificate.revocation.stapling")!;
      expect(stapling.status).toBe("success");
      expect(stapling.message).toContain("staples a valid, current OCSP response");
    } finally {
      await server.close();
    }
  });

  it("reports a server that staples nothing, with no stapled bytes on the session", async () => {
    const server = await startStaplingServer({ host: "127.0.140.8", chain: chainPem(leaves.good!, pki.intermediate), key: leaves.good!.keyPem });
    try {
      const socket = await connectAddress({ address: server.host, family: 4 }, server.port, TIMEOUT_MS);
      const session = await tlsHandshake(socket, { servername: "good.contoso.test", timeoutMs: TIMEOUT_MS });
      session.socket.destroy();
      expect(session.stapledOcsp).toBeUndefined();
      const { step } = await record({ path: pathOf(leaves.good!), now: new Date(), stapling: { response: session.stapledOcsp } });
      const stapling = step.children.find((child) => child.code === "tls.certificate.revocation.stapling")!;
      expect(stapling.status).toBe("info");
      expect(stapling.message).toContain("doesn't staple");
    } finally {
      await server.close();
    }
  });

  it("reports a stapled response saying revoked as CERT_REVOKED", async () => {
    const response = await fetchOcspResponse(responder.url, pki.intermediate, leaves.revoked!);
    const { step } = await record({ path: pathOf(leaves.revoked!), now: new Date(), stapling: { response } });
    const stapling = step.children.find((child) => child.code === "tls.certificate.revocation.stapling")!;
    expect(stapling.problem).toBe("CERT_REVOKED");
  });

  it("reports a stale stapled response as OCSP_STAPLE_INVALID", async () => {
    const response = await fetchOcspResponse(responder.url, pki.intermediate, leaves.good!);
    const later = new Date(Date.now() + 3 * 60 * 60 * 1000);
    const { step } = await record({ path: pathOf(leaves.good!), now: later, stapling: { response } });
    const stapling = step.children.find((child) => child.code === "tls.certificate.revocation.stapling")!;
    expect(stapling.status).toBe("warning");
    expect(stapling.problem).toBe("OCSP_STAPLE_INVALID");
  });
});

describe("revocation inside the analyzer's certificate steps", () => {
  const chainOf = (leaf: Issued) => chainPem(leaf, pki.intermediate);
  /** The revocation check of the leaf (certificate 1 of the chain). */
  const revocationChild = (result: Awaited<ReturnType<typeof analyze>>, code: string) =>
    allSteps(result.steps).find((candidate) => candidate.code === code && candidate.title.includes("certificate 1 "));

  it("a pasted certificate that its CA revoked is an error of the certificate-file test, with the reason", async () => {
    const result = await analyze({ test: "certificate-file", certificates: chainOf(leaves.revoked!), trustedRoots: pki.root.certPem });
    const leaf = revocationChild(result, "tls.certificate.revocation.certificate")!;
    expect(leaf.problem).toBe("CERT_REVOKED");
    expect(leaf.message).toContain("keyCompromise");
    expect(result.verdict).toBe("error");
  });

  it("a responder that never answers is a warning naming its URL, not a silent pass", async () => {
    const result = await analyze({ test: "certificate-file", certificates: chainOf(leaves.silent!), trustedRoots: pki.root.certPem });
    const leaf = revocationChild(result, "tls.certificate.revocation.certificate")!;
    expect(leaf.status).toBe("warning");
    expect(leaf.problem).toBe("REVOCATION_UNCHECKED");
    expect(leaf.message).toContain(silent.url);
  });

  it("a served certificate whose stapled OCSP response is about another certificate is OCSP_STAPLE_INVALID; a stapled revocation is CERT_REVOKED", async () => {
    const foreign = await fetchOcspResponse(responder.url, pki.intermediate, leaves.revoked!);
    const served = await startStaplingServer({ host: "127.0.140.9", chain: chainOf(leaves.good!), key: leaves.good!.keyPem, stapled: foreign });
    const revoked = await startStaplingServer({ host: "127.0.140.10", chain: chainOf(leaves.revoked!), key: leaves.revoked!.keyPem, stapled: foreign });
    try {
      const result = await analyze({ test: "tls-certificate", host: served.host, port: served.port });
      const stapling = allSteps(result.steps).find((candidate) => candidate.code === "tls.certificate.revocation.stapling")!;
      expect(stapling.problem).toBe("OCSP_STAPLE_INVALID");

      const revokedResult = await analyze({ test: "tls-certificate", host: revoked.host, port: revoked.port });
      const stapledRevoked = allSteps(revokedResult.steps).find((candidate) => candidate.code === "tls.certificate.revocation.stapling")!;
      expect(stapledRevoked.problem).toBe("CERT_REVOKED");
      expect(revokedResult.verdict).toBe("error");
    } finally {
      await served.close();
      await revoked.close();
    }
  });
});
