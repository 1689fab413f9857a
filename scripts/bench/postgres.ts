/** A private PostgreSQL for the burst phase on the PostgreSQL store, from the integration tests' helper. */
import { onCleanup } from "./cleanup";
import { startPostgres, type PostgresServer } from "../../tests/support/postgres";

/**
 * An address of the benchmark's own: the integration tests pick 127.0.160.1–20 and the end-to-end tests
 * 127.0.160.21–30, and either may run while the benchmark does.
 */
export const BENCH_POSTGRES_HOST = "127.0.160.200";

/** Starts the cluster (initdb as the postgres user when we are root) and registers its removal. */
export async function startBenchPostgres(): Promise<PostgresServer> {
  const pg = await startPostgres({ host: BENCH_POSTGRES_HOST, database: "rca_bench" });
  onCleanup("PostgreSQL", () => pg.stop());
  return pg;
}
