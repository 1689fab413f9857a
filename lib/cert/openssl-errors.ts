import { englishOf, text, type Text } from "@/lib/engine/text";
import { pathValidationStepsEn } from "@/lib/i18n/messages/steps/path-validation";

/** OpenSSL's verification errors (X509_V_ERR_*, as Node names them) in an administrator's words: `steps.pathValidation.openssl.meaning`. */
type KnownCode = keyof typeof pathValidationStepsEn.openssl.meaning;

function isKnown(code: string): code is KnownCode {
  return Object.hasOwn(pathValidationStepsEn.openssl.meaning, code);
}

/** "CODE: meaning" in the reader's language, or the code alone when it is one the analyzer has no words for. */
export function openSslErrorText(code: string): Text {
  return isKnown(code) ? text("steps.pathValidation.openssl.described", { code, meaning: text(`steps.pathValidation.openssl.meaning.${code}`) }) : code;
}

/** "CODE: meaning", or the code alone when it is one the analyzer has no words for. */
export function describeOpenSslError(code: string): string {
  return englishOf(openSslErrorText(code));
}

/**
 * OpenSSL's refusal as the trust step says it: the code in an administrator's words, then OpenSSL's own message
 * (library text, kept as it is) when there is one: `CODE: meaning (OpenSSL: "message")`.
 */
export function openSslRefusalText(code: string, message: string | undefined): Text {
  const description = openSslErrorText(code);
  return message ? text("steps.pathValidation.openssl.withMessage", { description, message }) : description;
}
