import type { TestRun } from "@/lib/engine/runner";
import type { TestId, TestInput } from "./schemas";

/** One analyzer test: composes named steps on the run; never throws for a verdict about the server. */
export interface AnalyzerTest<I extends TestInput = TestInput> {
  id: I["test"];
  run(input: I, run: TestRun): Promise<void>;
}

export type TestRegistry = { [K in TestId]: AnalyzerTest<Extract<TestInput, { test: K }>> };
