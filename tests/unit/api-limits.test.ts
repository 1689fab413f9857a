import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { POST } from "@/app/api/tests/route";
import { readServerSentEvents, type ServerSentEvent } from "@/components/sse";
import { clientKey, DIRECT_CLIENTS } from "@/lib/api/client-address";
import { isCrossSite } from "@/lib/api/cross-site";
import { resetLimitsForTests } from "@/lib/api/limits";
import { resetRunQueueForTests, testRunQueue } from "@/lib/api/queued-run";
import { resetEnvForTests } from "@/lib/config/env";
import { setLogDestinationForTests } from "@/lib/log/logger";
import { replaceStoreForTests, resultStore } from "@/lib/store";
import type { ResultStore } from "@/lib/store/types";

/**
 * The API's limits, through the route handlers themselves. Every test run aims at 127.0.0.1 with private targets
 * disallowed: a valid request that fails fast with TARGET_FORBIDDEN, so nothing leaves the machine.
 */

const ENV_KEYS = [
  "RCA_DATABASE_URL",
  "RCA_ALLOW_PRIVATE_TARGETS",
  "RCA_RATE_LIMIT",
  "RCA_TARGET_RATE_LIMIT",
  "RCA_MAX_CONCURRENT_TESTS",
  "RCA_TRUST_PROXY",
] as const;
type EnvKey = (typeof ENV_KEYS)[number];

const saved = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
let dir = "";
let dbPath = "";

function configure(values: Partial<Record<EnvKey, string>>): void {
  for (const key of ENV_KEYS) delete process.env[key];
  Object.assign(process.env, { RCA_DATABASE_URL: `file:${dbPath}`, RCA_ALLOW_PRIVATE_TARGETS: "false" }, values);
  resetEnvForTests();
  resetLimitsForTests();
  resetRunQueueForTests();
}

function storedCount(): number {
  resultStore(); // creates the file on first use
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM results").pluck().get() as number;
  } finally {
    db.close();
  }
}

const HOST = "analyzer.example:3000";

function post(body: Record<string, unknown>, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  return POST(
    new Request(`http://${HOST}/api/tests`, {
      method: "POST",
      headers: { "content-type": "application/json", host: HOST, ...headers },
      body: JSON.stringify(body),
      signal,
    }),
  );
}

const forbiddenTarget = (host = "127.0.0.1") => ({ test: "tls-certificate", host });

/** Reads server-sent events until `until` matches one; answers all read so far. */
async function eventsUntil(events: AsyncGenerator<ServerSentEvent>, until: (event: ServerSentEvent) => boolean): Promise<ServerSentEvent[]> {
  const seen: ServerSentEvent[] = [];
  for (;;) {
    const next = await events.next();
    if (next.done) return seen;
    seen.push(next.value);
    if (until(next.value)) return seen;
  }
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rca-api-limits-"));
  dbPath = join(dir, "rca.sqlite");
});

beforeEach(() => configure({}));

afterEach(async () => {
  await resultStore()
    .close()
    .catch(() => {});
  replaceStoreForTests(undefined);
});

afterAll(() => {
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvForTests();
  resetLimitsForTests();
  resetRunQueueForTests();
  rmSync(dir, { recursive: true, force: true });
});

