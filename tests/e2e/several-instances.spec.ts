import { expect, test, type Page } from "@playwright/test";
import { Client } from "pg";
import { killGroup, startApp, type RunningApp } from "../../scripts/app-server";
import { startPostgres, type PostgresServer } from "../support/postgres";

/**
 * Results survive a restart: two app instances on one PostgreSQL (RCA_DATABASE_URL=postgres://…) serve one store.
 * A result made through instance A reads the same through instance B (API and result page), B's history lists it,
 * B deletes it with A's delete token, and A, stopped and started again, still serves what was stored before.
 */
const HOST = "mail.contoso.test";
const PORT_A = 3231;
const PORT_B = 3232;
const SHOTS = "test-results/screenshots";

interface Created {
  id: string;
  url: string;
  deleteToken: string;
}
interface StepJson {
  code: string;
  status: string;
  children: StepJson[];
}
interface ResultJson {
  id: string;
  test: string;
  verdict: string;
  steps: StepJson[];
}

let postgres: PostgresServer | undefined;
let databaseUrl = "";
let appA: RunningApp | undefined;
let appB: RunningApp | undefined;
/** Every process group started here, even one that never became healthy: afterAll ends them all. */
const spawned = new Set<number>();

/** The lab the main e2e app is pointed at (global setup exports it to the workers), plus this spec's PostgreSQL. */
function instanceEnv(): Record<string, string> {
  const dns = process.env.RCA_E2E_DNS_SERVERS;
  const ca = process.env.RCA_E2E_CA_FILE;
  if (!dns || !ca) throw new Error("global setup didn't export RCA_E2E_DNS_SERVERS and RCA_E2E_CA_FILE");
  return {
    RCA_ALLOW_PRIVATE_TARGETS: "true",
    RCA_DNS_SERVERS: dns,
    NODE_EXTRA_CA_CERTS: ca,
    RCA_DATABASE_URL: databaseUrl,
    RCA_TIMEOUT_MS: "3000",
    // Each instance keeps its own per-client count: off, so a retry of this spec never meets a limit.
    RCA_RATE_LIMIT: "0",
  };
}

function startInstance(port: number): Promise<RunningApp> {
  return startApp({ cwd: process.cwd(), port, healthTimeoutMs: 30_000, env: instanceEnv(), onSpawn: (pid) => spawned.add(pid) });
}

/** Steps in page order (depth first), as code:status. */
function flatten(steps: StepJson[]): string[] {
  return steps.flatMap((step) => [`${step.code}:${step.status}`, ...flatten(step.children)]);
}

async function renderedSteps(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="step"]')
    .evaluateAll((nodes) => nodes.map((node) => `${node.getAttribute("data-code")}:${node.getAttribute("data-status")}`));
}

