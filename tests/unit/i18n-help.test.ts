import { describe, expect, it } from "vitest";
import { helpCodes, problemHelp, problemHelpIn } from "@/lib/help";
import { ITALIAN_HELP, TRANSLATED_TABLES } from "@/lib/help/it";
import type { ProblemHelp } from "@/lib/help/types";
import type { ProblemCode } from "@/lib/problems";

/**
 * The Italian help pages (lib/help/it). The rule: a table listed in TRANSLATED_TABLES is translated completely, and
 * each Italian page keeps the English page's group, severity, see-also list and commands exactly. Codes of other
 * tables may still lack an Italian page (they show in English with a note); the last test lists them.
 */

function pagesOf(table: Partial<Record<ProblemCode, ProblemHelp>>): Array<[ProblemCode, ProblemHelp]> {
  return Object.entries(table) as Array<[ProblemCode, ProblemHelp]>;
}

describe("Italian help pages", () => {
  it.each(TRANSLATED_TABLES.map((table) => [table.name, table] as const))("cover every code of the %s table", (_, table) => {
    const missing = pagesOf(table.english)
      .map(([code]) => code)
      .filter((code) => !Object.hasOwn(table.italian, code));
    expect(missing).toEqual([]);
    const extra = pagesOf(table.italian)
      .map(([code]) => code)
      .filter((code) => !Object.hasOwn(table.english, code));
    expect(extra).toEqual([]);
  });

  it.each(pagesOf(ITALIAN_HELP).map(([code, page]) => [code, page] as const))("%s keeps the English structure and commands exactly", (code, italian) => {
    const english = problemHelp(code)!;
    expect(italian.group).toBe(english.group);
    expect(italian.severity).toBe(english.severity);
    expect(italian.seeAlso).toEqual(english.seeAlso);
    expect(italian.fixes).toHaveLength(english.fixes.length);
    italian.fixes.forEach((fix, index) => {
      const englishCommands = english.fixes[index]?.commands ?? [];
      const commands = fix.commands ?? [];
      expect(commands.map((command) => ({ shell: command.shell, lines: command.lines }))).toEqual(
        englishCommands.map((command) => ({ shell: command.shell, lines: command.lines })),
      );
      commands.forEach((command, commandIndex) => {
        expect(command.description === undefined).toBe(englishCommands[commandIndex]?.description === undefined);
        if (command.description !== undefined) expect(command.description).not.toBe(englishCommands[commandIndex]?.description);
      });
    });
    // Prose is translated, not copied.
    expect(italian.title).not.toBe(english.title);
    expect(italian.summary).not.toBe(english.summary);
    expect(italian.details?.length ?? 0).toBe(english.details?.length ?? 0);
    expect(italian.symptoms.length).toBe(english.symptoms.length);
    expect(italian.causes.length).toBe(english.causes.length);
  });

  it("are served to Italian readers, and English pages to everyone else", () => {
    expect(problemHelpIn("TCP_REFUSED", "it")).toMatchObject({ language: "it", help: { title: "Connessione TCP rifiutata" } });
    expect(problemHelpIn("TCP_REFUSED", "en")).toMatchObject({ language: "en", help: { title: "TCP connection refused" } });
    expect(problemHelpIn("NOT_A_CODE", "it")).toBeUndefined();
  });

  it("exist for every help page: a new code needs its Italian page too", () => {
    const untranslated = helpCodes().filter((code) => !Object.hasOwn(ITALIAN_HELP, code));
    expect(untranslated, "help pages without an Italian version: add them to lib/help/it/<group>.ts").toEqual([]);
    for (const code of helpCodes()) expect(problemHelpIn(code, "it")?.language, code).toBe("it");
  });
});
