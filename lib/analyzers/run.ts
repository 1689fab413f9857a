import "server-only";
import { randomBytes } from "node:crypto";
import { targetOf } from "@/lib/api/limits";
import { testDeadlineMs } from "@/lib/config/env";
import { permalinkPath } from "@/lib/constants";
import { TestRun, type EmitEvent } from "@/lib/engine/runner";
import { stepTextFields, type LocalizedText } from "@/lib/engine/text";
import { RESULT_SCHEMA_VERSION, type Step, type TestResult } from "@/lib/engine/types";
import { verdictOf } from "@/lib/engine/verdict";
import { logTestFinished } from "@/lib/log/logger";
import { hashDeleteToken, saveResult } from "@/lib/store";
import { capResultBytes } from "@/lib/store/result-cap";
import { publicInput, type TestInput } from "./catalog";
import { runnerOf } from "./registry";

/** 128 random bits, URL-safe: permalinks can't be guessed. */
export function newResultId(): string {
  return randomBytes(16).toString("base64url");
}

/** Runs one test to completion and answers its result; credentials in `input` never reach the result. */
export async function runTest(input: TestInput, onEvent: EmitEvent = () => {}): Promise<TestResult> {
  const startedAt = new Date();
  const started = performance.now();
  const run = new TestRun(onEvent, { deadlineMs: testDeadlineMs() });
  const runAnalyzer = await runnerOf(input.test);
  try {
    await runAnalyzer(input, run);
  } finally {
    run.close();
  }
  return resultOf(input, startedAt, Math.round(performance.now() - started), run.steps);
}

/** A new result of `input` made of `steps`: its verdict the worst of them; credentials never reach it. */
export function resultOf(input: TestInput, startedAt: Date, elapsedMs: number, steps: Step[], extra: Pick<TestResult, "vantages"> = {}): TestResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    id: newResultId(),
    test: input.test,
    input: publicInput(input),
    startedAt: startedAt.toISOString(),
    elapsedMs,
    verdict: verdictOf(steps),
    steps,
    ...extra,
  };
}

export interface SavedRun {
  id: string;
  /** The permalink path, /r/<id>. */
  url: string;
  /** Deletes the result with DELETE /api/results/<id> (Authorization: Bearer <token>); returned once, never stored. */
  deleteToken: string;
  result: TestResult;
}

/** Who asked for a run, for its log line. */
export interface RunContext {
  /** The client's rate-limit key (lib/api/client-address.ts). */
  client?: string;
  /** How long the run waited in the queue. */
  queuedMs?: number;
}

/** Runs a test and stores its result, then logs one line for it: what every entry point (API, stream, form post) does. */
export async function runAndSave(input: TestInput, onEvent?: EmitEvent, context: RunContext = {}): Promise<SavedRun> {
  return saveRun(input, await runTest(input, onEvent), context);
}

/** Stores a finished run's result and logs its line; answers the permalink and the one-time delete token. */
export async function saveRun(input: TestInput, finished: TestResult, context: RunContext = {}): Promise<SavedRun> {
  // Capped in bytes before it is stored, and the caller gets the same capped result the permalink will show.
  const result = capResultBytes(finished);
  // Handed to the creator once, never stored (only its hash): whoever holds it may delete the result.
  const deleteToken = newResultId();
  await saveResult(result, hashDeleteToken(deleteToken));
  logTestFinished({
    id: result.id,
    test: result.test,
    target: targetOf(input),
    verdict: result.verdict,
    ms: result.elapsedMs,
    client: context.client,
    queuedMs: context.queuedMs,
  });
  return { id: result.id, url: permalinkPath(result.id), deleteToken, result };
}

/**
 * The result of a test that never ran where it was sent (no worker took it, or its worker died twice): one error step
 * saying why. The problem is the analyzer's (INTERNAL_ERROR), not a verdict about the server.
 */
export function unrunResult(input: TestInput, startedAt: Date, why: { code: string; title: LocalizedText; message: LocalizedText }): TestResult {
  const elapsedMs = Date.now() - startedAt.getTime();
  const step: Step = {
    code: why.code,
    ...stepTextFields(why.title, why.message),
    status: "error",
    problem: "INTERNAL_ERROR",
    elapsedMs,
    startMs: 0,
    children: [],
  };
  return resultOf(input, startedAt, elapsedMs, [step]);
}
