import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { env, resetEnvForTests } from "@/lib/config/env";
import type { TestResult } from "@/lib/engine/types";
import { RECOVERY_MS } from "@/lib/queue/jobs";
import { NO_WORKER_GRACE_MS } from "@/lib/queue/web";
import { getResult } from "@/lib/store";
import { startRedis, type RedisServer } from "../support/redis";
import { startSilentServer, type RunningServer } from "../support/servers";
import { becomeWebProcess, leaveWebProcess, postTest } from "../support/web-role";
import { killWorkers, runningWorkers, sseEvents, startWorkerProcess, until, type SseEvent, type WorkerProcess } from "../support/workers";

/**
 * RCA_ROLE=web and RCA_ROLE=worker: this process is the web side (POST /api/tests with RCA_ROLE=web), the workers are
 * real `npm run worker` processes; all share one private redis-server and one SQLite file. The target is a TCP server
 * that accepts and never answers, so each test run lasts until its TLS handshake times out: long enough to kill a
 * worker in the middle of it.
 */

const ROOT = join(import.meta.dirname, "..", "..");
/** This file's own loopback addresses (127.0.170.16-20) for the target; Redis is on the fixture's (127.0.170.1-10). */
const TARGET_HOST = `127.0.170.${16 + Math.floor(Math.random() * 5)}`;
const TIMEOUT_MS = 2_500;
const DEADLINE_MS = 6_000;
const PASSWORD = "queue-secret-Pw-91";

let dir = "";
let redis: RedisServer;
let redisUrl = "";
let target: RunningServer;
let targetPort = 0;

/** The configuration web and workers share. */
function sharedEnv(): Record<string, string> {
  return {
    RCA_REDIS_URL: redisUrl,
    RCA_DATABASE_URL: `file:${join(dir, "rca.sqlite")}`,
    RCA_ALLOW_PRIVATE_TARGETS: "true",
    RCA_ALLOWED_PORTS: String(targetPort),
    RCA_TIMEOUT_MS: String(TIMEOUT_MS),
    RCA_TEST_DEADLINE_MS: String(DEADLINE_MS),
    RCA_RATE_LIMIT: "0",
  };
}

/** A worker on this file's Redis and store, one test at a time unless told otherwise. */
function startWorker(extra: Record<string, string> = {}): Promise<WorkerProcess> {
  return startWorkerProcess({ ...sharedEnv(), RCA_MAX_CONCURRENT_TESTS: "1", ...extra });
}

const tlsInput = () => ({ test: "tls-certificate", host: TARGET_HOST, port: targetPort });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rca-queue-"));
  // The target accepts and never says a word: a TLS handshake with it lasts until RCA_TIMEOUT_MS.
  [redis, target] = await Promise.all([startRedis(), startSilentServer({ host: TARGET_HOST })]);
  redisUrl = redis.url;
  targetPort = target.port;
  becomeWebProcess(sharedEnv());
}, 60_000);

afterEach(() => killWorkers());

