/** A fact an earlier step produced; only missing if that step failed, which skips the step asking for it first. */
export function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("a step ran without the result of the step it depends on");
  return value;
}
