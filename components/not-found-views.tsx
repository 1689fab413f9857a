import { useTranslations } from "next-intl";
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
  const t = useTranslations("notFound");
  return (
    <NotFoundLayout eyebrow={t("page.eyebrow")} title={t("page.title")} testId="not-found">
      <p className="mt-3 text-ink-muted">{t("page.text")}</p>
      <div className="mt-6 flex justify-center gap-3">
        <ButtonLink href="/" variant="primary">
          {t("page.allTests")}
        </ButtonLink>
        <ButtonLink href="/help">{t("help")}</ButtonLink>
      </div>
    </NotFoundLayout>
  );
}

export function ResultNotFoundView() {
  const t = useTranslations("notFound");
  return (
    <NotFoundLayout eyebrow={t("result.eyebrow")} title={t("result.title")} testId="result-not-found">
      <p className="mt-3 text-ink-muted">{t("result.text")}</p>
      <div className="mt-6 flex justify-center gap-3">
        <ButtonLink href="/" variant="primary">
          {t("result.runTest")}
        </ButtonLink>
        <ButtonLink href="/help">{t("help")}</ButtonLink>
      </div>
    </NotFoundLayout>
  );
}

/** A stored result in a format this version can't read: said plainly, never shown half-parsed. */
export function ResultUnreadableView({ message }: { message: string }) {
  const t = useTranslations("notFound");
  return (
    <NotFoundLayout eyebrow={t("unreadable.eyebrow")} title={t("unreadable.title")} testId="result-unreadable">
      <p className="mt-3 text-ink-muted">{message}</p>
      <div className="mt-6 flex justify-center gap-3">
        <ButtonLink href="/" variant="primary">
          {t("result.runTest")}
        </ButtonLink>
      </div>
    </NotFoundLayout>
  );
}
