import { z } from "zod";
import { PROBLEM_CODES } from "@/lib/problems";
import { STEP_STATUSES, VERDICTS, type Step, type TestResult } from "@/lib/engine/types";

/** The stored result's shape: parsed on the way out, so a corrupt row never reaches a page. */
export const StepSchema: z.ZodType<Step> = z.lazy(() =>
  z.object({
    code: z.string(),
    title: z.string(),
    status: z.enum(STEP_STATUSES),
    message: z.string(),
    problem: z.enum(PROBLEM_CODES).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    elapsedMs: z.number(),
    children: z.array(StepSchema),
  }),
);

export const TestResultSchema: z.ZodType<TestResult> = z.object({
  schemaVersion: z.number().int(),
  id: z.string(),
  test: z.string(),
  input: z.record(z.string(), z.unknown()),
  startedAt: z.string(),
  elapsedMs: z.number(),
  verdict: z.enum(VERDICTS),
  steps: z.array(StepSchema),
});
