import type { ProblemCode } from "@/lib/problems";

/**
 * The shape of a help page (/help/<CODE>): what a problem means, what admins and users see, why it happens and
 * how to fix it, with exact commands. Plain text; `backticks` mark inline code. Browser-safe.
 */

/** The sections of the /help index, in the order it lists them. Each page names its own. */
export const HELP_GROUPS = [
  "DNS and network",
  "TLS connection",
  "Certificate",
  "Certificate chain and trust",
  "Web server (HTTP)",
  "Autodiscover",
  "Outlook Anywhere",
  "Internet e-mail (SMTP)",
  "Mail DNS records",
  "IMAP and POP",
  "Analyzer",
] as const;

export type HelpGroup = (typeof HELP_GROUPS)[number];

/** "error-or-warning": the same code is an error in one situation and a warning in another; the page says which. */
export type HelpSeverity = "error" | "warning" | "error-or-warning";

export interface HelpCommand {
  shell: "PowerShell" | "Exchange Management Shell" | "bash" | "cmd";
  description?: string;
  lines: readonly string[];
}

export interface HelpFix {
  text: string;
  commands?: readonly HelpCommand[];
}

export interface ProblemHelp {
  /** Short headline. */
  title: string;
  /** Where the /help index lists the page, and the page's breadcrumb. */
  group: HelpGroup;
  severity: HelpSeverity;
  /** What it means, 1-3 sentences. */
  summary: string;
  /** Deeper explanation: how the analyzer decides, background. */
  details?: readonly string[];
  /** What admins and users see. */
  symptoms: readonly string[];
  causes: readonly string[];
  /** Ordered steps. */
  fixes: readonly HelpFix[];
  /** Other pages; each must exist (tests/unit/help-pages.test.ts). */
  seeAlso?: readonly ProblemCode[];
}

/** One group's pages. Partial: only codes a built test can raise have a page; reserved codes have none. */
export type HelpPages = Partial<Record<ProblemCode, ProblemHelp>>;
