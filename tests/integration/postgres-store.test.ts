import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { RESULT_SCHEMA_VERSION, type TestResult } from "@/lib/engine/types";
import { setLogDestinationForTests } from "@/lib/log/logger";
import { hashDeleteToken, openStore, replaceStoreForTests } from "@/lib/store";
import { openPostgresStore, type PostgresStore } from "@/lib/store/postgres";
import { POSTGRES_MIGRATIONS } from "@/lib/store/postgres-migrations";
import { readStoredResult, UnknownResultVersionError } from "@/lib/store/result-version";
import type { ResultStore } from "@/lib/store/types";
import { startPostgres, type PostgresServer } from "../support/postgres";
import { startSilentServer } from "../support/servers";

/**
 * The result store's contract, run against SQLite and against a real PostgreSQL (a private cluster on 127.0.160.x),
 * then what only PostgreSQL is for: several instances sharing one database, migrations started by all of them at
 * once, and a server that is down.
 */

const DAY = 86_400_000;
const NOW = new Date("2026-06-01T12:00:00Z");
const LATER = new Date(NOW.getTime() + DAY);
const TOKEN_HASH = hashDeleteToken("the-delete-token-of-its-creator");

let postgres: PostgresServer;
let dir: string;
let databases = 0;
const logged: string[] = [];
const opened: ResultStore[] = [];

beforeAll(async () => {
  setLogDestinationForTests({ write: (line: string) => void logged.push(line) });
  dir = mkdtempSync(join(tmpdir(), "rca-store-contract-"));
  const started = Date.now();
  postgres = await startPostgres();
  // The cluster is part of every test's budget: it must start in a few seconds.
  expect(Date.now() - started).toBeLessThan(10_000);
});

afterEach(async () => {
  replaceStoreForTests(undefined);
  for (const store of opened.splice(0)) await store.close().catch(() => {});
});

