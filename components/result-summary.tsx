import type { ReactNode } from "react";
import type { TestResult } from "@/lib/engine/types";
import { labelFor } from "./details-view";
import { formatAge, formatDuration, formatUtc } from "./format";

/** Input fields never shown, whatever a stored result holds: credentials are not part of a permalink. */
const NEVER_SHOWN = new Set(["test", "password", "username"]);

const INPUT_LABELS: Record<string, string> = {
  host: "Server",
  port: "Port",
  mutualAuthPrincipal: "Mutual authentication principal",
  ignoreTrust: "Ignore trust for SSL",
  authMethod: "Authentication method",
  credentials: "Credentials",
  emailAddress: "E-mail address",
};

const HOST_LABEL: Record<string, string> = { "outlook-anywhere": "RPC proxy server" };

function inputValue(key: string, value: unknown): ReactNode {
  if (key === "authMethod" && typeof value === "string") return value === "ntlm" ? "NTLM" : value === "basic" ? "Basic" : value;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (value === null || value === undefined || value === "") return <span className="italic text-ink-muted">not set</span>;
  if (typeof value === "string" || typeof value === "number") return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

const ORDER = ["host", "emailAddress", "domain", "port", "mutualAuthPrincipal", "ignoreTrust", "authMethod", "credentials"];

function rank(key: string): number {
  const index = ORDER.indexOf(key);
  return index === -1 ? ORDER.length : index;
}

/** The public inputs of a run as a list, in form order; a password is never among them. */
export function publicInputEntries(result: TestResult): Array<[string, unknown]> {
  return Object.entries(result.input)
    .filter(([key]) => !NEVER_SHOWN.has(key))
    .sort(([a], [b]) => rank(a) - rank(b));
}

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="pt-2 text-ink-muted sm:pb-2">{label}</dt>
      <dd className="min-w-0 pb-2 font-medium text-ink sm:pt-2 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

/** What was tested and when: the inputs, the start time (UTC and ISO) and the total time. */
export function ResultSummary({ result, now }: { result: TestResult; now: Date }) {
  const age = formatAge(result.startedAt, now);
  return (
    <dl data-testid="result-inputs" className="grid grid-cols-1 gap-x-6 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
      {publicInputEntries(result).map(([key, value]) => (
        <Row key={key} label={(key === "host" ? HOST_LABEL[result.test] : undefined) ?? INPUT_LABELS[key] ?? labelFor(key)}>
          <span data-input={key}>{inputValue(key, value)}</span>
        </Row>
      ))}
      <Row label="Started at">
        <time dateTime={result.startedAt} data-testid="started-at">
          {formatUtc(result.startedAt)}
        </time>
        {age ? <span className="font-normal text-ink-muted"> · {age}</span> : null}
        <span className="block font-mono text-xs font-normal text-ink-muted">{result.startedAt}</span>
      </Row>
      <Row label="Total elapsed time">
        <span data-testid="elapsed">{formatDuration(result.elapsedMs)}</span>
      </Row>
    </dl>
  );
}
