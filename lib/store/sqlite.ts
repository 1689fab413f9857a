import "server-only";
import { timingSafeEqual } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { TestResult } from "@/lib/engine/types";
import { SQLITE_MIGRATIONS, type Migration } from "./migrations";
import type { ListQuery, ResultStore, ResultSummaryRow } from "./types";

/** Applies the migrations not applied yet, in order, each in a transaction; answers their names. */
export function migrate(db: Database.Database, migrations: Migration[] = SQLITE_MIGRATIONS): string[] {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)");
  const applied = new Set(db.prepare("SELECT name FROM schema_migrations").pluck().all() as string[]);
  const pending = migrations.filter((migration) => !applied.has(migration.name));
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)").run(migration.name, Date.now());
    })();
  }
  return pending.map((migration) => migration.name);
}

/** Constant-time comparison of two hex hashes. */
function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

export function openSqliteStore(path: string): ResultStore {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  const insert = db.prepare(
    "INSERT INTO results (id, test, verdict, created_at, expires_at, result_json, delete_token_hash, host) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const listByHost = db.prepare(
    "SELECT id, test, verdict, created_at FROM results WHERE host = ? AND expires_at > ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
  );
  const listByHostAndTest = db.prepare(
    "SELECT id, test, verdict, created_at FROM results WHERE host = ? AND test = ? AND expires_at > ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
  );
  const tokenOf = db.prepare("SELECT delete_token_hash FROM results WHERE id = ? AND expires_at > ?");
  const remove = db.prepare("DELETE FROM results WHERE id = ?");
  const select = db.prepare("SELECT result_json FROM results WHERE id = ? AND expires_at > ?").pluck();
  const purge = db.prepare("DELETE FROM results WHERE expires_at <= ?");
  // Reads a page of the results table: a bare `SELECT 1` would answer without touching the file.
  const probe = db.prepare("SELECT 1 FROM results LIMIT 1");

  return {
    async save(result: TestResult, expiresAt: Date, deleteTokenHash?: string, host?: string) {
      insert.run(
        result.id,
        result.test,
        result.verdict,
        Date.parse(result.startedAt),
        expiresAt.getTime(),
        JSON.stringify(result),
        deleteTokenHash ?? null,
        host?.toLowerCase() ?? null,
      );
    },
    async list({ host, test, limit, now = new Date() }: ListQuery) {
      const rows = (
        test === undefined ? listByHost.all(host.toLowerCase(), now.getTime(), limit) : listByHostAndTest.all(host.toLowerCase(), test, now.getTime(), limit)
      ) as Array<{ id: string; test: string; verdict: ResultSummaryRow["verdict"]; created_at: number }>;
      return rows.map((row) => ({ id: row.id, test: row.test, verdict: row.verdict, startedAt: new Date(row.created_at).toISOString() }));
    },
    async delete(id: string, deleteTokenHash: string) {
      const row = tokenOf.get(id, Date.now()) as { delete_token_hash: string | null } | undefined;
      if (!row) return "missing";
      if (!row.delete_token_hash || !sameHash(row.delete_token_hash, deleteTokenHash)) return "forbidden";
      remove.run(id);
      return "deleted";
    },
    async get(id: string, now = new Date()) {
      const json = select.get(id, now.getTime()) as string | undefined;
      return json === undefined ? undefined : (JSON.parse(json) as TestResult);
    },
    async purgeExpired(now = new Date()) {
      return purge.run(now.getTime()).changes;
    },
    async ping() {
      probe.get();
    },
    async close() {
      db.close();
    },
  };
}
