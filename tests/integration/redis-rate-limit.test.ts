import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { POST } from "@/app/api/tests/route";
import { resetLimitsForTests } from "@/lib/api/limits";
import { resetRunQueueForTests } from "@/lib/api/queued-run";
import type { RateRule } from "@/lib/api/rate-limit";
import { closeSharedRedisRateLimitsForTests, COMMAND_TIMEOUT_MS, KEY_PREFIX, RedisRateLimits } from "@/lib/api/rate-limit-redis";
import { env, resetEnvForTests } from "@/lib/config/env";
import { setLogDestinationForTests } from "@/lib/log/logger";
import { replaceStoreForTests } from "@/lib/store";
import { startRedis, type RedisServer } from "../support/redis";

/**
 * Several instances: with RCA_REDIS_URL the rate limits are counted once for all of them. Each RedisRateLimits is one
 * app instance (its own connection); all talk to one private redis-server on 127.0.170.x.
 */

const MINUTE = 60_000;
const ENV_KEYS = ["RCA_DATABASE_URL", "RCA_ALLOW_PRIVATE_TARGETS", "RCA_RATE_LIMIT", "RCA_TARGET_RATE_LIMIT", "RCA_REDIS_URL", "RCA_TRUST_PROXY"] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));

let redis: RedisServer;
let dir = "";
const logged: string[] = [];
const instances: RedisRateLimits[] = [];
let keyNumber = 0;

/** A key no other test has used: tests share one server. */
const freshKey = (kind: "client" | "target") => `${kind}:test-${process.pid}-${(keyNumber += 1)}`;

function instance(url = redis.url): RedisRateLimits {
  const limits = new RedisRateLimits(url);
  instances.push(limits);
  return limits;
}

function logLines(event: string): Record<string, unknown>[] {
  return logged.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.event === event);
}

function configure(values: Partial<Record<(typeof ENV_KEYS)[number], string>>): void {
  for (const key of ENV_KEYS) delete process.env[key];
  Object.assign(process.env, { RCA_DATABASE_URL: `file:${join(dir, "rca.sqlite")}`, RCA_ALLOW_PRIVATE_TARGETS: "false" }, values);
  resetEnvForTests();
  resetLimitsForTests();
  resetRunQueueForTests();
  replaceStoreForTests(undefined);
}

beforeAll(async () => {
  setLogDestinationForTests({ write: (line: string) => void logged.push(line) });
  dir = mkdtempSync(join(tmpdir(), "rca-redis-limits-"));
  const started = Date.now();
  redis = await startRedis();
  expect(Date.now() - started).toBeLessThan(5_000);
});

afterEach(async () => {
  for (const limits of instances.splice(0)) await limits.close();
  await closeSharedRedisRateLimitsForTests();
  logged.length = 0;
});