describe("POST /api/tests: per-client rate limit", () => {
  it("answers 429 with Retry-After and the error object past N tests, before running anything", async () => {
    configure({ RCA_RATE_LIMIT: "3/600s" });
    const before = storedCount();
    for (let i = 0; i < 3; i += 1) {
      const response = await post(forbiddenTarget());
      expect(response.status).toBe(201);
      const body = (await response.json()) as { result: { steps: Array<{ problem?: string }> } };
      expect(body.result.steps.some((step) => step.problem === "TARGET_FORBIDDEN")).toBe(true);
    }
    expect(storedCount()).toBe(before + 3);

    const refused = await post(forbiddenTarget());
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(600);
    const body = (await refused.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/Too many tests.*3 per 10 min.*Try again in \d+ min/);
    expect(storedCount()).toBe(before + 3);
  });

  it("doesn't count requests with bad input", async () => {
    configure({ RCA_RATE_LIMIT: "1/600s" });
    expect((await post({ test: "tls-certificate", host: "not a host" })).status).toBe(400);
    expect((await post(forbiddenTarget())).status).toBe(201);
    expect((await post(forbiddenTarget())).status).toBe(429);
  });

  it("shares one budget between direct clients: a forged X-Forwarded-For buys nothing without RCA_TRUST_PROXY", async () => {
    configure({ RCA_RATE_LIMIT: "2/600s" });
    expect((await post(forbiddenTarget(), { "x-forwarded-for": "198.51.100.1" })).status).toBe(201);
    expect((await post(forbiddenTarget(), { "x-forwarded-for": "198.51.100.2" })).status).toBe(201);
    expect((await post(forbiddenTarget(), { "x-forwarded-for": "198.51.100.3" })).status).toBe(429);
  });

  it("counts each client apart behind a trusted proxy (first X-Forwarded-For entry)", async () => {
    configure({ RCA_RATE_LIMIT: "1/600s", RCA_TRUST_PROXY: "true" });
    expect((await post(forbiddenTarget(), { "x-forwarded-for": "198.51.100.1, 10.0.0.1" })).status).toBe(201);
    expect((await post(forbiddenTarget(), { "x-forwarded-for": "198.51.100.2, 10.0.0.1" })).status).toBe(201);
    expect((await post(forbiddenTarget(), { "x-forwarded-for": "198.51.100.1" })).status).toBe(429);
  });

  it("answers a rate-limited form post without JavaScript with a page, not JSON", async () => {
    configure({ RCA_RATE_LIMIT: "1/600s" });
    const form = (referer: string) =>
      POST(
        new Request(`http://${HOST}/api/tests`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", host: HOST, origin: `http://${HOST}`, referer },
          body: new URLSearchParams({ test: "tls-certificate", host: "127.0.0.1" }).toString(),
        }),
      );
    const first = await form(`http://${HOST}/tests/tls-certificate`);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toMatch(/^\/r\/[A-Za-z0-9_-]{22}$/);
    const refused = await form(`http://${HOST}/tests/tls-certificate`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("content-type")).toContain("text/html");
    const html = await refused.text();
    expect(html).toContain("too many tests");
    expect(html).toContain('href="/tests/tls-certificate"');
  });

  it("counts a test asked for from several vantage points once per vantage point", async () => {
    // This process runs tests itself: its one vantage point is RCA_VANTAGE ("default").
    configure({ RCA_RATE_LIMIT: "2/600s" });
    const response = await post({ ...forbiddenTarget(), vantages: ["default"] });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { result: { vantages: Array<{ name: string }>; steps: Array<{ code: string }> } };
    expect(body.result.vantages.map((vantage) => vantage.name)).toEqual(["default"]);
    expect(body.result.steps.map((step) => step.code)).toEqual(["vantage.default"]);
    expect((await post(forbiddenTarget())).status).toBe(201);
    expect((await post(forbiddenTarget())).status).toBe(429);

    // A place nobody runs is refused (400) before anything counts
    configure({ RCA_RATE_LIMIT: "2/600s" });
    const nowhere = await post({ ...forbiddenTarget(), vantages: ["default", "outside"] });
    expect(nowhere.status).toBe(400);
    expect(((await nowhere.json()) as { error: { issues: Array<{ path: string; message: string }> } }).error.issues).toEqual([
      { path: "vantages", message: 'No worker is running at the vantage point "outside" (live now: default).' },
    ]);
    expect((await post(forbiddenTarget())).status).toBe(201);
    expect((await post(forbiddenTarget())).status).toBe(201);
  });

  it("is off with RCA_RATE_LIMIT=0", async () => {
    configure({ RCA_RATE_LIMIT: "0" });
    for (let i = 0; i < 5; i += 1) expect((await post(forbiddenTarget())).status).toBe(201);
  });
});

