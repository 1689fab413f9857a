import { expect } from "vitest";
import { findingText, type Finding } from "@/lib/engine/finding";
import { isLocalized, type LocalizedText, type TextParamValue } from "@/lib/engine/text";
import type { MessageTree } from "@/lib/i18n/format";
import { en } from "@/lib/i18n/messages/en";
import { it as italian } from "@/lib/i18n/messages/it";
import { localizedText } from "@/lib/i18n/step-text";

/**
 * Helpers shared by the step text tests (tests/unit/i18n-*-texts.test.ts) and the catalogue tests: a step text
 * rendered as a page renders it (lib/i18n/step-text.ts), and the checks that it stores its English word for word and
 * reads in Italian.
 */

/** A placeholder left unfilled in a rendered text: `{name}`, `{name.param}` or `{name.$key}`. */
const UNFILLED_PLACEHOLDER = /\{[A-Za-z_][A-Za-z0-9_.$]*\}/;

/** A catalogue text, as against a plain string, a number or nothing. */
function localized(value: TextParamValue | undefined): value is LocalizedText {
  return value !== undefined && isLocalized(value);
}

/** A text (or a finding's text) rendered in a catalogue as a page renders it: a catalogue text in that language, else as it is. */
export function rendered(messages: MessageTree, message: TextParamValue | Finding | undefined): string {
  const value = typeof message === "object" && "status" in message ? findingText(message) : message;
  return localized(value) ? localizedText(messages, value.english, value.key, value.params) : String(value);
}

/**
 * The text is a catalogue text, stores `english`, renders it from the English catalogue and reads in Italian, every
 * placeholder filled. Returns the Italian.
 */
export function expectText(message: TextParamValue | undefined, english: string): string {
  expect(localized(message)).toBe(true);
  if (localized(message)) expect(message.english).toBe(english);
  expect(rendered(en, message)).toBe(english);
  const inItalian = rendered(italian, message);
  expect(inItalian).not.toBe(english);
  expect(inItalian).not.toMatch(UNFILLED_PLACEHOLDER);
  return inItalian;
}

/** The finding stores `english` as its message, and its text passes expectText. Returns the Italian. */
export function expectLocalized(finding: Finding | undefined, english: string): string {
  expect(finding?.message).toBe(english);
  return expectText(findingText(finding!), english);
}

/** Every text of a catalogue by its dotted key. */
export function leaves(tree: MessageTree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    if (typeof value === "string") out.set(path, value);
    else for (const [nested, text] of leaves(value, `${path}.`)) out.set(nested, text);
  }
  return out;
}
