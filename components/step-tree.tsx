import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Step } from "@/lib/engine/types";
import { TRUST_STEP_CODE } from "@/lib/results/chain-picture";
import { ChainPicture } from "./chain-picture";
import { DetailsView } from "./details-view";
import { formatDuration } from "./format";
import { StatusIcon, useStatusLabel } from "./status-icon";
import { useStepText } from "./use-step-text";

/**
 * The result's steps as nested <details>, like Microsoft's analyzer: a failed or warning step is open, the rest
 * closed; everything works without JavaScript. Titles, messages and details are server text, rendered as text.
 * Titles and messages are shown in the reader's language when the step carries their keys (lib/i18n/step-text.ts).
 */
export function StepTree({ steps }: { steps: readonly Step[] }) {
  const t = useTranslations("stepTree");
  if (steps.length === 0) {
    return <p className="rounded-md border border-line bg-surface px-4 py-3 text-sm text-ink-muted">{t("none")}</p>;
  }
  return (
    <ol className="space-y-2" data-step-tree="">
      {steps.map((step, index) => (
        <li key={index}>
          <StepItem step={step} depth={0} />
        </li>
      ))}
    </ol>
  );
}

function Chevron() {
  return (
    <svg
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      className="mt-[0.2rem] h-4 w-4 shrink-0 text-ink-muted transition-transform [details[open]>summary>&]:rotate-90"
    >
      <path d="m6 3.5 4.5 4.5L6 12.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function StepItem({ step, depth }: { step: Step; depth: number }) {
  const t = useTranslations("stepTree");
  const statusLabel = useStatusLabel();
  const text = useStepText();
  const open = step.status === "error" || step.status === "warning";
  const top = depth === 0;
  const hasDetails = step.details !== undefined && Object.keys(step.details).length > 0;
  return (
    <details
      data-testid="step"
      data-code={step.code}
      data-status={step.status}
      open={open}
      className={top ? "overflow-hidden rounded-md border border-line bg-surface shadow-[0_1px_2px_rgba(0,0,0,0.04)]" : "rounded-md"}
    >
      <summary
        className={
          "flex cursor-pointer items-start gap-2 rounded-md px-3 py-2 hover:bg-canvas " + "focus-visible:outline-offset-[-2px] " + (top ? "py-2.5" : "")
        }
      >
        <Chevron />
        <StatusIcon status={step.status} />
        <span
          className={`min-w-0 flex-1 [overflow-wrap:anywhere] ${top ? "font-semibold" : "font-medium"} ${step.status === "skipped" ? "text-ink-muted" : "text-ink"}`}
        >
          {text.title(step)}
        </span>
        {step.status !== "success" ? <span className="sr-only">({statusLabel(step.status)})</span> : null}
        {step.status === "skipped" ? (
          <span className="shrink-0 pl-2 text-xs leading-6 text-ink-muted" aria-hidden="true">
            {t("skipped")}
          </span>
        ) : (
          <span className="shrink-0 pl-2 text-xs leading-6 tabular-nums text-ink-muted" title={t("timeTitle")}>
            {formatDuration(step.elapsedMs)}
          </span>
        )}
      </summary>
      <div className={`pb-3 pl-4 pr-3 sm:pl-[3.25rem] ${top ? "border-t border-line-subtle pt-3" : "pt-0.5"}`}>
        <StepBody step={step} hasDetails={hasDetails} />
        {/* The built certificate path, drawn above the per-certificate steps it summarizes. */}
        {step.code === TRUST_STEP_CODE ? <ChainPicture step={step} /> : null}
        {step.children.length > 0 ? (
          <ol className="mt-3 space-y-0.5 border-l-2 border-line-subtle pl-1">
            {step.children.map((child, index) => (
              <li key={index}>
                <StepItem step={child} depth={depth + 1} />
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </details>
  );
}

function StepBody({ step, hasDetails }: { step: Step; hasDetails: boolean }) {
  const t = useTranslations("stepTree");
  const text = useStepText();
  return (
    <div className="space-y-2 text-sm">
      {step.message ? <p className="whitespace-pre-line text-ink [overflow-wrap:anywhere]">{text.message(step)}</p> : null}
      {step.problem ? (
        <p>
          <Link
            href={`/help/${encodeURIComponent(step.problem)}`}
            data-testid="help-link"
            className={
              "inline-flex items-center gap-1.5 rounded font-semibold underline-offset-2 hover:underline " +
              (step.status === "error" ? "text-bad" : step.status === "warning" ? "text-warn" : "text-accent")
            }
          >
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="h-4 w-4">
              <path
                d="M10.6 2.2a3.6 3.6 0 0 0-4.4 4.6L2.3 10.7a1.3 1.3 0 0 0 1.9 1.9l3.9-3.9a3.6 3.6 0 0 0 4.6-4.4l-2 2-1.8-.3-.3-1.8 2-2Z"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.3"
                strokeLinejoin="round"
              />
            </svg>
            {t("howToFix", { code: step.problem })}
          </Link>
        </p>
      ) : null}
      {hasDetails ? (
        <details data-testid="additional-details" className="rounded-md border border-line-subtle bg-canvas/60">
          <summary className="flex cursor-pointer items-center gap-1.5 rounded-md px-2.5 py-1.5 text-[0.8125rem] font-semibold text-ink-muted hover:text-ink">
            <Chevron />
            {t("additionalDetails")}
          </summary>
          <div className="border-t border-line-subtle bg-surface px-3 py-2">
            <DetailsView details={step.details ?? {}} />
          </div>
        </details>
      ) : null}
    </div>
  );
}
