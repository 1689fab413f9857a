/**
 * The languages of the interface and how a request names one. Browser-safe: the proxy, the request config, the
 * language switch and the tests share these constants.
 */

export const LOCALES = ["en", "it"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** `?lang=it`: wins over everything, and is remembered in the cookie. */
export const LANG_PARAM = "lang";

/** Set by the language switch (through `?lang=`), read when the URL names no language. */
export const LANG_COOKIE = "lang";

/** One year: the choice outlives the session. */
export const LANG_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** The language proxy.ts negotiated, passed to the app on the request (lib/i18n/request.ts reads it). */
export const LOCALE_HEADER = "x-rca-locale";

/** What each language is called in itself, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", it: "Italiano" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
