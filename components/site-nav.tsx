"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const LINKS = [
  { href: "/", label: "tests", matches: (path: string) => path === "/" || path.startsWith("/tests") },
  { href: "/help", label: "help", matches: (path: string) => path.startsWith("/help") },
] as const;

/** The header's navigation; marks the current section with aria-current. */
export function SiteNav() {
  const pathname = usePathname() ?? "";
  const t = useTranslations("layout.nav");
  return (
    <nav aria-label={t("label")}>
      <ul className="flex items-center gap-1">
        {LINKS.map((link) => {
          const current = link.matches(pathname);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={
                  "rounded px-3 py-1.5 text-sm font-medium no-underline transition-colors " +
                  (current ? "bg-accent-subtle text-accent" : "text-ink-muted hover:bg-canvas hover:text-ink")
                }
              >
                {t(link.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
