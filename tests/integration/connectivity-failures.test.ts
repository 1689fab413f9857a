import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/config/env";
import { startDnsmasq, type RunningDnsmasq } from "../support/dnsmasq";
import { analyze, DOMAIN, startLab, step, type Lab } from "../support/lab";
import { startSynDroppingServer } from "../support/syn-drop";

/**
 * The two connectivity failures that need a misbehaving network rather than a misbehaving server: a DNS server that
 * won't answer, and a port whose SYNs vanish. Both run through the real analyzer, on 127.0.60.x only.
 */

const TIMEOUT_MS = 1500;
const DROPPED = `dropped.${DOMAIN}`;

let lab: Lab;
let refusingDns: RunningDnsmasq;

beforeAll(async () => {
  lab = await startLab(
    [{ name: DROPPED, address: "127.0.60.2", start: (_pki, address) => startSynDroppingServer({ host: address }) }],
    {},
    { timeoutMs: TIMEOUT_MS },
  );
  // No upstream and authoritative only for *.test: any other name is answered REFUSED.
  refusingDns = await startDnsmasq({ records: {}, listen: "127.0.60.53", unknownNames: "refused" });
});

afterAll(async () => {
  await refusingDns?.stop();
  await lab?.stop();
});

describe("a DNS server that refuses to answer", () => {
  it("is a DNS_FAILURE that says the server refused, not a missing record", async () => {
    // Given the analyzer's resolver is a DNS server that refuses the query
    const labServers = process.env.RCA_DNS_SERVERS;
    process.env.RCA_DNS_SERVERS = refusingDns.server;
    resetEnvForTests();
    try {
      // When a host is tested
      const result = await analyze({ test: "tls-certificate", host: "mail.contoso.com", port: 443 });
      // Then the DNS step fails with DNS_FAILURE, and the message names the server and what it did
      const dns = step(result, "dns.resolve");
      expect(dns).toMatchObject({ status: "error", problem: "DNS_FAILURE", details: { dnsError: "EREFUSED" } });
      expect(dns.message).toBe(
        `The DNS lookup of mail.contoso.com couldn't be completed: The DNS server ${refusingDns.server} refused to answer (REFUSED): it doesn't resolve this name for the analyzer.`,
      );
      expect(step(result, "tcp.connect").status).toBe("skipped");
      expect(refusingDns.log()).toMatch(/query\[A+\] mail\.contoso\.com/);
    } finally {
      process.env.RCA_DNS_SERVERS = labServers;
      resetEnvForTests();
    }
  });
});

describe("a port that drops SYNs", () => {
  // Run five times: a timeout test that passes only sometimes is worse than none.
  it.each([1, 2, 3, 4, 5])("is a TCP_TIMEOUT within the analyzer's timeout (run %i)", async () => {
    // Given a port whose accept queue is full, so the kernel silently drops new SYNs
    const started = Date.now();
    // When it is tested
    const result = await analyze({ test: "tls-certificate", host: DROPPED, port: lab.port(DROPPED) });
    // Then the TCP step times out, saying so, and nothing after it runs
    const tcp = step(result, "tcp.connect");
    expect(tcp).toMatchObject({ status: "error", problem: "TCP_TIMEOUT" });
    expect(tcp.message).toBe(`No answer from 127.0.60.2 on port ${lab.port(DROPPED)} within ${TIMEOUT_MS} ms: a firewall may be dropping the connection.`);
    expect(tcp.elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 2000);
    expect(step(result, "tls.certificate").status).toBe("skipped");
  });
});
