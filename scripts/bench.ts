/**
 * Benchmark: the production app's tls-certificate test (POST /api/tests) against `openssl s_client` on a loopback TLS
 * server from the test PKI. One analyzer test = 1 verified handshake (TCP connect, full TLS handshake, chain + name
 * verification) + 4 parallel TLS version probes (TLS 1.0, 1.1, 1.2, 1.3, each offered alone on its own connection).
 * References:
 *  - "same work" (the headline ratios): the verified `s_client` run in parallel with four `s_client -tls1` /
 *    `-tls1_1` / `-tls1_2` / `-tls1_3` probes, timed from the first spawn to the exit of the last process;
 *  - "1 verified handshake": the verified `s_client` alone, and Node's `tls.connect` from this process — what
 *    "a whole test costs N single handshakes" divides by.
 * Phases (scripts/bench/options.ts): latency (sequential), throughput (200 tests at 20 in flight), burst (500 at
 * 50 in flight, once on the SQLite store and once on a private PostgreSQL); `--quick` for small counts, `--profile`
 * for a CPU profile of the app during the throughput phase.
 *
 *   npm run bench [-- [--quick] [--profile] [--phases=latency,throughput,burst]]
 *
 * Everything stays on loopback: the target is 127.0.0.77, the app listens on 127.0.0.1, PostgreSQL on 127.0.160.200,
 * Next.js telemetry is off. Progress goes to stderr; the report (tables + one `BENCH_JSON {...}` line) goes to
 * stdout. Exit 0 on success (missed targets are reported, not failures), 1 with the reason on failure. Servers,
 * child process groups and temp dirs are removed on every exit path.
 */
import { readFileSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runAnalyzer, type Attempt } from "./bench/analyzer";
import { ensureBuild, staleBuildWarning, startApp, type RunningApp } from "./bench/app";
import { installSignalHandlers, onCleanup, runCleanup, stopSignal } from "./bench/cleanup";
import { nodeHandshakeSeries } from "./bench/handshake";
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
  type SClientOutcome,
} from "./bench/openssl";
import { parseOptions, type BenchOptions, type Counts } from "./bench/options";
import { runPool, type PoolRun } from "./bench/pool";
import { startBenchPostgres } from "./bench/postgres";
import { appServerMemory, type AppServerMemory } from "./bench/proc";
import { summarizeProfiles, type ProfileSummary } from "./bench/profile";
import { profilerEnv, sourceMapLocator, startProfiling, stopProfiling } from "./bench/profiler";
import { round, roundSummary, summarize, type Summary } from "./bench/stats";
import { fmt, table } from "./bench/table";
import { chainPem, createTestPki } from "../tests/support/pki";
import { startHttpsServer } from "../tests/support/servers";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TARGET_IP = "127.0.0.77";
const TARGET_NAME = "bench.contoso.test";
const TP_DEADLINE_MS = 120_000;
const BURST_DEADLINE_MS = 300_000;
/** Above the burst's 50 in flight, so the app's run queue lets every test of the burst run at once. */
const MAX_CONCURRENT_TESTS = 64;

/** The "Throughput" issue's targets. */
const TARGETS = {
  throughputPerSecond: 50,
  throughputP95Ms: 500,
  burstErrors: 0,
  burstP95Ms: 1200,
  /** analyzer median / median of one verified handshake */
  handshakesPerTest: 6,
} as const;

const log = (msg: string) => console.error(`[bench] ${msg}`);
/** Throws once SIGINT/SIGTERM asked us to stop, so no further phase starts. */
const checkStop = () => {
  if (stopSignal.aborted) throw stopSignal.reason instanceof Error ? stopSignal.reason : new Error("interrupted");
};
const out = (line = "") => process.stdout.write(`${line}\n`);
const passFail = (ok: boolean) => (ok ? "PASS" : "FAIL");

// ---------------------------------------------------------------------------------------------------------------
// the app under test

interface Target {
  port: number;
  sopts: SClientOptions;
}

/** set while an app is up, so a failure report can show its recent output */
let currentApp: RunningApp | undefined;

function appEnv(trustFile: string, databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    RCA_ALLOW_PRIVATE_TARGETS: "true",
    NODE_EXTRA_CA_CERTS: trustFile,
    RCA_DATABASE_URL: databaseUrl,
    // the target is an IP literal, so no DNS lookup happens; should one happen anyway it stays on loopback
    // (nothing answers there → it would fail loudly instead of leaving the machine)
    RCA_DNS_SERVERS: "127.0.0.1:9",
    // the local target listens on an ephemeral port; the rate limit would cap the throughput and burst runs
    RCA_ALLOWED_PORTS: "1-65535",
    RCA_RATE_LIMIT: "0",
    RCA_MAX_CONCURRENT_TESTS: String(MAX_CONCURRENT_TESTS),
    ...extra,
  };
}

