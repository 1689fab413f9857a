import type { ProblemCode } from "@/lib/problems";
import { englishOf, isLocalized, text, type LocalizedText, type Text } from "./text";
import type { Details } from "./types";

/**
 * A judgement made by a pure check: what a step reports, before it is recorded. `message` is always the English;
 * `text` is the catalogue text it was rendered from, when the check gave one (lib/engine/text.ts).
 */
export type Finding =
  | { status: "success" | "info"; message: string; text?: LocalizedText; details?: Details }
  | { status: "warning" | "error"; problem: ProblemCode; message: string; text?: LocalizedText; details?: Details };

/** `message` as English, plus `text` when the message is a catalogue text. */
function messageOf(message: Text): { message: string; text?: LocalizedText } {
  return isLocalized(message) ? { message: englishOf(message), text: message } : { message };
}

export function ok(message: Text, details?: Details): Finding {
  return { status: "success", ...messageOf(message), details };
}

/** Nothing wrong, nothing to judge: a fact worth saying. */
export function info(message: Text, details?: Details): Finding {
  return { status: "info", ...messageOf(message), details };
}

export function warning(problem: ProblemCode, message: Text, details?: Details): Finding {
  return { status: "warning", problem, ...messageOf(message), details };
}

export function error(problem: ProblemCode, message: Text, details?: Details): Finding {
  return { status: "error", problem, ...messageOf(message), details };
}

/**
 * What a step records for a finding: its catalogue text while that text still says what `message` says, else the
 * English message (a caller that rewrote `message` of a spread finding keeps its own words).
 */
export function findingText(finding: Finding): Text {
  return finding.text && finding.text.english === finding.message ? finding.text : finding.message;
}

/** "Ignore trust for SSL": a certificate error becomes a warning that says it was ignored. */
export function demoteToWarning(finding: Finding): Finding {
  if (finding.status !== "error") return finding;
  const message = findingText(finding);
  const ignored = isLocalized(message)
    ? text(message.english.endsWith(".") ? "engine.ignoredTrust.sentence" : "engine.ignoredTrust.phrase", { message })
    : `${message} (Ignored: "Ignore trust for SSL" is selected.)`;
  const { text: _previous, ...rest } = finding;
  return { ...rest, status: "warning", ...messageOf(ignored) };
}
