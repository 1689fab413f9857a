import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";

/**
 * The reader's language: `?lang=` first, then the `lang` cookie, then the browser's Accept-Language (by q-value),
 * else English. Pure, so the order is unit-tested (tests/unit/i18n-negotiation.test.ts).
 */

export type LocaleSource = "query" | "cookie" | "accept-language" | "default";

export interface LocaleRequest {
  /** The value of `?lang=`, if any. */
  query?: string | null;
  /** The value of the `lang` cookie, if any. */
  cookie?: string | null;
  /** The Accept-Language header, if any. */
  acceptLanguage?: string | null;
}

/** `it`, `IT`, ` it ` → "it"; anything else (`it-IT` included: the switch writes bare codes) → undefined. */
export function parseLocale(value: string | null | undefined): Locale | undefined {
  const code = value?.trim().toLowerCase();
  return isLocale(code) ? code : undefined;
}

/**
 * The best supported language of an Accept-Language header: ranges by descending q (ties keep their order), the
 * primary subtag matched (`it-CH` is Italian); `q=0` means "not this one"; `*` names no language and is skipped.
 */
export function fromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...parameters] = part.trim().split(";");
      let q = 1;
      for (const parameter of parameters) {
        const [name, value] = parameter.split("=").map((piece) => piece.trim());
        if (name?.toLowerCase() === "q") {
          const parsed = Number(value);
          q = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
        }
      }
      return { tag: tag.trim().toLowerCase(), q, index };
    })
    .filter((range) => range.tag !== "" && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    const locale = parseLocale(range.tag.split("-")[0]);
    if (locale) return locale;
  }
  return undefined;
}

export function negotiateLocale(request: LocaleRequest): { locale: Locale; source: LocaleSource } {
  const fromQuery = parseLocale(request.query);
  if (fromQuery) return { locale: fromQuery, source: "query" };
  const fromCookie = parseLocale(request.cookie);
  if (fromCookie) return { locale: fromCookie, source: "cookie" };
  const fromHeader = fromAcceptLanguage(request.acceptLanguage);
  if (fromHeader) return { locale: fromHeader, source: "accept-language" };
  return { locale: DEFAULT_LOCALE, source: "default" };
}