afterAll(async () => {
  setLogDestinationForTests();
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
  resetEnvForTests();
  resetLimitsForTests();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("two instances on one Redis", () => {
  it("share one count: the N+1th request across both is refused with the seconds until the oldest leaves", async () => {
    const rule: RateRule = { limit: 3, windowMs: 10 * MINUTE };
    const [a, b] = [instance().limiter(rule), instance().limiter(rule)];
    const key = freshKey("client");
    const t0 = 1_000_000_000_000;

    expect(await a.take(key, t0)).toEqual({ allowed: true, retryAfterS: 0 });
    expect(await b.take(key, t0 + 1000)).toEqual({ allowed: true, retryAfterS: 0 });
    expect(await a.take(key, t0 + 2000)).toEqual({ allowed: true, retryAfterS: 0 });

    expect(await b.take(key, t0 + 5000)).toEqual({ allowed: false, retryAfterS: 595 });
    expect(await a.take(key, t0 + 5000)).toEqual({ allowed: false, retryAfterS: 595 });
    expect((await b.take(key, t0 + 10 * MINUTE - 1000)).allowed).toBe(false);
    expect((await a.take(key, t0 + 10 * MINUTE)).allowed).toBe(true);
  });

  it("never lets more than N through when both take at once", async () => {
    const rule: RateRule = { limit: 5, windowMs: MINUTE };
    const [a, b] = [instance().limiter(rule), instance().limiter(rule)];
    const key = freshKey("client");
    const now = Date.now();
    const decisions = await Promise.all(Array.from({ length: 40 }, (_, index) => (index % 2 ? a : b).take(key, now)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
  });

  it("slides like the in-memory limiter: only requests that left the window make room", async () => {
    const rule: RateRule = { limit: 2, windowMs: MINUTE };
    const [a, b] = [instance().limiter(rule), instance().limiter(rule)];
    const key = freshKey("client");
    const t0 = 1_700_000_040_000;
    expect((await a.take(key, t0)).allowed).toBe(true);
    expect((await b.take(key, t0 + 30_000)).allowed).toBe(true);
    expect(await a.take(key, t0 + 31_000)).toEqual({ allowed: false, retryAfterS: 29 });
    expect((await b.take(key, t0 + 60_000)).allowed).toBe(true);
    expect(await a.take(key, t0 + 61_000)).toEqual({ allowed: false, retryAfterS: 29 });
    expect((await b.take(key, t0 + 90_000)).allowed).toBe(true);
  });

  it("takes several at once, all or none, with the in-memory limiter's arithmetic", async () => {
    const rule: RateRule = { limit: 3, windowMs: MINUTE };
    const [a, b] = [instance().limiter(rule), instance().limiter(rule)];
    const key = freshKey("client");
    const t0 = 1_700_000_040_000;
    expect(await a.take(key, t0)).toEqual({ allowed: true, retryAfterS: 0 });
    expect(await b.take(key, t0 + 10_000, 2)).toEqual({ allowed: true, retryAfterS: 0 });
    expect(await a.take(key, t0 + 20_000, 2)).toEqual({ allowed: false, retryAfterS: 50 });
    expect((await b.take(key, t0 + MINUTE, 2)).allowed).toBe(false);
    expect(await a.take(key, t0 + MINUTE)).toEqual({ allowed: true, retryAfterS: 0 });
  });

  it("expires with real time, and keeps each key under rca:rl: only as long as its window", async () => {
    const rule: RateRule = { limit: 1, windowMs: 1000 };
    const [a, b] = [instance().limiter(rule), instance().limiter(rule)];
    // Both connections up first: on a loaded machine a connection still being made fails open, by design.
    await Promise.all([a.take(freshKey("client"), Date.now()), b.take(freshKey("client"), Date.now())]);
    const key = freshKey("client");
    expect((await a.take(key, Date.now())).allowed).toBe(true);
    expect(await b.take(key, Date.now())).toEqual({ allowed: false, retryAfterS: 1 });

    const raw = new Redis(redis.url);
    try {
      const ttl = await raw.pttl(`${KEY_PREFIX}${key}`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(1000 + Math.ceil(1000 / 60));
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await b.take(key, Date.now())).allowed).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await raw.exists(`${KEY_PREFIX}${key}`)).toBe(0);
    } finally {
      raw.disconnect();
    }
  });

  it("doesn't count refused requests", async () => {
    const rule: RateRule = { limit: 1, windowMs: MINUTE };
    const [a, b] = [instance().limiter(rule), instance().limiter(rule)];
    const key = freshKey("client");
    const t0 = 1_700_000_040_000;
    await a.take(key, t0);
    for (let s = 1; s < 60; s += 7) expect((await (s % 2 ? a : b).take(key, t0 + s * 1000)).retryAfterS).toBe(60 - s);
    expect((await b.take(key, t0 + MINUTE)).allowed).toBe(true);
  });

  it("shares the per-target limit between clients of different instances, through POST /api/tests", async () => {
    configure({ RCA_REDIS_URL: redis.url, RCA_RATE_LIMIT: "100/60s", RCA_TARGET_RATE_LIMIT: "2/60s" });
    // The other instance has already started two tests of 127.0.0.1 (for other clients).
    const other = instance().limiter({ limit: 2, windowMs: MINUTE });
    await other.take("target:127.0.0.1", Date.now());
    await other.take("target:127.0.0.1", Date.now());

    const response = await POST(
      new Request("http://analyzer.example/api/tests", {
        method: "POST",
        headers: { "content-type": "application/json", host: "analyzer.example" },
        body: JSON.stringify({ test: "tls-certificate", host: "127.0.0.1" }),
      }),
    );
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(59);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // And a key named as documented.
    const raw = new Redis(redis.url);
    try {
      expect(await raw.exists(`${KEY_PREFIX}target:127.0.0.1`)).toBe(1);
    } finally {
      await raw.del(`${KEY_PREFIX}target:127.0.0.1`);
      raw.disconnect();
    }
  });
});

describe("Redis down", () => {
  it("allows every request, quickly, and logs the outage once; counts again once Redis is back", async () => {
    const rule: RateRule = { limit: 1, windowMs: MINUTE };
    const limits = instance();
    const limiter = limits.limiter(rule);
    const other = limits.limiter({ limit: 1, windowMs: 10 * MINUTE });
    expect((await limiter.take(freshKey("client"), Date.now())).allowed).toBe(true);

    await redis.pause();
    try {
      const key = freshKey("client");
      for (let i = 0; i < 10; i += 1) {
        const started = Date.now();
        expect(await (i % 2 ? limiter : other).take(key, Date.now())).toEqual({ allowed: true, retryAfterS: 0 });
        expect(Date.now() - started).toBeLessThan(COMMAND_TIMEOUT_MS + 250);
      }
      expect(await limits.answers()).toBe(false);
      expect(logLines("ratelimit.redis.unavailable")).toHaveLength(1);
      expect(logLines("ratelimit.redis.unavailable")[0]).toMatchObject({ level: "warn", redis: `redis://${redis.host}:${redis.port}` });
    } finally {
      await redis.resume();
    }

    // The client reconnects by itself (backoff at most 2 s); then the count is enforced again.
    const key = freshKey("client");
    const deadline = Date.now() + 10_000;
    while (!(await limits.answers()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await limiter.take(key, Date.now())).allowed).toBe(true);
    expect((await limiter.take(key, Date.now())).allowed).toBe(false);
    expect(logLines("ratelimit.redis.unavailable")).toHaveLength(1);
    expect(logLines("ratelimit.redis.restored")).toHaveLength(1);
  });

  it("allows requests when Redis was never there, and health says so without failing", async () => {
    const nowhere = `redis://${redis.host}:1`;
    configure({ RCA_REDIS_URL: nowhere, RCA_RATE_LIMIT: "1/60s" });
    const limiter = instance(nowhere).limiter({ limit: 1, windowMs: MINUTE });
    for (let i = 0; i < 3; i += 1) expect((await limiter.take("client:x", Date.now())).allowed).toBe(true);
    expect(logLines("ratelimit.redis.unavailable")).toHaveLength(1);

    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", redis: "unreachable" });
  });

  it("health reports a reachable Redis, and no redis field without RCA_REDIS_URL", async () => {
    configure({ RCA_REDIS_URL: redis.url });
    expect(await (await health()).json()).toMatchObject({ status: "ok", redis: "ok" });
    configure({});
    expect(await (await health()).json()).not.toHaveProperty("redis");
  });
});

describe("the password", () => {
  it("never appears in a log line when Redis refuses it", async () => {
    const secured = await startRedis({ requirePass: "right-horse-battery" });
    try {
      const url = `redis://:wrong-staple-8641@${secured.host}:${secured.port}`;
      const limiter = instance(url).limiter({ limit: 1, windowMs: MINUTE });
      for (let i = 0; i < 3; i += 1) expect((await limiter.take("client:x", Date.now())).allowed).toBe(true);
      expect(logLines("ratelimit.redis.unavailable")).toHaveLength(1);
      expect(logged.join("\n")).not.toContain("wrong-staple-8641");

      // With the right one, counting works.
      const counted = instance(secured.url).limiter({ limit: 1, windowMs: MINUTE });
      expect((await counted.take("client:y", Date.now())).allowed).toBe(true);
      expect((await counted.take("client:y", Date.now())).allowed).toBe(false);
      expect(logged.join("\n")).not.toContain("right-horse-battery");
    } finally {
      await secured.stop();
    }
  });

  it("never appears in the configuration error of a bad RCA_REDIS_URL", () => {
    for (const bad of [
      "http://:hunter2-secret@cache:6379",
      "redis://:hunter2-secret@",
      "redis://:hunter2-secret@cache:99999",
      "redis://:hunter2-secret@cache/not-a-db",
    ]) {
      configure({ RCA_REDIS_URL: bad });
      expect(() => env(), bad).toThrow(/RCA_REDIS_URL/);
      expect(() => env()).not.toThrow(/hunter2-secret/);
    }
    configure({ RCA_REDIS_URL: "rediss://user:hunter2-secret@cache.internal:6380/2" });
    expect(env().RCA_REDIS_URL).toBe("rediss://user:hunter2-secret@cache.internal:6380/2");
    configure({ RCA_REDIS_URL: "" });
    expect(env().RCA_REDIS_URL).toBeUndefined();
  });
});
