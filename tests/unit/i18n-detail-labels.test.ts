import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { DetailsView, detailLabel, labelFor } from "@/components/details-view";
import { ANALYZERS, analyzerOf } from "@/lib/analyzers/catalog";
import type { ChoiceField } from "@/lib/analyzers/definition";
import { choiceLabel, choiceValueLabel } from "@/lib/i18n/definitions";
import { lookupTemplate, type MessageTree } from "@/lib/i18n/format";
import { MESSAGES } from "@/lib/i18n/messages";
import { choiceLabelsEn, choiceLabelsIt, detailLabelsEn, detailLabelsIt } from "@/lib/i18n/messages/detail-labels";

/**
 * The labels of the details a step records (lib/i18n/messages/detail-labels.ts): every key the analyzers record has
 * one in every language, and the details view and the choice options show the reader's. The tests that read
 * MESSAGES pass once lib/i18n/messages/en.ts and it.ts carry `details.labels: detailLabels…` and `choiceLabels: …`.
 */

const DETAIL_DIRS = ["lib/analyzers", "lib/cert", "lib/net", "lib/mail"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

/** The argument of a call that holds the details: `ok(message, details)`, `error(problem, message, details)`… */
const DETAILS_ARGUMENT: Record<string, number> = { ok: 1, info: 1, warning: 2, error: 2 };
const CONSTRUCTED_DETAILS: Record<string, number> = { ProblemError: 2, RevocationFailure: 3 };
/** Calls whose object arguments are catalogue params, not details. */
const NOT_DETAILS = new Set(["text", "embed"]);

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

/** The property names of every object literal in an expression, nested ones included (a `.map` callback's too). */
function literalKeys(node: ts.Node, keys: Set<string>): void {
  if (ts.isCallExpression(node) && NOT_DETAILS.has(calleeName(node.expression) ?? "")) return;
  if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) {
      if (
        (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) &&
        (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
      ) {
        keys.add(property.name.text);
      }
    }
  }
  ts.forEachChild(node, (child) => literalKeys(child, keys));
}

/**
 * The detail keys the source records, found as a reader greps for them: the details passed to `addDetails`, to the
 * findings and to the thrown failures, every `details` object, and what the functions building details return.
 */
function recordedDetailKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of DETAIL_DIRS.flatMap(sourceFiles)) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const name = calleeName(node.expression);
        if (name === "addDetails" && node.arguments[0]) literalKeys(node.arguments[0], keys);
        const index = ts.isIdentifier(node.expression) && name ? DETAILS_ARGUMENT[name] : undefined;
        const argument = index === undefined ? undefined : node.arguments[index];
        if (argument) literalKeys(argument, keys);
      }
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
        const index = CONSTRUCTED_DETAILS[node.expression.text];
        const argument = index === undefined ? undefined : node.arguments?.[index];
        if (argument) literalKeys(argument, keys);
      }
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === "details") literalKeys(node.initializer, keys);
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && /details$/i.test(node.name.text) && node.initializer) {
        literalKeys(node.initializer, keys);
      }
      // Functions that build details: named so, or returning the details' type (not any record: HTTP headers are one).
      if (ts.isFunctionDeclaration(node) && node.body && (/Details$/.test(node.name?.text ?? "") || node.type?.getText() === "Details")) {
        for (const statement of node.body.statements) if (ts.isReturnStatement(statement) && statement.expression) literalKeys(statement.expression, keys);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return keys;
}

/**
 * Keys that reach the details through a typed value rather than an object literal at the call: certificate facts,
 * OCSP and CRL answers, SCT findings, Autodiscover's settings (lib/analyzers/steps/autodiscover/pox.ts), a DMARC
 * record, EWS's folder and server version, an NTLM challenge's identity, a DANE match, a path violation (in
 * `refusedFor` its message is the catalogue text itself: english, key, params), a certificate's revocation services.
 */
