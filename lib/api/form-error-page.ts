import { DEFAULT_LOCALE, LANG_COOKIE, LANG_PARAM, type Locale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { errorPageText, translateValidation } from "@/lib/i18n/validation";
import { staticPageCsp } from "@/lib/security/csp";
import { ApiError, errorHeaders } from "./errors";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** The page's own text, from the catalogue: element content, where quotes need no escaping (the English keeps its `'`). */
function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (char) => ESCAPES[char]!);
}

/** The page's only style, allowed by its hash in the page's own Content-Security-Policy (it has no script). */
const STYLE =
  "body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2328}h1{font-size:1.4rem}li{margin:.4rem 0}a{color:#0b5cad}";
const CSP = staticPageCsp(STYLE);

/** The heading (a key of the catalogue's `validation.errorPage`) of each error a person posting the form without JavaScript can fix by themselves. */
const HEADINGS: Partial<Record<ApiError["code"], "badRequest" | "tooManyRequests">> = {
  bad_request: "badRequest",
  too_many_requests: "tooManyRequests",
};

/** The value of one cookie in a Cookie header, if present. */
function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * The reader's language, negotiated as for the pages (lib/i18n/negotiate.ts): the form page's `?lang=` (in the
 * Referer), then the `lang` cookie, then Accept-Language. The API itself isn't behind the proxy that does it for pages.
 */
export function formErrorLocale(headers: Headers): Locale {
  let query: string | null = null;
  const referer = headers.get("referer");
  if (referer && URL.canParse(referer)) query = new URL(referer).searchParams.get(LANG_PARAM);
  return negotiateLocale({ query, cookie: cookieValue(headers.get("cookie"), LANG_COOKIE), acceptLanguage: headers.get("accept-language") }).locale;
}

/**
 * The answer to an HTML form post with bad input (or over the rate limit) when JavaScript is off (with JavaScript
 * the form validates before sending, and shows the API's message): a plain page listing each field's problem,
 * and the way back to the form. In the reader's language when `headers` (the request's) are given, else English;
 * the messages are the API's English ones, translated where the catalogue knows them (lib/i18n/validation.ts).
 */
export function formErrorPage(error: unknown, referer: string | null, headers?: Headers): Response | undefined {
  const headingKey = error instanceof ApiError ? HEADINGS[error.code] : undefined;
  if (!(error instanceof ApiError) || !headingKey) return undefined;
  const locale: Locale = headers ? formErrorLocale(headers) : DEFAULT_LOCALE;
  const messages = messagesFor(locale);
  const pageText = (name: Parameters<typeof errorPageText>[1]) => escapeText(errorPageText(messages, name));
  const formPath = referer ? /^https?:\/\/[^/]+(\/tests\/[a-z-]{1,40})(?:\?|$)/.exec(referer)?.[1] : undefined;
  const back = formPath ?? "/";
  const items = (error.issues ?? [{ path: "", message: error.message }])
    .map((issue) => `<li>${issue.path ? `<strong>${escapeHtml(issue.path)}</strong>: ` : ""}${escapeHtml(translateValidation(issue.message, messages))}</li>`)
    .join("");
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${pageText("title")}</title>
<style>${STYLE}</style></head>
<body><h1>${pageText(headingKey)}</h1><ul>${items}</ul><p><a href="${back}">${pageText("back")}</a> ${pageText("backNote")}</p></body></html>`;
  const status = error.code === "too_many_requests" ? 429 : 400;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": CSP, ...errorHeaders(error) } });
}
