import "server-only";
import { hostname } from "node:os";
import { UnrecoverableError, Worker, type Job } from "bullmq";
import { TestInputSchema } from "@/lib/analyzers/catalog";
import { runAndSave, runTest } from "@/lib/analyzers/run";
import { redisLabel } from "@/lib/api/rate-limit-redis";
import { RunQueue } from "@/lib/api/run-queue";
import type { RunEvent } from "@/lib/engine/types";
import { logger } from "@/lib/log/logger";
import { capResultBytes } from "@/lib/store/result-cap";
import { DEFAULT_VANTAGE } from "@/lib/vantages/names";
import {
  channelOf,
  heartbeatKey,
  partResultKey,
  redisConnection,
  vantageQueueName,
  HEARTBEAT_MS,
  HEARTBEAT_TTL_MS,
  KEY_PREFIX,
  LOCK_DURATION_MS,
  MAX_STARTS,
  PART_RESULT_TTL_MS,
  QUEUE_NAME,
  QUEUE_WAIT_MS,
  STALLED_INTERVAL_MS,
  type JobMessage,
  type TestJobData,
  type TestJobReturn,
} from "./jobs";
import type { Redis } from "ioredis";

export interface TestWorkerOptions {
  redisUrl: string;
  /** Tests this worker runs at once (RCA_MAX_CONCURRENT_TESTS), from both its queues together. */
  concurrency: number;
  /** Where it probes from (RCA_VANTAGE, already validated): it takes that vantage point's tests, and names itself after it. */
  vantage?: string;
}

export interface TestWorker {
  /** `<vantage>@<host>:<pid>`: shown in the log and on each job it takes. */
  name: string;
  /** Resolves once the worker listens for jobs. */
  ready: Promise<void>;
  /** Stops taking jobs, lets the running ones finish, closes its connections. */
  close(): Promise<void>;
}

/**
 * Runs queued tests: each with the same runAndSave as a web request (so the result lands in the same store and the
 * same log line is written), every RunEvent published on the job's channel as it happens, then the saved run.
 * A vantage point's part of a test is run the same way but answered unstored (the web process stores all parts as one).
 * The payload (with credentials) is read, validated and never logged; BullMQ deletes the job when it ends.
 *
 * It takes tests from two queues: the one for any worker, and its vantage point's own. One budget of slots serves
 * both, so the worker never runs more than `concurrency` tests at once.
 */
export function startTestWorker(options: TestWorkerOptions): TestWorker {
  const vantage = options.vantage || DEFAULT_VANTAGE;
  const name = `${vantage}@${hostname()}:${process.pid}`;
  const publisher = redisConnection(options.redisUrl, `rca-worker-pub:${name}`, "blocking");
  const publish = (jobId: string, message: JobMessage) => publisher.publish(channelOf(jobId), JSON.stringify(message));

  const processor = async (job: Job<TestJobData, TestJobReturn>): Promise<TestJobReturn> => {
    const jobId = job.id!;
    // Its client was answered (an error result) and nobody waits for it: dropped, with its payload, unrun.
    if (job.attemptsStarted <= 1 && Date.now() - job.timestamp > QUEUE_WAIT_MS)
      throw new UnrecoverableError("waited in the queue longer than anyone waits for it");
    // Checked again here: the payload comes back from Redis, and a job of an older or newer version may differ.
    const parsed = TestInputSchema.safeParse(job.data.input);
    // Not retried, and the issues (which could quote the input) are not logged.
    if (!parsed.success) throw new UnrecoverableError("the job's input is not a valid test input");
    const input = parsed.data;
    const attempt = job.attemptsStarted;
    // Both queues' jobs share this process's slots: one taken while all are busy waits here, and says so.
    const waiting = (ahead: number) => void publish(jobId, { type: "waiting", ahead }).catch(() => {});
    return slots.run(
      async () => {
        if (job.attemptsStarted <= 1 && Date.now() - job.timestamp > QUEUE_WAIT_MS)
          throw new UnrecoverableError("waited for a free slot longer than anyone waits for it");
        logger().info({ event: "queue.job.started", job: jobId, test: input.test, attempt, worker: name, part: job.data.part ?? false }, "queued test started");
        void publish(jobId, { type: "attempt", attempt, worker: name }).catch(() => {});
        // Commands on one connection go out in order: the steps arrive in the order they happened.
        const onEvent = (event: RunEvent) => void publish(jobId, { type: "event", event }).catch(() => {});
        if (job.data.part) {
          const result = capResultBytes(await runTest(input, onEvent));
          await publisher.set(partResultKey(jobId), JSON.stringify(result), "PX", PART_RESULT_TTL_MS);
          await publish(jobId, { type: "result", result });
          return { id: result.id, url: "" };
        }
        const saved = await runAndSave(input, onEvent, { client: job.data.client, queuedMs: Math.max(0, (job.processedOn ?? Date.now()) - job.timestamp) });
        await publish(jobId, { type: "saved", saved });
        return { id: saved.id, url: saved.url };
      },
      { onWait: waiting },
    );
  };

  const slots = new RunQueue(options.concurrency);
  // Handed to BullMQ as instances, so closed here.
  const connections: Redis[] = [publisher];
  const consume = (queueName: string, connectionName: string) => {
    const connection = redisConnection(options.redisUrl, connectionName, "blocking");
    connections.push(connection);
    return new Worker<TestJobData, TestJobReturn>(queueName, processor, {
      name,
      prefix: KEY_PREFIX,
      connection,
      concurrency: options.concurrency,
      lockDuration: LOCK_DURATION_MS,
      stalledInterval: STALLED_INTERVAL_MS,
      maxStalledCount: 1,
      maxStartedAttempts: MAX_STARTS,
      autorun: true,
    });
  };
  const workers = [consume(QUEUE_NAME, `rca-worker:${name}`), consume(vantageQueueName(vantage), `rca-worker-vantage:${name}`)];

  // Alive while this process runs: GET /api/vantages counts the keys.
  const beat = () => void publisher.set(heartbeatKey(vantage, name), String(process.pid), "PX", HEARTBEAT_TTL_MS).catch(() => {});
  beat();
  const heartbeat = setInterval(beat, HEARTBEAT_MS);
  heartbeat.unref();

  for (const worker of workers) watch(worker);
  function watch(worker: Worker<TestJobData, TestJobReturn>) {
    let down = false;
    worker.on("error", (error: Error) => {
      // One line per outage, without the URL's password (the message is ioredis's: a code or a host, never the URL).
      if (down) return;
      down = true;
      logger().warn(
        { event: "queue.worker.redis", redis: redisLabel(options.redisUrl), reason: (error as { code?: string }).code ?? error.name },
        "queue worker lost Redis",
      );
    });
    worker.on("ready", () => {
      down = false;
    });
    worker.on("failed", (job, error) => {
      // The reason is ours (a thrown Error's message); the job's data is never part of the line.
      logger().warn({ event: "queue.job.failed", job: job?.id, attempt: job?.attemptsStarted, worker: name, reason: error.message }, "queued test failed");
    });
  }

  const ready = Promise.all(workers.map((worker) => worker.waitUntilReady())).then(() => {
    logger().info(
      { event: "queue.worker.ready", worker: name, vantage, redis: redisLabel(options.redisUrl), concurrency: options.concurrency },
      "queue worker ready",
    );
  });
  return {
    name,
    ready,
    async close() {
      clearInterval(heartbeat);
      await Promise.all(workers.map((worker) => worker.close()));
      await publisher.del(heartbeatKey(vantage, name)).catch(() => {});
      await Promise.allSettled(connections.map((redis) => redis.quit()));
    },
  };
}
