import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { analyzerOf } from "@/lib/analyzers/catalog";
import { TEST_GROUPS } from "@/lib/analyzers/definition";
import { stepTextFields, text } from "@/lib/engine/text";
import { HELP_GROUPS } from "@/lib/help/types";
import { LOCALES } from "@/lib/i18n/config";
import { fieldHint, fieldLabel, HELP_GROUP_KEYS, TEST_GROUP_KEYS, testAbout, testSummary, testTitle } from "@/lib/i18n/definitions";
import { lookupTemplate, type MessageTree } from "@/lib/i18n/format";
import { MESSAGES } from "@/lib/i18n/messages";
import { en } from "@/lib/i18n/messages/en";
import { it as italian } from "@/lib/i18n/messages/it";
import { stepMessage, stepTitle } from "@/lib/i18n/step-text";
import { leaves } from "../support/i18n-texts";

/**
 * The message catalogues (lib/i18n/messages): the same keys in every language, the same placeholders per key, no
 * empty text, valid ICU where next-intl formats it, and every key the code uses present.
 */

/** Namespaces read as plain `{name}` templates (lib/i18n/format.ts), not as ICU messages. */
const TEMPLATE_NAMESPACES = new Set(["steps", "engine", "tests", "fields"]);

/** The tests whose definitions are in the catalogues; a newer one falls back to English until it is added. */
const TRANSLATED_TESTS = [
  "activesync",
  "autodiscover",
  "ews",
  "mapi-http",
  "outlook-anywhere",
  "tls-certificate",
  "smtp-inbound",
  "smtp-outbound",
  "imap",
  "pop",
  "certificate-file",
] as const;

