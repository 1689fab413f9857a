/** The reference client: one `openssl s_client` process per handshake, timed from spawn to exit. */
import { spawn, execFileSync } from "node:child_process";
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

const running = new Set<import("node:child_process").ChildProcess>();

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

export function sClientArgs(o: SClientOptions): string[] {
  return [
    "s_client",
    "-connect", `${o.ip}:${o.port}`,
    "-servername", o.servername,
    "-CAfile", o.caFile,
    // full chain verification, and fail (exit 1) if it does not verify — the analyzer also checks trust…
    "-verify_return_error",
    // …and the name: the analyzer is given the IP literal, so check the IP SAN the same way
    "-verify_ip", o.ip,
    "-brief",
  ];
}

/**
 * stdin is /dev/null, so s_client completes the full handshake, verifies, sees EOF on stdin and exits — the same
 * work as `openssl s_client … </dev/null`.
 */
export function sClient(o: SClientOptions, signal?: AbortSignal): Promise<SClientOutcome> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn("openssl", sClientArgs(o), {
      stdio: ["ignore", "pipe", "pipe"],
      ...(signal ? { signal, killSignal: "SIGKILL" as const } : {}),
    });
    running.add(child);
    let out = "";
    const collect = (d: Buffer) => {
      if (out.length < 16_384) out += d.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (err) => {
      // spawn failure or abort; "close" still follows for aborts, but not for ENOENT
      if ((err as NodeJS.ErrnoException).code === "ENOENT") {
        running.delete(child);
        resolve({ ms: performance.now() - t0, ok: false, detail: "openssl not found on PATH" });
      }
    });
    child.on("close", (code, sig) => {
      const ms = performance.now() - t0;
      running.delete(child);
      const verified = /Verification: OK/.test(out);
      const ok = code === 0 && verified;
      resolve({
        ms,
        ok,
        detail: ok ? "" : `exit ${code ?? sig}${verified ? "" : ", no 'Verification: OK'"}: ${out.trim().split("\n").slice(-4).join(" | ")}`,
      });
    });
  });
}

export function opensslVersion(): string {
  try {
    return execFileSync("openssl", ["version"], { encoding: "utf8" }).trim();
  } catch {
    return "openssl (version unknown)";
  }
}
