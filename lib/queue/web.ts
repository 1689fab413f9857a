import "server-only";
import { Queue, QueueEvents, type Job } from "bullmq";
import { publicInput, type TestInput } from "@/lib/analyzers/catalog";
import { newResultId, type SavedRun } from "@/lib/analyzers/run";
import { targetOf } from "@/lib/api/limits";
import { redisLabel } from "@/lib/api/rate-limit-redis";
import { QueueLeftError } from "@/lib/api/run-queue";
import { testDeadlineMs } from "@/lib/config/env";
import { permalinkPath } from "@/lib/constants";
import type { EmitEvent } from "@/lib/engine/runner";
import { RESULT_SCHEMA_VERSION, type Step, type TestResult } from "@/lib/engine/types";
import { logger, logTestFinished } from "@/lib/log/logger";
import { getResult, hashDeleteToken, saveResult } from "@/lib/store";
import {
  channelOf,
  redisConnection,
  JOB_NAME,
  JOB_OPTIONS,
  KEY_PREFIX,
  QUEUE_NAME,
  QUEUE_WAIT_MS,
  RECOVERY_MS,
  type JobMessage,
  type TestJobData,
  type TestJobReturn,
} from "./jobs";
import type { Redis } from "ioredis";

/**
 * The web side of the queue (RCA_ROLE=web): enqueues a test, relays its steps from the job's channel as the worker
 * sends them, and answers the stored run. Whatever happens to the workers, the caller gets an answer: a job that
 * fails after its retry, or that no worker finishes in time, ends in an error result saying so.
 */

/** Once a worker has it: the test's deadline, plus the time to notice a dead worker, plus storing and answering. */
const finishMarginMs = () => testDeadlineMs() + RECOVERY_MS + 5_000;
/** With no worker connected when a test is enqueued: how long one may take to come up before the answer is an error. */
export const NO_WORKER_GRACE_MS = 10_000;
/** After BullMQ says "completed", how long the saved run (sent on the channel just before) may take to arrive. */
const SAVED_GRACE_MS = 2_000;

interface Connections {
  queue: Queue<TestJobData, TestJobReturn>;
  producer: Redis;
  eventsClient: Redis;
  events: QueueEvents;
  subscriber: Redis;
  /** Handlers of the channels this process listens to, by channel. */
  listeners: Map<string, (message: JobMessage) => void>;
  /** What to do when BullMQ says a job ended, by job id. */
  endings: Map<string, { failed(reason: string): void; completed(value: unknown): void }>;
  ready: Promise<void>;
}

let shared: { url: string; connections: Connections } | undefined;

function connections(url: string): Connections {
  if (shared?.url === url) return shared.connections;
  const producer = redisConnection(url, "rca-web-queue", "producer");
  const queue = new Queue<TestJobData, TestJobReturn>(QUEUE_NAME, { prefix: KEY_PREFIX, connection: producer });
  // BullMQ reads events on a duplicate of this one; both instances are ours to close (closeWebQueue).
  const eventsClient = redisConnection(url, "rca-web-events", "blocking");
  const events = new QueueEvents(QUEUE_NAME, { prefix: KEY_PREFIX, connection: eventsClient });
  const subscriber = redisConnection(url, "rca-web-steps", "blocking");
  const listeners = new Map<string, (message: JobMessage) => void>();
  const endings: Connections["endings"] = new Map();
  events.on("failed", ({ jobId, failedReason }) => endings.get(jobId)?.failed(failedReason));
  events.on("completed", ({ jobId, returnvalue }) => endings.get(jobId)?.completed(returnvalue));
  let down = false;
  const outage = (error: Error) => {
    if (down) return;
    down = true;
    logger().warn({ event: "queue.web.redis", redis: redisLabel(url), reason: (error as { code?: string }).code ?? error.name }, "job queue unreachable");
  };
  queue.on("error", outage);
  events.on("error", outage);
  subscriber.on("error", outage);
  subscriber.on("ready", () => {
    down = false;
  });
  subscriber.on("message", (channel: string, text: string) => {
    const listener = listeners.get(channel);
    if (!listener) return;
    try {
      listener(JSON.parse(text) as JobMessage);
    } catch (error) {
      logger().warn({ event: "queue.web.message", reason: error instanceof Error ? error.name : "unknown" }, "unreadable job message");
    }
  });
  const ready = Promise.all([queue.waitUntilReady(), events.waitUntilReady()]).then(() => {});
  ready.catch(() => {});
  shared = { url, connections: { queue, producer, eventsClient, events, subscriber, listeners, endings, ready } };
  return shared.connections;
}

export interface RunOnWorkerOptions {
  onEvent?: EmitEvent;
  /** Aborting before a worker took the job takes it off the queue (QueueLeftError); later, the run completes anyway. */
  signal?: AbortSignal;
  client?: string;
}

