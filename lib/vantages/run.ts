import "server-only";
import type { TestInput } from "@/lib/analyzers/catalog";
import { saveRun, unrunResult, type RunContext, type SavedRun } from "@/lib/analyzers/run";
import { QueueLeftError } from "@/lib/api/run-queue";
import type { EmitEvent } from "@/lib/engine/runner";
import { text } from "@/lib/engine/text";
import type { TestResult } from "@/lib/engine/types";
import { logError } from "@/lib/log/logger";
import { LIMITS } from "@/lib/net/limits";
import { capResultBytes } from "@/lib/store/result-cap";
import { composeVantageResult, eventUnderVantage, vantageStartEvent, vantageStep, type VantagePart } from "./compose";

export interface PartOptions {
  onEvent: EmitEvent;
  /** While the part waits for a worker: how many tests are ahead of it. */
  onWait: (ahead: number) => void;
  /** The client left: a part no worker has taken yet is taken off the queue (QueueLeftError). */
  signal?: AbortSignal;
}

/** Runs a test's inputs from one vantage point and answers its result, unstored (an error result when it couldn't). */
export type PartRunner = (vantage: string, input: TestInput, options: PartOptions) => Promise<TestResult>;

export interface VantageRunOptions extends RunContext {
  onEvent?: EmitEvent;
  onWait?: (ahead: number) => void;
  signal?: AbortSignal;
}

/**
 * A test asked for from several vantage points: one run from each, at once, then one stored result of them all
 * (lib/vantages/compose.ts). Each run's steps stream under its vantage point's step as they happen.
 */
export async function runAtVantages(input: TestInput, runPart: PartRunner, options: VantageRunOptions = {}): Promise<SavedRun> {
  const { vantages = [], ...testInput } = input;
  const startedAt = new Date();
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  // The stored result repeats each run (under its step and in `vantages`): each gets an equal share of the cap.
  const partBytes = Math.floor(LIMITS.resultBytes / (2 * Math.max(1, vantages.length)));
  const waiting = new Map<number, number>();
  const reportWait = (index: number, ahead: number | undefined) => {
    if (ahead === undefined) waiting.delete(index);
    else waiting.set(index, ahead);
    if (waiting.size > 0) options.onWait?.(Math.max(...waiting.values()));
  };

  let left = 0;
  vantages.forEach((name, index) => options.onEvent?.(vantageStartEvent(name, index)));
  const parts = await Promise.all(
    vantages.map(async (name, index): Promise<VantagePart> => {
      const startMs = since();
      const run = await runPart(name, testInput as TestInput, {
        onEvent: (event) => {
          reportWait(index, undefined);
          options.onEvent?.(eventUnderVantage(event, index));
        },
        onWait: (ahead) => reportWait(index, ahead),
        signal: options.signal,
      }).catch((error: unknown) => {
        // One place that can't be run is that place's error step; the others keep their runs.
        if (error instanceof QueueLeftError) left += 1;
        else logError("vantage point run not sent", error);
        const why = text(error instanceof QueueLeftError ? "engine.queue.left" : "engine.queue.unreachable");
        return unrunResult(testInput as TestInput, new Date(), { code: "queue.worker", title: text("engine.queue.title"), message: why });
      });
      reportWait(index, undefined);
      const result = capResultBytes(run, partBytes);
      options.onEvent?.({ type: "step", path: [index], step: vantageStep(name, result, startMs) });
      return { name, result, startMs };
    }),
  );
  // Nobody waits for a test none of whose places started: nothing is stored, as for a plain test left in the queue.
  if (left === vantages.length) throw new QueueLeftError();
  return saveRun(input, composeVantageResult(input, parts, startedAt, since()), options);
}
