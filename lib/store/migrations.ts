/**
 * Schema migrations, applied in order at start-up, each once (recorded in schema_migrations). Append only:
 * never edit a migration that has shipped. Kept as code so the production bundle carries them.
 */
export interface Migration {
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    name: "001_results",
    sql: `
      -- One row per test run. The result JSON already has credentials removed.
      CREATE TABLE results (
        id          TEXT PRIMARY KEY,
        test        TEXT NOT NULL,
        verdict     TEXT NOT NULL,
        created_at  INTEGER NOT NULL, -- unix ms
        expires_at  INTEGER NOT NULL, -- unix ms
        result_json TEXT NOT NULL
      );
      CREATE INDEX results_expires_at ON results (expires_at);
    `,
  },
  {
    name: "002_delete_token",
    sql: `
      -- SHA-256 (hex) of the token the creator of a result may delete it with; NULL for results without one.
      ALTER TABLE results ADD COLUMN delete_token_hash TEXT;
    `,
  },
  {
    name: "003_result_host",
    sql: `
      -- The test's target (host, else domain, else ip, else the e-mail address's domain), lower case: the history key.
      ALTER TABLE results ADD COLUMN host TEXT;
      UPDATE results SET host = lower(coalesce(
        nullif(json_extract(result_json, '$.input.host'), ''),
        nullif(json_extract(result_json, '$.input.domain'), ''),
        nullif(json_extract(result_json, '$.input.ip'), ''),
        CASE WHEN instr(json_extract(result_json, '$.input.emailAddress'), '@') > 0
          THEN substr(json_extract(result_json, '$.input.emailAddress'), instr(json_extract(result_json, '$.input.emailAddress'), '@') + 1)
        END
      ));
      CREATE INDEX results_host_created_at ON results (host, created_at);
    `,
  },
];
