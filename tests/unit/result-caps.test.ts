import { describe, expect, it } from "vitest";
import { capDetails, moreMarker, MORE_KEY, TOO_DEEP } from "@/lib/engine/caps";
import { TestRun } from "@/lib/engine/runner";
import { RESULT_SCHEMA_VERSION, TestResultSchema, type Step, type TestResult } from "@/lib/engine/types";
import { LIMITS } from "@/lib/net/limits";
import { capResultBytes, detailsRemovedNote } from "@/lib/store/result-cap";

/** Caps on everything a result holds: lists in a step's details, and the stored result's size in bytes. */

function names(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `host${i}.contoso.com`);
}

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), "utf8");
}

function result(steps: Step[]): TestResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    id: "AAAAAAAAAAAAAAAAAAAAAA",
    test: "tls-certificate",
    input: { host: "mail.contoso.com", port: 443 },
    startedAt: "2025-01-01T00:00:00.000Z",
    elapsedMs: 1234,
    verdict: "error",
    steps,
  };
}

function flatten(steps: Step[]): Step[] {
  return steps.flatMap((step) => [step, ...flatten(step.children)]);
}

/** What a result means, without details and messages: what the byte cap must never change. */
function skeleton(steps: Step[]): unknown {
  return steps.map((step) => ({
    code: step.code,
    title: step.title,
    status: step.status,
    problem: step.problem,
    elapsedMs: step.elapsedMs,
    children: skeleton(step.children),
  }));
}

// ---------------------------------------------------------------------------------------------------------------

