import type { ProblemCode } from "@/lib/problems";
import type { Details } from "./types";

/** A judgement made by a pure check: what a step reports, before it is recorded. */
export type Finding =
  | { status: "success" | "info"; message: string; details?: Details }
  | { status: "warning" | "error"; problem: ProblemCode; message: string; details?: Details };

export function ok(message: string, details?: Details): Finding {
  return { status: "success", message, details };
}

export function warning(problem: ProblemCode, message: string, details?: Details): Finding {
  return { status: "warning", problem, message, details };
}

export function error(problem: ProblemCode, message: string, details?: Details): Finding {
  return { status: "error", problem, message, details };
}

/** "Ignore trust for SSL": a certificate error becomes a warning that says it was ignored. */
export function demoteToWarning(finding: Finding): Finding {
  if (finding.status !== "error") return finding;
  return { ...finding, status: "warning", message: `${finding.message} (Ignored: "Ignore trust for SSL" is selected.)` };
}
