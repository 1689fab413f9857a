import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as getVantages } from "@/app/api/vantages/route";
import { RESULT_SCHEMA_VERSION, type Step, type TestResult } from "@/lib/engine/types";
import { heartbeatKey, HEARTBEAT_TTL_MS, KEY_PREFIX, partResultKey, vantageQueueName } from "@/lib/queue/jobs";
import { compareVantages } from "@/lib/results/vantage-compare";
import { getResult } from "@/lib/store";
import { startRedis, type RedisServer } from "../support/redis";
import { startSilentServer, type RunningServer } from "../support/servers";
import { startSplitHorizon, type SplitHorizon } from "../support/split-horizon";
import { becomeWebProcess, leaveWebProcess, postTest, resetProcessState } from "../support/web-role";
import { killWorkers, sleep, sseEvents, startWorkerProcess, type SseEvent, type WorkerProcess } from "../support/workers";

/**
 * Vantage points: two `npm run worker` processes named "inside" and "outside", each with its own DNS server (split
 * horizon, as behind a firewall): mail.contoso.test is a server with a valid certificate from inside and one with an
 * expired certificate from outside. This process is the web side (RCA_ROLE=web); all share one redis-server.
 */

/** This file's own loopback addresses (127.0.170.21-30). */
const DNS_INSIDE = "127.0.170.21";
const DNS_OUTSIDE = "127.0.170.22";
const SERVER_INSIDE = "127.0.170.23";
const SERVER_OUTSIDE = "127.0.170.24";
const SILENT = "127.0.170.25";
const NAME = "mail.contoso.test";

let dir = "";
let lab: SplitHorizon;
let redis: RedisServer;
let silent: RunningServer;
let port = 0;
let silentPort = 0;

function sharedEnv(): Record<string, string> {
  return {
    RCA_REDIS_URL: redis.url,
    RCA_DATABASE_URL: `file:${join(dir, "rca.sqlite")}`,
    RCA_ALLOW_PRIVATE_TARGETS: "true",
    RCA_ALLOWED_PORTS: `${port},${silentPort}`,
    RCA_TIMEOUT_MS: "2500",
    RCA_TEST_DEADLINE_MS: "8000",
    RCA_RATE_LIMIT: "0",
    RCA_DNSBL_ZONES: "",
  };
}

function startWorker(vantage: "inside" | "outside", concurrency = 2): Promise<WorkerProcess> {
  return startWorkerProcess({
    ...sharedEnv(),
    RCA_VANTAGE: vantage,
    RCA_DNS_SERVERS: lab[vantage].dns.server,
    RCA_MAX_CONCURRENT_TESTS: String(concurrency),
    NODE_EXTRA_CA_CERTS: lab.pki.trustFile,
  });
}

async function live(): Promise<Array<{ name: string; workers: number }>> {
  const response = await getVantages();
  expect(response.status).toBe(200);
  return ((await response.json()) as { vantages: Array<{ name: string; workers: number }> }).vantages;
}

function find(steps: readonly Step[], code: string): Step | undefined {
  for (const step of steps) {
    if (step.code === code) return step;
    const inner = find(step.children, code);
    if (inner) return inner;
  }
  return undefined;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rca-vantages-"));
  [lab, redis, silent] = await Promise.all([
    startSplitHorizon(NAME, { dnsInside: DNS_INSIDE, dnsOutside: DNS_OUTSIDE, serverInside: SERVER_INSIDE, serverOutside: SERVER_OUTSIDE }),
    startRedis(),
    startSilentServer({ host: SILENT }),
  ]);
  port = lab.port;
  silentPort = silent.port;
  becomeWebProcess(sharedEnv());
}, 60_000);

afterEach(() => killWorkers());

