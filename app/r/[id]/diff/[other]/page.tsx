import Link from "next/link";
import { DiffView } from "@/components/diff-view";
import { formatUtc } from "@/components/format";
import { ResultNotFoundView, ResultUnreadableView } from "@/components/not-found-views";
import { StatusIcon } from "@/components/status-icon";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { VERDICT_TEXT } from "@/components/verdict-banner";
import { analyzerOf } from "@/lib/analyzers/catalog";
import { permalinkPath } from "@/lib/constants";
import type { TestResult } from "@/lib/engine/types";
import { diffResults } from "@/lib/results/diff";
import { getResult } from "@/lib/store";
import { UnknownResultVersionError } from "@/lib/store/result-version";
import type { Metadata } from "next";

export const dynamic = "force-dynamic";

interface DiffPageProps {
  params: Promise<{ id: string; other: string }>;
}

export const metadata: Metadata = { title: "Compare results", robots: { index: false, follow: false } };

async function load(id: string): Promise<TestResult | UnknownResultVersionError | undefined> {
  try {
    return await getResult(id);
  } catch (error) {
    if (error instanceof UnknownResultVersionError) return error;
    throw error;
  }
}

function ResultLink({ label, result, testId }: { label: string; result: TestResult; testId: string }) {
  return (
    <div className="flex min-w-0 items-center gap-3 px-5 py-3">
      <StatusIcon status={result.verdict} className="h-5 w-5" label={VERDICT_TEXT[result.verdict]} />
      <div className="min-w-0 text-sm">
        <div className="text-ink-muted">{label}</div>
        <Link href={permalinkPath(result.id)} className="font-medium text-accent underline-offset-2 hover:underline" data-testid={testId}>
          <time dateTime={result.startedAt}>{formatUtc(result.startedAt)}</time>
        </Link>
        <span className="text-ink-muted"> · {VERDICT_TEXT[result.verdict]}</span>
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

  return (
    <article className="space-y-6" data-testid="result-diff">
      <header>
        <Breadcrumb
          items={[
            { label: "Tests", href: "/" },
            ...(info ? [{ label: info.title, href: `/tests/${info.id}` }] : []),
            { label: "Result", href: permalinkPath(b.id) },
            { label: "Compare", current: true },
          ]}
        />
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink sm:text-[1.75rem]">What changed{info ? `: ${info.title}` : ""}</h1>
        {a.test !== b.test ? (
          <p className="mt-1 text-sm text-warn">
            These are runs of different tests ({a.test} and {b.test}): most steps differ.
          </p>
        ) : null}
      </header>

      <section aria-label="Compared results" className="grid rounded-lg border border-line bg-surface sm:grid-cols-2 sm:divide-x sm:divide-line-subtle">
        <ResultLink label="Before" result={a} testId="diff-before" />
        <ResultLink label="After" result={b} testId="diff-after" />
      </section>

      <section aria-labelledby="changes-heading" className="space-y-3">
        <h2 id="changes-heading" className="text-lg font-semibold text-ink">
          {changes.length === 1 ? "1 step changed" : changes.length > 1 ? `${changes.length} steps changed` : "Changes"}
        </h2>
        <DiffView changes={changes} />
      </section>
    </article>
  );
}