describe("POST /api/tests: per-target rate limit", () => {
  it("stops many clients aiming at one host at 4 × the per-client limit, and leaves other hosts alone", async () => {
    configure({ RCA_RATE_LIMIT: "1/600s", RCA_TRUST_PROXY: "true" });
    for (let i = 1; i <= 4; i += 1) expect((await post(forbiddenTarget(), { "x-forwarded-for": `198.51.100.${i}` })).status).toBe(201);
    const refused = await post(forbiddenTarget(), { "x-forwarded-for": "198.51.100.5" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("Too many tests of 127.0.0.1");
    // Only that host is saturated: a new client can test another one.
    expect((await post(forbiddenTarget("10.0.0.1"), { "x-forwarded-for": "198.51.100.6" })).status).toBe(201);
  });

  it("takes its own rule from RCA_TARGET_RATE_LIMIT, and counts an e-mail address by its domain", async () => {
    configure({ RCA_RATE_LIMIT: "100/600s", RCA_TARGET_RATE_LIMIT: "2/60s" });
    expect((await post(forbiddenTarget("10.1.2.3"))).status).toBe(201);
    expect((await post(forbiddenTarget("10.1.2.3"))).status).toBe(201);
    expect((await post(forbiddenTarget("10.1.2.3"))).status).toBe(429);

    configure({ RCA_RATE_LIMIT: "100/600s", RCA_TARGET_RATE_LIMIT: "1/60s" });
    const autodiscover = (email: string) => post({ test: "autodiscover", emailAddress: email }, {}, AbortSignal.abort());
    // The queue refuses the aborted request after the limits have counted it: nothing runs, no network.
    expect((await autodiscover("alice@victim.invalid")).status).toBe(499);
    const refused = await autodiscover("bob@VICTIM.invalid");
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("victim.invalid");
  });
});

describe("POST /api/tests: cross-site posts", () => {
  it("refuses another site's Origin, Origin: null and Sec-Fetch-Site: cross-site with 403, running and counting nothing", async () => {
    configure({ RCA_RATE_LIMIT: "1/600s" });
    const before = storedCount();
    const crossSite: Array<Record<string, string>> = [
      { origin: "https://evil.example" },
      { origin: "http://analyzer.example:3001" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { origin: `http://${HOST}`, "sec-fetch-site": "cross-site" },
    ];
    for (const headers of crossSite) {
      const response = await post(forbiddenTarget(), headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain("another site");
    }
    expect(storedCount()).toBe(before);
    // Nothing was counted either: the one allowed test is still there.
    expect((await post(forbiddenTarget(), { origin: `http://${HOST}`, "sec-fetch-site": "same-origin" })).status).toBe(201);
  });

  it("keeps same-origin posts working: fetch from the page, a form post without JavaScript, and non-browser clients", async () => {
    expect((await post(forbiddenTarget(), { origin: `http://${HOST}`, "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect((await post(forbiddenTarget(), { origin: "HTTP://Analyzer.Example:3000" })).status).toBe(201);
    expect((await post(forbiddenTarget())).status).toBe(201);
    const form = await POST(
      new Request(`http://${HOST}/api/tests`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", host: HOST, origin: `http://${HOST}`, "sec-fetch-site": "same-origin" },
        body: "test=tls-certificate&host=127.0.0.1",
      }),
    );
    expect(form.status).toBe(303);
  });

  it("compares with X-Forwarded-Host only behind a trusted proxy", () => {
    const headers = new Headers({ host: "127.0.0.1:3000", origin: "https://rca.example.com", "x-forwarded-host": "rca.example.com" });
    expect(isCrossSite(headers, true)).toBe(false);
    expect(isCrossSite(headers, false)).toBe(true);
    expect(isCrossSite(new Headers({ host: "rca.example.com", origin: "https://rca.example.com" }), false)).toBe(false);
    expect(isCrossSite(new Headers({ host: "rca.example.com:443", origin: "https://rca.example.com" }), false)).toBe(false);
    expect(isCrossSite(new Headers({ host: "rca.example.com", origin: "https://rca.example.com.evil.example" }), false)).toBe(true);
    expect(isCrossSite(new Headers({ host: "rca.example.com", origin: "file://" }), false)).toBe(true);
  });
});

describe("client address", () => {
  it("is the connection's own address under server.mjs (npm start), which sets its header on every request", () => {
    process.env.RCA_PEER_ADDRESS_HEADER = "x-rca-peer-address";
    try {
      expect(clientKey(new Headers({ "x-rca-peer-address": "::ffff:198.51.100.7", "x-forwarded-for": "203.0.113.9" }), false)).toBe("198.51.100.7");
      expect(clientKey(new Headers({ "x-rca-peer-address": "2001:db8:1:2:3:4:5:6" }), false)).toBe("2001:db8:1:2::/64");
    } finally {
      delete process.env.RCA_PEER_ADDRESS_HEADER;
    }
    // Under plain `next start` the same header is the client's own: not trusted
    expect(clientKey(new Headers({ "x-rca-peer-address": "198.51.100.7" }), false)).toBe(DIRECT_CLIENTS);
  });

  it("is one shared key without a trusted proxy, whatever the headers say", () => {
    expect(clientKey(new Headers({ "x-forwarded-for": "203.0.113.9" }), false)).toBe(DIRECT_CLIENTS);
  });

  it("is the first X-Forwarded-For entry behind a trusted proxy, IPv6 by /64, IPv4-mapped as IPv4", () => {
    const key = (value: string) => clientKey(new Headers({ "x-forwarded-for": value }), true);
    expect(key("203.0.113.9, 10.0.0.1")).toBe("203.0.113.9");
    expect(key("203.0.113.9:51234")).toBe("203.0.113.9");
    expect(key("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(key("[2001:DB8:1:2:bbbb::2]:443")).toBe("2001:db8:1:2::/64");
    expect(key("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(key("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(key("garbage")).toBe(DIRECT_CLIENTS);
    expect(clientKey(new Headers(), true)).toBe(DIRECT_CLIENTS);
  });
});

describe("POST /api/tests: concurrency cap and queue", () => {
  it("queues past RCA_MAX_CONCURRENT_TESTS, streams the position, and answers every waiter in order", async () => {
    configure({ RCA_MAX_CONCURRENT_TESTS: "1" });
    const release = await testRunQueue().acquire(); // a long test holds the only slot
    const stream = { accept: "text/event-stream" };
    const first = readServerSentEvents((await post(forbiddenTarget(), stream)).body!);
    const second = readServerSentEvents((await post(forbiddenTarget(), stream)).body!);
    const json = post(forbiddenTarget());

    expect((await first.next()).value).toEqual({ event: "queue", data: JSON.stringify({ ahead: 0 }) });
    expect((await second.next()).value).toEqual({ event: "queue", data: JSON.stringify({ ahead: 1 }) });
    await settle();
    expect(testRunQueue().waiting).toBe(3);

    release();
    const firstEvents = await eventsUntil(first, (event) => event.event === "result");
    expect(firstEvents.at(0)?.event).toBe("start");
    expect(firstEvents.at(-1)?.event).toBe("result");
    // The second moved up to next in line while the first ran, then ran too.
    const secondEvents = await eventsUntil(second, (event) => event.event === "result");
    expect(secondEvents.at(0)).toEqual({ event: "queue", data: JSON.stringify({ ahead: 0 }) });
    expect(secondEvents.at(-1)?.event).toBe("result");
    expect((await json).status).toBe(201);
    expect([testRunQueue().running, testRunQueue().waiting]).toEqual([0, 0]);
  });

  it("frees the place of a client that leaves while waiting (stream cancelled, or request aborted)", async () => {
    configure({ RCA_MAX_CONCURRENT_TESTS: "1" });
    const release = await testRunQueue().acquire();
    const before = storedCount();

    const streamed = await post(forbiddenTarget(), { accept: "text/event-stream" });
    const reader = streamed.body!.getReader();
    await reader.read(); // the queue event
    const aborted = new AbortController();
    const json = post(forbiddenTarget(), {}, aborted.signal);
    const streamedAbort = new AbortController();
    const viaSignal = await post(forbiddenTarget(), { accept: "text/event-stream" }, streamedAbort.signal);
    await settle();
    expect(testRunQueue().waiting).toBe(3);

    await reader.cancel();
    aborted.abort();
    streamedAbort.abort();
    await settle();
    expect(testRunQueue().waiting).toBe(0);
    expect((await json).status).toBe(499);
    await viaSignal.body?.cancel();

    release();
    await settle();
    expect(testRunQueue().running).toBe(0);
    expect(storedCount()).toBe(before); // none of them ran
  });
});

describe("GET /api/health", () => {
  it("answers 200 ok while the store answers", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", store: "ok", tests: { running: 0, waiting: 0 } });
  });

  it("answers 503 when the store throws, or its database is closed", async () => {
    const errors: unknown[] = [];
    setLogDestinationForTests({ write: (line: string) => void errors.push(line) });
    try {
      const failing: ResultStore = {
        save: async () => {},
        get: async () => undefined,
        delete: async () => "missing" as const,
        purgeExpired: async () => 0,
        ping: async () => {
          throw new Error("connection refused");
        },
        close: async () => {},
      };
      replaceStoreForTests(failing);
      const response = await health();
      expect(response.status).toBe(503);
      expect(((await response.json()) as { status: string }).status).toBe("unavailable");

      replaceStoreForTests(undefined);
      await resultStore().close();
      expect((await health()).status).toBe(503);
    } finally {
      setLogDestinationForTests();
    }
    // Logged when the outage starts, not on every probe.
    expect(errors).toHaveLength(1);
    replaceStoreForTests(undefined);
    expect((await health()).status).toBe(200);
  });
});
