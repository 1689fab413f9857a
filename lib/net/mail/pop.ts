import "server-only";
import { ProblemError } from "@/lib/engine/problem-error";
import { text } from "@/lib/engine/text";
import { cleanText, LIMITS } from "../limits";
import { plainToken } from "./imap";
import type { LineClient } from "./line-client";

/**
 * The POP3 dialog (RFC 1939) an e-mail client has before it downloads mail: greeting, CAPA (RFC 2449), STLS
 * (RFC 2595), USER/PASS or AUTH PLAIN (RFC 5034), STAT, QUIT. Facts only: the analyzer judges them.
 */

export interface PopReply {
  ok: boolean;
  /** The text after +OK / -ERR, cleaned. */
  text: string;
}

export type PopGreeting = (PopReply & { kind: "reply" }) | { kind: "unexpected"; text: string };

const CAPABILITIES_KEPT = LIMITS.mailAnswerLines;

export class PopClient {
  constructor(readonly lines: LineClient) {}

  async greeting(): Promise<PopGreeting> {
    const [line = ""] = await this.lines.readAnswer(() => true, text("steps.mailbox.pop.awaitingGreeting"));
    const reply = parseReply(line);
    return reply ? { kind: "reply", ...reply } : { kind: "unexpected", text: cleanText(line, LIMITS.mailLineShown) };
  }

  /** One command with a one-line answer. `shown` is the command as the transcript shows it. */
  async command(command: string, shown: string = command): Promise<PopReply> {
    await this.lines.send(command, shown);
    const [line = ""] = await this.lines.readAnswer(() => true, firstWord(shown));
    return expectReply(line, shown);
  }

  /** CAPA: +OK, then one capability a line up to a lone "."; -ERR from a server that predates RFC 2449. */
  async capa(): Promise<{ reply: PopReply; capabilities: string[] }> {
    await this.lines.send("CAPA");
    const lines = await this.lines.readAnswer((line, all) => (all.length === 1 ? !line.startsWith("+OK") : line === "."), "CAPA");
    const reply = expectReply(lines[0] ?? "", "CAPA");
    const capabilities = reply.ok
      ? lines
          .slice(1, -1)
          .map((line) => cleanText(line.replace(/^\.\./, "."), LIMITS.nameShown))
          .slice(0, CAPABILITIES_KEPT)
      : [];
    return { reply, capabilities };
  }

  /** USER then PASS; neither is ever shown. A refused USER is the answer (PASS isn't sent then). */
  async userPass(username: string, password: string): Promise<PopReply> {
    const user = await this.command(`USER ${username}`, "USER ****");
    if (!user.ok) return user;
    return this.command(`PASS ${password}`, "PASS ****");
  }

  /** AUTH PLAIN with the initial response (RFC 5034); after a "+ " continuation when the server asks for it. */
  async authPlain(username: string, password: string): Promise<PopReply> {
    const token = plainToken(username, password);
    await this.lines.send(`AUTH PLAIN ${token}`, "AUTH PLAIN ****");
    const [line = ""] = await this.lines.readAnswer(() => true, "AUTH");
    if (!line.startsWith("+ ") && line !== "+") return expectReply(line, "AUTH");
    await this.lines.send(token, "****");
    const [answer = ""] = await this.lines.readAnswer(() => true, "AUTH");
    return expectReply(answer, "AUTH");
  }

  /** STAT: `+OK <messages> <octets>`. */
  async stat(): Promise<{ reply: PopReply; messages?: number; octets?: number }> {
    const reply = await this.command("STAT");
    const counts = reply.ok ? /^(\d{1,10}) (\d{1,15})\b/.exec(reply.text) : null;
    return { reply, ...(counts ? { messages: Number(counts[1]), octets: Number(counts[2]) } : {}) };
  }

  quit(): Promise<string[] | undefined> {
    return this.lines.quit("QUIT", () => true);
  }
}

export function parseReply(line: string): PopReply | undefined {
  const match = /^(\+OK|-ERR)\b ?(.*)$/i.exec(line);
  if (!match) return undefined;
  return { ok: match[1]!.toUpperCase() === "+OK", text: cleanText(match[2] ?? "", LIMITS.mailLineShown) };
}

function expectReply(line: string, command: string): PopReply {
  const reply = parseReply(line);
  if (reply) return reply;
  throw new ProblemError("PROTOCOL_ERROR", text("steps.mailbox.pop.badReply", { command: firstWord(command) }), {
    answer: cleanText(line, LIMITS.mailLineShown),
  });
}

function firstWord(line: string): string {
  return line.split(" ", 1)[0] ?? line;
}
