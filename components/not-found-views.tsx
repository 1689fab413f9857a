import { ButtonLink } from "./ui/button";
import type { ReactNode } from "react";

function NotFoundLayout({ eyebrow, title, testId, children }: { eyebrow: string; title: string; testId: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-xl py-10 text-center" data-testid={testId}>
      <p className="text-sm font-semibold uppercase tracking-wide text-ink-muted">{eyebrow}</p>
      <h1 className="mt-2 text-2xl font-semibold text-ink">{title}</h1>
      {children}
    </div>
  );
}

export function PageNotFoundView() {
  return (
    <NotFoundLayout eyebrow="404" title="Page not found" testId="not-found">
      <p className="mt-3 text-ink-muted">There is no page at this address. Check the link, or start again from the list of tests.</p>
      <div className="mt-6 flex justify-center gap-3">
        <ButtonLink href="/" variant="primary">
          All tests
        </ButtonLink>
        <ButtonLink href="/help">Help</ButtonLink>
      </div>
    </NotFoundLayout>
  );
}

export function ResultNotFoundView() {
  return (
    <NotFoundLayout eyebrow="Result not found" title="This result doesn’t exist or has expired" testId="result-not-found">
      <p className="mt-3 text-ink-muted">
        Results are kept for a limited time and then deleted. Check that the link is complete, or run the test again to get a new permalink.
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <ButtonLink href="/" variant="primary">
          Run a test
        </ButtonLink>
        <ButtonLink href="/help">Help</ButtonLink>
      </div>
    </NotFoundLayout>
  );
}

/** A stored result in a format this version can't read: said plainly, never shown half-parsed. */
export function ResultUnreadableView({ message }: { message: string }) {
  return (
    <NotFoundLayout eyebrow="Result unreadable" title="This result can’t be shown by this version" testId="result-unreadable">
      <p className="mt-3 text-ink-muted">{message}</p>
      <div className="mt-6 flex justify-center gap-3">
        <ButtonLink href="/" variant="primary">
          Run a test
        </ButtonLink>
      </div>
    </NotFoundLayout>
  );
}
