"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useHydrated } from "./use-hydrated";

/** A small "Copy" button for a command block; hidden without JavaScript (the text stays selectable). */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const hydrated = useHydrated();
  const t = useTranslations("actions");
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  // navigator.clipboard only exists in secure contexts; elsewhere the text is selected by hand.
  if (!hydrated || !navigator.clipboard?.writeText) return null;

  return (
    <button
      type="button"
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
      className="rounded px-2 py-0.5 text-xs font-medium text-ink-muted hover:bg-line-subtle hover:text-ink"
    >
      <span aria-live="polite">{copied ? t("copied") : (label ?? t("copy"))}</span>
    </button>
  );
}