/** `n` sequential tests that must succeed (JIT, pools and caches warm); returns the tls.protocols message seen. */
async function warmUp(app: RunningApp, target: Target, n: number): Promise<string | undefined> {
  let protocols: string | undefined;
  for (let i = 0; i < n; i++) {
    checkStop();
    const a = await runAnalyzer(app.baseUrl, TARGET_IP, target.port);
    if (!a.ok) throw new Error(`analyzer warm-up run ${i + 1} failed (the benchmark needs verdict "success"): ${a.error}`);
    protocols ??= a.protocols;
  }
  return protocols;
}

// ---------------------------------------------------------------------------------------------------------------
// phases

interface LatencyResult {
  analyzer: Attempt[];
  openssl: number[];
  sameWork: SameWorkOutcome[];
  nodeHandshake: number[];
}

async function sequential<T>(n: number, what: string, run: () => Promise<T>, ok: (r: T) => string | undefined): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < n; i++) {
    checkStop();
    const r = await run();
    const problem = ok(r);
    if (problem !== undefined) throw new Error(`${what} run ${i + 1} failed: ${problem}`);
    results.push(r);
  }
  return results;
}

async function latencyPhase(app: RunningApp, target: Target, c: Counts): Promise<LatencyResult> {
  const analyzerOk = (a: Attempt) => (a.ok ? undefined : a.error);
  const opensslOk = (r: SClientOutcome) => (r.ok ? undefined : r.detail);
  log(`latency: ${c.latencyN} sequential analyzer runs…`);
  const analyzer = await sequential(c.latencyN, "analyzer latency", () => runAnalyzer(app.baseUrl, TARGET_IP, target.port), analyzerOk);
  log(`latency: ${c.warmup} warm-up + ${c.latencyN} sequential openssl s_client runs (1 verified handshake)…`);
  await sequential(c.warmup, "openssl warm-up", () => sClient(target.sopts), opensslOk);
  const openssl = await sequential(c.latencyN, "openssl latency", () => sClient(target.sopts), opensslOk);
  log(`latency: ${c.warmup} warm-up + ${c.latencyN} sequential openssl same-work units (verified s_client + 4 version probes, in parallel)…`);
  await sequential(c.warmup, "openssl same-work warm-up", () => sClientSameWork(target.sopts), opensslOk);
  const sameWork = await sequential(c.latencyN, "openssl same-work", () => sClientSameWork(target.sopts), opensslOk);
  log(`latency: ${c.warmup} warm-up + ${c.latencyN} sequential Node tls.connect handshakes (in this process)…`);
  const nodeHandshake = await nodeHandshakeSeries(target.sopts, c.warmup, c.latencyN);
  return { analyzer, openssl: openssl.map((r) => r.ms), sameWork, nodeHandshake };
}

interface ThroughputResult {
  analyzer: PoolRun<Attempt>;
  openssl: PoolRun<SClientOutcome>;
  sameWork: PoolRun<SameWorkOutcome>;
  profile?: ProfileSummary & { file: string };
}

async function profileSummary(pid: number, profileDir: string): Promise<ProfileSummary & { file: string }> {
  const { profile, keptAt } = await stopProfiling(pid, profileDir);
  log(`CPU profile kept at ${keptAt}`);
  return { ...summarizeProfiles([profile], sourceMapLocator(ROOT)), file: keptAt };
}

async function throughputPhase(app: RunningApp, target: Target, c: Counts, profileDir: string | undefined): Promise<ThroughputResult> {
  const { throughputTotal: total, throughputConcurrency: conc } = c;
  const cap = `cap ${TP_DEADLINE_MS / 1000} s`;
  if (profileDir) await startProfiling(app.pid, profileDir);
  log(`throughput: ${total} analyzer runs, ${conc} concurrent (${cap})${profileDir ? ", app CPU-profiled" : ""}…`);
  const analyzer = await runPool(total, conc, TP_DEADLINE_MS, (signal) => runAnalyzer(app.baseUrl, TARGET_IP, target.port, signal));
  const profile = profileDir ? await profileSummary(app.pid, profileDir) : undefined;
  checkStop();
  log(`throughput: ${total} openssl s_client runs (1 verified handshake), ${conc} concurrent (${cap})…`);
  const openssl = await runPool(total, conc, TP_DEADLINE_MS, (signal) => sClient(target.sopts, signal));
  checkStop();
  const procs = conc * (1 + PROBE_VERSIONS.length);
  log(`throughput: ${total} openssl same-work units, ${conc} concurrent (up to ${procs} openssl processes; ${cap})…`);
  const sameWork = await runPool(total, conc, TP_DEADLINE_MS, (signal) => sClientSameWork(target.sopts, signal));
  checkStop();
  return { analyzer, openssl, sameWork, ...(profile ? { profile } : {}) };
}

