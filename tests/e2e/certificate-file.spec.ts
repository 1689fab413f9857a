import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

/** A certificate as Windows exports it by default: binary DER in a .cer file (made by Debian's openssl). */
function derCertificate(dir: string, name: string): string {
  const file = join(dir, `${name}.cer`);
  execFileSync("openssl", [
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:P-256",
    "-nodes",
    "-days",
    "30",
    "-subj",
    `/CN=${name}`,
    "-addext",
    `subjectAltName=DNS:${name}`,
    "-keyout",
    join(dir, "key.pem"),
    "-outform",
    "DER",
    "-out",
    file,
  ]);
  return file;
}

test.describe("Certificate file: checking a certificate before installing it", () => {
  test("a .cer file chosen in the form is read in the browser, checked for every host name, and its principal advised", async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), "rca-e2e-cert-"));
    try {
      const file = derCertificate(dir, "mail.contoso.test");
      await page.goto("/tests/certificate-file");
      await page.getByTestId("pem-file-certificates").setInputFiles(file);
      // The binary file became PEM text in the field: that text is all the server receives.
      await expect(page.locator('textarea[name="certificates"]')).toHaveValue(/^-----BEGIN CERTIFICATE-----\n/);
      await page.locator('input[name="host"]').fill("mail.contoso.test, autodiscover.contoso.test");
      await page.getByTestId("submit").click();
      await page.waitForURL(/\/r\/[A-Za-z0-9_-]{16,}$/, { timeout: 30_000 });

      const body = page.locator("main");
      await expect(body).toContainText("Reading the certificates you pasted.");
      await expect(body).toContainText("Validating the certificate name autodiscover.contoso.test.");
      await expect(body).toContainText("CERT_NAME_MISMATCH");
      await expect(body).toContainText("CERT_SELF_SIGNED");
      await page.getByTestId("expand-all").click();
      await expect(body).toContainText('Set-OutlookProvider EXPR -CertPrincipalName:"msstd:mail.contoso.test"');
      await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "error");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a private key is refused next to the field, and nothing runs", async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), "rca-e2e-key-"));
    try {
      derCertificate(dir, "mail.contoso.test");
      await page.goto("/tests/certificate-file");
      await page.locator('textarea[name="certificates"]').fill(readFileSync(join(dir, "key.pem"), "utf8"));
      await page.getByTestId("submit").click();
      await expect(page.getByTestId("error-certificates")).toContainText("private key");
      await expect(page).toHaveURL(/\/tests\/certificate-file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
