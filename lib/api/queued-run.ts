import "server-only";
import type { TestInput } from "@/lib/analyzers/catalog";
import { runAndSave, runTest, unrunResult, type SavedRun } from "@/lib/analyzers/run";
import { env } from "@/lib/config/env";
import type { EmitEvent } from "@/lib/engine/runner";
import { text } from "@/lib/engine/text";
import { runAtVantages, type PartRunner } from "@/lib/vantages/run";
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
 * With RCA_ROLE=web the test goes to the job queue instead, and a worker process runs it (lib/queue/web.ts); a test
 * asked for from several vantage points goes to each one's workers (lib/vantages/run.ts).
 */
export async function runQueued(input: TestInput, options: WaitOptions & { onEvent?: EmitEvent; client?: string } = {}): Promise<SavedRun> {
  const { onEvent, client, ...wait } = options;
  const { RCA_ROLE, RCA_REDIS_URL, RCA_VANTAGE } = env();
  if (RCA_ROLE === "web" && RCA_REDIS_URL) {
    // Loaded only then: with RCA_ROLE=all nothing of the queue is even imported.
    const { runOnWorker, runPartOnWorker } = await import("@/lib/queue/web");
    if (!input.vantages) return runOnWorker(RCA_REDIS_URL, input, { onEvent, client, onWait: wait.onWait, signal: wait.signal });
    // A client that leaves takes the places no worker has started off the queue; started ones run to the end.
    const remote: PartRunner = (vantage, part, partOptions) => runPartOnWorker(RCA_REDIS_URL, vantage, part, { ...partOptions, client });
    return runAtVantages(input, remote, { onEvent, onWait: wait.onWait, signal: wait.signal, client });
  }
  const queued = performance.now();
  return testRunQueue().run(() => {
    const queuedMs = Math.round(performance.now() - queued);
    if (!input.vantages) return runAndSave(input, onEvent, { client, queuedMs });
    // This process is one vantage point (RCA_VANTAGE); any other has no worker here.
    const local: PartRunner = async (vantage, part, partOptions) =>
      vantage === RCA_VANTAGE
        ? runTest(part, partOptions.onEvent)
        : unrunResult(part, new Date(), { code: "queue.worker", title: text("engine.queue.title"), message: text("engine.queue.noWorker") });
    return runAtVantages(input, local, { onEvent, client, queuedMs });
  }, wait);
}

/** Tests change the environment between cases; production never calls this. */
export function resetRunQueueForTests(): void {
  queue = undefined;
}
