"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { LiveVantage } from "@/lib/vantages/names";

/** The vantage points with live workers, read once the form is in the browser; none when the list can't be read. */
export function useLiveVantages(): LiveVantage[] {
  const [live, setLive] = useState<LiveVantage[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/vantages", { signal: controller.signal, cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ vantages?: LiveVantage[] }>) : { vantages: [] }))
      .then((body) => setLive(Array.isArray(body.vantages) ? body.vantages : []))
      .catch(() => {});
    return () => controller.abort();
  }, []);
  return live;
}

/**
 * "Run from": one checkbox per live vantage point, offered only when there is more than one to choose from. Each
 * chosen place runs the whole test; none chosen leaves it to any worker.
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
