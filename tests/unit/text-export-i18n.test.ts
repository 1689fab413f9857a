import { describe, expect, it } from "vitest";
import { formatResult, parseCommandLine, textsFor } from "@/lib/cli/format";
import { stepTextFields, text, type LocalizedText } from "@/lib/engine/text";
import type { Step, TestResult } from "@/lib/engine/types";
import { lookupTemplate } from "@/lib/i18n/format";
import { MESSAGES } from "@/lib/i18n/messages";
import { en } from "@/lib/i18n/messages/en";
import { it as italian } from "@/lib/i18n/messages/it";
import { textExportEn, textExportIt } from "@/lib/i18n/messages/text-export";
import { ENGLISH_TEXTS, formatPermalink, resultTexts } from "@/lib/results/text";

/**
 * "Copy as text" and `rca --lang it`: the result as plain text in the reader's language. Step titles and messages
 * render from their keys as the result page renders them; the labels come from the catalogue's `textExport`.
 * English stays what the command line always printed, byte for byte.
 */

function keyed(code: string, status: Step["status"], title: LocalizedText, message: LocalizedText, overrides: Partial<Step> = {}): Step {
  return {
    code,
    status,
    ...stepTextFields(title, message),
    elapsedMs: 1,
    children: [],
    ...overrides,
  };
}

const resolve = text("steps.dns.resolve.title", { host: "mail.contoso.com" });
const connect = text("steps.tcp.connect.title", { port: 443, host: "mail.contoso.com" });

const RESULT: TestResult = {
  schemaVersion: 1,
  id: "abc",
  test: "tls-certificate",
  input: { test: "tls-certificate", host: "mail.contoso.com", port: 443, ignoreTrust: false },
  startedAt: "2026-01-01T00:00:00.000Z",
  elapsedMs: 1234,
  verdict: "error",
  steps: [
    keyed("dns", "success", resolve, text("steps.dns.resolve.ok", { addresses: "192.0.2.1" }), {
      elapsedMs: 3,
      children: [keyed("dns.literal", "info", resolve, text("steps.dns.resolve.ipLiteral", { host: "192.0.2.1" }), { elapsedMs: 0 })],
    }),
    keyed("tcp", "error", connect, text("steps.tcp.errors.refused", { address: "192.0.2.1", port: 443 }), { elapsedMs: 17, problem: "TCP_REFUSED" }),
    keyed(
      "tls",
      "skipped",
      text("steps.dns.resolve.title", { host: "other.contoso.com" }),
      text("engine.skipped.because", { reason: text("engine.reason.stepFailed", { step: connect }) }),
    ),
    // A step stored before keys existed: English in every language.
    { code: "old", status: "warning", title: "An old step", message: "Stored in English only.", elapsedMs: 2, children: [] },
  ],
};

/** The Italian catalogue with `textExport`, whether or not en.ts/it.ts merge it yet. */
const IT_MESSAGES = { ...italian, textExport: textExportIt };

const ITALIAN = `Certificato TLS — mail.contoso.com

✔ riuscito Tentativo di risolvere il nome host mail.contoso.com nel DNS. (3 ms)
           Il nome host è stato risolto correttamente. Indirizzi IP: 192.0.2.1.
  ℹ info     Tentativo di risolvere il nome host mail.contoso.com nel DNS. (0 ms)
             192.0.2.1 è un indirizzo IP; non è stata necessaria alcuna ricerca DNS.
✖ errore   Verifica della porta TCP 443 sull'host mail.contoso.com per accertarsi che sia in ascolto e aperta. [TCP_REFUSED] (17 ms)
           La connessione a 192.0.2.1 sulla porta 443 è stata rifiutata: nessun servizio è in ascolto, oppure un firewall la respinge.
○ saltato  Tentativo di risolvere il nome host other.contoso.com nel DNS. (1 ms)
           Saltato perché il passaggio "Verifica della porta TCP 443 sull'host mail.contoso.com per accertarsi che sia in ascolto e aperta" non è riuscito.
▲ avviso   An old step (2 ms)
           Stored in English only.

Esito: non riuscito (1234 ms)
`;

const ENGLISH = `TLS certificate — mail.contoso.com

✔ success Attempting to resolve the host name mail.contoso.com in DNS. (3 ms)
          The host name resolved successfully. IP addresses: 192.0.2.1.
  ℹ info    Attempting to resolve the host name mail.contoso.com in DNS. (0 ms)
            192.0.2.1 is an IP address; no DNS lookup was needed.
✖ error   Testing TCP port 443 on host mail.contoso.com to ensure it's listening and open. [TCP_REFUSED] (17 ms)
          The connection to 192.0.2.1 on port 443 was refused: nothing is listening, or a firewall rejects it.
○ skipped Attempting to resolve the host name other.contoso.com in DNS. (1 ms)
          Skipped because the step "Testing TCP port 443 on host mail.contoso.com to ensure it's listening and open" failed.
▲ warning An old step (2 ms)
          Stored in English only.

Verdict: error (1234 ms)
`;

