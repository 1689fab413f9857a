import type { ProblemCode } from "@/lib/problems";
import { englishOf, isLocalized, type LocalizedText, type Text } from "./text";
import type { Details } from "./types";

/**
 * The one error type that carries a verdict about the target: thrown by the network layer and by steps,
 * turned into a failed (or warning) step by the runner. Anything else thrown is an analyzer bug.
 */
export class ProblemError extends Error {
  /** The message as a catalogue text, when it was given as one (lib/engine/text.ts); `message` is its English. */
  readonly text?: LocalizedText;

  constructor(
    readonly problem: ProblemCode,
    message: Text,
    readonly details?: Details,
    readonly status: "error" | "warning" = "error",
  ) {
    super(englishOf(message));
    this.name = "ProblemError";
    if (isLocalized(message)) this.text = message;
  }
}
