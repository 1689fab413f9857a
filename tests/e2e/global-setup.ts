/**
 * Starts the lab the browser tests need: a real dnsmasq, an Exchange-like RPC proxy with a wildcard certificate
 * on 127.0.30.1:443, an Autodiscover endpoint for contoso.test on 127.0.30.3:443, and the production app pointed at
 * them. Requires `next build` first.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp } from "../../scripts/app-server";
import { autodiscoverHandler, settingsXml } from "../support/autodiscover-server";
import { startDnsmasq } from "../support/dnsmasq";
import { ntlmResponder } from "../support/ntlm-server";
import { chainPem, createTestPki, type TestPki } from "../support/pki";
import { rpcProxyHandler, startHttpsServer } from "../support/servers";

export const E2E_PORT = 3217;
export const RPC_HOST = "mail.contoso.test";
export const HOSTILE_HOST = "hostile.contoso.test";
export const AUTODISCOVER_HOST = "autodiscover.contoso.test";
/** A server whose admin "fixes" its expired certificate mid-test: POST http://127.0.30.9:8080/fix swaps in a valid one. */
export const FIXABLE_HOST = "fixable.contoso.test";
export const FIX_URL = "http://127.0.30.9:8080/fix";

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
  // Autodiscover for contoso.test: no host at the domain itself (method 1 fails), autodiscover.contoso.test answers.
  const autodiscoverLeaf = await pki.issueLeaf({ commonName: AUTODISCOVER_HOST, dnsNames: [AUTODISCOVER_HOST] });
  const autodiscover = await startHttpsServer({
    host: "127.0.30.3",
    port: 443,
    chain: chainPem(autodiscoverLeaf, pki.intermediate),
    key: autodiscoverLeaf.keyPem,
    handler: autodiscoverHandler({ respond: (email) => settingsXml({ displayName: "Alice", email, exprServer: RPC_HOST }) }),
  });
  const fixable = await startFixableServer(pki);
  const dns = await startDnsmasq({
    records: { [RPC_HOST]: ["127.0.30.1"], [HOSTILE_HOST]: ["127.0.30.2"], [AUTODISCOVER_HOST]: ["127.0.30.3"], [FIXABLE_HOST]: ["127.0.30.9"] },
  });
  const dataDir = mkdtempSync(join(tmpdir(), "rca-e2e-"));
  // The specs may put rows of their own in the store (a result stored by an earlier version): workers inherit this.
  process.env.RCA_E2E_DATABASE_FILE = join(dataDir, "e2e.sqlite");
  // Specs that start app instances of their own (several-instances.spec.ts) point them at the same lab: workers inherit these.
  process.env.RCA_E2E_DNS_SERVERS = dns.server;
  process.env.RCA_E2E_CA_FILE = pki.trustFile;
  // Started the way the benchmark starts it (scripts/app-server.ts): a production build, waited on until it answers.
  const app = await startApp({
    cwd: process.cwd(),
    port: E2E_PORT,
    echo: true,
    healthTimeoutMs: 60_000,
    env: {
      RCA_ALLOW_PRIVATE_TARGETS: "true",
      RCA_DNS_SERVERS: dns.server,
      NODE_EXTRA_CA_CERTS: pki.trustFile,
      RCA_DATABASE_URL: `file:${process.env.RCA_E2E_DATABASE_FILE}`,
      RCA_TIMEOUT_MS: "3000",
    },
  });

  return async () => {
    await app.stop();
    await rpc.close();
    await hostile.close();
    await autodiscover.close();
    await fixable.close();
    await dns.stop();
    await pki.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/** The "before" server has an expired certificate; the control endpoint replaces it with a valid one on the same address. */
async function startFixableServer(pki: TestPki): Promise<{ close(): Promise<void> }> {
  const day = 24 * 60 * 60 * 1000;
  const expired = await pki.issueLeaf({
    commonName: FIXABLE_HOST,
    dnsNames: [FIXABLE_HOST],
    notBefore: new Date(Date.now() - 400 * day),
    notAfter: new Date(Date.now() - 10 * day),
  });
  const renewed = await pki.issueLeaf({ commonName: FIXABLE_HOST, dnsNames: [FIXABLE_HOST] });
  const serve = (leaf: typeof expired) => startHttpsServer({ host: "127.0.30.9", port: 443, chain: chainPem(leaf, pki.intermediate), key: leaf.keyPem });
  let current = await serve(expired);
  const control = createServer((request, response) => {
    if (request.method !== "POST" || request.url !== "/fix") {
      response.writeHead(404).end();
      return;
    }
    void (async () => {
      await current.close();
      current = await serve(renewed);
      response.writeHead(204).end();
    })();
  });
  await new Promise<void>((resolve) => control.listen(8080, "127.0.30.9", resolve));
  return {
    async close() {
      await new Promise<void>((resolve) => control.close(() => resolve()));
      await current.close();
    },
  };
}
