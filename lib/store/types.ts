import type { TestResult, Verdict } from "@/lib/engine/types";

/** One stored run, as the history lists it. */
export interface ResultSummaryRow {
  id: string;
  test: string;
  startedAt: string;
  verdict: Verdict;
}

export interface ListQuery {
  /** The target, lower case (see targetOf in lib/api/limits.ts). */
  host: string;
  test?: string;
  limit: number;
  now?: Date;
}

/** Where results (permalinks) live. SQLite today; a PostgreSQL implementation joins behind the same interface. */
export interface ResultStore {
  /**
   * `deleteTokenHash`: SHA-256 of the token its creator may delete it with (the token itself is never stored).
   * `host`: the test's target, which the history lists results by (saveResult derives it from the input).
   */
  save(result: TestResult, expiresAt: Date, deleteTokenHash?: string, host?: string): Promise<void>;
  /** Unexpired results of one target (optionally one test), newest first. A store without it keeps no history. */
  list?(query: ListQuery): Promise<ResultSummaryRow[]>;
  /** Deletes a result whose delete token hashes to `deleteTokenHash`. */
  delete(id: string, deleteTokenHash: string): Promise<"deleted" | "forbidden" | "missing">;
  /** The result, or undefined when unknown or expired. */
  get(id: string, now?: Date): Promise<TestResult | undefined>;
  /** Deletes expired results; answers how many. */
  purgeExpired(now?: Date): Promise<number>;
  /** A cheap query that reads the store (for GET /api/health); throws when the store can't answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
