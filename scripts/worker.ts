/**
 * `npm run worker`: a process that runs queued tests (RCA_ROLE=worker) and serves nothing. It takes tests from the job
 * queue in RCA_REDIS_URL, stores their results in RCA_DATABASE_URL (the store the web processes read), and names
 * itself after RCA_VANTAGE. SIGTERM or SIGINT: stops taking tests, finishes the running ones, exits.
 */
import { env } from "@/lib/config/env";
import { logError, logger } from "@/lib/log/logger";
import { startTestWorker } from "@/lib/queue/worker";
import { resultStore } from "@/lib/store";

// This command is the worker: RCA_ROLE may be left unset, but not set to something else.
process.env.RCA_ROLE ||= "worker";

function fail(message: string): never {
  process.stderr.write(`rca worker: ${message}\n`);
  process.exit(78); // EX_CONFIG
}

let config: ReturnType<typeof env>;
try {
  config = env();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (config.RCA_ROLE !== "worker") fail(`RCA_ROLE is "${config.RCA_ROLE}": npm run worker runs with RCA_ROLE=worker (or unset).`);
if (!config.RCA_REDIS_URL) fail("RCA_REDIS_URL is required: it carries the job queue.");
// The store opens (and migrates) now: a worker that can't store results must not take tests.
resultStore();

const worker = startTestWorker({ redisUrl: config.RCA_REDIS_URL, concurrency: config.RCA_MAX_CONCURRENT_TESTS, vantage: config.RCA_VANTAGE });

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1); // a second signal: don't wait for the running tests
    stopping = true;
    logger().info({ event: "queue.worker.stopping", worker: worker.name, signal }, "queue worker stopping after its running tests");
    worker.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logError("queue worker did not close cleanly", error);
        process.exit(1);
      },
    );
  });
}

await worker.ready.catch((error: unknown) => {
  logError("queue worker could not start", error);
  process.exit(1);
});
