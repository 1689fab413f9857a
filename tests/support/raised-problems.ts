/**
 * Which problem codes the integration scenarios saw raised, and by which step: appended by `analyze()` as each
 * test runs, compared with the codes the analyzers declare by tests/integration/zz-declared-problems.test.ts,
 * which the sequencer runs last. Cleared by the integration project's global setup.
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Step, TestResult } from "@/lib/engine/types";

export const RAISED_FILE = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "test-results", "raised-problems.jsonl");

export interface RaisedProblem {
  test: string;
  step: string;
  problem: string;
}

/** Problems a step raised itself (a parent that only repeats its child's problem is not counted twice). */
export function raisedProblems(result: TestResult): RaisedProblem[] {
  const raised: RaisedProblem[] = [];
  const visit = (step: Step) => {
    if (step.problem && !step.children.some((child) => child.problem === step.problem))
      raised.push({ test: result.test, step: step.code, problem: step.problem });
    step.children.forEach(visit);
  };
  result.steps.forEach(visit);
  return raised;
}

export function recordRaised(result: TestResult): void {
  const lines = raisedProblems(result).map((entry) => JSON.stringify(entry));
  if (lines.length === 0) return;
  mkdirSync(dirname(RAISED_FILE), { recursive: true });
  appendFileSync(RAISED_FILE, `${lines.join("\n")}\n`);
}

export function readRaised(): RaisedProblem[] {
  let text = "";
  try {
    text = readFileSync(RAISED_FILE, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RaisedProblem);
}

export function clearRaised(): void {
  rmSync(RAISED_FILE, { force: true });
}
