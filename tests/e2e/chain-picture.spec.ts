import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import Database from "better-sqlite3";

/**
 * The chain picture on a certificate result: the built path drawn as boxes, leaf → intermediate → root, each saying
 * where its certificate came from. Server-rendered, so it reads without JavaScript and prints.
 * The lab's mail.contoso.test serves *.contoso.test and "RCA Test Issuing CA 1"; "RCA Test Root CA" is trusted through
 * NODE_EXTRA_CA_CERTS only (tests/e2e/global-setup.ts).
 */

const SHOTS = "test-results/screenshots";
const HOST = "mail.contoso.test";
const LEAF = "CN=*.contoso.test";
const INTERMEDIATE = "CN=RCA Test Issuing CA 1, O=RCA Tests";
const ROOT = "CN=RCA Test Root CA, O=RCA Tests";
const FIXTURE = join(process.cwd(), "tests", "fixtures", "results", "tls-certificate-before-i18n.json");
const DAY = 24 * 60 * 60 * 1000;

interface StoredStep {
  code: string;
  details?: Record<string, unknown>;
  children: StoredStep[];
}

function find(steps: StoredStep[], code: string): StoredStep | undefined {
  for (const step of steps) {
    if (step.code === code) return step;
    const inner = find(step.children, code);
    if (inner) return inner;
  }
  return undefined;
}

/** Dates as the picture writes them in English (components/chain-picture.tsx): "27 Nov 2026", in UTC. */
function shortDate(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(iso));
}

/** One run of the test for the whole file: every POST counts against the per-client rate limit the suite shares. */
async function runTlsCertificate(request: APIRequestContext): Promise<{ url: string; trust: StoredStep }> {
  const created = await request.post("/api/tests", { data: { test: "tls-certificate", host: HOST } });
  expect(created.status()).toBe(201);
  const { id, url } = (await created.json()) as { id: string; url: string };
  const stored = (await (await request.get(`/api/results/${id}`)).json()) as { steps: StoredStep[] };
  const trust = find(stored.steps, "tls.certificate.trust");
  expect(trust, "the result has a trust step").toBeDefined();
  return { url, trust: trust! };
}

/** Opens a step's <details> (and every step around it) by clicking summaries: no JavaScript needed. */
async function openStep(page: Page, step: Locator): Promise<void> {
  const chain = [page.locator('[data-testid="step"][data-code="tls.certificate"]').first(), step];
  for (const details of chain) {
    if ((await details.getAttribute("open")) === null) await details.locator(":scope > summary").click();
  }
}

async function expectTrustedPath(picture: Locator): Promise<void> {
  const boxes = picture.getByTestId("chain-cert");
  await expect(boxes).toHaveCount(3);
  const sources = await boxes.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-source")));
  expect(sources).toEqual(["sent", "sent", "trust-store"]);
  const roles = await boxes.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-role")));
  expect(roles).toEqual(["leaf", "intermediate", "root"]);
  await expect(boxes.nth(0)).toContainText(LEAF);
  await expect(boxes.nth(1)).toContainText(INTERMEDIATE);
  await expect(boxes.nth(2)).toContainText(ROOT);
  await expect(picture.locator('[data-source="missing"]')).toHaveCount(0);
}

