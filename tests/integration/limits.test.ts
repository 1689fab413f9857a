import dgram from "node:dgram";
import { readFile } from "node:fs/promises";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import { resolveHost } from "@/lib/net/dns";
import { analyze, startLab, step, type Lab, type ScenarioServer } from "../support/lab";
import { chainPem } from "../support/pki";
import { startHttpsServer, startSilentServer, type RunningServer, type RunningTcpServer } from "../support/servers";

/**
 * Safe to expose: the port allow-list refuses before any connection, and one deadline bounds a whole test against a
 * server that answers every step slowly, each within its own timeout. Servers on 127.0.61.x.
 */

/** Forwards each connection to `target` after holding it `delayMs`: every handshake is slow, none times out. */
function startSlowProxy(host: string, port: number, target: { host: string; port: number }, delayMs: number): Promise<RunningServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("error", () => {});
    const timer = setTimeout(() => {
      const upstream = net.connect(target.port, target.host);
      sockets.add(upstream);
      upstream.on("error", () => client.destroy());
      client.pipe(upstream).pipe(client);
    }, delayMs);
    client.on("close", () => clearTimeout(timer));
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      resolve({
        host,
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

let backend: RunningServer | undefined;
const SCENARIOS: ScenarioServer[] = [
  { name: "closedport.limits.test", address: "127.0.61.1", start: (_pki, address) => startSilentServer({ host: address }) },
  {
    name: "slow.limits.test",
    address: "127.0.61.2",
    start: async (pki, address) => {
      const leaf = await pki.issueLeaf({ commonName: "slow.limits.test", dnsNames: ["slow.limits.test"] });
      backend = await startHttpsServer({ host: "127.0.61.3", chain: chainPem(leaf, pki.intermediate), key: leaf.keyPem });
      return startSlowProxy(address, 8443, { host: "127.0.61.3", port: backend.port }, 1500);
    },
  },
];

describe("limits that make the analyzer safe to expose", () => {
  let lab: Lab;
  beforeAll(async () => {
    // Only 443 and 8443 may be reached; each operation may take 2 s, the whole test 2.5 s.
    lab = await startLab(SCENARIOS, {}, { allowedPorts: "443,8443", timeoutMs: 2000, deadlineMs: 2500 });
  });
  afterAll(async () => {
    await lab?.stop();
    await backend?.close();
  });

  it("refuses a port outside RCA_ALLOWED_PORTS with TARGET_FORBIDDEN, naming the rule, before any connection", async () => {
    const listener = lab.servers.get("closedport.limits.test") as RunningTcpServer;
    const result = await analyze({ test: "tls-certificate", host: "closedport.limits.test", port: listener.port });
    const tcp = step(result, "tcp.connect");
    expect(tcp).toMatchObject({ status: "error", problem: "TARGET_FORBIDDEN", details: expect.objectContaining({ rule: "RCA_ALLOWED_PORTS" }) });
    expect(tcp.message).toBe(
      `Port ${listener.port} isn't one this analyzer may connect to (RCA_ALLOWED_PORTS=443,8443): nothing was sent to closedport.limits.test.`,
    );
    expect(listener.connections).toBe(0);
  });

  it("ends a test whose server answers every step slowly, within each step's own timeout, at the test's deadline", async () => {
    const started = Date.now();
    const result = await analyze({ test: "tls-certificate", host: "slow.limits.test", port: 8443 });
    const elapsed = Date.now() - started;
    // The certificate step finished (1.5 s, under its 2 s timeout); the version probes, as slow, were cut by the 2.5 s deadline
    expect(step(result, "tls.certificate.obtain").status).toBe("success");
    expect(step(result, "tls.protocols")).toMatchObject({ status: "error", problem: "TEST_DEADLINE" });
    expect(result.verdict).toBe("error");
    expect(elapsed).toBeLessThan(4000);
  });
});

describe("a DNS server that never answers can't starve the analyzer", () => {
  it("times each lookup out, and meanwhile Node's thread pool (other users' work) stays free", async () => {
    // Given a DNS server that swallows every query
    const blackHole = dgram.createSocket("udp4");
    await new Promise<void>((resolve) => blackHole.bind(0, "127.0.61.53", resolve));
    const saved = { servers: process.env.RCA_DNS_SERVERS, timeout: process.env.RCA_TIMEOUT_MS };
    process.env.RCA_DNS_SERVERS = `127.0.61.53:${blackHole.address().port}`;
    process.env.RCA_TIMEOUT_MS = "1500";
    resetEnvForTests();
    try {
      // When many lookups wait on it at once (more than the thread pool has threads)
      const started = Date.now();
      const hung = Array.from({ length: 16 }, (_, i) =>
        resolveHost(`slow${i}.never.test`).then(
          () => undefined,
          (error: unknown) => error,
        ),
      );
      // Then work that needs the thread pool still runs at once
      const poolStarted = Date.now();
      await Promise.all(Array.from({ length: 8 }, () => readFile(fileURLToPath(import.meta.url))));
      expect(Date.now() - poolStarted).toBeLessThan(500);
      // And every lookup ends as a DNS failure within its timeout, not later
      const outcomes = await Promise.all(hung);
      expect(outcomes.every((outcome) => outcome instanceof ProblemError && outcome.problem === "DNS_FAILURE")).toBe(true);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      process.env.RCA_DNS_SERVERS = saved.servers;
      process.env.RCA_TIMEOUT_MS = saved.timeout;
      resetEnvForTests();
      blackHole.close();
    }
  });
});
