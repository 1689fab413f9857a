import type { Migration } from "./migrations";

/**
 * PostgreSQL schema migrations, applied in order at start-up, each once, each in its own transaction (recorded in
 * schema_migrations). Append only: never edit a migration that has shipped. Kept as code so the production bundle
 * carries them. The schema is the SQLite one (lib/store/migrations.ts) as it stands after all of its migrations.
 */
export const POSTGRES_MIGRATIONS: Migration[] = [
  {
    name: "001_results",
    sql: `
      -- One row per test run. The result JSON already has credentials removed.
      CREATE TABLE results (
        id                TEXT PRIMARY KEY,
        -- Insertion order: breaks ties between results started in the same millisecond (SQLite's rowid).
        seq               BIGINT GENERATED ALWAYS AS IDENTITY,
        test              TEXT NOT NULL,
        verdict           TEXT NOT NULL,
        -- The test's target (host, else domain, else ip, else the e-mail address's domain), lower case: the history key.
        host              TEXT,
        created_at        TIMESTAMPTZ NOT NULL,
        expires_at        TIMESTAMPTZ NOT NULL,
        -- SHA-256 (hex) of the token the creator of a result may delete it with; NULL for results without one.
        delete_token_hash TEXT,
        -- json, not jsonb: jsonb reorders object keys (and step details are shown in their order) and can't hold \\u0000.
        result_json       JSON NOT NULL
      );
      CREATE INDEX results_expires_at ON results (expires_at);
      CREATE INDEX results_host_created_at ON results (host, created_at);
    `,
  },
];
