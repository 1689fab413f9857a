import { ButtonLink } from "@/components/ui/button";

export default function ResultNotFound() {
  return (
    <div className="mx-auto max-w-xl py-10 text-center" data-testid="result-not-found">
      <p className="text-sm font-semibold uppercase tracking-wide text-ink-muted">Result not found</p>
      <h1 className="mt-2 text-2xl font-semibold text-ink">This result doesn&rsquo;t exist or has expired</h1>
      <p className="mt-3 text-ink-muted">
        Results are kept for a limited time and then deleted. Check that the link is complete, or run the test again to get a
        new permalink.
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <ButtonLink href="/" variant="primary">
          Run a test
        </ButtonLink>
        <ButtonLink href="/help">Help</ButtonLink>
      </div>
    </div>
  );
}
