/**
 * A real Redis server (Debian's redis-server package) for integration tests: a private instance on one of our own
 * loopback addresses and a free port, nothing saved to disk, never the system one.
 *
 * - `--save '' --appendonly no`: no RDB or AOF file; the working directory is a temporary one, removed at stop.
 * - `requirePass`: started with `--requirepass`, for tests that check the password never shows.
 * - `pause()` / `resume()` stop and restart the server on the same address (empty again), for "Redis is down".
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sleep } from "./daemon";
import { freePort } from "../../scripts/app-server";

/** Loopback addresses set aside for Redis test servers. */
const ADDRESSES = Array.from({ length: 10 }, (_, index) => `127.0.170.${index + 1}`);
const READY_TIMEOUT_MS = 10_000;

export interface RedisServer {
  host: string;
  port: number;
  /** redis://host:port (with the password when started with one) */
  url: string;
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
  log(): string;
}

/** Sends one inline command and resolves with the first reply line (e.g. "+PONG", "-NOAUTH …"). */
function ask(host: string, port: number, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let reply = "";
    socket.setTimeout(1_000, () => socket.destroy(new Error("no answer")));
    socket.once("error", reject);
    socket.once("connect", () => socket.write(lines.map((line) => `${line}\r\n`).join("")));
    socket.on("data", (chunk: Buffer) => {
      reply += chunk.toString();
      const answers = reply.split("\r\n").filter(Boolean);
      if (answers.length >= lines.length) {
        socket.end();
        resolve(answers[answers.length - 1]!);
      }
    });
  });
}

export async function startRedis(options: { requirePass?: string } = {}): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), "rca-redis-"));
  const host = ADDRESSES[Math.floor(Math.random() * ADDRESSES.length)] ?? "127.0.170.1";
  const port = await freePort(host);
  const auth = options.requirePass ? [`AUTH ${options.requirePass}`] : [];
  let output = "";
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    const args = ["--port", String(port), "--bind", host, "--save", "", "--appendonly", "no", "--dir", dir, "--protected-mode", "no"];
    if (options.requirePass) args.push("--requirepass", options.requirePass);
    const server: ChildProcess = spawn("redis-server", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    child = server;
    server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const spawned = new Promise<void>((resolve, reject) => {
      server.once("spawn", resolve);
      server.once("error", (error) => reject(new Error(`redis-server did not start (install it with scripts/install-test-deps.sh): ${error.message}`)));
    });
    await spawned;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`redis-server exited with ${server.exitCode}:\n${output}`);
      if ((await ask(host, port, [...auth, "PING"]).catch(() => "")) === "+PONG") return;
      if (Date.now() > deadline) throw new Error(`redis-server did not answer PING within ${READY_TIMEOUT_MS} ms:\n${output}`);
      await sleep(25);
    }
  };

  const halt = async (): Promise<void> => {
    const server = child;
    child = undefined;
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
    server.kill("SIGKILL");
    await exited;
  };

  try {
    await start();
  } catch (error) {
    await halt();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const credentials = options.requirePass ? `:${encodeURIComponent(options.requirePass)}@` : "";
  return {
    host,
    port,
    url: `redis://${credentials}${host}:${port}`,
    pause: halt,
    resume: start,
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => output,
  };
}
