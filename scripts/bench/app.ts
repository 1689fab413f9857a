/** Build (if needed), start and stop the production app (`next start`) as a detached process group. */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { onCleanup } from "./cleanup";
import { killGroup, signalGroup, spawnGroup as spawnDetached, startApp as startDetachedApp, Tail, type RunningApp, type StartAppOptions } from "../app-server";
import { nextBuildsRunningIn } from "./proc";
import type { ChildProcess } from "node:child_process";

export { freePort, type RunningApp } from "../app-server";

/** Spawns a process group that the benchmark's cleanup registry stops. */
function spawnGroup(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, name: string): ChildProcess {
  return spawnDetached(cmd, args, {
    cwd,
    env,
    onSpawn: (pid) =>
      onCleanup(
        name,
        () => killGroup(pid),
        () => signalGroup(pid, "SIGKILL"),
      ),
  });
}

/** The app, started the shared way, stopped by the benchmark's cleanup registry. */
export function startApp(o: Omit<StartAppOptions, "onSpawn" | "log">): Promise<RunningApp> {
  return startDetachedApp({
    ...o,
    log,
    onSpawn: (pid) =>
      onCleanup(
        "next start",
        () => killGroup(pid),
        () => signalGroup(pid, "SIGKILL"),
      ),
  });
}

const log = (msg: string) => console.error(`[bench] ${msg}`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

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
