/**
 * Reading a V8 .cpuprofile (what `node --cpu-prof` and the inspector's Profiler.stop write): which functions the
 * process spent its own ("self") time in, and which packages those functions belong to. Pure: the caller reads the
 * files and says where a frame's code comes from (`Locate`, e.g. through the build's source maps).
 *
 * The format: `nodes` is the call tree, each node one function at one call path; `samples[i]` is the id of the node
 * that was on top of the stack at sample i, and `timeDeltas[i]` the µs since the previous sample.
 */

export interface CallFrame {
  functionName: string;
  url: string;
  /** 0-based */
  lineNumber: number;
  /** 0-based */
  columnNumber: number;
}

export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  /** µs */
  startTime: number;
  /** µs */
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Where a frame's code is: a file relative to the repository (or node:…, or "" for V8's own entries), 1-based line. */
export interface Location {
  file: string;
  line: number;
  /** the original name, when a source map knows it */
  name?: string;
}

export type Locate = (frame: CallFrame) => Location;

export interface SelfTime {
  /** function name, or a V8 pseudo-entry such as "(garbage collector)" */
  name: string;
  /**
   * "file:line", relative to the repository; for native code "(native) ← caller file:line" (a native function
   * called from several places gets a row per caller); "(native)" for V8's pseudo-entries
   */
  where: string;
  selfMs: number;
  /** share of the busy time (everything but "(idle)") */
  percent: number;
}

export interface ProfileSummary {
  /** sampled time over all profiles */
  totalMs: number;
  idleMs: number;
  busyMs: number;
  samples: number;
  /** functions by self time, largest first */
  top: SelfTime[];
  /** the same time by package (node_modules/<pkg>), app folder (lib/cert, …) or runtime part, largest first */
  byPackage: { name: string; selfMs: number; percent: number }[];
}

/** µs each sample stands for: until the next sample, the last one until the profile's end. */
function sampleDurations(profile: CpuProfile): number[] {
  const deltas = profile.timeDeltas ?? [];
  const n = profile.samples?.length ?? 0;
  const lastSampleAt = profile.startTime + deltas.slice(0, n).reduce((sum, d) => sum + d, 0);
  return Array.from({ length: n }, (_, i) => Math.max(0, i + 1 < n ? (deltas[i + 1] ?? 0) : profile.endTime - lastSampleAt));
}

/**
 * The package a function belongs to: node_modules/<pkg> (scoped too), node's built-ins, the app's folder, V8's own
 * entries ("(garbage collector)", "(program)") or native code (C++ bindings such as TLS's readBuffer: no file).
 */
export function packageOf(file: string, name: string): string {
  const inModules = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/:\s]+)/.exec(file);
  if (inModules) return inModules[1]!;
  if (file.startsWith("node:")) return "node (built-in JS)";
  if (file === "") return name.startsWith("(") ? "(V8: GC, program)" : "(native: Node's C++, OpenSSL)";
  if (file.startsWith(".next/")) return "(.next build output, unmapped)";
  const parts = file.split("/");
  return parts.length > 2 ? `app: ${parts[0]}/${parts[1]}` : `app: ${file}`;
}

function addTo(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}

/** Self time per function (and per package) over one or more profiles of the same process. */
export function summarizeProfiles(profiles: readonly CpuProfile[], locate: Locate, topN = 15): ProfileSummary {
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  const labels = new Map<string, { name: string; where: string }>();
  let totalUs = 0;
  let idleUs = 0;
  let samples = 0;

  const label = (frame: CallFrame) => {
    const at = locate(frame);
    return { at, name: at.name || frame.functionName || "(anonymous)" };
  };

  for (const profile of profiles) {
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    const parents = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id] as const)));
    // native code has no file: the JS function that called it says what the time was for
    const whereOf = (nodeId: number, frame: CallFrame, at: Location) => {
      if (at.file) return `${at.file}:${at.line}`;
      const caller = frames.get(parents.get(nodeId) ?? -1);
      if (frame.functionName.startsWith("(") || !caller) return "(native)";
      const from = label(caller);
      return `(native) ← ${from.name}${from.at.file ? ` ${from.at.file}:${from.at.line}` : ""}`;
    };
    const durations = sampleDurations(profile);
    (profile.samples ?? []).forEach((nodeId, i) => {
      const frame = frames.get(nodeId);
      const us = durations[i] ?? 0;
      totalUs += us;
      samples++;
      if (!frame || frame.functionName === "(idle)") {
        idleUs += us;
        return;
      }
      const { at, name } = label(frame);
      const where = whereOf(nodeId, frame, at);
      const key = `${name}\u0000${where}`;
      labels.set(key, { name, where });
      addTo(byFunction, key, us);
      addTo(byPackage, packageOf(at.file, name), us);
    });
  }

  const busyUs = totalUs - idleUs;
  const percent = (us: number) => (busyUs > 0 ? (100 * us) / busyUs : 0);
  const top = [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topN)
    .map(([key, us]) => ({ ...labels.get(key)!, selfMs: us / 1000, percent: percent(us) }));
  const packages = [...byPackage].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, selfMs: us / 1000, percent: percent(us) }));
  return { totalMs: totalUs / 1000, idleMs: idleUs / 1000, busyMs: busyUs / 1000, samples, top, byPackage: packages };
}
