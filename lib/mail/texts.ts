import { englishOf, isLocalized, text, type LocalizedText, type Text, type TextKey, type TextParamValue } from "@/lib/engine/text";

/** Helpers for the step texts of the mail tests (lib/analyzers/smtp-*, lib/mail/*). */

/**
 * A text with another message inside it, whole: a referenced text loses its final period when rendered
 * (lib/i18n/format.ts), so a message that ends in one goes into `sentence`, whose template writes the period, and
 * one that doesn't into `phrase`.
 */
export function embed(sentence: TextKey, phrase: TextKey, name: string, message: Text, params: Readonly<Record<string, TextParamValue>> = {}): LocalizedText {
  const english = englishOf(message);
  if (!english.endsWith(".")) return text(phrase, { ...params, [name]: message });
  return text(sentence, { ...params, [name]: isLocalized(message) ? message : english.slice(0, -1) });
}

/** Items joined as "a; b; c", each rendered in the reader's language. */
export function semicolonList(items: readonly TextParamValue[]): TextParamValue {
  const [first, ...rest] = items;
  if (first === undefined) return "";
  return rest.length === 0 ? first : text("steps.smtpInbound.semicolonList", { first, rest: semicolonList(rest) });
}
