"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { requireAnalyzer, type TestId } from "@/lib/analyzers/catalog";
import type { FormField } from "@/lib/analyzers/definition";
import {
  fieldErrors,
  FORM_SECTIONS,
  initialValues,
  payloadFor,
  prefilledValues,
  validateValues,
  withValue,
  type FieldErrors,
  type FormValue,
  type FormValues,
} from "@/lib/analyzers/form";
import type { ApiErrorBody } from "@/lib/api/errors";
import type { Step } from "@/lib/engine/types";
import { translateValidation } from "@/lib/i18n/validation";
import type { LiveVantage } from "@/lib/vantages/names";
import { rememberDeleteToken } from "./delete-token";
import { FormFieldControl } from "./form-field";
import { formatDuration } from "./format";
import { applyStart, applyStep, LiveStepList, runningStep, useQueueText, type LiveSteps } from "./live-steps";
import { readServerSentEvents } from "./sse";
import { Button } from "./ui/button";
import { useHydrated } from "./use-hydrated";
import { useCatalogue, useStepText } from "./use-step-text";
import { useStopwatch } from "./use-stopwatch";
import { VantagePicker } from "./vantage-picker";

/** What the API sends for a finished run. */
interface RunResponse {
  id: string;
  url: string;
  /** Lets this browser delete the result later: kept in localStorage only. */
  deleteToken?: string;
}

type Phase = "idle" | "running" | "navigating" | "failed";

/**
 * The form of one test, built from its definition: a real `<form method="post" action="/api/tests">` (works
 * without JavaScript: the API answers 303 to the permalink), enhanced to validate with the API's own zod
 * schema, stream the steps live and then open the permalink.
 */