/** Enqueues the test and answers its stored run (or an error result saying why no worker completed it). */
export async function runOnWorker(redisUrl: string, input: TestInput, options: RunOnWorkerOptions = {}): Promise<SavedRun> {
  const { queue, subscriber, listeners, endings, ready } = connections(redisUrl);
  await withTimeout(ready, 5_000, "the job queue's Redis didn't answer");
  const jobId = newResultId();
  const channel = channelOf(jobId);
  const started = new Date();
  let job: Job<TestJobData, TestJobReturn> | undefined;
  let settle!: (outcome: { saved: SavedRun } | { failure: string; reason: string } | { left: true }) => void;
  const outcome = new Promise<Parameters<typeof settle>[0]>((resolve) => (settle = resolve));
  let attempts = 0;
  let completed: TestJobReturn | undefined;
  let timer: NodeJS.Timeout | undefined;
  const arm = (ms: number, failure: string, reason: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => settle({ failure, reason }), ms);
  };

  // Listening before the job exists: no step can be sent before someone hears it.
  listeners.set(channel, (message) => {
    if (message.type === "attempt") {
      attempts = message.attempt;
      arm(finishMarginMs(), "The test did not finish on its worker in time.", "finish timeout");
    } else if (message.type === "event") options.onEvent?.(message.event);
    else if (message.type === "saved") settle({ saved: message.saved });
  });
  const onFailed = (failedReason: string) =>
    settle({ failure: "The worker running this test stopped or failed, and so did the retry: the test was not completed.", reason: failedReason });
  const onCompleted = (returnvalue: unknown) => {
    // The saved run normally arrives on the channel first; if not soon, the stored result answers (without its delete token).
    try {
      completed = (typeof returnvalue === "string" ? JSON.parse(returnvalue) : returnvalue) as TestJobReturn;
    } catch {
      completed = undefined;
    }
    arm(SAVED_GRACE_MS, "", "saved run not received");
  };
  const leave = () => {
    void job
      ?.remove()
      .then(() => settle({ left: true }))
      .catch(() => {
        // Already taken by a worker: it runs to the end and is stored, as in-process runs are.
      });
  };
  try {
    await withTimeout(subscriber.subscribe(channel), 5_000, "the job queue's Redis didn't answer");
    endings.set(jobId, { failed: onFailed, completed: onCompleted });
    if (options.signal?.aborted) throw new QueueLeftError();
    job = await withTimeout(queue.add(JOB_NAME, { input, client: options.client }, { ...JOB_OPTIONS, jobId }), 5_000, "the job queue's Redis didn't answer");
    options.signal?.addEventListener("abort", leave, { once: true });
    arm(QUEUE_WAIT_MS, "No worker took this test in time: all workers were busy.", "queue wait timeout");
    // No worker at all (BullMQ names their connections): a short grace for one that is starting, not the whole wait.
    if ((await queue.getWorkersCount().catch(() => 1)) === 0) arm(NO_WORKER_GRACE_MS, "No worker is running to take this test.", "no worker");

    const result = await outcome;
    if ("left" in result) throw new QueueLeftError();
    if ("saved" in result) return result.saved;
    if (completed) {
      const stored = await getResult(completed.id);
      if (stored) return { id: stored.id, url: completed.url, deleteToken: "", result: stored };
    }
    // Off the queue if it is still waiting (its credentials with it); a job a worker holds ends by itself.
    await job.remove().catch(() => {});
    logger().warn({ event: "queue.job.unfinished", job: jobId, attempts, reason: result.reason }, "queued test not completed");
    return saveFailure(input, result.failure, started, options);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", leave);
    endings.delete(jobId);
    listeners.delete(channel);
    void subscriber.unsubscribe(channel).catch(() => {});
  }
}

/** An error result for a test no worker completed: stored, logged and answered like any other. */
async function saveFailure(input: TestInput, message: string, started: Date, options: RunOnWorkerOptions): Promise<SavedRun> {
  const elapsedMs = Date.now() - started.getTime();
  const step: Step = {
    code: "queue.worker",
    title: "Running the test on a worker.",
    status: "error",
    message,
    problem: "INTERNAL_ERROR",
    elapsedMs,
    startMs: 0,
    children: [],
  };
  options.onEvent?.({ type: "step", path: [0], step });
  const result: TestResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    id: newResultId(),
    test: input.test,
    input: publicInput(input),
    startedAt: started.toISOString(),
    elapsedMs,
    verdict: "error",
    steps: [step],
  };
  const deleteToken = newResultId();
  await saveResult(result, hashDeleteToken(deleteToken));
  logTestFinished({ id: result.id, test: result.test, target: targetOf(input), verdict: result.verdict, ms: elapsedMs, client: options.client });
  return { id: result.id, url: permalinkPath(result.id), deleteToken, result };
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Closes this process's queue connections (tests; a web process keeps them for its lifetime). */
export async function closeWebQueue(): Promise<void> {
  const current = shared?.connections;
  shared = undefined;
  if (!current) return;
  await Promise.allSettled([current.queue.close(), current.events.close(), current.subscriber.quit()]);
  await Promise.allSettled([current.producer.quit(), current.eventsClient.quit()]);
}
