/**
 * A test daemon run as a child in its own process group (Postfix's master, Dovecot): spawned, its output collected,
 * waited for until it answers, and on stop() (or when the test process exits) killed with its whole group and its
 * temp dir removed. What the daemon is and how it answers stays with each fixture.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Daemon {
  child: ChildProcess;
  /** the daemon's PID, also its process group; -1 if it could not be spawned */
  pid: number;
  /** its stdout and stderr so far, then its log file (kept at stop()) */
  log(): string;
  /** kills the group, keeps the log and removes the temp dir; once */
  stop(): Promise<void>;
}

export interface DaemonOptions {
  /** the temp dir the daemon runs in; removed at stop() */
  dir: string;
  /** the daemon's own log file (inside `dir`), read into log() */
  logFile: string;
  /**
   * "kill": SIGKILL to the whole group at once. "term": SIGTERM to the group if the daemon still runs, SIGKILL
   * after 3 s.
   */
  stopWith: "kill" | "term";
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A fresh temp dir filled by `fill`; removed again if `fill` throws. */
export async function makeTempDir(prefix: string, fill: (dir: string) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    await fill(dir);
  } catch (err) {
    await removeDir(dir);
    throw err;
  }
  return dir;
}

function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true, maxRetries: 5 });
}

const live = new Set<number>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const pgid of live) killGroup(pgid, "SIGKILL");
  });
}

/** false once no process of the group is left */
function killGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

function readLog(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/**
 * Processes of the group that are not zombies. Killed orphans stay zombies until init reaps them, which this VM's
 * init does only every ~2 s; they hold no ports or files, so waiting for them would only slow stop() down.
 */
function livingMembers(pgid: number): number {
  let count = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // fields after "(comm)": state, ppid, pgrp, ...
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(pgrp) === pgid && state !== "Z") count++;
    } catch {
      // exited meanwhile
    }
  }
  return count;
}

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function stopGroup(child: ChildProcess, stopWith: DaemonOptions["stopWith"]): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined) return;
  const exited = running(child) ? new Promise<void>((resolve) => child.once("exit", () => resolve())) : null;
  if (stopWith === "kill") {
    killGroup(pgid, "SIGKILL");
    await exited;
  } else if (exited) {
    killGroup(pgid, "SIGTERM");
    const timer = setTimeout(() => killGroup(pgid, "SIGKILL"), 3000);
    await exited;
    clearTimeout(timer);
  }
  // Resolve only when no process of the group still runs, so nothing outlives stop().
  for (let i = 0; i < 100 && livingMembers(pgid) > 0; i++) await sleep(20);
  live.delete(pgid);
}

export function spawnDaemon(command: string, args: string[], o: DaemonOptions): Daemon {
  installExitHook();
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  if (child.pid !== undefined) live.add(child.pid);
  // The daemon's own stdout/stderr (fatal errors before its logging is up), then the log file.
  let output = "";
  let kept: string | undefined;
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (output += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (output += d));
  child.on("error", (err) => (output += `spawn error: ${err.message}\n`));
  const log = () => output + (kept ?? readLog(o.logFile));
  let stopping: Promise<void> | undefined;
  const cleanup = async () => {
    await stopGroup(child, o.stopWith);
    kept = readLog(o.logFile);
    await removeDir(o.dir);
  };
  return { child, pid: child.pid ?? -1, log, stop: () => (stopping ??= cleanup()) };
}

/**
 * Tries `probe` every 50 ms until it resolves; throws `exited` once the daemon has exited and `noAnswer` (with the
 * last error) after `until` (a Date.now() time), both followed by the daemon's log.
 */
export async function waitForAnswer(daemon: Daemon, probe: () => Promise<unknown>, o: { until: number; exited: string; noAnswer: string }): Promise<void> {
  let lastError: unknown;
  for (;;) {
    if (!running(daemon.child)) throw new Error(`${o.exited}\n${daemon.log()}`);
    try {
      await probe();
      return;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > o.until) throw new Error(`${o.noAnswer} (${String(lastError)})\n${daemon.log()}`);
    await sleep(50);
  }
}

/** Waits with `ready`; if it fails, stops the daemon (and removes its dir) before rethrowing. */
export async function untilReady(daemon: Daemon, ready: () => Promise<void>): Promise<void> {
  try {
    await ready();
  } catch (err) {
    await daemon.stop();
    throw err;
  }
}
