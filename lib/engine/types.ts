import type { ProblemCode } from "@/lib/problems";

export const STEP_STATUSES = ["success", "warning", "error", "skipped", "info"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const VERDICTS = ["success", "warning", "error"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** JSON-safe facts behind a step's message (addresses, certificate fields…). */
export type Details = Record<string, unknown>;

export interface Step {
  code: string;
  title: string;
  status: StepStatus;
  message: string;
  problem?: ProblemCode;
  details?: Details;
  elapsedMs: number;
  children: Step[];
}

/** Bumped when the stored shape changes, so old permalinks keep rendering. */
export const RESULT_SCHEMA_VERSION = 1;

export interface TestResult {
  schemaVersion: number;
  id: string;
  test: string;
  input: Record<string, unknown>;
  startedAt: string;
  elapsedMs: number;
  verdict: Verdict;
  steps: Step[];
}

/** Streamed while a test runs: `start` when a step begins, `step` when it finishes. */
export type RunEvent =
  | { type: "start"; path: number[]; code: string; title: string }
  | { type: "step"; path: number[]; step: Step };
