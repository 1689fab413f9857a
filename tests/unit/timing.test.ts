import { describe, expect, it } from "vitest";
import { TestRun } from "@/lib/engine/runner";
import { RESULT_SCHEMA_VERSION, type Step } from "@/lib/engine/types";
import { formatResult } from "@/lib/results/text";
import { readStoredResult } from "@/lib/store/result-version";

/** Steps record when they started, for the result page's timing waterfall. */

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the runner records each step's start offset", () => {
  it("gives increasing startMs to consecutive steps, children inside their parent, skipped steps where they were recorded", async () => {
    // Given a run whose steps take some time, with children and a failure that skips the rest
    const run = new TestRun(() => {});
    await run.step("a", "A", () => pause(20));
    await run.step("b", "B", async (step) => {
      await step.step("b.1", "B1", () => pause(15));
      await step.step("b.2", "B2", () => pause(15));
    });
    await run.step("c", "C", (step) => step.fail("INTERNAL_ERROR", "broken"));
    await run.step("d", "D", () => undefined);
    run.skip("e", "E", "nothing to do.");
    run.close();

    // Then every step has a start offset, in order, and no step starts before the previous one ended
    const [a, b, c, d, e] = run.steps as [Step, Step, Step, Step, Step];
    for (const step of run.steps) expect(typeof step.startMs).toBe("number");
    expect(a.startMs).toBeGreaterThanOrEqual(0);
    expect(a.startMs!).toBeLessThan(b.startMs!);
    expect(b.startMs!).toBeGreaterThanOrEqual(a.startMs! + a.elapsedMs - 1);
    expect(c.startMs!).toBeGreaterThanOrEqual(b.startMs! + b.elapsedMs - 1);
    const [b1, b2] = b.children as [Step, Step];
    expect(b1.startMs!).toBeGreaterThanOrEqual(b.startMs!);
    expect(b2.startMs!).toBeGreaterThan(b1.startMs!);
    expect(b2.startMs! + b2.elapsedMs).toBeLessThanOrEqual(b.startMs! + b.elapsedMs + 1);
    // And the skipped steps carry the offset at which they were recorded
    expect(d.status).toBe("skipped");
    expect(d.startMs!).toBeGreaterThanOrEqual(c.startMs!);
    expect(e.status).toBe("skipped");
    expect(e.startMs!).toBeGreaterThanOrEqual(d.startMs!);
  });
});

describe("results stored before steps had startMs", () => {
  const stored = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    id: "AAAAAAAAAAAAAAAAAAAAAA",
    test: "tls-certificate",
    input: { host: "mail.contoso.com" },
    startedAt: "2026-11-27T10:00:00.000Z",
    elapsedMs: 12,
    verdict: "success",
    steps: [
      {
        code: "dns.resolve",
        title: "Resolving the host name",
        status: "success",
        message: "m",
        elapsedMs: 1,
        children: [{ code: "dns.a", title: "A records", status: "success", message: "m", elapsedMs: 1, children: [] }],
      },
    ],
  };

  it("still parse, without a start offset", () => {
    const result = readStoredResult(stored);
    expect(result.steps[0]?.startMs).toBeUndefined();
    expect(result.steps[0]?.children[0]?.title).toBe("A records");
  });

  it("parse with one, and reject a start offset that isn't a number", () => {
    const withStart = { ...stored, steps: [{ ...stored.steps[0], startMs: 3 }] };
    expect(readStoredResult(withStart).steps[0]?.startMs).toBe(3);
    expect(() => readStoredResult({ ...stored, steps: [{ ...stored.steps[0], startMs: "3" }] })).toThrow();
  });

  it("render as text for 'Copy as text', with every step title", () => {
    const text = formatResult(readStoredResult(stored), { colour: false });
    expect(text).toContain("Resolving the host name");
    expect(text).toContain("A records");
    expect(text).not.toContain("\u001b[");
  });
});
