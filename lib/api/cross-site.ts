/**
 * Whether a request comes from a page of another site: `Sec-Fetch-Site: cross-site`, or an `Origin` whose host
 * isn't this one. Browsers send `Origin` on every POST; this app's `Referrer-Policy: same-origin` makes them send
 * `Origin: null` for a cross-origin one, which is refused too (sandboxed frames send it as well). Clients that send
 * neither header (curl, scripts, monitoring) aren't browsers that a forged form could drive, and are let through.
 *
 * The request's own host is its `Host` header; behind a trusted reverse proxy that rewrites `Host`, the
 * `X-Forwarded-Host` it sets counts too.
 */
export function isCrossSite(headers: Headers, trustProxy: boolean): boolean {
  if (headers.get("sec-fetch-site")?.trim().toLowerCase() === "cross-site") return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return true; // "null", or anything else that names no site we can compare
  }
  if (from.protocol !== "http:" && from.protocol !== "https:") return true;
  const ownHosts = [headers.get("host"), trustProxy ? headers.get("x-forwarded-host")?.split(",")[0] : undefined];
  return !ownHosts.some((host) => host && sameHost(from, host.trim()));
}

/** Host and port compared as the origin's scheme writes them (default port omitted), case-insensitively. */
function sameHost(origin: URL, host: string): boolean {
  if (/[\s/\\?#@]/.test(host)) return false; // a Host header is host[:port], nothing a URL would read as more
  try {
    return new URL(`${origin.protocol}//${host}`).host === origin.host;
  } catch {
    return false;
  }
}
