import { PROBLEM_CODES, type ProblemCode } from "@/lib/problems";
import { ANALYZER_HELP } from "./analyzer";
import { AUTODISCOVER_HELP } from "./autodiscover";
import { CERTIFICATE_HELP } from "./certificate";
import { CHAIN_HELP } from "./chain";
import { CONNECTIVITY_HELP } from "./connectivity";
import { EXCHANGE_HELP } from "./exchange";
import { HTTP_HELP } from "./http";
import { ITALIAN_HELP } from "./it";
import { MAIL_DNS_HELP } from "./mail-dns";
import { MAILBOX_HELP } from "./mailbox";
import { SMTP_HELP } from "./smtp";
import { TLS_HELP } from "./tls";
import { HELP_GROUPS, type HelpGroup, type ProblemHelp } from "./types";

export { HELP_GROUPS, type HelpCommand, type HelpFix, type HelpGroup, type HelpSeverity, type ProblemHelp } from "./types";

/**
 * Every help page, one table per group. Only codes a built test can raise have a page (the analyzer registry's
 * declaredProblems(), plus INTERNAL_ERROR from the step engine); a reserved code has none, so /help/<CODE> is a 404
 * for it. tests/unit/help-pages.test.ts holds the two sets equal.
 */
export const HELP_TABLES = [
  CONNECTIVITY_HELP,
  TLS_HELP,
  CERTIFICATE_HELP,
  CHAIN_HELP,
  HTTP_HELP,
  AUTODISCOVER_HELP,
  EXCHANGE_HELP,
  SMTP_HELP,
  MAIL_DNS_HELP,
  MAILBOX_HELP,
  ANALYZER_HELP,
] as const;

const PAGES: Partial<Record<ProblemCode, ProblemHelp>> = Object.assign({}, ...HELP_TABLES);

/** Every key of every table (a plain `keyof` of the union would keep only the keys all tables share). */
type KeysOf<Table> = Table extends unknown ? keyof Table : never;

/** A code that has a help page. */
export type HelpCode = KeysOf<(typeof HELP_TABLES)[number]>;

/** The page of a code, or undefined for a reserved code (or any other string). */
export function problemHelp(code: string): ProblemHelp | undefined {
  return Object.hasOwn(PAGES, code) ? PAGES[code as ProblemCode] : undefined;
}

export function hasHelp(code: string): code is HelpCode {
  return problemHelp(code) !== undefined;
}

/** Codes with a page, in the order of lib/problems.ts. */
export function helpCodes(): HelpCode[] {
  return PROBLEM_CODES.filter(hasHelp);
}

/** The /help index: each group with its pages' codes, in HELP_GROUPS order; groups without pages are left out. */
export function helpByGroup(): Array<{ group: HelpGroup; codes: HelpCode[] }> {
  const codes = helpCodes();
  return HELP_GROUPS.map((group) => ({ group, codes: codes.filter((code) => problemHelp(code)?.group === group) })).filter((entry) => entry.codes.length > 0);
}

/** The languages a help page can be written in. */
export type HelpLanguage = "en" | "it";

/**
 * The page of a code in the reader's language: the Italian page when the reader reads Italian and one exists
 * (lib/help/it), else the English one; `language` says which was found. Undefined when the code has no page.
 */
export function problemHelpIn(code: string, language: string): { help: ProblemHelp; language: HelpLanguage } | undefined {
  const english = problemHelp(code);
  if (!english) return undefined;
  const italian = language === "it" && Object.hasOwn(ITALIAN_HELP, code) ? ITALIAN_HELP[code as ProblemCode] : undefined;
  return italian ? { help: italian, language: "it" } : { help: english, language: "en" };
}
