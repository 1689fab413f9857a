import { useTranslations } from "next-intl";
import type { Step, StepStatus, Verdict } from "@/lib/engine/types";
import { StatusIcon } from "./status-icon";

/** The verdicts in English (the pages use useVerdictText, in the reader's language). */
export const VERDICT_TEXT: Record<Verdict, string> = {
  success: "Connectivity test successful",
  warning: "Connectivity test successful with warnings",
  error: "Connectivity test failed",
};

const VERDICT_STYLE: Record<Verdict, string> = {
  success: "border-ok-line bg-ok-subtle",
  warning: "border-warn-line bg-warn-subtle",
  error: "border-bad-line bg-bad-subtle",
};

const VERDICT_HEADING: Record<Verdict, string> = {
  success: "text-ok",
  warning: "text-warn",
  error: "text-bad",
};

/** How many steps of each status the tree holds, children included. */
export function countStatuses(steps: readonly Step[]): Record<StepStatus, number> {
  const counts: Record<StepStatus, number> = { success: 0, warning: 0, error: 0, skipped: 0, info: 0 };
  const visit = (list: readonly Step[]) => {
    for (const step of list) {
      counts[step.status] += 1;
      visit(step.children);
    }
  };
  visit(steps);
  return counts;
}

/** VERDICT_TEXT in the reader's language. */
export function useVerdictText(): (verdict: Verdict) => string {
  const t = useTranslations("verdict");
  return (verdict) => t(verdict);
}

/** The summary banner at the top of a result: green, yellow or red, with an icon and words. */
export function VerdictBanner({ verdict, steps }: { verdict: Verdict; steps: readonly Step[] }) {
  const t = useTranslations("verdict");
  const counts = countStatuses(steps);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const parts = [
    counts.error ? t("errors", { count: counts.error }) : "",
    counts.warning ? t("warnings", { count: counts.warning }) : "",
    counts.skipped ? t("skipped", { count: counts.skipped }) : "",
  ].filter(Boolean);
  const summary = parts.length === 0 ? t("allPassed", { count: total }) : t("someFailed", { parts: parts.join(", "), count: total });
  return (
    <section data-verdict={verdict} aria-label={t("label")} className={`flex items-start gap-3.5 rounded-lg border px-5 py-4 ${VERDICT_STYLE[verdict]}`}>
      <StatusIcon status={verdict} className="mt-0.5 h-7 w-7" decorative />
      <div>
        <p data-testid="verdict" data-verdict={verdict} className={`text-lg font-semibold leading-snug ${VERDICT_HEADING[verdict]}`}>
          {t(verdict)}
        </p>
        <p data-testid="verdict-summary" className="mt-0.5 text-sm text-ink-muted">
          {summary}
        </p>
      </div>
    </section>
  );
}
