import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TestAbout } from "@/components/test-about";
import { TestForm, type TestFormValues } from "@/components/test-form";
import { testInfo } from "@/lib/tests/catalog";

type SearchParams = Record<string, string | string[] | undefined>;

interface TestPageProps {
  params: Promise<{ testId: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: TestPageProps): Promise<Metadata> {
  const { testId } = await params;
  const info = testInfo(testId);
  return info ? { title: info.title, description: info.summary } : { title: "Test not found" };
}

function single(value: string | string[] | undefined, max = 260): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined ? undefined : text.slice(0, max);
}

/** "Run again" links carry the previous public inputs; credentials are never part of a URL. */
function prefill(query: SearchParams): Partial<TestFormValues> {
  const values: Partial<TestFormValues> = {};
  const host = single(query.host);
  const port = single(query.port, 5);
  const principal = single(query.mutualAuthPrincipal);
  const ignoreTrust = single(query.ignoreTrust);
  const authMethod = single(query.authMethod);
  if (host) values.host = host;
  if (port) values.port = port;
  if (principal) values.mutualAuthPrincipal = principal;
  if (ignoreTrust) values.ignoreTrust = ignoreTrust === "true" || ignoreTrust === "on";
  if (authMethod === "basic" || authMethod === "ntlm") values.authMethod = authMethod;
  return values;
}

export default async function TestPage({ params, searchParams }: TestPageProps) {
  const { testId } = await params;
  const info = testInfo(testId);
  if (!info) notFound();
  const initial = prefill(await searchParams);

  return (
    <div className="space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
          <ol className="flex flex-wrap items-center gap-1.5">
            <li>
              <Link href="/" className="text-accent hover:underline">
                Tests
              </Link>
            </li>
            <li aria-hidden="true">/</li>
            <li>{info.group}</li>
          </ol>
        </nav>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink sm:text-[1.75rem]">{info.title}</h1>
        <p className="mt-2 max-w-3xl text-[0.9375rem] text-ink-muted">{info.summary}</p>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <TestForm key={info.id} testId={info.id} initial={initial} />
        <TestAbout testId={info.id} />
      </div>
    </div>
  );
}
