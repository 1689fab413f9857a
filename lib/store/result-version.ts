import { RESULT_SCHEMA_VERSION, TestResultSchema, type TestResult } from "@/lib/engine/types";

/** A stored result from a version of the analyzer this one can't read (newer, or never released). */
export class UnknownResultVersionError extends Error {
  constructor(readonly version: unknown) {
    super(
      `This result was stored with result format ${JSON.stringify(version)}, which this version of the analyzer can't read (it reads formats 1 to ${RESULT_SCHEMA_VERSION}).`,
    );
    this.name = "UnknownResultVersionError";
  }
}

/** Turns a stored result of format N into format N + 1. */
export type ResultMigration = (stored: Record<string, unknown>) => Record<string, unknown>;

/**
 * One migration per past format, keyed by the format it reads. Empty while format 1 is the only one: when the
 * shape changes, bump RESULT_SCHEMA_VERSION and add the step from the previous format here.
 */
export const RESULT_MIGRATIONS: Readonly<Record<number, ResultMigration>> = {};

/** A stored result, brought up to the current format and parsed; unknown formats fail with a clear message. */
export function readStoredResult(stored: unknown, migrations: Readonly<Record<number, ResultMigration>> = RESULT_MIGRATIONS): TestResult {
  if (typeof stored !== "object" || stored === null) throw new UnknownResultVersionError(undefined);
  let current = stored as Record<string, unknown>;
  let version = current.schemaVersion;
  while (typeof version === "number" && Number.isInteger(version) && version < RESULT_SCHEMA_VERSION) {
    const migrate = migrations[version];
    if (!migrate) throw new UnknownResultVersionError(version);
    current = migrate(current);
    if (current.schemaVersion !== version + 1) throw new Error(`the migration from result format ${version} must produce format ${version + 1}`);
    version = current.schemaVersion;
  }
  if (version !== RESULT_SCHEMA_VERSION) throw new UnknownResultVersionError(version);
  return TestResultSchema.parse(current);
}
