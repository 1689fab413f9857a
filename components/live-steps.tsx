"use client";

import { useTranslations } from "next-intl";
import type { Step, StepStatus } from "@/lib/engine/types";
import { formatDuration } from "./format";
import { Spinner, StatusIcon, useStatusLabel } from "./status-icon";
import { useStepText } from "./use-step-text";

/** One row of the live view: started (no status yet) or finished. */
export interface LiveStep {
  path: number[];
  code: string;
  /** English, as stored; the key and params (when the step has them) give the reader's language. */
  title: string;
  titleKey?: string;
  titleParams?: Record<string, string | number>;
  status?: StepStatus;
  message?: string;
  messageKey?: string;
  messageParams?: Record<string, string | number>;
  elapsedMs?: number;
}

export type LiveSteps = ReadonlyMap<string, LiveStep>;

const keyOf = (path: readonly number[]) => path.join(".");

/** The step running now: the deepest, latest started one that hasn't finished (what the status line names). */
export function runningStep(steps: LiveSteps): LiveStep | undefined {
  let running: LiveStep | undefined;
  for (const step of steps.values()) if (!step.status) running = step;
  return running;
}

/** A step began: show it with a spinner (unless it already finished). */
export function applyStart(
  steps: LiveSteps,
  event: { path: number[]; code: string; title: string; titleKey?: string; titleParams?: Record<string, string | number> },
): LiveSteps {
  const key = keyOf(event.path);
  if (steps.get(key)?.status) return steps;
  const next = new Map(steps);
  const localized = event.titleKey ? { titleKey: event.titleKey, ...(event.titleParams ? { titleParams: event.titleParams } : {}) } : {};
  next.set(key, { path: event.path, code: event.code, title: event.title, ...localized });
  return next;
}

/**
 * A step finished. Skipped steps arrive without a start; children normally finish before their parent, but any
 * child the live view missed is filled in from the finished step.
 */
export function applyStep(steps: LiveSteps, event: { path: number[]; step: Step }): LiveSteps {
  const next = new Map(steps);
  const visit = (path: number[], step: Step, overwrite: boolean) => {
    const key = keyOf(path);
    if (overwrite || !next.get(key)?.status) {
      next.set(key, {
        path,
        code: step.code,
        title: step.title,
        status: step.status,
        message: step.message,
        elapsedMs: step.elapsedMs,
        ...(step.titleKey ? { titleKey: step.titleKey, titleParams: step.titleParams } : {}),
        ...(step.messageKey ? { messageKey: step.messageKey, messageParams: step.messageParams } : {}),
      });
    }
    step.children.forEach((child, index) => visit([...path, index], child, false));
  };
  visit(event.path, event.step, true);
  return next;
}

function comparePaths(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const diff = (a[index] ?? 0) - (b[index] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/** What a queued test shows: the stream's `queue` event says how many tests wait ahead of it (0: it starts next). */
export function queueText(ahead: number): string {
  return ahead === 0 ? "Waiting: your test starts next" : `Waiting: ${ahead} ${ahead === 1 ? "test" : "tests"} ahead`;
}

/** queueText in the reader's language. */
export function useQueueText(): (ahead: number) => string {
  const t = useTranslations("live");
  return (ahead) => (ahead === 0 ? t("queueNext") : t("queueAhead", { count: ahead }));
}

/**
 * The steps of a running test, in tree order, indented by depth: a spinner while running, then the outcome.
 * Before the first step, the queue position while the analyzer is busy (`queueAhead`), else "Starting".
 */
export function LiveStepList({ steps, running, queueAhead }: { steps: LiveSteps; running: boolean; queueAhead?: number }) {
  const t = useTranslations("live");
  const queueText = useQueueText();
  const statusLabel = useStatusLabel();
  const text = useStepText();
  const rows = [...steps.values()].sort((a, b) => comparePaths(a.path, b.path));
  return (
    <ol data-testid="live-steps" aria-label={t("progress")} aria-live="polite" aria-busy={running} className="divide-y divide-line-subtle">
      {rows.length === 0 && running ? (
        <li className="flex items-center gap-2.5 px-4 py-2.5 text-sm text-ink-muted" data-testid={queueAhead === undefined ? undefined : "queue-position"}>
          <Spinner className="h-4 w-4" label={queueAhead === undefined ? t("starting") : t("waiting")} />
          {queueAhead === undefined ? t("startingTest") : `${queueText(queueAhead)}…`}
        </li>
      ) : null}
      {rows.map((row) => {
        const depth = Math.max(0, row.path.length - 1);
        return (
          <li
            key={keyOf(row.path)}
            data-testid="live-step"
            data-code={row.code}
            data-status={row.status ?? "running"}
            className="flex items-start gap-2.5 py-2 pr-4 text-sm"
            style={{ paddingLeft: `${1 + depth * 1.75}rem` }}
          >
            <span className="mt-px">{row.status ? <StatusIcon status={row.status} /> : <Spinner label={statusLabel("running")} />}</span>
            <div className="min-w-0 flex-1">
              <p
                className={`[overflow-wrap:anywhere] ${depth === 0 ? "font-semibold" : "font-medium"} ${row.status === "skipped" ? "text-ink-muted" : "text-ink"}`}
              >
                {text.title(row)}
                <span className="sr-only"> ({row.status ? statusLabel(row.status) : t("running")})</span>
              </p>
              {row.message ? <p className="mt-0.5 text-ink-muted [overflow-wrap:anywhere]">{text.message(row)}</p> : null}
            </div>
            {row.elapsedMs !== undefined ? (
              <span className="shrink-0 text-xs leading-6 tabular-nums text-ink-muted">{formatDuration(row.elapsedMs)}</span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
