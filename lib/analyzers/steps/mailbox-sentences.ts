import { text, type LocalizedText } from "@/lib/engine/text";

/**
 * Sentences of the IMAP and POP judgements that each end in a period, said one after the other ("A. B. C."), each in
 * the reader's language: a chain of `steps.mailbox.sentences` texts (a referenced text loses its final period, which
 * the template puts back).
 */
export function sentences([first, ...rest]: readonly [LocalizedText, ...LocalizedText[]]): LocalizedText {
  const [second, ...others] = rest;
  return second === undefined ? first : text("steps.mailbox.sentences", { first, rest: sentences([second, ...others]) });
}
