"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { LANG_PARAM, LOCALE_NAMES, LOCALES } from "@/lib/i18n/config";

/**
 * English | Italiano in the header: plain links to the same page with `?lang=<code>`, which proxy.ts remembers in the
 * `lang` cookie. A full page load, so it works without JavaScript and `<html lang>` follows. The page's own query
 * (a "Run again" target) is kept.
 */
export function LanguageSwitch() {
  const search = useSearchParams();
  return <LanguageLinks query={search?.toString() ?? ""} />;
}

/** The links themselves, for a given query: the layout renders them with none while the query isn't known yet. */
export function LanguageLinks({ query }: { query: string }) {
  const t = useTranslations("layout.language");
  const current = useLocale();
  const pathname = usePathname() ?? "/";
  return (
    <nav aria-label={t("label")}>
      <ul className="flex items-center gap-1 text-sm" data-testid="language-switch">
        {LOCALES.map((locale) => {
          const params = new URLSearchParams(query);
          params.set(LANG_PARAM, locale);
          const name = LOCALE_NAMES[locale];
          const isCurrent = locale === current;
          return (
            <li key={locale}>
              <a
                href={`${pathname}?${params.toString()}`}
                hrefLang={locale}
                lang={locale}
                data-locale={locale}
                aria-current={isCurrent ? "true" : undefined}
                title={isCurrent ? t("current", { language: name }) : undefined}
                className={
                  "rounded px-2 py-1 font-medium no-underline transition-colors " +
                  (isCurrent ? "bg-accent-subtle text-accent" : "text-ink-muted hover:bg-canvas hover:text-ink")
                }
              >
                {name}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