/** The argument names of a message: `{name}` and the `{name, plural, …}` of ICU; branch text (`{# checks}`) is not one. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\}|,)/g)].map((match) => match[1] ?? ""))].sort();
}

function keyNames(tree: MessageTree): string[] {
  return Object.entries(tree).flatMap(([key, value]) => [key, ...(typeof value === "string" ? [] : keyNames(value))]);
}

const EN = leaves(MESSAGES.en);

describe("message catalogues", () => {
  it.each(LOCALES.filter((locale) => locale !== "en"))("%s has exactly the English keys", (locale) => {
    const other = leaves(MESSAGES[locale]);
    expect([...other.keys()].filter((key) => !EN.has(key))).toEqual([]);
    expect([...EN.keys()].filter((key) => !other.has(key))).toEqual([]);
  });

  it.each(LOCALES.filter((locale) => locale !== "en"))("%s uses the same placeholders as English in every message", (locale) => {
    const other = leaves(MESSAGES[locale]);
    const differing = [...EN].filter(([key, english]) => JSON.stringify(argumentsOf(english)) !== JSON.stringify(argumentsOf(other.get(key) ?? "")));
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it.each(LOCALES)("%s has no empty message", (locale) => {
    const empty = [...leaves(MESSAGES[locale])].filter(([, message]) => message.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(LOCALES)("%s has no key next-intl would reject (a dot in a name)", (locale) => {
    expect(keyNames(MESSAGES[locale]).filter((name) => name.includes("."))).toEqual([]);
  });

  it.each(LOCALES)("%s formats every ICU message with next-intl (no syntax error, no quoting apostrophe)", (locale) => {
    const errors: string[] = [];
    const t = createTranslator({ locale, messages: MESSAGES[locale], onError: (error) => errors.push(error.message) });
    for (const [key, message] of leaves(MESSAGES[locale])) {
      if (TEMPLATE_NAMESPACES.has(key.split(".")[0] ?? "")) continue;
      // An apostrophe right before a brace starts ICU quoting and silently swallows the placeholder.
      expect(message, key).not.toMatch(/'[{}]/);
      const values = Object.fromEntries(argumentsOf(message).map((name) => [name, name === "count" ? 2 : `<${name}>`]));
      const formatted = t(key as never, values as never) as string;
      expect(formatted, key).not.toBe(key);
    }
    expect(errors).toEqual([]);
  });

  it("names every test group and help group", () => {
    for (const group of TEST_GROUPS) expect(lookupTemplate(MESSAGES.it, `catalog.groups.${TEST_GROUP_KEYS[group]}.name`)).toBeTruthy();
    for (const group of HELP_GROUPS) expect(lookupTemplate(MESSAGES.it, `help.groups.${HELP_GROUP_KEYS[group]}`)).toBeTruthy();
    // The English names are the groups' own.
    for (const group of HELP_GROUPS) expect(lookupTemplate(MESSAGES.en, `help.groups.${HELP_GROUP_KEYS[group]}`)).toBe(group);
    for (const group of TEST_GROUPS) expect(lookupTemplate(MESSAGES.en, `catalog.groups.${TEST_GROUP_KEYS[group]}.name`)).toBe(group);
  });
});

/** Every TypeScript file under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("keys used by the code", () => {
  it("every step text key passed to text() exists in every catalogue", () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles("lib"), ...sourceFiles("app"), ...sourceFiles("components")]) {
      for (const match of readFileSync(file, "utf8").matchAll(/\btext\(\s*"([^"]+)"/g)) used.add(match[1] ?? "");
    }
    expect(used.size).toBeGreaterThan(5);
    for (const locale of LOCALES) {
      expect([...used].filter((key) => lookupTemplate(MESSAGES[locale], key) === undefined)).toEqual([]);
    }
  });

  it.each(TRANSLATED_TESTS)("the catalogues still match the definition of %s, and translate all of it", (id) => {
    const test = analyzerOf(id)!;
    expect(test).toBeDefined();
    // The English catalogue copies the definition word for word (else the translation is stale and not used).
    expect(testTitle(MESSAGES.en, test)).toBe(test.title);
    expect(lookupTemplate(MESSAGES.en, `tests.${id}.title`)).toBe(test.title);
    expect(lookupTemplate(MESSAGES.en, `tests.${id}.summary`)).toBe(test.summary);
    test.about.forEach((line, index) => expect(lookupTemplate(MESSAGES.en, `tests.${id}.about.step${index + 1}`)).toBe(line));
    expect(Object.keys((en.tests as Record<string, { about: object }>)[id]!.about)).toHaveLength(test.about.length);

    // Italian: every text of the test comes from the Italian catalogue.
    expect(testSummary(MESSAGES.it, test)).toBe(lookupTemplate(MESSAGES.it, `tests.${id}.summary`));
    expect(testAbout(MESSAGES.it, test)).toEqual(test.about.map((_, index) => lookupTemplate(MESSAGES.it, `tests.${id}.about.step${index + 1}`)));
    for (const field of test.fields) {
      const keys = (property: string) => [`fields.${id}.${field.name}.${property}`, `fields.common.${field.name}.${property}`];
      const port = field.kind === "text" && field.default !== undefined ? field.default : "";
      const italianOf = (property: string) =>
        keys(property)
          .map((key) => lookupTemplate(MESSAGES.it, key)?.replace("{port}", port))
          .find((value) => value !== undefined);
      expect(fieldLabel(MESSAGES.it, id, field), `${id}.${field.name}.label`).toBe(italianOf("label"));
      if (field.hint !== undefined) expect(fieldHint(MESSAGES.it, id, field), `${id}.${field.name}.hint`).toBe(italianOf("hint"));
    }
  });

  it("a test without keys (one being written) shows its definition's English", () => {
    const field = { name: "host", kind: "text", label: "Mail server", hint: "The MX host.", section: "connection" } as const;
    expect(fieldLabel(MESSAGES.it, "smtp-future", field)).toBe("Mail server");
    expect(fieldHint(MESSAGES.it, "smtp-future", field)).toBe("The MX host.");
    expect(testTitle(MESSAGES.it, { id: "smtp-future", title: "Future SMTP" })).toBe("Future SMTP");
  });

  it("an edited definition shows its new English, not a stale translation", () => {
    const field = { name: "ignoreTrust", kind: "checkbox", label: "Ignore certificate trust", section: "security" } as const;
    expect(fieldLabel(MESSAGES.it, "imap", field)).toBe("Ignore certificate trust");
  });
});

describe("step texts", () => {
  it("store the English rendered from the English catalogue, word for word as before", () => {
    expect(text("steps.dns.resolve.title", { host: "mail.contoso.com" }).english).toBe("Attempting to resolve the host name mail.contoso.com in DNS.");
    expect(text("steps.tcp.connect.title", { port: 443, host: "mail.contoso.com" }).english).toBe(
      "Testing TCP port 443 on host mail.contoso.com to ensure it's listening and open.",
    );
    expect(text("steps.dns.resolve.ok", { addresses: "192.0.2.1, 2001:db8::1" }).english).toBe(
      "The host name resolved successfully. IP addresses: 192.0.2.1, 2001:db8::1.",
    );
    expect(text("steps.tcp.connect.ok", { address: "192.0.2.1", port: 443 }).english).toBe("The port was opened successfully (192.0.2.1:443).");
    expect(text("steps.dns.resolve.ipLiteral", { host: "192.0.2.1" }).english).toBe("192.0.2.1 is an IP address; no DNS lookup was needed.");
  });

  it("refuse a missing placeholder value", () => {
    expect(() => text("steps.dns.resolve.title", {})).toThrow(/placeholder/);
  });

  it("render in the reader's language, nested texts included", () => {
    const title = text("steps.dns.resolve.title", { host: "mail.contoso.com" });
    const reason = text("engine.reason.stepFailed", { step: title });
    const message = text("engine.skipped.because", { reason });
    expect(message.english).toBe('Skipped because the step "Attempting to resolve the host name mail.contoso.com in DNS" failed.');
    const step = stepTextFields(title, message);
    expect(stepTitle(italian, step)).toBe("Tentativo di risolvere il nome host mail.contoso.com nel DNS.");
    expect(stepMessage(italian, step)).toBe('Saltato perché il passaggio "Tentativo di risolvere il nome host mail.contoso.com nel DNS" non è riuscito.');
    expect(stepMessage(en, step)).toBe(message.english);
  });

  it("fall back to the stored English: an old result without keys, or a key the catalogue lacks", () => {
    expect(stepTitle(italian, { title: "Resolving the host name" })).toBe("Resolving the host name");
    expect(stepMessage(italian, { message: "Done.", messageKey: "steps.unknown.key", messageParams: {} })).toBe("Done.");
    // A skipped step whose failed step had a plain English title: the sentence is Italian, the title stays English.
    const plain = text("engine.skipped.because", { reason: text("engine.reason.stepFailed", { step: "Resolving" }) });
    expect(stepMessage(italian, { message: plain.english, messageKey: plain.key, messageParams: plain.params })).toBe(
      'Saltato perché il passaggio "Resolving" non è riuscito.',
    );
  });
});
