import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";

/**
 * Permalinks outlive versions: a result stored by an earlier version of the analyzer (before steps carried message
 * keys, before the revocation check existed) must still open, in the reader's language around steps that stay in the
 * English they were stored in; a format this version can't read says so instead of failing.
 */
const FIXTURE = join(process.cwd(), "tests", "fixtures", "results", "tls-certificate-before-i18n.json");
const DAY = 24 * 60 * 60 * 1000;

function store(id: string, result: Record<string, unknown>): void {
  const file = process.env.RCA_E2E_DATABASE_FILE;
  if (!file) throw new Error("global setup didn't say where the e2e store is");
  const db = new Database(file);
  try {
    db.prepare("INSERT INTO results (id, test, verdict, created_at, expires_at, result_json, delete_token_hash, host) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)").run(
      id,
      String(result.test),
      String(result.verdict),
      Date.now() - DAY,
      Date.now() + DAY,
      JSON.stringify({ ...result, id }),
      "127.0.250.1",
    );
  } finally {
    db.close();
  }
}

test.describe("results stored by an earlier version", () => {
  test("open at their permalink, in English and in Italian, steps as they were stored", async ({ page, request }) => {
    const stored = JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown> & { steps: Array<{ code: string; title: string }> };
    const id = "earlierVersion0000000A";
    store(id, stored);

    const api = await request.get(`/api/results/${id}`);
    expect(api.status()).toBe(200);
    expect(((await api.json()) as { verdict: string }).verdict).toBe(stored.verdict);

    await page.goto(`/r/${id}`);
    const steps = page.locator('[data-testid="step"]');
    await expect(steps.first()).toBeVisible();
    for (const step of stored.steps) await expect(page.locator(`[data-testid="step"][data-code="${step.code}"]`).first()).toContainText(step.title);
    await expect(page.locator('[data-code="tls.certificate.revocation"]')).toHaveCount(0);

    // In Italian the page around the steps follows the reader; the stored steps keep the English they were stored in.
    await page.goto(`/r/${id}?lang=it`);
    await expect(page.locator("html")).toHaveAttribute("lang", "it");
    await expect(page.locator('[data-testid="step"][data-code="dns.resolve"]').first()).toContainText(stored.steps[0]!.title);
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", String(stored.verdict));
  });

  test("a format this version can't read says so, naming the format", async ({ page, request }) => {
    const stored = JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown>;
    const id = "futureFormat000000000A";
    store(id, { ...stored, schemaVersion: 99 });
    const api = await request.get(`/api/results/${id}`);
    expect(api.status()).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(await api.json())).toContain("99");
    await page.goto(`/r/${id}`);
    await expect(page.getByTestId("result-unreadable")).toContainText("99");
  });
});
