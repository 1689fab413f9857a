/** One tls-certificate test through the production app's API (POST /api/tests), judged like a client would. */
import { performance } from "node:perf_hooks";
import { stopSignal } from "./cleanup";

const REQUEST_TIMEOUT_MS = 60_000;

export interface Attempt {
  ok: boolean;
  /** wall time of POST + reading the JSON answer */
  ms: number;
  status: number;
  verdict?: string;
  /** result.elapsedMs: time inside the test */
  elapsedMs?: number;
  /** message of the tls.protocols step, when the result has one (the version probes ran) */
  protocols?: string;
  error?: string;
}

interface StepLike {
  code?: string;
  status?: string;
  message?: string;
  children?: StepLike[];
}

/** The first step with this code, depth first. */
function findStep(steps: StepLike[] | undefined, code: string): StepLike | undefined {
  for (const s of steps ?? []) {
    if (s.code === code) return s;
    const inner = findStep(s.children, code);
    if (inner) return inner;
  }
  return undefined;
}

/** The non-success steps of a result, for a failure message. */
function problemSteps(steps: StepLike[] | undefined, acc: string[] = []): string[] {
  for (const s of steps ?? []) {
    if (s.status === "error" || s.status === "warning") acc.push(`${s.code} [${s.status}] ${s.message}`);
    problemSteps(s.children, acc);
  }
  return acc;
}

/** POSTs one test and reads the answer; ok = 201 with verdict "success". Never throws. */
export async function runAnalyzer(baseUrl: string, host: string, port: number, signal?: AbortSignal): Promise<Attempt> {
  const body = JSON.stringify({ test: "tls-certificate", host, port });
  const t0 = performance.now();
  try {
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const res = await fetch(`${baseUrl}/api/tests`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body,
      signal: AbortSignal.any(signal ? [signal, timeout, stopSignal] : [timeout, stopSignal]),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    let json: { id?: string; result?: { verdict?: string; elapsedMs?: number; steps?: StepLike[] } } | undefined;
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      /* not JSON */
    }
    const verdict = json?.result?.verdict;
    const elapsedMs = json?.result?.elapsedMs;
    const protocols = findStep(json?.result?.steps, "tls.protocols")?.message;
    const base = {
      ms,
      status: res.status,
      ...(verdict ? { verdict } : {}),
      ...(typeof elapsedMs === "number" ? { elapsedMs } : {}),
      ...(protocols !== undefined ? { protocols } : {}),
    };
    if (res.status !== 201) return { ...base, ok: false, error: `HTTP ${res.status}: ${text.slice(0, 300)}` };
    if (verdict !== "success") {
      return { ...base, ok: false, error: `verdict ${verdict ?? "missing"}: ${problemSteps(json?.result?.steps).join(" | ").slice(0, 500)}` };
    }
    return { ...base, ok: true };
  } catch (err) {
    const e = err as Error;
    return { ok: false, ms: performance.now() - t0, status: 0, error: `${e.name}: ${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ""}` };
  }
}
