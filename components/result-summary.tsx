import { useLocale, useTranslations } from "next-intl";
import { analyzerOf, fieldOf, SECRET_FIELDS } from "@/lib/analyzers/catalog";
import type { FormField } from "@/lib/analyzers/definition";
import type { TestResult } from "@/lib/engine/types";
import { choiceValueLabel, fieldLabel } from "@/lib/i18n/definitions";
import { labelFor, useDetailLabel } from "./details-view";
import { formatAge, formatDuration, formatUtc } from "./format";
import { useCatalogue } from "./use-step-text";
import type { ReactNode } from "react";

/** Shown for an input the test no longer declares (an old result), or for the credentials marker. */
const OTHER_LABELS: Record<string, string> = { credentials: "Credentials" };

function InputValue({ field, value }: { field: FormField | undefined; value: unknown }): ReactNode {
  const t = useTranslations("result");
  const messages = useCatalogue();
  if (field?.kind === "choice" && typeof value === "string") return choiceValueLabel(messages, field, value);
  if (typeof value === "boolean") return value ? t("yes") : t("no");
  if (value === null || value === undefined || value === "") return <span className="italic text-ink-muted">{t("notSet")}</span>;
  if (typeof value === "string" || typeof value === "number") return String(value);
  // A list of names (the vantage points a test ran from).
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value.join(", ");
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** The public inputs of a run, in form order, labelled as on the form; a credential is never among them. */
export function publicInputEntries(result: TestResult): Array<{ key: string; label: string; field?: FormField; value: unknown }> {
  const fields = analyzerOf(result.test)?.fields ?? [];
  const rank = (key: string) => {
    const index = fields.findIndex((field) => field.name === key);
    return index === -1 ? fields.length : index;
  };
  return Object.entries(result.input)
    .filter(([key]) => key !== "test" && !SECRET_FIELDS.has(key))
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, value]) => {
      const field = fieldOf(result.test, key);
      return { key, value, field, label: field?.label ?? OTHER_LABELS[key] ?? labelFor(key) };
    });
}

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="pt-2 text-ink-muted sm:pb-2">{label}</dt>
      <dd className="min-w-0 pb-2 font-medium text-ink sm:pt-2 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

/** What was tested and when: the inputs, the start time (UTC and ISO) and the total time. */
export function ResultSummary({ result, now }: { result: TestResult; now: Date }) {
  const t = useTranslations("result");
  const locale = useLocale();
  const messages = useCatalogue();
  const detailLabel = useDetailLabel();
  const age = formatAge(result.startedAt, now, locale, t("justNow"));
  const labelOf = (key: string, field: FormField | undefined) =>
    field ? fieldLabel(messages, result.test, field) : key === "credentials" ? t("credentials") : detailLabel(key);
  return (
    <dl data-testid="result-inputs" className="grid grid-cols-1 gap-x-6 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
      {publicInputEntries(result).map(({ key, field, value }) => (
        <Row key={key} label={labelOf(key, field)}>
          <span data-input={key}>
            <InputValue field={field} value={value} />
          </span>
        </Row>
      ))}
      <Row label={t("startedAt")}>
        <time dateTime={result.startedAt} data-testid="started-at">
          {formatUtc(result.startedAt, locale)}
        </time>
        {age ? <span className="font-normal text-ink-muted"> · {age}</span> : null}
        <span className="block font-mono text-xs font-normal text-ink-muted">{result.startedAt}</span>
      </Row>
      <Row label={t("elapsed")}>
        <span data-testid="elapsed">{formatDuration(result.elapsedMs)}</span>
      </Row>
    </dl>
  );
}
