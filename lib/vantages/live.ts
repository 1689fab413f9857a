import "server-only";
import type { TestInput } from "@/lib/analyzers/catalog";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/config/env";
import type { LiveVantage } from "./names";

/**
 * The vantage points tests can run from now: with RCA_ROLE=web, those of the workers whose heartbeat hasn't expired;
 * a process that runs tests itself (RCA_ROLE=all) is its own one vantage point, RCA_VANTAGE.
 */
export async function liveVantages(): Promise<LiveVantage[]> {
  const { RCA_ROLE, RCA_REDIS_URL, RCA_VANTAGE } = env();
  if (RCA_ROLE !== "web" || !RCA_REDIS_URL) return [{ name: RCA_VANTAGE, workers: 1 }];
  // Loaded only then, as for the queue itself (lib/api/queued-run.ts).
  const { workersByVantage } = await import("@/lib/queue/web");
  const counts = await workersByVantage(RCA_REDIS_URL);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([name, workers]) => ({ name, workers }));
}

/** Refuses, before anything runs, a test asked for from a vantage point where no worker is alive: 400, naming the field. */
export async function assertLiveVantages(input: TestInput): Promise<void> {
  if (!input.vantages) return;
  const live = await liveVantages();
  const names = new Set(live.map((vantage) => vantage.name));
  const missing = input.vantages.filter((name) => !names.has(name));
  if (missing.length === 0) return;
  const now = live.length > 0 ? live.map((vantage) => vantage.name).join(", ") : "none";
  const message = `No worker is running at the vantage point ${missing.map((name) => `"${name}"`).join(", ")} (live now: ${now}).`;
  throw new ApiError("bad_request", `Invalid input: check vantages.`, [{ path: "vantages", message }]);
}
