import "server-only";
import Database from "better-sqlite3";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { TestResult } from "@/lib/engine/types";
import type { ResultStore } from "./types";

const MIGRATIONS_DIR = join(process.cwd(), "lib", "store", "migrations");

/** Applies the committed migrations in order, each once, recorded in schema_migrations. */
export function migrate(db: Database.Database, dir = MIGRATIONS_DIR): string[] {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)");
  const applied = new Set(db.prepare("SELECT name FROM schema_migrations").pluck().all() as string[]);
  const pending = readdirSync(dir).filter((name) => name.endsWith(".sql") && !applied.has(name)).sort();
  for (const name of pending) {
    db.transaction(() => {
      db.exec(readFileSync(join(dir, name), "utf8"));
      db.prepare("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)").run(name, Date.now());
    })();
  }
  return pending;
}

export function openSqliteStore(path: string): ResultStore {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  const insert = db.prepare("INSERT INTO results (id, test, verdict, created_at, expires_at, result_json) VALUES (?, ?, ?, ?, ?, ?)");
  const select = db.prepare("SELECT result_json FROM results WHERE id = ? AND expires_at > ?").pluck();
  const purge = db.prepare("DELETE FROM results WHERE expires_at <= ?");

  return {
    async save(result: TestResult, expiresAt: Date) {
      insert.run(result.id, result.test, result.verdict, Date.parse(result.startedAt), expiresAt.getTime(), JSON.stringify(result));
    },
    async get(id: string, now = new Date()) {
      const json = select.get(id, now.getTime()) as string | undefined;
      return json === undefined ? undefined : (JSON.parse(json) as TestResult);
    },
    async purgeExpired(now = new Date()) {
      return purge.run(now.getTime()).changes;
    },
    async close() {
      db.close();
    },
  };
}