afterAll(async () => {
  await leaveWebProcess(sharedEnv());
  await Promise.allSettled([lab?.stop(), silent?.close(), redis?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

describe("vantage points", () => {
  it("lists the live vantage points, and drops a killed worker's once its heartbeat expires", async () => {
    // Given a worker at each of two vantage points, and a second one inside
    const outside = await startWorker("outside");
    await Promise.all([startWorker("inside"), startWorker("inside")]);

    // Then GET /api/vantages lists both, with their workers
    expect(await live()).toEqual([
      { name: "inside", workers: 2 },
      { name: "outside", workers: 1 },
    ]);

    // When the outside worker is killed (no goodbye), it drops out within the heartbeat's lifetime
    await killWorkers([outside]);
    const killed = Date.now();
    let now = await live();
    while (now.some((vantage) => vantage.name === "outside") && Date.now() - killed < HEARTBEAT_TTL_MS + 3_000) {
      await sleep(250);
      now = await live();
    }
    expect(now).toEqual([{ name: "inside", workers: 2 }]);
  }, 60_000);

  it("runs the test from each vantage point and shows where they differ: the certificate outside has expired", async () => {
    // Given a worker inside and one outside, each resolving mail.contoso.test through its own DNS
    const [inside, outside] = await Promise.all([startWorker("inside"), startWorker("outside")]);

    // When the test is asked for from both, streamed
    const response = await postTest({ test: "tls-certificate", host: NAME, port, vantages: ["inside", "outside"] }, true);
    expect(response.status).toBe(200);
    const seen: SseEvent[] = [];
    for await (const event of sseEvents(response)) seen.push(event);

    // Then each vantage point's worker ran its part
    expect(inside.started()).toEqual([expect.objectContaining({ part: true })]);
    expect(outside.started()).toEqual([expect.objectContaining({ part: true })]);

    // And the steps streamed under each vantage point's step
    const starts = seen.filter((event) => event.event === "start").map((event) => event.data.path as number[]);
    expect(starts.slice(0, 2)).toEqual([[0], [1]]);
    expect(starts.some((path) => path[0] === 0 && path.length === 2)).toBe(true);
    expect(starts.some((path) => path[0] === 1 && path.length === 2)).toBe(true);

    // And one stored result holds both, side by side, its verdict the worse
    const last = seen.at(-1)!;
    expect(last.event).toBe("result");
    const saved = last.data as { id: string; result: TestResult };
    const result = (await getResult(saved.id))!;
    expect(result.input).toMatchObject({ host: NAME, vantages: ["inside", "outside"] });
    expect(result.verdict).toBe("error");
    expect(result.steps.map((step) => [step.code, step.status])).toEqual([
      ["vantage.inside", "success"],
      ["vantage.outside", "error"],
    ]);
    expect(result.vantages?.map((vantage) => [vantage.name, vantage.verdict])).toEqual([
      ["inside", "success"],
      ["outside", "error"],
    ]);
    expect(find(result.vantages![0]!.steps, "tls.certificate.dates")?.status).toBe("success");
    expect(find(result.vantages![1]!.steps, "tls.certificate.dates")?.problem).toBe("CERT_EXPIRED");
    // Each part resolved the name through its own DNS server
    expect(JSON.stringify(find(result.vantages![0]!.steps, "dns")?.details ?? find(result.vantages![0]!.steps, "dns.resolve")?.details)).toContain(
      SERVER_INSIDE,
    );

    // And the comparison marks the dates step as differing, and not a step that is the same
    const rows = compareVantages(result.vantages!).rows;
    const dates = rows.find((row) => row.key.endsWith("tls.certificate.dates"));
    expect(dates?.differs).toBe(true);
    expect(dates?.reasons).toContain("status");
    expect(rows.some((row) => !row.differs)).toBe(true);
  }, 90_000);

  it("keeps one place's run when the other place's only worker dies in the middle: that column says why", async () => {
    // Given one worker at each place, and a target that never answers (each run lasts until its handshake times out)
    const [inside, outside] = await Promise.all([startWorker("inside"), startWorker("outside")]);

    // When the outside worker is killed as soon as its part has started
    const response = await postTest({ test: "tls-certificate", host: SILENT, port: silentPort, vantages: ["inside", "outside"] }, true);
    const seen: SseEvent[] = [];
    let killed = false;
    for await (const event of sseEvents(response)) {
      seen.push(event);
      const path = event.data.path as number[] | undefined;
      // A step under the outside place's step: its only worker is running it.
      if (event.event === "start" && path?.[0] === 1 && path.length === 2 && !killed) {
        killed = true;
        await killWorkers([outside]);
      }
    }
    expect(killed).toBe(true);

    // Then the answer still comes: the inside run is whole, and the outside column is one error step saying why
    const last = seen.at(-1)!;
    expect(last.event, seen.map((event) => event.event).join(",")).toBe("result");
    const result = (last.data as { result: TestResult }).result;
    expect(inside.started()).toHaveLength(1);
    expect(result.vantages?.map((vantage) => vantage.name)).toEqual(["inside", "outside"]);
    expect(result.vantages![0]!.steps.some((step) => step.code === "tls.certificate")).toBe(true);
    expect(result.vantages![1]!.steps.map((step) => [step.code, step.status, step.message])).toEqual([
      ["queue.worker", "error", "The test did not finish on its worker in time."],
    ]);
    expect(result.steps.map((step) => step.code)).toEqual(["vantage.inside", "vantage.outside"]);
  }, 90_000);

  it("recovers a place's finished run whose result message was lost on the way", async () => {
    // Given a place whose worker finishes its part, keeps the result beside the job and returns, but whose message
    // never reaches the web process (as when its subscriber was reconnecting): a BullMQ worker of this test's own
    const kept: TestResult = {
      schemaVersion: RESULT_SCHEMA_VERSION,
      id: "kept-result-0000001",
      test: "tls-certificate",
      input: { test: "tls-certificate", host: NAME, port },
      startedAt: new Date().toISOString(),
      elapsedMs: 5,
      verdict: "success",
      steps: [{ code: "tls.certificate", title: "Testing the SSL certificate.", status: "success", message: "Valid.", elapsedMs: 5, children: [] }],
    };
    const commands = new Redis(redis.url);
    const lossy = new Worker(
      vantageQueueName("lossy"),
      async (job) => {
        await commands.set(partResultKey(job.id!), JSON.stringify(kept), "PX", 60_000);
        return { id: kept.id, url: "" };
      },
      { prefix: KEY_PREFIX, connection: new Redis(redis.url, { maxRetriesPerRequest: null }) },
    );
    await lossy.waitUntilReady();
    await commands.set(heartbeatKey("lossy", "fake@test:1"), "1", "PX", 60_000);
    try {
      // When a test is asked for from there
      const response = await postTest({ test: "tls-certificate", host: NAME, port, vantages: ["lossy"] }, false);

      // Then the run it finished is the answer, not an error step, and the kept copy is gone
      expect(response.status).toBe(201);
      const body = (await response.json()) as { result: TestResult };
      expect(body.result.vantages).toEqual([{ name: "lossy", verdict: "success", steps: kept.steps }]);
      let left = await commands.keys(`${KEY_PREFIX}:part:*`);
      for (let tries = 0; left.length > 0 && tries < 20; tries++) {
        await sleep(100);
        left = await commands.keys(`${KEY_PREFIX}:part:*`);
      }
      expect(left).toEqual([]);
    } finally {
      await lossy.close();
      await commands.del(heartbeatKey("lossy", "fake@test:1"));
      commands.disconnect();
    }
  }, 60_000);

  it("refuses a vantage point with no live worker, naming the field, before anything runs", async () => {
    // Given only an inside worker
    const inside = await startWorker("inside");

    // When a test is asked for from inside and from somewhere nobody runs
    const response = await postTest({ test: "tls-certificate", host: NAME, port, vantages: ["inside", "dmz"] }, false);

    // Then it is a 400 naming `vantages` and the missing place, and nothing ran
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { issues: Array<{ path: string; message: string }> } };
    expect(body.error.issues).toEqual([{ path: "vantages", message: expect.stringContaining('"dmz"') as string }]);
    await sleep(500);
    expect(inside.started()).toEqual([]);
  }, 60_000);

  it("counts a test from two vantage points as two tests of the client's rate limit, all or none", async () => {
    // Given both places live, and a budget of three tests
    await Promise.all([startWorker("inside"), startWorker("outside")]);
    process.env.RCA_RATE_LIMIT = "3/600s";
    resetProcessState();
    const fromBoth = { test: "tls-certificate", host: NAME, port, vantages: ["inside", "outside"] };
    try {
      // When one test runs from both places, two of the three are spent
      expect((await postTest(fromBoth, false)).status).toBe(201);
      // Then another from both doesn't fit, says why, and takes nothing: one plain test still fits
      const refused = await postTest(fromBoth, false);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("this one counts as 2, one per vantage point");
      expect((await postTest({ test: "tls-certificate", host: NAME, port }, false)).status).toBe(201);
      expect((await postTest({ test: "tls-certificate", host: NAME, port }, false)).status).toBe(429);
    } finally {
      process.env.RCA_RATE_LIMIT = "0";
      resetProcessState();
    }
  }, 60_000);

  it("reports a waiting test's place in the queue while the worker is busy", async () => {
    // Given one worker that runs one test at a time, busy with two tests against a server that never answers
    await startWorker("inside", 1);
    const busy = [
      postTest({ test: "tls-certificate", host: SILENT, port: silentPort }, false),
      postTest({ test: "tls-certificate", host: SILENT, port: silentPort }, false),
    ];
    await sleep(300);

    // When a third is streamed
    const response = await postTest({ test: "tls-certificate", host: SILENT, port: silentPort }, true);
    const positions: number[] = [];
    let result: SseEvent | undefined;
    for await (const event of sseEvents(response)) {
      if (event.event === "queue") positions.push(event.data.ahead as number);
      if (event.event === "result") result = event;
    }

    // Then it was told how many were ahead of it, counting down, before it ran
    expect(positions.length).toBeGreaterThan(0);
    expect(positions[0]).toBeGreaterThanOrEqual(1);
    expect(positions).toEqual([...positions].sort((a, b) => b - a));
    expect(result).toBeDefined();
    await Promise.all(busy);
  }, 90_000);
});
