// Adds up the Vitest and Playwright JSON reports into one closing line: "total: N passed, M failed".
import { existsSync, readFileSync } from "node:fs";

const [vitestFile, playwrightFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

if (vitestFile && existsSync(vitestFile)) {
  const report = JSON.parse(readFileSync(vitestFile, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // A file whose setup failed (a beforeAll that threw, an import error) has no failed test of its own, yet it
  // proved nothing: it counts as one failure.
  for (const file of report.testResults ?? []) {
    const ownFailures = (file.assertionResults ?? []).filter((test) => test.status === "failed").length;
    if (file.status === "failed" && ownFailures === 0) {
      failed += 1;
      console.error(`setup failed: ${file.name}${file.message ? ` (${String(file.message).split("\n")[0]})` : ""}`);
    }
  }
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
} else {
  failed += 1;
  console.error("no Vitest report: the unit and integration tests did not run");
}

if (playwrightFile && existsSync(playwrightFile)) {
  const report = JSON.parse(readFileSync(playwrightFile, "utf8"));
  passed += report.stats?.expected ?? 0;
  failed += (report.stats?.unexpected ?? 0) + (report.errors?.length ?? 0);
  skipped += report.stats?.skipped ?? 0;
  passed += report.stats?.flaky ?? 0;
} else {
  failed += 1;
  console.error("no Playwright report: the end-to-end tests did not run");
}

console.log(`\ntotal: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
