import { describe, expect, it } from "vitest";
import { packageOf, summarizeProfiles, type CallFrame, type CpuProfile } from "../../scripts/bench/profile";

/** The benchmark's reading of a V8 CPU profile: the "top entries" the README's performance section quotes. */

const frame = (functionName: string, url = "", lineNumber = 0): CallFrame => ({ functionName, url, lineNumber, columnNumber: 0 });

/** (root) → main → { parse (lib/cert/parse.ts), getPeerCertificate (native) }, plus (idle) and (garbage collector). */
function profile(samples: number[], deltas: number[], endTime: number): CpuProfile {
  return {
    nodes: [
      { id: 1, callFrame: frame("(root)"), children: [2, 5, 6] },
      { id: 2, callFrame: frame("main", "file:///app/lib/engine/runner.ts", 9), children: [3, 4] },
      { id: 3, callFrame: frame("parse", "file:///app/lib/cert/parse.ts", 41) },
      { id: 4, callFrame: frame("getPeerCertificate") },
      { id: 5, callFrame: frame("(idle)") },
      { id: 6, callFrame: frame("(garbage collector)") },
    ],
    startTime: 0,
    endTime,
    samples,
    timeDeltas: deltas,
  };
}

const locate = (f: CallFrame) => ({ file: f.url.replace("file:///app/", ""), line: f.lineNumber + 1 });

describe("summarizeProfiles", () => {
  it("ranks functions by self time, leaves idle out of the busy share, and names native code by its caller", () => {
    // Each sample lasts until the next one; the last one until the profile's end.
    const summary = summarizeProfiles([profile([3, 3, 3, 4, 5, 6], [0, 1000, 1000, 1000, 1000, 1000], 6000)], locate);
    expect(summary.samples).toBe(6);
    expect(summary.totalMs).toBe(6);
    expect(summary.idleMs).toBe(1);
    expect(summary.busyMs).toBe(5);
    expect(summary.top.map(({ name, where, percent }) => [name, where, percent])).toEqual([
      ["parse", "lib/cert/parse.ts:42", 60],
      ["getPeerCertificate", "(native) ← main lib/engine/runner.ts:10", 20],
      ["(garbage collector)", "(native)", 20],
    ]);
    expect(summary.byPackage.map(({ name, percent }) => [name, percent])).toEqual([
      ["app: lib/cert", 60],
      ["(native: Node's C++, OpenSSL)", 20],
      ["(V8: GC, program)", 20],
    ]);
  });

  it("adds several profiles of one process together, and keeps only the top N", () => {
    const one = profile([3, 4], [0, 1000], 3000);
    const summary = summarizeProfiles([one, one], locate, 1);
    expect(summary.top).toHaveLength(1);
    expect(summary.top[0]).toMatchObject({ name: "getPeerCertificate", selfMs: 4 });
    expect(summary.busyMs).toBe(6);
  });
});

describe("packageOf", () => {
  it("tells packages (scoped too), Node's built-ins, the app's folders and the build output apart", () => {
    expect(packageOf("node_modules/@peculiar/x509/build/x509.es.js", "parse")).toBe("@peculiar/x509");
    expect(packageOf("/app/node_modules/asn1js/build/index.es.js", "fromBER")).toBe("asn1js");
    expect(packageOf("node:_tls_wrap", "onConnectSecure")).toBe("node (built-in JS)");
    expect(packageOf("lib/net/tls.ts", "tlsHandshake")).toBe("app: lib/net");
    expect(packageOf(".next/server/chunks/1.js", "x")).toBe("(.next build output, unmapped)");
  });
});