const TYPED_KEYS = [
  ...["isCA", "issuerCommonName", "key", "keyCurve", "selfIssued", "signatureHash", "thumbprintSha1", "thumbprintSha256", "ipAddresses"],
  ...["cached", "crlEntries", "crlUrl", "kind", "producedAt", "request", "responderUrl", "signer"],
  ...["future", "log", "logId", "logState", "operator", "signature", "timestamp"],
  ...["autoDiscoverSMTPAddress", "deploymentId", "displayName", "emailAddress", "legacyDN"],
  ...["type", "version", "server", "serverDN", "serverVersion", "mdbDN", "publicFolderServer", "ad", "asUrl", "ewsUrl", "emwsUrl"],
  ...["oofUrl", "umUrl", "oabUrl", "ecpUrl", "certPrincipalName", "authPackage", "encryption", "ssl", "port", "url", "internal", "external"],
  ...["mailStore", "addressBook", "other", "owaUrls", "protocols", "authenticationMethod", "internalUrl", "externalUrl"],
  ...["p", "sp", "pct", "rua", "ruf", "adkim", "aspf"],
  ...["childFolderCount", "totalCount", "unreadCount", "majorVersion", "minorVersion", "majorBuildNumber", "minorBuildNumber"],
  ...["dnsComputer", "dnsDomain", "dnsTree", "netbiosComputer", "netbiosDomain", "osVersion", "targetName"],
  ...["matchedPosition", "meaning", "note", "usable", "host", "outcome", "preference"],
  ...["constrainedBy", "message", "position", "problem", "rule", "subject", "english", "params"],
  ...["crl", "ocsp"],
];

function leaves(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : leaves(value as object, `${prefix}${key}.`)));
}

describe("detail labels", () => {
  const recorded = recordedDetailKeys();

  it("finds the keys the analyzers record", () => {
    for (const key of ["chainAsSent", "addresses", "transcript", "wwwAuthenticate", "credentialsSent", "zones", "testedOn", "faultCode", "serverApplication"]) {
      expect(recorded.has(key), key).toBe(true);
    }
    // Catalogue params are not details.
    expect(recorded.has("count")).toBe(false);
  });

  it("label every recorded key in English", () => {
    const missing = [...recorded, ...TYPED_KEYS].filter((key) => !Object.hasOwn(detailLabelsEn, key));
    expect([...new Set(missing)].sort()).toEqual([]);
  });

  it("have the same keys in Italian, none empty", () => {
    expect(Object.keys(detailLabelsIt).sort()).toEqual(Object.keys(detailLabelsEn).sort());
    expect(leaves(choiceLabelsIt).sort()).toEqual(leaves(choiceLabelsEn).sort());
    for (const label of [...Object.values(detailLabelsIt), ...leaves(choiceLabelsIt)]) expect(label.trim()).not.toBe("");
  });

  it("are merged into the catalogues", () => {
    expect(lookupTemplate(MESSAGES.en, "details.labels.chainAsSent")).toBe(detailLabelsEn.chainAsSent);
    expect(lookupTemplate(MESSAGES.it, "details.labels.transcript")).toBe(detailLabelsIt.transcript);
    expect(lookupTemplate(MESSAGES.it, "choiceLabels.security.tls")).toBe(choiceLabelsIt.security.tls);
  });

  it("keep the camelCase words for a key without a label", () => {
    expect(labelFor("someNewKey")).toBe("Some new key");
    expect(labelFor("ntlmServer")).toBe("NTLM server");
    expect(labelFor("X-Header-Name")).toBe("X-Header-Name");
    expect(detailLabel(MESSAGES.it, "someNewKey")).toBe("Some new key");
    expect(detailLabel(MESSAGES.it, "constructor")).toBe("Constructor");
  });

  it("are shown in the reader's language", () => {
    expect(detailLabel(MESSAGES.en, "transcript")).toBe("Transcript");
    expect(detailLabel(MESSAGES.it, "transcript")).toBe("Trascrizione");
    expect(detailLabel(MESSAGES.it, "thumbprintSha1")).toBe("Identificazione personale (SHA-1)");
    // The pure helper reads whatever catalogue it is given.
    expect(detailLabel({ details: { labels: detailLabelsIt } } as unknown as MessageTree, "daysLeft")).toBe("Giorni rimanenti");
  });

  it("label the details view, nested keys and table columns included; the values stay as recorded", () => {
    const details = {
      transcript: ["S: 220 mail.contoso.test ESMTP", "C: EHLO rca"],
      credentialsSent: false,
      sessionCookies: { MapiContext: true, MapiSequence: false },
      path: [
        { subject: "CN=mail.contoso.test", source: "sent #1" },
        { subject: "CN=Root", source: "trust store" },
      ],
    };
    // children come as createElement's third argument
    const props = { locale: "it", timeZone: "UTC", messages: MESSAGES.it as AbstractIntlMessages } as ComponentProps<typeof NextIntlClientProvider>;
    const html = renderToStaticMarkup(createElement(NextIntlClientProvider, props, createElement(DetailsView, { details })));
    for (const label of ["Trascrizione", "Credenziali inviate", "Cookie di sessione", "Percorso", "Soggetto", "Origine"]) expect(html).toContain(label);
    expect(html).toContain("S: 220 mail.contoso.test ESMTP");
    expect(html).toContain("sent #1");
    expect(html).not.toContain("Credentials sent");
  });
});

