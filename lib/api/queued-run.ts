import "server-only";
import type { TestInput } from "@/lib/analyzers/catalog";
import { runAndSave, type SavedRun } from "@/lib/analyzers/run";
import { env } from "@/lib/config/env";
import type { EmitEvent } from "@/lib/engine/runner";
import { RunQueue, type WaitOptions } from "./run-queue";

let queue: RunQueue | undefined;

/** The instance's one queue: at most RCA_MAX_CONCURRENT_TESTS tests run at once, across every entry point. */
export function testRunQueue(): RunQueue {
  if (!queue) queue = new RunQueue(env().RCA_MAX_CONCURRENT_TESTS);
  return queue;
}

/**
 * Waits for a free slot, then runs and stores the test. A client that leaves while waiting (its signal aborts)
 * gives its place up (QueueLeftError); once the test has started it runs to the end and is stored.
 * With RCA_ROLE=web the test goes to the job queue instead, and a worker process runs it (lib/queue/web.ts).
 */
export function runQueued(input: TestInput, options: WaitOptions & { onEvent?: EmitEvent; client?: string } = {}): Promise<SavedRun> {
  const { onEvent, client, ...wait } = options;
  const { RCA_ROLE, RCA_REDIS_URL } = env();
  // Loaded only then: with RCA_ROLE=all nothing of the queue is even imported.
  if (RCA_ROLE === "web" && RCA_REDIS_URL)
    return import("@/lib/queue/web").then(({ runOnWorker }) => runOnWorker(RCA_REDIS_URL, input, { onEvent, client, signal: wait.signal }));
  const queued = performance.now();
  return testRunQueue().run(() => runAndSave(input, onEvent, { client, queuedMs: Math.round(performance.now() - queued) }), wait);
}

/** Tests change the environment between cases; production never calls this. */
export function resetRunQueueForTests(): void {
  queue = undefined;
}
