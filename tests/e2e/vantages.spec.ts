import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { killGroup, startApp, type RunningApp } from "../../scripts/app-server";
import { startRedis, type RedisServer } from "../support/redis";
import { startSplitHorizon, type SplitHorizon } from "../support/split-horizon";
import { killWorkers, startWorkerProcess } from "../support/workers";

/**
 * Vantage points end to end: an RCA_ROLE=web instance, a worker "inside" and a worker "outside" (each with its own DNS
 * view of mail.contoso.test: split horizon), one redis-server. The form offers both places; run from both, the result
 * page shows them side by side with the certificate's dates highlighted (expired outside only).
 */
const NAME = "mail.contoso.test";
/** This spec's own loopback addresses. */
const DNS_INSIDE = "127.0.171.1";
const DNS_OUTSIDE = "127.0.171.2";
const SERVER_INSIDE = "127.0.171.3";
const SERVER_OUTSIDE = "127.0.171.4";
const APP_PORT = 3233;
const SHOTS = "test-results/screenshots";

let dir = "";
let lab: SplitHorizon | undefined;
let redis: RedisServer | undefined;
let app: RunningApp | undefined;
const spawned = new Set<number>();

function sharedEnv(): Record<string, string> {
  return {
    RCA_REDIS_URL: redis!.url,
    RCA_DATABASE_URL: `file:${join(dir, "rca.sqlite")}`,
    RCA_ALLOW_PRIVATE_TARGETS: "true",
    RCA_ALLOWED_PORTS: String(lab!.port),
    RCA_TIMEOUT_MS: "3000",
    RCA_RATE_LIMIT: "0",
    NODE_EXTRA_CA_CERTS: lab!.pki.trustFile,
  };
}

/** Fills the TLS certificate form, checks both vantage points (offered as two checkboxes), runs it and waits for the result. */
async function runFromBothPlaces(page: Page): Promise<void> {
  await page.goto(`${app!.baseUrl}/tests/tls-certificate`);
  const picker = page.getByTestId("vantage-picker");
  await expect(picker.getByRole("checkbox")).toHaveCount(2);
  await page.locator('input[name="host"]').fill(NAME);
  await page.locator('input[name="port"]').fill(String(lab!.port));
  await picker.getByRole("checkbox", { name: /inside/ }).check();
  await picker.getByRole("checkbox", { name: /outside/ }).check();
  await page.getByTestId("submit").click();
  await page.waitForURL(/\/r\/[A-Za-z0-9_-]+$/, { timeout: 30_000 });
}

test.describe("vantage points", () => {
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "rca-e2e-vantages-"));
    [lab, redis] = await Promise.all([
      startSplitHorizon(NAME, { dnsInside: DNS_INSIDE, dnsOutside: DNS_OUTSIDE, serverInside: SERVER_INSIDE, serverOutside: SERVER_OUTSIDE }),
      startRedis(),
    ]);
    await Promise.all([
      startWorkerProcess({ ...sharedEnv(), RCA_VANTAGE: "inside", RCA_DNS_SERVERS: lab.inside.dns.server }),
      startWorkerProcess({ ...sharedEnv(), RCA_VANTAGE: "outside", RCA_DNS_SERVERS: lab.outside.dns.server }),
    ]);
    app = await startApp({
      cwd: process.cwd(),
      port: APP_PORT,
      healthTimeoutMs: 30_000,
      env: { ...sharedEnv(), RCA_ROLE: "web" },
      onSpawn: (pid) => spawned.add(pid),
    });
  });

  test.afterAll(async () => {
    await Promise.allSettled([...spawned].map((pid) => killGroup(pid)));
    await killWorkers();
    await Promise.allSettled([lab?.stop(), redis?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  test("the form offers the live vantage points, and the result shows both runs side by side", async ({ page, request }) => {
    const base = app!.baseUrl;
    const listed = await request.get(`${base}/api/vantages`);
    expect(await listed.json(), app!.logTail()).toEqual({
      vantages: [
        { name: "inside", workers: 1 },
        { name: "outside", workers: 1 },
      ],
    });

    // Given the form, which offers both places, when the test runs from both
    await runFromBothPlaces(page);

    // Then the result is an error (the worse of the two), and the side-by-side table highlights the dates step
    await expect(page.getByTestId("result")).toBeVisible();
    const table = page.getByTestId("vantage-comparison");
    await expect(table).toBeVisible();
    await expect(table.getByRole("columnheader", { name: /inside/ })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: /outside/ })).toBeVisible();
    const dates = table.locator('[data-testid="vantage-row"][data-code$="tls.certificate.dates"]');
    await expect(dates).toHaveAttribute("data-differs", "true");
    await expect(dates.getByTestId("vantage-differs")).toBeVisible();
    await expect(dates).toContainText("CERT_EXPIRED");
    // A step both saw the same way is not highlighted
    await expect(table.locator('[data-testid="vantage-row"][data-differs="false"]').first()).toBeVisible();
    // And the step tree below has one step per vantage point
    await expect(page.locator('[data-testid="step"][data-code="vantage.inside"]')).toHaveAttribute("data-status", "success");
    await expect(page.locator('[data-testid="step"][data-code="vantage.outside"]')).toHaveAttribute("data-status", "error");
    await page.screenshot({ path: `${SHOTS}/vantages-side-by-side.png`, fullPage: true });
  });

  test("without JavaScript the form posts the chosen vantage points and opens the side-by-side result", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await runFromBothPlaces(page);
      await expect(page.getByTestId("vantage-comparison")).toBeVisible();
      await expect(page.locator('[data-testid="vantage-row"][data-code$="tls.certificate.dates"]')).toHaveAttribute("data-differs", "true");
    } finally {
      await context.close();
    }
  });

  test("a worker started as the web server (RCA_ROLE=worker with npm start) refuses to serve", async () => {
    const attempt = startApp({
      cwd: process.cwd(),
      port: APP_PORT + 1,
      healthTimeoutMs: 30_000,
      env: { ...sharedEnv(), RCA_ROLE: "worker" },
      onSpawn: (pid) => spawned.add(pid),
    });
    await expect(attempt).rejects.toThrow(/exited \(78\)[\s\S]*npm run worker/);
  });
});
