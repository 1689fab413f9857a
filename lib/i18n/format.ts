/**
 * Message templates shared by the engine (which stores the English text of a step) and the pages (which show it in
 * the reader's language). Browser-safe and pure.
 *
 * A template is plain text with `{name}` placeholders; no ICU plural or select syntax, so the stored English and
 * the English shown on a page come from the same template by the same code, character for character.
 *
 * Params are flat string/number values. A param can stand for another catalogue text (a step's title inside a
 * "skipped because" sentence): `name` holds its English, `name.$key` its key, and `name.<param>` that text's own
 * params. Rendered in a language that has the key, the referenced text is rendered there too; a referenced text
 * loses its final period, as it sits inside a sentence.
 */

export type TextParams = Record<string, string | number>;

/** A catalogue: nested objects whose leaves are templates. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree;
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Suffix of the param naming the catalogue key a param stands for. */
export const REF_KEY = "$key";

/** The template at a dotted key, or undefined when there is none (or the key names a group). */
export function lookupTemplate(messages: MessageTree, key: string): string | undefined {
  let node: string | MessageTree | undefined = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** The placeholder names of a template, sorted and without duplicates. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ""))].sort();
}

function stripPeriod(text: string): string {
  return text.replace(/\.$/, "");
}

/** The params of a referenced text: those under `name.`, without the prefix. */
function nestedParams(params: TextParams, name: string): TextParams {
  const prefix = `${name}.`;
  const nested: TextParams = {};
  for (const [key, value] of Object.entries(params)) if (key.startsWith(prefix)) nested[key.slice(prefix.length)] = value;
  return nested;
}

/**
 * The text of `key` in `messages`, its placeholders filled from `params`; undefined when the catalogue has no such
 * key or a placeholder has no value (the caller then shows the stored English).
 */
export function renderTemplate(messages: MessageTree, key: string, params: TextParams = {}): string | undefined {
  const template = lookupTemplate(messages, key);
  if (template === undefined) return undefined;
  let complete = true;
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const ref = params[`${name}.${REF_KEY}`];
    if (typeof ref === "string") {
      const nested = renderTemplate(messages, ref, nestedParams(params, name));
      if (nested !== undefined) return stripPeriod(nested);
    }
    const value = params[name];
    if (value === undefined) {
      complete = false;
      return whole;
    }
    return typeof value === "string" && ref !== undefined ? stripPeriod(value) : String(value);
  });
  return complete ? text : undefined;
}
