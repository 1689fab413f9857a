import { renderTemplate, type MessageTree, type TextParams } from "./format";
import { validationEn } from "./messages/validation";

/**
 * Validation messages in the reader's language. The schemas and the API speak English (the API's contract); the form
 * and the no-JavaScript error page show a message through `translateValidation`, which finds its English among the
 * texts of lib/i18n/messages/validation.ts (word for word, or by pattern for the few with a `{placeholder}`) and
 * renders the reader's catalogue's `validation.<key>` with the same values. A message it doesn't know (a schema's
 * new or edited text, zod's own wording for a mistyped API call) stays English. Browser-safe and pure.
 */

/** The section of the catalogues that holds these texts. */
export const VALIDATION_NAMESPACE = "validation";

/** Groups of validationEn that are not messages to match (the error page's own text). */
const NOT_MESSAGES = new Set(["errorPage"]);

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

interface Pattern {
  key: string;
  regex: RegExp;
  names: string[];
}

const exact = new Map<string, string>();
const patterns: Pattern[] = [];

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

for (const [group, texts] of Object.entries(validationEn)) {
  if (NOT_MESSAGES.has(group)) continue;
  for (const [name, english] of Object.entries(texts)) {
    const key = `${group}.${name}`;
    const names = [...english.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "");
    if (names.length === 0) {
      if (!exact.has(english)) exact.set(english, key);
      continue;
    }
    const source = english
      .split(PLACEHOLDER)
      // split with a capturing group alternates text and placeholder names
      .map((piece, index) => (index % 2 === 0 ? escapeRegex(piece) : "(.+?)"))
      .join("");
    patterns.push({ key, regex: new RegExp(`^${source}$`, "s"), names });
  }
}

/** The key (under `validation.`) and the values of an English validation message; undefined for one it doesn't know. */
export function validationKey(message: string): { key: string; params: TextParams } | undefined {
  const key = exact.get(message);
  if (key !== undefined) return { key, params: {} };
  for (const pattern of patterns) {
    const match = pattern.regex.exec(message);
    if (!match) continue;
    const params: TextParams = {};
    pattern.names.forEach((name, index) => {
      params[name] = match[index + 1] ?? "";
    });
    return { key: pattern.key, params };
  }
  return undefined;
}

/**
 * `message` in the language of `messages` (a whole catalogue, with its `validation` section): the reader's version of
 * a known English message, else the message unchanged.
 */
export function translateValidation(message: string, messages: MessageTree): string {
  const known = validationKey(message);
  if (!known) return message;
  return renderTemplate(messages, `${VALIDATION_NAMESPACE}.${known.key}`, known.params) ?? message;
}

/** A text of the no-JavaScript error page in the language of `messages`, English when the catalogue lacks it. */
export function errorPageText(messages: MessageTree, name: keyof (typeof validationEn)["errorPage"]): string {
  return renderTemplate(messages, `${VALIDATION_NAMESPACE}.errorPage.${name}`) ?? validationEn.errorPage[name];
}