interface BurstResult {
  store: "SQLite" | "PostgreSQL";
  total: number;
  concurrency: number;
  run: PoolRun<Attempt>;
  memory: AppServerMemory;
}

async function burstPhase(app: RunningApp, target: Target, c: Counts, store: BurstResult["store"]): Promise<BurstResult> {
  log(`burst (${store}): ${c.burstTotal} analyzer runs, ${c.burstConcurrency} concurrent (cap ${BURST_DEADLINE_MS / 1000} s)…`);
  const run = await runPool(c.burstTotal, c.burstConcurrency, BURST_DEADLINE_MS, (signal) => runAnalyzer(app.baseUrl, TARGET_IP, target.port, signal));
  checkStop();
  return { store, total: c.burstTotal, concurrency: c.burstConcurrency, run, memory: appServerMemory(app.pid, app.port) };
}

/** A fresh app on a fresh private PostgreSQL, warmed up, burst, then both stopped. */
async function postgresBurst(target: Target, trustFile: string, c: Counts): Promise<BurstResult> {
  log("starting a private PostgreSQL…");
  const pg = await startBenchPostgres();
  log(`PostgreSQL: ${pg.host}:${pg.port}`);
  const app = await startApp({ cwd: ROOT, env: appEnv(trustFile, pg.url) });
  currentApp = app;
  await warmUp(app, target, c.warmup);
  const result = await burstPhase(app, target, c, "PostgreSQL");
  await app.stop();
  await pg.stop();
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// figures

interface PoolStats {
  done: number;
  ok: number;
  /** failed + never started (deadline) */
  errors: number;
  wallS: number;
  perSecond: number;
  /** latency of the successful runs, ms */
  lat: Summary;
  stoppedByDeadline: boolean;
}

function poolStats<T extends { ok: boolean; ms: number }>(run: PoolRun<T>, total: number): PoolStats {
  const ok = run.outcomes.filter((o) => o.ok);
  return {
    done: run.outcomes.length,
    ok: ok.length,
    errors: total - ok.length,
    wallS: run.wallMs / 1000,
    perSecond: ok.length / (run.wallMs / 1000),
    lat: summarize(ok.map((o) => o.ms)),
    stoppedByDeadline: run.stoppedByDeadline,
  };
}

function poolJson(s: PoolStats) {
  return {
    done: s.done,
    ok: s.ok,
    errors: s.errors,
    wallS: round(s.wallS, 3),
    perSecond: round(s.perSecond, 2),
    p50Ms: round(s.lat.p50, 1),
    p95Ms: round(s.lat.p95, 1),
    maxMs: round(s.lat.max, 1),
    stoppedByDeadline: s.stoppedByDeadline,
  };
}

function poolRow(label: string, s: PoolStats): string[] {
  return [label, String(s.done), String(s.ok), String(s.errors), fmt(s.wallS, 2), fmt(s.perSecond, 2), fmt(s.lat.p50, 1), fmt(s.lat.p95, 1), fmt(s.lat.max, 1)];
}

const burstPasses = (s: PoolStats) => s.errors <= TARGETS.burstErrors && s.lat.p95 <= TARGETS.burstP95Ms;
const throughputPasses = (s: PoolStats) => s.perSecond >= TARGETS.throughputPerSecond && s.lat.p95 <= TARGETS.throughputP95Ms;

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

/** The first few error messages of a pool run, for the report. */
function firstErrors<T extends { ok: boolean }>(label: string, run: PoolRun<T> | undefined, detail: (o: T) => string | undefined): string[] {
  return (run?.outcomes ?? [])
    .filter((o) => !o.ok)
    .slice(0, 3)
    .map((o) => `${label}: ${(detail(o) ?? "").slice(0, 300)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// report

interface Figures {
  opts: BenchOptions;
  targetPort: number;
  sopts: SClientOptions;
  baseUrl?: string;
  analyzerProtocols?: string;
  checkSame: SameWorkOutcome;
  buildSeconds: number | null;
  startupSeconds?: number;
  stale: string | null;
  loadAtStart: number[];
  latency?: LatencyResult;
  throughput?: ThroughputResult;
  bursts: BurstResult[];
  memory: { label: string; key: string; m: AppServerMemory }[];
}

function reportHeader(f: Figures, sameUnits: SameWorkOutcome[]): void {
  const cpus = os.cpus();
  const la = (l: number[]) => l.map((v) => v.toFixed(2)).join(" / ");
  const procsPerUnit = 1 + PROBE_VERSIONS.length;
  const probeCmd = (flag: ProbeFlag) => `openssl ${shellArgs(sClientProbeArgs(f.sopts, flag))} </dev/null`;
  out("");
  out("=== Remote Connectivity Analyzer benchmark: tls-certificate test vs openssl s_client doing the same work ===");
  out(
    `Run     : ${f.opts.quick ? "QUICK (small counts, figures not comparable with a full run)" : "full"}; phases ${[...f.opts.phases].join(", ")}${f.opts.profile ? "; app CPU-profiled during the throughput phase (slows it)" : ""}`,
  );
  out(
    `Machine : ${cpus.length} CPU cores (${cpus[0]?.model.trim() ?? "unknown"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}`,
  );
  out(`Software: Node ${process.version}, Next.js ${nextVersion()} (production build, node server.mjs), ${opensslVersion()}`);
  out(`NOTE    : the app server, the TLS target server, the load generator (this process), PostgreSQL and the openssl`);
  out(`          processes all share these ${cpus.length} cores; under concurrency they compete for CPU, so throughput figures`);
  out(`          are lower bounds and the analyzer/openssl ratio includes that contention.`);
  out(`Load avg: ${la(f.loadAtStart)} at start, ${la(os.loadavg())} at end (1/5/15 min; other work on the machine skews results)`);
  if (f.stale) out(`WARNING : ${f.stale}`);
  if (f.baseUrl && f.analyzerProtocols === undefined)
    out(`WARNING : the analyzer result has no tls.protocols step: this build does not probe TLS versions, so the same-work reference does more work than it`);
  out(`Target  : ${TARGET_IP}:${f.targetPort}, Node TLS server in the bench process (TLS 1.2–1.3), chain = leaf (EC P-256,`);
  out(`          CN/SAN ${TARGET_NAME}, SAN IP ${TARGET_IP}) + intermediate; trust = test root (NODE_EXTRA_CA_CERTS / -CAfile)`);
  out(`Work    : one tls-certificate test = 1 verified handshake (TCP + full handshake + chain and IP-SAN verification)`);
  out(`          + 4 TLS version probes in parallel (TLS 1.0, 1.1, 1.2, 1.3, each offered alone on its own connection)`);
  out(`Analyzer: POST <app>/api/tests {"test":"tls-certificate","host":"${TARGET_IP}","port":${f.targetPort}}`);
  out(`          → 201, verdict "success" asserted for every latency run (HTTP keep-alive client, fetch);`);
  out(`          app env RCA_RATE_LIMIT=0, RCA_MAX_CONCURRENT_TESTS=${MAX_CONCURRENT_TESTS}; its tls.protocols step: ${f.analyzerProtocols ?? "n/a"}`);
  out(`openssl, same work (the reference for the headline ratios): one unit = these ${procsPerUnit} processes spawned at once,`);
  out(`          timed from the first spawn to the exit of the last; ok = the first verifies, every probe exits by itself`);
  out(`            openssl ${shellArgs(sClientArgs(f.sopts))} </dev/null`);
  for (const v of PROBE_VERSIONS) out(`            ${probeCmd(v.flag)}`);
  out(`          probe outcomes over all ${sameUnits.length} ok units: ${probeTally(sameUnits).join(", ")}`);
  out(`1 verified handshake: the first command above alone (process start + TCP + full handshake + chain and IP-SAN`);
  out(`          verification), and Node's tls.connect from the bench process (TCP + handshake + the same checks, no`);
  out(`          process start, no session reuse)`);
  const startup = f.startupSeconds === undefined ? "" : `; app healthy (GET / 200) after ${f.startupSeconds.toFixed(1)} s`;
  out(`Startup : ${f.buildSeconds === null ? "existing build used" : `built first (${f.buildSeconds.toFixed(1)} s)`}${startup}`);
  out("");
}

function reportLatency(l: LatencyResult, warmup: number) {
  const wall = summarize(l.analyzer.map((a) => a.ms));
  const inside = summarize(l.analyzer.map((a) => a.elapsedMs ?? Number.NaN));
  const overhead = summarize(l.analyzer.map((a) => a.ms - (a.elapsedMs ?? Number.NaN)));
  const openssl = summarize(l.openssl);
  const same = summarize(l.sameWork.map((u) => u.ms));
  const sameVerified = summarize(l.sameWork.map((u) => u.verifiedMs));
  const sameSlowestProbe = summarize(l.sameWork.map((u) => Math.max(...u.probes.map((p) => p.ms))));
  const node = summarize(l.nodeHandshake);
  out(`Latency, sequential (${warmup} warm-up runs discarded; ms; quantiles interpolated)`);
  out(
    table(
      ["", "n", "median", "p90", "p95", "min", "max", "mean"],
      [
        latRow("analyzer POST /api/tests, wall", wall),
        latRow("  inside the test (result.elapsedMs)", inside),
        latRow("  HTTP + JSON + store (wall - elapsed)", overhead),
        latRow("openssl s_client, same work (unit wall)", same),
        latRow("  its verified s_client (spawn → exit)", sameVerified),
        latRow("  its slowest probe (spawn → exit)", sameSlowestProbe),
        latRow("openssl s_client, 1 verified handshake", openssl),
        latRow("Node tls.connect, 1 verified handshake", node),
      ],
    ),
  );
  const ratios = {
    median: wall.p50 / same.p50,
    p90: wall.p90 / same.p90,
    inside: inside.p50 / same.p50,
    median1: wall.p50 / openssl.p50,
    p901: wall.p90 / openssl.p90,
    inside1: inside.p50 / openssl.p50,
    handshakesOpenssl: wall.p50 / openssl.p50,
    handshakesNode: wall.p50 / node.p50,
  };
  out(
    `  ratio analyzer / openssl same work: median ${fmt(ratios.median, 2)}x, p90 ${fmt(ratios.p90, 2)}x (in-test elapsed median / same-work median: ${fmt(ratios.inside, 2)}x)`,
  );
  out(
    `  ratio analyzer / openssl 1 verified handshake (not the same work): median ${fmt(ratios.median1, 2)}x, p90 ${fmt(ratios.p901, 2)}x (in-test: ${fmt(ratios.inside1, 2)}x)`,
  );
  out("");
  out(`A whole test costs N single handshakes (analyzer median through the API / median of 1 verified handshake; target ≤ ${TARGETS.handshakesPerTest})`);
  out(
    table(
      ["reference (1 verified handshake)", "its median ms", "analyzer median ms", "N", "target"],
      [
        [
          "openssl s_client (new process each)",
          fmt(openssl.p50, 2),
          fmt(wall.p50, 2),
          fmt(ratios.handshakesOpenssl, 2),
          passFail(ratios.handshakesOpenssl <= TARGETS.handshakesPerTest),
        ],
        [
          "Node tls.connect (in-process)",
          fmt(node.p50, 2),
          fmt(wall.p50, 2),
          fmt(ratios.handshakesNode, 2),
          passFail(ratios.handshakesNode <= TARGETS.handshakesPerTest),
        ],
      ],
    ),
  );
  out("");
  return {
    json: {
      analyzerWallMs: roundSummary(wall),
      analyzerElapsedMs: roundSummary(inside),
      analyzerOverheadMs: roundSummary(overhead),
      opensslSameWorkMs: roundSummary(same),
      opensslSameWorkVerifiedMs: roundSummary(sameVerified),
      opensslSameWorkSlowestProbeMs: roundSummary(sameSlowestProbe),
      opensslMs: roundSummary(openssl),
      nodeHandshakeMs: roundSummary(node),
      ratioMedian: round(ratios.median, 3),
      ratioP90: round(ratios.p90, 3),
      ratioMedianSingleHandshake: round(ratios.median1, 3),
      ratioP90SingleHandshake: round(ratios.p901, 3),
    },
    handshakes: {
      target: TARGETS.handshakesPerTest,
      perTestOpenssl: round(ratios.handshakesOpenssl, 2),
      perTestNode: round(ratios.handshakesNode, 2),
      passOpenssl: ratios.handshakesOpenssl <= TARGETS.handshakesPerTest,
      passNode: ratios.handshakesNode <= TARGETS.handshakesPerTest,
    },
  };
}

function reportThroughput(t: ThroughputResult, c: Counts) {
  const total = c.throughputTotal;
  const a = poolStats(t.analyzer, total);
  const o = poolStats(t.openssl, total);
  const s = poolStats(t.sameWork, total);
  const inside = summarize(t.analyzer.outcomes.filter((x) => x.ok).map((x) => x.elapsedMs ?? Number.NaN));
  out(`Throughput (${total} runs, ${c.throughputConcurrency} concurrent clients/units, stop after ${TP_DEADLINE_MS / 1000} s; latency of successful runs, ms)`);
  out(
    table(
      ["", "done", "ok", "errors", "wall s", "per second", "p50", "p95", "max"],
      [
        poolRow("analyzer (tests/s)", a),
        ["  inside the test (result.elapsedMs)", "", "", "", "", "", fmt(inside.p50, 1), fmt(inside.p95, 1), fmt(inside.max, 1)],
        poolRow("openssl s_client, same work (units/s)", s),
        poolRow("openssl s_client, 1 verified handshake (handshakes/s)", o),
      ],
    ),
  );
  out(`  (same work: ${c.throughputConcurrency} concurrent units = up to ${c.throughputConcurrency * (1 + PROBE_VERSIONS.length)} openssl processes at once)`);
  out(`  ratio analyzer / openssl same work (per second): ${fmt(a.perSecond / s.perSecond, 2)}x`);
  out(`  ratio analyzer / openssl 1 verified handshake (per second, not the same work): ${fmt(a.perSecond / o.perSecond, 2)}x`);
  out(
    `  target ≥ ${TARGETS.throughputPerSecond} tests/s with p95 ≤ ${TARGETS.throughputP95Ms} ms at ${c.throughputConcurrency} in flight: ${passFail(throughputPasses(a))}`,
  );
  if (a.stoppedByDeadline || o.stoppedByDeadline || s.stoppedByDeadline)
    out(`  WARNING: the ${TP_DEADLINE_MS / 1000} s cap was reached; not all ${total} runs completed`);
  const errors = [
    ...firstErrors("analyzer", t.analyzer, (x) => x.error),
    ...firstErrors("openssl same work", t.sameWork, (x) => x.detail),
    ...firstErrors("openssl 1 verified handshake", t.openssl, (x) => x.detail),
  ];
  for (const e of errors) out(`  error: ${e}`);
  out("");
  return {
    total,
    concurrency: c.throughputConcurrency,
    deadlineS: TP_DEADLINE_MS / 1000,
    analyzer: { ...poolJson(a), elapsedP50Ms: round(inside.p50, 1) },
    opensslSameWork: { ...poolJson(s), processesPerUnit: 1 + PROBE_VERSIONS.length },
    openssl: poolJson(o),
    ratio: round(a.perSecond / s.perSecond, 3),
    ratioSingleHandshake: round(a.perSecond / o.perSecond, 3),
    target: { perSecond: TARGETS.throughputPerSecond, p95Ms: TARGETS.throughputP95Ms, pass: throughputPasses(a) },
  };
}

function reportBursts(bursts: BurstResult[]) {
  const first = bursts[0]!;
  out(
    `Burst (${first.total} tests, ${first.concurrency} in flight, per store, each app warmed up first; latency of successful runs, ms; target: ${TARGETS.burstErrors} errors and p95 ≤ ${TARGETS.burstP95Ms} ms)`,
  );
  const stats = bursts.map((b) => ({ b, s: poolStats(b.run, b.total) }));
  out(
    table(
      ["store", "done", "ok", "errors", "wall s", "tests/s", "p50", "p95", "max", "target"],
      stats.map(({ b, s }) => [...poolRow(b.store, s), passFail(burstPasses(s))]),
    ),
  );
  for (const { b } of stats) {
    if (b.run.stoppedByDeadline) out(`  WARNING (${b.store}): the ${BURST_DEADLINE_MS / 1000} s cap was reached`);
    for (const e of firstErrors(b.store, b.run, (x) => x.error)) out(`  error: ${e}`);
  }
  out("");
  return Object.fromEntries(
    stats.map(({ b, s }) => [
      b.store === "SQLite" ? "sqlite" : "postgres",
      { ...poolJson(s), total: b.total, concurrency: b.concurrency, pass: burstPasses(s), memory: memJson(b.memory) },
    ]),
  );
}

function reportMemory(rows: Figures["memory"]): void {
  if (rows.length === 0) return;
  out(`Memory of the app server process (MiB; tree = the spawned process and every descendant; VmHWM = peak RSS so far)`);
  out(
    table(
      ["", "pid", "VmRSS", "VmHWM", "tree RSS", "tree procs"],
      rows.map(({ label, m }) => {
        const [l, ...rest] = memRow(label, m);
        return [l!, String(m.server.pid), ...rest];
      }),
    ),
  );
  out("");
}

function reportProfile(p: ProfileSummary & { file: string }) {
  out(`CPU profile of the app server during the analyzer throughput runs (V8 sampling profiler, 1 ms; self time; % of busy time)`);
  out(
    `  sampled ${fmt(p.totalMs / 1000, 2)} s: busy ${fmt(p.busyMs / 1000, 2)} s, idle ${fmt(p.idleMs / 1000, 2)} s (${p.samples} samples); files mapped through .next source maps`,
  );
  out(
    table(
      ["function", "where (repo-relative)", "self ms", "self %"],
      p.top.map((r) => [r.name, r.where, fmt(r.selfMs, 0), fmt(r.percent, 1)]),
      "  ",
      2,
    ),
  );
  out("");
  out(`  by package / app folder (top 15)`);
  out(
    table(
      ["package", "self ms", "self %"],
      p.byPackage.slice(0, 15).map((r) => [r.name, fmt(r.selfMs, 0), fmt(r.percent, 1)]),
    ),
  );
  out("");
  const r1 = (v: number) => round(v, 1);
  return {
    file: p.file,
    busyMs: r1(p.busyMs),
    idleMs: r1(p.idleMs),
    top: p.top.map((r) => ({ function: r.name, where: r.where, selfMs: r1(r.selfMs), percent: r1(r.percent) })),
    byPackage: p.byPackage.slice(0, 15).map((r) => ({ package: r.name, selfMs: r1(r.selfMs), percent: r1(r.percent) })),
  };
}

function report(f: Figures): void {
  const sameUnits = [f.checkSame, ...(f.latency?.sameWork ?? []), ...(f.throughput?.sameWork.outcomes.filter((o) => o.ok) ?? [])];
  reportHeader(f, sameUnits);
  const latency = f.latency ? reportLatency(f.latency, f.opts.counts.warmup) : undefined;
  const throughput = f.throughput ? reportThroughput(f.throughput, f.opts.counts) : undefined;
  const burst = f.bursts.length > 0 ? reportBursts(f.bursts) : undefined;
  reportMemory(f.memory);
  const profile = f.throughput?.profile ? reportProfile(f.throughput.profile) : undefined;

  const summary = {
    options: { quick: f.opts.quick, profile: f.opts.profile, phases: [...f.opts.phases], counts: f.opts.counts },
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? null,
      ramGiB: round(os.totalmem() / 2 ** 30, 1),
      sharedCores: true,
      loadAvgStart: f.loadAtStart.map((v) => round(v, 2)),
      loadAvgEnd: os.loadavg().map((v) => round(v, 2)),
      node: process.version,
      next: nextVersion(),
      openssl: opensslVersion(),
    },
    target: { host: TARGET_IP, port: f.targetPort, name: TARGET_NAME },
    /** what the headline ratios (latency.ratioMedian / ratioP90, throughput.ratio) compare against */
    reference: "openssl same work: verified s_client + 4 single-version probes (-tls1, -tls1_1, -tls1_2, -tls1_3) in parallel",
    analyzerProtocols: f.analyzerProtocols ?? null,
    opensslProbes: probeTally(sameUnits),
    latency: latency ? { n: f.opts.counts.latencyN, warmup: f.opts.counts.warmup, ...latency.json } : null,
    /** a whole test through the API = N single verified handshakes (median / median) */
    handshakesPerTest: latency?.handshakes ?? null,
    throughput: throughput ?? null,
    burst: burst ?? null,
    memory: Object.fromEntries(f.memory.map(({ key, m }) => [key, memJson(m)])),
    profile: profile ?? null,
    staleBuild: f.stale,
    startup: {
      buildSeconds: f.buildSeconds === null ? null : round(f.buildSeconds, 1),
      healthySeconds: f.startupSeconds === undefined ? null : round(f.startupSeconds, 2),
    },
  };
  out(`BENCH_JSON ${JSON.stringify(summary, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v))}`);
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2), process.env);
  const { counts, phases } = opts;
  const loadAtStart = os.loadavg();
  log(
    `machine: ${os.cpus().length} CPU cores, Node ${process.version}, ${opensslVersion()}; ${opts.quick ? "quick run" : "full run"}: ${[...phases].join(", ")}`,
  );

  // 1. test PKI + TLS target on loopback
  log("generating the test PKI…");
  const pki = await createTestPki();
  onCleanup(
    "test PKI temp dir",
    () => pki.cleanup(),
    () => rmSyncQuiet(pki.dir),
  );
  const leaf = await pki.issueLeaf({ commonName: TARGET_NAME, dnsNames: [TARGET_NAME], ipAddresses: [TARGET_IP] });
  const server = await startHttpsServer({ host: TARGET_IP, chain: chainPem(leaf, pki.intermediate), key: leaf.keyPem });
  onCleanup("TLS target server", () => server.close());
  log(`TLS target: ${TARGET_IP}:${server.port} (leaf ${TARGET_NAME} + intermediate)`);
  const target: Target = { port: server.port, sopts: { ip: TARGET_IP, port: server.port, servername: TARGET_NAME, caFile: pki.trustFile } };

  const check = await sClient(target.sopts);
  if (!check.ok) throw new Error(`openssl s_client cannot verify the target: ${check.detail}`);
  const checkSame = await sClientSameWork(target.sopts);
  if (!checkSame.ok) throw new Error(`the openssl same-work unit fails against the target: ${checkSame.detail}`);
  log(`openssl probes: ${probeTally([checkSame]).join(", ")}`);

  // 2. production build
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

  const figures: Figures = { opts, targetPort: server.port, sopts: target.sopts, checkSame, buildSeconds, stale, loadAtStart, bursts: [], memory: [] };

  // 3. latency, throughput and the SQLite burst on one app (SQLite store in the temp dir)
  if (phases.has("latency") || phases.has("throughput") || phases.has("burst-sqlite")) {
    const profileDir = opts.profile ? join(tmp, "cpu-profile") : undefined;
    if (profileDir) await mkdir(profileDir);
    const extra = profileDir ? profilerEnv(profileDir) : {};
    const app = await startApp({ cwd: ROOT, env: appEnv(pki.trustFile, `file:${join(tmp, "bench.sqlite")}`, extra) });
    currentApp = app;
    Object.assign(figures, { baseUrl: app.baseUrl, startupSeconds: app.startupSeconds });
    const memBefore = appServerMemory(app.pid, app.port);
    log(`app server process: pid ${memBefore.server.pid} (${memBefore.server.cmdline || memBefore.server.comm}, found by ${memBefore.foundBy})`);
    figures.memory.push({ label: "SQLite app, before the runs", key: "before", m: memBefore });

    log(`${counts.warmup} warm-up analyzer runs…`);
    figures.analyzerProtocols = await warmUp(app, target, counts.warmup);
    // the same-work reference mirrors a test that probes the versions; a build without that step is not comparable
    if (figures.analyzerProtocols === undefined) log(`WARNING: the analyzer result has no tls.protocols step: this build does not probe TLS versions`);
    else log(`analyzer tls.protocols: ${figures.analyzerProtocols}`);

    if (phases.has("latency")) {
      figures.latency = await latencyPhase(app, target, counts);
      figures.memory.push({ label: "SQLite app, after latency", key: "afterLatency", m: appServerMemory(app.pid, app.port) });
    }
    if (phases.has("throughput")) {
      figures.throughput = await throughputPhase(app, target, counts, profileDir);
      figures.memory.push({ label: "SQLite app, after throughput", key: "afterThroughput", m: appServerMemory(app.pid, app.port) });
    }
    if (phases.has("burst-sqlite")) {
      const burst = await burstPhase(app, target, counts, "SQLite");
      figures.bursts.push(burst);
      figures.memory.push({ label: "SQLite app, after its burst", key: "afterBurstSqlite", m: burst.memory });
    }
    // stopped before the PostgreSQL phase so that it doesn't share the cores with an idle app
    await app.stop();
  }

  // 4. the burst again, on PostgreSQL
  if (phases.has("burst-postgres")) {
    checkStop();
    const burst = await postgresBurst(target, pki.trustFile, counts);
    figures.bursts.push(burst);
    figures.memory.push({ label: "PostgreSQL app, after its burst", key: "afterBurstPostgres", m: burst.memory });
  }

  checkStop();
  report(figures);
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
  if (appLog) console.error(`--- last output of the app server ---\n${appLog}\n---`);
}
log("cleaning up…");
await runCleanup();
process.exit(exitCode);
