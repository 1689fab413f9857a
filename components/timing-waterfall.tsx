import { useTranslations } from "next-intl";
import type { Step, StepStatus } from "@/lib/engine/types";
import { formatDuration } from "./format";
import { useStatusLabel } from "./status-icon";
import { useStepText } from "./use-step-text";

/**
 * Where the run's time went: every top-level step (and, opened, its children) as a bar on one time axis. The bars
 * are SVG geometry (x and width attributes), not inline styles, which the page's Content-Security-Policy blocks.
 */

/** The SVG's internal width: bars are placed in these units and the SVG is stretched to the row. */
const AXIS = 1000;
/** A step that took 0 ms still shows as a sliver. */
const MIN_WIDTH = 2;

const BAR_FILL: Record<StepStatus, string> = {
  success: "fill-ok",
  warning: "fill-warn-icon",
  error: "fill-bad",
  skipped: "fill-skip",
  info: "fill-info",
};

/** Whether the waterfall can be drawn: results stored before steps recorded their start can't. */
export function hasTiming(steps: readonly Step[]): boolean {
  return steps.length > 0 && steps.every((step) => step.startMs !== undefined);
}

/** The end of the axis: the run's own time, or the latest step end if that is later. */
function axisEnd(steps: readonly Step[], elapsedMs: number): number {
  let end = elapsedMs;
  const visit = (list: readonly Step[]) => {
    for (const step of list) {
      end = Math.max(end, (step.startMs ?? 0) + step.elapsedMs);
      visit(step.children);
    }
  };
  visit(steps);
  return Math.max(end, 1);
}

function Bar({ step, total, child }: { step: Step; total: number; child: boolean }) {
  const start = Math.min(AXIS, ((step.startMs ?? 0) / total) * AXIS);
  const width = Math.max(MIN_WIDTH, Math.min(AXIS - start, (step.elapsedMs / total) * AXIS));
  return (
    <svg
      viewBox={`0 0 ${AXIS} 10`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
      className={child ? "h-2 w-full" : "h-3 w-full"}
      data-testid={child ? "waterfall-child-bar" : "waterfall-bar"}
      data-start-ms={step.startMs ?? 0}
      data-elapsed-ms={step.elapsedMs}
    >
      <rect x="0" y="0" width={AXIS} height="10" className="fill-line-subtle" />
      <rect x={start.toFixed(1)} y="0" width={width.toFixed(1)} height="10" rx="1.5" className={BAR_FILL[step.status]} />
    </svg>
  );
}

function Row({ step, total, child = false }: { step: Step; total: number; child?: boolean }) {
  const t = useTranslations("timing");
  const statusLabel = useStatusLabel();
  const title = useStepText().title(step);
  const label = t("row", { title, status: statusLabel(step.status), start: formatDuration(step.startMs ?? 0), took: formatDuration(step.elapsedMs) });
  return (
    <div className="grid grid-cols-[minmax(0,16rem)_minmax(0,1fr)_4.5rem] items-center gap-3 py-1 text-sm" aria-label={label} role="group">
      <span className={`truncate ${child ? "pl-4 text-ink-muted" : "text-ink"}`} title={title}>
        {title}
      </span>
      <Bar step={step} total={total} child={child} />
      <span className="text-right text-xs tabular-nums text-ink-muted">{step.status === "skipped" ? t("skipped") : formatDuration(step.elapsedMs)}</span>
    </div>
  );
}

export function TimingWaterfall({ steps, elapsedMs }: { steps: readonly Step[]; elapsedMs: number }) {
  const total = axisEnd(steps, elapsedMs);
  return (
    <div data-testid="waterfall" data-total-ms={total}>
      <div className="grid grid-cols-[minmax(0,16rem)_minmax(0,1fr)_4.5rem] gap-3 pb-1 text-xs tabular-nums text-ink-muted" aria-hidden="true">
        <span />
        <span className="flex justify-between">
          <span>0 ms</span>
          <span>{formatDuration(total / 2)}</span>
          <span>{formatDuration(total)}</span>
        </span>
        <span />
      </div>
      <ol className="divide-y divide-line-subtle">
        {steps.map((step, index) => (
          <li key={index}>
            {step.children.length > 0 ? (
              <details data-testid="waterfall-step">
                <summary className="cursor-pointer rounded hover:bg-canvas">
                  <Row step={step} total={total} />
                </summary>
                <div className="pb-1">
                  {step.children.map((child, childIndex) => (
                    <Row key={childIndex} step={child} total={total} child />
                  ))}
                </div>
              </details>
            ) : (
              <Row step={step} total={total} />
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
