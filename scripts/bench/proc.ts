/** Linux /proc helpers: the process tree under a pid, who listens on a TCP port, and VmRSS / VmHWM. */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

export interface ProcInfo {
  pid: number;
  ppid: number;
  comm: string;
}

export interface ProcMemory {
  pid: number;
  comm: string;
  /** first 120 characters of the command line */
  cmdline: string;
  rssKiB: number;
  hwmKiB: number;
}

export interface AppServerMemory {
  server: ProcMemory;
  /** how `server` was chosen */
  foundBy: "listening socket" | "largest RSS";
  /** every live process in the spawned tree */
  treeProcesses: number;
  treeRssKiB: number;
}

function readStat(pid: number): ProcInfo | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …" — comm may contain spaces and parentheses, so split at the last ")".
    const open = text.indexOf("(");
    const close = text.lastIndexOf(")");
    const rest = text.slice(close + 2).split(" ");
    return { pid, ppid: Number(rest[1]), comm: text.slice(open + 1, close) };
  } catch {
    return undefined; // exited meanwhile
  }
}

function allProcesses(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const info = readStat(Number(name));
    if (info) out.push(info);
  }
  return out;
}

/** `root` and all its live descendants. */
export function processTree(root: number): ProcInfo[] {
  const procs = allProcesses();
  const byParent = new Map<number, ProcInfo[]>();
  for (const p of procs) {
    const list = byParent.get(p.ppid) ?? [];
    list.push(p);
    byParent.set(p.ppid, list);
  }
  const rootInfo = procs.find((p) => p.pid === root);
  const result: ProcInfo[] = rootInfo ? [rootInfo] : [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    for (const child of byParent.get(pid) ?? []) {
      result.push(child);
      queue.push(child.pid);
    }
  }
  return result;
}

function readMemory(info: ProcInfo): ProcMemory | undefined {
  try {
    const status = readFileSync(`/proc/${info.pid}/status`, "utf8");
    const kib = (field: string) => {
      const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
      return m ? Number(m[1]) : 0;
    };
    let cmdline = "";
    try {
      cmdline = readFileSync(`/proc/${info.pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ").slice(0, 120);
    } catch {
      /* ignore */
    }
    return { pid: info.pid, comm: info.comm, cmdline, rssKiB: kib("VmRSS"), hwmKiB: kib("VmHWM") };
  } catch {
    return undefined;
  }
}

/** Socket inodes in LISTEN state (st 0A) on the given local port, from /proc/net/tcp and tcp6. */
function listeningInodes(port: number): Set<string> {
  const portHex = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const local = cols[1] ?? "";
      if (cols[3] === "0A" && local.endsWith(`:${portHex}`)) inodes.add(cols[9]!);
    }
  }
  return inodes;
}

function ownsSocket(pid: number, inodes: Set<string>): boolean {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m && inodes.has(m[1]!)) return true;
    } catch {
      /* fd closed meanwhile */
    }
  }
  return false;
}

/**
 * Memory of the process that serves the app: `npx next start` → (sh) → node next start → maybe a forked server.
 * Prefer the descendant that owns the listening socket on `port`; fall back to the one with the largest RSS.
 */
export function appServerMemory(rootPid: number, port: number): AppServerMemory {
  const tree = processTree(rootPid);
  const mems = tree.map(readMemory).filter((m): m is ProcMemory => m !== undefined);
  if (mems.length === 0) throw new Error(`no live processes under pid ${rootPid}`);
  const inodes = listeningInodes(port);
  const listeners = inodes.size > 0 ? mems.filter((m) => ownsSocket(m.pid, inodes)) : [];
  const largest = (list: ProcMemory[]) => list.reduce((a, b) => (b.rssKiB > a.rssKiB ? b : a));
  const server = listeners.length > 0 ? largest(listeners) : largest(mems);
  return {
    server,
    foundBy: listeners.length > 0 ? "listening socket" : "largest RSS",
    treeProcesses: mems.length,
    treeRssKiB: mems.reduce((s, m) => s + m.rssKiB, 0),
  };
}

/** Pids of `next build` processes (other than our own children) whose working directory is `cwd`. */
export function nextBuildsRunningIn(cwd: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
      if (!/^next-build\b/.test(cmd) && !/\bnext(\.js)?\s+build\b/.test(cmd)) continue;
      if (/\bnpm exec\b|^sh -c|\bnpx\b/.test(cmd)) continue; // wrappers; the node process itself is enough
      if (readlinkSync(`/proc/${name}/cwd`) === cwd) pids.push(Number(name));
    } catch {
      /* exited or not ours to read */
    }
  }
  return pids;
}
