import type { ProblemCode } from "@/lib/problems";
import { z } from "@/lib/validation/zod";
import { RunOptionsSchema } from "@/lib/vantages/names";
import { activeSync } from "./activesync/definition";
import { autodiscover } from "./autodiscover/definition";
import { certificateFile } from "./certificate-file/definition";
import { ews } from "./ews/definition";
import { imap } from "./imap/definition";
import { mapiHttp } from "./mapi-http/definition";
import { outlookAnywhere } from "./outlook-anywhere/definition";
import { pop } from "./pop/definition";
import { smtpInbound } from "./smtp-inbound/definition";
import { smtpOutbound } from "./smtp-outbound/definition";
import { tlsCertificate } from "./tls-certificate/definition";
import type { AnalyzerDefinition, FormField } from "./definition";

/**
 * The registry of built tests, browser-safe: the catalogue, the forms, the about panel, the result summary,
 * "Run again" and the help index are all built from it. Adding a test: its folder (definition.ts, and run.ts whose
 * default export ./registry.ts finds) and a line here. Order is catalogue order.
 */
export const ANALYZERS = [
  activeSync,
  autodiscover,
  ews,
  mapiHttp,
  outlookAnywhere,
  smtpInbound,
  smtpOutbound,
  imap,
  pop,
  tlsCertificate,
  certificateFile,
] as const;

export type AnyAnalyzer = (typeof ANALYZERS)[number];
export type TestId = AnyAnalyzer["id"];
/** What a test's run function receives: its own inputs only. */
export type AnalyzerInput = z.output<AnyAnalyzer["schema"]>;
/** A test request: the test's inputs, and where to run it from (`vantages`, lib/vantages/). */
export type TestInput = AnalyzerInput & z.output<typeof RunOptionsSchema>;
export type InputOf<Id extends TestId> = Extract<TestInput, { test: Id }>;

export const TEST_IDS = ANALYZERS.map((analyzer) => analyzer.id) as TestId[];

/** The one schema of a test request, for the API, the form post, the command line and the queue's jobs. */
export const TestInputSchema = z.intersection(
  z.discriminatedUnion("test", ANALYZERS.map((analyzer) => analyzer.schema) as unknown as [AnyAnalyzer["schema"], ...AnyAnalyzer["schema"][]], {
    error: `Choose a test: ${ANALYZERS.map((analyzer) => analyzer.id).join(", ")}.`,
  }),
  RunOptionsSchema,
);

export function analyzerOf(id: string): AnalyzerDefinition | undefined {
  return ANALYZERS.find((analyzer) => analyzer.id === id);
}

export function requireAnalyzer(id: TestId): AnalyzerDefinition {
  const analyzer = analyzerOf(id);
  if (!analyzer) throw new Error(`no test ${id} in the catalogue`);
  return analyzer;
}

/** Every input field that is a credential, in any test: stripped from results, logs and links. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(
  ANALYZERS.flatMap((analyzer) => analyzer.fields.filter((field) => field.secret).map((field) => field.name)),
);

/** What a result keeps of the input: everything but the credentials, and whether some were supplied. */
export function publicInput(input: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  let hadCredentials = false;
  for (const [key, value] of Object.entries(input)) {
    if (SECRET_FIELDS.has(key)) hadCredentials ||= value !== undefined;
    else copy[key] = value;
  }
  if (hadCredentials) copy.credentials = "supplied (not stored)";
  return copy;
}

/** The form field of a test by input name (labels and option names for summaries). */
export function fieldOf(testId: string, name: string): FormField | undefined {
  return analyzerOf(testId)?.fields.find((field) => field.name === name);
}

/** Every problem code any built test declares, with the steps that can raise it. */
export function declaredProblems(): Map<ProblemCode, Set<string>> {
  const declared = new Map<ProblemCode, Set<string>>();
  for (const analyzer of ANALYZERS) {
    for (const [step, codes] of Object.entries(analyzer.problems)) {
      for (const code of codes) {
        const steps = declared.get(code) ?? new Set<string>();
        steps.add(`${analyzer.id}: ${step}`);
        declared.set(code, steps);
      }
    }
  }
  return declared;
}
