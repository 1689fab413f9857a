import type { TestResult } from "@/lib/engine/types";

/** Where results (permalinks) live. SQLite today; a PostgreSQL implementation joins behind the same interface. */
export interface ResultStore {
  save(result: TestResult, expiresAt: Date): Promise<void>;
  /** The result, or undefined when unknown or expired. */
  get(id: string, now?: Date): Promise<TestResult | undefined>;
  /** Deletes expired results; answers how many. */
  purgeExpired(now?: Date): Promise<number>;
  /** A cheap query that reads the store (for GET /api/health); throws when the store can't answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
