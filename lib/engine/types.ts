import { PROBLEM_CODES } from "@/lib/problems";
import { z } from "@/lib/validation/zod";

/**
 * The result and step shapes, as zod schemas: the types below are inferred from them, and a stored result is
 * parsed against them on the way out, so a corrupt row never reaches a page.
 */

export const STEP_STATUSES = ["success", "warning", "error", "skipped", "info"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const VERDICTS = ["success", "warning", "error"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const DetailsSchema = z.record(z.string(), z.unknown());
/** JSON-safe facts behind a step's message (addresses, certificate fields…). */
export type Details = z.infer<typeof DetailsSchema>;

/**
 * The params of a localized step text: flat string and number values (lib/i18n/format.ts says how a param can stand
 * for another catalogue text).
 */
export const TextParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const StepSchema = z.object({
  code: z.string(),
  /** English, always: the command line, the JSON export and older readers show it. */
  title: z.string(),
  status: z.enum(STEP_STATUSES),
  /** English, always, like the title. */
  message: z.string(),
  /**
   * Optional: the catalogue key and params the title / message were rendered from (lib/engine/text.ts), so a page
   * can show them in the reader's language. Absent for plain-string texts and in results stored before them.
   */
  titleKey: z.string().optional(),
  titleParams: TextParamsSchema.optional(),
  messageKey: z.string().optional(),
  messageParams: TextParamsSchema.optional(),
  problem: z.enum(PROBLEM_CODES).optional(),
  details: DetailsSchema.optional(),
  elapsedMs: z.number(),
  /** When the step started, in ms since the run started (for the timing waterfall); absent in results stored before it was recorded. */
  startMs: z.number().optional(),
  get children(): z.ZodArray<typeof StepSchema> {
    return z.array(StepSchema);
  },
});
export type Step = z.infer<typeof StepSchema>;

/** Bumped when the stored shape changes; lib/store/result-version.ts migrates older results so old permalinks keep rendering. */
export const RESULT_SCHEMA_VERSION = 1;

/** One vantage point's run of a test asked for from several (`vantages` in the input). */
export const VantageRunSchema = z.object({
  name: z.string(),
  verdict: z.enum(VERDICTS),
  steps: z.array(StepSchema),
});
export type VantageRun = z.infer<typeof VantageRunSchema>;

export const TestResultSchema = z.object({
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  id: z.string(),
  test: z.string(),
  input: z.record(z.string(), z.unknown()),
  startedAt: z.string(),
  elapsedMs: z.number(),
  verdict: z.enum(VERDICTS),
  steps: z.array(StepSchema),
  /**
   * A test run from several vantage points: each one's run, side by side; `verdict` is the worst of them and `steps`
   * holds one step per vantage point (`vantage.<name>`) with that run's steps as children, for every reader that
   * knows only steps (the text export, the command line, the diff).
   */
  vantages: z.array(VantageRunSchema).optional(),
});
export type TestResult = z.infer<typeof TestResultSchema>;

/** Streamed while a test runs: `start` when a step begins, `step` when it finishes. */
export type RunEvent =
  | { type: "start"; path: number[]; code: string; title: string; titleKey?: string; titleParams?: z.infer<typeof TextParamsSchema> }
  | { type: "step"; path: number[]; step: Step };
