import { staticPageCsp } from "@/lib/security/csp";
import { ApiError, errorHeaders } from "./errors";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** The page's only style, allowed by its hash in the page's own Content-Security-Policy (it has no script). */
const STYLE =
  "body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2328}h1{font-size:1.4rem}li{margin:.4rem 0}a{color:#0b5cad}";
const CSP = staticPageCsp(STYLE);

/** The heading of each error a person posting the form without JavaScript can fix by themselves. */
const HEADINGS: Partial<Record<ApiError["code"], string>> = {
  bad_request: "The test didn't run: check these fields",
  too_many_requests: "The test didn't run: too many tests",
};

/**
 * The answer to an HTML form post with bad input (or over the rate limit) when JavaScript is off (with JavaScript
 * the form validates before sending, and shows the API's message): a plain page listing each field's problem,
 * and the way back to the form.
 */
export function formErrorPage(error: unknown, referer: string | null): Response | undefined {
  const heading = error instanceof ApiError ? HEADINGS[error.code] : undefined;
  if (!(error instanceof ApiError) || !heading) return undefined;
  const formPath = referer ? /^https?:\/\/[^/]+(\/tests\/[a-z-]{1,40})(?:\?|$)/.exec(referer)?.[1] : undefined;
  const back = formPath ?? "/";
  const items = (error.issues ?? [{ path: "", message: error.message }])
    .map((issue) => `<li>${issue.path ? `<strong>${escapeHtml(issue.path)}</strong>: ` : ""}${escapeHtml(issue.message)}</li>`)
    .join("");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Check the form – Remote Connectivity Analyzer</title>
<style>${STYLE}</style></head>
<body><h1>${heading}</h1><ul>${items}</ul><p><a href="${back}">Back to the form</a> (use your browser's Back button to keep what you typed).</p></body></html>`;
  const status = error.code === "too_many_requests" ? 429 : 400;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": CSP, ...errorHeaders(error) } });
}
