import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const HOST = "mail.contoso.test";

/** "a b; c d" → { a: ["b"], c: ["d"] } */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = "", ...values] = part.split(/\s+/);
        return [name.toLowerCase(), values];
      }),
  );
}

function nonceOf(scriptSrc: string[]): string | undefined {
  return scriptSrc.map((source) => /^'nonce-([A-Za-z0-9+/=_-]+)'$/.exec(source)?.[1]).find(Boolean);
}

/** Every Content Security Policy (and Permissions-Policy) complaint Chromium logs. (Zod runs jitless: no eval probe.) */
function watchPolicyErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Permissions-Policy/i.test(text)) errors.push(`${message.type()}: ${text}`);
  });
  page.on("pageerror", (error) => {
    if (/Content Security Policy/i.test(error.message)) errors.push(`pageerror: ${error.message}`);
  });
  return errors;
}

/** The `securitypolicyviolation` events of the current document. */
async function violationEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

async function createResult(request: APIRequestContext): Promise<string> {
  const created = await request.post("/api/tests", { data: { test: "outlook-anywhere", host: HOST, mutualAuthPrincipal: "msstd:*.contoso.test" } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { url: string }).url;
}

test.describe("Security headers: a nonce-based Content-Security-Policy on every page", () => {
  test("every page type carries a fresh nonce, no bare 'unsafe-inline' for scripts, and can't be framed", async ({ request }) => {
    const result = await createResult(request);
    const pages = [
      { path: "/", status: 200 },
      { path: "/tests/outlook-anywhere", status: 200 },
      { path: "/tests/tls-certificate?host=mail.contoso.test", status: 200 },
      { path: result, status: 200 },
      { path: "/r/AAAAAAAAAAAAAAAAAAAAAA", status: 200 },
      { path: "/help", status: 200 },
      { path: "/help/MUTUAL_AUTH_MISMATCH", status: 200 },
      { path: "/no-such-page", status: 404 },
      { path: "/tests/no-such-test", status: 404 },
    ];
    for (const { path, status } of pages) {
      const nonces: string[] = [];
      for (let load = 0; load < 2; load += 1) {
        const response = await request.get(path);
        expect(response.status(), path).toBe(status);
        const headers = response.headers();
        const csp = headers["content-security-policy"];
        expect(csp, `${path} has a Content-Security-Policy`).toBeTruthy();
        const policy = directives(csp!);
        const scriptSrc = policy["script-src"] ?? [];
        expect(scriptSrc, path).toContain("'strict-dynamic'");
        expect(scriptSrc, path).not.toContain("'unsafe-inline'");
        expect(policy["default-src"], path).toEqual(["'self'"]);
        expect(policy["frame-ancestors"], path).toEqual(["'none'"]);
        expect(policy["object-src"], path).toEqual(["'none'"]);
        expect(policy["base-uri"], path).toEqual(["'none'"]);
        expect(policy["form-action"], path).toEqual(["'self'"]);
        expect(policy["connect-src"], path).toEqual(["'self'"]);
        expect(policy["img-src"], path).toEqual(["'self'", "data:"]);
        const nonce = nonceOf(scriptSrc);
        expect(nonce, `${path} has a nonce`).toBeTruthy();
        nonces.push(nonce!);

        // Next.js put that nonce on its scripts: none is left without it
        const html = await response.text();
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
        expect(scripts.length, path).toBeGreaterThan(0);
        for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);

        expect(headers["permissions-policy"], path).toContain("camera=()");
        expect(headers["permissions-policy"], path).toContain("microphone=()");
        expect(headers["permissions-policy"], path).toContain("geolocation=()");
        expect(headers["x-frame-options"], path).toBe("DENY");
        // Plain HTTP, no trusted proxy: no HSTS (browsers ignore it over HTTP anyway)
        expect(headers["strict-transport-security"], path).toBeUndefined();
      }
      expect(nonces[0], `${path}: a new nonce per load`).not.toBe(nonces[1]);
    }
  });

  test("a client's own X-Forwarded-Proto doesn't turn HSTS on without a trusted proxy", async ({ request }) => {
    const response = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers()["strict-transport-security"]).toBeUndefined();
  });

  test("the form → run → result → help flow runs in Chromium without a single CSP violation", async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const errors = watchPolicyErrors(page);

    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Exchange Server" })).toBeVisible();
    expect(await violationEvents(page)).toEqual([]);
    await page
      .getByRole("link", { name: /Outlook Anywhere/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/tests\/outlook-anywhere$/);

    // The form is interactive (hydrated): typing the host fills the principal in
    await page.locator('input[name="host"]').fill(HOST);
    await expect(page.locator('input[name="mutualAuthPrincipal"]')).toHaveValue(`msstd:${HOST}`);
    await page.getByTestId("submit").click();
    await expect(page.getByTestId("live-step").first()).toBeVisible();
    await page.waitForURL(/\/r\/[A-Za-z0-9_-]{16,}$/);
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "error");

    // The result page's scripts run: "Expand all" opens the details
    await page.getByTestId("expand-all").click();
    expect(await violationEvents(page)).toEqual([]);

    // A full load of the permalink (not a client-side navigation) works the same
    await page.reload();
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "error");
    await expect(page.getByTestId("copy-permalink")).toBeEnabled();
    await page.locator('[data-testid="step"][data-code="rpc.mutual-auth"]').getByTestId("help-link").first().click();
    await expect(page).toHaveURL(/\/help\/MUTUAL_AUTH_MISMATCH$/);
    await page.goto("/help");
    await page.goto("/no-such-page");
    expect(await violationEvents(page)).toEqual([]);

    expect(errors).toEqual([]);
  });

  test("without JavaScript the nonced layout style and the form error page's hashed style still apply", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const errors = watchPolicyErrors(page);

    // The <noscript> style carries the nonce: controls that need JavaScript are hidden
    const result = await page.goto("/tests/tls-certificate");
    expect(result?.headers()["content-security-policy"]).toContain("'nonce-");
    await page.locator('input[name="host"]').fill("mail.contoso.test/owa");
    await page.getByTestId("submit").click();

    // The plain error page has its own policy, allowing its one inline style by hash
    await expect(page.locator("body")).toContainText("Enter a valid host name");
    const errorPage = await page.request.post("/api/tests", { form: { test: "tls-certificate", host: "mail.contoso.test/owa" } });
    expect(errorPage.status()).toBe(400);
    expect(errorPage.headers()["content-type"]).toContain("text/html");
    const policy = directives(errorPage.headers()["content-security-policy"] ?? "");
    expect(policy["default-src"]).toEqual(["'none'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["style-src"]?.[0]).toMatch(/^'sha256-[A-Za-z0-9+/]+={0,2}'$/);
    await expect(page.locator("h1")).toHaveCSS("font-size", "22.4px");

    const url = await createResult(page.request);
    await page.goto(url);
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "success");
    await expect(page.getByTestId("expand-all")).toBeHidden();

    expect(errors).toEqual([]);
    await context.close();
  });
});
