/** Small formatting helpers shared by the result page and the live view. Browser-safe. */

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes} min ${seconds} s`;
}

const UTC_OPTIONS: Intl.DateTimeFormatOptions = {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
  hour12: false,
};

/** English dates read the British way ("Wed, 25 Nov 2026"); Italian ones the Italian way ("mer 25 nov 2026"). */
const UTC_FORMATS: Record<string, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat("en-GB", UTC_OPTIONS),
  it: new Intl.DateTimeFormat("it-IT", UTC_OPTIONS),
};

/** "Wed, 25 Nov 2026, 14:21:03 UTC": the same on the server and in every browser. `locale` is "en" or "it". */
export function formatUtc(iso: string, locale = "en"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${(UTC_FORMATS[locale] ?? UTC_FORMATS.en!).format(date)} UTC`;
}

/** "3 minutes ago", relative to `now`, in `locale` ("en" or "it"); `justNow` under a minute. */
export function formatAge(iso: string, now: Date, locale = "en", justNow = "just now"): string | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  if (seconds < 0) return undefined;
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ];
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of units) {
    if (seconds >= size) return format.format(-Math.floor(seconds / size), unit);
  }
  return justNow;
}
