import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { Step } from "@/lib/engine/types";
import { compareVantages, type VantageRow, type VantageRun } from "@/lib/results/vantage-compare";
import { DetailsView, useDetailLabel } from "./details-view";
import { StatusIcon, useStatusLabel } from "./status-icon";
import { useStepText } from "./use-step-text";

/**
 * One test seen from several vantage points, side by side: a row per step, a column per vantage, the rows that
 * differ highlighted and labelled in words. Works without JavaScript (the "only differing" filter is a checkbox read
 * by CSS). Names, titles, messages and details are server text, rendered as text.
 */

/** Indentation by depth; literal class names so Tailwind sees them. Deeper steps stay at the last level. */
const INDENT = ["pl-0", "pl-4", "pl-8", "pl-12", "pl-16", "pl-20"] as const;

/** Hides a row that neither differs nor leads to one while the filter checkbox of the section is checked. */
const HIDDEN_WHEN_FILTERED = "group-has-[[data-vantage-filter]:checked]/vantages:hidden";

export function VantageComparison({ vantages }: { vantages: readonly VantageRun[] }) {
  const t = useTranslations("vantages");
  const format = useFormatter();
  const first = vantages[0];
  if (!first) return null;
  if (vantages.length === 1) {
    return <p className="rounded-md border border-line bg-surface px-4 py-3 text-sm text-ink-muted">{t("single", { name: first.name })}</p>;
  }
  const comparison = compareVantages(vantages);
  const names = format.list(comparison.names, { type: "conjunction" });
  return (
    <div className="group/vantages space-y-3">
      <p className="text-sm text-ink" data-testid="vantage-summary" data-differing={comparison.differing}>
        {comparison.differing > 0 ? t("summary", { count: comparison.differing, names }) : t("same", { names })}
      </p>
      {comparison.differing > 0 ? <OnlyDifferingToggle /> : null}
      <div className="overflow-x-auto rounded-lg border border-line bg-surface">
        <table className="w-full border-collapse text-left text-sm" data-testid="vantage-comparison">
          <caption className="sr-only">{t("caption", { names })}</caption>
          <thead className="border-b border-line bg-canvas text-ink-muted">
            <tr>
              <th scope="col" className="min-w-[14rem] px-4 py-2 font-medium">
                {t("step")}
              </th>
              {vantages.map((vantage, index) => (
                <VantageHeader key={index} vantage={vantage} />
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-line-subtle">
            {comparison.rows.map((row) => (
              <ComparisonRow key={row.key} row={row} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A plain checkbox: CSS (:has) hides the rows, so it works without JavaScript. */
function OnlyDifferingToggle() {
  const t = useTranslations("vantages");
  return (
    <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-ink print:hidden">
      <input type="checkbox" data-vantage-filter="" className="h-4 w-4 accent-accent" />
      {t("onlyDiffering")}
    </label>
  );
}

function VantageHeader({ vantage }: { vantage: VantageRun }) {
  const statusLabel = useStatusLabel();
  return (
    <th scope="col" className="min-w-[16rem] px-4 py-2 align-bottom font-medium" data-testid="vantage-column" data-verdict={vantage.verdict}>
      <span className="flex items-center gap-1.5">
        <StatusIcon status={vantage.verdict} className="h-4 w-4" decorative />
        <span className="font-semibold text-ink [overflow-wrap:anywhere]">{vantage.name}</span>
      </span>
      <span className="block text-xs font-normal">{statusLabel(vantage.verdict)}</span>
    </th>
  );
}

function ComparisonRow({ row }: { row: VantageRow }) {
  const quiet = !row.differs && !row.childrenDiffer;
  return (
    <tr
      data-testid="vantage-row"
      data-code={row.key}
      data-differs={row.differs ? "true" : "false"}
      className={["align-top", row.differs ? "bg-warn-subtle" : "", quiet ? HIDDEN_WHEN_FILTERED : ""].filter(Boolean).join(" ")}
    >
      <StepHeading row={row} />
      {row.cells.map((step, index) => (
        <td key={index} className="px-4 py-2">
          {step ? <PresentCell step={step} row={row} /> : <MissingCell />}
        </td>
      ))}
    </tr>
  );
}

/** The step's title (from the first vantage that ran it), indented by depth, and what differs in words. */
function StepHeading({ row }: { row: VantageRow }) {
  const t = useTranslations("vantages");
  const text = useStepText();
  const step = row.cells.find((cell) => cell !== undefined);
  const marker = row.differs ? "border-l-warn-icon" : row.childrenDiffer ? "border-l-warn-line" : "border-l-transparent";
  return (
    <th scope="row" className={`border-l-4 px-4 py-2 font-normal text-ink ${marker}`}>
      <div className={INDENT[Math.min(row.depth, INDENT.length - 1)]}>
        <span className={`block [overflow-wrap:anywhere] ${row.depth === 0 ? "font-semibold" : "font-medium"}`}>{step ? text.title(step) : row.key}</span>
        {row.differs ? <DiffersBadge row={row} /> : null}
        {!row.differs && row.childrenDiffer ? <span className="mt-0.5 block text-xs text-ink-muted">{t("childrenDiffer")}</span> : null}
      </div>
    </th>
  );
}

function DiffersBadge({ row }: { row: VantageRow }) {
  const t = useTranslations("vantages");
  const format = useFormatter();
  const reasons = format.list(
    row.reasons.map((reason) => t(`reason.${reason}`)),
    { type: "conjunction" },
  );
  return (
    <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs">
      <span className="rounded border border-warn-line bg-surface px-1.5 py-px font-semibold text-warn" data-testid="vantage-differs">
        {t("differs")}
      </span>
      <span className="text-ink-muted">
        <span className="sr-only">{t("reasonsLabel")} </span>
        {reasons}
      </span>
    </span>
  );
}

function MissingCell() {
  const t = useTranslations("vantages");
  return (
    <span className="text-ink-muted" data-testid="vantage-missing">
      <span aria-hidden="true">— </span>
      <span className="italic">{t("notRun")}</span>
    </span>
  );
}

function PresentCell({ step, row }: { step: Step; row: VantageRow }) {
  const text = useStepText();
  const message = step.message ? text.message(step) : "";
  return (
    <div className="flex items-start gap-2">
      <StatusIcon status={step.status} className="mt-0.5 h-4 w-4" />
      <div className="min-w-0 flex-1 space-y-1.5">
        {message ? <p className="whitespace-pre-line text-ink [overflow-wrap:anywhere]">{message}</p> : null}
        {step.problem ? (
          <Link
            href={`/help/${encodeURIComponent(step.problem)}`}
            className="block font-mono text-xs text-accent underline-offset-2 hover:underline [overflow-wrap:anywhere]"
          >
            {step.problem}
          </Link>
        ) : null}
        {row.reasons.includes("details") ? <CellDetails details={step.details} keys={row.detailKeys} /> : null}
      </div>
    </div>
  );
}

/** This side's details, closed by default, its summary naming the keys that differ. */
function CellDetails({ details, keys }: { details: Step["details"]; keys: readonly string[] }) {
  const t = useTranslations("vantages");
  const format = useFormatter();
  const labelOf = useDetailLabel();
  const hasDetails = details !== undefined && Object.keys(details).length > 0;
  return (
    <details data-testid="vantage-details" className="rounded-md border border-line-subtle bg-canvas/60">
      <summary className="flex cursor-pointer items-center gap-1 rounded-md px-2.5 py-1 text-xs font-semibold text-ink-muted hover:text-ink">
        <Chevron />
        {t("detailsDiffer", { keys: format.list(keys.map(labelOf), { type: "conjunction" }) })}
      </summary>
      <div className="border-t border-line-subtle bg-surface px-2.5 py-1.5">
        {hasDetails ? <DetailsView details={details} /> : <p className="text-xs italic text-ink-muted">{t("noDetails")}</p>}
      </div>
    </details>
  );
}

/** The disclosure chevron, turned while its <details> is open (the browser's marker is hidden site-wide). */
function Chevron() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="h-3.5 w-3.5 shrink-0 transition-transform [details[open]>summary>&]:rotate-90">
      <path d="m6 3.5 4.5 4.5L6 12.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
