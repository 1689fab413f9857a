import { renderTemplate, type MessageTree, type TextParams } from "./format";

/**
 * A stored step's title and message in the reader's language: rendered from the reader's catalogue when the step
 * carries a key (lib/engine/text.ts) and the catalogue has it, else the stored English. Results stored before keys
 * existed have none and show in English. Browser-safe and pure.
 */

export interface StepTexts {
  title: string;
  titleKey?: string;
  titleParams?: TextParams;
  message?: string;
  messageKey?: string;
  messageParams?: TextParams;
}

export function localizedText(messages: MessageTree, english: string, key: string | undefined, params: TextParams | undefined): string {
  if (!key) return english;
  return renderTemplate(messages, key, params ?? {}) ?? english;
}

export function stepTitle(messages: MessageTree, step: Pick<StepTexts, "title" | "titleKey" | "titleParams">): string {
  return localizedText(messages, step.title, step.titleKey, step.titleParams);
}

export function stepMessage(messages: MessageTree, step: Pick<StepTexts, "message" | "messageKey" | "messageParams">): string {
  return localizedText(messages, step.message ?? "", step.messageKey, step.messageParams);
}
