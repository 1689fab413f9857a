import { useTranslations } from "next-intl";
import { requireAnalyzer, type TestId } from "@/lib/analyzers/catalog";
import { testAbout } from "@/lib/i18n/definitions";
import { NumberedList } from "./ui/numbered-list";
import { useCatalogue } from "./use-step-text";

/** What a test does, step by step, in the words an administrator expects: from the test's own definition. */
export function TestAbout({ testId }: { testId: TestId }) {
  const steps = testAbout(useCatalogue(), requireAnalyzer(testId));
  const t = useTranslations("testPage.about");
  return (
    <aside aria-labelledby="about-heading" className="rounded-lg border border-line bg-surface p-5 text-sm">
      <h2 id="about-heading" className="font-semibold text-ink">
        {t("heading")}
      </h2>
      <NumberedList items={steps} size="sm" className="mt-3" itemClassName="text-ink-muted">
        {(step) => <span>{step}</span>}
      </NumberedList>
      <p className="mt-4 border-t border-line-subtle pt-3 text-ink-muted">{t("note")}</p>
    </aside>
  );
}
