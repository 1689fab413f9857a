import { headers } from "next/headers";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { LanguageLinks, LanguageSwitch } from "@/components/language-switch";
import { ProductMark } from "@/components/product-mark";
import { SiteNav } from "@/components/site-nav";
import { NONCE_HEADER } from "@/lib/security/csp";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: t("siteName"), template: `%s – ${t("siteName")}` },
    description: t("description"),
    icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }] },
  };
}

export const viewport: Viewport = {
  themeColor: "#ffffff",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The per-request nonce of the Content-Security-Policy (proxy.ts). Reading the request makes every page render
  // per request, which a nonce needs: a page prerendered at build time could not carry it.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  // The reader's language (proxy.ts negotiates it: ?lang=, the lang cookie, Accept-Language); URLs don't carry it.
  const locale = await getLocale();
  const t = await getTranslations("layout");
  const meta = await getTranslations("meta");
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <NextIntlClientProvider>
          <noscript>
            <style nonce={nonce}>{".js-only{display:none !important}"}</style>
          </noscript>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2 focus:shadow"
          >
            {t("skipToContent")}
          </a>
          <header className="border-b border-line bg-surface">
            <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
              <Link href="/" className="flex items-center gap-2.5 rounded text-ink no-underline">
                <ProductMark className="h-7 w-7 shrink-0" />
                <span className="text-[1.05rem] font-semibold tracking-tight">{meta("siteName")}</span>
              </Link>
              <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                <SiteNav />
                <Suspense fallback={<LanguageLinks query="" />}>
                  <LanguageSwitch />
                </Suspense>
              </div>
            </div>
          </header>
          <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
            {children}
          </main>
          <footer className="border-t border-line bg-surface">
            <p className="mx-auto max-w-5xl px-4 py-4 text-sm text-ink-muted sm:px-6">{t("footer")}</p>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
