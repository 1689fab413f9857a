import { POST } from "@/app/api/tests/route";
import { resetLimitsForTests } from "@/lib/api/limits";
import { resetRunQueueForTests } from "@/lib/api/queued-run";
import { resetEnvForTests } from "@/lib/config/env";
import { setLogDestinationForTests } from "@/lib/log/logger";
import { closeWebQueue } from "@/lib/queue/web";
import { replaceStoreForTests } from "@/lib/store";
import { killWorkers } from "./workers";

/**
 * The test process as the web side of a queue (RCA_ROLE=web), for the integration tests whose workers are real
 * `npm run worker` processes: the route handlers then read `env` as a web process would.
 */
export function becomeWebProcess(env: Record<string, string>): void {
  setLogDestinationForTests({ write: () => {} });
  Object.assign(process.env, env, { RCA_ROLE: "web" });
  resetProcessState();
}

/** Kills the workers, closes the queue's connections, and forgets `env` and the role. */
export async function leaveWebProcess(env: Record<string, string>): Promise<void> {
  await killWorkers();
  await closeWebQueue();
  for (const key of [...Object.keys(env), "RCA_ROLE"]) delete process.env[key];
  resetProcessState();
  setLogDestinationForTests();
}

/** After a change of the environment: the cached configuration, limits, run queue and store are read again. */
export function resetProcessState(): void {
  resetEnvForTests();
  resetLimitsForTests();
  resetRunQueueForTests();
  replaceStoreForTests(undefined);
}

/** POST /api/tests through the route handler itself: JSON, or the SSE stream of steps with `stream`. */
export function postTest(body: unknown, stream: boolean): Promise<Response> {
  return POST(
    new Request("http://localhost/api/tests", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(stream ? { Accept: "text/event-stream" } : {}) },
      body: JSON.stringify(body),
    }),
  );
}
