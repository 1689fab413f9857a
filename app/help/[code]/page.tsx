import { notFound } from "next/navigation";
import { ProblemHelpView } from "@/components/help/problem-help-view";
import { hasHelp, helpCodes, problemHelp } from "@/lib/help";
import type { Metadata } from "next";

interface HelpPageProps {
  params: Promise<{ code: string }>;
}

/**
 * Every code with a page is prerendered; any other path, a reserved code (no built test raises it yet) included,
 * is a plain 404 (served as HTML even without JavaScript).
 */
export const dynamicParams = false;

export function generateStaticParams() {
  return helpCodes().map((code) => ({ code }));
}

export async function generateMetadata({ params }: HelpPageProps): Promise<Metadata> {
  const { code } = await params;
  const help = problemHelp(code);
  if (!help) return { title: "Problem not found" };
  return { title: code, description: help.title };
}

export default async function HelpCodePage({ params }: HelpPageProps) {
  const { code } = await params;
  const help = problemHelp(code);
  if (!hasHelp(code) || !help) notFound();
  return <ProblemHelpView code={code} help={help} />;
}
