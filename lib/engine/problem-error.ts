import type { ProblemCode } from "@/lib/problems";
import type { Details } from "./types";

/**
 * The one error type that carries a verdict about the target: thrown by the network layer and by steps,
 * turned into a failed (or warning) step by the runner. Anything else thrown is an analyzer bug.
 */
export class ProblemError extends Error {
  constructor(
    readonly problem: ProblemCode,
    message: string,
    readonly details?: Details,
    readonly status: "error" | "warning" = "error",
  ) {
    super(message);
    this.name = "ProblemError";
  }
}
