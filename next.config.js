import createNextIntlPlugin from "next-intl/plugin";

/** next-intl without i18n routing: the language comes from the request (lib/i18n/request.ts), URLs don't change. */
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * Powerful browser features the analyzer never uses, turned off for its pages and anything they embed. (The
 * Content-Security-Policy, with its per-request nonce, and HSTS over HTTPS are set by proxy.ts.)
 */
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "idle-detection=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Node-only modules stay out of the bundle; network probing never reaches the browser.
  serverExternalPackages: ["better-sqlite3", "bullmq", "ioredis", "pg"],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          // Permalinks are capabilities: never leak them to other sites through the Referer header.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
