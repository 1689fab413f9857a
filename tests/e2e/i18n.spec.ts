import { expect, test } from "@playwright/test";
import { RPC_HOST } from "./global-setup";

/**
 * English and Italian: the language follows ?lang=, then the lang cookie set by the header's switch, then
 * Accept-Language; <html lang> says which. URLs don't change, and a stored result is shown in the reader's language.
 */

interface StoredStep {
  code: string;
  title: string;
  children: StoredStep[];
}

test.describe("languages", () => {
  test("?lang=it shows the catalogue in Italian, and the choice sticks", async ({ page, context }) => {
    // Given an English browser, when the home page is opened with ?lang=it
    await page.goto("/?lang=it");

    // Then the page is Italian and says so
    await expect(page.locator("html")).toHaveAttribute("lang", "it");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scegli un test");
    await expect(page.getByTestId("test-card").first()).toContainText("Avvia il test");
    await expect(page.locator('[data-test-id="tls-certificate"]')).toContainText("Certificato TLS");

    // And the choice is remembered: the next page, without ?lang=, is Italian too
    const cookie = (await context.cookies()).find((entry) => entry.name === "lang");
    expect(cookie?.value).toBe("it");
    await page.goto("/tests/tls-certificate");
    await expect(page.locator("html")).toHaveAttribute("lang", "it");
    await expect(page.getByRole("button", { name: "Esegui il test" })).toBeVisible();
    await expect(page.getByText("Cosa fa questo test")).toBeVisible();
  });

  test("English stays the default", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a test");
  });

  test("Accept-Language: it gives Italian without a cookie", async ({ browser }) => {
    const context = await browser.newContext({ locale: "it-IT", extraHTTPHeaders: { "Accept-Language": "it-IT,it;q=0.9,en;q=0.5" } });
    const page = await context.newPage();
    await page.goto("/help");
    await expect(page.locator("html")).toHaveAttribute("lang", "it");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Guida");
    await context.close();
  });

  test("the switch in the header sets the cookie, keeps the page, and the next page follows it", async ({ page, context }) => {
    // Given the English help index
    await page.goto("/help");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    // When Italiano is chosen in the header
    await page.getByTestId("language-switch").getByRole("link", { name: "Italiano" }).click();

    // Then the same page is shown in Italian, and the cookie holds the choice
    await expect(page).toHaveURL(/\/help\?lang=it$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "it");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Guida");
    expect((await context.cookies()).find((entry) => entry.name === "lang")?.value).toBe("it");

    // And a plain link afterwards stays Italian
    await page.getByRole("navigation", { name: "Principale" }).getByRole("link", { name: "Test" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scegli un test");
    await expect(page.locator("html")).toHaveAttribute("lang", "it");

    // And switching back to English works the same way
    await page.getByTestId("language-switch").getByRole("link", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a test");
    expect((await context.cookies()).find((entry) => entry.name === "lang")?.value).toBe("en");
  });

  test("help pages exist in Italian, commands unchanged", async ({ page }) => {
    await page.goto("/help/TCP_REFUSED?lang=it");
    await expect(page.locator("html")).toHaveAttribute("lang", "it");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connessione TCP rifiutata");
    await expect(page.getByRole("heading", { name: "Come risolvere" })).toBeVisible();
    await expect(page.getByTestId("help-english-only")).toHaveCount(0);
    // The commands are the English page's, character for character
    const italianCommands = await page.getByTestId("help-command").locator("code").allTextContents();
    expect(italianCommands.length).toBeGreaterThan(0);
    expect(italianCommands).toContain("Test-NetConnection mail.contoso.com -Port 443\nTest-NetConnection mail.contoso.com -Port 25");

    // Every page is translated now; the Italian of a mail page keeps the server's words and the commands in English
    await page.goto("/help/SMTP_OPEN_RELAY");
    await expect(page.getByTestId("help-english-only")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Cosa significa" })).toBeVisible();
    await page.goto("/help/SMTP_OPEN_RELAY?lang=en");
    await expect(page.getByRole("heading", { name: "Cosa significa" })).toHaveCount(0);
  });

  test("a stored result is shown in Italian, steps included, at the same permalink", async ({ page, request }) => {
    // Given a result stored by an English request
    const created = await request.post("/api/tests", { data: { test: "tls-certificate", host: RPC_HOST } });
    expect(created.ok()).toBeTruthy();
    const { id, url } = (await created.json()) as { id: string; url: string };
    const stored = (await (await request.get(`/api/results/${id}`)).json()) as { steps: StoredStep[] };
    const dns = stored.steps.find((step) => step.code === "dns.resolve");
    const tcp = stored.steps.find((step) => step.code === "tcp.connect");
    // The stored text stays English
    expect(dns?.title).toBe(`Attempting to resolve the host name ${RPC_HOST} in DNS.`);
    expect(tcp?.title).toMatch(/^Testing TCP port \d+ on host /);

    // When an Italian reader opens the permalink
    await page.goto(`${url}?lang=it`);

    // Then the page and the connectivity steps are in Italian
    await expect(page.locator("html")).toHaveAttribute("lang", "it");
    await expect(page.getByRole("heading", { name: "Passaggi del test" })).toBeVisible();
    await expect(page.getByTestId("verdict")).toHaveText(/^Test di connettività/);
    await expect(page.locator('[data-step-tree] [data-code="dns.resolve"] > summary')).toContainText(
      `Tentativo di risolvere il nome host ${RPC_HOST} nel DNS.`,
    );
    await expect(page.locator('[data-step-tree] [data-code="tcp.connect"] > summary')).toContainText(/Verifica della porta TCP \d+ sull'host/);

    // And the same permalink in English shows the stored English
    await page.goto(`${url}?lang=en`);
    await expect(page.locator('[data-step-tree] [data-code="dns.resolve"] > summary')).toContainText(dns!.title);
  });
});
