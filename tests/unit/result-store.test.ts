import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { RESULT_SCHEMA_VERSION, type TestResult } from "@/lib/engine/types";
import { openStore } from "@/lib/store";
import { migrate } from "@/lib/store/sqlite";

const DAY = 86_400_000;
const dirs: string[] = [];

function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), "rca-store-"));
  dirs.push(dir);
  return join(dir, "nested", "rca.sqlite");
}

function result(id: string): TestResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    id,
    test: "tls-certificate",
    input: { test: "tls-certificate", host: "mail.contoso.com", port: 443, ignoreTrust: false },
    startedAt: new Date("2026-01-01T00:00:00Z").toISOString(),
    elapsedMs: 42,
    verdict: "success",
    steps: [
      {
        code: "dns.resolve",
        title: "Attempting to resolve the host name mail.contoso.com in DNS.",
        status: "success",
        message: "ok",
        elapsedMs: 1,
        children: [],
      },
    ],
  };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("SQLite result store", () => {
  it("creates its file (and folder) on first use and serves back what it saved", async () => {
    const path = tempPath();
    const store = openStore(`file:${path}`);
    expect(existsSync(path)).toBe(true);
    await store.save(result("id-one-aaaaaaaaaaaaaa"), new Date(Date.now() + DAY));
    expect(await store.get("id-one-aaaaaaaaaaaaaa")).toEqual(result("id-one-aaaaaaaaaaaaaa"));
    expect(await store.get("unknown-aaaaaaaaaaaaaa")).toBeUndefined();
    await store.close();
  });

  it("keeps results across restarts", async () => {
    const path = tempPath();
    const first = openStore(`file:${path}`);
    await first.save(result("persisted-aaaaaaaaaaaa"), new Date(Date.now() + DAY));
    await first.close();
    const second = openStore(`file:${path}`);
    expect((await second.get("persisted-aaaaaaaaaaaa"))?.id).toBe("persisted-aaaaaaaaaaaa");
    await second.close();
  });

  it("hides expired results and purges them", async () => {
    const store = openStore(`file:${tempPath()}`);
    const now = new Date("2026-06-01T00:00:00Z");
    await store.save(result("expired-aaaaaaaaaaaaaa"), new Date(now.getTime() - 1));
    await store.save(result("current-aaaaaaaaaaaaaa"), new Date(now.getTime() + DAY));
    expect(await store.get("expired-aaaaaaaaaaaaaa", now)).toBeUndefined();
    expect(await store.get("current-aaaaaaaaaaaaaa", now)).toBeDefined();
    expect(await store.purgeExpired(now)).toBe(1);
    expect(await store.purgeExpired(now)).toBe(0);
    await store.close();
  });

  it("applies each migration once", () => {
    const db = new Database(":memory:");
    expect(migrate(db)).toEqual(["001_results", "002_delete_token", "003_result_host"]);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it("refuses an unknown store URL with a message naming the variable", () => {
    expect(() => openStore("mysql://db/rca")).toThrow(/RCA_DATABASE_URL/);
    // A postgres:// URL opens the PostgreSQL store (tests/integration/postgres-store.test.ts); one that isn't a URL
    // is refused without echoing its password.
    expect(() => openStore("postgres://rca:s3cret@[not-an-address/rca")).toThrow(/RCA_DATABASE_URL/);
    expect(() => openStore("postgres://rca:s3cret@[not-an-address/rca")).not.toThrow(/s3cret/);
  });
});
