import bundled from "./log-list.json";

/**
 * The Certificate Transparency logs the analyzer can name: a bundled copy of Chrome's log list (log_list.json v3),
 * taken from the Chromium source tree (see `source` in log-list.json). It is a snapshot: logs created after its
 * timestamp are unknown to it, and their SCTs are counted but not named or verified.
 */

export type LogState = "pending" | "qualified" | "usable" | "readonly" | "retired" | "rejected";

export interface CtLog {
  /** SHA-256 of the log's public key, base64. */
  logId: string;
  description: string;
  operator: string;
  /** The log's SubjectPublicKeyInfo, DER. */
  key: Buffer;
  state: LogState;
  /** When the log entered its state (ISO 8601). */
  stateSince?: string;
  /** The certificates' expiry window the log accepts (a temporally sharded log), ISO 8601 start inclusive and end exclusive. */
  interval?: [string, string];
}

export interface CtLogDirectory {
  /** What the list is, for the step details: "Chrome's CT log list version 50.35 of 2024-12-11T12:53:46Z". */
  description: string;
  /** The list's timestamp (ISO 8601). */
  timestamp: string;
  find(logId: string): CtLog | undefined;
}

interface LogListJson {
  source: string;
  version: string;
  log_list_timestamp: string;
  operators: Array<{
    name: string;
    logs: Array<{ description: string; log_id: string; key: string; state: string; since?: string; interval?: string[] }>;
  }>;
}

/** A directory of the given logs (the bundled list, or a test's own logs). */
export function logDirectory(logs: CtLog[], description: string, timestamp: string): CtLogDirectory {
  const byId = new Map(logs.map((log) => [log.logId, log]));
  return { description, timestamp, find: (logId) => byId.get(logId) };
}

function fromJson(list: LogListJson): CtLogDirectory {
  const logs = list.operators.flatMap((operator) =>
    operator.logs.map((log): CtLog => ({
      logId: log.log_id,
      description: log.description,
      operator: operator.name,
      key: Buffer.from(log.key, "base64"),
      state: log.state as LogState,
      ...(log.since ? { stateSince: log.since } : {}),
      ...(log.interval?.length === 2 ? { interval: [log.interval[0]!, log.interval[1]!] as [string, string] } : {}),
    })),
  );
  return logDirectory(logs, `Chrome's CT log list version ${list.version} of ${list.log_list_timestamp} (bundled copy)`, list.log_list_timestamp);
}

let cached: CtLogDirectory | undefined;

/** The bundled log list, read once. */
export function bundledLogs(): CtLogDirectory {
  cached ??= fromJson(bundled as LogListJson);
  return cached;
}

/** Where the bundled copy came from, for documentation and the step details. */
export const BUNDLED_LOG_LIST_SOURCE: string = (bundled as LogListJson).source;