describe("result text in Italian", () => {
  it("renders the keyed steps, the test's title and the labels from the Italian catalogue; a step without keys stays English", () => {
    expect(formatResult(RESULT, { colour: false }, resultTexts(IT_MESSAGES))).toBe(ITALIAN);
  });

  it("pads the statuses to the longest Italian one and colours the same parts", () => {
    const coloured = formatResult(RESULT, { colour: true }, resultTexts(IT_MESSAGES));
    expect(coloured).toContain("\u001b[32m✔ riuscito\u001b[0m \u001b[1mTentativo di risolvere");
    expect(coloured).toContain("\u001b[31m✖ errore  \u001b[0m");
    expect(coloured).toContain("Esito: \u001b[31mnon riuscito\u001b[0m (1234 ms)");
    expect(coloured).toContain("\u001b[1mCertificato TLS\u001b[0m — mail.contoso.com");
  });

  it("names an e-mail address and a host with the Italian word", () => {
    const withEmail = { ...RESULT, input: { ...RESULT.input, emailAddress: "jsmith@contoso.com" } };
    expect(formatResult(withEmail, { colour: false }, resultTexts(IT_MESSAGES)).split("\n")[0]).toBe(
      "Certificato TLS — jsmith@contoso.com tramite mail.contoso.com",
    );
    expect(formatResult(withEmail, { colour: false }).split("\n")[0]).toBe("TLS certificate — jsmith@contoso.com via mail.contoso.com");
  });

  it("prints the verdicts and the permalink in Italian", () => {
    const texts = resultTexts(IT_MESSAGES);
    const last = (verdict: TestResult["verdict"]) =>
      formatResult({ ...RESULT, verdict }, { colour: false }, texts)
        .trimEnd()
        .split("\n")
        .at(-1);
    expect(last("success")).toBe("Esito: riuscito (1234 ms)");
    expect(last("warning")).toBe("Esito: riuscito con avvisi (1234 ms)");
    expect(formatPermalink("https://rca.contoso.com/r/abc", texts)).toBe("Permalink: https://rca.contoso.com/r/abc\n");
  });

  it("keeps the English labels for a catalogue without textExport", () => {
    const withoutLabels = Object.fromEntries(Object.entries(italian).filter(([key]) => key !== "textExport"));
    const text = formatResult(RESULT, { colour: false }, resultTexts(withoutLabels));
    expect(text).toContain("✔ success Tentativo di risolvere il nome host mail.contoso.com nel DNS. (3 ms)");
    expect(text).toContain("Verdict: error (1234 ms)");
  });
});

describe("result text in English", () => {
  it("is the stored English by default, byte for byte as before", () => {
    expect(formatResult(RESULT, { colour: false })).toBe(ENGLISH);
    expect(formatResult(RESULT, { colour: false }, ENGLISH_TEXTS)).toBe(ENGLISH);
    expect(formatPermalink("https://rca.contoso.com/r/abc")).toBe("Permalink: https://rca.contoso.com/r/abc\n");
  });

  it("is the same rendered from the English catalogue, as the page renders it", () => {
    const english = { ...en, textExport: textExportEn };
    for (const colour of [false, true]) expect(formatResult(RESULT, { colour }, resultTexts(english))).toBe(formatResult(RESULT, { colour }));
  });

  it("has a status label per status, each its raw value, so the columns stay where they were", () => {
    for (const [status, label] of Object.entries(textExportEn.status)) expect(label).toBe(status);
    for (const [verdict, label] of Object.entries(textExportEn.verdict)) expect(label).toBe(verdict);
    expect(Object.keys(textExportIt.status)).toEqual(Object.keys(textExportEn.status));
  });
});

describe("rca --lang", () => {
  it("is optional, and takes en or it", () => {
    expect(parseCommandLine(["tls-certificate", "--host", "mail.contoso.com"])).not.toHaveProperty("lang");
    expect(parseCommandLine(["tls-certificate", "--host", "mail.contoso.com", "--lang", "it"])).toMatchObject({ kind: "run", lang: "it" });
    expect(parseCommandLine(["tls-certificate", "--lang=en"])).toMatchObject({ kind: "run", lang: "en" });
    expect(parseCommandLine(["tls-certificate", "--lang", "fr"])).toMatchObject({ kind: "usage-error", message: expect.stringContaining("--lang") });
    expect(parseCommandLine(["tls-certificate", "--lang"])).toMatchObject({ kind: "usage-error" });
  });

  it("prints the stored English without it or with en, Italian with it", () => {
    expect(textsFor(undefined)).toBe(ENGLISH_TEXTS);
    expect(textsFor("en")).toBe(ENGLISH_TEXTS);
    const italianText = formatResult(RESULT, { colour: false }, textsFor("it"));
    expect(italianText).toContain("Certificato TLS — mail.contoso.com");
    expect(italianText).toContain("Tentativo di risolvere il nome host mail.contoso.com nel DNS. (3 ms)");
  });

  // Passes once lib/i18n/messages/en.ts and it.ts carry `textExport: textExportEn` / `textExport: textExportIt`.
  it("uses the catalogues' textExport", () => {
    expect(lookupTemplate(MESSAGES.en, "textExport.verdictLine")).toBe(textExportEn.verdictLine);
    expect(lookupTemplate(MESSAGES.it, "textExport.verdictLine")).toBe(textExportIt.verdictLine);
    expect(formatResult(RESULT, { colour: false }, textsFor("it"))).toBe(ITALIAN);
  });
});