afterAll(async () => {
  setLogDestinationForTests();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function track<T extends ResultStore>(store: T): T {
  opened.push(store);
  return store;
}

/** A URL to a new, empty database: each test starts from nothing. */
async function freshDatabase(): Promise<string> {
  databases += 1;
  return postgres.createDatabase(`contract_${databases}`);
}

let sequence = 0;
function result(overrides: Partial<TestResult> & { host?: string; minute?: number } = {}): TestResult {
  sequence += 1;
  const { host = "mail.contoso.com", minute = 0, ...rest } = overrides;
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    id: `contract-${String(sequence).padStart(5, "0")}-aaaaaaaaaa`,
    test: "tls-certificate",
    input: { test: "tls-certificate", host, port: 443, ignoreTrust: false },
    startedAt: new Date(Date.UTC(2026, 5, 1, 11, minute)).toISOString(),
    elapsedMs: 42,
    verdict: "success",
    steps: [
      {
        code: "tls.handshake",
        title: "Attempting the TLS handshake.",
        status: "success",
        message: "ok",
        elapsedMs: 1,
        // Details are shown in their key order: a store must not reorder them.
        details: { protocol: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384", alpn: "none", a: 1 },
        children: [],
      },
    ],
    ...rest,
  };
}

const backends: Array<{ name: string; open: () => Promise<ResultStore> }> = [
  {
    name: "SQLite",
    open: async () => openStore(`file:${join(dir, `contract-${++databases}.sqlite`)}`),
  },
  {
    name: "PostgreSQL",
    open: async () => openStore(await freshDatabase()),
  },
];

describe.each(backends)("the $name result store", ({ open }) => {
  it("serves back exactly what it saved, key order and control characters included, and nothing it didn't", async () => {
    const store = track(await open());
    const saved = result({ steps: [{ ...result().steps[0]!, message: 'banner \u0000\u0007 ümlaut ✓ "quoted" \\ end' }] });
    await store.save(saved, LATER, undefined, "mail.contoso.com");

    const read = await store.get(saved.id, NOW);
    expect(read).toEqual(saved);
    expect(JSON.stringify(read)).toBe(JSON.stringify(saved));
    expect(await store.get("unknown-aaaaaaaaaaaaaaaa", NOW)).toBeUndefined();
  });

  it("refuses a second result with the same id", async () => {
    const store = track(await open());
    const saved = result();
    await store.save(saved, LATER);
    await expect(store.save(saved, LATER)).rejects.toThrow();
  });

  it("hides expired results, then purges exactly those", async () => {
    const store = track(await open());
    const expired = result();
    const current = result();
    await store.save(expired, new Date(NOW.getTime() - 1), undefined, "mail.contoso.com");
    await store.save(current, LATER, undefined, "mail.contoso.com");

    expect(await store.get(expired.id, NOW)).toBeUndefined();
    expect(await store.get(expired.id, new Date(NOW.getTime() - 2))).toEqual(expired);
    expect(await store.get(current.id, NOW)).toEqual(current);
    expect(await store.purgeExpired(NOW)).toBe(1);
    expect(await store.purgeExpired(NOW)).toBe(0);
    expect(await store.get(current.id, NOW)).toEqual(current);
  });

  it("deletes a result for the holder of its token only", async () => {
    const store = track(await open());
    const withToken = result();
    const withoutToken = result();
    await store.save(withToken, new Date(Date.now() + DAY), TOKEN_HASH);
    await store.save(withoutToken, new Date(Date.now() + DAY));

    expect(await store.delete(withToken.id, hashDeleteToken("someone-else-entirely"))).toBe("forbidden");
    expect(await store.delete(withoutToken.id, TOKEN_HASH)).toBe("forbidden");
    expect(await store.delete("unknown-aaaaaaaaaaaaaaaa", TOKEN_HASH)).toBe("missing");
    expect(await store.get(withToken.id)).toBeDefined();

    expect(await store.delete(withToken.id, TOKEN_HASH)).toBe("deleted");
    expect(await store.get(withToken.id)).toBeUndefined();
    expect(await store.delete(withToken.id, TOKEN_HASH)).toBe("missing");
  });

  it("treats an expired result as missing when asked to delete it", async () => {
    const store = track(await open());
    const expired = result();
    await store.save(expired, new Date(Date.now() - 1_000), TOKEN_HASH);
    expect(await store.delete(expired.id, TOKEN_HASH)).toBe("missing");
  });

  it("lists a host's unexpired results newest first, by test, up to a limit", async () => {
    const store = track(await open());
    const oldest = result({ minute: 1, verdict: "error" });
    const newest = result({ minute: 5 });
    const sameMinuteFirst = result({ minute: 3 });
    const sameMinuteSecond = result({ minute: 3, verdict: "warning" });
    const otherTest = result({ minute: 4, test: "smtp-inbound" });
    const expired = result({ minute: 6 });
    const otherHost = result({ minute: 2, host: "mail.fabrikam.com" });
    for (const saved of [oldest, newest, sameMinuteFirst, sameMinuteSecond, otherTest, otherHost])
      await store.save(saved, LATER, undefined, saved.input.host as string);
    await store.save(expired, new Date(NOW.getTime() - 1), undefined, "mail.contoso.com");
    // A result without a target is never listed.
    await store.save(result({ minute: 7 }), LATER);

    const all = await store.list!({ host: "Mail.Contoso.COM", limit: 20, now: NOW });
    expect(all.map((row) => row.id)).toEqual([newest.id, otherTest.id, sameMinuteSecond.id, sameMinuteFirst.id, oldest.id]);
    expect(all[4]).toEqual({ id: oldest.id, test: "tls-certificate", startedAt: oldest.startedAt, verdict: "error" });

    const tls = await store.list!({ host: "mail.contoso.com", test: "tls-certificate", limit: 20, now: NOW });
    expect(tls.map((row) => row.id)).toEqual([newest.id, sameMinuteSecond.id, sameMinuteFirst.id, oldest.id]);
    expect((await store.list!({ host: "mail.contoso.com", limit: 2, now: NOW })).map((row) => row.id)).toEqual([newest.id, otherTest.id]);
    expect(await store.list!({ host: "nothing.example", limit: 20, now: NOW })).toEqual([]);
  });

  it("answers a ping", async () => {
    const store = track(await open());
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it("keeps a result of a format this version can't read, which readStoredResult then refuses clearly", async () => {
    const store = track(await open());
    const current = result();
    const future = { ...result(), schemaVersion: 99 } as unknown as TestResult;
    await store.save(current, LATER);
    await store.save(future, LATER);

    expect(readStoredResult(await store.get(current.id, NOW))).toEqual(current);
    const stored = await store.get(future.id, NOW);
    expect(() => readStoredResult(stored)).toThrow(UnknownResultVersionError);
    expect(() => readStoredResult(stored)).toThrow(/result format 99/);
  });
});

describe("the PostgreSQL result store across instances", () => {
  it("is picked for postgres:// and postgresql:// URLs, and two instances on one database see each other's results", async () => {
    const url = await freshDatabase();
    const first = track(openStore(url));
    const second = track(openStore(url.replace(/^postgres:/, "postgresql:")));
    const saved = result();
    const other = result({ minute: 9 });

    // delete() judges expiry by the clock: these live a day from now.
    const tomorrow = new Date(Date.now() + DAY);
    await first.save(saved, tomorrow, TOKEN_HASH, "mail.contoso.com");
    await second.save(other, tomorrow, undefined, "mail.contoso.com");
    expect(await second.get(saved.id)).toEqual(saved);
    expect((await first.list!({ host: "mail.contoso.com", limit: 10 })).map((row) => row.id)).toEqual([other.id, saved.id]);

    expect(await second.delete(saved.id, TOKEN_HASH)).toBe("deleted");
    expect(await first.get(saved.id)).toBeUndefined();
    expect(await first.delete(saved.id, TOKEN_HASH)).toBe("missing");
    expect(await first.purgeExpired(new Date(Date.now() + 2 * DAY))).toBe(1);
    expect(await second.get(other.id)).toBeUndefined();
  });

  it("applies each migration once when several instances start at the same moment", async () => {
    const url = await freshDatabase();
    const stores = Array.from({ length: 6 }, () => track(openPostgresStore(url)));
    const applied = await Promise.all(stores.map((store) => store.migrated));

    expect(applied.flat().sort()).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.name).sort());
    expect(applied.filter((names) => names.length > 0)).toHaveLength(1);
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name");
      expect(rows.map((row) => row.name)).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.name));
    } finally {
      await client.end();
    }
    await Promise.all(stores.map((store) => store.ping()));

    // A later start finds nothing to do.
    const later = track(openPostgresStore(url));
    expect(await later.migrated).toEqual([]);
  });
});