describe("choice labels", () => {
  const choices = ANALYZERS.flatMap((analyzer) =>
    analyzer.fields.filter((field): field is ChoiceField => field.kind === "choice").map((field) => ({ test: analyzer.id, field })),
  );

  it("match every choice of every test in English, and translate it", () => {
    expect(choices.length).toBeGreaterThan(0);
    for (const { test, field } of choices) {
      for (const option of field.options) {
        const where = `${test}.${field.name}.${option.value}`;
        expect(choiceLabel(MESSAGES.en, field, option), where).toBe(option.label);
        expect(lookupTemplate(MESSAGES.it, `choiceLabels.${field.name}.${option.value}`), where).toBeDefined();
      }
    }
  });

  it("show IMAP's and POP's security options in Italian, with each test's port and command", () => {
    const imap = analyzerOf("imap")!.fields.find((field): field is ChoiceField => field.name === "security" && field.kind === "choice")!;
    const pop = analyzerOf("pop")!.fields.find((field): field is ChoiceField => field.name === "security" && field.kind === "choice")!;
    expect(imap.options.map((option) => choiceLabel(MESSAGES.it, imap, option))).toEqual(["TLS implicito (SSL, porta 993)", "STARTTLS (porta 143)"]);
    expect(pop.options.map((option) => choiceLabel(MESSAGES.it, pop, option))).toEqual(["TLS implicito (SSL, porta 995)", "STLS (porta 110)"]);
    expect(choiceValueLabel(MESSAGES.it, pop, "starttls")).toBe("STLS (porta 110)");
    expect(choiceValueLabel(MESSAGES.it, pop, "unknown")).toBe("unknown");
  });

  it("keep product names", () => {
    const field = analyzerOf("outlook-anywhere")!.fields.find(
      (candidate): candidate is ChoiceField => candidate.name === "authMethod" && candidate.kind === "choice",
    )!;
    expect(field.options.map((option) => choiceLabel(MESSAGES.it, field, option)).sort()).toEqual(["Basic", "NTLM"]);
  });

  it("show the definition's English when it no longer matches the catalogue, or has no key", () => {
    const field = { name: "security" } as const;
    expect(choiceLabel(MESSAGES.it, field, { value: "tls", label: "TLS from the first byte (port 993)" })).toBe("TLS from the first byte (port 993)");
    expect(choiceLabel(MESSAGES.it, field, { value: "dane", label: "DANE" })).toBe("DANE");
    expect(choiceLabel(MESSAGES.it, { name: "other.field" }, { value: "tls", label: "Implicit TLS (SSL, port 993)" })).toBe("Implicit TLS (SSL, port 993)");
  });
});
