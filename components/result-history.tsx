import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { env } from "@/lib/config/env";
import { permalinkPath } from "@/lib/constants";
import type { TestResult } from "@/lib/engine/types";
import { HISTORY_MAX_LIMIT, hostOfResult, listResults } from "@/lib/store";
import { formatUtc } from "./format";
import { StatusIcon } from "./status-icon";
import { buttonClasses } from "./ui/button";

/** How many earlier runs the result page lists. */
const SHOWN = 5;

/** The path of the page comparing result `a` (before) with result `b` (after). */
export function diffPath(a: string, b: string): string {
  return `${permalinkPath(a)}/diff/${encodeURIComponent(b)}`;
}

/**
 * "Earlier runs of this test for <host>": up to five links and "Compare with previous run". Server-rendered;
 * nothing when RCA_HISTORY=off or when there is no earlier run.
 */
export async function ResultHistory({ result }: { result: TestResult }) {
  if (!env().RCA_HISTORY) return null;
  const host = hostOfResult(result);
  if (!host) return null;
  const started = Date.parse(result.startedAt);
  const earlier = (await listResults({ host, test: result.test, limit: HISTORY_MAX_LIMIT }))
    .filter((row) => row.id !== result.id && Date.parse(row.startedAt) <= started)
    .slice(0, SHOWN);
  const previous = earlier[0];
  if (!previous) return null;
  const t = await getTranslations();
  const locale = await getLocale();

  return (
    <section aria-labelledby="history-heading" className="rounded-lg border border-line bg-surface" data-testid="result-history">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line-subtle px-5 py-3">
        <h2 id="history-heading" className="text-base font-semibold text-ink [overflow-wrap:anywhere]">
          {t("history.heading", { host })}
        </h2>
        <Link href={diffPath(previous.id, result.id)} className={buttonClasses("secondary", "sm")} data-testid="compare-previous">
          {t("history.compare")}
        </Link>
      </div>
      <ul className="divide-y divide-line-subtle text-sm">
        {earlier.map((row) => (
          <li key={row.id} className="flex items-center gap-3 px-5 py-2">
            <StatusIcon status={row.verdict} className="h-4 w-4" label={t(`verdict.${row.verdict}`)} />
            <Link href={permalinkPath(row.id)} className="font-medium text-accent underline-offset-2 hover:underline" data-testid="earlier-run">
              <time dateTime={row.startedAt}>{formatUtc(row.startedAt, locale)}</time>
            </Link>
            <span className="text-ink-muted">{t(`verdict.${row.verdict}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
