import { headers } from "next/headers";
import { getMessages, getTranslations } from "next-intl/server";
import { cache } from "react";
import { CopyPermalink } from "@/components/copy-permalink";
import { DeleteResult } from "@/components/delete-result";
import { ExpandControls } from "@/components/expand-controls";
import { ExportButtons } from "@/components/export-buttons";
import { ResultNotFoundView, ResultUnreadableView } from "@/components/not-found-views";
import { ResultHistory } from "@/components/result-history";
import { ResultSummary } from "@/components/result-summary";
import { StepTree } from "@/components/step-tree";
import { hasTiming, TimingWaterfall } from "@/components/timing-waterfall";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ButtonLink } from "@/components/ui/button";
import { VantageComparison } from "@/components/vantage-comparison";
import { VerdictBanner } from "@/components/verdict-banner";
import { analyzerOf } from "@/lib/analyzers/catalog";
import type { AnalyzerDefinition } from "@/lib/analyzers/definition";
import { targetQuery } from "@/lib/analyzers/form";
import { permalinkPath } from "@/lib/constants";
import type { TestResult } from "@/lib/engine/types";
import { testTitle } from "@/lib/i18n/definitions";
import type { MessageTree } from "@/lib/i18n/format";
import { formatResult, resultTexts } from "@/lib/results/text";
import { getResult } from "@/lib/store";
import { UnknownResultVersionError } from "@/lib/store/result-version";
import type { Metadata } from "next";

interface ResultPageProps {
  params: Promise<{ id: string }>;
}

/** One read per request, shared by the metadata and the page. */
const loadResult = cache(async (id: string): Promise<TestResult | UnknownResultVersionError | undefined> => {
  try {
    return await getResult(id);
  } catch (error) {
    if (error instanceof UnknownResultVersionError) return error;
    throw error;
  }
});

export async function generateMetadata({ params }: ResultPageProps): Promise<Metadata> {
  const { id } = await params;
  const result = await loadResult(id);
  const robots = { index: false, follow: false };
  const t = await getTranslations();
  if (!result) return { title: t("notFound.result.metaTitle"), robots };
  if (result instanceof UnknownResultVersionError) return { title: t("notFound.unreadable.metaTitle"), robots };
  const info = analyzerOf(result.test);
  const messages = (await getMessages()) as MessageTree;
  return { title: t("result.metaTitle", { test: info ? testTitle(messages, info) : result.test }), robots };
}

/** The origin the browser used, for the permalink shown without JavaScript; display only. */
async function requestOrigin(): Promise<string> {
  const list = await headers();
  const host = (list.get("x-forwarded-host") ?? list.get("host") ?? "").split(",")[0]?.trim() ?? "";
  const proto = (list.get("x-forwarded-proto") ?? "http").split(",")[0]?.trim() ?? "http";
  if (!/^[A-Za-z0-9.:[\]-]{1,260}$/.test(host) || !/^https?$/.test(proto)) return "";
  return `${proto}://${host}`;
}

/** "Run again" starts from the same target (never the same security choices or credentials). */
function runAgainHref(analyzer: AnalyzerDefinition, result: TestResult): string {
  const search = targetQuery(analyzer, result.input).toString();
  return `/tests/${encodeURIComponent(analyzer.id)}${search ? `?${search}` : ""}`;
}

export default async function ResultPage({ params }: ResultPageProps) {
  const { id } = await params;
  const result = await loadResult(id);
  // Rendered here rather than with notFound(): Next 16 only fills a dynamic page's not-found.tsx in from the
  // browser, and this page must read without JavaScript. (GET /api/results/<id> answers a real 404.)
  if (!result) return <ResultNotFoundView />;
  if (result instanceof UnknownResultVersionError) return <ResultUnreadableView message={result.message} />;

  const info = analyzerOf(result.test);
  const path = permalinkPath(result.id);
  const origin = await requestOrigin();
  const t = await getTranslations("result");
  const messages = (await getMessages()) as MessageTree;
  const title = info ? testTitle(messages, info) : result.test;

  return (
    <article className="space-y-6" data-testid="result" data-result-id={result.id}>
      <header>
        <Breadcrumb
          items={[
            { label: t("breadcrumbTests"), href: "/" },
            ...(info ? [{ label: title, href: `/tests/${info.id}` }] : []),
            { label: t("breadcrumbResult"), current: true },
          ]}
        />
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink sm:text-[1.75rem]">{title}</h1>
      </header>

      <VerdictBanner verdict={result.verdict} steps={result.steps} />

      <section aria-labelledby="summary-heading" className="rounded-lg border border-line bg-surface">
        <h2 id="summary-heading" className="sr-only">
          {t("summaryHeading")}
        </h2>
        <div className="px-5 py-3">
          <ResultSummary result={result} now={new Date()} />
        </div>
        <div className="flex flex-wrap items-center gap-3 rounded-b-lg border-t border-line-subtle bg-canvas px-5 py-3">
          <CopyPermalink path={path} initialUrl={`${origin}${path}`} />
          <ExportButtons id={result.id} text={formatResult(result, { colour: false }, resultTexts(messages))} />
          <DeleteResult id={result.id} />
          {info ? (
            <ButtonLink href={runAgainHref(info, result)} size="sm" variant="primary" data-testid="run-again">
              {t("runAgain")}
            </ButtonLink>
          ) : null}
        </div>
      </section>

      <ResultHistory result={result} />

      {hasTiming(result.steps) ? (
        <details data-testid="timing" className="rounded-lg border border-line bg-surface">
          <summary className="cursor-pointer rounded-lg px-5 py-3 text-lg font-semibold text-ink hover:bg-canvas">
            <h2 className="inline">{t("timing")}</h2> <span className="text-sm font-normal text-ink-muted">{t("timingNote", { ms: result.elapsedMs })}</span>
          </summary>
          <div className="border-t border-line-subtle px-5 py-3">
            <TimingWaterfall steps={result.steps} elapsedMs={result.elapsedMs} />
          </div>
        </details>
      ) : null}

      {result.vantages && result.vantages.length > 0 ? (
        <section aria-labelledby="vantages-heading" className="space-y-3" data-testid="vantages">
          <div>
            <h2 id="vantages-heading" className="text-lg font-semibold text-ink">
              {t("vantagesHeading")}
            </h2>
            <p className="text-sm text-ink-muted">{t("vantagesIntro")}</p>
          </div>
          <VantageComparison vantages={result.vantages} />
        </section>
      ) : null}

      <section aria-labelledby="steps-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="steps-heading" className="text-lg font-semibold text-ink">
              {t("stepsHeading")}
            </h2>
            <p className="text-sm text-ink-muted">{t("stepsIntro")}</p>
          </div>
          <ExpandControls />
        </div>
        <StepTree steps={result.steps} />
      </section>
    </article>
  );
}
