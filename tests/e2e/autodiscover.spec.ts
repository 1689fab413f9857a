import { expect, test } from "@playwright/test";

const SHOTS = "test-results/screenshots";

test.describe("Autodiscover, end to end in Chromium", () => {
  test("an admin looks up Autodiscover by e-mail address and reads the four methods, in Outlook's order", async ({ page }) => {
    // Given the catalogue, the Autodiscover test and an address typed in
    await page.goto("/");
    await page
      .getByRole("link", { name: /Outlook Autodiscover/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/tests\/autodiscover$/);
    await page.locator('input[name="emailAddress"]').fill("alice@contoso.test");

    // When the test runs
    await page.getByTestId("submit").click();
    await page.waitForURL(/\/r\/[A-Za-z0-9_-]{16,}$/);

    // Then method 1 (no host at contoso.test) is a warning, method 2 found it, methods 3 and 4 weren't needed
    const method = (n: number) => page.locator(`[data-testid="step"][data-code="autodiscover.method${n}"]`);
    await expect(method(1)).toHaveAttribute("data-status", "warning");
    await expect(method(2)).toHaveAttribute("data-status", "success");
    await expect(method(3)).toHaveAttribute("data-status", "skipped");
    await expect(method(4)).toHaveAttribute("data-status", "skipped");
    await expect(method(4)).toContainText("_autodiscover._tcp.contoso.test");
    await expect(page.locator('[data-testid="step"][data-code="autodiscover.result"]')).toContainText(
      "Autodiscover was found at https://autodiscover.contoso.test/autodiscover/autodiscover.xml",
    );
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "warning");
    await expect(page.locator('[data-input="emailAddress"]')).toHaveText("alice@contoso.test");
    await page.screenshot({ path: `${SHOTS}/06-autodiscover.png`, fullPage: true });
  });

  test("whoever ran a test can delete its result; someone with only the permalink can't", async ({ page, browser }) => {
    // Given a result run from this browser
    await page.goto("/tests/autodiscover");
    await page.locator('input[name="emailAddress"]').fill("alice@contoso.test");
    await page.getByTestId("submit").click();
    await page.waitForURL(/\/r\/[A-Za-z0-9_-]{16,}$/);
    const permalink = page.url();

    // Then another browser, holding only the permalink, is offered no delete
    const other = await browser.newContext();
    const shared = await other.newPage();
    await shared.goto(permalink);
    await expect(shared.getByTestId("verdict")).toBeVisible();
    await expect(shared.getByTestId("delete-result")).toHaveCount(0);

    // And the creator deletes it (a second click confirms); the permalink then says it doesn't exist
    await page.getByTestId("delete-result").click();
    await expect(page.getByTestId("delete-result")).toHaveText("Click again to delete");
    await page.getByTestId("delete-result").click();
    await expect(page.getByTestId("result-not-found")).toBeVisible();
    await shared.reload();
    await expect(shared.getByTestId("result-not-found")).toBeVisible();
    await other.close();
  });
});
