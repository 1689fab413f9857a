import { describe, expect, it } from "vitest";
import { ANALYZERS, declaredProblems } from "@/lib/analyzers/catalog";
import { ENGINE_PROBLEM_CODES } from "@/lib/problems";
import { readRaised } from "../support/raised-problems";

/**
 * Codes only a certificate chaining to a bundled public (Mozilla) root can raise: no loopback lab can hold such a
 * chain, so no scenario raises them through an analyzer. Each names the tests that raise its judgement instead.
 */
const PUBLIC_INTERNET_ONLY: Readonly<Record<string, string>> = {
  CT_INSUFFICIENT_SCTS: "tests/integration/ct-caa.test.ts (the CT step over real handshakes, the chain declared public) and tests/unit/ct-policy.test.ts",
};

/**
 * Runs after every other integration file (tests/support/sequencer.ts): each problem code an analyzer declares
 * must have been raised by some scenario against a real peer, and no scenario may raise a code its step didn't
 * declare. A code nobody can raise, or a raise nobody declared, fails the build.
 */
describe("declared problem codes against the codes the scenarios raised", () => {
  const raised = readRaised();

  it("saw the scenarios run (this check needs the whole integration project)", () => {
    expect(raised.length, "no raised problems were recorded: run the whole integration project, not this file alone").toBeGreaterThan(0);
  });

  it("every raised code was declared by the step that raised it", () => {
    const undeclared = raised
      .filter(({ test, step, problem }) => {
        // The engine raises its own codes in any step.
        if ((ENGINE_PROBLEM_CODES as readonly string[]).includes(problem)) return false;
        const analyzer = ANALYZERS.find((candidate) => candidate.id === test);
        const codes: readonly string[] = (analyzer?.problems as Record<string, readonly string[]> | undefined)?.[step] ?? [];
        return !codes.includes(problem);
      })
      .map(({ test, step, problem }) => `${test}: ${step} raised ${problem}`);
    expect([...new Set(undeclared)]).toEqual([]);
  });

  it("every declared code is raised by at least one scenario", () => {
    const seen = new Set([...raised.map((entry) => entry.problem), ...Object.keys(PUBLIC_INTERNET_ONLY)]);
    const neverRaised = [...declaredProblems().entries()]
      .filter(([code]) => !seen.has(code))
      .map(([code, steps]) => `${code} (declared by ${[...steps].join("; ")})`);
    expect(neverRaised).toEqual([]);
  });
});
