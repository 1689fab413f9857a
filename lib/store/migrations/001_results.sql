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