describe("lists in a step's details", () => {
  it("records a 5,000-entry SAN list as its first 100 entries and '… and 4900 more'", async () => {
    // Given a step whose details hold a certificate with 5,000 DNS names
    const run = new TestRun(() => {});
    await run.step("tls.certificate.obtain", "Obtaining the certificate", (s) => {
      s.addDetails({ subject: "CN=mail.contoso.com", dnsNames: names(5000) });
      s.succeed("Obtained.");
    });
    // Then the recorded step keeps the first 100 names and counts the rest
    const dnsNames = run.steps[0]!.details!.dnsNames as string[];
    expect(LIMITS.detailsListEntries).toBe(100);
    expect(dnsNames).toHaveLength(101);
    expect(dnsNames.slice(0, 100)).toEqual(names(100));
    expect(dnsNames[100]).toBe("… and 4900 more");
    expect(run.steps[0]!.details!.subject).toBe("CN=mail.contoso.com");
  });

  it("streams the capped details too", async () => {
    const steps: Step[] = [];
    const run = new TestRun((event) => {
      if (event.type === "step") steps.push(event.step);
    });
    await run.step("dns", "Resolving", (s) => {
      s.addDetails({ addresses: names(250) });
      s.succeed("ok");
    });
    expect((steps[0]!.details!.addresses as string[]).at(-1)).toBe(moreMarker(150));
  });

  it("caps nested lists: entries of a chain, and lists inside each entry", () => {
    // A chain of 300 certificates, each with 150 SANs
    const chain = Array.from({ length: 300 }, (_, i) => ({ subject: `CN=ca${i}`, dnsNames: names(150) }));
    const capped = capDetails({ chainAsSent: chain, matrix: [names(120), names(3)] });
    const shown = capped.chainAsSent as unknown[];
    expect(shown).toHaveLength(101);
    expect(shown[100]).toBe("… and 200 more");
    for (const entry of shown.slice(0, 100) as Array<{ subject: string; dnsNames: string[] }>) {
      expect(entry.dnsNames).toHaveLength(101);
      expect(entry.dnsNames[100]).toBe("… and 50 more");
    }
    const matrix = capped.matrix as string[][];
    expect(matrix[0]).toHaveLength(101);
    expect(matrix[0]![100]).toBe("… and 20 more");
    expect(matrix[1]).toEqual(names(3));
  });

  it("caps objects with too many keys, counting the rest", () => {
    const headers = Object.fromEntries(names(130).map((name, i) => [name, `value ${i}`]));
    const capped = capDetails({ headers });
    const shown = capped.headers as Record<string, string>;
    expect(Object.keys(shown)).toHaveLength(101);
    expect(shown[MORE_KEY]).toBe("… and 30 more");
    expect(shown["host0.contoso.com"]).toBe("value 0");
  });

  it("replaces what is nested too deep by a note", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 20; i++) deep = { inner: deep };
    const capped = capDetails({ deep, list: [[[[[[[[[[["x"]]]]]]]]]]] });
    const json = JSON.stringify(capped);
    expect(json).toContain(TOO_DEEP);
    expect(json).not.toContain("bottom");
    expect(json).not.toContain('"x"');
    // The depth limit counts from the details object: the first LIMITS.detailsDepth levels are kept
    let level: unknown = capped.deep;
    for (let i = 1; i < LIMITS.detailsDepth; i++) level = (level as { inner: unknown }).inner;
    expect((level as { inner: unknown }).inner).toBe(TOO_DEEP);
  });

  it("leaves normal details untouched: the same object, strings as they are", () => {
    const details = {
      dnsNames: names(100),
      chain: [{ subject: "CN=a", notAfter: "2030-01-01" }],
      long: "x".repeat(5000),
      count: 3,
      ok: true,
      none: null,
    };
    const before = structuredClone(details);
    const capped = capDetails(details);
    expect(capped).toBe(details);
    expect(capped).toEqual(before);
  });

  it("never mutates the details it caps", () => {
    const details = { dnsNames: names(200), nested: { list: names(200) } };
    const before = structuredClone(details);
    capDetails(details);
    expect(details).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("a result's size in bytes", () => {
  /** A 5 MB result: 50 steps, each with about 100 KB of details, a few of them children, one with a long message. */
  function hugeResult(): TestResult {
    const blob = (i: number): string[] => Array.from({ length: 100 }, (_, j) => `${i}-${j}-${"y".repeat(1000)}`);
    const steps: Step[] = Array.from({ length: 50 }, (_, i) => ({
      code: `step.${i}`,
      title: `Step ${i}`,
      status: i % 3 === 0 ? "error" : i % 3 === 1 ? "warning" : "success",
      ...(i % 3 === 0 ? { problem: "CERT_NAME_MISMATCH" as const } : i % 3 === 1 ? { problem: "CERT_EXPIRING_SOON" as const } : {}),
      message: `Message ${i}.`,
      elapsedMs: i,
      details: { entries: blob(i), small: i },
      children:
        i % 10 === 0
          ? [
              {
                code: `step.${i}.child`,
                title: "Child",
                status: "error",
                problem: "TLS_HANDSHAKE_FAILED",
                message: "m",
                elapsedMs: 0,
                details: { entries: blob(i) },
                children: [],
              },
            ]
          : [],
    }));
    return result(steps);
  }

  it("shrinks a 5 MB result under the cap, keeping every step's code, title, status and problem", () => {
    const huge = hugeResult();
    expect(bytesOf(huge)).toBeGreaterThan(5_000_000);
    const before = structuredClone(huge);

    const capped = capResultBytes(huge);

    expect(bytesOf(capped)).toBeLessThanOrEqual(LIMITS.resultBytes);
    expect(skeleton(capped.steps)).toEqual(skeleton(huge.steps));
    expect(capped.verdict).toBe(huge.verdict);
    expect(capped.id).toBe(huge.id);
    // Only as many details as needed were dropped, the largest first; the rest are kept whole
    const steps = flatten(capped.steps);
    const removed = steps.filter((step) => step.details?.truncated !== undefined);
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.length).toBeLessThan(steps.length);
    expect(removed[0]!.details).toEqual(detailsRemovedNote(LIMITS.resultBytes));
    expect(steps.every((step) => step.message.startsWith("Message") || step.message === "m")).toBe(true);
    // Still a valid result, and the input was not touched
    expect(TestResultSchema.safeParse(capped).success).toBe(true);
    expect(huge).toEqual(before);
  });

  it("removes the largest details first", () => {
    const small = { code: "a", title: "A", status: "success", message: "ok", elapsedMs: 0, details: { x: "s".repeat(100) }, children: [] } satisfies Step;
    const large = { ...small, code: "b", details: { x: "L".repeat(5000) } } satisfies Step;
    const capped = capResultBytes(result([small, large]), 3000);
    expect(capped.steps[0]!.details).toEqual(small.details);
    expect(capped.steps[1]!.details).toEqual(detailsRemovedNote(3000));
  });

  it("shortens the longest messages when removing details is not enough", () => {
    const steps: Step[] = Array.from({ length: 10 }, (_, i) => ({
      code: `s${i}`,
      title: `Step ${i}`,
      status: "warning",
      problem: "CERT_EXPIRING_SOON",
      message: "m".repeat(i === 3 ? 50_000 : 10),
      elapsedMs: 0,
      details: { big: "d".repeat(10_000) },
      children: [],
    }));
    const capped = capResultBytes(result(steps), 20_000);
    expect(bytesOf(capped)).toBeLessThanOrEqual(20_000);
    expect(capped.steps[3]!.message.length).toBeLessThan(400);
    expect(capped.steps[3]!.message).toContain("shortened");
    expect(capped.steps.filter((step) => step.message === "m".repeat(10))).toHaveLength(9);
    expect(skeleton(capped.steps)).toEqual(skeleton(steps));
  });

  it("leaves a normal result unchanged", () => {
    const normal = result([
      {
        code: "tls.certificate",
        title: "Certificate",
        status: "error",
        problem: "CERT_NAME_MISMATCH",
        message: "The certificate does not cover mail.contoso.com.",
        elapsedMs: 12,
        details: { dnsNames: names(100), chain: [{ subject: "CN=a" }] },
        children: [{ code: "c", title: "Child", status: "success", message: "ok", elapsedMs: 0, children: [] }],
      },
    ]);
    const before = structuredClone(normal);
    const capped = capResultBytes(normal);
    expect(capped).toBe(normal);
    expect(capped).toEqual(before);
  });
});
