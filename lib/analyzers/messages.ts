import * as activesync from "./activesync/messages";
import * as autodiscover from "./autodiscover/messages";
import * as certificateFile from "./certificate-file/messages";
import * as ews from "./ews/messages";
import * as imap from "./imap/messages";
import * as mapiHttp from "./mapi-http/messages";
import * as outlookAnywhere from "./outlook-anywhere/messages";
import * as pop from "./pop/messages";
import * as smtpInbound from "./smtp-inbound/messages";
import * as smtpOutbound from "./smtp-outbound/messages";
import * as tlsCertificate from "./tls-certificate/messages";

/**
 * Every test's own catalogue texts (its folder's messages.ts), gathered here beside catalog.ts so that the
 * catalogues (lib/i18n/messages/en.ts, it.ts) name no test: they place `tests`, `fields` and the tests' step texts.
 * Adding a test: its messages.ts and a line in BY_TEST (and in STEP_AREAS when it has step texts of its own).
 */
const BY_TEST = {
  activesync,
  autodiscover,
  ews,
  "mapi-http": mapiHttp,
  "outlook-anywhere": outlookAnywhere,
  "tls-certificate": tlsCertificate,
  "smtp-inbound": smtpInbound,
  "smtp-outbound": smtpOutbound,
  imap,
  pop,
  "certificate-file": certificateFile,
} as const;

/** The tests with step texts of their own, by the area their keys live under (`steps.<area>.*`, stored in results: never renamed). */
const STEP_AREAS = { outlookAnywhere, ews, activeSync: activesync, mapiHttp, smtpInbound, smtpOutbound } as const;

type Language = "en" | "it";
type ByTest = typeof BY_TEST;
type StepAreas = typeof STEP_AREAS;

function mapValues<T extends object, R>(record: T, pick: (value: T[keyof T]) => R): Record<keyof T, R> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, pick(value as T[keyof T])])) as Record<keyof T, R>;
}

/** `tests.<id>`: each test's title, summary and "what this test does". */
export function testEntries<L extends Language>(language: L): { [K in keyof ByTest]: ByTest[K][L]["test"] } {
  return mapValues(BY_TEST, (messages) => messages[language].test) as { [K in keyof ByTest]: ByTest[K][L]["test"] };
}

/** `fields.<id>`: each test's form field labels and hints. */
export function testFields<L extends Language>(language: L): { [K in keyof ByTest]: ByTest[K][L]["fields"] } {
  return mapValues(BY_TEST, (messages) => messages[language].fields) as { [K in keyof ByTest]: ByTest[K][L]["fields"] };
}

/** `steps.<area>`: the step texts a test keeps in its folder. */
export function testSteps<L extends Language>(language: L): { [K in keyof StepAreas]: StepAreas[K][L]["steps"] } {
  return mapValues(STEP_AREAS, (messages) => messages[language].steps) as { [K in keyof StepAreas]: StepAreas[K][L]["steps"] };
}
