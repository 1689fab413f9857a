import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getMessages, getTranslations } from "next-intl/server";
import { TestAbout } from "@/components/test-about";
import { TestForm } from "@/components/test-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { analyzerOf, TEST_IDS, type TestId } from "@/lib/analyzers/catalog";
import { TEST_GROUP_KEYS, testSummary, testTitle } from "@/lib/i18n/definitions";
import type { MessageTree } from "@/lib/i18n/format";
import { liveVantages } from "@/lib/vantages/live";
import type { LiveVantage } from "@/lib/vantages/names";
import type { Metadata } from "next";

interface TestPageProps {
  params: Promise<{ testId: string }>;
}

/** One page per built test; any other id is a plain 404 (served as HTML even without JavaScript). */
export const dynamicParams = false;

export function generateStaticParams() {
  return TEST_IDS.map((testId) => ({ testId }));
}

export async function generateMetadata({ params }: TestPageProps): Promise<Metadata> {
  const { testId } = await params;
  const info = analyzerOf(testId);
  const messages = (await getMessages()) as MessageTree;
  return info ? { title: testTitle(messages, info), description: testSummary(messages, info) } : { title: (await getTranslations("testPage"))("notFound") };
}

/** The places a test can run from now (the form offers them when there are several); none when they can't be read. */
async function offeredVantages(): Promise<LiveVantage[]> {
  // Read per request (workers come and go), never when the page is built.
  await connection();
  try {
    return await liveVantages();
  } catch {
    return [];
  }
}

export default async function TestPage({ params }: TestPageProps) {
  const { testId } = await params;
  const info = analyzerOf(testId);
  if (!info) notFound();
  const id = info.id as TestId;
  const messages = (await getMessages()) as MessageTree;
  const t = await getTranslations();

  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb items={[{ label: t("result.breadcrumbTests"), href: "/" }, { label: t(`catalog.groups.${TEST_GROUP_KEYS[info.group]}.name`) }]} />
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink sm:text-[1.75rem]">{testTitle(messages, info)}</h1>
        <p className="mt-2 max-w-3xl text-[0.9375rem] text-ink-muted">{testSummary(messages, info)}</p>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <TestForm key={id} testId={id} vantages={await offeredVantages()} />
        <TestAbout testId={id} />
      </div>
    </div>
  );
}
