import { NextResponse, type NextRequest } from "next/server";
import { LANG_COOKIE, LANG_COOKIE_MAX_AGE, LANG_PARAM, LOCALE_HEADER } from "@/lib/i18n/config";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { createNonce, HSTS_VALUE, NONCE_HEADER, pageCsp, servedOverHttps, trustProxyFlag } from "@/lib/security/csp";

/**
 * Every page gets a Content-Security-Policy with a nonce of its own (the approach of the Next.js CSP guide). The
 * nonce goes to the app twice on the request: inside the request's Content-Security-Policy header, where Next.js
 * reads it to put it on its own scripts, and as `x-nonce` for app/layout.tsx. A nonce forces pages to render per
 * request (the layout reads the request headers). HSTS is added when a trusted proxy says the request came over
 * HTTPS. Permissions-Policy and the other fixed headers come from next.config.js.
 *
 * The page's language is negotiated here too (lib/i18n/negotiate.ts: `?lang=`, the `lang` cookie, Accept-Language)
 * and passed on as a request header for lib/i18n/request.ts; a valid `?lang=` is remembered in the cookie, so the
 * language switch is a plain link and the next pages keep the language. URLs never change with the language.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const https = servedOverHttps(request.headers, trustProxyFlag(process.env.RCA_TRUST_PROXY));
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development", https });

  const cookie = request.cookies.get(LANG_COOKIE)?.value;
  const language = negotiateLocale({ query: request.nextUrl.searchParams.get(LANG_PARAM), cookie, acceptLanguage: request.headers.get("accept-language") });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set(LOCALE_HEADER, language.locale);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  if (language.source === "query" && cookie !== language.locale) {
    response.cookies.set(LANG_COOKIE, language.locale, { path: "/", maxAge: LANG_COOKIE_MAX_AGE, sameSite: "lax", secure: https });
  }
  return response;
}

export const config = {
  matcher: [
    /*
     * Pages only. Not /api/* (JSON and event streams need no policy, and the proxy would buffer request bodies;
     * the no-JavaScript form error page sets its own), the build's static files, or the public icons. Prefetches
     * of the RSC payload are no documents either.
     */
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|favicon.svg|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
