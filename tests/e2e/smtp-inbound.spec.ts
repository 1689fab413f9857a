import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { chainPem, createTestPki, type TestPki } from "../support/pki";
import { startPostfix, type RunningPostfix } from "../support/postfix";

/**
 * Inbound SMTP in the browser: a real Postfix with STARTTLS on 127.0.110.40, port 25 (the app's default allowed
 * ports), named by its address, so the app's DNS needs no MX record for it.
 */

const SHOTS = "test-results/screenshots";
const ADDRESS = "127.0.110.40";

let pki: TestPki;
let postfix: RunningPostfix;

test.beforeAll(async () => {
  pki = await createTestPki();
  const leaf = await pki.issueLeaf({ commonName: "mx.contoso.test", dnsNames: ["mx.contoso.test"], ipAddresses: [ADDRESS] });
  const certFile = join(pki.dir, "mx.crt");
  const keyFile = join(pki.dir, "mx.key");
  await writeFile(certFile, chainPem(leaf, pki.intermediate));
  await writeFile(keyFile, leaf.keyPem, { mode: 0o600 });
  postfix = await startPostfix({ address: ADDRESS, port: 25, hostname: "mx.contoso.test", tls: { certFile, keyFile } });
});

test.afterAll(async () => {
  await postfix?.stop();
  await pki?.cleanup();
});

test.describe("Inbound SMTP, end to end in Chromium", () => {
  test("an admin tests a mail server by address and reads the MX, banner, STARTTLS and certificate steps", async ({ page }) => {
    // Given the inbound SMTP test with the mail server's address typed in
    await page.goto("/tests/smtp-inbound");
    await page.locator('input[name="host"]').fill(ADDRESS);

    // When the test runs
    await page.getByTestId("submit").click();
    await page.waitForURL(/\/r\/[A-Za-z0-9_-]{16,}$/);

    // Then the MX step says the named server was tested, and the dialog's steps follow
    const stepOf = (code: string) => page.locator(`[data-testid="step"][data-code="${code}"]`).first();
    await expect(stepOf("smtp.mx")).toHaveAttribute("data-status", "info");
    await expect(stepOf("smtp.mx")).toContainText(ADDRESS);
    await expect(stepOf("smtp.banner")).toContainText("mx.contoso.test ESMTP");
    await expect(stepOf("smtp.ehlo")).toHaveAttribute("data-status", "success");
    // The lab's certificate comes from another test CA than the app trusts: a warning, as opportunistic TLS allows.
    await expect(stepOf("smtp.starttls")).toHaveAttribute("data-status", /success|warning/);
    await expect(stepOf("tls.certificate")).toBeVisible();
    await expect(stepOf("tls.certificate.obtain")).toHaveAttribute("data-status", "success");
    await expect(stepOf("smtp.relay")).toHaveAttribute("data-status", "success");
    await page.screenshot({ path: `${SHOTS}/20-smtp-inbound.png`, fullPage: true });
  });
});
