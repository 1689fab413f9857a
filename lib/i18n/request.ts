import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LANG_COOKIE, LOCALE_HEADER } from "./config";
import { MESSAGES } from "./messages";
import { negotiateLocale, parseLocale } from "./negotiate";

/**
 * next-intl without i18n routing: no /it/ prefixes, the language comes from the request. proxy.ts negotiates it for
 * pages (`?lang=` first) and passes it on in a request header; where the proxy doesn't run (the RSC prefetches it
 * skips) the cookie and Accept-Language decide.
 */
export default getRequestConfig(async () => {
  const requestHeaders = await headers();
  const locale =
    parseLocale(requestHeaders.get(LOCALE_HEADER)) ??
    negotiateLocale({ cookie: (await cookies()).get(LANG_COOKIE)?.value, acceptLanguage: requestHeaders.get("accept-language") }).locale;
  // Dates are shown in UTC everywhere (components/format.ts), on the server and in the browser alike.
  return { locale, messages: MESSAGES[locale], timeZone: "UTC" };
});
