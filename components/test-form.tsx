"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { Step } from "@/lib/engine/types";
import { OutlookAnywhereInputSchema, TlsCertificateInputSchema, type TestId } from "@/lib/analyzers/schemas";
import { formatDuration } from "./format";
import { applyStart, applyStep, LiveStepList, type LiveSteps } from "./live-steps";
import { readServerSentEvents } from "./sse";
import { Button } from "./ui/button";
import { CheckboxField, Field, RadioGroup, TextInput, type TextInputProps } from "./ui/field";
import { useHydrated } from "./use-hydrated";
import type { ApiErrorBody } from "@/lib/api/errors";

/** Every field either form can show; the test id decides which ones. */
export interface TestFormValues {
  host: string;
  port: string;
  mutualAuthPrincipal: string;
  ignoreTrust: boolean;
  username: string;
  password: string;
  authMethod: "basic" | "ntlm";
}

type FieldName = keyof TestFormValues;
type FieldErrors = Partial<Record<FieldName, string>>;
/** The fields typed as text. */
type TextFieldName = { [K in FieldName]: TestFormValues[K] extends string ? K : never }[FieldName];

const DEFAULTS: TestFormValues = {
  host: "",
  port: "443",
  mutualAuthPrincipal: "",
  ignoreTrust: false,
  username: "",
  password: "",
  authMethod: "ntlm",
};

const FIELDS: Record<TestId, readonly FieldName[]> = {
  "tls-certificate": ["host", "port", "ignoreTrust"],
  "outlook-anywhere": ["host", "port", "mutualAuthPrincipal", "ignoreTrust", "username", "password", "authMethod"],
};

const SCHEMAS = {
  "tls-certificate": TlsCertificateInputSchema,
  "outlook-anywhere": OutlookAnywhereInputSchema,
} as const;

const HOST_LABEL: Record<TestId, string> = {
  "tls-certificate": "Server",
  "outlook-anywhere": "RPC proxy server",
};

const HOST_HINT: Record<TestId, string> = {
  "tls-certificate": "The host name or IP address clients connect to, without https:// or a path.",
  "outlook-anywhere": "The external host name of Outlook Anywhere, as set on the RPC virtual directory (ExternalHostname).",
};

const AUTH_METHODS = [
  { value: "ntlm", label: "NTLM" },
  { value: "basic", label: "Basic" },
] as const;

/** What the API sends for a finished run, and for bad input. */
interface RunResponse {
  id: string;
  url: string;
}

type Phase = "idle" | "running" | "navigating" | "failed";

function defaultPrincipal(host: string): string {
  const trimmed = host.trim();
  return trimmed ? `msstd:${trimmed}` : "";
}

/**
 * "Run again" links carry the previous public inputs in the query string (credentials never are). Read in the
 * browser so the form pages stay static.
 */
export function prefillFromQuery(query: URLSearchParams): Partial<TestFormValues> {
  const values: Partial<TestFormValues> = {};
  const text = (name: string, max = 260) => query.get(name)?.slice(0, max) || undefined;
  const host = text("host");
  const port = text("port", 5);
  const principal = text("mutualAuthPrincipal");
  const ignoreTrust = text("ignoreTrust");
  const authMethod = text("authMethod");
  if (host) values.host = host;
  if (port) values.port = port;
  if (principal) values.mutualAuthPrincipal = principal;
  if (ignoreTrust) values.ignoreTrust = ignoreTrust === "true" || ignoreTrust === "on";
  if (authMethod === "basic" || authMethod === "ntlm") values.authMethod = authMethod;
  return values;
}

/** The request body for the API: only this test's fields; empty optional text stays out. */
function payloadFor(testId: TestId, values: TestFormValues): Record<string, unknown> {
  const payload: Record<string, unknown> = { test: testId };
  for (const field of FIELDS[testId]) {
    const value = values[field];
    if (typeof value === "string" && value.trim() === "" && field !== "host") continue;
    payload[field] = field === "port" && /^\s*\d+\s*$/.test(String(value)) ? Number(value) : value;
  }
  return payload;
}

