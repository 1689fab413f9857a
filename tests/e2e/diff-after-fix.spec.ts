import { expect, test } from "@playwright/test";
import { FIX_URL, FIXABLE_HOST } from "./global-setup";

const SHOTS = "test-results/screenshots";

interface Created {
  id: string;
  url: string;
  result: { verdict: string };
}

test.describe("Did my fix change anything? Run, fix the server, run again, compare", () => {
  test("the diff page shows the certificate dates going from error to success", async ({ page, request }) => {
    // Given a server with an expired certificate, tested from the form
    await page.goto("/tests/tls-certificate");
    await page.locator('input[name="host"]').fill(FIXABLE_HOST);
    await page.getByTestId("submit").click();
    await page.waitForURL(/\/r\/[A-Za-z0-9_-]{16,}$/, { timeout: 30_000 });
    const before = page.url().split("/r/")[1]!;
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "error");

    // When the admin installs a renewed certificate and runs the test again
    const fixed = await request.post(FIX_URL);
    expect(fixed.status()).toBe(204);
    const again = await request.post("/api/tests", { data: { test: "tls-certificate", host: FIXABLE_HOST } });
    expect(again.status()).toBe(201);
    const after = (await again.json()) as Created;
    expect(after.result.verdict).not.toBe("error");

    // Then the new result offers the comparison with the previous run, and it names the step that changed
    await page.goto(after.url);
    await page.getByRole("link", { name: "Compare with previous run" }).click();
    await expect(page).toHaveURL(new RegExp(`/r/${before}/diff/${after.id}$`));
    const dates = page.locator('[data-testid="diff-row"][data-code="tls.certificate/tls.certificate.dates"]');
    await expect(dates).toHaveCount(1);
    await expect(dates.getByTestId("diff-problem")).toHaveText("CERT_EXPIRED");
    await page.screenshot({ path: `${SHOTS}/diff-after-fix.png`, fullPage: true });

    // And the JSON form says the same: from error with CERT_EXPIRED to success
    const diff = (await (await request.get(`/api/results/${before}/diff/${after.id}`)).json()) as {
      changes: Array<{ code: string; from: { status: string; problem?: string } | null; to: { status: string; problem?: string } | null }>;
    };
    const change = diff.changes.find((entry) => entry.code === "tls.certificate/tls.certificate.dates");
    expect(change?.from).toMatchObject({ status: "error", problem: "CERT_EXPIRED" });
    expect(change?.to).toMatchObject({ status: "success" });
  });
});
