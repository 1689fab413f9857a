import "server-only";
import { randomBytes } from "node:crypto";
import { TestRun, type EmitEvent } from "@/lib/engine/runner";
import { RESULT_SCHEMA_VERSION, type TestResult } from "@/lib/engine/types";
import { verdictOf } from "@/lib/engine/verdict";
import { TESTS } from "./registry";
import { publicInput, type TestInput } from "./schemas";
import type { AnalyzerTest } from "./types";

/** 128 random bits, URL-safe: permalinks can't be guessed. */
export function newResultId(): string {
  return randomBytes(16).toString("base64url");
}

/** Runs one test to completion and answers its result; credentials in `input` never reach the result. */
export async function runTest(input: TestInput, onEvent: EmitEvent = () => {}): Promise<TestResult> {
  const startedAt = new Date();
  const started = performance.now();
  const run = new TestRun(onEvent);
  const test = TESTS[input.test] as AnalyzerTest;
  try {
    await test.run(input, run);
  } finally {
    run.close();
  }
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    id: newResultId(),
    test: input.test,
    input: publicInput(input),
    startedAt: startedAt.toISOString(),
    elapsedMs: Math.round(performance.now() - started),
    verdict: verdictOf(run.steps),
    steps: run.steps,
  };
}
