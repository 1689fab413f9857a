import Link from "next/link";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { DiffView } from "@/components/diff-view";
import { formatUtc } from "@/components/format";
import { ResultNotFoundView, ResultUnreadableView } from "@/components/not-found-views";
import { StatusIcon } from "@/components/status-icon";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { analyzerOf } from "@/lib/analyzers/catalog";
import { permalinkPath } from "@/lib/constants";
import type { Step, TestResult } from "@/lib/engine/types";
import { testTitle } from "@/lib/i18n/definitions";
import type { MessageTree } from "@/lib/i18n/format";
import { stepTitle } from "@/lib/i18n/step-text";
import { diffResults } from "@/lib/results/diff";
import { getResult } from "@/lib/store";
import { UnknownResultVersionError } from "@/lib/store/result-version";
import type { Metadata } from "next";

export const dynamic = "force-dynamic";

interface DiffPageProps {
  params: Promise<{ id: string; other: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("diff"))("metaTitle"), robots: { index: false, follow: false } };
}

async function load(id: string): Promise<TestResult | UnknownResultVersionError | undefined> {
  try {
    return await getResult(id);
  } catch (error) {
    if (error instanceof UnknownResultVersionError) return error;
    throw error;
  }
}

/**
 * Every step of a result by its diff path, as lib/results/diff.ts builds it (codes joined with "/", a repeated code
 * among siblings numbered "#2"…), to show the changed steps' titles in the reader's language.
 */
function stepsByPath(steps: readonly Step[], prefix = "", into = new Map<string, Step>()): Map<string, Step> {
  const seen = new Map<string, number>();
  for (const step of steps) {
    const count = (seen.get(step.code) ?? 0) + 1;
    seen.set(step.code, count);
    const path = `${prefix}${step.code}${count > 1 ? `#${count}` : ""}`;
    into.set(path, step);
    stepsByPath(step.children, `${path}/`, into);
  }
  return into;
}

function ResultLink({ label, result, testId, verdict, locale }: { label: string; result: TestResult; testId: string; verdict: string; locale: string }) {
  return (
    <div className="flex min-w-0 items-center gap-3 px-5 py-3">
      <StatusIcon status={result.verdict} className="h-5 w-5" label={verdict} />
      <div className="min-w-0 text-sm">
        <div className="text-ink-muted">{label}</div>
        <Link href={permalinkPath(result.id)} className="font-medium text-accent underline-offset-2 hover:underline" data-testid={testId}>
          <time dateTime={result.startedAt}>{formatUtc(result.startedAt, locale)}</time>
        </Link>
        <span className="text-ink-muted"> · {verdict}</span>
      </div>
    </div>
  );
}

/** `/r/<a>/diff/<b>`: the steps that changed from run a to run b. Server-rendered; works without JavaScript. */
export default async function DiffPage({ params }: DiffPageProps) {
  const { id, other } = await params;
  const [a, b] = await Promise.all([load(id), load(other)]);
  // Rendered rather than notFound(), like the result page: it must read without JavaScript.
  if (!a || !b) return <ResultNotFoundView />;
  if (a instanceof UnknownResultVersionError) return <ResultUnreadableView message={a.message} />;
  if (b instanceof UnknownResultVersionError) return <ResultUnreadableView message={b.message} />;

  const info = analyzerOf(b.test);
  const { changes } = diffResults(a, b);
  const t = await getTranslations();
  const locale = await getLocale();
  const messages = (await getMessages()) as MessageTree;
  const title = info ? testTitle(messages, info) : undefined;
  const after = stepsByPath(b.steps);
  const before = stepsByPath(a.steps);
  const localized = changes.map((change) => {
    const step = after.get(change.code) ?? before.get(change.code);
    return step && step.title === change.title ? { ...change, title: stepTitle(messages, step) } : change;
  });

  return (
    <article className="space-y-6" data-testid="result-diff">
      <header>
        <Breadcrumb
          items={[
            { label: t("result.breadcrumbTests"), href: "/" },
            ...(info && title ? [{ label: title, href: `/tests/${info.id}` }] : []),
            { label: t("result.breadcrumbResult"), href: permalinkPath(b.id) },
            { label: t("diff.breadcrumb"), current: true },
          ]}
        />
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink sm:text-[1.75rem]">
          {title ? t("diff.headingTest", { test: title }) : t("diff.heading")}
        </h1>
        {a.test !== b.test ? <p className="mt-1 text-sm text-warn">{t("diff.differentTests", { a: a.test, b: b.test })}</p> : null}
      </header>

      <section aria-label={t("diff.compared")} className="grid rounded-lg border border-line bg-surface sm:grid-cols-2 sm:divide-x sm:divide-line-subtle">
        <ResultLink label={t("diff.before")} result={a} testId="diff-before" verdict={t(`verdict.${a.verdict}`)} locale={locale} />
        <ResultLink label={t("diff.after")} result={b} testId="diff-after" verdict={t(`verdict.${b.verdict}`)} locale={locale} />
      </section>

      <section aria-labelledby="changes-heading" className="space-y-3">
        <h2 id="changes-heading" className="text-lg font-semibold text-ink">
          {changes.length > 0 ? t("diff.changedCount", { count: changes.length }) : t("diff.changes")}
        </h2>
        <DiffView changes={localized} />
      </section>
    </article>
  );
}
