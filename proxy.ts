import { NextResponse, type NextRequest } from "next/server";
import { createNonce, HSTS_VALUE, NONCE_HEADER, pageCsp, servedOverHttps, trustProxyFlag } from "@/lib/security/csp";

/**
 * Every page gets a Content-Security-Policy with a nonce of its own (the approach of the Next.js CSP guide). The
 * nonce goes to the app twice on the request: inside the request's Content-Security-Policy header, where Next.js
 * reads it to put it on its own scripts, and as `x-nonce` for app/layout.tsx. A nonce forces pages to render per
 * request (the layout reads the request headers). HSTS is added when a trusted proxy says the request came over
 * HTTPS. Permissions-Policy and the other fixed headers come from next.config.js.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const https = servedOverHttps(request.headers, trustProxyFlag(process.env.RCA_TRUST_PROXY));
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development", https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
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