/** Rows of the results table itself: the instances share PostgreSQL, not something of their own. */
async function storedRows(id: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const answer = await client.query<{ count: string }>("SELECT count(*) AS count FROM results WHERE id = $1", [id]);
    return Number(answer.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

test.describe("several instances on one PostgreSQL", () => {
  test.beforeAll(async () => {
    // An address of its own, away from the integration tests' clusters (127.0.160.1–20).
    postgres = await startPostgres({ host: `127.0.160.${21 + Math.floor(Math.random() * 10)}` });
    databaseUrl = await postgres.createDatabase("rca_instances");
    [appA, appB] = await Promise.all([startInstance(PORT_A), startInstance(PORT_B)]);
  });

  test.afterAll(async () => {
    await Promise.allSettled([...spawned].map((pid) => killGroup(pid)));
    await postgres?.stop();
  });

  test("a result made on one instance is served by the other, and by the first after a restart", async ({ page, request }) => {
    const a = appA!;
    const b = appB!;
    for (const app of [a, b]) {
      const health = await request.get(`${app.baseUrl}/api/health`);
      expect(health.status(), app.logTail()).toBe(200);
      expect(((await health.json()) as { store: string }).store).toBe("ok");
    }

    // Given a TLS certificate test run through instance A
    const made = await request.post(`${a.baseUrl}/api/tests`, { data: { test: "tls-certificate", host: HOST } });
    expect(made.status(), a.logTail()).toBe(201);
    const first = (await made.json()) as Created;
    expect(await storedRows(first.id)).toBe(1);
    const onA = (await (await request.get(`${a.baseUrl}/api/results/${first.id}`)).json()) as ResultJson;
    expect(onA.verdict).toBe("success"); // the instances resolve and trust through the lab, as the main e2e app does

    await test.step("instance B serves it: the same JSON, and a result page with the same verdict and steps", async () => {
      const read = await request.get(`${b.baseUrl}/api/results/${first.id}`);
      expect(read.status(), b.logTail()).toBe(200);
      const onB = (await read.json()) as ResultJson;
      expect(onB).toEqual(onA);
      expect(onB.steps.length).toBeGreaterThan(0);

      await page.goto(`${b.baseUrl}${first.url}`);
      await expect(page.getByTestId("result")).toHaveAttribute("data-result-id", first.id);
      await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", onA.verdict);
      expect(await renderedSteps(page)).toEqual(flatten(onA.steps));
      await page.screenshot({ path: `${SHOTS}/several-instances-01-on-b.png`, fullPage: true });
    });

    let second: Created | undefined;
    await test.step("instance B's history lists the run made on A", async () => {
      const listed = await request.get(`${b.baseUrl}/api/results?host=${HOST}&test=tls-certificate`);
      expect(listed.status()).toBe(200);
      expect(((await listed.json()) as { results: Array<{ id: string }> }).results.map((row) => row.id)).toEqual([first.id]);

      // A run on B: its result page lists A's run as the earlier one
      const again = await request.post(`${b.baseUrl}/api/tests`, { data: { test: "tls-certificate", host: HOST } });
      expect(again.status(), b.logTail()).toBe(201);
      second = (await again.json()) as Created;
      await page.goto(`${b.baseUrl}${second.url}`);
      await expect(page.getByTestId("result-history").locator(`a[href="/r/${first.id}"]`)).toBeVisible();
      await expect(page.getByTestId("compare-previous")).toHaveAttribute("href", `/r/${first.id}/diff/${second.id}`);
    });

    await test.step("instance A, stopped and started again, still serves both results", async () => {
      await a.stop();
      await expect(fetch(`${a.baseUrl}/api/health`)).rejects.toThrow();
      expect((await request.get(`${b.baseUrl}/api/results/${first.id}`)).status()).toBe(200); // B doesn't need A

      const restarted = await startInstance(PORT_A);
      appA = restarted;
      const again = await request.get(`${restarted.baseUrl}/api/results/${first.id}`);
      expect(again.status(), restarted.logTail()).toBe(200);
      expect(await again.json()).toEqual(onA);
      expect((await request.get(`${restarted.baseUrl}/api/results/${second!.id}`)).status()).toBe(200);

      await page.goto(`${restarted.baseUrl}${first.url}`);
      await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", onA.verdict);
      expect(await renderedSteps(page)).toEqual(flatten(onA.steps));
      await page.screenshot({ path: `${SHOTS}/several-instances-02-on-a-restarted.png`, fullPage: true });
    });

    await test.step("instance B deletes it with the delete token A handed out; neither instance serves it then", async () => {
      const url = `${b.baseUrl}/api/results/${first.id}`;
      expect((await request.delete(url, { headers: { Authorization: `Bearer ${second!.deleteToken}` } })).status()).toBe(403);
      expect((await request.delete(url, { headers: { Authorization: `Bearer ${first.deleteToken}` } })).status()).toBe(204);
      expect(await storedRows(first.id)).toBe(0);
      expect((await request.get(`${appA!.baseUrl}/api/results/${first.id}`)).status()).toBe(404);
      expect((await request.get(url)).status()).toBe(404);
      const listed = (await (await request.get(`${appA!.baseUrl}/api/results?host=${HOST}`)).json()) as { results: Array<{ id: string }> };
      expect(listed.results.map((row) => row.id)).toEqual([second!.id]);
    });
  });
});
