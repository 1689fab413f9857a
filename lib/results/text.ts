import { analyzerOf } from "@/lib/analyzers/catalog";
import type { Step, StepStatus, TestResult } from "@/lib/engine/types";

/**
 * A result as plain text: the command line prints it (with colours on a terminal) and the result page's
 * "Copy as text" puts it on the clipboard. Pure and browser-safe: no Node modules.
 */

const ICONS: Record<StepStatus, string> = { success: "✔", warning: "▲", error: "✖", skipped: "○", info: "ℹ" };
const COLOURS: Record<StepStatus, string> = { success: "32", warning: "33", error: "31", skipped: "2", info: "36" };

export interface TextOptions {
  colour: boolean;
}

function paint(text: string, code: string, colour: boolean): string {
  return colour ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function stepLines(step: Step, depth: number, options: TextOptions): string[] {
  const indent = "  ".repeat(depth);
  const head = paint(`${ICONS[step.status]} ${step.status.padEnd(7)}`, COLOURS[step.status], options.colour);
  const problem = step.problem ? ` [${step.problem}]` : "";
  const time = paint(`(${step.elapsedMs} ms)`, "2", options.colour);
  const title = options.colour ? paint(step.title, "1", true) : step.title;
  const lines = [`${indent}${head} ${title}${problem} ${time}`];
  for (const line of step.message.split("\n")) if (line.trim() !== "") lines.push(`${indent}          ${line}`);
  for (const child of step.children) lines.push(...stepLines(child, depth + 1, options));
  return lines;
}

/** A result as text: the test, every step (children indented) and the verdict. */
export function formatResult(result: TestResult, options: TextOptions): string {
  const title = analyzerOf(result.test)?.title ?? result.test;
  const target = [result.input.emailAddress, result.input.host].filter((value) => typeof value === "string" && value !== "").join(" via ");
  const lines = [`${options.colour ? paint(title, "1", true) : title}${target ? ` — ${target}` : ""}`, ""];
  for (const step of result.steps) lines.push(...stepLines(step, 0, options));
  const verdict = paint(result.verdict, COLOURS[result.verdict], options.colour);
  lines.push("", `Verdict: ${verdict} (${result.elapsedMs} ms)`);
  return lines.join("\n") + "\n";
}
