"use client";

import { useTranslations } from "next-intl";
import type { LiveVantage } from "@/lib/vantages/names";

/**
 * "Run from": one checkbox per live vantage point (read when the page was served), offered only when there is more
 * than one to choose from. Each chosen place runs the whole test; none chosen leaves it to any worker. Plain
 * checkboxes named `vantages`: a form posted without JavaScript carries them too.
 */
export function VantagePicker({ live, chosen, onChange }: { live: readonly LiveVantage[]; chosen: readonly string[]; onChange: (names: string[]) => void }) {
  const t = useTranslations("form.vantages");
  if (live.length < 2) return null;
  const toggle = (name: string, on: boolean) =>
    onChange(live.map((vantage) => vantage.name).filter((candidate) => (candidate === name ? on : chosen.includes(candidate))));
  return (
    <fieldset className="space-y-2" data-testid="vantage-picker">
      <legend className="text-base font-semibold text-ink">{t("heading")}</legend>
      <p className="text-sm text-ink-muted">{t("hint")}</p>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {live.map((vantage) => (
          <label key={vantage.name} className="flex items-center gap-2 text-sm text-ink">
            <input
              type="checkbox"
              name="vantages"
              value={vantage.name}
              checked={chosen.includes(vantage.name)}
              onChange={(event) => toggle(vantage.name, event.target.checked)}
              className="h-4 w-4 accent-accent"
            />
            <span>
              <span className="font-mono">{vantage.name}</span> <span className="text-ink-muted">{t("workers", { count: vantage.workers })}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
