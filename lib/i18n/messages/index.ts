import { en } from "./en";
import { it } from "./it";
import type { Locale } from "../config";
import type { MessageTree } from "../format";

/** Every catalogue by language. */
export const MESSAGES: Record<Locale, MessageTree> = { en, it };

export function messagesFor(locale: Locale): MessageTree {
  return MESSAGES[locale];
}
