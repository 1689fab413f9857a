import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { ANALYZERS, TestInputSchema } from "@/lib/analyzers/catalog";
import { ApiError, RateLimitedError, validationError } from "@/lib/api/errors";
import { formErrorLocale, formErrorPage } from "@/lib/api/form-error-page";
import { pemInputProblem } from "@/lib/cert/pem-input";
import { placeholdersOf, renderTemplate, type MessageTree } from "@/lib/i18n/format";
import { MESSAGES } from "@/lib/i18n/messages";
import type * as Catalogues from "@/lib/i18n/messages";
import { validationEn, validationIt } from "@/lib/i18n/messages/validation";
import { translateValidation, validationKey } from "@/lib/i18n/validation";
import { leaves } from "../support/i18n-texts";

/**
 * Validation messages in the reader's language (lib/i18n/validation.ts, lib/i18n/messages/validation.ts): every
 * message a test's schema can give the form is in the catalogue word for word, the Italian has the same
 * placeholders, and the form and the no-JavaScript error page show the Italian while the API stays English.
 */

// The catalogues as they are once the `validation` section is merged into en.ts and it.ts (the lead's merge; a no-op
// after it): the error page reads the catalogue of the request's language.
vi.mock("@/lib/i18n/messages", async (importOriginal) => {
  const original = await importOriginal<typeof Catalogues>();
  const validation = await import("@/lib/i18n/messages/validation");
  const merged: Record<string, MessageTree> = {
    en: { ...original.MESSAGES.en, validation: validation.validationEn },
    it: { ...original.MESSAGES.it, validation: validation.validationIt },
  };
  return { ...original, MESSAGES: merged, messagesFor: (locale: string) => merged[locale] };
});

const EN: MessageTree = { validation: validationEn };
const IT: MessageTree = { validation: validationIt };

const EN_LEAVES = leaves(validationEn);
const IT_LEAVES = leaves(validationIt);

/** The groups whose texts the test schemas produce (the others: the API's request errors and the page's own text). */
const SCHEMA_GROUPS = new Set(["input", "tests", "certificates"]);

// ---------------------------------------------------------------------------------------------------------------
// Every message the schemas can give

const PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ0FGRQ==\n-----END CERTIFICATE-----";
const PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
/** Longer than any text input accepts, the pasted certificates (512 Ki characters) included. */
const TOO_LONG = "x".repeat(512 * 1024 + 1);

/** A valid value for each input name of the tests (a schema may still ask for more, e.g. credentials). */
const VALID: Record<string, unknown> = {
  host: "mail.contoso.com",
  emailAddress: "user@contoso.com",
  domain: "contoso.com",
  ip: "203.0.113.25",
  recipient: "postmaster@contoso.com",
  port: "443",
  certificates: PEM,
  trustedRoots: PEM,
  at: "2026-12-01",
  mutualAuthPrincipal: "msstd:mail.contoso.com",
  username: "CONTOSO\\jsmith",
  password: "secret",
  authMethod: "ntlm",
  security: "tls",
};

/** Bad (or telling) values any field may get from a form post, or from an API call for the last few. */
const CANDIDATES: unknown[] = [
  "",
  "   ",
  "true",
  "bogus value!",
  "user@",
  "https://mail.contoso.com/owa",
  "mail.contoso.com",
  "10.0.0.1",
  "0",
  "70000",
  "2026-13-45",
  "msstd:",
  PRIVATE_KEY,
  "x".repeat(5000),
  TOO_LONG,
  42,
  false,
];

/** Marks zod's own messages (no message of ours): they are not the catalogue's business. */
const ZOD_DEFAULT = "(zod default)";

function messagesOf(schema: (typeof ANALYZERS)[number]["schema"], input: Record<string, unknown>): string[] {
  const parsed = schema.safeParse(input, { error: () => ZOD_DEFAULT });
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message).filter((message) => message !== ZOD_DEFAULT);
}

/** Every custom message of every test's schema, over the test's empty form, a valid one, and each field made bad in turn. */
function schemaMessages(): Set<string> {
  const found = new Set<string>();
  for (const analyzer of ANALYZERS) {
    const names = Object.keys((analyzer.schema as unknown as { shape?: object }).shape ?? {}).concat(analyzer.fields.map((field) => field.name));
    const inputs = [...new Set(names)].filter((name) => name !== "test");
    const valid = Object.fromEntries(inputs.filter((name) => name in VALID).map((name) => [name, VALID[name]]));
    for (const base of [{ test: analyzer.id }, { test: analyzer.id, ...valid }]) {
      for (const message of messagesOf(analyzer.schema, base)) found.add(message);
      for (const name of inputs) {
        for (const value of CANDIDATES) for (const message of messagesOf(analyzer.schema, { ...base, [name]: value })) found.add(message);
      }
    }
  }
  // The pasted-certificate problems, as exported.
  for (const text of [PRIVATE_KEY, "not a certificate", ""]) {
    const problem = pemInputProblem(text);
    if (problem) found.add(problem);
  }
  return found;
}

const SCHEMA_MESSAGES = schemaMessages();

