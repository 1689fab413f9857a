import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ProblemHelpView } from "@/components/help/problem-help-view";
import { hasHelp, helpCodes, problemHelpIn } from "@/lib/help";
import type { Metadata } from "next";

interface HelpPageProps {
  params: Promise<{ code: string }>;
}

/**
 * Every code with a page is prerendered; any other path, a reserved code (no built test raises it yet) included,
 * is a plain 404 (served as HTML even without JavaScript). In Italian when the reader reads Italian and the page has
 * an Italian version (lib/help/it), else in English with a note.
 */
export const dynamicParams = false;

export function generateStaticParams() {
  return helpCodes().map((code) => ({ code }));
}

export async function generateMetadata({ params }: HelpPageProps): Promise<Metadata> {
  const { code } = await params;
  const page = problemHelpIn(code, await getLocale());
  if (!page) return { title: (await getTranslations("help"))("notFound") };
  return { title: code, description: page.help.title };
}

export default async function HelpCodePage({ params }: HelpPageProps) {
  const { code } = await params;
  const page = problemHelpIn(code, await getLocale());
  if (!hasHelp(code) || !page) notFound();
  return <ProblemHelpView code={code} help={page.help} language={page.language} />;
}
