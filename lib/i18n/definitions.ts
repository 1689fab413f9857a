import type { AnalyzerDefinition, ChoiceField, FormField, TestGroup } from "@/lib/analyzers/definition";
import type { HelpGroup } from "@/lib/help/types";
import { lookupTemplate, placeholdersOf, renderTemplate, type MessageTree, type TextParams } from "./format";
import { en } from "./messages/en";

/**
 * The texts of the test definitions (lib/analyzers/*: titles, summaries, "what this test does", field labels and
 * hints, the options of a choice) in the reader's language. They are written in English in the definitions; the
 * catalogues hold them under `tests.<id>.*` and `fields.<id>.<field>.*` (then `fields.common.<field>.*`), a choice's
 * options under `choiceLabels.<field>.<value>` (lib/i18n/messages/detail-labels.ts). A translation is used only while the
 * English catalogue still matches the definition word for word: a test without keys (a new one) or with an edited
 * text shows the definition's English. Browser-safe and pure.
 */

/** The first key whose English equals `english` and that the reader's catalogue has; else `english`. */
function translated(messages: MessageTree, keys: readonly string[], english: string, params: TextParams = {}): string {
  for (const key of keys) {
    if (renderTemplate(en, key, params) !== english) continue;
    const text = renderTemplate(messages, key, params);
    if (text !== undefined) return text;
  }
  return english;
}

export function testTitle(messages: MessageTree, test: Pick<AnalyzerDefinition, "id" | "title">): string {
  return translated(messages, [`tests.${test.id}.title`], test.title);
}

export function testSummary(messages: MessageTree, test: Pick<AnalyzerDefinition, "id" | "summary">): string {
  return translated(messages, [`tests.${test.id}.summary`], test.summary);
}

/** "What this test does": the definition's lines, each translated when its key (`about.step<n>`) matches. */
export function testAbout(messages: MessageTree, test: Pick<AnalyzerDefinition, "id" | "about">): string[] {
  return test.about.map((line, index) => translated(messages, [`tests.${test.id}.about.step${index + 1}`], line));
}

function fieldKeys(testId: string, field: FormField, property: "label" | "hint"): string[] {
  return [`fields.${testId}.${field.name}.${property}`, `fields.common.${field.name}.${property}`];
}

/** A port field's hint names its default port: `{port}`. */
function fieldParams(field: FormField): TextParams {
  return field.kind === "text" && field.default !== undefined ? { port: field.default } : {};
}

export function fieldLabel(messages: MessageTree, testId: string, field: FormField): string {
  return translated(messages, fieldKeys(testId, field, "label"), field.label, fieldParams(field));
}

export function fieldHint(messages: MessageTree, testId: string, field: FormField): string | undefined {
  return field.hint === undefined ? undefined : translated(messages, fieldKeys(testId, field, "hint"), field.hint, fieldParams(field));
}

/** The literal parts of a template matched as they are, each `{name}` as some text: the English of one option. */
function templatePattern(template: string): RegExp {
  const named = new Set<string>();
  const source = template
    .split(/(\{[A-Za-z_][A-Za-z0-9_]*\})/)
    .map((part) => {
      if (!/^\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(part)) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const name = part.slice(1, -1);
      if (named.has(name)) return `\\k<${name}>`;
      named.add(name);
      return `(?<${name}>.+?)`;
    })
    .join("");
  return new RegExp(`^${source}$`, "s");
}

/**
 * A choice option's label (IMAP's "Implicit TLS (SSL, port 993)"…) in the reader's language. The English catalogue's
 * `choiceLabels.<field>.<value>` is a template for the definition's label: its `{name}` parts (a port, a command)
 * take what the definition says there, and the reader's text is used only while the English, so filled, is the
 * definition's label word for word; else the definition's English.
 */
export function choiceLabel(messages: MessageTree, field: Pick<ChoiceField, "name">, option: { value: string; label: string }): string {
  if (![field.name, option.value].every((part) => /^[A-Za-z][A-Za-z0-9_-]*$/.test(part))) return option.label;
  const key = `choiceLabels.${field.name}.${option.value}`;
  const template = lookupTemplate(en, key);
  if (template === undefined) return option.label;
  const groups = templatePattern(template).exec(option.label)?.groups ?? {};
  const params: TextParams = Object.fromEntries(placeholdersOf(template).map((name) => [name, groups[name] ?? ""]));
  return translated(messages, [key], option.label, params);
}

/** The label of the option a result's input chose, as choiceLabel; a value the field doesn't offer is shown as it is. */
export function choiceValueLabel(messages: MessageTree, field: ChoiceField, value: string): string {
  const option = field.options.find((candidate) => candidate.value === value);
  return option ? choiceLabel(messages, field, option) : value;
}

/** The catalogue key of each test group's name and description (`catalog.groups.<key>`). */
export const TEST_GROUP_KEYS: Record<TestGroup, "exchange" | "mail" | "certificates"> = {
  "Exchange Server": "exchange",
  "Internet e-mail": "mail",
  Certificates: "certificates",
};

/** The catalogue key of each help group's name (`help.groups.<key>`). */
export const HELP_GROUP_KEYS: Record<HelpGroup, keyof (typeof en)["help"]["groups"]> = {
  "DNS and network": "dnsNetwork",
  "TLS connection": "tlsConnection",
  Certificate: "certificate",
  "Certificate chain and trust": "chainTrust",
  "Web server (HTTP)": "http",
  Autodiscover: "autodiscover",
  "Outlook Anywhere": "outlookAnywhere",
  "Internet e-mail (SMTP)": "smtp",
  "Mail DNS records": "mailDns",
  "IMAP and POP": "imapPop",
  Analyzer: "analyzer",
};
