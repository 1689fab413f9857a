/** Plain-text, column-aligned tables. First column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][], indent = "  "): string {
  const all = [header, ...rows];
  const cols = Math.max(...all.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, c) => Math.max(...all.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) =>
    indent +
    widths
      .map((w, c) => {
        const cell = r[c] ?? "";
        return c === 0 ? cell.padEnd(w) : cell.padStart(w);
      })
      .join("  ")
      .trimEnd();
  const rule = indent + widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}

export function fmt(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}
