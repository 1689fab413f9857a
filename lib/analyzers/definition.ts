import type { ProblemCode } from "@/lib/problems";
import type { z } from "zod";

/**
 * What one analyzer test declares about itself, browser-safe: the catalogue entry, the input schema shared by
 * form and API, the form fields, the "what this test does" text and the problem codes each step can raise.
 * The run function lives beside it in `run.ts` (server only).
 */

export const TEST_GROUPS = ["Exchange Server", "Internet e-mail", "Certificates"] as const;
export type TestGroup = (typeof TEST_GROUPS)[number];

/** Where a field sits on the form. */
export type FieldSection = "connection" | "security" | "credentials";

interface FieldBase {
  /** The input's name in the API and in the schema. */
  name: string;
  label: string;
  /** Plain text; `backticks` mark inline code. */
  hint?: string;
  section: FieldSection;
  /**
   * What names the target (host, port, principal): carried by "Run again" links and prefilled from the URL.
   * Security choices and credentials never are.
   */
  target?: boolean;
  /** Used for the run only: never stored, logged, echoed or put in a permalink. */
  secret?: boolean;
}

export interface TextField extends FieldBase {
  /** "textarea": several lines (a PEM chain), never carried in a link. */
  kind: "text" | "password" | "textarea";
  /** A textarea that can also be filled from a file: the extensions offered, e.g. ".pem,.crt,.cer,.p7b". */
  fileTypes?: string;
  placeholder?: string;
  /** Typed exactly as sent: no capitals, no spell checking. */
  verbatim?: boolean;
  required?: boolean;
  numeric?: boolean;
  maxLength?: number;
  /** A narrow box (ports). */
  narrow?: boolean;
  default?: string;
  /** Filled in from another field (`prefix` + its value) until the user edits it, e.g. msstd:<host>. */
  follows?: { field: string; prefix: string };
}

export interface CheckboxField extends FieldBase {
  kind: "checkbox";
  default?: boolean;
}

export interface ChoiceField extends FieldBase {
  kind: "choice";
  options: ReadonlyArray<{ value: string; label: string }>;
  default: string;
}

export type FormField = TextField | CheckboxField | ChoiceField;

/** Problem codes by step code: every problem a step of this test can raise. */
export type DeclaredProblems = Readonly<Record<string, readonly ProblemCode[]>>;

export interface AnalyzerDefinition<Id extends string = string, Schema extends z.ZodType<{ test: Id }> = z.ZodType<{ test: Id }>> {
  id: Id;
  title: string;
  group: TestGroup;
  summary: string;
  schema: Schema;
  fields: readonly FormField[];
  /** "What this test does", one line per step an admin sees. */
  about: readonly string[];
  problems: DeclaredProblems;
}

/** Keeps the literal id and the schema's exact type. */
export function defineAnalyzer<const Id extends string, Schema extends z.ZodType<{ test: Id }>>(
  definition: AnalyzerDefinition<Id, Schema>,
): AnalyzerDefinition<Id, Schema> {
  return definition;
}
