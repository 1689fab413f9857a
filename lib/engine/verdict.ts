import type { Step, StepStatus, Verdict } from "./types";

const SEVERITY: Record<StepStatus, number> = { info: 0, skipped: 0, success: 0, warning: 1, error: 2 };

export function worseStatus(a: StepStatus, b: StepStatus): StepStatus {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/** The worst status among the given steps and all their descendants. */
export function worstStatus(steps: readonly Step[]): StepStatus {
  let worst: StepStatus = "success";
  for (const step of steps) {
    worst = worseStatus(worst, step.status);
    worst = worseStatus(worst, worstStatus(step.children));
  }
  return worst;
}

/** The verdict is the worst status among all steps (skipped and info count as success). */
export function verdictOf(steps: readonly Step[]): Verdict {
  const worst = worstStatus(steps);
  return worst === "error" || worst === "warning" ? worst : "success";
}
