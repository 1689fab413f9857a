import { requireAnalyzer, type TestId } from "@/lib/analyzers/catalog";
import { NumberedList } from "./ui/numbered-list";

/** What a test does, step by step, in the words an administrator expects: from the test's own definition. */
export function TestAbout({ testId }: { testId: TestId }) {
  const steps = requireAnalyzer(testId).about;
  return (
    <aside aria-labelledby="about-heading" className="rounded-lg border border-line bg-surface p-5 text-sm">
      <h2 id="about-heading" className="font-semibold text-ink">
        What this test does
      </h2>
      <NumberedList items={steps} size="sm" className="mt-3" itemClassName="text-ink-muted">
        {(step) => <span>{step}</span>}
      </NumberedList>
      <p className="mt-4 border-t border-line-subtle pt-3 text-ink-muted">
        Each step is shown as it runs. The result gets a permalink that stays available for a limited time.
      </p>
    </aside>
  );
}