function firstErrors(issues: Array<{ path: string; message: string }>, testId: TestId): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = issue.path.split(".")[0] as FieldName;
    if ((FIELDS[testId] as readonly string[]).includes(field)) {
      fields[field] ??= issue.message;
    } else {
      other.push(issue.message);
    }
  }
  return { fields, other };
}

function validate(testId: TestId, values: TestFormValues) {
  const parsed = SCHEMAS[testId].safeParse(payloadFor(testId, values));
  if (parsed.success) return { fields: {} as FieldErrors, other: [] as string[] };
  return firstErrors(
    parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
    testId,
  );
}

/** For what is typed exactly as it must be sent (host names, principal names, user names). */
const VERBATIM = { autoCapitalize: "none", spellCheck: false } as const;

interface TextFieldProps extends Omit<TextInputProps, "id" | "name" | "value" | "onChange" | "aria-invalid" | "aria-describedby"> {
  name: TextFieldName;
  label: ReactNode;
  hint?: ReactNode;
  error: string | undefined;
  value: string;
  onValue: (value: string) => void;
  /** No automatic capitals or spell checking. */
  verbatim?: boolean;
  /** A class for a box around the input, to make it narrower than the form (e.g. `w-28`). */
  widthClassName?: string;
}

/** One text field of the form: its label, hint and error (`Field`), and an input that never autocompletes. */
function TextField({ name, label, hint, error, value, onValue, verbatim = false, widthClassName, ...input }: TextFieldProps) {
  return (
    <Field name={name} label={label} hint={hint} error={error}>
      {(control) => {
        const textInput = (
          <TextInput
            {...control}
            value={value}
            onChange={(event) => onValue(event.target.value)}
            autoComplete="off"
            {...(verbatim ? VERBATIM : {})}
            {...input}
          />
        );
        return widthClassName ? <div className={widthClassName}>{textInput}</div> : textInput;
      }}
    </Field>
  );
}

/**
 * The form of one test: a real `<form method="post" action="/api/tests">` (works without JavaScript: the API
 * answers 303 to the permalink), enhanced to validate with the API's own zod schema, stream the steps live and
 * then open the permalink.
 */
