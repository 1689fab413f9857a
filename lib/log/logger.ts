import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";
import { env, type LogLevel } from "@/lib/config/env";

/**
 * What a log line must never show, as pino redaction paths. Credentials never reach a log call by design (inputs
 * are logged only as their public fields, errors as messages the analyzer wrote); this is the second line of
 * defence, should an object carrying one ever be logged whole.
 */
export const REDACT_PATHS: readonly string[] = [
  "password",
  "username",
  "authorization",
  "*.password",
  "*.username",
  "*.authorization",
  "*.*.password",
  "*.*.username",
  "*.*.authorization",
  "headers.authorization",
  '*.headers["proxy-authorization"]',
  '*.headers["cookie"]',
];

export const REDACTED = "[redacted]";

let destinationOverride: DestinationStream | undefined;
let cached: Logger | undefined;

function configuredLevel(): LogLevel {
  // A logger must work while the app reports a bad configuration: the level falls back, the error still shows.
  try {
    return env().RCA_LOG_LEVEL;
  } catch {
    return "info";
  }
}

/** Builds a logger writing one JSON object a line to `destination` (stdout unless a test injects a stream). */
export function createLogger(destination: DestinationStream = pino.destination({ dest: 1, sync: true }), level: LogLevel = configuredLevel()): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

/** The process's logger: JSON lines on stdout, level from RCA_LOG_LEVEL (default info). */
export function logger(): Logger {
  if (!cached) cached = createLogger(destinationOverride ?? undefined);
  return cached;
}

/**
 * Logs an unexpected error at error level, the error serialized by pino (type, message, stack). `message` must be
 * the analyzer's own words, never text taken from an input.
 */
export function logError(message: string, error: unknown, fields: Record<string, unknown> = {}): void {
  logger().error({ ...fields, err: error }, message);
}

export interface TestFinished {
  /** The result id (the permalink's). */
  id: string;
  test: string;
  /** The host the test connected to, or the mail domain it started from. */
  target: string | undefined;
  verdict: string;
  /** The test's own run time. */
  ms: number;
  /** The rate-limit key of the client that started it ("direct" without a trusted proxy). */
  client: string | undefined;
  /** How long it waited in the run queue, when it went through the queue. */
  queuedMs?: number;
}

/** The one line a finished, stored test writes: what ran, against what, for whom, with which verdict, how long. */
export function logTestFinished({ id, test, target, verdict, ms, client, queuedMs }: TestFinished): void {
  logger().info(
    { event: "test.finished", id, test, target: target ?? null, verdict, ms, client: client ?? null, ...(queuedMs === undefined ? {} : { queuedMs }) },
    "test finished",
  );
}

/**
 * Sends every later line to `stream` (at the configured level, re-read now); without one, back to stdout. The command
 * line logs to stderr, so that stdout holds only its output (`--json`).
 */
export function setLogDestination(stream?: DestinationStream): void {
  destinationOverride = stream;
  cached = undefined;
}

/** Tests capture the log the same way. */
export const setLogDestinationForTests = setLogDestination;
