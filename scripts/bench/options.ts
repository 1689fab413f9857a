/**
 * Command line of the benchmark:
 *
 *   npm run bench -- [--quick] [--profile] [--phases=latency,throughput,burst]
 *
 *  --quick     small counts, to check that every phase works (figures not comparable with a full run)
 *  --profile   CPU profile of the app during the throughput phase (also BENCH_PROFILE=1)
 *  --phases=…  comma-separated: latency, throughput, burst (= burst-sqlite + burst-postgres), burst-sqlite,
 *              burst-postgres; default all
 */

export const PHASES = ["latency", "throughput", "burst-sqlite", "burst-postgres"] as const;
export type Phase = (typeof PHASES)[number];

export interface Counts {
  warmup: number;
  /** sequential runs per latency series */
  latencyN: number;
  throughputTotal: number;
  throughputConcurrency: number;
  burstTotal: number;
  burstConcurrency: number;
}

export interface BenchOptions {
  quick: boolean;
  profile: boolean;
  phases: ReadonlySet<Phase>;
  counts: Counts;
}

const FULL: Counts = { warmup: 3, latencyN: 30, throughputTotal: 200, throughputConcurrency: 20, burstTotal: 500, burstConcurrency: 50 };
// the concurrency stays as in the full run, so a quick run exercises the same queueing and pool sizes
const QUICK: Counts = { warmup: 1, latencyN: 5, throughputTotal: 40, throughputConcurrency: 20, burstTotal: 100, burstConcurrency: 50 };

export const USAGE = "usage: npm run bench -- [--quick] [--profile] [--phases=latency,throughput,burst,burst-sqlite,burst-postgres]";

function parsePhases(list: string): Set<Phase> {
  const phases = new Set<Phase>();
  for (const name of list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (name === "burst") {
      phases.add("burst-sqlite").add("burst-postgres");
    } else if ((PHASES as readonly string[]).includes(name)) {
      phases.add(name as Phase);
    } else {
      throw new Error(`unknown phase "${name}"\n${USAGE}`);
    }
  }
  if (phases.size === 0) throw new Error(`--phases lists no phase\n${USAGE}`);
  return phases;
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  let quick = false;
  let profile = env.BENCH_PROFILE === "1" || env.BENCH_PROFILE === "true";
  let phases: Set<Phase> = new Set(PHASES);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--quick") quick = true;
    else if (arg === "--profile") profile = true;
    else if (arg.startsWith("--phases=")) phases = parsePhases(arg.slice("--phases=".length));
    else if (arg === "--phases" && argv[i + 1] !== undefined) phases = parsePhases(argv[++i]!);
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  if (profile && !phases.has("throughput")) throw new Error(`--profile profiles the throughput phase: add it to --phases\n${USAGE}`);
  return { quick, profile, phases, counts: quick ? QUICK : FULL };
}
