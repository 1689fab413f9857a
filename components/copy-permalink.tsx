"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "./ui/button";
import { useHydrated } from "./use-hydrated";

type CopyState = "idle" | "copied" | "manual";

/**
 * The result's permalink: a read-only field with the full URL (visible without JavaScript) and a button that copies
 * it. `navigator.clipboard` only exists in secure contexts, so plain-HTTP intranet installs fall back to selecting
 * the text for Ctrl+C.
 */
export function CopyPermalink({ path, initialUrl }: { path: string; initialUrl: string }) {
  const hydrated = useHydrated();
  const t = useTranslations("actions");
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CopyState>("idle");
  const id = useId();
  const url = hydrated ? new URL(path, window.location.origin).href : initialUrl;

  useEffect(() => {
    if (state !== "copied") return;
    const timer = window.setTimeout(() => setState("idle"), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);

  const selectField = () => {
    const input = inputRef.current;
    if (!input) return;
    input.focus();
    input.select();
  };

  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard API");
      await navigator.clipboard.writeText(url);
      setState("copied");
      return;
    } catch {
      // fall through to the selection fallback
    }
    selectField();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    setState(copied ? "copied" : "manual");
  };

  return (
    <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {t("permalink")}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="text"
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
        data-testid="permalink-url"
        className="h-8 min-w-0 flex-1 basis-64 rounded-md border border-line bg-canvas px-2.5 font-mono text-[0.8125rem] text-ink"
      />
      <Button size="sm" variant="secondary" data-testid="copy-permalink" disabled={!hydrated} onClick={() => void copy()} className="js-only">
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="h-4 w-4">
          {state === "copied" ? (
            <path d="m3.5 8.5 3 3 6-7" fill="none" stroke="#107c10" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          ) : (
            <>
              <rect x="5.5" y="5.5" width="8" height="8.5" rx="1.3" fill="none" stroke="currentColor" strokeWidth="1.3" />
              <path
                d="M10.5 3.5V3a1.3 1.3 0 0 0-1.3-1.3H3.8A1.3 1.3 0 0 0 2.5 3v6.2a1.3 1.3 0 0 0 1.3 1.3h.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.3"
              />
            </>
          )}
        </svg>
        {state === "copied" ? t("copied") : t("copyPermalink")}
      </Button>
      <p role="status" aria-live="polite" className={state === "manual" ? "basis-full text-sm text-ink-muted" : "sr-only"}>
        {state === "copied" ? t("permalinkCopied") : state === "manual" ? t("permalinkManual") : ""}
      </p>
    </div>
  );
}
