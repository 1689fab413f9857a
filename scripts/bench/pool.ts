/** A bounded pool of concurrent tasks with a deadline, for the throughput and burst phases. */
import { setMaxListeners } from "node:events";
import { performance } from "node:perf_hooks";
import { stopSignal } from "./cleanup";

export interface PoolRun<T> {
  outcomes: T[];
  wallMs: number;
  stoppedByDeadline: boolean;
}

/** `total` tasks on `concurrency` workers; after `deadlineMs` no new task starts and running ones are aborted. */
export async function runPool<T>(total: number, concurrency: number, deadlineMs: number, task: (signal: AbortSignal) => Promise<T>): Promise<PoolRun<T>> {
  const ac = new AbortController();
  // every spawned openssl (5 per same-work unit) and every fetch adds an abort listener to this signal
  setMaxListeners(concurrency * 8 + 10, ac.signal);
  const onStop = () => ac.abort(stopSignal.reason);
  stopSignal.addEventListener("abort", onStop, { once: true });
  const timer = setTimeout(() => ac.abort(new Error(`deadline of ${deadlineMs / 1000} s reached`)), deadlineMs);
  const outcomes: T[] = [];
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (!ac.signal.aborted && next < total) {
      next++;
      outcomes.push(await task(ac.signal));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - t0;
  clearTimeout(timer);
  stopSignal.removeEventListener("abort", onStop);
  return { outcomes, wallMs, stoppedByDeadline: ac.signal.aborted };
}
