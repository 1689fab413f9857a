/** Build (if needed), start and stop the production app (`next start`) as a detached process group. */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { onCleanup } from "./cleanup";
import { nextBuildsRunningIn } from "./proc";

const log = (msg: string) => console.error(`[bench] ${msg}`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Keeps the last `max` lines of a child's output for error reports. */
class Tail {
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

function signalGroup(pid: number, sig: NodeJS.Signals): void {
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

/** Spawns a detached child (its own process group) whose group is killed on cleanup. */
function spawnGroup(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, name: string): ChildProcess {
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${cmd} ${args.join(" ")}`);
  onCleanup(name, () => killGroup(pid), () => signalGroup(pid, "SIGKILL"));
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

/**
 * `npx next build` when `.next/BUILD_ID` is missing. Returns the build time in seconds, or null when not needed.
 * Another `next build` in the same directory (a colleague, CI) rewrites `.next` under a running server and holds
 * Next's build lock, so first wait for it to finish (up to `waitMs`), then use its build or build ourselves.
 */
export async function ensureBuild(cwd: string, waitMs = 20 * 60_000, buildTimeoutMs = 15 * 60_000): Promise<number | null> {
  const waitDeadline = performance.now() + waitMs;
  let announced = false;
  const waitForOthers = async () => {
    for (;;) {
      const others = nextBuildsRunningIn(cwd);
      if (others.length === 0) return;
      if (performance.now() > waitDeadline) throw new Error(`another next build (pid ${others.join(", ")}) is still running after ${waitMs / 60_000} min`);
      if (!announced) log(`another next build is running in ${cwd} (pid ${others.join(", ")}); waiting for it to finish…`);
      announced = true;
      await sleep(5_000);
    }
  };
  for (;;) {
    await waitForOthers();
    if (existsSync(join(cwd, ".next", "BUILD_ID"))) return null;
    log("no production build (.next/BUILD_ID missing): running `npx next build` first (1–2 min)…");
    const t0 = performance.now();
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    const child = spawnGroup("npx", ["next", "build"], cwd, env, "next build");
    const tail = new Tail(60);
    const forward = (d: Buffer) => {
      tail.push(d);
      process.stderr.write(d);
    };
    child.stdout?.on("data", forward);
    child.stderr?.on("data", forward);
    const timer = setTimeout(() => {
      if (child.pid) signalGroup(child.pid, "SIGKILL");
    }, buildTimeoutMs);
    const code = await exited(child);
    clearTimeout(timer);
    if (child.pid) await killGroup(child.pid, 1_000);
    if (code === 0 && existsSync(join(cwd, ".next", "BUILD_ID"))) {
      const seconds = (performance.now() - t0) / 1000;
      log(`build finished in ${seconds.toFixed(1)} s`);
      return seconds;
    }
    // lost the race for Next's build lock against another build: wait for that one and try again
    if (/Another .*next build.* process is already running/i.test(tail.text().replace(/\x1b\[[0-9;]*m/g, "")) && performance.now() < waitDeadline) {
      log("Next's build lock is held by another build; waiting and retrying…");
      await sleep(5_000);
      continue;
    }
    throw new Error(`npx next build failed (exit ${code ?? "signal/timeout"}); last output:\n${tail.text()}`);
  }
}

/** Newest mtime (ms) of the app's sources, skipping node_modules and dot-directories. */
function newestSource(cwd: string): { path: string; mtimeMs: number } {
  let newest = { path: "", mtimeMs: 0 };
  const visit = (path: string) => {
    let st;
    try {
      st = statSync(path);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(path)) if (!name.startsWith(".") && name !== "node_modules") visit(join(path, name));
    } else if (st.mtimeMs > newest.mtimeMs) {
      newest = { path, mtimeMs: st.mtimeMs };
    }
  };
  for (const entry of ["app", "lib", "components", "public", "next.config.js", "package.json"]) visit(join(cwd, entry));
  return newest;
}

/** A warning when a source file changed after `.next/BUILD_ID` was written (the build may not match the code). */
export function staleBuildWarning(cwd: string): string | null {
  const buildId = join(cwd, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return null;
  const built = statSync(buildId).mtimeMs;
  const newest = newestSource(cwd);
  if (newest.mtimeMs <= built) return null;
  const rel = newest.path.startsWith(cwd) ? newest.path.slice(cwd.length + 1) : newest.path;
  return `${rel} changed ${((newest.mtimeMs - built) / 1000).toFixed(0)} s after the build (.next/BUILD_ID); the build may not match the sources — delete .next/BUILD_ID (or run npx next build) to rebuild`;
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

export async function startApp(o: { cwd: string; env: Record<string, string>; healthTimeoutMs?: number }): Promise<RunningApp> {
  const host = "127.0.0.1";
  const port = await freePort(host);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...o.env };
  log(`starting: npx next start -p ${port} -H ${host}`);
  const t0 = performance.now();
  const child = spawnGroup("npx", ["next", "start", "-p", String(port), "-H", host], o.cwd, env, "next start");
  const pid = child.pid!;
  const tail = new Tail(80);
  child.stdout?.on("data", (d: Buffer) => tail.push(d));
  child.stderr?.on("data", (d: Buffer) => tail.push(d));
  const baseUrl = `http://${host}:${port}`;

  const deadline = performance.now() + (o.healthTimeoutMs ?? 60_000);
  let last = "no answer yet";
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`next start exited (${child.exitCode ?? child.signalCode}) before it was healthy; output:\n${tail.text()}`);
    }
    if (performance.now() > deadline) {
      throw new Error(`next start not healthy after ${(o.healthTimeoutMs ?? 60_000) / 1000} s (last: ${last}); output:\n${tail.text()}`);
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
