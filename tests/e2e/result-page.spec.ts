import { expect, test, type Page } from "@playwright/test";

const SHOTS = "test-results/screenshots";
const HOST = "mail.contoso.test";

interface StoredStep {
  title: string;
  message: string;
  startMs?: number;
  children: StoredStep[];
}

/** Every Content Security Policy complaint Chromium logs on this page. */
function watchCsp(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    if (/Content Security Policy/i.test(error.message)) errors.push(`pageerror: ${error.message}`);
  });
  return errors;
}

function allSteps(steps: StoredStep[]): StoredStep[] {
  return steps.flatMap((step) => [step, ...allSteps(step.children)]);
}

test.describe("the result page: timing waterfall and export", () => {
  test("shows where the time went, downloads the JSON, copies the text and prints every step", async ({ browser, request }) => {
    // Given a stored TLS certificate result for the lab host
    const created = await request.post("/api/tests", { data: { test: "tls-certificate", host: HOST } });
    expect(created.ok()).toBeTruthy();
    const { id, url } = (await created.json()) as { id: string; url: string };
    const stored = await request.get(`/api/results/${id}`);
    const result = (await stored.json()) as { steps: StoredStep[] };
    expect(result.steps.length).toBeGreaterThan(0);
    for (const step of result.steps) expect(typeof step.startMs).toBe("number");

    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    const cspErrors = watchCsp(page);
    await page.goto(url);
    await expect(page.getByTestId("verdict")).toBeVisible();

    // When the Timing section is opened, there is one bar per top-level step, placed on one axis
    const timing = page.getByTestId("timing");
    await timing.locator("summary").first().click();
    const bars = page.getByTestId("waterfall-bar");
    await expect(bars).toHaveCount(result.steps.length);
    await expect(bars.first()).toBeVisible();
    for (const [index, step] of result.steps.entries()) {
      await expect(bars.nth(index)).toHaveAttribute("data-start-ms", String(step.startMs));
    }
    await timing.screenshot({ path: `${SHOTS}/result-waterfall.png` });

    // And "Download JSON" is a real download link that answers the result
    const download = page.getByTestId("download-json");
    await expect(download).toHaveAttribute("download", `rca-${id}.json`);
    const href = await download.getAttribute("href");
    expect(href).toBe(`/api/results/${id}`);
    const fromLink = await request.get(href!);
    expect(fromLink.ok()).toBeTruthy();
    expect(await fromLink.json()).toEqual(result);

    // And "Copy as text" puts the steps on the clipboard
    await page.getByTestId("copy-text").click();
    await expect(page.getByTestId("copy-text")).toHaveText("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    for (const step of result.steps) expect(copied).toContain(step.title);
    expect(copied).toMatch(/Verdict: (success|warning|error)/);

    // And printed, every step's message shows (expanded) and the buttons are gone
    await page.emulateMedia({ media: "print" });
    const flat = allSteps(result.steps);
    const stepItems = page.locator('[data-step-tree] [data-testid="step"]');
    await expect(stepItems).toHaveCount(flat.length);
    for (const [index, step] of flat.entries()) {
      if (step.message.trim() === "") continue;
      // The step's own message: the first paragraph of its body (document order matches the flattened tree).
      await expect(stepItems.nth(index).locator(":scope > div > div > p").first()).toBeVisible();
    }
    await expect(page.getByTestId("copy-text")).toBeHidden();
    await expect(page.getByTestId("copy-permalink")).toBeHidden();
    await expect(page.locator("body > header")).toBeHidden();
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(1000);
    await page.screenshot({ path: `${SHOTS}/result-print.png`, fullPage: true });

    expect(cspErrors).toEqual([]);
    await context.close();
  });
});
