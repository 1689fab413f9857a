import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProblemHelpView } from "@/components/help/problem-help-view";
import { PROBLEM_HELP } from "@/lib/help/content";
import { isProblemCode, PROBLEM_CODES } from "@/lib/problems";

interface HelpPageProps {
  params: Promise<{ code: string }>;
}

/** Every code is prerendered; any other path is a plain 404 (served as HTML even without JavaScript). */
export const dynamicParams = false;

export function generateStaticParams() {
  return PROBLEM_CODES.map((code) => ({ code }));
}

export async function generateMetadata({ params }: HelpPageProps): Promise<Metadata> {
  const { code } = await params;
  if (!isProblemCode(code) || !PROBLEM_HELP[code]) return { title: "Problem not found" };
  return { title: code, description: PROBLEM_HELP[code].title };
}

export default async function HelpCodePage({ params }: HelpPageProps) {
  const { code } = await params;
  if (!isProblemCode(code)) notFound();
  const help = PROBLEM_HELP[code];
  if (!help) notFound();
  return <ProblemHelpView code={code} help={help} />;
}