/**
 * The text Chromium prints into a PDF: Skia writes no object streams, so each page's content stream is read, its
 * glyphs mapped back to text through each font's ToUnicode map. Good enough to find words; not a general PDF reader.
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const objects = new Map<string, { dict: string; stream?: string }>();
  for (const match of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2] ?? "";
    const start = body.indexOf("stream");
    if (start < 0) {
      objects.set(match[1]!, { dict: body });
      continue;
    }
    const dict = body.slice(0, start);
    let data = Buffer.from(body.slice(start + "stream".length).replace(/^\r?\n/, ""), "latin1");
    data = data.subarray(0, data.lastIndexOf("endstream"));
    if (/\/FlateDecode/.test(dict)) {
      try {
        data = inflateSync(data);
      } catch {
        data = Buffer.alloc(0);
      }
    }
    objects.set(match[1]!, { dict, stream: data.toString("latin1") });
  }
  const utf16 = (hex: string) => Buffer.from(hex, "hex").swap16().toString("utf16le");
  const toUnicode = (id: string): Map<number, string> => {
    const map = new Map<number, string>();
    const cmap = objects.get(id)?.stream ?? "";
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const m of (block[1] ?? "").matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(m[1]!, 16), utf16(m[2]!));
    }
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const m of (block[1] ?? "").matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const [low, high, first] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
        for (let glyph = low; glyph <= high; glyph++) map.set(glyph, String.fromCodePoint(first + glyph - low));
      }
    }
    return map;
  };
  let text = "";
  for (const { dict } of objects.values()) {
    if (!/\/Type\s*\/Page\b/.test(dict)) continue;
    const fonts = new Map<string, Map<number, string>>();
    for (const m of (/\/Font\s*<<([\s\S]*?)>>/.exec(dict)?.[1] ?? "").matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) {
      const cmap = /\/ToUnicode\s+(\d+) 0 R/.exec(objects.get(m[2]!)?.dict ?? "")?.[1];
      fonts.set(m[1]!, cmap ? toUnicode(cmap) : new Map());
    }
    const contents = /\/Contents\s+(\d+) 0 R/.exec(dict)?.[1];
    let font = new Map<number, string>();
    for (const m of (contents ? (objects.get(contents)?.stream ?? "") : "").matchAll(
      /\/(\S+)\s+[\d.]+\s+Tf|(<[0-9A-Fa-f\s]*>|\[[^\]]*\])\s*T[jJ]|\b[BE]T\b/g,
    )) {
      if (m[1]) font = fonts.get(m[1]) ?? new Map();
      else if (!m[2]) text += " ";
      else {
        for (const hex of m[2].matchAll(/<([0-9A-Fa-f\s]*)>/g)) {
          const glyphs = (hex[1] ?? "").replace(/\s/g, "");
          for (let i = 0; i + 4 <= glyphs.length; i += 4) text += font.get(parseInt(glyphs.slice(i, i + 4), 16)) ?? "";
        }
      }
    }
    text += "\n";
  }
  return text;
}

/** Compared without spacing (the PDF splits runs where it kerns) and with ligatures unfolded ("ﬁ" → "fi"). */
const squeeze = (text: string) => text.normalize("NFKC").replace(/\s+/g, "");

