/**
 * SCTs in the TLS signed_certificate_timestamp extension (RFC 6962 §3.3.1) against real peers on 127.0.150.41–50:
 * `openssl s_server -serverinfo` sends a SignedCertificateTimestampList made by the test logs to clients that ask for
 * it; the probe (lib/net/tls/sct-probe.ts) asks in a TLS 1.2 ClientHello, and the CT step counts, names and verifies
 * what came back. A server without the extension, a TLS 1.3-only server, a silent one and one that isn't TLS end with
 * none, or with a reason.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net, { type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ctStep, type CtInput } from "@/lib/analyzers/steps/ct-caa";
import { logDirectory, type CtLogDirectory } from "@/lib/cert/ct/logs";
import { parseCertificate, type ParsedCertificate } from "@/lib/cert/parse";
import { resetEnvForTests } from "@/lib/config/env";
import { TestRun } from "@/lib/engine/runner";
import type { Step } from "@/lib/engine/types";
import { probeSctExtension, type SctProbeResult } from "@/lib/net/tls/sct-probe";
import { freePort } from "../../scripts/app-server";
import { chainPem, createTestCtLog, createTestPki, x509SctList, type Issued, type TestCtLog, type TestPki } from "../support/pki";

const TIMEOUT_MS = 1500;
const HOST = "ct.contoso.test";
const ENV = ["RCA_ALLOW_PRIVATE_TARGETS", "RCA_ALLOWED_PORTS", "RCA_TIMEOUT_MS"] as const;
const saved = Object.fromEntries(ENV.map((key) => [key, process.env[key]]));
const DAY = 24 * 60 * 60 * 1000;

let pki: TestPki;
let alpha: TestCtLog;
let beta: TestCtLog;
let logs: CtLogDirectory;
let dir: string;
const children = new Set<ChildProcess>();

function setEnv(values: Partial<Record<(typeof ENV)[number], string>>): void {
  for (const key of ENV) {
    if (values[key] === undefined) delete process.env[key];
    else process.env[key] = values[key];
  }
  resetEnvForTests();
}

const parsed = (issued: Issued): ParsedCertificate => parseCertificate(Buffer.from(issued.cert.rawData));
const der = (issued: Issued): Buffer => Buffer.from(issued.cert.rawData);

/** Whether `address`:`port` takes a TCP connection (closed again at once). */
function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** The PEM that SSL_CTX_use_serverinfo_file reads: extension type 18, its length, then the SCT list (the extension's data). */
function serverinfoPem(list: Buffer): string {
  const header = Buffer.alloc(4);
  header.writeUInt16BE(18, 0);
  header.writeUInt16BE(list.length, 2);
  const body = Buffer.concat([header, list]).toString("base64").replace(/.{64}/g, "$&\n");
  return `-----BEGIN SERVERINFO FOR ${HOST}-----\n${body}\n-----END SERVERINFO FOR ${HOST}-----\n`;
}

interface RunningServer {
  port: number;
  stop(): Promise<void>;
}

/** `openssl s_server` on `address` with the leaf (and intermediate), sending `list` in the SCT extension when given. */
async function startOpenSsl(address: string, leaf: Issued, list: Buffer | undefined): Promise<RunningServer> {
  const name = `${address}-${Date.now()}`;
  const cert = join(dir, `${name}.cert.pem`);
  const chain = join(dir, `${name}.chain.pem`);
  const key = join(dir, `${name}.key.pem`);
  writeFileSync(cert, chainPem(leaf));
  writeFileSync(chain, chainPem(pki.intermediate));
  writeFileSync(key, leaf.keyPem);
  const args = ["s_server", "-accept", "", "-cert", cert, "-cert_chain", chain, "-key", key, "-quiet"];
  if (list) {
    const serverinfo = join(dir, `${name}.serverinfo.pem`);
    writeFileSync(serverinfo, serverinfoPem(list));
    args.push("-serverinfo", serverinfo);
  }
  const port = await freePort(address);
  args[2] = `${address}:${port}`;
  const child = spawn("openssl", args, { stdio: ["pipe", "pipe", "pipe"] });
  children.add(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // Its "ACCEPT" may sit in a pipe buffer: wait until the port takes a connection instead.
  const deadline = Date.now() + 10_000;
  while (!(await accepts(address, port))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`openssl s_server didn't start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    stop: async () => {
      children.delete(child);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A plain TCP server on `address` that does `onConnection` with each client. */
async function startTcp(address: string, onConnection: (socket: net.Socket) => void): Promise<RunningServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const probe = (address: string, port: number, timeoutMs?: number): Promise<SctProbeResult> =>
  probeSctExtension({ address: { address, family: 4 }, port, host: HOST, ...(timeoutMs ? { timeoutMs } : {}) });

async function record(body: (run: TestRun) => Promise<void>): Promise<Step> {
  const run = new TestRun(() => {});
  await body(run);
  run.close();
  return run.steps[0]!;
}

/** The CT step on the leaf and the test CA's intermediate and root, asking `address`:`port` for the TLS extension. */
async function ctStep2(leaf: Issued, address: string, port: number, options: { publiclyTrusted?: boolean } = {}): Promise<Step> {
  const path = [parsed(leaf), parsed(pki.intermediate), parsed(pki.root)];
  const input: CtInput = {
    path: () => path,
    stapledOcsp: () => undefined,
    tlsExtension: async () => {
      const result = await probe(address, port);
      return { list: result.scts, reason: result.reason, certificate: result.certificate };
    },
    publiclyTrusted: () => options.publiclyTrusted ?? true,
    now: new Date(),
    logs,
  };
  return record((run) => ctStep(run, input));
}

beforeAll(async () => {
  pki = await createTestPki();
  dir = mkdtempSync(join(tmpdir(), "rca-ct-tls-"));
  alpha = createTestCtLog("Test 'Alpha' log", "Operator A");
  beta = createTestCtLog("Test 'Beta' log", "Operator B");
  logs = logDirectory(
    [alpha, beta].map((log) => ({ logId: log.logId, description: log.description, operator: log.operator, key: log.key, state: "usable" as const })),
    "test logs",
    "2026-01-01T00:00:00Z",
  );
  setEnv({ RCA_ALLOW_PRIVATE_TARGETS: "true", RCA_ALLOWED_PORTS: "1-65535", RCA_TIMEOUT_MS: String(TIMEOUT_MS) });
}, 60_000);

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  if (dir) rmSync(dir, { recursive: true, force: true });
  await pki?.cleanup();
  for (const key of ENV) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvForTests();
});

describe("SCTs in the TLS extension, from openssl s_server -serverinfo", () => {
  it("reads the list from the ServerHello, with the certificate it is about", async () => {
    const leaf = await pki.issueLeaf({ commonName: HOST, dnsNames: [HOST], notAfter: new Date(Date.now() + 89 * DAY) });
    const list = x509SctList(der(leaf), [{ log: alpha }, { log: beta }]);
    const server = await startOpenSsl("127.0.150.41", leaf, list);
    try {
      const result = await probe("127.0.150.41", server.port);
      expect(result.reason).toBeUndefined();
      expect(result.scts?.equals(list)).toBe(true);
      expect(result.certificate?.equals(der(leaf))).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it("counts, names and verifies them: 2 from 2 operators meet the policy", async () => {
    const leaf = await pki.issueLeaf({ commonName: HOST, dnsNames: [HOST], notAfter: new Date(Date.now() + 89 * DAY) });
    const server = await startOpenSsl("127.0.150.42", leaf, x509SctList(der(leaf), [{ log: alpha }, { log: beta }]));
    try {
      const step = await ctStep2(leaf, "127.0.150.42", server.port);
      expect(step.status).toBe("success");
      expect(step.message).toContain("2 in the TLS extension");
      expect(step.message).toContain("Test 'Alpha' log");
      expect(step.message).toContain("Test 'Beta' log");
      const scts = step.details!.scts as Array<Record<string, string>>;
      expect(scts).toHaveLength(2);
      expect(scts[0]).toMatchObject({ source: "tls", operator: "Operator A", logId: alpha.logId, signature: "verified with the log's key" });
      expect(scts[1]).toMatchObject({ source: "tls", operator: "Operator B", logId: beta.logId, signature: "verified with the log's key" });
      expect(step.details).toMatchObject({
        counts: { embedded: 0, stapledOcsp: 0, tlsExtension: 2, deliveredByOcspOrTls: 2 },
        tlsExtension: "Asked for in a separate TLS 1.2 handshake: the server sent 2 SCT(s) in it.",
      });
    } finally {
      await server.stop();
    }
  });

  it("doesn't count an SCT whose signature is broken (CT_INSUFFICIENT_SCTS)", async () => {
    const leaf = await pki.issueLeaf({ commonName: HOST, dnsNames: [HOST], notAfter: new Date(Date.now() + 89 * DAY) });
    const server = await startOpenSsl("127.0.150.43", leaf, x509SctList(der(leaf), [{ log: alpha }, { log: beta, tamper: true }]));
    try {
      const step = await ctStep2(leaf, "127.0.150.43", server.port);
      expect(step.problem).toBe("CT_INSUFFICIENT_SCTS");
      expect(JSON.stringify(step.details)).toContain("INVALID");
      expect(step.message).not.toContain("aren't visible to the analyzer");
      expect(step.message).toContain("or have the server deliver them");
    } finally {
      await server.stop();
    }
  });

  it("doesn't count SCTs that came with another certificate (a second server behind the same address)", async () => {
    const leaf = await pki.issueLeaf({ commonName: HOST, dnsNames: [HOST], notAfter: new Date(Date.now() + 89 * DAY) });
    const other = await pki.issueLeaf({ commonName: HOST, dnsNames: [HOST], notAfter: new Date(Date.now() + 89 * DAY) });
    const server = await startOpenSsl("127.0.150.44", other, x509SctList(der(other), [{ log: alpha }, { log: beta }]));
    try {
      const step = await ctStep2(leaf, "127.0.150.44", server.port);
      expect(step.problem).toBe("CT_INSUFFICIENT_SCTS");
      expect(step.details).toMatchObject({ counts: { tlsExtension: 0 } });
      expect(step.message).toContain("answered with another certificate");
    } finally {
      await server.stop();
    }
  });

  it("reports none from a server that doesn't send the extension", async () => {
    const leaf = await pki.issueLeaf({ commonName: HOST, dnsNames: [HOST], notAfter: new Date(Date.now() + 89 * DAY) });
    const server = await startOpenSsl("127.0.150.45", leaf, undefined);
    try {
      const result = await probe("127.0.150.45", server.port);
      expect(result).toEqual({ scts: undefined });
      const step = await ctStep2(leaf, "127.0.150.45", server.port);
      expect(step.problem).toBe("CT_INSUFFICIENT_SCTS");
      expect(step.message).toContain("none in the TLS extension when asked for");
      expect(step.details).toMatchObject({
        counts: { tlsExtension: 0 },
        tlsExtension: "Asked for in a separate TLS 1.2 handshake: the server sent none.",
      });
    } finally {
      await server.stop();
    }
  });
});

describe("servers that can't be asked end with a reason, within the timeout", () => {
  it("a TLS 1.3-only server refuses the TLS 1.2 hello: the extension couldn't be asked", async () => {
    const leaf = await pki.issueLeaf({ commonName: HOST, dnsNames: [HOST] });
    const server = tls.createServer({ cert: chainPem(leaf, pki.intermediate), key: leaf.keyPem, minVersion: "TLSv1.3" });
    server.on("tlsClientError", () => {});
    await new Promise<void>((resolve) => server.listen(0, "127.0.150.46", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const started = Date.now();
      const result = await probe("127.0.150.46", port);
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
      expect(result.scts).toBeUndefined();
      expect(result.reason).toMatch(/refused a TLS 1\.2 ClientHello \(alert protocol_version\): it may accept TLS 1\.3 only/);
      const step = await ctStep2(leaf, "127.0.150.46", port, { publiclyTrusted: true });
      expect(step.status).toBe("warning");
      expect(step.message).toContain("Whether the server sends SCTs in the TLS extension couldn't be checked: the server refused a TLS 1.2 ClientHello");
      expect(step.details!.tlsExtension).toMatch(/^Not checked: a separate TLS 1\.2 handshake asking for it failed \(the server refused/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("a silent server: no ServerHello within the timeout", async () => {
    const server = await startTcp("127.0.150.47", () => {});
    try {
      const started = Date.now();
      const result = await probe("127.0.150.47", server.port, 400);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(350);
      expect(elapsed).toBeLessThan(1400);
      expect(result).toEqual({ scts: undefined, reason: "the server sent no ServerHello within 400 ms" });
    } finally {
      await server.stop();
    }
  });

  it("a server that answers with text, one that closes, one that resets, and a closed port", async () => {
    const text = await startTcp("127.0.150.48", (socket) => socket.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
    const closes = await startTcp("127.0.150.49", (socket) => socket.end());
    const resets = await startTcp("127.0.150.50", (socket) => socket.once("data", () => socket.resetAndDestroy()));
    try {
      expect((await probe("127.0.150.48", text.port)).reason).toMatch(/^the server's answer isn't TLS \(not a TLS record at byte 0: text "HTTP\/1\.1 400/);
      expect(await probe("127.0.150.49", closes.port)).toEqual({
        scts: undefined,
        reason: "the server closed the connection without answering the ClientHello",
      });
      expect((await probe("127.0.150.50", resets.port)).reason).toMatch(/^the server closed the connection/);
      const closedPort = await freePort("127.0.150.49");
      expect((await probe("127.0.150.49", closedPort)).reason).toMatch(/^a second connection to 127\.0\.150\.49 port \d+ failed: /);
    } finally {
      await Promise.all([text.stop(), closes.stop(), resets.stop()]);
    }
  });

  it("a port outside RCA_ALLOWED_PORTS is refused before any packet", async () => {
    setEnv({ RCA_ALLOW_PRIVATE_TARGETS: "true", RCA_ALLOWED_PORTS: "443", RCA_TIMEOUT_MS: String(TIMEOUT_MS) });
    try {
      const result = await probe("127.0.150.47", 8443);
      expect(result.scts).toBeUndefined();
      expect(result.reason).toMatch(/^a second connection to 127\.0\.150\.47 port 8443 failed: .*RCA_ALLOWED_PORTS/);
    } finally {
      setEnv({ RCA_ALLOW_PRIVATE_TARGETS: "true", RCA_ALLOWED_PORTS: "1-65535", RCA_TIMEOUT_MS: String(TIMEOUT_MS) });
    }
  });
});

describe("only where CT applies", () => {
  it("doesn't open the extra connection for a private CA's certificate", async () => {
    const leaf = await pki.issueLeaf({ commonName: HOST, dnsNames: [HOST] });
    let asked = 0;
    const input: CtInput = {
      path: () => [parsed(leaf), parsed(pki.intermediate), parsed(pki.root)],
      stapledOcsp: () => undefined,
      tlsExtension: async () => {
        asked += 1;
        return {};
      },
      publiclyTrusted: () => false,
      now: new Date(),
      logs,
    };
    const step = await record((run) => ctStep(run, input));
    expect(asked).toBe(0);
    expect(step.status).toBe("info");
  });
});
