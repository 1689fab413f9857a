import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { hasHelp, problemHelpIn, type HelpCode, type HelpCommand, type HelpLanguage, type ProblemHelp } from "@/lib/help";
import { HELP_GROUP_KEYS } from "@/lib/i18n/definitions";
import { CopyButton } from "../copy-button";
import { RichText } from "../rich-text";
import { SeverityBadge } from "./severity-badge";
import { Breadcrumb } from "../ui/breadcrumb";
import { NumberedList } from "../ui/numbered-list";
import type { ReactNode } from "react";

/** "What it means": the summary's paragraphs (blank-line separated), then each detail as a paragraph. */
function meaningOf(help: ProblemHelp): string[] {
  const summary = help.summary.split(/\n\s*\n/).map((part) => part.trim());
  return [...summary, ...(help.details ?? [])].filter((part) => part.trim() !== "");
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} data-testid={`help-${id}`} className="border-t border-line-subtle pt-6">
      <h2 id={id} className="text-lg font-semibold text-ink">
        {title}
      </h2>
      <div className="mt-3 text-[0.9375rem] leading-relaxed text-ink">{children}</div>
    </section>
  );
}

function BulletList({ items, lang }: { items: readonly string[]; lang?: string }) {
  return (
    <ul className="list-disc space-y-1.5 pl-5 marker:text-ink-muted" lang={lang}>
      {items.map((item, index) => (
        <li key={index} className="pl-1">
          <RichText text={item} />
        </li>
      ))}
    </ul>
  );
}

function CommandBlock({ command }: { command: HelpCommand }) {
  const text = command.lines.join("\n");
  return (
    <figure className="overflow-hidden rounded-md border border-line bg-[#f6f8fa]" data-testid="help-command" data-shell={command.shell}>
      <figcaption className="flex items-center justify-between gap-3 border-b border-line bg-[#eef1f4] px-3 py-1.5">
        <span className="text-xs text-ink-muted">
          <span className="font-semibold text-ink">{command.shell}</span>
          {command.description ? (
            <>
              {" · "}
              <RichText text={command.description} />
            </>
          ) : null}
        </span>
        <CopyButton text={text} />
      </figcaption>
      <pre className="overflow-x-auto px-3 py-2.5 text-[0.8125rem] leading-relaxed text-ink">
        <code>{text}</code>
      </pre>
    </figure>
  );
}

function SeeAlso({ items }: { items: readonly string[] }) {
  // Only pages that exist: a reserved code has none (tests/unit/help-pages.test.ts keeps seeAlso lists clean anyway).
  const locale = useLocale();
  const codes = items.filter(hasHelp);
  if (codes.length === 0) return null;
  return (
    <ul className="space-y-1.5">
      {codes.map((code) => (
        <li key={code}>
          <Link href={`/help/${code}`} data-testid="see-also-link" className="text-accent underline-offset-2 hover:underline">
            <code className="font-mono text-[0.8125rem] font-semibold">{code}</code>
          </Link>
          <span className="text-ink-muted"> · {problemHelpIn(code, locale)?.help.title ?? ""}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A problem code's help page: what it means, symptoms, causes, how to fix it (with commands), see also. `language`
 * is the language the page is written in; when it isn't the reader's, a note says the page exists only in English.
 */
export function ProblemHelpView({ code, help, language = "en" }: { code: HelpCode; help: ProblemHelp; language?: HelpLanguage }) {
  const t = useTranslations("help");
  const locale = useLocale();
  const meaning = meaningOf(help);
  const seeAlso = help.seeAlso ?? [];
  const untranslated = language !== locale;
  return (
    <article className="max-w-4xl space-y-6" data-testid="help-page" data-code={code} data-language={language}>
      <header>
        <Breadcrumb items={[{ label: t("title"), href: "/help" }, { label: t(`groups.${HELP_GROUP_KEYS[help.group]}`) }]} />
        {untranslated ? (
          <p className="mt-3 rounded-md border border-line bg-canvas px-3 py-2 text-sm text-ink-muted" data-testid="help-english-only">
            {t("englishOnly")}
          </p>
        ) : null}
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <code className="rounded bg-line-subtle px-2 py-0.5 font-mono text-sm font-semibold text-ink">{code}</code>
          <SeverityBadge severity={help.severity} />
        </div>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink sm:text-[1.75rem]" lang={untranslated ? language : undefined}>
          {help.title}
        </h1>
      </header>

      <Section id="meaning" title={t("sections.meaning")}>
        <div className="space-y-3" lang={untranslated ? language : undefined}>
          {meaning.map((paragraph, index) => (
            <p key={index}>
              <RichText text={paragraph} />
            </p>
          ))}
        </div>
      </Section>

      {help.symptoms.length > 0 ? (
        <Section id="symptoms" title={t("sections.symptoms")}>
          <BulletList items={help.symptoms} lang={untranslated ? language : undefined} />
        </Section>
      ) : null}

      {help.causes.length > 0 ? (
        <Section id="causes" title={t("sections.causes")}>
          <BulletList items={help.causes} lang={untranslated ? language : undefined} />
        </Section>
      ) : null}

      <Section id="fixes" title={t("sections.fixes")}>
        <NumberedList items={help.fixes}>
          {(fix) => (
            <div className="min-w-0 flex-1 space-y-3" lang={untranslated ? language : undefined}>
              <p>
                <RichText text={fix.text} />
              </p>
              {(fix.commands ?? []).map((command, commandIndex) => (
                <CommandBlock key={commandIndex} command={command} />
              ))}
            </div>
          )}
        </NumberedList>
      </Section>

      {seeAlso.length > 0 ? (
        <Section id="see-also" title={t("sections.seeAlso")}>
          <SeeAlso items={seeAlso} />
        </Section>
      ) : null}
    </article>
  );
}