test.describe("the chain picture on a certificate result", () => {
  let run: { url: string; trust: StoredStep };
  test.beforeAll(async ({ playwright }, testInfo) => {
    const request = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
    run = await runTlsCertificate(request);
    await request.dispose();
  });

  test("draws leaf → intermediate → root, sent, sent and from the trust store, with key, signature and dates", async ({ page }) => {
    const { url, trust } = run;
    const chain = trust.children.filter((child) => child.code === "tls.certificate.trust.chain").map((child) => child.details ?? {});
    expect(chain.map((cert) => cert.source)).toEqual(["sent", "sent", "trust-store"]);

    await page.goto(url);
    const step = page.locator('[data-testid="step"][data-code="tls.certificate.trust"]');
    await expect(step).toHaveCount(1);
    await page.getByTestId("expand-all").click();
    const picture = step.getByTestId("chain-picture");
    await expect(picture).toBeVisible();
    await expect(picture).toHaveAttribute("data-chain-status", "trusted");
    await expectTrustedPath(picture);

    const boxes = picture.getByTestId("chain-cert");
    await expect(boxes.nth(0)).toContainText("Sent by the server (#1)");
    await expect(boxes.nth(1)).toContainText("Sent by the server (#2)");
    await expect(boxes.nth(2)).toContainText("From the trust store");
    await expect(boxes.nth(0)).toContainText(/EC 256 bits/);
    await expect(boxes.nth(1)).toContainText("RSA 2048 bits");
    await expect(boxes.nth(0)).toContainText("SHA-256 with RSA");
    for (const [index, cert] of chain.entries()) {
      await expect(boxes.nth(index)).toContainText(`${shortDate(String(cert.notBefore))} to ${shortDate(String(cert.notAfter))}`);
    }
    // Boxes side by side on a desktop screen: the intermediate to the right of the leaf.
    const [first, second] = [await boxes.nth(0).boundingBox(), await boxes.nth(1).boundingBox()];
    expect(second!.x).toBeGreaterThan(first!.x + first!.width);
    await picture.screenshot({ path: `${SHOTS}/chain-picture.png` });

    // In the reader's language.
    await page.goto(`${url}?lang=it`);
    await page.getByTestId("expand-all").click();
    const italian = page.locator('[data-testid="step"][data-code="tls.certificate.trust"]').getByTestId("chain-picture");
    await expect(italian.getByTestId("chain-cert").nth(2)).toContainText("Dall'archivio attendibile");
    await expect(italian.getByTestId("chain-cert").nth(0)).toContainText("Inviato dal server (n. 1)");
  });

  test("shows without JavaScript", async ({ browser }) => {
    const { url } = run;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url);
    const step = page.locator('[data-testid="step"][data-code="tls.certificate.trust"]');
    // In the server's HTML, then shown by opening the steps the way a reader does: native <details>.
    await expect(step.getByTestId("chain-picture")).toHaveCount(1);
    await openStep(page, step);
    await expect(step.getByTestId("chain-picture")).toBeVisible();
    await expectTrustedPath(step.getByTestId("chain-picture"));
    await context.close();
  });

  test("prints: the picture is in the PDF, every step expanded", async ({ page }) => {
    const { url } = run;
    await page.goto(url);
    await expect(page.getByTestId("verdict")).toBeVisible();
    await page.emulateMedia({ media: "print" });
    // No step opened by hand: print shows every step, and the picture with it.
    const picture = page.locator('[data-testid="step"][data-code="tls.certificate.trust"]').getByTestId("chain-picture");
    await expect(picture).toBeVisible();
    await expectTrustedPath(picture);

    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = squeeze(pdfText(pdf));
    expect(text).toContain(squeeze("Certificate path, from the server's certificate to the root"));
    for (const words of ["Sent by the server (#1)", "Sent by the server (#2)", "From the trust store", INTERMEDIATE, "RCA Test Root CA", "RSA 2048 bits"]) {
      expect(text, words).toContain(squeeze(words));
    }
  });

  test("draws a result stored before the picture existed: what is there, and the missing issuer of a self-signed certificate", async ({ page }) => {
    const stored = JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown>;
    const id = "chainPictureOld000000A";
    const file = process.env.RCA_E2E_DATABASE_FILE;
    if (!file) throw new Error("global setup didn't say where the e2e store is");
    const db = new Database(file);
    try {
      db.prepare(
        "INSERT OR REPLACE INTO results (id, test, verdict, created_at, expires_at, result_json, delete_token_hash, host) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)",
      ).run(id, String(stored.test), String(stored.verdict), Date.now() - DAY, Date.now() + DAY, JSON.stringify({ ...stored, id }), "127.0.250.2");
    } finally {
      db.close();
    }

    await page.goto(`/r/${id}`);
    const step = page.locator('[data-testid="step"][data-code="tls.certificate.trust"]');
    await openStep(page, step);
    const picture = step.getByTestId("chain-picture");
    await expect(picture).toBeVisible();
    const boxes = picture.getByTestId("chain-cert");
    await expect(boxes).toHaveCount(2);
    await expect(boxes.nth(0)).toHaveAttribute("data-source", "sent");
    await expect(boxes.nth(0)).toContainText("CN=mail.contoso.test");
    await expect(boxes.nth(1)).toHaveAttribute("data-source", "missing");
    await expect(boxes.nth(1)).toContainText("Missing issuer");
  });
});
