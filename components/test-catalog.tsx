import Link from "next/link";
import { useTranslations } from "next-intl";
import { ANALYZERS } from "@/lib/analyzers/catalog";
import { TEST_GROUPS, type AnalyzerDefinition, type TestGroup } from "@/lib/analyzers/definition";
import { TEST_GROUP_KEYS, testSummary, testTitle } from "@/lib/i18n/definitions";
import { useCatalogue } from "./use-step-text";
import type { ReactNode } from "react";

const GROUP_ICON: Record<TestGroup, ReactNode> = {
  "Exchange Server": (
    <>
      <rect x="3" y="4" width="14" height="5" rx="1.2" />
      <rect x="3" y="11" width="14" height="5" rx="1.2" />
      <path d="M6 6.5h.01M6 13.5h.01" strokeWidth="2" />
    </>
  ),
  "Internet e-mail": (
    <>
      <rect x="2.5" y="4.5" width="15" height="11" rx="1.5" />
      <path d="m3 5.5 7 5.5 7-5.5" />
    </>
  ),
  Certificates: (
    <>
      <path d="M10 2.5 16 5v4.5c0 3.8-2.6 6.6-6 8-3.4-1.4-6-4.2-6-8V5l6-2.5Z" />
      <path d="m7.3 10 1.9 1.9 3.6-3.8" />
    </>
  ),
};

function GroupIcon({ group }: { group: TestGroup }) {
  return (
    <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-md bg-accent-subtle text-accent">
      <svg
        viewBox="0 0 20 20"
        aria-hidden="true"
        focusable="false"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {GROUP_ICON[group]}
      </svg>
    </span>
  );
}

function TestCard({ test }: { test: AnalyzerDefinition }) {
  const t = useTranslations("catalog");
  const messages = useCatalogue();
  return (
    <li
      data-testid="test-card"
      data-test-id={test.id}
      className="group relative flex flex-col rounded-lg border border-line bg-surface p-5 shadow-[0_1px_2px_rgba(0,0,0,0.04)] transition-colors hover:border-accent focus-within:border-accent"
    >
      <h3 className="text-base font-semibold text-ink">
        <Link
          href={`/tests/${test.id}`}
          className="rounded no-underline after:absolute after:inset-0 after:rounded-lg after:content-[''] focus-visible:outline-none"
        >
          {testTitle(messages, test)}
        </Link>
      </h3>
      <p className="mt-1.5 flex-1 text-sm text-ink-muted">{testSummary(messages, test)}</p>
      <p className="mt-4 inline-flex items-center gap-1 text-sm font-semibold text-accent" aria-hidden="true">
        {t("startTest")}
        <svg viewBox="0 0 16 16" className="h-4 w-4 transition-transform group-hover:translate-x-0.5" aria-hidden="true">
          <path d="M3.5 8h9m-3.5-3.5L12.5 8 9 11.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </p>
    </li>
  );
}

/** The built tests, grouped as Microsoft groups them; groups without a built test are hidden. */
export function TestCatalog() {
  const t = useTranslations("catalog.groups");
  const tests: readonly AnalyzerDefinition[] = ANALYZERS;
  const groups = TEST_GROUPS.map((group) => ({ group, tests: tests.filter((test) => test.group === group) })).filter((entry) => entry.tests.length > 0);
  return (
    <div className="space-y-10">
      {groups.map(({ group, tests: groupTests }) => {
        const id = `group-${group.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
        return (
          <section key={group} aria-labelledby={id} data-testid="test-group" data-group={group}>
            <div className="flex items-start gap-3">
              <GroupIcon group={group} />
              <div>
                <h2 id={id} className="text-lg font-semibold leading-8 text-ink">
                  {t(`${TEST_GROUP_KEYS[group]}.name`)}
                </h2>
                <p className="text-sm text-ink-muted">{t(`${TEST_GROUP_KEYS[group]}.description`)}</p>
              </div>
            </div>
            <ul className="mt-4 grid gap-4 sm:grid-cols-2">
              {groupTests.map((test) => (
                <TestCard key={test.id} test={test} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
