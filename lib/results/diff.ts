import type { Step, StepStatus, TestResult } from "@/lib/engine/types";
import { siblingPaths } from "./step-paths";

/** One side of a changed step: its status and problem code (null when it had none). */
export interface StepState {
  status: StepStatus;
  problem: string | null;
}

/** A step whose status or problem differs between two results, or that exists on one side only. */
export interface StepChange {
  /** The step's path of codes from the top, joined by "/" (a code can repeat under different parents). */
  code: string;
  /** The step's title (from the newer side when it has the step). */
  title: string;
  from: StepState | null;
  to: StepState | null;
}

export interface ResultDiff {
  a: string;
  b: string;
  changes: StepChange[];
}

interface Flat {
  title: string;
  state: StepState;
}

/**
 * Flattens a step tree into path → step, in document order. A path that repeats among siblings (the same code
 * twice under one parent) gets "#2", "#3"… so neither occurrence is lost.
 */
function flatten(steps: Step[], prefix = "", into = new Map<string, Flat>()): Map<string, Flat> {
  for (const [path, step] of siblingPaths(steps, prefix, 2)) {
    into.set(path, { title: step.title, state: { status: step.status, problem: step.problem ?? null } });
    flatten(step.children, `${path}/`, into);
  }
  return into;
}

/**
 * The steps that changed from result `a` to result `b`: status or problem differ, or the step exists on one side
 * only. Steps are matched by their path of codes. Ordered as in `b`, then the steps only `a` had, in `a`'s order.
 */
export function diffResults(a: Pick<TestResult, "id" | "steps">, b: Pick<TestResult, "id" | "steps">): ResultDiff {
  const before = flatten(a.steps);
  const after = flatten(b.steps);
  const changes: StepChange[] = [];
  for (const [path, now] of after) {
    const was = before.get(path);
    if (!was) changes.push({ code: path, title: now.title, from: null, to: now.state });
    else if (was.state.status !== now.state.status || was.state.problem !== now.state.problem) {
      changes.push({ code: path, title: now.title, from: was.state, to: now.state });
    }
  }
  for (const [path, was] of before) {
    if (!after.has(path)) changes.push({ code: path, title: was.title, from: was.state, to: null });
  }
  return { a: a.id, b: b.id, changes };
}
