import "server-only";
import type { TestRun } from "@/lib/engine/runner";
import type { TestId, TestInput } from "./catalog";

/** One test's steps on a run; never throws for a verdict about the server. */
export type RunAnalyzer<Input> = (input: Input, run: TestRun) => Promise<void>;

/**
 * The run function of a catalogued test, by convention the default export of `lib/analyzers/<id>/run.ts`: the
 * catalogue line is the only registration a test needs. `id` is a catalogued id (the input passed its schema),
 * never free text.
 */
export async function runnerOf(id: TestId): Promise<RunAnalyzer<TestInput>> {
  const loaded = (await import(`./${id}/run.ts`)) as { default?: unknown };
  if (typeof loaded.default !== "function") throw new Error(`lib/analyzers/${id}/run.ts must export its run function as the default export`);
  return loaded.default as RunAnalyzer<TestInput>;
}
