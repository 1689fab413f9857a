/** Small statistics helpers for the benchmark (milliseconds in, milliseconds out). */

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p90: number;
  p95: number;
  max: number;
  mean: number;
}

/** Quantile with linear interpolation between closest ranks (R type 7 / numpy default). `sorted` ascending. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((x, y) => x - y);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    n: sorted.length,
    min: sorted.length ? sorted[0]! : Number.NaN,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p95: quantile(sorted, 0.95),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** Rounds for display/JSON (keeps NaN → null in JSON via the replacer below). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function roundSummary(s: Summary, digits = 2): Summary {
  return {
    n: s.n,
    min: round(s.min, digits),
    p50: round(s.p50, digits),
    p90: round(s.p90, digits),
    p95: round(s.p95, digits),
    max: round(s.max, digits),
    mean: round(s.mean, digits),
  };
}
