import { notFound } from "next/navigation";
import { TestAbout } from "@/components/test-about";
import { TestForm } from "@/components/test-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { analyzerOf, TEST_IDS, type TestId } from "@/lib/analyzers/catalog";
import type { Metadata } from "next";

interface TestPageProps {
  params: Promise<{ testId: string }>;
}

/** One static page per built test; any other id is a plain 404 (served as HTML even without JavaScript). */
export const dynamicParams = false;

export function generateStaticParams() {
  return TEST_IDS.map((testId) => ({ testId }));
}

export async function generateMetadata({ params }: TestPageProps): Promise<Metadata> {
  const { testId } = await params;
  const info = analyzerOf(testId);
  return info ? { title: info.title, description: info.summary } : { title: "Test not found" };
}

export default async function TestPage({ params }: TestPageProps) {
  const { testId } = await params;
  const info = analyzerOf(testId);
  if (!info) notFound();
  const id = info.id as TestId;

  return (
    <div className="space-y-6">
      <div>
        <Breadcrumb items={[{ label: "Tests", href: "/" }, { label: info.group }]} />
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink sm:text-[1.75rem]">{info.title}</h1>
        <p className="mt-2 max-w-3xl text-[0.9375rem] text-ink-muted">{info.summary}</p>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <TestForm key={id} testId={id} />
        <TestAbout testId={id} />
      </div>
    </div>
  );
}
