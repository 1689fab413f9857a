/**
 * A test lab on loopback: a real dnsmasq answering for *.contoso.test, one TLS server per scenario, each on its
 * own 127.0.0.x address, and the analyzer's environment pointed at them. Used by the integration tests.
 */
import { TestInputSchema } from "@/lib/analyzers/catalog";
import { runTest } from "@/lib/analyzers/run";
import { resetTrustStoreForTests } from "@/lib/cert/trust-store";
import { resetEnvForTests } from "@/lib/config/env";
import type { Step, TestResult } from "@/lib/engine/types";
import { startDnsmasq, type DnsmasqOptions, type RunningDnsmasq } from "./dnsmasq";
import { createTestPki, type TestPki } from "./pki";
import { recordRaised } from "./raised-problems";
import type { RunningServer } from "./servers";

export const DOMAIN = "contoso.test";

export interface Lab {
  pki: TestPki;
  dns: RunningDnsmasq;
  /** host name → running server */
  servers: Map<string, RunningServer>;
  port(name: string): number;
  stop(): Promise<void>;
}

export interface ScenarioServer {
  /** Host name, e.g. good.contoso.test; resolves to `address`. */
  name: string;
  address: string;
  start: (pki: TestPki, address: string) => Promise<RunningServer>;
}

/** Starts dnsmasq and every scenario server, and points the analyzer's environment at the lab. */
const LAB_ENV = [
  "RCA_DNS_SERVERS",
  "RCA_ALLOW_PRIVATE_TARGETS",
  "RCA_TIMEOUT_MS",
  "NODE_EXTRA_CA_CERTS",
  "RCA_ALLOWED_PORTS",
  "RCA_TEST_DEADLINE_MS",
  "RCA_DNSBL_ZONES",
] as const;

function applyEnv(values: Partial<Record<(typeof LAB_ENV)[number], string | undefined>>): void {
  for (const key of LAB_ENV) {
    if (values[key] === undefined) delete process.env[key];
    else process.env[key] = values[key];
  }
  resetEnvForTests();
  resetTrustStoreForTests();
}

/** Starts dnsmasq and every scenario server, and points the analyzer's environment at the lab until stop(). */
export async function startLab(
  scenarios: ScenarioServer[],
  extraRecords: Record<string, string[]> = {},
  options: {
    timeoutMs?: number;
    srv?: DnsmasqOptions["srv"];
    /** More of dnsmasq's records (MX, TXT, PTR, TLSA…) beside the scenarios' A records. */
    dns?: Omit<DnsmasqOptions, "records">;
    allowedPorts?: string;
    deadlineMs?: number;
    /** RCA_DNSBL_ZONES for the lab's tests. */
    dnsblZones?: string;
  } = {},
): Promise<Lab> {
  const saved = Object.fromEntries(LAB_ENV.map((key) => [key, process.env[key]]));
  const stoppers: Array<() => Promise<void>> = [];
  const stop = async () => {
    // Everything is stopped even when one part fails to, and the environment is put back.
    await Promise.allSettled(
      stoppers
        .splice(0)
        .reverse()
        .map((stopOne) => stopOne()),
    );
    applyEnv(saved);
  };
  try {
    const pki = await createTestPki();
    stoppers.push(() => pki.cleanup());
    const records: Record<string, string[]> = { ...extraRecords };
    for (const scenario of scenarios) records[scenario.name] = [scenario.address];
    const dns = await startDnsmasq({ ...options.dns, records, ...(options.srv ? { srv: options.srv } : {}) });
    stoppers.push(() => dns.stop());
    const servers = new Map<string, RunningServer>();
    for (const scenario of scenarios) {
      const server = await scenario.start(pki, scenario.address);
      stoppers.push(() => server.close());
      servers.set(scenario.name, server);
    }
    applyEnv({
      RCA_DNS_SERVERS: dns.server,
      RCA_ALLOW_PRIVATE_TARGETS: "true",
      RCA_TIMEOUT_MS: String(options.timeoutMs ?? 2000),
      NODE_EXTRA_CA_CERTS: pki.trustFile,
      // Lab servers listen on ephemeral ports, and their scenarios time steps out one by one: neither limit is under test here.
      RCA_ALLOWED_PORTS: options.allowedPorts ?? "1-65535",
      RCA_TEST_DEADLINE_MS: String(options.deadlineMs ?? 120_000),
      RCA_DNSBL_ZONES: options.dnsblZones,
    });
    return {
      pki,
      dns,
      servers,
      port(name) {
        const server = servers.get(name);
        if (!server) throw new Error(`no lab server named ${name}`);
        return server.port;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs a test exactly as the API does (input through the shared schema, then the runner), recording the codes it raised. */
export async function analyze(input: Record<string, unknown>): Promise<TestResult> {
  const result = await runTest(TestInputSchema.parse(input));
  recordRaised(result);
  return result;
}

/** Every step of a result, depth first. */
export function allSteps(steps: Step[]): Step[] {
  return steps.flatMap((step) => [step, ...allSteps(step.children)]);
}

/** The one step with this code; fails loudly if absent. */
export function step(result: TestResult, code: string): Step {
  const found = allSteps(result.steps).find((candidate) => candidate.code === code);
  if (!found)
    throw new Error(
      `no step ${code} in ${allSteps(result.steps)
        .map((s) => s.code)
        .join(", ")}`,
    );
  return found;
}

/** Problem codes raised anywhere in a result. */
export function problems(result: TestResult): string[] {
  return [...new Set(allSteps(result.steps).flatMap((s) => (s.problem ? [s.problem] : [])))];
}
