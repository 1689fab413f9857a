import type { TestResult } from "@/lib/engine/types";

/** Where results (permalinks) live. SQLite today; a PostgreSQL implementation joins behind the same interface. */
export interface ResultStore {
  /** `deleteTokenHash`: SHA-256 of the token its creator may delete it with (the token itself is never stored). */
  save(result: TestResult, expiresAt: Date, deleteTokenHash?: string): Promise<void>;
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
