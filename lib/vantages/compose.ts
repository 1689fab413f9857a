import type { TestInput } from "@/lib/analyzers/catalog";
import { resultOf } from "@/lib/analyzers/run";
import { stepTextFields, text } from "@/lib/engine/text";
import type { RunEvent, Step, TestResult, VantageRun } from "@/lib/engine/types";

/**
 * A test asked for from several vantage points is one run per vantage point; these pure functions make one result of
 * them, and place each run's live events under its vantage point's step.
 */

/** The step that stands for one vantage point's run: `vantage.<name>`, its run's steps as children. */
export function vantageStep(name: string, run: Pick<TestResult, "verdict" | "steps" | "elapsedMs">, startMs: number): Step {
  return {
    code: vantageStepCode(name),
    ...stepTextFields(text("engine.vantage.title", { name }), text(`engine.vantage.${run.verdict}`, { name })),
    status: run.verdict,
    elapsedMs: run.elapsedMs,
    startMs,
    children: run.steps,
  };
}

export function vantageStepCode(name: string): string {
  return `vantage.${name}`;
}

/** The `start` event of vantage point `index`'s step, sent when the runs begin. */
export function vantageStartEvent(name: string, index: number): RunEvent {
  const title = text("engine.vantage.title", { name });
  return { type: "start", path: [index], code: vantageStepCode(name), title: title.english, titleKey: title.key, titleParams: title.params };
}

/** A run's own event, moved under its vantage point's step. */
export function eventUnderVantage(event: RunEvent, index: number): RunEvent {
  return { ...event, path: [index, ...event.path] };
}

export interface VantagePart {
  name: string;
  /** The run from there (an error result when no worker there completed it). */
  result: TestResult;
  /** When it started, in ms after the combined run started. */
  startMs: number;
}

/** One result from every vantage point's run: verdict the worst of theirs, the runs side by side in `vantages`. */
export function composeVantageResult(input: TestInput, parts: readonly VantagePart[], startedAt: Date, elapsedMs: number): TestResult {
  const vantages: VantageRun[] = parts.map(({ name, result }) => ({ name, verdict: result.verdict, steps: result.steps }));
  const steps = parts.map(({ name, result, startMs }) => vantageStep(name, result, startMs));
  return resultOf(input, startedAt, elapsedMs, steps, { vantages });
}
