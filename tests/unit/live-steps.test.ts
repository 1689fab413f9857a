import { describe, expect, it } from "vitest";
import { applyStart, applyStep, runningStep, type LiveSteps } from "@/components/live-steps";
import type { Step } from "@/lib/engine/types";

const done = (code: string, title: string): Step => ({ code, title, status: "success", message: "ok", elapsedMs: 1, children: [] });

describe("the step the status line names while a test runs", () => {
  it("is the latest started step that hasn't finished, the deepest one", () => {
    let live: LiveSteps = new Map();
    expect(runningStep(live)).toBeUndefined();
    live = applyStart(live, { path: [0], code: "dns.resolve", title: "Resolving." });
    live = applyStep(live, { path: [0], step: done("dns.resolve", "Resolving.") });
    live = applyStart(live, { path: [1], code: "tls.certificate", title: "Testing the certificate." });
    live = applyStart(live, { path: [1, 0], code: "tls.certificate.obtain", title: "Obtaining the certificate." });
    expect(runningStep(live)?.title).toBe("Obtaining the certificate.");
    live = applyStep(live, { path: [1, 0], step: done("tls.certificate.obtain", "Obtaining the certificate.") });
    expect(runningStep(live)?.title).toBe("Testing the certificate.");
  });
});