afterAll(async () => {
  await leaveWebProcess(sharedEnv());
  await Promise.allSettled([target?.close(), redis?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

describe("RCA_ROLE=web with `npm run worker` processes", () => {
  it("relays a queued test's steps from the worker in order, and answers the stored result", async () => {
    // Given one worker
    const worker = await startWorker();
    expect(env().RCA_ROLE).toBe("web");

    // When the web side is asked for a streamed test
    const response = await postTest(tlsInput(), true);
    expect(response.status).toBe(200);
    const seen: SseEvent[] = [];
    for await (const event of sseEvents(response)) seen.push(event);

    // Then the worker ran it, every finished top-level step arrived in the result's order, and the result is stored
    const result = seen.at(-1)!;
    expect(result.event).toBe("result");
    const saved = result.data as { id: string; url: string; deleteToken: string; result: TestResult };
    expect(saved.url).toBe(`/r/${saved.id}`);
    expect(saved.deleteToken.length).toBeGreaterThan(16);
    const streamed = seen
      .filter((event) => event.event === "step" && (event.data.path as number[]).length === 1)
      .map((event) => (event.data.step as { code: string }).code);
    expect(streamed.length).toBeGreaterThan(0);
    expect(streamed).toEqual(saved.result.steps.map((step) => step.code));
    expect(seen.findIndex((event) => event.event === "start")).toBeLessThan(seen.findIndex((event) => event.event === "step"));
    expect(worker.started()).toHaveLength(1);
    const stored = await getResult(saved.id);
    expect(stored?.steps.map((step) => step.code)).toEqual(streamed);
    expect(stored?.verdict).toBe("error"); // the silent target never completes a handshake
  }, 60_000);

  it("answers a JSON request once the worker is done (201), and leaves no credential in Redis", async () => {
    // Given one worker and a test carrying credentials
    await startWorker();
    const redis = new Redis(redisUrl);

    // When it is posted as JSON
    const pending = postTest({ test: "imap", host: TARGET_HOST, port: targetPort, security: "tls", username: "alice", password: PASSWORD }, false);
    // Then once it is answered, no key in Redis holds the password (the job is gone)
    const response = await pending;
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; result: TestResult };
    expect(body.result.input).not.toHaveProperty("password");
    expect(await getResult(body.id)).toBeDefined();
    const keys = await redis.keys("*");
    const dump: string[] = [];
    for (const key of keys) {
      const type = await redis.type(key);
      if (type === "hash") dump.push(JSON.stringify(await redis.hgetall(key)));
      else if (type === "string") dump.push((await redis.get(key)) ?? "");
      else if (type === "list") dump.push(JSON.stringify(await redis.lrange(key, 0, -1)));
      else if (type === "stream") dump.push(JSON.stringify(await redis.xrange(key, "-", "+")));
      else if (type === "zset") dump.push(JSON.stringify(await redis.zrange(key, "0", "-1")));
      else if (type === "set") dump.push(JSON.stringify(await redis.smembers(key)));
    }
    expect(keys.some((key) => key.startsWith("rca:q:tests:"))).toBe(true);
    expect(dump.join("\n")).not.toContain(PASSWORD);
    redis.disconnect();
  }, 60_000);

  it("shares the jobs between two workers", async () => {
    // Given two workers that run one test at a time each
    const [a, b] = [await startWorker(), await startWorker()];

    // When four tests are posted at once
    const responses = await Promise.all(Array.from({ length: 4 }, () => postTest(tlsInput(), false)));

    // Then all four are answered, and both workers ran some
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201]);
    expect(a.started().length).toBeGreaterThan(0);
    expect(b.started().length).toBeGreaterThan(0);
    expect(a.started().length + b.started().length).toBe(4);
  }, 60_000);

  // Killing a process at a given moment races with its start-up on a loaded 2-core machine: one more try, not a hang.
  it("retries on the other worker the test of a worker killed in the middle of it", { retry: 1 }, async () => {
    // Given two workers
    const pair = [await startWorker(), await startWorker()];

    // When the worker running a streamed test is killed (SIGKILL) after its first step has started
    const response = await postTest(tlsInput(), true);
    const began = Date.now();
    let killedAt = 0;
    let victim: WorkerProcess | undefined;
    const seen: SseEvent[] = [];
    for await (const event of sseEvents(response)) {
      seen.push(event);
      if (event.event === "start" && !victim) {
        await until("a worker to report the job", () => pair.some((worker) => worker.started().length > 0), 5_000);
        victim = pair.find((worker) => worker.started().length > 0)!;
        victim.kill();
        killedAt = Date.now();
      }
    }

    // Then the other worker ran it again (attempt 2) and its result is the answer, within a bounded time
    const survivor = pair.find((worker) => worker !== victim)!;
    const story = () => `events: ${seen.map((event) => event.event).join(",")}\nvictim:\n${victim?.output()}\nsurvivor:\n${survivor.output()}`;
    expect(victim, story()).toBeDefined();
    expect(survivor.started(), story()).toEqual([{ job: victim!.started()[0]!.job, attempt: 2 }]);
    const result = seen.at(-1)!;
    expect(result.event, story()).toBe("result");
    const saved = result.data as { id: string; result: TestResult };
    expect(
      saved.result.steps.some((step) => step.code === "queue.worker"),
      story(),
    ).toBe(false);
    expect(await getResult(saved.id)).toBeDefined();
    expect(Date.now() - killedAt).toBeLessThan(RECOVERY_MS + DEADLINE_MS + 5_000);
    expect(killedAt - began).toBeLessThan(DEADLINE_MS);
  });

  it("answers an error result saying so when the retry's worker is killed too", async () => {
    // Given two workers, both killed in turn while running the same test
    const first = await startWorker();
    const response = await postTest(tlsInput(), true);
    const seen: SseEvent[] = [];
    let second: WorkerProcess | undefined;
    let third: WorkerProcess | undefined;
    for await (const event of sseEvents(response)) {
      seen.push(event);
      if (event.event !== "start") continue;
      if (!second) {
        await until("the first worker to report the job", () => first.started().length > 0, 5_000);
        first.kill();
        second = await startWorker();
      } else if (!third) {
        await until("the second worker to take the job", () => second!.started().length > 0, RECOVERY_MS + 5_000);
        second.kill();
        // A live worker notices the second stall and fails the job.
        third = await startWorker();
      }
    }

    // Then the answer is a stored error result whose step says the worker stopped, and the third worker never ran it
    const result = seen.at(-1)!;
    expect(result.event).toBe("result");
    const saved = result.data as { id: string; result: TestResult };
    expect(saved.result.verdict).toBe("error");
    const step = saved.result.steps.find((candidate) => candidate.code === "queue.worker");
    expect(step?.message).toMatch(/worker running this test stopped/);
    expect(third?.started() ?? []).toEqual([]);
    expect((await getResult(saved.id))?.steps[0]?.code).toBe("queue.worker");
  }, 60_000);
});

describe("RCA_ROLE=web without a worker", () => {
  it("answers an error result saying no worker is running, instead of waiting", async () => {
    // Given no worker at all
    expect(runningWorkers()).toEqual([]);

    // When a test is posted
    const began = Date.now();
    const response = await postTest(tlsInput(), false);

    // Then after the short grace the answer is a stored error result saying so, and the job is off the queue
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; result: TestResult };
    expect(body.result.steps.map((step) => [step.code, step.status, step.message])).toEqual([
      ["queue.worker", "error", "No worker is running to take this test."],
    ]);
    expect(Date.now() - began).toBeLessThan(NO_WORKER_GRACE_MS + 5_000);
    const redis = new Redis(redisUrl);
    expect(await redis.zcard("rca:q:tests:prioritized")).toBe(0);
    expect(await redis.llen("rca:q:tests:wait")).toBe(0);
    redis.disconnect();
  }, 30_000);
});

describe("RCA_ROLE needs Redis", () => {
  it("refuses RCA_ROLE=web without RCA_REDIS_URL, naming both", () => {
    const saved = process.env.RCA_REDIS_URL;
    delete process.env.RCA_REDIS_URL;
    resetEnvForTests();
    try {
      expect(() => env()).toThrow(/RCA_ROLE: "web" needs RCA_REDIS_URL/);
    } finally {
      process.env.RCA_REDIS_URL = saved;
      resetEnvForTests();
    }
  });

  it("stops `npm run worker` at start without RCA_REDIS_URL, with the reason", async () => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(childEnv)) if (key.startsWith("RCA_")) delete childEnv[key];
    const child = spawn("npm", ["run", "--silent", "worker"], {
      cwd: ROOT,
      env: { ...childEnv, RCA_DATABASE_URL: `file:${join(dir, "other.sqlite")}` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(78);
    expect(stderr).toMatch(/RCA_ROLE: "worker" needs RCA_REDIS_URL/);
  }, 30_000);
});
