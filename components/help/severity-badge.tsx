const STYLES: Record<string, string> = {
  error: "border-bad-line bg-bad-subtle text-bad",
  warning: "border-warn-line bg-warn-subtle text-warn",
  "error-or-warning": "border-warn-line bg-warn-subtle text-[#8a4b00]",
  info: "border-line bg-accent-subtle text-accent",
};

/** "error-or-warning" → "Error or warning". */
export function severityLabel(severity: string): string {
  const text = severity.replace(/-or-/g, " or ").replace(/[-_]/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function SeverityBadge({ severity, className = "" }: { severity: string; className?: string }) {
  return (
    <span
      data-severity={severity}
      className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold ${STYLES[severity] ?? "border-line bg-canvas text-ink-muted"} ${className}`}
    >
      <span className="sr-only">Severity: </span>
      {severityLabel(severity)}
    </span>
  );
}
