import { REF_KEY, renderTemplate, type TextParams } from "@/lib/i18n/format";
import { en } from "@/lib/i18n/messages/en";
import type { Leaves } from "@/lib/i18n/messages/types";
import type { Step } from "./types";

/**
 * Step texts that can be shown in the reader's language. A step stores its English text as always (the command
 * line, the JSON export and old readers use it), plus the catalogue key and params it was made from; a page renders
 * the key in the reader's catalogue when it has it, else shows the stored English (lib/i18n/step-text.ts).
 *
 * The English is rendered from the English catalogue (lib/i18n/messages/en.ts), so each text has one source. Plain
 * strings keep working everywhere a text is accepted: they stay English.
 */

/** A key of the English catalogue that a step may use: step texts and the engine's own. */
export type TextKey = Extract<Leaves<typeof en>, `steps.${string}` | `engine.${string}`>;

export interface LocalizedText {
  readonly key: TextKey;
  /** Flat: a localized text passed as a param is spread into `name`, `name.$key` and `name.<param>`. */
  readonly params: TextParams;
  /** The text rendered from the English catalogue: what the step stores as its title or message. */
  readonly english: string;
}

/** What the runner accepts for a title, a message or a reason. */
export type Text = string | LocalizedText;

export type TextParamValue = string | number | LocalizedText;

export function isLocalized(value: Text | TextParamValue): value is LocalizedText {
  return typeof value === "object" && value !== null && typeof (value as LocalizedText).key === "string";
}

/** Spreads localized params into flat values (see lib/i18n/format.ts). */
function flatten(params: Readonly<Record<string, TextParamValue>>): TextParams {
  const flat: TextParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (!isLocalized(value)) {
      flat[name] = value;
      continue;
    }
    flat[name] = value.english;
    flat[`${name}.${REF_KEY}`] = value.key;
    for (const [nested, nestedValue] of Object.entries(value.params)) flat[`${name}.${nested}`] = nestedValue;
  }
  return flat;
}

/**
 * A step text by catalogue key: `text("steps.dns.resolve.ok", { addresses: "192.0.2.1" })`. Every `{placeholder}`
 * of the English template must get a value; a missing one is an analyzer bug and throws.
 */
export function text(key: TextKey, params: Readonly<Record<string, TextParamValue>> = {}): LocalizedText {
  const flat = flatten(params);
  const english = renderTemplate(en, key, flat);
  if (english === undefined) throw new Error(`step text ${key}: a placeholder has no value`);
  return { key, params: flat, english };
}

/** A step's title and message fields: the English of each, and the key and params of a localized one. */
export function stepTextFields(title: Text, message: Text): Pick<Step, "title" | "titleKey" | "titleParams" | "message" | "messageKey" | "messageParams"> {
  return {
    title: englishOf(title),
    ...(isLocalized(title) ? { titleKey: title.key, titleParams: title.params } : {}),
    message: englishOf(message),
    ...(isLocalized(message) ? { messageKey: message.key, messageParams: message.params } : {}),
  };
}

/** The English of a text, whichever form it has. */
export function englishOf(value: Text): string {
  return typeof value === "string" ? value : value.english;
}

/**
 * Items joined as "a, b, c" where any item may be a catalogue text (each is then rendered in the reader's language):
 * a chain of `steps.common.list` texts. One item is itself; none is an empty string.
 */
export function listText(items: readonly TextParamValue[]): TextParamValue {
  const [first, ...rest] = items;
  if (first === undefined) return "";
  return rest.length === 0 ? first : text("steps.common.list", { first, rest: listText(rest) });
}

/**
 * A text to pass as a param where its final period, if any, belongs to it: a referenced text loses its final period
 * when rendered (lib/i18n/format.ts), so one that ends in a period is passed as its English instead.
 */
export function asParam(value: LocalizedText): TextParamValue {
  return value.english.endsWith(".") ? value.english : value;
}
