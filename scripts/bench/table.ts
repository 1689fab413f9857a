/** Plain-text, column-aligned tables: the first `leftColumns` columns left-aligned (text), the others right-aligned (numbers). */
export function table(header: string[], rows: string[][], indent = "  ", leftColumns = 1): string {
  const all = [header, ...rows];
  const cols = Math.max(...all.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, c) => Math.max(...all.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) =>
    indent +
    widths
      .map((w, c) => {
        const cell = r[c] ?? "";
        return c < leftColumns ? cell.padEnd(w) : cell.padStart(w);
      })
      .join("  ")
      .trimEnd();
  const rule = indent + widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}

export function fmt(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}
