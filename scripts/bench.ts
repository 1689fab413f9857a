/**
 * Benchmark: the production app's tls-certificate test (POST /api/tests) against `openssl s_client` on a loopback TLS
 * server from the test PKI. One analyzer test = 1 verified handshake (TCP connect, full TLS handshake, chain + name
 * verification) + 4 parallel TLS version probes (TLS 1.0, 1.1, 1.2, 1.3, each offered alone on its own connection).
 * Two openssl references:
 *  - "same work" (the headline ratios): the verified `s_client` run in parallel with four `s_client -tls1` /
 *    `-tls1_1` / `-tls1_2` / `-tls1_3` probes, timed from the first spawn to the exit of the last process;
 *  - "1 verified handshake": the verified `s_client` alone (the earlier reference, kept for comparison).
 *
 *   npm run bench            (node --import tsx scripts/bench.ts)
 *
 * Everything stays on loopback: the target is 127.0.0.77, the app listens on 127.0.0.1, Next.js telemetry is off.
 * Progress goes to stderr; the report (tables + one `BENCH_JSON {...}` line) goes to stdout. Exit 0 on success,
 * 1 with the reason on failure. Servers, child process groups and temp dirs are removed on every exit path.
 */
import { setMaxListeners } from "node:events";
import { readFileSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { ensureBuild, staleBuildWarning, startApp, type RunningApp } from "./bench/app";
import { installSignalHandlers, onCleanup, runCleanup, stopSignal } from "./bench/cleanup";
import {
  killRunningSClients,
  opensslVersion,
  PROBE_VERSIONS,
  sClient,
  sClientArgs,
  sClientProbeArgs,
  sClientSameWork,
  type ProbeFlag,
  type SameWorkOutcome,
  type SClientOptions,
} from "./bench/openssl";
import { appServerMemory, type AppServerMemory } from "./bench/proc";
import { round, roundSummary, summarize, type Summary } from "./bench/stats";
import { fmt, table } from "./bench/table";
import { chainPem, createTestPki } from "../tests/support/pki";
import { startHttpsServer } from "../tests/support/servers";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TARGET_IP = "127.0.0.77";
const TARGET_NAME = "bench.contoso.test";
const WARMUP = 3;
const LATENCY_N = 30;
const TP_TOTAL = 200;
const TP_CONCURRENCY = 20;
const TP_DEADLINE_MS = 120_000;
const REQUEST_TIMEOUT_MS = 60_000;

const log = (msg: string) => console.error(`[bench] ${msg}`);
/** Throws once SIGINT/SIGTERM asked us to stop, so no further phase starts. */
const checkStop = () => {
  if (stopSignal.aborted) throw stopSignal.reason instanceof Error ? stopSignal.reason : new Error("interrupted");
};
const out = (line = "") => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------------------------
// one analyzer request

interface Attempt {
  ok: boolean;
  /** wall time of POST + reading the JSON answer */
  ms: number;
  status: number;
  verdict?: string;
  /** result.elapsedMs: time inside the test */
  elapsedMs?: number;
  /** message of the tls.protocols step, when the result has one (the version probes ran) */
  protocols?: string;
  error?: string;
}

interface StepLike {
  code?: string;
  status?: string;
  message?: string;
  children?: StepLike[];
}

/** The first step with this code, depth first. */
function findStep(steps: StepLike[] | undefined, code: string): StepLike | undefined {
  for (const s of steps ?? []) {
    if (s.code === code) return s;
    const inner = findStep(s.children, code);
    if (inner) return inner;
  }
  return undefined;
}

/** The non-success steps of a result, for a failure message. */
function problemSteps(steps: StepLike[] | undefined, acc: string[] = []): string[] {
  for (const s of steps ?? []) {
    if (s.status === "error" || s.status === "warning") acc.push(`${s.code} [${s.status}] ${s.message}`);
    problemSteps(s.children, acc);
  }
  return acc;
}

async function runAnalyzer(app: RunningApp, port: number, signal?: AbortSignal): Promise<Attempt> {
  const body = JSON.stringify({ test: "tls-certificate", host: TARGET_IP, port });
  const t0 = performance.now();
  try {
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const res = await fetch(`${app.baseUrl}/api/tests`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body,
      signal: AbortSignal.any(signal ? [signal, timeout, stopSignal] : [timeout, stopSignal]),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    let json: { id?: string; result?: { verdict?: string; elapsedMs?: number; steps?: StepLike[] } } | undefined;
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      /* not JSON */
    }
    const verdict = json?.result?.verdict;
    const elapsedMs = json?.result?.elapsedMs;
    const protocols = findStep(json?.result?.steps, "tls.protocols")?.message;
    const base = {
      ms,
      status: res.status,
      ...(verdict ? { verdict } : {}),
      ...(typeof elapsedMs === "number" ? { elapsedMs } : {}),
      ...(protocols !== undefined ? { protocols } : {}),
    };
    if (res.status !== 201) return { ...base, ok: false, error: `HTTP ${res.status}: ${text.slice(0, 300)}` };
    if (verdict !== "success") {
      return { ...base, ok: false, error: `verdict ${verdict ?? "missing"}: ${problemSteps(json?.result?.steps).join(" | ").slice(0, 500)}` };
    }
    return { ...base, ok: true };
  } catch (err) {
    const e = err as Error;
    return { ok: false, ms: performance.now() - t0, status: 0, error: `${e.name}: ${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ""}` };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// bounded concurrent pool

interface PoolRun<T> {
  outcomes: T[];
  wallMs: number;
  stoppedByDeadline: boolean;
}

/** `total` tasks on `concurrency` workers; after `deadlineMs` no new task starts and running ones are aborted. */
async function runPool<T>(total: number, concurrency: number, deadlineMs: number, task: (signal: AbortSignal) => Promise<T>): Promise<PoolRun<T>> {
  const ac = new AbortController();
  // every spawned openssl (5 per same-work unit) and every fetch adds an abort listener to this signal
  setMaxListeners(concurrency * 8 + 10, ac.signal);
  const onStop = () => ac.abort(stopSignal.reason);
  stopSignal.addEventListener("abort", onStop, { once: true });
  const timer = setTimeout(() => ac.abort(new Error(`deadline of ${deadlineMs / 1000} s reached`)), deadlineMs);
  const outcomes: T[] = [];
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (!ac.signal.aborted && next < total) {
      next++;
      outcomes.push(await task(ac.signal));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - t0;
  clearTimeout(timer);
  stopSignal.removeEventListener("abort", onStop);
  return { outcomes, wallMs, stoppedByDeadline: ac.signal.aborted };
}

// ---------------------------------------------------------------------------------------------------------------

function memRow(label: string, m: AppServerMemory): string[] {
  return [label, fmt(m.server.rssKiB / 1024), fmt(m.server.hwmKiB / 1024), fmt(m.treeRssKiB / 1024), String(m.treeProcesses)];
}

function memJson(m: AppServerMemory) {
  return {
    pid: m.server.pid,
    rssMiB: round(m.server.rssKiB / 1024, 1),
    hwmMiB: round(m.server.hwmKiB / 1024, 1),
    treeRssMiB: round(m.treeRssKiB / 1024, 1),
    treeProcesses: m.treeProcesses,
  };
}

function latRow(label: string, s: Summary): string[] {
  return [label, String(s.n), fmt(s.p50, 2), fmt(s.p90, 2), fmt(s.p95, 2), fmt(s.min, 2), fmt(s.max, 2), fmt(s.mean, 2)];
}

/** Shell-style display of an argument list (single-quotes what the shell would not take literally). */
function shellArgs(args: string[]): string {
  return args.map((a) => (/^[\w%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(" ");
}

/** "TLS 1.2 accepted 263/263 (TLSv1.2)" per probed version, over the given same-work units' finished probes. */
function probeTally(units: SameWorkOutcome[]): string[] {
  return PROBE_VERSIONS.map((v, i) => {
    const probes = units.map((u) => u.probes[i]).filter((p): p is NonNullable<typeof p> => p !== undefined && p.finished);
    const accepted = probes.filter((p) => p.accepted);
    const negotiated = [...new Set(accepted.map((p) => p.negotiated).filter(Boolean))].join(",");
    return `${v.label} accepted ${accepted.length}/${probes.length}${negotiated ? ` (${negotiated})` : ""}`;
  });
}

function nextVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, "node_modules", "next", "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** set once the app is up, so a failure report can show its recent output */
let currentApp: RunningApp | undefined;

async function main(): Promise<void> {
  const cpus = os.cpus();
  const loadAtStart = os.loadavg();
  log(`machine: ${cpus.length} CPU cores, Node ${process.version}, ${opensslVersion()}`);

  // 1. test PKI + TLS target on loopback
  log("generating the test PKI…");
  const pki = await createTestPki();
  onCleanup(
    "test PKI temp dir",
    () => pki.cleanup(),
    () => rmSyncQuiet(pki.dir),
  );
  const leaf = await pki.issueLeaf({ commonName: TARGET_NAME, dnsNames: [TARGET_NAME], ipAddresses: [TARGET_IP] });
  const target = await startHttpsServer({ host: TARGET_IP, chain: chainPem(leaf, pki.intermediate), key: leaf.keyPem });
  onCleanup("TLS target server", () => target.close());
  log(`TLS target: ${TARGET_IP}:${target.port} (leaf ${TARGET_NAME} + intermediate)`);

  const sopts: SClientOptions = { ip: TARGET_IP, port: target.port, servername: TARGET_NAME, caFile: pki.trustFile };
  const check = await sClient(sopts);
  if (!check.ok) throw new Error(`openssl s_client cannot verify the target: ${check.detail}`);
  const checkSame = await sClientSameWork(sopts);
  if (!checkSame.ok) throw new Error(`the openssl same-work unit fails against the target: ${checkSame.detail}`);
  log(`openssl probes: ${probeTally([checkSame]).join(", ")}`);

  // 2. production app
  const tmp = await mkdtemp(join(os.tmpdir(), "rca-bench-"));
  onCleanup(
    "bench temp dir",
    () => rm(tmp, { recursive: true, force: true }),
    () => rmSyncQuiet(tmp),
  );
  checkStop();
  const buildSeconds = await ensureBuild(ROOT);
  const stale = staleBuildWarning(ROOT);
  if (stale) log(`WARNING: ${stale}`);
  checkStop();
  const app = await startApp({
    cwd: ROOT,
    env: {
      RCA_ALLOW_PRIVATE_TARGETS: "true",
      NODE_EXTRA_CA_CERTS: pki.trustFile,
      RCA_DATABASE_URL: `file:${join(tmp, "bench.sqlite")}`,
      // the target is an IP literal, so no DNS lookup happens; should one happen anyway it stays on loopback
      // (nothing answers there → it would fail loudly instead of leaving the machine)
      RCA_DNS_SERVERS: "127.0.0.1:9",
      // the local target listens on an ephemeral port; the rate limit would cap the throughput run
      RCA_ALLOWED_PORTS: "1-65535",
      RCA_RATE_LIMIT: "0",
    },
  });
  currentApp = app;
  const memBefore = appServerMemory(app.pid, app.port);
  log(`app server process: pid ${memBefore.server.pid} (${memBefore.server.cmdline || memBefore.server.comm}, found by ${memBefore.foundBy})`);

  // 3. latency
  log(`latency: ${WARMUP} warm-up + ${LATENCY_N} sequential analyzer runs…`);
  let analyzerProtocols: string | undefined;
  for (let i = 0; i < WARMUP; i++) {
    checkStop();
    const a = await runAnalyzer(app, target.port);
    if (!a.ok) throw new Error(`analyzer warm-up run ${i + 1} failed (the benchmark needs verdict "success"): ${a.error}`);
    analyzerProtocols ??= a.protocols;
  }
  // the same-work reference mirrors a test that probes the versions; a build without that step is not comparable
  const protocolStepMissing = analyzerProtocols === undefined;
  if (protocolStepMissing) log(`WARNING: the analyzer result has no tls.protocols step: this build does not probe TLS versions`);
  else log(`analyzer tls.protocols: ${analyzerProtocols}`);
  const analyzerLat: Attempt[] = [];
  for (let i = 0; i < LATENCY_N; i++) {
    checkStop();
    const a = await runAnalyzer(app, target.port);
    if (!a.ok) throw new Error(`analyzer latency run ${i + 1} failed: ${a.error}`);
    analyzerLat.push(a);
  }
  log(`latency: ${WARMUP} warm-up + ${LATENCY_N} sequential openssl s_client runs (1 verified handshake)…`);
  for (let i = 0; i < WARMUP; i++) {
    checkStop();
    const r = await sClient(sopts);
    if (!r.ok) throw new Error(`openssl warm-up run ${i + 1} failed: ${r.detail}`);
  }
  const opensslLat: number[] = [];
  for (let i = 0; i < LATENCY_N; i++) {
    checkStop();
    const r = await sClient(sopts);
    if (!r.ok) throw new Error(`openssl latency run ${i + 1} failed: ${r.detail}`);
    opensslLat.push(r.ms);
  }
  log(`latency: ${WARMUP} warm-up + ${LATENCY_N} sequential openssl same-work units (verified s_client + 4 version probes, in parallel)…`);
  for (let i = 0; i < WARMUP; i++) {
    checkStop();
    const r = await sClientSameWork(sopts);
    if (!r.ok) throw new Error(`openssl same-work warm-up unit ${i + 1} failed: ${r.detail}`);
  }
  const sameLat: SameWorkOutcome[] = [];
  for (let i = 0; i < LATENCY_N; i++) {
    checkStop();
    const r = await sClientSameWork(sopts);
    if (!r.ok) throw new Error(`openssl same-work latency unit ${i + 1} failed: ${r.detail}`);
    sameLat.push(r);
  }
  checkStop();
  const memAfterLatency = appServerMemory(app.pid, app.port);

  const latWall = summarize(analyzerLat.map((a) => a.ms));
  const latInside = summarize(analyzerLat.map((a) => a.elapsedMs ?? Number.NaN));
  const latOverhead = summarize(analyzerLat.map((a) => a.ms - (a.elapsedMs ?? Number.NaN)));
  const latOpenssl = summarize(opensslLat);
  const latSame = summarize(sameLat.map((u) => u.ms));
  const latSameVerified = summarize(sameLat.map((u) => u.verifiedMs));
  const latSameSlowestProbe = summarize(sameLat.map((u) => Math.max(...u.probes.map((p) => p.ms))));

  // 4. throughput
  log(`throughput: ${TP_TOTAL} analyzer runs, ${TP_CONCURRENCY} concurrent (cap ${TP_DEADLINE_MS / 1000} s)…`);
  const tpAnalyzer = await runPool(TP_TOTAL, TP_CONCURRENCY, TP_DEADLINE_MS, (signal) => runAnalyzer(app, target.port, signal));
  checkStop();
  const memAfterThroughput = appServerMemory(app.pid, app.port);
  log(`throughput: ${TP_TOTAL} openssl s_client runs (1 verified handshake), ${TP_CONCURRENCY} concurrent (cap ${TP_DEADLINE_MS / 1000} s)…`);
  checkStop();
  const tpOpenssl = await runPool(TP_TOTAL, TP_CONCURRENCY, TP_DEADLINE_MS, (signal) => sClient(sopts, signal));
  checkStop();
  const procsPerUnit = 1 + PROBE_VERSIONS.length;
  log(
    `throughput: ${TP_TOTAL} openssl same-work units, ${TP_CONCURRENCY} concurrent (up to ${TP_CONCURRENCY * procsPerUnit} openssl processes; cap ${TP_DEADLINE_MS / 1000} s)…`,
  );
  const tpSame = await runPool(TP_TOTAL, TP_CONCURRENCY, TP_DEADLINE_MS, (signal) => sClientSameWork(sopts, signal));

  const aOk = tpAnalyzer.outcomes.filter((a) => a.ok);
  const aErrors = tpAnalyzer.outcomes.length - aOk.length + (TP_TOTAL - tpAnalyzer.outcomes.length);
  const oOk = tpOpenssl.outcomes.filter((o) => o.ok);
  const oErrors = tpOpenssl.outcomes.length - oOk.length + (TP_TOTAL - tpOpenssl.outcomes.length);
  const sOk = tpSame.outcomes.filter((o) => o.ok);
  const sErrors = tpSame.outcomes.length - sOk.length + (TP_TOTAL - tpSame.outcomes.length);
  if (aOk.length === 0) throw new Error(`every analyzer throughput run failed; first error: ${tpAnalyzer.outcomes[0]?.error ?? "none started"}`);
  if (oOk.length === 0) throw new Error(`every openssl throughput run failed; first error: ${tpOpenssl.outcomes[0]?.detail ?? "none started"}`);
  if (sOk.length === 0) throw new Error(`every openssl same-work throughput unit failed; first error: ${tpSame.outcomes[0]?.detail ?? "none started"}`);
  const aRate = aOk.length / (tpAnalyzer.wallMs / 1000);
  const oRate = oOk.length / (tpOpenssl.wallMs / 1000);
  const sRate = sOk.length / (tpSame.wallMs / 1000);
  const aTpLat = summarize(aOk.map((a) => a.ms));
  const aTpInside = summarize(aOk.map((a) => a.elapsedMs ?? Number.NaN));
  const oTpLat = summarize(oOk.map((o) => o.ms));
  const sTpLat = summarize(sOk.map((o) => o.ms));
  const allSameUnits = [checkSame, ...sameLat, ...sOk];

  checkStop();
  // 6. report
  const nproc = cpus.length;
  const loadAtEnd = os.loadavg();
  const la = (l: number[]) => l.map((v) => v.toFixed(2)).join(" / ");
  const probeCmd = (flag: ProbeFlag) => `openssl ${shellArgs(sClientProbeArgs(sopts, flag))} </dev/null`;
  out("");
  out("=== Remote Connectivity Analyzer benchmark: tls-certificate test vs openssl s_client doing the same work ===");
  out(`Machine : ${nproc} CPU cores (${cpus[0]?.model.trim() ?? "unknown"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}`);
  out(`Software: Node ${process.version}, Next.js ${nextVersion()} (production build, next start), ${opensslVersion()}`);
  out(`NOTE    : the app server, the TLS target server, the load generator (this process) and the openssl processes`);
  out(`          all share these ${nproc} cores; under concurrency they compete for CPU, so throughput figures are`);
  out(`          lower bounds and the analyzer/openssl ratio includes that contention.`);
  out(`Load avg: ${la(loadAtStart)} at start, ${la(loadAtEnd)} at end (1/5/15 min; other work on the machine skews results)`);
  if (stale) out(`WARNING : ${stale}`);
  if (protocolStepMissing)
    out(`WARNING : the analyzer result has no tls.protocols step: this build does not probe TLS versions, so the same-work reference does more work than it`);
  out(`Target  : ${TARGET_IP}:${target.port}, Node TLS server in the bench process (TLS 1.2–1.3), chain = leaf (EC P-256,`);
  out(`          CN/SAN ${TARGET_NAME}, SAN IP ${TARGET_IP}) + intermediate; trust = test root (NODE_EXTRA_CA_CERTS / -CAfile)`);
  out(`Work    : one tls-certificate test = 1 verified handshake (TCP + full handshake + chain and IP-SAN verification)`);
  out(`          + 4 TLS version probes in parallel (TLS 1.0, 1.1, 1.2, 1.3, each offered alone on its own connection)`);
  out(`Analyzer: POST ${app.baseUrl}/api/tests {"test":"tls-certificate","host":"${TARGET_IP}","port":${target.port}}`);
  out(`          → 201, verdict "success" asserted for every latency run (HTTP keep-alive client, fetch)`);
  out(`          its tls.protocols step: ${analyzerProtocols ?? "missing"}`);
  out(`openssl, same work (the reference for the headline ratios): one unit = these ${procsPerUnit} processes spawned at once,`);
  out(`          timed from the first spawn to the exit of the last; ok = the first verifies, every probe exits by itself`);
  out(`            openssl ${shellArgs(sClientArgs(sopts))} </dev/null`);
  for (const v of PROBE_VERSIONS) out(`            ${probeCmd(v.flag)}`);
  out(`          probe outcomes over all ${allSameUnits.length} ok units: ${probeTally(allSameUnits).join(", ")}`);
  out(`openssl, 1 verified handshake (earlier reference, not the same work): the first command above alone`);
  out(`          (new process per run: process start + TCP + full handshake + chain and IP-SAN verification)`);
  out(
    `Startup : ${buildSeconds === null ? "existing build used" : `built first (${buildSeconds.toFixed(1)} s)`}; app healthy (GET / 200) after ${app.startupSeconds.toFixed(1)} s`,
  );
  out("");
  out(`Latency, sequential (${WARMUP} warm-up runs discarded; ms; quantiles interpolated)`);
  out(
    table(
      ["", "n", "median", "p90", "p95", "min", "max", "mean"],
      [
        latRow("analyzer POST /api/tests, wall", latWall),
        latRow("  inside the test (result.elapsedMs)", latInside),
        latRow("  HTTP + JSON + store (wall - elapsed)", latOverhead),
        latRow("openssl s_client, same work (unit wall)", latSame),
        latRow("  its verified s_client (spawn → exit)", latSameVerified),
        latRow("  its slowest probe (spawn → exit)", latSameSlowestProbe),
        latRow("openssl s_client, 1 verified handshake", latOpenssl),
      ],
    ),
  );
  const ratioMedian = latWall.p50 / latSame.p50;
  const ratioP90 = latWall.p90 / latSame.p90;
  const ratioInside = latInside.p50 / latSame.p50;
  const ratioMedian1 = latWall.p50 / latOpenssl.p50;
  const ratioP901 = latWall.p90 / latOpenssl.p90;
  const ratioInside1 = latInside.p50 / latOpenssl.p50;
  out(
    `  ratio analyzer / openssl same work: median ${fmt(ratioMedian, 2)}x, p90 ${fmt(ratioP90, 2)}x (in-test elapsed median / same-work median: ${fmt(ratioInside, 2)}x)`,
  );
  out(
    `  ratio analyzer / openssl 1 verified handshake (not the same work): median ${fmt(ratioMedian1, 2)}x, p90 ${fmt(ratioP901, 2)}x (in-test: ${fmt(ratioInside1, 2)}x)`,
  );
  out("");
  out(`Throughput (${TP_TOTAL} runs, ${TP_CONCURRENCY} concurrent clients/units, stop after ${TP_DEADLINE_MS / 1000} s; latency of successful runs, ms)`);
  out(
    table(
      ["", "done", "ok", "errors", "wall s", "per second", "p50", "p95", "max"],
      [
        [
          "analyzer (tests/s)",
          String(tpAnalyzer.outcomes.length),
          String(aOk.length),
          String(aErrors),
          fmt(tpAnalyzer.wallMs / 1000, 2),
          fmt(aRate, 2),
          fmt(aTpLat.p50, 1),
          fmt(aTpLat.p95, 1),
          fmt(aTpLat.max, 1),
        ],
        ["  inside the test (result.elapsedMs)", "", "", "", "", "", fmt(aTpInside.p50, 1), fmt(aTpInside.p95, 1), fmt(aTpInside.max, 1)],
        [
          `openssl s_client, same work (units/s)`,
          String(tpSame.outcomes.length),
          String(sOk.length),
          String(sErrors),
          fmt(tpSame.wallMs / 1000, 2),
          fmt(sRate, 2),
          fmt(sTpLat.p50, 1),
          fmt(sTpLat.p95, 1),
          fmt(sTpLat.max, 1),
        ],
        [
          "openssl s_client, 1 verified handshake (handshakes/s)",
          String(tpOpenssl.outcomes.length),
          String(oOk.length),
          String(oErrors),
          fmt(tpOpenssl.wallMs / 1000, 2),
          fmt(oRate, 2),
          fmt(oTpLat.p50, 1),
          fmt(oTpLat.p95, 1),
          fmt(oTpLat.max, 1),
        ],
      ],
    ),
  );
  out(`  (same work: ${TP_CONCURRENCY} concurrent units = up to ${TP_CONCURRENCY * procsPerUnit} openssl processes at once)`);
  out(`  ratio analyzer / openssl same work (per second): ${fmt(aRate / sRate, 2)}x`);
  out(`  ratio analyzer / openssl 1 verified handshake (per second, not the same work): ${fmt(aRate / oRate, 2)}x`);
  if (tpAnalyzer.stoppedByDeadline || tpOpenssl.stoppedByDeadline || tpSame.stoppedByDeadline) {
    out(`  WARNING: the ${TP_DEADLINE_MS / 1000} s cap was reached; not all ${TP_TOTAL} runs completed`);
  }
  const firstErrors = [
    ...tpAnalyzer.outcomes
      .filter((a) => !a.ok)
      .slice(0, 3)
      .map((a) => `analyzer: ${a.error}`),
    ...tpSame.outcomes
      .filter((o) => !o.ok)
      .slice(0, 3)
      .map((o) => `openssl same work: ${o.detail}`),
    ...tpOpenssl.outcomes
      .filter((o) => !o.ok)
      .slice(0, 3)
      .map((o) => `openssl 1 verified handshake: ${o.detail}`),
  ];
  for (const e of firstErrors) out(`  error: ${e.slice(0, 300)}`);
  out("");
  const srv = memAfterThroughput.server;
  out(`Memory of the app server process (pid ${srv.pid}, "${srv.cmdline || srv.comm}", chosen by ${memAfterThroughput.foundBy}; MiB)`);
  out(
    table(
      ["", "VmRSS", "VmHWM", "tree RSS", "tree procs"],
      [memRow("before the runs", memBefore), memRow("after latency", memAfterLatency), memRow("after throughput", memAfterThroughput)],
    ),
  );
  out(`  (tree = npx + every descendant of it; VmHWM = peak RSS so far)`);
  out("");

  const summary = {
    machine: {
      cpus: nproc,
      sharedCores: true,
      loadAvgStart: loadAtStart.map((v) => round(v, 2)),
      loadAvgEnd: loadAtEnd.map((v) => round(v, 2)),
      node: process.version,
      next: nextVersion(),
      openssl: opensslVersion(),
    },
    target: { host: TARGET_IP, port: target.port, name: TARGET_NAME },
    /** what the headline ratios (latency.ratioMedian / ratioP90, throughput.ratio) compare against */
    reference: "openssl same work: verified s_client + 4 single-version probes (-tls1, -tls1_1, -tls1_2, -tls1_3) in parallel",
    analyzerProtocols: analyzerProtocols ?? null,
    opensslProbes: probeTally(allSameUnits),
    latency: {
      n: LATENCY_N,
      warmup: WARMUP,
      analyzerWallMs: roundSummary(latWall),
      analyzerElapsedMs: roundSummary(latInside),
      analyzerOverheadMs: roundSummary(latOverhead),
      opensslSameWorkMs: roundSummary(latSame),
      opensslSameWorkVerifiedMs: roundSummary(latSameVerified),
      opensslSameWorkSlowestProbeMs: roundSummary(latSameSlowestProbe),
      opensslMs: roundSummary(latOpenssl),
      ratioMedian: round(ratioMedian, 3),
      ratioP90: round(ratioP90, 3),
      ratioMedianSingleHandshake: round(ratioMedian1, 3),
      ratioP90SingleHandshake: round(ratioP901, 3),
    },
    throughput: {
      total: TP_TOTAL,
      concurrency: TP_CONCURRENCY,
      deadlineS: TP_DEADLINE_MS / 1000,
      analyzer: {
        done: tpAnalyzer.outcomes.length,
        ok: aOk.length,
        errors: aErrors,
        wallS: round(tpAnalyzer.wallMs / 1000, 3),
        perSecond: round(aRate, 2),
        p50Ms: round(aTpLat.p50, 1),
        p95Ms: round(aTpLat.p95, 1),
        elapsedP50Ms: round(aTpInside.p50, 1),
        stoppedByDeadline: tpAnalyzer.stoppedByDeadline,
      },
      opensslSameWork: {
        done: tpSame.outcomes.length,
        ok: sOk.length,
        errors: sErrors,
        wallS: round(tpSame.wallMs / 1000, 3),
        perSecond: round(sRate, 2),
        p50Ms: round(sTpLat.p50, 1),
        p95Ms: round(sTpLat.p95, 1),
        processesPerUnit: procsPerUnit,
        stoppedByDeadline: tpSame.stoppedByDeadline,
      },
      openssl: {
        done: tpOpenssl.outcomes.length,
        ok: oOk.length,
        errors: oErrors,
        wallS: round(tpOpenssl.wallMs / 1000, 3),
        perSecond: round(oRate, 2),
        p50Ms: round(oTpLat.p50, 1),
        p95Ms: round(oTpLat.p95, 1),
        stoppedByDeadline: tpOpenssl.stoppedByDeadline,
      },
      ratio: round(aRate / sRate, 3),
      ratioSingleHandshake: round(aRate / oRate, 3),
    },
    memory: {
      foundBy: memAfterThroughput.foundBy,
      before: memJson(memBefore),
      afterLatency: memJson(memAfterLatency),
      afterThroughput: memJson(memAfterThroughput),
    },
    staleBuild: stale,
    startup: { buildSeconds: buildSeconds === null ? null : round(buildSeconds, 1), healthySeconds: round(app.startupSeconds, 2) },
  };
  out(`BENCH_JSON ${JSON.stringify(summary, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v))}`);
}

function rmSyncQuiet(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    /* best effort */
  }
}

installSignalHandlers();
onCleanup(
  "openssl clients",
  () => killRunningSClients(),
  () => killRunningSClients(),
);
let exitCode = 0;
try {
  await main();
} catch (err) {
  exitCode = 1;
  if (stopSignal.aborted) {
    console.error(`\n[bench] ${stopSignal.reason instanceof Error ? stopSignal.reason.message : "interrupted"}; no results.`);
    await runCleanup(); // the signal handler exits with 128+n once this is done
    await new Promise(() => {});
  }
  console.error(`\nBENCH FAILED: ${err instanceof Error ? err.message : String(err)}`);
  const appLog = currentApp?.logTail();
  if (appLog) console.error(`--- last output of next start ---\n${appLog}\n---`);
}
log("cleaning up…");
await runCleanup();
process.exit(exitCode);
