import "server-only";
import { timingSafeEqual } from "node:crypto";
import { Client, Pool, type ClientBase, type ClientConfig } from "pg";
import type { TestResult } from "@/lib/engine/types";
import { logError } from "@/lib/log/logger";
import { POSTGRES_MIGRATIONS } from "./postgres-migrations";
import type { Migration } from "./migrations";
import type { ListQuery, ResultStore, ResultSummaryRow } from "./types";

/** Connections one instance holds at most: a store query is one short statement. */
const POOL_MAX = 10;
/** Connecting (TCP, TLS, authentication) must finish within this, so /api/health answers 503 rather than hangs. */
const CONNECT_TIMEOUT_MS = 2_000;
/** The server cancels a statement running longer than this; the client gives up on an answer a little later. */
const STATEMENT_TIMEOUT_MS = 5_000;
const QUERY_TIMEOUT_MS = 7_000;
/** A migration may rewrite a large table: its own, longer budget. */
const MIGRATION_TIMEOUT_MS = 300_000;
/** Idle connections are closed after this. */
const IDLE_TIMEOUT_MS = 30_000;
/** pg_advisory_xact_lock key serialising migrations between instances starting at once ("RCA1"). */
const MIGRATION_LOCK_KEY = 0x52_43_41_31;

/** The password of a postgres:// URL as written, as URL-encoded and decoded, so it can be removed from any message. */
function secretsOf(url: string, parsed: URL): string[] {
  const written = /^postgres(?:ql)?:\/\/[^:@/?#]*:([^@/?#]*)@/i.exec(url)?.[1] ?? "";
  const forms = [written, parsed.password];
  for (const form of [written, parsed.password]) {
    try {
      forms.push(decodeURIComponent(form));
    } catch {
      // not percent-encoded: the form itself is the password
    }
  }
  return [...new Set(forms)].filter((secret) => secret.length > 0);
}

/** The same error with the password removed from its message, stack and text fields (errors are logged with all). */
function redacted(error: unknown, secrets: string[]): unknown {
  if (!(error instanceof Error) || secrets.length === 0) return error;
  const scrub = (text: string) => secrets.reduce((out, secret) => out.split(secret).join("***"), text);
  error.message = scrub(error.message);
  if (error.stack) error.stack = scrub(error.stack);
  const fields = error as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) if (typeof value === "string") fields[key] = scrub(value);
  return error;
}

/** Constant-time comparison of two hex hashes. */
function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/**
 * Applies the migrations not applied yet, in order, each in its own transaction holding a transaction-level advisory
 * lock, so instances starting at once apply each migration once; answers the names this call applied.
 */
