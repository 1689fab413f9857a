/**
 * Starts the lab the browser tests need: a real dnsmasq, an Exchange-like RPC proxy with a wildcard certificate
 * on 127.0.30.1:443, and the production app pointed at them. Requires `next build` first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDnsmasq } from "../support/dnsmasq";
import { ntlmResponder } from "../support/ntlm-server";
import { chainPem, createTestPki } from "../support/pki";
import { rpcProxyHandler, startHttpsServer } from "../support/servers";

export const E2E_PORT = 3217;
export const RPC_HOST = "mail.contoso.test";
export const HOSTILE_HOST = "hostile.contoso.test";

async function waitForHealth(url: string, app: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with code ${app.exitCode} before answering`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app didn't answer ${url} within ${timeoutMs} ms`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const pki = await createTestPki();
  const leaf = await pki.issueLeaf({ commonName: "*.contoso.test", dnsNames: ["*.contoso.test"] });
  const rpc = await startHttpsServer({
    host: "127.0.30.1",
    port: 443,
    chain: chainPem(leaf, pki.intermediate),
    key: leaf.keyPem,
    handler: rpcProxyHandler({ methods: ['Basic realm="mail.contoso.test"', "NTLM", "Negotiate"], onNtlm: ntlmResponder({}) }),
  });
  // A server whose certificate carries markup: the result page must show it as text.
  const hostileLeaf = await pki.issueLeaf({ commonName: '<img src=x onerror="window.__pwned=1">', dnsNames: [HOSTILE_HOST] });
  const hostile = await startHttpsServer({ host: "127.0.30.2", port: 443, chain: chainPem(hostileLeaf, pki.intermediate), key: hostileLeaf.keyPem });
  const dns = await startDnsmasq({ records: { [RPC_HOST]: ["127.0.30.1"], [HOSTILE_HOST]: ["127.0.30.2"] } });
  const dataDir = mkdtempSync(join(tmpdir(), "rca-e2e-"));
  const app = spawn("npx", ["next", "start", "-p", String(E2E_PORT), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      RCA_ALLOW_PRIVATE_TARGETS: "true",
      RCA_DNS_SERVERS: dns.server,
      NODE_EXTRA_CA_CERTS: pki.trustFile,
      RCA_DATABASE_URL: `file:${join(dataDir, "e2e.sqlite")}`,
      RCA_TIMEOUT_MS: "3000",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  await waitForHealth(`http://127.0.0.1:${E2E_PORT}/`, app, 60_000);

  return async () => {
    if (app.pid) {
      try {
        process.kill(-app.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await rpc.close();
    await hostile.close();
    await dns.stop();
    await pki.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
