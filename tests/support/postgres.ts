/**
 * A real PostgreSQL server (Debian's postgresql package) for integration tests: a private cluster in a temporary
 * directory, never the system one.
 *
 * - initdb with trust authentication for the loopback address it listens on only (no Unix socket), fsync off.
 * - PostgreSQL refuses to run as root: when the tests run as root, initdb and the server run as the `postgres`
 *   user (Node's spawn uid/gid), and the directory is handed to it.
 * - `stop()` shuts the server down (fast shutdown, then SIGKILL) and removes the directory; `pause()` / `resume()`
 *   stop and restart the same cluster on the same address, for "the store is down" scenarios.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { sleep } from "./daemon";
import { freePort } from "../../scripts/app-server";

/** Loopback addresses set aside for PostgreSQL test clusters. */
const ADDRESSES = Array.from({ length: 20 }, (_, index) => `127.0.160.${index + 1}`);
const READY_TIMEOUT_MS = 15_000;

export interface PostgresServer {
  host: string;
  port: number;
  /** postgres://rca@host:port/<database> of the database created at start */
  url: string;
  /** a URL to another, new, empty database on the same server */
  createDatabase(name: string): Promise<string>;
  /** stops the server, keeping its data (connections fail with ECONNREFUSED until resume) */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
  log(): string;
}

/** The directory of initdb and postgres: the newest /usr/lib/postgresql/<version>/bin, else the PATH. */
export function postgresBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, "bin", "postgres")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], "bin");
  }
  return undefined;
}

/** uid and gid to run PostgreSQL as: the postgres user when we are root, else ourselves. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("postgres:"));
  if (!line) throw new Error("running as root and there is no postgres user: install Debian's postgresql (scripts/install-test-deps.sh)");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startPostgres(options: { database?: string; host?: string } = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const tool = (name: string) => (bin ? join(bin, name) : name);
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), "rca-postgres-"));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, "data");
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: "C", LC_ALL: "C", TZ: "UTC" };
  const identity = user ? { uid: user.uid, gid: user.gid } : {};

  try {
    execFileSync(tool("initdb"), ["-D", data, "-U", "rca", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"], {
      cwd: dir,
      env,
      stdio: ["ignore", "ignore", "pipe"],
      ...identity,
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  // A free port on one of our addresses (another cluster may hold a port on one of them).
  // A caller may choose the address (a loopback address of its own, away from the other clusters').
  const host = options.host ?? ADDRESSES[Math.floor(Math.random() * ADDRESSES.length)] ?? "127.0.160.1";
  const port = await freePort(host);
  let output = "";
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    const server: ChildProcess = spawn(
      tool("postgres"),
      [
        "-D",
        data,
        "-c",
        `listen_addresses=${host}`,
        "-c",
        `port=${port}`,
        "-c",
        "unix_socket_directories=",
        "-c",
        "fsync=off",
        "-c",
        "synchronous_commit=off",
        "-c",
        "full_page_writes=off",
        "-c",
        "max_connections=50",
        "-c",
        "shared_buffers=16MB",
        "-c",
        "logging_collector=off",
      ],
      { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"], ...identity },
    );
    child = server;
    server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`postgres exited with ${server.exitCode}:\n${output}`);
      const client = new Client({ host, port, user: "rca", database: "postgres", connectionTimeoutMillis: 1_000 });
      try {
        await client.connect();
        await client.query("SELECT 1");
        await client.end();
        return;
      } catch {
        await client.end().catch(() => {});
        if (Date.now() > deadline) throw new Error(`postgres did not accept connections within ${READY_TIMEOUT_MS} ms:\n${output}`);
        await sleep(50);
      }
    }
  };

  const halt = async (): Promise<void> => {
    const server = child;
    child = undefined;
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
    server.kill("SIGINT"); // fast shutdown: disconnects clients, no waiting for them
    const timer = setTimeout(() => server.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const admin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ host, port, user: "rca", database: "postgres" });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  const urlOf = (database: string) => `postgres://rca@${host}:${port}/${database}`;
  const createDatabase = async (name: string): Promise<string> => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
    await admin((client) => client.query(`CREATE DATABASE ${name}`));
    return urlOf(name);
  };

  try {
    await start();
    const database = options.database ?? "rca";
    await createDatabase(database);
    return {
      host,
      port,
      url: urlOf(database),
      createDatabase,
      pause: halt,
      resume: start,
      async stop() {
        await halt();
        rmSync(dir, { recursive: true, force: true });
      },
      log: () => output,
    };
  } catch (error) {
    await halt();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
