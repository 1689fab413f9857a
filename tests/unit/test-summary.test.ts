import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** scripts/test-summary.mjs: the closing line CI reads must not hide a file that proved nothing. */
const dir = mkdtempSync(join(tmpdir(), "rca-summary-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function summarize(vitest: unknown): { line: string; exitCode: number } {
  const vitestFile = join(dir, "vitest.json");
  const playwrightFile = join(dir, "e2e.json");
  writeFileSync(vitestFile, JSON.stringify(vitest));
  writeFileSync(playwrightFile, JSON.stringify({ stats: { expected: 2, unexpected: 0, skipped: 0, flaky: 0 }, errors: [] }));
  try {
    const out = execFileSync("node", ["scripts/test-summary.mjs", vitestFile, playwrightFile], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { line: out.trim(), exitCode: 0 };
  } catch (error) {
    const failed = error as { stdout: string; status: number };
    return { line: failed.stdout.trim(), exitCode: failed.status };
  }
}

describe("the test summary", () => {
  it("counts a file whose setup failed as a failure, though none of its tests failed", () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 0,
      numPendingTests: 1,
      testResults: [
        { name: "ok.test.ts", status: "passed", assertionResults: [{ status: "passed" }, { status: "passed" }, { status: "passed" }] },
        { name: "broken-setup.test.ts", status: "failed", message: "beforeAll threw", assertionResults: [{ status: "skipped" }] },
      ],
    };
    expect(summarize(report)).toEqual({ line: "total: 5 passed, 1 failed, 1 skipped", exitCode: 1 });
  });

  it("doesn't count a failed test twice", () => {
    const report = {
      numPassedTests: 1,
      numFailedTests: 1,
      testResults: [{ name: "a.test.ts", status: "failed", assertionResults: [{ status: "passed" }, { status: "failed" }] }],
    };
    expect(summarize(report)).toEqual({ line: "total: 3 passed, 1 failed", exitCode: 1 });
  });

  it("passes a clean run", () => {
    expect(summarize({ numPassedTests: 2, numFailedTests: 0, testResults: [{ name: "a.test.ts", status: "passed", assertionResults: [] }] })).toEqual({
      line: "total: 4 passed, 0 failed",
      exitCode: 0,
    });
  });
});
