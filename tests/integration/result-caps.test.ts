import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/net/limits";
import { capResultBytes } from "@/lib/store/result-cap";
import { allSteps, analyze, DOMAIN, startLab, type Lab } from "../support/lab";
import { chainPem } from "../support/pki";
import { startHttpsServer } from "../support/servers";

/** A certificate with 1,000 SANs, served for real: every step's details show at most 100 entries of any list. */

const HOST = `manysans.${DOMAIN}`;
const SAN_COUNT = 1000;

let lab: Lab;

beforeAll(async () => {
  lab = await startLab([
    {
      name: HOST,
      address: "127.0.62.1",
      start: async (pki, address) => {
        const others = Array.from({ length: SAN_COUNT - 1 }, (_, i) => `alt${i}.${DOMAIN}`);
        const leaf = await pki.issueLeaf({ commonName: HOST, dnsNames: [HOST, ...others] });
        return startHttpsServer({ host: address, chain: chainPem(leaf, pki.intermediate), key: leaf.keyPem });
      },
    },
  ]);
});

afterAll(async () => {
  await lab?.stop();
});

/** Every array anywhere in a value. */
function arrays(value: unknown, into: unknown[][] = []): unknown[][] {
  if (Array.isArray(value)) {
    into.push(value);
    for (const item of value) arrays(item, into);
  } else if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) arrays(item, into);
  }
  return into;
}

describe("a certificate with 1,000 SANs", () => {
  it("is recorded with 100 DNS names and '… and 900 more'", async () => {
    const result = await analyze({ test: "tls-certificate", host: HOST, port: lab.port(HOST) });
    const steps = allSteps(result.steps);
    const withNames = steps.filter((step) => Array.isArray(step.details?.dnsNames));
    expect(withNames.length).toBeGreaterThan(0);
    for (const step of withNames) {
      const dnsNames = step.details!.dnsNames as string[];
      expect(dnsNames).toHaveLength(LIMITS.detailsListEntries + 1);
      expect(dnsNames[0]).toBe(HOST);
      expect(dnsNames.at(-1)).toBe(`… and ${SAN_COUNT - LIMITS.detailsListEntries} more`);
    }
    // No list anywhere in any step's details is longer than the cap and its marker
    for (const step of steps) {
      for (const list of arrays(step.details)) expect(list.length).toBeLessThanOrEqual(LIMITS.detailsListEntries + 1);
    }
    // The name still matches: capping is for what is shown, after the checks ran on the whole certificate
    expect(result.verdict).not.toBe("error");
    expect(capResultBytes(result)).toBe(result);
  });
});
