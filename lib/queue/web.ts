import "server-only";
import { once } from "node:events";
import { Queue, QueueEvents, type Job } from "bullmq";
import type { TestInput } from "@/lib/analyzers/catalog";
import { newResultId, saveRun, unrunResult, type SavedRun } from "@/lib/analyzers/run";
import { redisLabel } from "@/lib/api/rate-limit-redis";
import { QueueLeftError } from "@/lib/api/run-queue";
import { testDeadlineMs } from "@/lib/config/env";
import type { EmitEvent } from "@/lib/engine/runner";
import { text, type LocalizedText } from "@/lib/engine/text";
import { TestResultSchema, type TestResult } from "@/lib/engine/types";
import { logger } from "@/lib/log/logger";
import { withTimeout as boundedBy } from "@/lib/net/timeout";
import { getResult } from "@/lib/store";
import {
  channelOf,
  redisConnection,
  vantageOfHeartbeat,
  HEARTBEAT_PREFIX,
  JOB_NAME,
  JOB_OPTIONS,
  KEY_PREFIX,
  partResultKey,
  QUEUE_NAME,
  QUEUE_WAIT_MS,
  RECOVERY_MS,
  vantageQueueName,
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
/** How often a waiting job's place in the queue is looked up, for the stream's `queue` events. */
const POSITION_POLL_MS = 1_000;

interface QueueHandle {
  queue: Queue<TestJobData, TestJobReturn>;
  eventsClient: Redis;
  events: QueueEvents;
  ready: Promise<void>;
}

interface Connections {
  url: string;
  producer: Redis;
  subscriber: Redis;
  /** The queue for any worker, and one per vantage point asked for, made when first needed. */
  queues: Map<string, QueueHandle>;
  /** Handlers of the channels this process listens to, by channel. */
  listeners: Map<string, (message: JobMessage) => void>;
  /** What to do when BullMQ says a job ended, by job id (ids are random: one map serves every queue). */
  endings: Map<string, { failed(reason: string): void; completed(value: unknown): void }>;
  outage(error: Error): void;
}

let shared: Connections | undefined;

function connections(url: string): Connections {
  if (shared?.url === url) return shared;
  const producer = redisConnection(url, "rca-web-queue", "producer");
  const subscriber = redisConnection(url, "rca-web-steps", "blocking");
  const listeners = new Map<string, (message: JobMessage) => void>();
  let down = false;
  const outage = (error: Error) => {
    if (down) return;
    down = true;
    logger().warn({ event: "queue.web.redis", redis: redisLabel(url), reason: (error as { code?: string }).code ?? error.name }, "job queue unreachable");
  };
  subscriber.on("error", outage);
  subscriber.on("ready", () => {
    down = false;
  });
  subscriber.on("message", (channel: string, body: string) => {
    const listener = listeners.get(channel);
    if (!listener) return;
    try {
      listener(JSON.parse(body) as JobMessage);
    } catch (error) {
      logger().warn({ event: "queue.web.message", reason: error instanceof Error ? error.name : "unknown" }, "unreadable job message");
    }
  });
  shared = { url, producer, subscriber, queues: new Map(), listeners, endings: new Map(), outage };
  return shared;
}

function queueNamed(connection: Connections, name: string): QueueHandle {
  const existing = connection.queues.get(name);
  if (existing) return existing;
  const queue = new Queue<TestJobData, TestJobReturn>(name, { prefix: KEY_PREFIX, connection: connection.producer });
  // BullMQ reads events on a duplicate of this one; both instances are ours to close (closeWebQueue).
  const eventsClient = redisConnection(connection.url, `rca-web-events:${name}`, "blocking");
  // From a moment ago, not from "now": the first job of a queue made on demand may end before the first read.
  const events = new QueueEvents(name, { prefix: KEY_PREFIX, connection: eventsClient, lastEventId: `${Date.now() - 5_000}-0` });
  events.on("failed", ({ jobId, failedReason }) => connection.endings.get(jobId)?.failed(failedReason));
  events.on("completed", ({ jobId, returnvalue }) => connection.endings.get(jobId)?.completed(returnvalue));
  queue.on("error", connection.outage);
  events.on("error", connection.outage);
  const ready = Promise.all([queue.waitUntilReady(), events.waitUntilReady()]).then(() => {});
  ready.catch(() => {});
  const handle = { queue, eventsClient, events, ready };
  connection.queues.set(name, handle);
  return handle;
}

export interface RunOnWorkerOptions {
  onEvent?: EmitEvent;
  /** While the job waits for a worker: how many jobs are ahead of it, whenever that changes. */
  onWait?: (ahead: number) => void;
  /** Aborting before a worker took the job takes it off the queue (QueueLeftError); later, the run completes anyway. */
  signal?: AbortSignal;
  client?: string;
}

type JobEnd = { saved: SavedRun } | { result: TestResult } | { failure: LocalizedText; reason: string } | { left: true };

interface JobOutcome {
  end: JobEnd;
  /** What BullMQ answered for a completed job, when the channel's last message didn't arrive. */
  completed?: TestJobReturn;
}

/**
 * Enqueues one job on `queueName` and follows it to its end: the worker's messages on the job's channel (its steps,
 * then its saved run or result), BullMQ's "failed", a timeout (no worker took it, or it didn't finish), or the client
 * leaving while it waits.
 */
async function followJob(redisUrl: string, queueName: string, data: TestJobData, options: RunOnWorkerOptions): Promise<JobOutcome> {
  const connection = connections(redisUrl);
  const { subscriber, listeners, endings, producer } = connection;
  const { queue, ready } = queueNamed(connection, queueName);
  await withTimeout(ready, 5_000, "the job queue's Redis didn't answer");
  const jobId = newResultId();
  const channel = channelOf(jobId);
  let job: Job<TestJobData, TestJobReturn> | undefined;
  let settle!: (end: JobEnd) => void;
  const ended = new Promise<JobEnd>((resolve) => (settle = resolve));
  let attempts = 0;
  /** A worker holds the job (it started it, or waits for a slot for it): the waiting timers no longer apply. */
  let taken = false;
  let completed: TestJobReturn | undefined;
  let timer: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  const arm = (ms: number, failure: LocalizedText, reason: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => settle({ failure, reason }), ms);
  };

  // Listening before the job exists: no step can be sent before someone hears it.
  listeners.set(channel, (message) => {
    if (message.type === "attempt") {
      attempts = message.attempt;
      taken = true;
      clearInterval(poll);
      arm(finishMarginMs(), text("engine.queue.finishTimeout"), "finish timeout");
    } else if (message.type === "waiting") {
      // Taken by a worker whose slots are all busy: its own count replaces the queue's.
      taken = true;
      clearInterval(poll);
      options.onWait?.(message.ahead);
    } else if (message.type === "event") options.onEvent?.(message.event);
    else if (message.type === "saved") settle({ saved: message.saved });
    else if (message.type === "result") settle({ result: message.result });
  });
  const onFailed = (failedReason: string) => settle({ failure: text("engine.queue.failed"), reason: failedReason });
  const onCompleted = (returnvalue: unknown) => {
    // The saved run (or a part's result) normally arrives on the channel first. If not soon, the stored result
    // answers (without its delete token), or the part's result kept beside the job.
    try {
      completed = (typeof returnvalue === "string" ? JSON.parse(returnvalue) : returnvalue) as TestJobReturn;
    } catch {
      completed = undefined;
    }
    taken = true;
    clearTimeout(timer);
    timer = setTimeout(
      () => void keptResult().then((result) => settle(result ? { result } : { failure: text("engine.queue.failed"), reason: "result not received" })),
      SAVED_GRACE_MS,
    );
  };
  const keptResult = async (): Promise<TestResult | undefined> => {
    if (!data.part) return undefined;
    const kept = await producer.get(partResultKey(jobId)).catch(() => null);
    if (!kept) return undefined;
    try {
      const parsed = TestResultSchema.safeParse(JSON.parse(kept));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  };
  const leave = () => {
    void job
      ?.remove()
      .then(() => settle({ left: true }))
      .catch(() => {
        // Already taken by a worker: it runs to the end and is stored, as in-process runs are.
      });
  };
  let lastAhead: number | undefined;
  const waitKey = queue.keys.wait ?? `${KEY_PREFIX}:${queueName}:wait`;
  const reportPosition = async () => {
    // BullMQ pushes new jobs on the left of the wait list and workers take from the right. One transaction, so the
    // position and the length are of the same list. (LPOS walks the list: fine for the hundreds a queue holds.)
    const answers = await producer.multi().lpos(waitKey, jobId).llen(waitKey).exec();
    const position = answers?.[0]?.[1] as number | null | undefined;
    const length = answers?.[1]?.[1] as number | undefined;
    // A worker may have taken it while the question was out: then its messages say the rest.
    if (taken || position === null || position === undefined || length === undefined) return;
    const ahead = Math.max(0, length - 1 - position);
    if (ahead !== lastAhead) options.onWait?.(ahead);
    lastAhead = ahead;
  };
  try {
    await withTimeout(subscriber.subscribe(channel), 5_000, "the job queue's Redis didn't answer");
    endings.set(jobId, { failed: onFailed, completed: onCompleted });
    if (options.signal?.aborted) throw new QueueLeftError();
    job = await withTimeout(queue.add(JOB_NAME, data, { ...JOB_OPTIONS, jobId }), 5_000, "the job queue's Redis didn't answer");
    options.signal?.addEventListener("abort", leave, { once: true });
    // A worker may already hold it (its first message can beat add's answer): then its own timer stands.
    if (!taken) arm(QUEUE_WAIT_MS, text("engine.queue.waitTimeout"), "queue wait timeout");
    // No worker at all (BullMQ names their connections): a short grace for one that is starting, not the whole wait.
    const noWorker = (await queue.getWorkersCount().catch(() => 1)) === 0;
    if (noWorker && !taken) arm(NO_WORKER_GRACE_MS, text("engine.queue.noWorker"), "no worker");
    if (options.onWait && !taken) {
      await reportPosition().catch(() => {});
      poll = setInterval(() => void reportPosition().catch(() => {}), POSITION_POLL_MS);
    }
    const end = await ended;
    if ("failure" in end) {
      // Off the queue if it is still waiting (its credentials with it); a job a worker holds ends by itself.
      await job.remove().catch(() => {});
      logger().warn({ event: "queue.job.unfinished", job: jobId, queue: queueName, attempts, reason: end.reason }, "queued test not completed");
    }
    return { end, completed };
  } finally {
    clearTimeout(timer);
    clearInterval(poll);
    options.signal?.removeEventListener("abort", leave);
    endings.delete(jobId);
    listeners.delete(channel);
    if (data.part) void producer.del(partResultKey(jobId)).catch(() => {});
    void subscriber.unsubscribe(channel).catch(() => {});
  }
}

/** Enqueues the test for any worker and answers its stored run (or an error result saying why no worker completed it). */
export async function runOnWorker(redisUrl: string, input: TestInput, options: RunOnWorkerOptions = {}): Promise<SavedRun> {
  const started = new Date();
  const { end, completed } = await followJob(redisUrl, QUEUE_NAME, { input, client: options.client }, options);
  if ("left" in end) throw new QueueLeftError();
  if ("saved" in end) return end.saved;
  if ("result" in end) return saveRun(input, end.result, { client: options.client });
  if (completed) {
    const stored = await getResult(completed.id);
    if (stored) return { id: stored.id, url: completed.url, deleteToken: "", result: stored };
  }
  const failed = unrunResult(input, started, { code: "queue.worker", title: text("engine.queue.title"), message: end.failure });
  options.onEvent?.({ type: "step", path: [0], step: failed.steps[0]! });
  return saveRun(input, failed, { client: options.client });
}

/**
 * Enqueues one vantage point's run of a test (on that vantage point's queue) and answers its result, unstored: an
 * error result when no worker there completed it.
 */
export async function runPartOnWorker(redisUrl: string, vantage: string, input: TestInput, options: RunOnWorkerOptions = {}): Promise<TestResult> {
  const started = new Date();
  const { end } = await followJob(redisUrl, vantageQueueName(vantage), { input, client: options.client, part: true }, options);
  if ("left" in end) throw new QueueLeftError();
  if ("result" in end) return end.result;
  if ("saved" in end) return end.saved.result;
  const failed = unrunResult(input, started, { code: "queue.worker", title: text("engine.queue.title"), message: end.failure });
  options.onEvent?.({ type: "step", path: [0], step: failed.steps[0]! });
  return failed;
}

/** The workers alive now, by vantage point (their heartbeat keys, lib/queue/worker.ts). */
export async function workersByVantage(redisUrl: string): Promise<Map<string, number>> {
  const { producer } = connections(redisUrl);
  // The producer sends nothing before it is connected (no offline queue): the first request of a process waits for it.
  if (producer.status !== "ready") {
    await once(producer, "ready", { signal: AbortSignal.timeout(2_000) }).catch(() => {
      throw new Error("the job queue's Redis didn't answer within 2000 ms");
    });
  }
  const counts = new Map<string, number>();
  let cursor = "0";
  const deadline = Date.now() + 2_000;
  do {
    const [next, keys] = await withTimeout(producer.scan(cursor, "MATCH", `${HEARTBEAT_PREFIX}*`, "COUNT", 500), 2_000, "the job queue's Redis didn't answer");
    for (const key of keys) {
      const vantage = vantageOfHeartbeat(key);
      if (vantage) counts.set(vantage, (counts.get(vantage) ?? 0) + 1);
    }
    cursor = next;
  } while (cursor !== "0" && Date.now() < deadline);
  return counts;
}

/** The queue's Redis operations: bounded, like every network operation (lib/net/timeout.ts). */
function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  return boundedBy(work, ms, () => new Error(`${message} within ${ms} ms`));
}

/** Closes this process's queue connections (tests; a web process keeps them for its lifetime). */
export async function closeWebQueue(): Promise<void> {
  const current = shared;
  shared = undefined;
  if (!current) return;
  const handles = [...current.queues.values()];
  await Promise.allSettled([...handles.flatMap(({ queue, events }) => [queue.close(), events.close()]), current.subscriber.quit()]);
  await Promise.allSettled([current.producer.quit(), ...handles.map(({ eventsClient }) => eventsClient.quit())]);
}
