import { expect, test } from "@playwright/test";

const HOST = "mail.contoso.test";
const SHOTS = "test-results/screenshots";

interface Created {
  id: string;
  url: string;
}

test.describe("History and diff, end to end in Chromium", () => {
  test("a second run lists the first and compares with it", async ({ page, request }) => {
    // Given two runs of the TLS certificate test for the same host
    const runs: Created[] = [];
    for (let i = 0; i < 2; i += 1) {
      const created = await request.post("/api/tests", { data: { test: "tls-certificate", host: HOST } });
      expect(created.status()).toBe(201);
      runs.push((await created.json()) as Created);
    }
    const [first, second] = runs as [Created, Created];

    // Then the history API lists both, newest first
    const listed = await request.get(`/api/results?host=${HOST}&test=tls-certificate&limit=2`);
    expect(listed.status()).toBe(200);
    const history = (await listed.json()) as { results: Array<{ id: string; url: string; test: string; verdict: string }> };
    expect(history.results.map((row) => row.id)).toEqual([second.id, first.id]);
    expect(history.results[0]?.url).toBe(second.url);
    expect((await request.get("/api/results?test=tls-certificate")).status()).toBe(400);

    // And the JSON diff of identical runs has no changes
    const diff = await request.get(`/api/results/${first.id}/diff/${second.id}`);
    expect(diff.status()).toBe(200);
    expect(await diff.json()).toEqual({ a: first.id, b: second.id, changes: [] });
    expect((await request.get(`/api/results/${first.id}/diff/AAAAAAAAAAAAAAAAAAAAAA`)).status()).toBe(404);

    // When the second result page opens, the earlier run is listed
    await page.goto(second.url);
    const earlier = page.getByTestId("result-history");
    await expect(earlier).toContainText(`Earlier runs of this test for ${HOST}`);
    await expect(earlier.locator(`a[href="/r/${first.id}"]`)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/history-01-result.png`, fullPage: true });

    // And "Compare with previous run" opens the diff page
    await page.getByRole("link", { name: "Compare with previous run" }).click();
    await expect(page).toHaveURL(new RegExp(`/r/${first.id}/diff/${second.id}$`));
    await expect(page.getByTestId("diff-empty")).toContainText("No step changed");
    await expect(page.getByTestId("diff-before")).toHaveAttribute("href", `/r/${first.id}`);
    await expect(page.getByTestId("diff-after")).toHaveAttribute("href", `/r/${second.id}`);
    await page.screenshot({ path: `${SHOTS}/history-02-diff.png`, fullPage: true });
  });

  test("the diff page reads without JavaScript", async ({ browser, request }) => {
    const first = (await (await request.post("/api/tests", { data: { test: "tls-certificate", host: HOST } })).json()) as Created;
    const second = (await (await request.post("/api/tests", { data: { test: "tls-certificate", host: HOST } })).json()) as Created;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/r/${first.id}/diff/${second.id}`);
    await expect(page.getByTestId("diff-empty")).toBeVisible();
    await page.goto(`/r/${first.id}/diff/AAAAAAAAAAAAAAAAAAAAAA`);
    await expect(page.getByTestId("result-not-found")).toBeVisible();
    await context.close();
  });
});
