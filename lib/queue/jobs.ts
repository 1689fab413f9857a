import "server-only";
import { Redis } from "ioredis";
import type { TestInput } from "@/lib/analyzers/catalog";
import type { SavedRun } from "@/lib/analyzers/run";
import type { RunEvent, TestResult } from "@/lib/engine/types";
import type { JobsOptions } from "bullmq";

/**
 * The job queue between `RCA_ROLE=web` processes (they enqueue) and `RCA_ROLE=worker` processes (they run), on
 * BullMQ in RCA_REDIS_URL. One job is one test run; its steps travel back on a Redis pub/sub channel of its own.
 */

/** The BullMQ queue's name; its keys live under KEY_PREFIX (next to the rate limits' `rca:rl:`). */
export const QUEUE_NAME = "tests";
export const KEY_PREFIX = "rca:q";
export const JOB_NAME = "run";

/**
 * The queue of one vantage point: only its workers take from it (every worker also takes from QUEUE_NAME, where tests
 * that name no vantage point wait). `@` because BullMQ refuses `:` in a queue name; vantage names are [a-z0-9_-].
 */
export function vantageQueueName(vantage: string): string {
  return `${QUEUE_NAME}@${vantage}`;
}

/**
 * Each worker says it is alive with a key of its own that expires unless renewed: GET /api/vantages lists the keys
 * (lib/vantages/live.ts). Expiring keys need no clock shared between machines; a killed worker drops out within the TTL.
 */
export const HEARTBEAT_MS = 2_000;
export const HEARTBEAT_TTL_MS = 7_000;
export const HEARTBEAT_PREFIX = `${KEY_PREFIX}:alive:`;

export function heartbeatKey(vantage: string, worker: string): string {
  return `${HEARTBEAT_PREFIX}${vantage}:${worker}`;
}

/** The vantage point in a heartbeat key (names have no `:`), or undefined for a key that isn't one. */
export function vantageOfHeartbeat(key: string): string | undefined {
  if (!key.startsWith(HEARTBEAT_PREFIX)) return undefined;
  const rest = key.slice(HEARTBEAT_PREFIX.length);
  const end = rest.indexOf(":");
  return end > 0 ? rest.slice(0, end) : undefined;
}

/**
 * How long a job's lock lasts without renewal (the worker renews it every half of that while the test runs), and how
 * often workers look for jobs whose lock has lapsed. A killed worker's job is taken up again after at most about
 * LOCK_DURATION_MS + 2 × STALLED_INTERVAL_MS (the check marks a job, the next one moves it): 10 s.
 */
export const LOCK_DURATION_MS = 5_000;
export const STALLED_INTERVAL_MS = 2_500;
/** The longest between a worker dying and its job starting on another one (see above). */
export const RECOVERY_MS = LOCK_DURATION_MS + 2 * STALLED_INTERVAL_MS;

/**
 * Every job: two attempts in all (a run interrupted by a dead worker or a failure is tried once more, on whichever
 * worker is free), and removed from Redis as soon as it ends, either way: the payload carries the test's credentials.
 */
export const JOB_OPTIONS = {
  attempts: 2,
  removeOnComplete: true,
  removeOnFail: true,
} as const satisfies JobsOptions;

/**
 * How long a job may wait for a free worker. The web side gives up then (answering an error result, and taking the
 * job off the queue); a worker that finds an older job (its web process died before it could) drops it unrun.
 */
export const QUEUE_WAIT_MS = 120_000;

/** At most this many starts per job, stalls included (BullMQ counts those apart from `attempts`). */
export const MAX_STARTS = 2;

/** What a job carries: the validated input, credentials included (for the run only), and who asked, for the log. */
export interface TestJobData {
  input: TestInput;
  client?: string;
  /**
   * One vantage point's run of a test asked for from several: the worker answers the result on the job's channel
   * instead of storing it, and the web process stores one result of all the runs (lib/vantages/run.ts).
   */
  part?: boolean;
}

/** What a finished job answers through BullMQ (kept in Redis's event stream): no delete token, no input. */
export interface TestJobReturn {
  id: string;
  url: string;
}

/**
 * A part's result is also kept here for a minute (it holds no credential: publicInput): pub/sub drops what a
 * disconnected subscriber misses, and a run that finished must not be reported as failed for that.
 */
export const PART_RESULT_TTL_MS = 60_000;

export function partResultKey(jobId: string): string {
  return `${KEY_PREFIX}:part:${jobId}`;
}

/** Messages on a job's channel, in the order the worker sends them. */
export type JobMessage =
  /** A worker took the job while its slots were all busy: this many of its jobs are ahead. */
  | { type: "waiting"; ahead: number }
  /** A worker took the job (attempt 1, or 2 after a retry). */
  | { type: "attempt"; attempt: number; worker: string }
  | { type: "event"; event: RunEvent }
  /** The stored run, delete token included: over pub/sub only, never kept in Redis. */
  | { type: "saved"; saved: SavedRun }
  /** A part's result, not stored (see TestJobData.part). */
  | { type: "result"; result: TestResult };

/** The pub/sub channel of one job's steps. */
export function channelOf(jobId: string): string {
  return `${KEY_PREFIX}:job:${jobId}`;
}

/**
 * A connection to RCA_REDIS_URL for BullMQ or the steps' channel. Built here and handed to BullMQ as an instance:
 * BullMQ's own loading of ioredis needs `require`, which a bundled ESM route handler may not have.
 * `maxRetriesPerRequest: null` is what BullMQ requires of blocking connections (a worker's, the queue events'); the
 * producer fails fast instead (no offline queue), so a request never waits on a dead Redis.
 */
export function redisConnection(url: string, name: string, kind: "blocking" | "producer"): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    connectTimeout: 2_000,
    maxRetriesPerRequest: kind === "blocking" ? null : 1,
    enableOfflineQueue: kind === "blocking",
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
  });
  // Reconnects by itself; outages are logged by the owner (BullMQ's "error" events), never with the URL.
  redis.on("error", () => {});
  return redis;
}
