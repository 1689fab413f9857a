// Loaded into the app server with NODE_OPTIONS=--import by `npm run bench -- --profile` (scripts/bench/profiler.ts).
// Why not `node --cpu-prof`: Node 20 refuses --cpu-prof in NODE_OPTIONS, the shared launcher (scripts/app-server.ts)
// runs a plain `node server.mjs`, and --cpu-prof writes its file only on a clean exit, which SIGTERM is not. This
// drives the same V8 sampling profiler and writes the same .cpuprofile JSON, but only for the window the benchmark
// chooses: SIGUSR2 starts it (and writes <dir>/<pid>.started), the next SIGUSR2 stops it and writes
// <dir>/<pid>.cpuprofile.
import { rename, writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { join } from "node:path";

const dir = process.env.RCA_BENCH_CPU_PROF_DIR;
// only the process the benchmark started: children that inherit NODE_OPTIONS don't take the signal over
if (dir && process.env.RCA_BENCH_CPU_PROF_PID === undefined) {
  process.env.RCA_BENCH_CPU_PROF_PID = String(process.pid);
  const session = new Session();
  session.connect();
  let profiling = false;
  let busy = Promise.resolve();

  const start = async () => {
    await session.post("Profiler.enable");
    // 1 ms, the default interval of --cpu-prof
    await session.post("Profiler.setSamplingInterval", { interval: 1000 });
    await session.post("Profiler.start");
    await writeFile(join(dir, `${process.pid}.started`), "");
  };

  const stop = async () => {
    const { profile } = await session.post("Profiler.stop");
    const file = join(dir, `${process.pid}.cpuprofile`);
    // written under another name first, so the benchmark never reads half a file
    await writeFile(`${file}.tmp`, JSON.stringify(profile));
    await rename(`${file}.tmp`, file);
  };

  process.on("SIGUSR2", () => {
    profiling = !profiling;
    const step = profiling ? start : stop;
    busy = busy.then(step).catch((error) => process.stderr.write(`cpu profile hook: ${error}\n`));
  });
}
