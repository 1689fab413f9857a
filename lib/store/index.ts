import "server-only";
import { createHash } from "node:crypto";
import type { TestInput } from "@/lib/analyzers/catalog";
import { targetOf } from "@/lib/api/limits";
import { env } from "@/lib/config/env";
import { DAY_MS, DEFAULT_DATABASE_URL } from "@/lib/constants";
import type { TestResult } from "@/lib/engine/types";
import { logError } from "@/lib/log/logger";
import { openPostgresStore } from "./postgres";
import { readStoredResult } from "./result-version";
import { openSqliteStore } from "./sqlite";
import type { ResultStore, ResultSummaryRow } from "./types";

const PURGE_INTERVAL_MS = 3_600_000;

let store: ResultStore | undefined;
let lastPurge = 0;

/** Picks the backend from RCA_DATABASE_URL, once. */
export function resultStore(): ResultStore {
  if (!store) store = openStore(env().RCA_DATABASE_URL);
  return store;
}

export function openStore(url: string): ResultStore {
  if (url.startsWith("file:")) return openSqliteStore(url.slice("file:".length) || DEFAULT_DATABASE_URL.slice("file:".length));
  if (/^postgres(ql)?:\/\//i.test(url)) return openPostgresStore(url);
  throw new Error(`RCA_DATABASE_URL must start with file: or postgres:// (got "${url.split(":")[0]}:…").`);
}

export async function saveResult(result: TestResult, deleteTokenHash?: string): Promise<void> {
  const now = Date.now();
  const s = resultStore();
  const host = targetOf(result.input as TestInput);
  await s.save(result, new Date(now + env().RCA_RESULT_TTL_DAYS * DAY_MS), deleteTokenHash, host);
  // Expired permalinks are deleted as results are written, at most hourly: no scheduler to run.
  if (now - lastPurge > PURGE_INTERVAL_MS) {
    lastPurge = now;
    // The result is stored: a purge that fails (a large backlog against a statement timeout) mustn't fail the save.
    await s.purgeExpired().catch((error: unknown) => logError("purging expired results failed", error));
  }
}

/** How long GET /api/health waits for the store: a load balancer must hear back before its own timeout. */
const PING_TIMEOUT_MS = 2_000;

let lastPingFailed = false;

/** Whether the store answers a cheap query in time. A failure is logged once, when it starts, not on every probe. */
export async function storeAnswers(timeoutMs = PING_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the store didn't answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([Promise.resolve().then(() => resultStore().ping()), timeout]);
    lastPingFailed = false;
    return true;
  } catch (error) {
    if (!lastPingFailed) logError("result store unavailable", error);
    lastPingFailed = true;
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Tests swap in a store (one that fails, say) or, with none, go back to the configured one; production never calls this. */
export function replaceStoreForTests(replacement?: ResultStore): void {
  store = replacement;
}

/**
 * A stored result, migrated from an older format and checked against the result schema before it is served;
 * undefined if unknown or expired. A format this version can't read throws UnknownResultVersionError.
 */
export async function getResult(id: string): Promise<TestResult | undefined> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(id)) return undefined;
  const stored = await resultStore().get(id);
  return stored === undefined ? undefined : readStoredResult(stored);
}

/** Deletes a result for whoever holds its delete token (only its hash is stored). */
export async function deleteResult(id: string, token: string): Promise<"deleted" | "forbidden" | "missing"> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(id) || !/^[A-Za-z0-9_-]{16,128}$/.test(token)) return "missing";
  return resultStore().delete(id, hashDeleteToken(token));
}

/** The stored form of a delete token: its SHA-256, so a copy of the store can't delete anything. */
export function hashDeleteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The most a history query answers. */
export const HISTORY_MAX_LIMIT = 100;

/** Unexpired runs against one target (optionally of one test), newest first; [] when RCA_HISTORY is off. */
export async function listResults(query: { host: string; test?: string; limit?: number }): Promise<ResultSummaryRow[]> {
  if (!env().RCA_HISTORY) return [];
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 20), 1), HISTORY_MAX_LIMIT);
  const s = resultStore();
  if (!s.list) return [];
  return s.list({ host: query.host.trim().toLowerCase(), test: query.test, limit });
}

/** The target a result's history is kept under (host, else domain, else the e-mail address's domain). */
export function hostOfResult(result: TestResult): string | undefined {
  return targetOf(result.input as TestInput);
}
