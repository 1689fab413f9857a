import "server-only";
import { ProblemError } from "@/lib/engine/problem-error";
import { text } from "@/lib/engine/text";
import { cleanText, LIMITS } from "../limits";
import type { LineClient } from "./line-client";

/**
 * The IMAP4rev1 dialog (RFC 3501) an e-mail client has before it opens a mailbox: greeting, tagged commands
 * (A1, A2…), CAPABILITY, STARTTLS, LOGIN or AUTHENTICATE PLAIN, STATUS, LOGOUT. Facts only: the analyzer judges them.
 * A literal (`{n}` at the end of a line) in an answer is read as more lines of text: the line and answer caps of
 * LineClient bound it, and only the tagged line ends the answer.
 */

export type ImapGreeting =
  | { kind: "OK" | "PREAUTH" | "BYE"; text: string; capabilities?: string[] }
  /** Not an IMAP greeting at all (another protocol, garbage). */
  | { kind: "unexpected"; text: string };

export interface ImapAnswer {
  status: "OK" | "NO" | "BAD";
  /** The tagged line's text, response code included (`[AUTHENTICATIONFAILED] Authentication failed.`). */
  text: string;
  /** The untagged lines (`* …`) and anything else before the tagged one. */
  untagged: string[];
}

/** Capabilities kept from one answer: a hostile server could list thousands. */
const CAPABILITIES_KEPT = LIMITS.mailAnswerLines;

export class ImapClient {
  private counter = 0;

  constructor(readonly lines: LineClient) {}

  async greeting(): Promise<ImapGreeting> {
    const [line = ""] = await this.lines.readAnswer(() => true, text("steps.mailbox.imap.awaitingGreeting"));
    return parseGreeting(line);
  }

  /** Sends one tagged command and reads up to its tagged answer. `shown` is the command as the transcript shows it. */
  async command(command: string, shown: string = command): Promise<ImapAnswer> {
    const tag = this.nextTag();
    await this.lines.send(`${tag} ${command}`, `${tag} ${shown}`);
    return taggedAnswer(tag, await this.lines.readAnswer(isTagged(tag), firstWord(shown)), shown);
  }

  async capability(): Promise<{ answer: ImapAnswer; capabilities: string[] }> {
    const answer = await this.command("CAPABILITY");
    return { answer, capabilities: capabilitiesIn(answer) };
  }

  /** LOGIN with both strings quoted (RFC 3501 §6.2.3); neither is ever shown. */
  login(username: string, password: string): Promise<ImapAnswer> {
    return this.command(`LOGIN ${quoted(username)} ${quoted(password)}`, "LOGIN **** ****");
  }

  /**
   * AUTHENTICATE PLAIN (RFC 4616): with SASL-IR (RFC 4959) the credentials go with the command, otherwise after
   * the server's "+" continuation.
   */
  async authenticatePlain(username: string, password: string, initialResponse: boolean): Promise<ImapAnswer> {
    const token = plainToken(username, password);
    if (initialResponse) return this.command(`AUTHENTICATE PLAIN ${token}`, "AUTHENTICATE PLAIN ****");
    const tag = this.nextTag();
    await this.lines.send(`${tag} AUTHENTICATE PLAIN`);
    const first = await this.lines.readAnswer((line) => line.startsWith("+") || isTagged(tag)(line), "AUTHENTICATE");
    if (!first[first.length - 1]!.startsWith("+")) return taggedAnswer(tag, first, "AUTHENTICATE");
    await this.lines.send(token, "****");
    return taggedAnswer(tag, await this.lines.readAnswer(isTagged(tag), "AUTHENTICATE"), "AUTHENTICATE");
  }

  /** STATUS <mailbox> (MESSAGES): the message count, without selecting (and so without changing) the mailbox. */
  async messageCount(mailbox: string): Promise<{ answer: ImapAnswer; messages?: number }> {
    const answer = await this.command(`STATUS ${mailbox} (MESSAGES)`);
    const status = answer.untagged.map((line) => /^\* STATUS .*\(.*\bMESSAGES (\d{1,10})\b.*\)/i.exec(line)).find((match) => match);
    return { answer, ...(status ? { messages: Number(status[1]) } : {}) };
  }

  logout(): Promise<string[] | undefined> {
    const tag = this.nextTag();
    return this.lines.quit(`${tag} LOGOUT`, isTagged(tag));
  }

  private nextTag(): string {
    this.counter += 1;
    return `A${this.counter}`;
  }
}

export function parseGreeting(line: string): ImapGreeting {
  const match = /^\* (OK|PREAUTH|BYE)\b ?(.*)$/i.exec(line);
  if (!match) return { kind: "unexpected", text: cleanText(line, LIMITS.mailLineShown) };
  const kind = match[1]!.toUpperCase() as "OK" | "PREAUTH" | "BYE";
  const text = match[2] ?? "";
  const code = /^\[CAPABILITY ([^\]]*)\]/i.exec(text);
  return { kind, text: cleanText(text, LIMITS.mailLineShown), ...(code ? { capabilities: capabilityWords(code[1]!) } : {}) };
}

/** The capabilities an answer lists: untagged `* CAPABILITY …` lines, or a `[CAPABILITY …]` code on the tagged line. */
export function capabilitiesIn(answer: ImapAnswer): string[] {
  const words = answer.untagged.flatMap((line) => {
    const match = /^\* CAPABILITY (.*)$/i.exec(line);
    return match ? capabilityWords(match[1]!) : [];
  });
  const code = /^\[CAPABILITY ([^\]]*)\]/i.exec(answer.text);
  return [...new Set([...words, ...(code ? capabilityWords(code[1]!) : [])])].slice(0, CAPABILITIES_KEPT);
}

function capabilityWords(text: string): string[] {
  return text
    .split(" ")
    .filter(Boolean)
    .slice(0, CAPABILITIES_KEPT)
    .map((word) => cleanText(word.toUpperCase(), LIMITS.nameShown));
}

/** An IMAP quoted string: backslash and double quote escaped. CR and LF can't be quoted (nor sent in a line). */
export function quoted(value: string): string {
  if (/[\r\n\0]/.test(value)) throw new Error("a quoted string must not contain CR, LF or NUL");
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/** Whether a value can travel in a quoted string: 7-bit text without CR, LF or NUL (RFC 3501 TEXT-CHAR). */
export function quotable(value: string): boolean {
  return /^[\x01-\x09\x0b\x0c\x0e-\x7f]*$/.test(value);
}

/** The SASL PLAIN message: no authorization identity, the user name, the password (RFC 4616), Base64. */
export function plainToken(username: string, password: string): string {
  return Buffer.from(`\0${username}\0${password}`, "utf8").toString("base64");
}

function isTagged(tag: string): (line: string) => boolean {
  return (line) => line.startsWith(`${tag} `);
}

function taggedAnswer(tag: string, lines: string[], command: string): ImapAnswer {
  const last = lines[lines.length - 1] ?? "";
  const match = new RegExp(`^${tag} (OK|NO|BAD)\\b ?(.*)$`, "i").exec(last);
  if (!match) {
    throw new ProblemError("PROTOCOL_ERROR", text("steps.mailbox.imap.badTaggedLine", { command: firstWord(command) }), {
      answer: cleanText(last, LIMITS.mailLineShown),
    });
  }
  return { status: match[1]!.toUpperCase() as ImapAnswer["status"], text: cleanText(match[2] ?? "", LIMITS.mailLineShown), untagged: lines.slice(0, -1) };
}

function firstWord(line: string): string {
  return line.split(" ", 1)[0] ?? line;
}
