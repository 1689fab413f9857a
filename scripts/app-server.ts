/**
 * Starts and stops the production app (server.mjs, as `npm start` does) as a detached process group and waits until it answers:
 * the one way the benchmark and the end-to-end setup start the app.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { performance } from "node:perf_hooks";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Keeps the last `max` lines of a child's output for error reports. */
export class Tail {
  private lines: string[] = [];
  private partial = "";
  constructor(private readonly max: number) {}
  push(chunk: Buffer): void {
    const text = this.partial + chunk.toString("utf8");
    const parts = text.split("\n");
    this.partial = parts.pop() ?? "";
    this.lines.push(...parts);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }
  text(): string {
    return [...this.lines, this.partial].filter((l) => l.length > 0).join("\n");
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function signalGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    /* ESRCH: group already gone */
  }
}

/** SIGTERM the whole process group, wait up to `graceMs`, then SIGKILL. */
export async function killGroup(pid: number, graceMs = 5_000): Promise<void> {
  if (!groupAlive(pid)) return;
  signalGroup(pid, "SIGTERM");
  const deadline = performance.now() + graceMs;
  while (groupAlive(pid) && performance.now() < deadline) await sleep(100);
  if (groupAlive(pid)) {
    signalGroup(pid, "SIGKILL");
    const hard = performance.now() + 2_000;
    while (groupAlive(pid) && performance.now() < hard) await sleep(50);
  }
}

/** Spawns a detached child (its own process group); `onSpawn` lets the caller register its cleanup. */
export function spawnGroup(cmd: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; onSpawn?: (pid: number) => void }): ChildProcess {
  const child = spawn(cmd, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${cmd} ${args.join(" ")}`);
  options.onSpawn?.(pid);
  return child;
}

export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no port"))));
    });
  });
}

export interface RunningApp {
  /** pid of the spawned `npx` (process group leader) */
  pid: number;
  port: number;
  baseUrl: string;
  /** seconds from spawn until GET / answered 200 */
  startupSeconds: number;
  logTail(): string;
  stop(): Promise<void>;
}

export interface StartAppOptions {
  cwd: string;
  env: Record<string, string>;
  /** A fixed port; default a free one. */
  port?: number;
  healthTimeoutMs?: number;
  /** Also copy the app's output to this process's stderr. */
  echo?: boolean;
  /** Called with the process group's pid as soon as it exists (to register a cleanup). */
  onSpawn?: (pid: number) => void;
  log?: (message: string) => void;
}

export async function startApp(o: StartAppOptions): Promise<RunningApp> {
  const log = o.log ?? (() => {});
  const host = "127.0.0.1";
  const port = o.port ?? (await freePort(host));
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...o.env };
  log(`starting: node server.mjs on ${host}:${port}`);
  const t0 = performance.now();
  // The same server as `npm start` (server.mjs: Next.js behind Node's HTTP server, which records the peer's address).
  const child = spawnGroup("node", ["server.mjs"], { cwd: o.cwd, env: { ...env, NODE_ENV: "production", PORT: String(port), HOST: host }, onSpawn: o.onSpawn });
  const pid = child.pid!;
  const tail = new Tail(80);
  const record = (d: Buffer) => {
    tail.push(d);
    if (o.echo) process.stderr.write(d);
  };
  child.stdout?.on("data", record);
  child.stderr?.on("data", record);
  const baseUrl = `http://${host}:${port}`;

  const deadline = performance.now() + (o.healthTimeoutMs ?? 60_000);
  let last = "no answer yet";
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the app server exited (${child.exitCode ?? child.signalCode}) before it was healthy; output:\n${tail.text()}`);
    }
    if (performance.now() > deadline) {
      throw new Error(`the app server isn't healthy after ${(o.healthTimeoutMs ?? 60_000) / 1000} s (last: ${last}); output:\n${tail.text()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
      last = `GET / → ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ""}` : String(err);
    }
    await sleep(250);
  }
  const startupSeconds = (performance.now() - t0) / 1000;
  log(`app healthy at ${baseUrl} after ${startupSeconds.toFixed(1)} s`);
  return { pid, port, baseUrl, startupSeconds, logTail: () => tail.text(), stop: () => killGroup(pid) };
}