export async function migratePostgres(client: ClientBase, migrations: Migration[] = POSTGRES_MIGRATIONS): Promise<string[]> {
  const applied: string[] = [];
  for (const migration of migrations) {
    await client.query("BEGIN");
    try {
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
      const done = await client.query("SELECT 1 FROM schema_migrations WHERE name = $1", [migration.name]);
      if (!done.rowCount) {
        await client.query(migration.sql);
        await client.query("INSERT INTO schema_migrations (name) VALUES ($1)", [migration.name]);
        applied.push(migration.name);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  }
  return applied;
}

/** Migrates over a connection of its own, with the longer budget a migration may need. */
async function migrateOnce(config: ClientConfig, migrations?: Migration[]): Promise<string[]> {
  const client = new Client(config);
  // Errors of this short-lived connection reach the caller through its queries.
  client.on("error", () => {});
  await client.connect();
  try {
    return await migratePostgres(client, migrations);
  } finally {
    await client.end().catch(() => {});
  }
}

export interface PostgresStore extends ResultStore {
  /** Settles when the start-up migrations are applied (answers their names) or have failed. */
  readonly migrated: Promise<string[]>;
}

/**
 * A ResultStore on PostgreSQL, for several instances sharing one store. The pool connects lazily; migrations start
 * at once and every call waits for them. When they fail (the server is down at start-up) the next call tries again,
 * so an instance started before its database recovers by itself, answering 503 on /api/health until then.
 */
export function openPostgresStore(url: string, options: { migrations?: Migration[] } = {}): PostgresStore {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not echoed: where a URL doesn't parse, where its password ends can't be told either.
    throw new Error("RCA_DATABASE_URL is not a valid URL: postgres://user:password@host:port/db, special characters in the password percent-encoded.");
  }
  const secrets = secretsOf(url, parsed);
  const connection: ClientConfig = {
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    idle_in_transaction_session_timeout: STATEMENT_TIMEOUT_MS,
    application_name: "rca",
    keepAlive: true,
  };
  const pool = new Pool({ ...connection, max: POOL_MAX, idleTimeoutMillis: IDLE_TIMEOUT_MS });
  // An idle connection the server closes (restart, failover) is an event here, not an uncaught exception.
  pool.on("error", (error) => logError("PostgreSQL connection lost", redacted(error, secrets)));

  let migrating: Promise<string[]> | undefined;
  const ready = (): Promise<string[]> => {
    migrating ??= migrateOnce({ ...connection, statement_timeout: MIGRATION_TIMEOUT_MS, query_timeout: MIGRATION_TIMEOUT_MS }, options.migrations).catch(
      (error: unknown) => {
        migrating = undefined;
        throw redacted(error, secrets);
      },
    );
    return migrating;
  };
  const migrated = ready();
  migrated.catch((error: unknown) => logError("PostgreSQL store: migrations failed at start-up", error));

  /** Runs a parameterised statement once the schema is in place; errors never carry the password. */
  async function query<Row extends object>(text: string, values: unknown[] = []) {
    try {
      await ready();
      return await pool.query<Row>(text, values);
    } catch (error) {
      throw redacted(error, secrets);
    }
  }

  return {
    migrated,
    async save(result: TestResult, expiresAt: Date, deleteTokenHash?: string, host?: string) {
      await query(
        "INSERT INTO results (id, test, verdict, created_at, expires_at, result_json, delete_token_hash, host) VALUES ($1, $2, $3, $4, $5, $6::json, $7, $8)",
        [
          result.id,
          result.test,
          result.verdict,
          new Date(Date.parse(result.startedAt)),
          expiresAt,
          JSON.stringify(result),
          deleteTokenHash ?? null,
          host?.toLowerCase() ?? null,
        ],
      );
    },
    async list({ host, test, limit, now = new Date() }: ListQuery) {
      const { rows } = await query<{ id: string; test: string; verdict: ResultSummaryRow["verdict"]; created_at: Date }>(
        "SELECT id, test, verdict, created_at FROM results WHERE host = $1 AND ($2::text IS NULL OR test = $2) AND expires_at > $3 ORDER BY created_at DESC, seq DESC LIMIT $4",
        [host.toLowerCase(), test ?? null, now, limit],
      );
      return rows.map((row) => ({ id: row.id, test: row.test, verdict: row.verdict, startedAt: row.created_at.toISOString() }));
    },
    async delete(id: string, deleteTokenHash: string) {
      const { rows } = await query<{ delete_token_hash: string | null }>("SELECT delete_token_hash FROM results WHERE id = $1 AND expires_at > $2", [
        id,
        new Date(),
      ]);
      const stored = rows[0];
      if (!stored) return "missing";
      if (!stored.delete_token_hash || !sameHash(stored.delete_token_hash, deleteTokenHash)) return "forbidden";
      // Another instance may have deleted it in between: then it is missing.
      const removed = await query("DELETE FROM results WHERE id = $1 AND delete_token_hash = $2", [id, stored.delete_token_hash]);
      return removed.rowCount ? "deleted" : "missing";
    },
    async get(id: string, now = new Date()) {
      const { rows } = await query<{ result_json: TestResult }>("SELECT result_json FROM results WHERE id = $1 AND expires_at > $2", [id, now]);
      return rows[0]?.result_json;
    },
    async purgeExpired(now = new Date()) {
      const { rowCount } = await query("DELETE FROM results WHERE expires_at <= $1", [now]);
      return rowCount ?? 0;
    },
    async ping() {
      // Reads the results table: proves the server answers and the schema is in place.
      await query("SELECT 1 FROM results LIMIT 1");
    },
    async close() {
      await migrating?.catch(() => {});
      await pool.end();
    },
  };
}
