import { useTranslations } from "next-intl";
import type { StepStatus } from "@/lib/engine/types";
import type { ReactNode } from "react";

/** What a screen reader says for each status; the icon's shape and this label carry the meaning, not colour alone. */
export const STATUS_LABEL: Record<StepStatus, string> = {
  success: "Success",
  warning: "Warning",
  error: "Error",
  skipped: "Skipped",
  info: "Information",
};

/** STATUS_LABEL in the reader's language; "running" for a step that hasn't finished. */
export function useStatusLabel(): (status: StepStatus | "running") => string {
  const t = useTranslations("status");
  return (status) => t(status);
}

export const STATUS_TEXT_CLASS: Record<StepStatus, string> = {
  success: "text-ok",
  warning: "text-warn",
  error: "text-bad",
  skipped: "text-skip",
  info: "text-info",
};

export interface StatusIconProps {
  status: StepStatus;
  className?: string;
  /** Overrides the spoken label (for example "Connectivity test failed"). */
  label?: string;
  /** Hidden from assistive technology when the same words are written next to it. */
  decorative?: boolean;
}

/** Green check, yellow warning triangle, red cross, grey dash, blue i: inline SVG with an accessible name. */
export function StatusIcon({ status, className = "h-5 w-5", label, decorative }: StatusIconProps) {
  const statusLabel = useStatusLabel();
  const name = label ?? statusLabel(status);
  if (decorative) {
    return (
      <svg viewBox="0 0 20 20" aria-hidden="true" className={`shrink-0 ${className}`} focusable="false">
        {GLYPHS[status]}
      </svg>
    );
  }
  return (
    <svg viewBox="0 0 20 20" role="img" aria-label={name} className={`shrink-0 ${className}`} focusable="false">
      <title>{name}</title>
      {GLYPHS[status]}
    </svg>
  );
}

const GLYPHS: Record<StepStatus, ReactNode> = {
  success: (
    <>
      <circle cx="10" cy="10" r="9" fill="#107c10" />
      <path d="m5.8 10.3 2.8 2.8 5.6-6" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  warning: (
    <>
      <path d="M10 1.8c.5 0 .95.27 1.2.7l7.6 13.4a1.4 1.4 0 0 1-1.2 2.1H2.4a1.4 1.4 0 0 1-1.2-2.1L8.8 2.5c.25-.43.7-.7 1.2-.7Z" fill="#eaa300" />
      <path d="M10 6.6v5" stroke="#1b1f24" strokeWidth="1.9" strokeLinecap="round" />
      <circle cx="10" cy="14.6" r="1.1" fill="#1b1f24" />
    </>
  ),
  error: (
    <>
      <circle cx="10" cy="10" r="9" fill="#c50f1f" />
      <path d="m6.6 6.6 6.8 6.8m0-6.8-6.8 6.8" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
    </>
  ),
  skipped: (
    <>
      <circle cx="10" cy="10" r="8.2" fill="#fff" stroke="#8c959f" strokeWidth="1.6" />
      <path d="M6.2 10h7.6" stroke="#6e7781" strokeWidth="2" strokeLinecap="round" />
    </>
  ),
  info: (
    <>
      <circle cx="10" cy="10" r="9" fill="#0f6cbd" />
      <circle cx="10" cy="6.1" r="1.15" fill="#fff" />
      <path d="M10 9v5.4" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
    </>
  ),
};

/** A small spinner for a step that is running. */
export function Spinner({ className = "h-5 w-5", label }: { className?: string; label?: string }) {
  const statusLabel = useStatusLabel();
  const name = label ?? statusLabel("running");
  return (
    <svg viewBox="0 0 20 20" role="img" aria-label={name} className={`shrink-0 animate-spin ${className}`} focusable="false">
      <title>{name}</title>
      <circle cx="10" cy="10" r="7.5" fill="none" stroke="#d8dde3" strokeWidth="2.5" />
      <path d="M10 2.5a7.5 7.5 0 0 1 7.5 7.5" fill="none" stroke="#0f6cbd" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}