describe("the validation catalogue", () => {
  it("knows every message the test schemas give, word for word or by its pattern", () => {
    expect(SCHEMA_MESSAGES.size).toBeGreaterThan(20);
    expect([...SCHEMA_MESSAGES].filter((message) => validationKey(message) === undefined)).toEqual([]);
  });

  it("has no text the schemas no longer give", () => {
    const used = new Set([...SCHEMA_MESSAGES].map((message) => validationKey(message)?.key));
    const stale = [...EN_LEAVES.keys()].filter((key) => SCHEMA_GROUPS.has(key.split(".")[0] ?? "") && !used.has(key));
    expect(stale).toEqual([]);
  });

  it("gives back each English message exactly from its English template", () => {
    for (const message of SCHEMA_MESSAGES) expect(translateValidation(message, EN)).toBe(message);
  });

  it("knows the API's own request errors the form can show", () => {
    const unknownTest = TestInputSchema.safeParse({ test: "nope" });
    const badInput = TestInputSchema.safeParse({ test: "tls-certificate", host: "", port: "0" });
    const samples = [
      unknownTest.success ? "" : (unknownTest.error.issues[0]?.message ?? ""),
      badInput.success ? "" : validationError(badInput.error).message,
      "The request body is larger than 1048576 bytes.",
      "Tests can't be started from another site's page. Open the analyzer itself and run the test there.",
      "Too many tests started (at most 10 per 1 min). Try again in 42 s.",
      "Too many tests of mail.contoso.com right now (at most 40 per 1 min, from everyone together). Try again in 3 min.",
    ];
    expect(samples.map((message) => validationKey(message)?.key)).toEqual([
      "request.chooseTest",
      "request.invalidInput",
      "request.tooLarge",
      "request.crossSite",
      "request.tooManyTests",
      "request.tooManyTestsOfTarget",
    ]);
    for (const message of samples) {
      expect(translateValidation(message, EN)).toBe(message);
      expect(translateValidation(message, IT)).not.toBe(message);
    }
  });

  it("has the English keys in Italian, with the same placeholders and no empty or untranslated text", () => {
    expect([...IT_LEAVES.keys()]).toEqual([...EN_LEAVES.keys()]);
    for (const [key, english] of EN_LEAVES) {
      const italian = IT_LEAVES.get(key) ?? "";
      expect(placeholdersOf(italian), key).toEqual(placeholdersOf(english));
      expect(italian.trim(), key).not.toBe("");
      if (!key.endsWith(".chooseTest")) expect(italian, key).not.toBe(english);
    }
  });

  it("renders the same as a plain template and as an ICU message (next-intl), in both languages", () => {
    for (const [locale, tree] of [
      ["en", EN],
      ["it", IT],
    ] as const) {
      const errors: string[] = [];
      const t = createTranslator({ locale, messages: tree, onError: (error) => errors.push(error.message) });
      for (const [key, template] of leaves(tree)) {
        expect(template, key).not.toMatch(/'[{}]|[<>]/);
        const values = Object.fromEntries(placeholdersOf(template).map((name) => [name, `[${name}]`]));
        expect(t(key as never, values as never), key).toBe(renderTemplate(tree, key, values));
      }
      expect(errors).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Translating real zod issues

function issues(input: Record<string, unknown>): Array<{ path: string; message: string }> {
  const parsed = TestInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("translateValidation", () => {
  it("shows the schema's messages in Italian, placeholders filled", () => {
    const found = issues({ test: "tls-certificate", host: "", port: "70000" });
    expect(found.map((issue) => issue.path)).toEqual(["host", "port"]);
    expect(found.map((issue) => translateValidation(issue.message, IT))).toEqual([
      "Inserisci un nome host o un indirizzo IP.",
      "La porta deve essere un numero intero compreso tra 1 e 65535.",
    ]);
    const long = issues({ test: "imap", host: "imap.contoso.com", username: "u".repeat(300), password: "p" });
    expect(long.map((issue) => translateValidation(issue.message, IT))).toEqual(["Il nome utente ha al massimo 256 caratteri."]);
    const outlook = issues({ test: "outlook-anywhere", useAutodiscover: "true" }).map((issue) => translateValidation(issue.message, IT));
    expect(outlook).toContain("Inserisci l'indirizzo e-mail che Autodiscover deve cercare.");
  });

  it("shows the private-key refusal in Italian", () => {
    const found = issues({ test: "certificate-file", certificates: PRIVATE_KEY });
    expect(translateValidation(found[0]?.message ?? "", IT)).toMatch(/^Questo testo contiene una chiave privata/);
  });

  it("leaves a message it doesn't know, and any message when the catalogue has no validation section, in English", () => {
    expect(translateValidation("Invalid input: expected string, received number", IT)).toBe("Invalid input: expected string, received number");
    expect(translateValidation("Enter a host name or IP address.", {})).toBe("Enter a host name or IP address.");
    expect(translateValidation("Inserisci un nome host o un indirizzo IP.", IT)).toBe("Inserisci un nome host o un indirizzo IP.");
  });

  it("is the section the catalogues carry once merged", async () => {
    const actual = await vi.importActual<typeof Catalogues>("@/lib/i18n/messages");
    // Until the lead merges `validation` into en.ts and it.ts the pages show these messages in English.
    if (actual.MESSAGES.en.validation !== undefined) {
      expect(actual.MESSAGES.en.validation).toEqual(validationEn);
      expect(actual.MESSAGES.it.validation).toEqual(validationIt);
    }
    expect(MESSAGES.it.validation).toEqual(validationIt);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The no-JavaScript error page

const REFERER = "http://analyzer.test/tests/tls-certificate";

function badRequest(): ApiError {
  const parsed = TestInputSchema.safeParse({ test: "tls-certificate", host: "https://mail.contoso.com/<owa>", port: "0" });
  if (parsed.success) throw new Error("expected invalid input");
  return validationError(parsed.error);
}

describe("the form error page", () => {
  it("is unchanged in English (no headers, or a reader who asks for English)", async () => {
    const expected =
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Check the form – Remote Connectivity Analyzer</title>\n` +
      `<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2328}h1{font-size:1.4rem}li{margin:.4rem 0}a{color:#0b5cad}</style></head>\n` +
      `<body><h1>The test didn't run: check these fields</h1><ul>` +
      `<li><strong>host</strong>: Enter a valid host name (like mail.contoso.com) or an IP address, without https:// or a path.</li>` +
      `<li><strong>port</strong>: The port must be a whole number between 1 and 65535.</li>` +
      `</ul><p><a href="/tests/tls-certificate">Back to the form</a> (use your browser's Back button to keep what you typed).</p></body></html>`;
    const plain = formErrorPage(badRequest(), REFERER);
    expect(plain?.status).toBe(400);
    expect(await plain?.text()).toBe(expected);
    const english = formErrorPage(badRequest(), REFERER, new Headers({ "accept-language": "en-GB,it;q=0.5" }));
    expect(await english?.text()).toBe(expected);
  });

  it("speaks Italian to an Italian reader, messages and page alike, and keeps its Content-Security-Policy", async () => {
    const plain = formErrorPage(badRequest(), REFERER);
    const page = formErrorPage(badRequest(), REFERER, new Headers({ cookie: "theme=dark; lang=it" }));
    expect(page?.status).toBe(400);
    expect(page?.headers.get("content-security-policy")).toBe(plain?.headers.get("content-security-policy"));
    const html = (await page?.text()) ?? "";
    expect(html).toContain('<html lang="it">');
    expect(html).toContain("<title>Controlla il modulo – Remote Connectivity Analyzer</title>");
    expect(html).toContain("<h1>Il test non è stato eseguito: controlla questi campi</h1>");
    expect(html).toContain("<li><strong>port</strong>: La porta deve essere un numero intero compreso tra 1 e 65535.</li>");
    expect(html).toContain("<strong>host</strong>: Inserisci un nome host valido (come mail.contoso.com) o un indirizzo IP, senza https:// né percorso.");
    expect(html).toContain('<a href="/tests/tls-certificate">Torna al modulo</a> (usa il pulsante Indietro del browser');
    expect(html).toContain("<style>body{font-family:system-ui");
  });

  it("translates the rate limit's page and message, and escapes what it shows", async () => {
    const error = new RateLimitedError("Too many tests of <x>.contoso.com right now (at most 4 per 1 min, from everyone together). Try again in 30 s.", 30);
    const page = formErrorPage(error, REFERER, new Headers({ "accept-language": "it-IT,it;q=0.9,en;q=0.8" }));
    expect(page?.status).toBe(429);
    expect(page?.headers.get("retry-after")).toBe("30");
    const html = (await page?.text()) ?? "";
    expect(html).toContain("<h1>Il test non è stato eseguito: troppi test</h1>");
    expect(html).toContain("<li>Troppi test di &lt;x&gt;.contoso.com in questo momento (al massimo 4 per 1 min, da tutti insieme). Riprova tra 30 s.</li>");
  });

  it("is no page for errors a person can't fix on the form", () => {
    expect(formErrorPage(new ApiError("internal", "boom"), REFERER, new Headers({ cookie: "lang=it" }))).toBeUndefined();
    expect(formErrorPage(new Error("boom"), REFERER)).toBeUndefined();
  });

  it("negotiates the language as the pages do: the form's ?lang=, then the cookie, then Accept-Language", () => {
    expect(formErrorLocale(new Headers())).toBe("en");
    expect(formErrorLocale(new Headers({ "accept-language": "it-CH, en;q=0.5" }))).toBe("it");
    expect(formErrorLocale(new Headers({ "accept-language": "it", cookie: "lang=en" }))).toBe("en");
    expect(formErrorLocale(new Headers({ cookie: "lang=it", referer: `${REFERER}?lang=en` }))).toBe("en");
    expect(formErrorLocale(new Headers({ cookie: "lang=xx", referer: `${REFERER}?host=a`, "accept-language": "de, it;q=0.3" }))).toBe("it");
    expect(formErrorLocale(new Headers({ referer: "not a url", cookie: "xlang=it" }))).toBe("en");
  });
});