export function TestForm({ testId }: { testId: TestId }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const fields = FIELDS[testId];
  const [values, setValues] = useState<TestFormValues>(DEFAULTS);
  const [principalEdited, setPrincipalEdited] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [phase, setPhase] = useState<Phase>("idle");
  const [live, setLive] = useState<LiveSteps>(() => new Map());
  const [startedAt, setStartedAt] = useState<number | undefined>();
  const [now, setNow] = useState(0);
  const abortRef = useRef<AbortController | null>(null);
  const liveRef = useRef<HTMLElement>(null);

  const busy = phase === "running" || phase === "navigating";

  useEffect(() => () => abortRef.current?.abort(), []);

  // Prefill once from a "Run again" link.
  useEffect(() => {
    const initial = prefillFromQuery(new URLSearchParams(window.location.search));
    if (Object.keys(initial).length === 0) return;
    const start = { ...DEFAULTS, ...initial };
    if (!start.mutualAuthPrincipal) start.mutualAuthPrincipal = defaultPrincipal(start.host);
    setValues(start);
    setPrincipalEdited(start.mutualAuthPrincipal !== defaultPrincipal(start.host));
  }, []);

  useEffect(() => {
    if (phase !== "running") return;
    const timer = window.setInterval(() => setNow(performance.now()), 200);
    return () => window.clearInterval(timer);
  }, [phase]);

  const update = <K extends FieldName>(field: K, value: TestFormValues[K]) => {
    const next = { ...values, [field]: value };
    if (field === "host" && !principalEdited) next.mutualAuthPrincipal = defaultPrincipal(String(value));
    setValues(next);
    if (attempted) {
      // After a first submit, errors follow the input as it is corrected.
      setErrors(validate(testId, next).fields);
    } else if (errors[field]) {
      setErrors((previous) => ({ ...previous, [field]: undefined }));
    }
  };

  const focusField = (field: FieldName | undefined) => {
    if (!field) return;
    const id = field === "authMethod" ? `field-authMethod-${values.authMethod}` : `field-${field}`;
    document.getElementById(id)?.focus();
  };

  const run = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    const checked = validate(testId, values);
    setErrors(checked.fields);
    setFormErrors(checked.other);
    const firstInvalid = fields.find((field) => checked.fields[field]);
    if (firstInvalid || checked.other.length > 0) {
      focusField(firstInvalid);
      return; // nothing is sent while the form is invalid
    }

    const controller = new AbortController();
    abortRef.current?.abort();
    abortRef.current = controller;
    setLive(new Map());
    setPhase("running");
    setStartedAt(performance.now());
    setNow(performance.now());
    window.requestAnimationFrame(() => liveRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" }));

    try {
      const response = await fetch("/api/tests", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify(payloadFor(testId, values)),
        signal: controller.signal,
      });
      const type = response.headers.get("content-type") ?? "";

      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as Partial<ApiErrorBody>;
        const issues = (body.error?.issues ?? []).map((issue) => ({
          path: String(issue.path ?? ""),
          message: String(issue.message ?? "Invalid value."),
        }));
        const mapped = firstErrors(issues, testId);
        setErrors(mapped.fields);
        const message = body.error?.message ?? `The analyzer answered HTTP ${response.status}.`;
        setFormErrors(mapped.other.length > 0 || Object.keys(mapped.fields).length === 0 ? [message, ...mapped.other] : mapped.other);
        setPhase(Object.keys(mapped.fields).length > 0 ? "idle" : "failed");
        focusField(fields.find((field) => mapped.fields[field]));
        return;
      }

      if (type.includes("application/json")) {
        const body = (await response.json()) as RunResponse;
        setPhase("navigating");
        router.push(body.url);
        return;
      }

      if (!response.body) throw new Error("The analyzer sent an empty answer.");
      for await (const message of readServerSentEvents(response.body)) {
        const data = JSON.parse(message.data) as unknown;
        if (message.event === "start") {
          setLive((current) => applyStart(current, data as { path: number[]; code: string; title: string }));
        } else if (message.event === "step") {
          setLive((current) => applyStep(current, data as { path: number[]; step: Step }));
        } else if (message.event === "result") {
          const result = data as RunResponse;
          setPhase("navigating");
          router.push(result.url);
          return;
        } else if (message.event === "error") {
          const failure = data as Partial<ApiErrorBody>;
          setFormErrors([failure.error?.message ?? "The test couldn't be completed."]);
          setPhase("failed");
          return;
        }
      }
      setFormErrors(["The connection to the analyzer closed before the test finished. Try again."]);
      setPhase("failed");
    } catch (error) {
      if (controller.signal.aborted) return;
      setFormErrors([
        error instanceof SyntaxError
          ? "The analyzer sent an answer that couldn't be read. Try again."
          : "The analyzer couldn't be reached. Check your connection and try again.",
      ]);
      setPhase("failed");
    }
  };

  const showLive = phase !== "idle" || live.size > 0;
  const elapsed = startedAt !== undefined ? Math.max(0, now - startedAt) : 0;
  const has = (field: FieldName) => fields.includes(field);
  /** What ties a text field to the form's state. */
  const bind = (field: TextFieldName) => ({
    name: field,
    value: values[field],
    error: errors[field],
    onValue: (value: string) => update(field, value),
  });

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
          <legend className="sr-only">Test settings</legend>
          <section aria-labelledby="section-server" className="space-y-5">
            <h2 id="section-server" className="text-base font-semibold text-ink">
              Connection
            </h2>
            <TextField {...bind("host")} label={HOST_LABEL[testId]} hint={HOST_HINT[testId]} placeholder="mail.contoso.com" verbatim required />
            <TextField
              {...bind("port")}
              label="Port"
              hint="443 unless the server listens on another port."
              widthClassName="w-28"
              inputMode="numeric"
              maxLength={5}
              className="tabular-nums"
            />
          </section>

          <section aria-labelledby="section-security" className="space-y-5">
            <h2 id="section-security" className="text-base font-semibold text-ink">
              Security
            </h2>
            {has("mutualAuthPrincipal") ? (
              <TextField
                {...bind("mutualAuthPrincipal")}
                label="Mutual authentication principal name"
                hint={
                  <>
                    Outlook&rsquo;s &ldquo;Only connect to proxy servers that have this principal name in their certificate&rdquo; setting:
                    usually <code className="inline-code">msstd:</code> followed by the name on the certificate, or{" "}
                    <code className="inline-code">msstd:*.contoso.com</code> for a wildcard certificate. Filled in from the server name until
                    you change it.
                  </>
                }
                onValue={(value) => {
                  // Cleared: it follows the server name again.
                  setPrincipalEdited(value.trim() !== "");
                  update("mutualAuthPrincipal", value);
                }}
                placeholder="msstd:mail.contoso.com"
                verbatim
              />
            ) : null}
            <CheckboxField
              name="ignoreTrust"
              label="Ignore trust for SSL"
              value="true"
              checked={values.ignoreTrust}
              onChange={(event) => update("ignoreTrust", event.target.checked)}
              error={errors.ignoreTrust}
              hint="Certificate problems (untrusted root, name mismatch, expiry) are reported as warnings instead of errors, and the test goes on."
            />
          </section>

          {has("username") ? (
            <section aria-labelledby="section-credentials" className="space-y-5">
              <div>
                <h2 id="section-credentials" className="text-base font-semibold text-ink">
                  Credentials <span className="font-normal text-ink-muted">(optional)</span>
                </h2>
                <p className="mt-1 flex items-start gap-2 text-sm text-ink-muted">
                  <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="mt-0.5 h-4 w-4 shrink-0">
                    <rect x="3" y="7" width="10" height="7" rx="1.3" fill="none" stroke="currentColor" strokeWidth="1.3" />
                    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.3" />
                  </svg>
                  <span>Used for this run only, never stored, logged or put in the permalink. Without them, the sign-in step is skipped.</span>
                </p>
              </div>
              <div className="grid gap-x-4 gap-y-5 sm:grid-cols-2">
                <TextField
                  {...bind("username")}
                  label="User name"
                  hint={<>DOMAIN\user or user@contoso.com (UPN)</>}
                  placeholder="CONTOSO\jsmith"
                  verbatim
                />
                <TextField {...bind("password")} label="Password" type="password" />
              </div>
              <RadioGroup
                name="authMethod"
                legend="Authentication method"
                options={AUTH_METHODS}
                value={values.authMethod}
                onChange={(value) => update("authMethod", value === "basic" ? "basic" : "ntlm")}
                error={errors.authMethod}
              />
            </section>
          ) : null}
        </fieldset>

        <div className="flex flex-wrap items-center gap-x-4 gap-y-3 rounded-b-lg border-t border-line-subtle bg-canvas px-5 py-4 sm:px-6">
          <Button type="submit" variant="primary" disabled={busy} data-testid="submit">
            {busy ? (
              <svg viewBox="0 0 20 20" aria-hidden="true" className="h-4 w-4 animate-spin">
                <circle cx="10" cy="10" r="7.5" fill="none" stroke="rgba(255,255,255,0.35)" strokeWidth="2.5" />
                <path d="M10 2.5a7.5 7.5 0 0 1 7.5 7.5" fill="none" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
              </svg>
            ) : null}
            Perform test
          </Button>
          <p className="text-sm text-ink-muted">
            {phase === "running"
              ? `Testing… ${formatDuration(elapsed)}`
              : phase === "navigating"
                ? "Done. Opening the result…"
                : "The analyzer connects from this host, as a remote client would."}
          </p>
        </div>

        {formErrors.length > 0 ? (
          <div id="form-errors" role="alert" data-testid="form-error" className="border-t border-bad-line bg-bad-subtle px-5 py-3 text-sm text-bad sm:px-6">
            {formErrors.map((message, index) => (
              <p key={index}>{message}</p>
            ))}
          </div>
        ) : null}
      </form>

      {showLive ? (
        <section ref={liveRef} aria-labelledby="live-heading" className="scroll-mt-4 overflow-hidden rounded-lg border border-line bg-surface">
          <h2 id="live-heading" className="border-b border-line-subtle px-4 py-2.5 text-sm font-semibold text-ink">
            {phase === "running" ? "Running the test" : phase === "navigating" ? "Test finished" : "Test interrupted"}
          </h2>
          <LiveStepList steps={live} running={phase === "running"} />
        </section>
      ) : null}
    </div>
  );
}
