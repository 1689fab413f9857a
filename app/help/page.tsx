import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SeverityBadge } from "@/components/help/severity-badge";
import { helpByGroup, problemHelpIn } from "@/lib/help";
import { HELP_GROUP_KEYS } from "@/lib/i18n/definitions";
import type { Metadata } from "next";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("help");
  return { title: t("title"), description: t("description") };
}

export default async function HelpIndexPage() {
  // Only codes a built test can raise have a page; reserved codes are not listed.
  const groups = helpByGroup();
  const t = await getTranslations("help");
  const locale = await getLocale();
  return (
    <div className="space-y-8">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-[1.75rem]">{t("title")}</h1>
        <p className="mt-2 text-[0.9375rem] text-ink-muted">{t("intro")}</p>
      </div>
      <nav aria-label={t("groupsNav")} className="flex flex-wrap gap-2 text-sm">
        {groups.map(({ group }) => (
          <a
            key={group}
            href={`#${slug(group)}`}
            className="rounded-full border border-line bg-surface px-3 py-1 text-ink-muted no-underline hover:border-accent hover:text-accent"
          >
            {t(`groups.${HELP_GROUP_KEYS[group]}`)}
          </a>
        ))}
      </nav>
      {groups.map(({ group, codes }) => (
        <section key={group} aria-labelledby={slug(group)} className="scroll-mt-6" data-testid="help-group" data-group={group}>
          <h2 id={slug(group)} className="text-lg font-semibold text-ink">
            {t(`groups.${HELP_GROUP_KEYS[group]}`)}
          </h2>
          <ul className="mt-3 divide-y divide-line-subtle overflow-hidden rounded-lg border border-line bg-surface">
            {codes.map((code) => {
              const help = problemHelpIn(code, locale)?.help;
              return (
                <li key={code} className="relative flex flex-col gap-1 px-4 py-3 hover:bg-canvas sm:flex-row sm:items-center sm:gap-4">
                  <Link
                    href={`/help/${code}`}
                    data-testid="help-code-link"
                    className="font-mono text-[0.8125rem] font-semibold text-accent no-underline after:absolute after:inset-0 after:content-[''] sm:w-72 sm:shrink-0"
                  >
                    {code}
                  </Link>
                  <span className="min-w-0 flex-1 text-sm text-ink">{help?.title ?? code}</span>
                  {help?.severity ? <SeverityBadge severity={help.severity} className="self-start sm:self-center" /> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
