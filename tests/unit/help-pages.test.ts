import { describe, expect, it } from "vitest";
import { declaredProblems } from "@/lib/analyzers/catalog";
import { HELP_TABLES, hasHelp, helpByGroup, helpCodes, problemHelp, type ProblemHelp } from "@/lib/help";
import { ENGINE_PROBLEM_CODES } from "@/lib/problems";
import { PROBLEM_CODES, type ProblemCode } from "@/lib/problems";

/**
 * A help page exists for exactly the codes a built test can raise: what each test's steps declare, plus
 * INTERNAL_ERROR, which the step engine itself raises for any step. A reserved code (its test isn't built yet)
 * has no page, so no page describes a check that doesn't run.
 */

const ENGINE_CODES: readonly ProblemCode[] = ENGINE_PROBLEM_CODES;

function raisable(): Set<ProblemCode> {
  return new Set([...declaredProblems().keys(), ...ENGINE_CODES]);
}

function pages(): Array<[ProblemCode, ProblemHelp]> {
  return helpCodes().map((code) => [code, problemHelp(code)!]);
}

/** Every string of a page, for checks on its prose and commands. */
function texts(help: ProblemHelp): string[] {
  return [
    help.title,
    help.summary,
    ...(help.details ?? []),
    ...help.symptoms,
    ...help.causes,
    ...help.fixes.flatMap((fix) => [fix.text, ...(fix.commands ?? []).flatMap((command) => [command.description ?? "", ...command.lines])]),
  ];
}

describe("help pages", () => {
  it("exist for every code a built test (or the step engine) can raise", () => {
    const missing = [...raisable()].filter((code) => !hasHelp(code));
    expect(missing).toEqual([]);
  });

  it("exist only for such codes: a reserved code has no page", () => {
    const declared = raisable();
    const extra = helpCodes().filter((code) => !declared.has(code));
    expect(extra).toEqual([]);
    const reserved = PROBLEM_CODES.filter((code) => !declared.has(code));
    for (const code of reserved) expect(problemHelp(code), code).toBeUndefined();
  });

  it("link (see also) only to pages that exist, never to themselves", () => {
    const broken = pages().flatMap(([code, help]) =>
      (help.seeAlso ?? []).filter((other) => !hasHelp(other) || other === code).map((other) => `${code} → ${other}`),
    );
    expect(broken).toEqual([]);
  });

  it("mention in their text only codes that have a page", () => {
    const mentions = pages().flatMap(([code, help]) =>
      texts(help).flatMap((text) =>
        PROBLEM_CODES.filter((other) => new RegExp(`\\b${other}\\b`).test(text) && !hasHelp(other)).map((other) => `${code} mentions ${other}`),
      ),
    );
    expect(mentions).toEqual([]);
  });

  it("each have a title, a summary and at least one fix", () => {
    for (const [code, help] of pages()) {
      expect(help.title.trim(), code).not.toBe("");
      expect(help.summary.trim(), code).not.toBe("");
      expect(help.fixes.length, code).toBeGreaterThan(0);
      for (const fix of help.fixes) expect(fix.text.trim(), code).not.toBe("");
    }
  });

  it("come one group per file, each code in one file only", () => {
    const codes = HELP_TABLES.flatMap((table) => Object.keys(table));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBe(helpCodes().length);
    for (const table of HELP_TABLES) {
      const groups = new Set(Object.values(table).map((help: ProblemHelp) => help.group));
      expect(groups.size, Object.keys(table).join(", ")).toBe(1);
    }
  });

  it("are all on the /help index, under their own group", () => {
    const listed = helpByGroup().flatMap(({ group, codes }) => codes.map((code) => [code, group] as const));
    expect(listed.map(([code]) => code).sort()).toEqual([...helpCodes()].sort());
    for (const [code, group] of listed) expect(problemHelp(code)?.group, code).toBe(group);
  });

  it("say both verdicts of TLS_PROTOCOL_OBSOLETE: no TLS 1.2 is an error, TLS 1.0/1.1 beside it a warning", () => {
    const help = problemHelp("TLS_PROTOCOL_OBSOLETE")!;
    expect(help.severity).toBe("error-or-warning");
    expect(help.summary).toMatch(/Error: .*no TLS 1\.2 or TLS 1\.3/);
    expect(help.summary).toMatch(/Warning: .*still also accepts TLS 1\.0 or TLS 1\.1/);
  });

  it('never claim a password goes out after "Ignore trust for SSL"', () => {
    const login = texts(problemHelp("LOGIN_FAILED")!).join("\n");
    expect(login).toMatch(/"Ignore trust for SSL" never lets a password through/);
    expect(login).toMatch(/OpenSSL must accept the certificate chain/);
    expect(login).toMatch(/TLS 1\.2 or later/);
  });

  it("answer undefined for anything that isn't a code with a page", () => {
    for (const value of ["", "NOT_A_CODE", "cert_expired", "constructor", "__proto__", "toString"]) expect(problemHelp(value), value).toBeUndefined();
  });
});
