import type { HelpCommand, HelpFix, ProblemHelp } from "../types";

/**
 * The Italian pages reuse the English commands as they are: only the prose around them is translated. A fix's
 * commands are taken from the English fix at the same position (shell and lines untouched); a command's
 * description, if it has one, gets the Italian text given for it.
 */

export interface ItalianFix {
  text: string;
  /** Italian descriptions of the English fix's commands that have one, in order. */
  descriptions?: readonly string[];
}

function copyCommands(english: readonly HelpCommand[] | undefined, descriptions: readonly string[] = []): readonly HelpCommand[] | undefined {
  if (!english) return undefined;
  let next = 0;
  return english.map((command) => {
    if (command.description === undefined) return command;
    const description = descriptions[next++];
    if (description === undefined) throw new Error(`Italian help: no description for the ${command.shell} command "${command.lines[0] ?? ""}"`);
    return { ...command, description };
  });
}

/** The Italian fixes of a page: one per English fix, in the same order, with the English commands. */
export function italianFixes(english: ProblemHelp, italian: readonly ItalianFix[]): HelpFix[] {
  if (italian.length !== english.fixes.length) {
    throw new Error(`Italian help "${english.title}": ${italian.length} fixes for ${english.fixes.length} English ones`);
  }
  return italian.map((fix, index) => {
    const commands = copyCommands(english.fixes[index]?.commands, fix.descriptions);
    return commands ? { text: fix.text, commands } : { text: fix.text };
  });
}

/** The prose of a page in Italian; everything else (group, severity, see also, commands) comes from the English page. */
export interface ItalianPage {
  title: string;
  summary: string;
  details?: readonly string[];
  symptoms: readonly string[];
  causes: readonly string[];
  fixes: readonly ItalianFix[];
}

export function italianPage(english: ProblemHelp, italian: ItalianPage): ProblemHelp {
  return {
    title: italian.title,
    group: english.group,
    severity: english.severity,
    summary: italian.summary,
    ...(italian.details ? { details: italian.details } : {}),
    symptoms: italian.symptoms,
    causes: italian.causes,
    fixes: italianFixes(english, italian.fixes),
    ...(english.seeAlso ? { seeAlso: english.seeAlso } : {}),
  };
}
