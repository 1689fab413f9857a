import { parseArgs } from "node:util";
import { ANALYZERS, analyzerOf } from "@/lib/analyzers/catalog";
import type { AnalyzerDefinition, FormField } from "@/lib/analyzers/definition";
import type { Verdict } from "@/lib/engine/types";
import { isLocale, LOCALES, type Locale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";
import { ENGLISH_TEXTS, resultTexts, type ResultTexts } from "@/lib/results/text";
import type { z } from "zod";

export { formatPermalink, formatResult, type ResultTexts, type TextOptions } from "@/lib/results/text";

/**
 * The pure half of `rca`: command-line arguments → a test request, and a result → text and an exit code.
 * Nothing here touches the network or the environment, so it is unit-tested directly.
 */

/** sysexits.h EX_USAGE: the command line (or the input it carries) is wrong. */
export const EXIT_USAGE = 64;

const EXIT_BY_VERDICT: Record<Verdict, number> = { success: 0, warning: 1, error: 2 };

export function exitCodeOf(verdict: Verdict): number {
  return EXIT_BY_VERDICT[verdict];
}

/** What the command line asks for. */
export type CliRequest =
  | { kind: "help"; test?: string }
  | {
      kind: "run";
      test: string;
      /** The inputs as typed (strings, and booleans for flags): validated by the shared schema, like an API body. */
      input: Record<string, unknown>;
      json: boolean;
      server?: string;
      /** `--lang`: the language of the steps (English when not given). */
      lang?: Locale;
    }
  | { kind: "usage-error"; message: string };

/** Options every test takes besides its inputs. */
const COMMON_OPTIONS = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  server: { type: "string" },
  vantages: { type: "string" },
  lang: { type: "string" },
} as const;

type OptionConfig = { type: "string" | "boolean"; short?: string };

/** The options of one test: a checkbox is a flag, every other field takes a value. */
export function optionsOf(analyzer: AnalyzerDefinition): Record<string, OptionConfig> {
  const options: Record<string, OptionConfig> = { ...COMMON_OPTIONS };
  for (const field of analyzer.fields) options[field.name] = { type: field.kind === "checkbox" ? "boolean" : "string" };
  return options;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads `rca <test id> --<input> <value>… [--json] [--server <url>] [--lang <en|it>]` (argv without node and the script). */
export function parseCommandLine(argv: readonly string[]): CliRequest {
  const first = argv[0];
  if (first === undefined) return { kind: "usage-error", message: "Name a test. Run rca --help for the list." };
  if (first === "--help" || first === "-h" || first === "help") return { kind: "help" };
  if (first.startsWith("-")) return { kind: "usage-error", message: `Name a test before the options (got ${first}). Run rca --help for the list.` };
  const analyzer = analyzerOf(first);
  if (!analyzer) return { kind: "usage-error", message: `Unknown test "${first}". Tests: ${ANALYZERS.map((a) => a.id).join(", ")}.` };

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv.slice(1), options: optionsOf(analyzer), strict: true, allowPositionals: false });
  } catch (error) {
    return { kind: "usage-error", message: `${errorMessage(error).replace(/\.?$/, ".")} Run rca ${analyzer.id} --help for its inputs.` };
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return { kind: "help", test: analyzer.id };

  const input: Record<string, unknown> = { test: analyzer.id };
  for (const field of analyzer.fields) {
    const value = values[field.name];
    if (value !== undefined) input[field.name] = value;
  }
  const server = typeof values.server === "string" ? values.server : undefined;
  if (server !== undefined && !/^https?:\/\/[^/]/i.test(server)) {
    return { kind: "usage-error", message: `--server takes an instance's URL, like https://rca.contoso.com (got "${server}").` };
  }
  if (typeof values.vantages === "string") {
    // The vantage points are an instance's workers: this machine, running the test itself, is only one place.
    if (server === undefined)
      return { kind: "usage-error", message: "--vantages needs --server: the instance's workers run the test from each vantage point." };
    input.vantages = values.vantages
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean);
  }
  const lang = typeof values.lang === "string" ? values.lang : undefined;
  if (lang !== undefined && !isLocale(lang)) {
    return { kind: "usage-error", message: `--lang takes ${LOCALES.join(" or ")} (got "${lang}").` };
  }
  return {
    kind: "run",
    test: analyzer.id,
    input,
    json: values.json === true,
    ...(server !== undefined ? { server } : {}),
    ...(lang !== undefined ? { lang } : {}),
  };
}

