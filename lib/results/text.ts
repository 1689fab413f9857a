import { analyzerOf } from "@/lib/analyzers/catalog";
import type { Step, StepStatus, TestResult } from "@/lib/engine/types";
import { testTitle } from "@/lib/i18n/definitions";
import { renderTemplate, type MessageTree, type TextParams } from "@/lib/i18n/format";
import { textExportEn, type TextExportMessages } from "@/lib/i18n/messages/text-export";
import type { CatalogueShape } from "@/lib/i18n/messages/types";
import { stepMessage, stepTitle } from "@/lib/i18n/step-text";

/**
 * A result as plain text: the command line prints it (with colours on a terminal) and the result page's "Copy as
 * text" puts it on the clipboard. Pure and browser-safe: no Node modules, no React.
 *
 * The words come from a `ResultTexts`: by default the stored English (what the command line always printed), or
 * `resultTexts(catalogue)` for a reader's language: step titles and messages rendered as the result page renders
 * them (lib/i18n/step-text.ts), the labels from the catalogue's `textExport` (lib/i18n/messages/text-export.ts).
 */

const ICONS: Record<StepStatus, string> = { success: "✔", warning: "▲", error: "✖", skipped: "○", info: "ℹ" };
const COLOURS: Record<StepStatus, string> = { success: "32", warning: "33", error: "31", skipped: "2", info: "36" };

export interface TextOptions {
  colour: boolean;
}

/** The labels of the text in one language: `textExport` of a catalogue. */
export type TextExportLabels = CatalogueShape<TextExportMessages>;

/** Everything language-dependent in the text. */
export interface ResultTexts {
  /** A step's title and message in the text's language. */
  title: (step: Step) => string;
  message: (step: Step) => string;
  /** A test's title by its id (the id itself for an unknown test). */
  test: (test: string) => string;
  labels: TextExportLabels;
}

/** The stored English, word for word: the command line's default. */
export const ENGLISH_TEXTS: ResultTexts = {
  title: (step) => step.title,
  message: (step) => step.message,
  test: (test) => analyzerOf(test)?.title ?? test,
  labels: textExportEn,
};

/** The catalogue's `textExport`, each label missing there taken from the English. */
function mergeLabels(english: MessageTree, local: unknown): MessageTree {
  const tree = typeof local === "object" && local !== null ? (local as MessageTree) : {};
  return Object.fromEntries(
    Object.entries(english).map(([key, value]) => {
      const other = Object.hasOwn(tree, key) ? tree[key] : undefined;
      return [key, typeof value === "string" ? (typeof other === "string" ? other : value) : mergeLabels(value, other)];
    }),
  );
}

/**
 * The texts of a reader's catalogue (lib/i18n/messages: `useCatalogue()` on a page, `getMessages()` on the server,
 * `messagesFor(locale)` elsewhere): what the result page shows, in its language.
 */
export function resultTexts(messages: MessageTree): ResultTexts {
  return {
    title: (step) => stepTitle(messages, step),
    message: (step) => stepMessage(messages, step),
    test: (test) => {
      const info = analyzerOf(test);
      return info ? testTitle(messages, info) : test;
    },
    labels: mergeLabels(textExportEn, messages.textExport) as unknown as TextExportLabels,
  };
}

/** A label with its `{placeholders}` filled (a value is never read as a template itself). */
function fill(template: string, params: TextParams): string {
  return renderTemplate({ template }, "template", params) ?? template;
}

function paint(text: string, code: string, colour: boolean): string {
  return colour ? `\u001b[${code}m${text}\u001b[0m` : text;
}

interface Layout {
  texts: ResultTexts;
  options: TextOptions;
  /** The longest status label: statuses are padded to it, and messages indented past it. */
  width: number;
}

function stepLines(step: Step, depth: number, layout: Layout): string[] {
  const { texts, options, width } = layout;
  const indent = "  ".repeat(depth);
  const head = paint(`${ICONS[step.status]} ${texts.labels.status[step.status].padEnd(width)}`, COLOURS[step.status], options.colour);
  const problem = step.problem ? ` ${fill(texts.labels.problem, { code: step.problem })}` : "";
  const time = paint(fill(texts.labels.elapsed, { ms: step.elapsedMs }), "2", options.colour);
  const title = paint(texts.title(step), "1", options.colour);
  const lines = [`${indent}${head} ${title}${problem} ${time}`];
  const messageIndent = `${indent}${" ".repeat(width + 3)}`;
  for (const line of texts.message(step).split("\n")) if (line.trim() !== "") lines.push(`${messageIndent}${line}`);
  for (const child of step.children) lines.push(...stepLines(child, depth + 1, layout));
  return lines;
}

/** A result as text: the test, every step (children indented) and the verdict. */
export function formatResult(result: TestResult, options: TextOptions, texts: ResultTexts = ENGLISH_TEXTS): string {
  const { labels } = texts;
  const title = paint(texts.test(result.test), "1", options.colour);
  const { emailAddress, host } = result.input;
  const present = (value: unknown): value is string => typeof value === "string" && value !== "";
  const target =
    present(emailAddress) && present(host)
      ? fill(labels.target, { email: emailAddress, host })
      : present(emailAddress)
        ? emailAddress
        : present(host)
          ? host
          : "";
  const lines = [target ? fill(labels.heading, { test: title, target }) : title, ""];
  const layout: Layout = { texts, options, width: Math.max(...Object.values(labels.status).map((label) => label.length)) };
  for (const step of result.steps) lines.push(...stepLines(step, 0, layout));
  const verdict = paint(labels.verdict[result.verdict], COLOURS[result.verdict], options.colour);
  lines.push("", fill(labels.verdictLine, { verdict, ms: result.elapsedMs }));
  return lines.join("\n") + "\n";
}

/** `Permalink: <url>`, printed after the steps by `rca … --server <url>`. */
export function formatPermalink(url: string, texts: ResultTexts = ENGLISH_TEXTS): string {
  return fill(texts.labels.permalink, { url }) + "\n";
}