describe("the PostgreSQL result store when the server is down", () => {
  /** The time a promise takes to reject. */
  async function rejectionTime(promise: Promise<unknown>): Promise<number> {
    const started = Date.now();
    await expect(promise).rejects.toThrow();
    return Date.now() - started;
  }

  it("fails ping at once when nothing listens, and /api/health answers 503", async () => {
    const store = track(openStore(`postgres://rca@${postgres.host}:1/rca`)) as PostgresStore;
    await store.migrated.catch(() => {});
    expect(await rejectionTime(store.ping())).toBeLessThan(1_000);

    replaceStoreForTests(store);
    const started = Date.now();
    const response = await health();
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it("fails ping within its connect timeout when the server accepts but never answers", async () => {
    const silent = await startSilentServer({ host: postgres.host });
    try {
      const store = track(openStore(`postgres://rca@${postgres.host}:${silent.port}/rca`));
      const took = await rejectionTime(store.ping());
      expect(took).toBeLessThan(5_000);
    } finally {
      await silent.close();
    }
  });

  it("survives its server going away and answers again once it is back", async () => {
    const url = await freshDatabase();
    const store = track(openStore(url));
    const saved = result();
    await store.save(saved, LATER);
    await store.ping();

    await postgres.pause();
    try {
      // Idle pooled connections are closed under it: an event the store handles, not a crash.
      expect(await rejectionTime(store.ping())).toBeLessThan(2_000);
      await expect(store.get(saved.id, NOW)).rejects.toThrow();
    } finally {
      await postgres.resume();
    }
    await store.ping();
    expect(await store.get(saved.id, NOW)).toEqual(saved);
  });

  it("never shows the password of its URL, in an error or in the log", async () => {
    const secret = "s3cret-Pa55word";
    logged.length = 0;
    expect(() => openStore(`postgres://rca:${secret}@[not-an-address/rca`)).toThrow(/RCA_DATABASE_URL/);
    try {
      openStore(`postgres://rca:${secret}@[not-an-address/rca`);
    } catch (error) {
      expect(String((error as Error).stack)).not.toContain(secret);
    }

    const store = track(openStore(`postgres://rca:${secret}@${postgres.host}:1/rca`)) as PostgresStore;
    await store.migrated.catch(() => {});
    const failure = await store.ping().catch((error: unknown) => error as Error);
    expect(failure).toBeInstanceOf(Error);
    expect(`${(failure as Error).message} ${(failure as Error).stack}`).not.toContain(secret);
    expect(logged.join("")).toContain("migrations failed at start-up");

    // Even an error whose text carries the password (here a migration raising it; trust auth ignores the password)
    const database = new URL(await freshDatabase());
    database.password = secret;
    const raising = track(
      openPostgresStore(database.href, { migrations: [{ name: "001_raise", sql: `DO $$ BEGIN RAISE EXCEPTION 'the password is ${secret}'; END $$` }] }),
    );
    const raised = await raising.migrated.catch((error: unknown) => error as Error);
    expect(raised).toBeInstanceOf(Error);
    expect((raised as Error).message).toBe("the password is ***");
    expect(String((raised as Error).stack)).not.toContain(secret);
    expect(logged.join("")).not.toContain(secret);
  });
});
