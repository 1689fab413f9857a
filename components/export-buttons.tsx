"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { buttonClasses, Button } from "./ui/button";
import { useHydrated } from "./use-hydrated";

type CopyState = "idle" | "copied" | "failed";

/**
 * Export next to the permalink: the result JSON as a plain download link (works without JavaScript) and "Copy as
 * text" for a ticket (the same text the command line prints). Printing opens every <details> first; the print
 * stylesheet does the same where the browser supports ::details-content.
 *
 * `text` is built on the server, in the reader's language: `formatResult(result, { colour: false },
 * resultTexts(messages))` (lib/results/text.ts) with the page's catalogue, so the steps read as the page shows
 * them and the full result never has to be sent to the browser. The JSON stays English (the API's contract).
 */
export function ExportButtons({ id, text }: { id: string; text: string }) {
  const hydrated = useHydrated();
  const t = useTranslations("actions");
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = window.setTimeout(() => setState("idle"), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);

  useEffect(() => {
    let reopened: HTMLDetailsElement[] = [];
    const before = () => {
      reopened = [...document.querySelectorAll<HTMLDetailsElement>("main details:not([open])")];
      for (const details of reopened) details.open = true;
    };
    const after = () => {
      for (const details of reopened) details.open = false;
      reopened = [];
    };
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);

  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard API");
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };

  const encoded = encodeURIComponent(id);
  return (
    <div className="flex flex-wrap items-center gap-2" data-print-hidden="">
      <a href={`/api/results/${encoded}`} download={`rca-${id}.json`} data-testid="download-json" className={buttonClasses("secondary", "sm")}>
        {t("downloadJson")}
      </a>
      <Button size="sm" variant="secondary" data-testid="copy-text" disabled={!hydrated} onClick={() => void copy()} className="js-only">
        {state === "copied" ? t("copied") : t("copyText")}
      </Button>
      <p role="status" aria-live="polite" className={state === "failed" ? "basis-full text-sm text-bad" : "sr-only"}>
        {state === "copied" ? t("textCopied") : state === "failed" ? t("clipboardRefused") : ""}
      </p>
    </div>
  );
}