/**
 * The words of the printed steps: English is the stored text, word for word (what rca always printed, and what a
 * script may match); another language renders the steps and labels from its catalogue, as the result page does.
 */
export function textsFor(lang: Locale | undefined): ResultTexts {
  return lang === undefined || lang === "en" ? ENGLISH_TEXTS : resultTexts(messagesFor(lang));
}

/** A zod error as the API reports it: one "field: message" per issue (a whole-input issue is about `test`). */
export function issueLines(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.map(String).join(".") || "test"}: ${issue.message}`);
}

function defaultOf(field: FormField): string | undefined {
  if (field.kind === "checkbox") return undefined;
  return field.default !== undefined && field.default !== "" ? field.default : undefined;
}

function optionLine(field: FormField): string {
  const flag = field.kind === "checkbox" ? `--${field.name}` : `--${field.name} <value>`;
  const notes: string[] = [];
  if (field.kind === "text" && field.required) notes.push("required");
  if (field.kind === "choice") notes.push(`one of ${field.options.map((option) => option.value).join(", ")}`);
  const fallback = defaultOf(field);
  if (fallback !== undefined) notes.push(`default ${fallback}`);
  if (field.secret) notes.push("never printed or stored");
  return `  ${flag.padEnd(34)} ${field.label}${notes.length ? ` (${notes.join("; ")})` : ""}`;
}

const USAGE = "Usage: rca <test id> --<input> <value>… [--json] [--server <url>] [--lang <en|it>]";

const EXIT_HELP = [
  "Exit codes: 0 success, 1 warning, 2 error, 64 bad input.",
  "--json prints the result JSON; --server <url> runs the test on that instance and prints the permalink;",
  "--lang it prints the steps in Italian (default: English, whatever the locale; the JSON is always English).",
];

/** `rca --help`: every test of the registry with its inputs. */
export function globalHelp(): string {
  const lines = [USAGE, "", "Runs a connectivity test and prints its steps.", "", "Tests:"];
  for (const analyzer of ANALYZERS) {
    lines.push("", `${analyzer.id} — ${analyzer.title}`, ...analyzer.fields.map(optionLine));
  }
  lines.push("", ...EXIT_HELP, "Run rca <test id> --help for one test.");
  return lines.join("\n") + "\n";
}

/** `rca <test> --help`: that test's inputs. */
export function testHelp(analyzer: AnalyzerDefinition): string {
  const lines = [
    `Usage: rca ${analyzer.id} --<input> <value>… [--json] [--server <url>] [--lang <en|it>]`,
    "",
    `${analyzer.title}: ${analyzer.summary}`,
    "",
    "Inputs:",
    ...analyzer.fields.map(optionLine),
    "",
    "Options:",
    `  ${"--json".padEnd(34)} Print the result JSON instead of the steps`,
    `  ${"--server <url>".padEnd(34)} Run the test on that instance (POST /api/tests) and print the permalink`,
    `  ${"--vantages <name,name>".padEnd(34)} With --server: run it from each of these vantage points (GET /api/vantages lists them)`,
    `  ${"--lang <en|it>".padEnd(34)} The language of the printed steps (default en; the JSON stays English)`,
    "",
    ...EXIT_HELP,
  ];
  return lines.join("\n") + "\n";
}

/** Colours only on a terminal, and never with NO_COLOR set (https://no-color.org: any non-empty value). */
export function wantsColour(isTty: boolean | undefined, environment: Record<string, string | undefined>): boolean {
  return Boolean(isTty) && !environment.NO_COLOR;
}
