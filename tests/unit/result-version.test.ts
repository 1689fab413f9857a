import { describe, expect, it } from "vitest";
import { RESULT_SCHEMA_VERSION } from "@/lib/engine/types";
import { readStoredResult, UnknownResultVersionError, type ResultMigration } from "@/lib/store/result-version";

const current = {
  schemaVersion: RESULT_SCHEMA_VERSION,
  id: "AAAAAAAAAAAAAAAAAAAAAA",
  test: "tls-certificate",
  input: { host: "mail.contoso.com" },
  startedAt: "2026-11-27T10:00:00.000Z",
  elapsedMs: 12,
  verdict: "success",
  steps: [{ code: "dns.resolve", title: "t", status: "success", message: "m", elapsedMs: 1, children: [] }],
};

describe("stored results are read by their format version", () => {
  it("reads the current format", () => {
    expect(readStoredResult(current).steps[0]?.code).toBe("dns.resolve");
  });

  it("fails clearly on a format it doesn't know, newer or missing", () => {
    for (const version of [RESULT_SCHEMA_VERSION + 1, undefined, "1", 0]) {
      expect(() => readStoredResult({ ...current, schemaVersion: version })).toThrow(UnknownResultVersionError);
    }
    expect(() => readStoredResult({ ...current, schemaVersion: 99 })).toThrow(/result format 99, which this version of the analyzer can't read/);
  });

  it("brings an older format up through its migrations before parsing", () => {
    // A format before the current one, whose steps had "state" where they now have "status".
    const older = {
      ...current,
      schemaVersion: RESULT_SCHEMA_VERSION - 1,
      steps: [{ code: "dns.resolve", title: "t", state: "success", message: "m", elapsedMs: 1, children: [] }],
    };
    const migrations: Record<number, ResultMigration> = {
      [RESULT_SCHEMA_VERSION - 1]: (stored) => ({
        ...stored,
        schemaVersion: RESULT_SCHEMA_VERSION,
        steps: (stored.steps as Array<Record<string, unknown>>).map(({ state, ...step }) => ({ ...step, status: state })),
      }),
    };
    expect(readStoredResult(older, migrations).steps[0]?.status).toBe("success");
    expect(() => readStoredResult(older)).toThrow(UnknownResultVersionError);
  });

  it("refuses a corrupt result of the current format", () => {
    expect(() => readStoredResult({ ...current, verdict: "great" })).toThrow();
  });
});
