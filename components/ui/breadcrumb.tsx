import Link from "next/link";
import { useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";

export interface BreadcrumbItem {
  label: ReactNode;
  /** A link to that level; without it the item is plain text. */
  href?: string;
  /** The page being shown (`aria-current="page"`). */
  current?: boolean;
}

/** The trail above a page's title: links to the levels above it, separated by slashes. */
export function Breadcrumb({ items }: { items: readonly BreadcrumbItem[] }) {
  const t = useTranslations("breadcrumb");
  return (
    <nav aria-label={t("label")} className="text-sm text-ink-muted">
      <ol className="flex flex-wrap items-center gap-1.5">
        {items.map((item, index) => (
          <Fragment key={index}>
            {index > 0 ? <li aria-hidden="true">/</li> : null}
            <li aria-current={item.current ? "page" : undefined}>
              {item.href !== undefined ? (
                <Link href={item.href} className="text-accent hover:underline">
                  {item.label}
                </Link>
              ) : (
                item.label
              )}
            </li>
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}
