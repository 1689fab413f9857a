import { useTranslations } from "next-intl";

/** The catalogue key of each severity's label (`help.severity.<key>`). */
const LABEL_KEYS: Record<string, "error" | "warning" | "errorOrWarning"> = { error: "error", warning: "warning", "error-or-warning": "errorOrWarning" };

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
  const t = useTranslations("help.severity");
  const key = LABEL_KEYS[severity];
  return (
    <span
      data-severity={severity}
      className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold ${STYLES[severity] ?? "border-line bg-canvas text-ink-muted"} ${className}`}
    >
      <span className="sr-only">{t("label")}</span>
      {key ? t(key) : severityLabel(severity)}
    </span>
  );
}