export function TestForm({ testId, vantages: liveVantages = [] }: { testId: TestId; vantages?: readonly LiveVantage[] }) {
  const analyzer = requireAnalyzer(testId);
  const t = useTranslations("form");
  const queueText = useQueueText();
  const stepText = useStepText();
  const messages = useCatalogue();
  const router = useRouter();
  const hydrated = useHydrated();
  const fields = analyzer.fields;
  const [values, setValues] = useState<FormValues>(() => initialValues(analyzer));
  const [edited, setEdited] = useState<ReadonlySet<string>>(() => new Set());
  // Validation messages are kept as the schema and the API word them (English); they are shown translated.
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [phase, setPhase] = useState<Phase>("idle");
  const [live, setLive] = useState<LiveSteps>(() => new Map());
  // Tests waiting ahead of this one while the analyzer runs others; undefined once it runs (or never queued).
  const [queueAhead, setQueueAhead] = useState<number | undefined>(undefined);
  // Vantage points chosen to run from; none: any worker runs it.
  const [vantages, setVantages] = useState<string[]>([]);
  const abortRef = useRef<AbortController | null>(null);
  const liveRef = useRef<HTMLElement>(null);

  const busy = phase === "running" || phase === "navigating";

  useEffect(() => () => abortRef.current?.abort(), []);

  // Prefill once from a "Run again" link: target fields only, read in the browser after hydration (the server renders
  // every form alike).
  useEffect(() => {
    const query = new URLSearchParams(window.location.search);
    if (query.size === 0) return;
    const prefilled = prefilledValues(analyzer, query);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above: a one-time read of the URL after hydration
    setValues(prefilled.values);
    setEdited(prefilled.edited);
  }, [analyzer]);

  const stopwatch = useStopwatch(phase === "running");

  const update = (field: FormField, value: FormValue) => {
    let nowEdited = edited;
    if (field.kind === "text" && field.follows) {
      // Cleared: it follows its field again.
      const changed = new Set(edited);
      if (typeof value === "string" && value.trim() !== "") changed.add(field.name);
      else changed.delete(field.name);
      nowEdited = changed;
      setEdited(changed);
    }
    const next = withValue(analyzer, values, field.name, value, nowEdited);
    setValues(next);
    if (attempted) {
      // After a first submit, errors follow the input as it is corrected.
      setErrors(validateValues(analyzer, next).fields);
    } else if (errors[field.name]) {
      setErrors((previous) => ({ ...previous, [field.name]: undefined }));
    }
  };

  const focusField = (name: string | undefined) => {
    const field = fields.find((candidate) => candidate.name === name);
    if (!field) return;
    const id = field.kind === "choice" ? `field-${field.name}-${String(values[field.name])}` : `field-${field.name}`;
    document.getElementById(id)?.focus();
  };

  const run = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    const checked = validateValues(analyzer, values);
    setErrors(checked.fields);
    setFormErrors(checked.other);
    const firstInvalid = fields.find((field) => checked.fields[field.name])?.name;
    if (firstInvalid || checked.other.length > 0) {
      focusField(firstInvalid);
      return; // nothing is sent while the form is invalid
    }

    const controller = new AbortController();
    abortRef.current?.abort();
    abortRef.current = controller;
    setLive(new Map());
    setQueueAhead(undefined);
    setPhase("running");
    stopwatch.start();
    window.requestAnimationFrame(() => liveRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" }));

    try {
      const response = await fetch("/api/tests", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify({ ...payloadFor(analyzer, values), ...(vantages.length > 0 ? { vantages } : {}) }),
        signal: controller.signal,
      });
      const type = response.headers.get("content-type") ?? "";

      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as Partial<ApiErrorBody>;
        const issues = (body.error?.issues ?? []).map((issue) => ({
          path: String(issue.path ?? ""),
          message: String(issue.message ?? t("errors.invalidValue")),
        }));
        const mapped = fieldErrors(analyzer, issues);
        setErrors(mapped.fields);
        const message = body.error?.message ?? t("errors.httpStatus", { status: response.status });
        setFormErrors(mapped.other.length > 0 || Object.keys(mapped.fields).length === 0 ? [message, ...mapped.other] : mapped.other);
        setPhase(Object.keys(mapped.fields).length > 0 ? "idle" : "failed");
        focusField(fields.find((field) => mapped.fields[field.name])?.name);
        return;
      }

      if (type.includes("application/json")) {
        const body = (await response.json()) as RunResponse;
        rememberDeleteToken(body.id, body.deleteToken);
        setPhase("navigating");
        router.push(body.url);
        return;
      }

      if (!response.body) throw new Error(t("errors.emptyAnswer"));
      for await (const message of readServerSentEvents(response.body)) {
        const data = JSON.parse(message.data) as unknown;
        if (message.event === "queue") {
          setQueueAhead((data as { ahead: number }).ahead);
          continue;
        }
        setQueueAhead(undefined);
        if (message.event === "start") {
          setLive((current) =>
            applyStart(current, data as { path: number[]; code: string; title: string; titleKey?: string; titleParams?: Record<string, string | number> }),
          );
        } else if (message.event === "step") {
          setLive((current) => applyStep(current, data as { path: number[]; step: Step }));
        } else if (message.event === "result") {
          const result = data as RunResponse;
          rememberDeleteToken(result.id, result.deleteToken);
          setPhase("navigating");
          router.push(result.url);
          return;
        } else if (message.event === "error") {
          const failure = data as Partial<ApiErrorBody>;
          setFormErrors([failure.error?.message ?? t("errors.notCompleted")]);
          setPhase("failed");
          return;
        }
      }
      setFormErrors([t("errors.closed")]);
      setPhase("failed");
    } catch (error) {
      if (controller.signal.aborted) return;
      setFormErrors([error instanceof SyntaxError ? t("errors.unreadable") : t("errors.unreachable")]);
      setPhase("failed");
    }
  };

  const showLive = phase !== "idle" || live.size > 0;
  const elapsed = stopwatch.elapsedMs;
  const running = runningStep(live);

  return (
    <div className="space-y-6">
      <form
        method="post"
        action="/api/tests"
        onSubmit={(event) => void run(event)}
        noValidate={hydrated}
        aria-describedby={formErrors.length > 0 ? "form-errors" : undefined}
        className="rounded-lg border border-line bg-surface shadow-[0_1px_2px_rgba(0,0,0,0.04)]"
      >
        <input type="hidden" name="test" value={testId} />
        <fieldset disabled={busy} className="min-w-0 space-y-8 p-5 sm:p-6">
          <legend className="sr-only">{t("legend")}</legend>
          {FORM_SECTIONS.map((section) => {
            const sectionFields = fields.filter((field) => field.section === section.id);
            if (sectionFields.length === 0) return null;
            return (
              <section key={section.id} aria-labelledby={`section-${section.id}`} className="space-y-5">
                <div>
                  <h2 id={`section-${section.id}`} className="text-base font-semibold text-ink">
                    {t(`sections.${section.id}`)} {section.optional ? <span className="font-normal text-ink-muted">{t("optional")}</span> : null}
                  </h2>
                  {section.id === "credentials" ? <CredentialsNote /> : null}
                </div>
                {sectionFields.map((field) => (
                  <FormFieldControl
                    key={field.name}
                    testId={testId}
                    field={field}
                    value={values[field.name] ?? ""}
                    error={errors[field.name]}
                    onValue={(value) => update(field, value)}
                  />
                ))}
              </section>
            );
          })}
          <VantagePicker live={liveVantages} chosen={vantages} onChange={setVantages} />
        </fieldset>

        <div className="flex flex-wrap items-center gap-x-4 gap-y-3 rounded-b-lg border-t border-line-subtle bg-canvas px-5 py-4 sm:px-6">
          <Button type="submit" variant="primary" disabled={busy} data-testid="submit">
            {busy ? (
              <svg viewBox="0 0 20 20" aria-hidden="true" className="h-4 w-4 animate-spin">
                <circle cx="10" cy="10" r="7.5" fill="none" stroke="rgba(255,255,255,0.35)" strokeWidth="2.5" />
                <path d="M10 2.5a7.5 7.5 0 0 1 7.5 7.5" fill="none" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
              </svg>
            ) : null}
            {t("submit")}
          </Button>
          <p className="text-sm text-ink-muted">
            {phase === "running"
              ? queueAhead !== undefined
                ? t("queued", { queue: queueText(queueAhead), elapsed: formatDuration(elapsed) })
                : running
                  ? t("testingStep", { elapsed: formatDuration(elapsed), step: stepText.title(running) })
                  : t("testing", { elapsed: formatDuration(elapsed) })
              : phase === "navigating"
                ? t("navigating")
                : t("idle")}
          </p>
        </div>

        {formErrors.length > 0 ? (
          <div id="form-errors" role="alert" data-testid="form-error" className="border-t border-bad-line bg-bad-subtle px-5 py-3 text-sm text-bad sm:px-6">
            {formErrors.map((message, index) => (
              <p key={index}>{translateValidation(message, messages)}</p>
            ))}
          </div>
        ) : null}
      </form>

      {showLive ? (
        <section ref={liveRef} aria-labelledby="live-heading" className="scroll-mt-4 overflow-hidden rounded-lg border border-line bg-surface">
          <h2 id="live-heading" className="border-b border-line-subtle px-4 py-2.5 text-sm font-semibold text-ink">
            {phase === "running"
              ? queueAhead !== undefined
                ? t("live.waiting")
                : t("live.running")
              : phase === "navigating"
                ? t("live.finished")
                : t("live.interrupted")}
          </h2>
          <LiveStepList steps={live} running={phase === "running"} queueAhead={queueAhead} />
        </section>
      ) : null}
    </div>
  );
}

function CredentialsNote() {
  const t = useTranslations("form");
  return (
    <p className="mt-1 flex items-start gap-2 text-sm text-ink-muted">
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="mt-0.5 h-4 w-4 shrink-0">
        <rect x="3" y="7" width="10" height="7" rx="1.3" fill="none" stroke="currentColor" strokeWidth="1.3" />
        <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.3" />
      </svg>
      <span>{t("credentialsNote")}</span>
    </p>
  );
}
