import type { Step, TestResult } from "@/lib/engine/types";
import { LIMITS } from "@/lib/net/limits";

/**
 * A cap in bytes on a stored result. A result larger than the cap (serialised as JSON, UTF-8) loses, in this order,
 * until it fits: the largest step details first (each replaced by a note saying why), then the longest messages
 * (shortened). What a result means is never dropped: every step keeps its code, title, status, problem and place in
 * the tree, and the verdict stays. A result that still doesn't fit after that (tens of thousands of steps) is kept as
 * small as it could be made; nothing an analyzer builds comes near that.
 */

/** A message longer than this is shortened when a result must shrink. */
export const SHORT_MESSAGE_CHARS = 200;

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), "utf8");
}

export function detailsRemovedNote(maxBytes: number): { truncated: string } {
  return { truncated: `details removed: the result was larger than ${maxBytes} bytes` };
}

function shortened(message: string): string {
  return `${message.slice(0, SHORT_MESSAGE_CHARS)}… (shortened: the result was too large to store in full)`;
}

function allSteps(steps: Step[], into: Step[] = []): Step[] {
  for (const step of steps) {
    into.push(step);
    allSteps(step.children, into);
  }
  return into;
}

/** The result itself when it fits in `maxBytes`; otherwise a smaller copy. Never mutates its input. */
export function capResultBytes(result: TestResult, maxBytes: number = LIMITS.resultBytes): TestResult {
  let total = bytesOf(result);
  if (total <= maxBytes) return result;

  const copy = structuredClone(result);
  const steps = allSteps(copy.steps);

  // Largest details first. Replacing one JSON value by another changes the whole serialisation by exactly the
  // difference of the two, so the total is kept without serialising the result again.
  const note = detailsRemovedNote(maxBytes);
  const noteBytes = bytesOf(note);
  const withDetails = steps
    .filter((step) => step.details !== undefined)
    .map((step) => ({ step, bytes: bytesOf(step.details) }))
    .filter(({ bytes }) => bytes > noteBytes)
    .sort((a, b) => b.bytes - a.bytes);
  for (const { step, bytes } of withDetails) {
    if (total <= maxBytes) return copy;
    step.details = { ...note };
    total -= bytes - noteBytes;
  }

  // Then the longest messages, shortened.
  const longMessages = steps
    .filter((step) => bytesOf(step.message) > bytesOf(shortened(step.message)))
    .map((step) => ({ step, bytes: bytesOf(step.message) }))
    .sort((a, b) => b.bytes - a.bytes);
  for (const { step, bytes } of longMessages) {
    if (total <= maxBytes) return copy;
    step.message = shortened(step.message);
    total -= bytes - bytesOf(step.message);
  }
  return copy;
}
