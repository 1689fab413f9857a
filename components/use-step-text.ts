import { useMessages } from "next-intl";
import type { MessageTree } from "@/lib/i18n/format";
import { stepMessage, stepTitle, type StepTexts } from "@/lib/i18n/step-text";

/**
 * Step titles and messages in the reader's language (lib/i18n/step-text.ts), for server and client components alike.
 */
export function useStepText(): { title: (step: StepTexts) => string; message: (step: StepTexts) => string } {
  const messages = useMessages() as MessageTree;
  return { title: (step) => stepTitle(messages, step), message: (step) => stepMessage(messages, step) };
}

/** The reader's catalogue as a plain tree (for lib/i18n/definitions.ts). */
export function useCatalogue(): MessageTree {
  return useMessages() as MessageTree;
}
