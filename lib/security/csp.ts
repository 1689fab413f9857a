import { createHash } from "node:crypto";

/**
 * Content-Security-Policy and HSTS header values, as pure functions: proxy.ts applies them to every page request,
 * and lib/api/form-error-page.ts gives its no-JavaScript HTML page a policy of its own.
 */

/** The request header the proxy passes the nonce to the app in (read by app/layout.tsx). */
export const NONCE_HEADER = "x-nonce";

/** HSTS: one year, subdomains included (no `preload`: that is an operator's decision, hard to undo). */
export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

/** A fresh, unpredictable nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export interface PageCspOptions {
  /** `next dev` needs `'unsafe-eval'` (React rebuilds server error stacks with eval) and un-nonced dev styles. */
  dev?: boolean;
  /** Served over HTTPS: ask the browser to upgrade any http: subresource too. */
  https?: boolean;
}

function serialize(directives: Array<[string, ...string[]]>): string {
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/**
 * The policy of an HTML page rendered by Next.js. Scripts run only with this response's nonce (Next.js puts it on
 * its own scripts after reading it from the request's Content-Security-Policy header), and `'strict-dynamic'`
 * lets those load the page's chunks; no `'unsafe-inline'`. Styles: the Tailwind stylesheet is a file
 * (`'self'`), and the only inline `<style>` (the no-JavaScript rule in the layout) carries the nonce, so styles
 * need no `'unsafe-inline'` either (React applies `style={…}` props through the CSSOM, which CSP doesn't govern).
 */
export function pageCsp(nonce: string, options: PageCspOptions = {}): string {
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    // In development Next.js injects styles without a nonce; a nonce would make browsers ignore 'unsafe-inline'.
    ["style-src", "'self'", options.dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (options.https) directives.push(["upgrade-insecure-requests"]);
  return serialize(directives);
}

/** The CSP source expression allowing exactly this inline `<style>` content. */
export function styleHash(css: string): string {
  return `'sha256-${createHash("sha256").update(css, "utf8").digest("base64")}'`;
}

/**
 * The policy of a static HTML page with no script at all and one inline `<style>`: nothing may run or load, the
 * style is allowed by its hash, forms post only back here, and no other site may frame it.
 */
export function staticPageCsp(inlineStyle: string): string {
  return serialize([
    ["default-src", "'none'"],
    ["style-src", styleHash(inlineStyle)],
    ["img-src", "'self'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ]);
}

/**
 * Whether the browser reached us over HTTPS. The app itself speaks plain HTTP, so only a TLS-terminating reverse
 * proxy we trust (RCA_TRUST_PROXY) can say so, through the first `X-Forwarded-Proto` entry; without a trusted
 * proxy the header is whatever the client sent, and the answer is no.
 */
export function servedOverHttps(headers: Headers, trustProxy: boolean): boolean {
  if (!trustProxy) return false;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https";
}

/** RCA_TRUST_PROXY read the way lib/config/env.ts reads it ("true" or "1"), without parsing the whole config. */
export function trustProxyFlag(value: string | undefined): boolean {
  return value === "true" || value === "1";
}
