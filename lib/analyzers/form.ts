import type { AnalyzerDefinition, FormField } from "./definition";

/**
 * The form of a test as data: its values, defaults, the request body it sends and how validation issues map
 * onto its fields. Browser-safe and pure, so the form component only renders and the logic is unit-tested.
 */

export type FormValue = string | boolean;

/** A link can't pre-fill more than this into a field (the longest input, a principal name, has 260). */
const MAX_PREFILL_CHARS = 260;
export type FormValues = Record<string, FormValue>;
export type FieldErrors = Record<string, string | undefined>;

export function defaultValue(field: FormField): FormValue {
  if (field.kind === "checkbox") return field.default ?? false;
  return field.default ?? "";
}

export function initialValues(analyzer: AnalyzerDefinition): FormValues {
  return Object.fromEntries(analyzer.fields.map((field) => [field.name, defaultValue(field)]));
}

/** The value a following field takes from the field it follows (e.g. msstd:<host>). */
function followed(prefix: string, source: FormValue): string {
  const text = typeof source === "string" ? source.trim() : "";
  return text ? `${prefix}${text}` : "";
}

/** Sets one value, and the values of fields that follow it unless the user has edited them. */
export function withValue(analyzer: AnalyzerDefinition, values: FormValues, name: string, value: FormValue, edited: ReadonlySet<string>): FormValues {
  const next = { ...values, [name]: value };
  for (const field of analyzer.fields) {
    if (field.kind === "text" && field.follows?.field === name && !edited.has(field.name)) next[field.name] = followed(field.follows.prefix, value);
  }
  return next;
}

/**
 * "Run again" links carry the target fields of the previous run (host, port, principal): never a security
 * choice such as "Ignore trust", an authentication method, or a credential.
 */
export function targetQuery(analyzer: AnalyzerDefinition, input: Record<string, unknown>): URLSearchParams {
  const query = new URLSearchParams();
  for (const field of analyzer.fields) {
    const value = input[field.name];
    if (field.target && !field.secret && (typeof value === "string" || typeof value === "number")) query.set(field.name, String(value));
  }
  return query;
}

/** The form's starting values: defaults, then the target fields of a "Run again" link; fields that follow another are derived. */
export function prefilledValues(analyzer: AnalyzerDefinition, query: URLSearchParams): { values: FormValues; edited: Set<string> } {
  let values = initialValues(analyzer);
  const edited = new Set<string>();
  for (const field of analyzer.fields) {
    if (!field.target || field.secret || field.kind !== "text") continue;
    const value = query.get(field.name)?.slice(0, field.maxLength ?? MAX_PREFILL_CHARS);
    if (value) values = withValue(analyzer, values, field.name, value, edited);
  }
  for (const field of analyzer.fields) {
    if (field.kind !== "text" || !field.follows || !field.target || field.secret) continue;
    const given = query.get(field.name)?.slice(0, field.maxLength ?? MAX_PREFILL_CHARS);
    const derived = followed(field.follows.prefix, values[field.follows.field] ?? "");
    if (given && given !== derived) {
      values[field.name] = given;
      edited.add(field.name);
    }
  }
  return { values, edited };
}

/** The request body for the API: only this test's fields; empty optional text stays out; digits become numbers. */
export function payloadFor(analyzer: AnalyzerDefinition, values: FormValues): Record<string, unknown> {
  const payload: Record<string, unknown> = { test: analyzer.id };
  for (const field of analyzer.fields) {
    const value = values[field.name];
    if (value === undefined) continue;
    if (typeof value === "string" && value.trim() === "" && !(field.kind === "text" && field.required)) continue;
    payload[field.name] = field.kind === "text" && field.numeric && /^\s*\d+\s*$/.test(String(value)) ? Number(value) : value;
  }
  return payload;
}

/** Validation issues by field (the first one each), and those that belong to no field. */
export function fieldErrors(analyzer: AnalyzerDefinition, issues: ReadonlyArray<{ path: string; message: string }>): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  const names = new Set(analyzer.fields.map((field) => field.name));
  for (const issue of issues) {
    const name = issue.path.split(".")[0] ?? "";
    if (names.has(name)) fields[name] ??= issue.message;
    else other.push(issue.message);
  }
  return { fields, other };
}

/** Checks the values with the test's own schema, the one the API uses. */
export function validateValues(analyzer: AnalyzerDefinition, values: FormValues): { fields: FieldErrors; other: string[] } {
  const parsed = analyzer.schema.safeParse(payloadFor(analyzer, values));
  if (parsed.success) return { fields: {}, other: [] };
  return fieldErrors(
    analyzer,
    parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
  );
}

export const FORM_SECTIONS = [
  { id: "connection", title: "Connection", optional: false },
  { id: "security", title: "Security", optional: false },
  { id: "credentials", title: "Credentials", optional: true },
] as const;
