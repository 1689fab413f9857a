import Link from "next/link";
import { useTranslations } from "next-intl";
import type { StepChange, StepState } from "@/lib/results/diff";
import { StatusIcon, useStatusLabel } from "./status-icon";

function State({ state, side }: { state: StepState | null; side: "before" | "after" }) {
  const t = useTranslations("diff");
  const statusLabel = useStatusLabel();
  if (!state) return <span className="italic text-ink-muted">{side === "before" ? t("notRun") : t("noLongerRun")}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <StatusIcon status={state.status} className="h-4 w-4" decorative />
      <span>{statusLabel(state.status)}</span>
      {state.problem ? (
        <Link
          href={`/help/${encodeURIComponent(state.problem)}`}
          className="font-mono text-xs text-accent underline-offset-2 hover:underline"
          data-testid="diff-problem"
        >
          {state.problem}
        </Link>
      ) : null}
    </span>
  );
}

/** The steps that changed between two results: a table, readable without JavaScript. */
export function DiffView({ changes }: { changes: StepChange[] }) {
  const t = useTranslations("diff");
  if (changes.length === 0) {
    return (
      <p className="rounded-lg border border-line bg-surface px-5 py-4 text-sm text-ink" data-testid="diff-empty">
        {t("empty")}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-left text-sm" data-testid="diff-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b border-line bg-canvas text-ink-muted">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              {t("step")}
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              {t("before")}
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              <span className="sr-only">{t("became")}</span>
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              {t("after")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line-subtle">
          {changes.map((change) => (
            <tr key={change.code} data-testid="diff-row" data-code={change.code}>
              <th scope="row" className="px-4 py-2 align-top font-normal text-ink">
                <span className="block [overflow-wrap:anywhere]">{change.title}</span>
                <span className="block font-mono text-xs text-ink-muted [overflow-wrap:anywhere]">{change.code}</span>
              </th>
              <td className="px-4 py-2 align-top">
                <State state={change.from} side="before" />
              </td>
              <td className="px-2 py-2 align-top text-ink-muted" aria-hidden="true">
                →
              </td>
              <td className="px-4 py-2 align-top">
                <State state={change.to} side="after" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
