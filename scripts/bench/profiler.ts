/**
 * Profiling the running app server: the hook (profile-hook.mjs) loaded with NODE_OPTIONS, started and stopped with
 * SIGUSR2 around the phase to profile; and a `Locate` that maps the minified production bundle (.next/server/…)
 * back to the sources through the build's source maps, so the report names lib/… files and npm packages.
 */
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { SourceMap, type SourceMapPayload } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { CallFrame, CpuProfile, Locate, Location } from "./profile";

const HOOK = fileURLToPath(new URL("./profile-hook.mjs", import.meta.url));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Environment for the app so that it loads the hook and writes its profile into `dir`. */
export function profilerEnv(dir: string): Record<string, string> {
  const inherited = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : "";
  return { NODE_OPTIONS: `${inherited}--import=${pathToFileURL(HOOK).href}`, RCA_BENCH_CPU_PROF_DIR: dir };
}

async function waitForFile(path: string, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!existsSync(path)) {
    if (performance.now() > deadline) throw new Error(`${what}: ${path} did not appear within ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}

/** Starts the app's profiler and waits until it runs. */
export async function startProfiling(pid: number, dir: string): Promise<void> {
  process.kill(pid, "SIGUSR2");
  await waitForFile(join(dir, `${pid}.started`), 10_000, "starting the CPU profiler");
}

/**
 * Stops the app's profiler and reads the profile it wrote; a copy stays in the system temp dir (the benchmark's own
 * temp dir is removed) for Chrome DevTools or speedscope.
 */
export async function stopProfiling(pid: number, dir: string): Promise<{ profile: CpuProfile; keptAt: string }> {
  process.kill(pid, "SIGUSR2");
  const file = join(dir, `${pid}.cpuprofile`);
  await waitForFile(file, 60_000, "writing the CPU profile");
  const keptAt = join(tmpdir(), `rca-bench-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`);
  copyFileSync(file, keptAt);
  return { profile: JSON.parse(readFileSync(file, "utf8")) as CpuProfile, keptAt };
}

/** A frame's file relative to the repository (node:… and V8's "" as they are). */
function plainLocation(root: string, frame: CallFrame): Location {
  const file = frame.url.startsWith("file://") ? relative(root, fileURLToPath(frame.url)) : frame.url;
  return { file, line: frame.lineNumber + 1 };
}

interface LoadedMap {
  map: SourceMap;
  dir: string;
  /** the lines of an original source as the build saw it (the map's sourcesContent), split once */
  linesOf(source: string): string[];
}

function loadSourceMap(jsFile: string): LoadedMap | null {
  const mapFile = `${jsFile}.map`;
  if (!existsSync(mapFile)) return null;
  try {
    const payload = JSON.parse(readFileSync(mapFile, "utf8")) as SourceMapPayload;
    const split = new Map<string, string[]>();
    const linesOf = (source: string) => {
      if (!split.has(source)) split.set(source, payload.sourcesContent?.[payload.sources.indexOf(source)]?.split("\n") ?? []);
      return split.get(source)!;
    };
    return { map: new SourceMap(payload), dir: dirname(mapFile), linesOf };
  } catch {
    return null;
  }
}

const NOT_NAMES = new Set(["async", "await", "function", "return", "if", "for", "while", "switch", "catch", "new", "typeof", "void", "yield", "of", "in"]);

/**
 * The name of the function that starts at `column` (1-based) of an original source line: "function NAME(",
 * a method "NAME(", "NAME = (…) =>" or "NAME: (…) =>" — what the minified bundle's names no longer say.
 */
export function functionNameBefore(lineText: string, column: number): string | undefined {
  // Node's findOrigin adds the distance from the nearest mapping to its column, which can land inside the name
  // ("function readPa|thCertificate": read on to its end) or on the first parameter ("constructor(|time": stop
  // before the parenthesis)
  const isIdentifier = (i: number) => /[\w$]/.test(lineText[i] ?? "");
  let end = Math.max(0, column - 1);
  if (isIdentifier(end) && isIdentifier(end - 1)) while (isIdentifier(end)) end++;
  else if (isIdentifier(end) && lineText[end - 1] === "(") end--;
  const before = lineText.slice(0, end).trimEnd();
  const patterns = [
    /(?:^|[^\w$.])([A-Za-z_$][\w$]*)\s*(?:<[^<>]*>)?$/, // function NAME / method NAME / constructor
    /([A-Za-z_$][\w$]*)\s*(?::[^=():]+)?=\s*(?:async\s*)?$/, // const NAME = (async) (…) =>
    /([A-Za-z_$][\w$]*)\s*:\s*(?:async\s*)?$/, // NAME: (async) (…) =>
  ];
  for (const pattern of patterns) {
    const name = pattern.exec(before)?.[1];
    if (name && !NOT_NAMES.has(name)) return name;
  }
  return undefined;
}

/**
 * A source of a map relative to the repository. Packages built with webpack name theirs "webpack://next/src/…":
 * those are shown after the package's folder ("node_modules/next: next/src/…").
 */
function sourceFile(root: string, jsFile: string, mapDir: string, source: string): string {
  if (source.startsWith("file://")) return relative(root, fileURLToPath(source));
  const scheme = /^[a-z][\w+.-]*:\/+/i.exec(source);
  if (!scheme) return relative(root, resolve(mapDir, decodeURIComponent(source)));
  const bundle = relative(root, jsFile);
  const pkg = /^(?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+/.exec(bundle)?.[0] ?? bundle;
  return `${pkg}: ${source.slice(scheme[0].length)}`;
}

/** Maps frames in files that have a `<file>.map` beside them (the .next bundle) to their original source. */
export function sourceMapLocator(root: string): Locate {
  const maps = new Map<string, LoadedMap | null>();
  return (frame) => {
    const plain = plainLocation(root, frame);
    if (!frame.url.startsWith("file://")) return plain;
    const jsFile = fileURLToPath(frame.url);
    if (!maps.has(jsFile)) maps.set(jsFile, loadSourceMap(jsFile));
    const loaded = maps.get(jsFile);
    if (!loaded) return plain;
    const origin = loaded.map.findOrigin(frame.lineNumber + 1, frame.columnNumber + 1);
    if (!("fileName" in origin)) return plain;
    const file = sourceFile(root, jsFile, loaded.dir, origin.fileName);
    // read from the original source: the minified name means nothing, and Node 20's origin.name is often cut short
    const name = functionNameBefore(loaded.linesOf(origin.fileName)[origin.lineNumber - 1] ?? "", origin.columnNumber) ?? "(anonymous)";
    return { file, line: origin.lineNumber, name };
  };
}
