/**
 * The reference clients, built from `openssl s_client` processes timed from spawn to exit:
 *  - `sClient`: one verified handshake (chain + IP-SAN verification), one process;
 *  - `sClientSameWork`: the work of one analyzer tls-certificate test — that verified handshake plus four
 *    single-version probes (TLS 1.0, 1.1, 1.2, 1.3, each alone on its own connection), all five in parallel.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";

export interface SClientOptions {
  ip: string;
  port: number;
  servername: string;
  caFile: string;
}

export interface SClientOutcome {
  ms: number;
  ok: boolean;
  detail: string;
}

const running = new Set<ChildProcess>();

/** Kill any s_client still running (cleanup path). */
export function killRunningSClients(): void {
  for (const child of running) {
    try {
      child.kill("SIGKILL");
    } catch {
      /* gone */
    }
  }
  running.clear();
}

/** One finished `openssl` process: performance.now() at spawn (`t0`) and at close (`t1`), exit status, output. */
interface RawRun {
  t0: number;
  t1: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  /** set when the process could not be started (e.g. openssl not on PATH) */
  spawnError?: string;
}

/**
 * Spawns `openssl …args` with stdin = /dev/null (stdio "ignore"), collects stdout+stderr (first 16 KiB) and
 * resolves once it has exited and its pipes are closed. `signal` kills it (SIGKILL).
 */
function runOpenssl(args: string[], signal?: AbortSignal): Promise<RawRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn("openssl", args, {
      stdio: ["ignore", "pipe", "pipe"],
      ...(signal ? { signal, killSignal: "SIGKILL" as const } : {}),
    });
    running.add(child);
    let out = "";
    let settled = false;
    const finish = (r: Omit<RawRun, "t0" | "t1" | "out">) => {
      if (settled) return;
      settled = true;
      running.delete(child);
      resolve({ t0, t1: performance.now(), out, ...r });
    };
    const collect = (d: Buffer) => {
      if (out.length < 16_384) out += d.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (err) => {
      // spawn failure or abort; "close" still follows for aborts, but not for ENOENT
      if ((err as NodeJS.ErrnoException).code === "ENOENT") finish({ code: null, signal: null, spawnError: "openssl not found on PATH" });
    });
    child.on("close", (code, sig) => finish({ code, signal: sig }));
  });
}

const lastLines = (out: string, n = 4) => out.trim().split("\n").slice(-n).join(" | ");

export function sClientArgs(o: SClientOptions): string[] {
  return [
    "s_client",
    "-connect",
    `${o.ip}:${o.port}`,
    "-servername",
    o.servername,
    "-CAfile",
    o.caFile,
    // full chain verification, and fail (exit 1) if it does not verify — the analyzer also checks trust…
    "-verify_return_error",
    // …and the name: the analyzer is given the IP literal, so check the IP SAN the same way
    "-verify_ip",
    o.ip,
    "-brief",
  ];
}

/** The verified run: exit 0 and "Verification: OK". */
function judgeVerified(r: RawRun): SClientOutcome {
  const ms = r.t1 - r.t0;
  if (r.spawnError) return { ms, ok: false, detail: r.spawnError };
  const verified = /Verification: OK/.test(r.out);
  const ok = r.code === 0 && verified;
  return { ms, ok, detail: ok ? "" : `exit ${r.code ?? r.signal}${verified ? "" : ", no 'Verification: OK'"}: ${lastLines(r.out)}` };
}

/**
 * stdin is /dev/null, so s_client completes the full handshake, verifies, sees EOF on stdin and exits — the same
 * work as `openssl s_client … </dev/null`.
 */
export async function sClient(o: SClientOptions, signal?: AbortSignal): Promise<SClientOutcome> {
  return judgeVerified(await runOpenssl(sClientArgs(o), signal));
}

// ---------------------------------------------------------------------------------------------------------------
// single-version probes and the same-work unit

export const PROBE_VERSIONS = [
  { flag: "-tls1", label: "TLS 1.0" },
  { flag: "-tls1_1", label: "TLS 1.1" },
  { flag: "-tls1_2", label: "TLS 1.2" },
  { flag: "-tls1_3", label: "TLS 1.3" },
] as const;

export type ProbeFlag = (typeof PROBE_VERSIONS)[number]["flag"];

/** Offers one protocol version alone. `ALL:@SECLEVEL=0` so OpenSSL 3 is willing to offer TLS 1.0/1.1 at all. */
export function sClientProbeArgs(o: SClientOptions, flag: ProbeFlag): string[] {
  // A probe only asks "is this version accepted?": like the analyzer's probes it loads no CA store.
  return [
    "s_client",
    "-connect",
    `${o.ip}:${o.port}`,
    "-servername",
    o.servername,
    flag,
    "-cipher",
    "ALL:@SECLEVEL=0",
    "-no-CAfile",
    "-no-CApath",
    "-no-CAstore",
    "-brief",
  ];
}

export interface ProbeOutcome {
  flag: ProbeFlag;
  ms: number;
  /** the process exited by itself (any exit code: a refused version exits non-zero) */
  finished: boolean;
  /** exit 0 and a negotiated protocol version printed */
  accepted: boolean;
  /** the negotiated version from `-brief` ("Protocol version: TLSv1.3"), if any */
  negotiated?: string;
  detail: string;
}

function judgeProbe(flag: ProbeFlag, r: RawRun): ProbeOutcome {
  const ms = r.t1 - r.t0;
  if (r.spawnError) return { flag, ms, finished: false, accepted: false, detail: r.spawnError };
  const finished = r.code !== null;
  const negotiated = /Protocol version: (\S+)/.exec(r.out)?.[1];
  const accepted = r.code === 0 && negotiated !== undefined;
  return {
    flag,
    ms,
    finished,
    accepted,
    ...(negotiated ? { negotiated } : {}),
    detail: finished ? `exit ${r.code}` : `killed by ${r.signal ?? "?"} before it finished: ${lastLines(r.out)}`,
  };
}

export interface SameWorkOutcome extends SClientOutcome {
  /** the verified s_client alone (spawn → exit) */
  verifiedMs: number;
  /** the four probes, in PROBE_VERSIONS order */
  probes: ProbeOutcome[];
}

/**
 * One "same work" unit: the verified s_client and the four single-version probes, all spawned at once; `ms` runs
 * from just before the first spawn to the exit of the last process. ok = the verified run verified and every probe
 * finished by itself (whatever its exit code).
 */
export async function sClientSameWork(o: SClientOptions, signal?: AbortSignal): Promise<SameWorkOutcome> {
  const t0 = performance.now();
  const runs = [runOpenssl(sClientArgs(o), signal), ...PROBE_VERSIONS.map((v) => runOpenssl(sClientProbeArgs(o, v.flag), signal))];
  const [verifiedRun, ...probeRuns] = await Promise.all(runs);
  const ms = Math.max(verifiedRun!.t1, ...probeRuns.map((r) => r.t1)) - t0;
  const verified = judgeVerified(verifiedRun!);
  const probes = probeRuns.map((r, i) => judgeProbe(PROBE_VERSIONS[i]!.flag, r));
  const problems = [
    ...(verified.ok ? [] : [`verified s_client: ${verified.detail}`]),
    ...probes.filter((p) => !p.finished).map((p) => `probe ${p.flag}: ${p.detail}`),
  ];
  return { ms, ok: problems.length === 0, detail: problems.join("; "), verifiedMs: verified.ms, probes };
}

export function opensslVersion(): string {
  try {
    return execFileSync("openssl", ["version"], { encoding: "utf8" }).trim();
  } catch {
    return "openssl (version unknown)";
  }
}
