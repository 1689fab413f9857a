import { expect, test } from "@playwright/test";

const SHOTS = "test-results/screenshots";
const HOST = "mail.contoso.test";

test.describe("Outlook Anywhere, end to end in Chromium", () => {
  test("an admin runs the test, watches the steps stream, shares the permalink and follows the fix", async ({ page, browser }) => {
    // Given the catalogue
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Exchange Server" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/01-catalogue.png`, fullPage: true });
    await page
      .getByRole("link", { name: /Outlook Anywhere/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/tests\/outlook-anywhere$/);

    // When the host is typed, the principal follows it
    await page.locator('input[name="host"]').fill(HOST);
    await expect(page.locator('input[name="mutualAuthPrincipal"]')).toHaveValue(`msstd:${HOST}`);
    await page.screenshot({ path: `${SHOTS}/02-form.png`, fullPage: true });

    // And the test runs, the steps appear while it runs
    const streamed = page.waitForResponse((response) => response.url().endsWith("/api/tests") && response.request().method() === "POST");
    await page.getByTestId("submit").click();
    const response = await streamed;
    expect(response.headers()["content-type"]).toContain("text/event-stream");
    await expect(page.getByTestId("live-step").first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/03-streaming.png`, fullPage: true });

    // Then it lands on the permalink with a failed verdict on mutual authentication
    await page.waitForURL(/\/r\/[A-Za-z0-9_-]{16,}$/);
    const permalink = page.url();
    const verdict = page.getByTestId("verdict");
    await expect(verdict).toHaveAttribute("data-verdict", "error");
    await expect(verdict).toContainText("Connectivity test failed");
    const mutual = page.locator('[data-testid="step"][data-code="rpc.mutual-auth"]');
    await expect(mutual).toHaveAttribute("data-status", "error");
    await expect(mutual).toContainText(
      `The certificate common name *.contoso.test doesn't validate against the mutual authentication string that was provided: msstd:${HOST}`,
    );
    await expect(page.locator('[data-testid="step"][data-code="tls.certificate.name"]')).toHaveAttribute("data-status", "success");
    await expect(page.locator('[data-testid="step"][data-code="rpc.auth-methods"]')).toContainText("Basic, NTLM, Negotiate");
    await page.screenshot({ path: `${SHOTS}/04-result.png`, fullPage: true });

    // And the permalink opens in a fresh browser context (another admin, a ticket)
    const other = await browser.newContext();
    const shared = await other.newPage();
    await shared.goto(permalink);
    await expect(shared.getByTestId("verdict")).toHaveAttribute("data-verdict", "error");
    await expect(shared.locator('[data-testid="step"][data-code="rpc.mutual-auth"]')).toHaveAttribute("data-status", "error");

    // And the failed step links to the explanation with the exact fix
    await shared.locator('[data-testid="step"][data-code="rpc.mutual-auth"]').getByTestId("help-link").first().click();
    await expect(shared).toHaveURL(/\/help\/MUTUAL_AUTH_MISMATCH$/);
    await expect(shared.locator("body")).toContainText('Set-OutlookProvider EXPR -CertPrincipalName:"msstd:mail.contoso.com"');
    await expect(shared.locator("body")).toContainText("There is no encrypted connection available");
    await shared.screenshot({ path: `${SHOTS}/05-help.png`, fullPage: true });
    await other.close();
  });

  test("the result page works without JavaScript", async ({ browser, request }) => {
    const created = await request.post("/api/tests", { data: { test: "outlook-anywhere", host: HOST, mutualAuthPrincipal: "msstd:*.contoso.test" } });
    expect(created.status()).toBe(201);
    const { url } = (await created.json()) as { url: string };
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "success");
    await expect(page.locator('[data-testid="step"][data-code="rpc.mutual-auth"]')).toContainText("Mutual authentication was verified successfully");
    await expect(page.getByTestId("permalink-url")).toHaveValue(new RegExp(`^http://[^/]+${url}$`));
    await page.screenshot({ path: `${SHOTS}/06-no-js-result.png`, fullPage: true });
    await page.goto("/r/AAAAAAAAAAAAAAAAAAAAAA");
    await expect(page.getByTestId("result-not-found")).toContainText("doesn’t exist or has expired");
    await context.close();
  });

  test("bad input is shown next to the field and nothing runs", async ({ page }) => {
    let posted = false;
    page.on("request", (request) => {
      if (request.url().endsWith("/api/tests")) posted = true;
    });
    await page.goto("/tests/outlook-anywhere");
    await page.locator('input[name="host"]').fill("https://mail.contoso.com/owa");
    await page.getByTestId("submit").click();
    await expect(page.getByTestId("error-host")).toBeVisible();
    await expect(page.locator('input[name="host"]')).toHaveAttribute("aria-invalid", "true");
    expect(posted).toBe(false);
    await page.screenshot({ path: `${SHOTS}/07-validation.png`, fullPage: true });
  });

  test("the form works without JavaScript: a plain post lands on the permalink, bad input names the field", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/tests/tls-certificate");
    await page.locator('input[name="host"]').fill(HOST);
    await page.getByTestId("submit").click();
    await page.waitForURL(/\/r\/[A-Za-z0-9_-]{16,}$/);
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "success");

    await page.goto("/tests/tls-certificate");
    await page.locator('input[name="host"]').fill("mail.contoso.test/owa");
    await page.getByTestId("submit").click();
    await expect(page.locator("body")).toContainText("host");
    await expect(page.locator("body")).toContainText("Enter a valid host name");
    await expect(page.getByRole("link", { name: "Back to the form" })).toHaveAttribute("href", "/tests/tls-certificate");
    await context.close();
  });

  test("certificate text from the server is shown as text, never as markup", async ({ page, request }) => {
    const created = await request.post("/api/tests", { data: { test: "tls-certificate", host: "hostile.contoso.test" } });
    const { url } = (await created.json()) as { url: string };
    await page.goto(url);
    await page.getByTestId("expand-all").click();
    await expect(page.locator("body")).toContainText('<img src=x onerror="window.__pwned=1">');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  });

  test("Run again carries only the target; a link can't pre-fill Ignore trust, the method or credentials", async ({ page, request }) => {
    // Given a result of a run with Ignore trust, Basic and credentials
    const created = await request.post("/api/tests", {
      data: {
        test: "outlook-anywhere",
        host: HOST,
        mutualAuthPrincipal: "msstd:*.contoso.test",
        ignoreTrust: true,
        authMethod: "basic",
        username: "CONTOSO\\bob",
        password: "Not-In-Links-7",
      },
    });
    const { url } = (await created.json()) as { url: string };
    await page.goto(url);

    // When "Run again" is followed
    const runAgain = page.getByTestId("run-again");
    const href = (await runAgain.getAttribute("href")) ?? "";
    expect(new URL(href, "http://x").searchParams.toString()).toBe(`host=${HOST}&port=443&mutualAuthPrincipal=msstd%3A*.contoso.test`);
    await runAgain.click();

    // Then the form holds the same target, and the security choices and credentials at their defaults
    await expect(page.locator('input[name="host"]')).toHaveValue(HOST);
    await expect(page.locator('input[name="mutualAuthPrincipal"]')).toHaveValue("msstd:*.contoso.test");
    await expect(page.locator('input[name="ignoreTrust"]')).not.toBeChecked();
    await expect(page.locator('input[name="authMethod"][value="ntlm"]')).toBeChecked();

    // And a hand-made link can't set them either
    await page.goto(`/tests/outlook-anywhere?host=${HOST}&ignoreTrust=true&authMethod=basic&username=eve&password=pw`);
    await expect(page.locator('input[name="host"]')).toHaveValue(HOST);
    await expect(page.locator('input[name="mutualAuthPrincipal"]')).toHaveValue(`msstd:${HOST}`);
    await expect(page.locator('input[name="ignoreTrust"]')).not.toBeChecked();
    await expect(page.locator('input[name="authMethod"][value="ntlm"]')).toBeChecked();
    await expect(page.locator('input[name="username"]')).toHaveValue("");
    await expect(page.locator('input[name="password"]')).toHaveValue("");
  });
});
