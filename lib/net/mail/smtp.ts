import "server-only";
import { ProblemError } from "@/lib/engine/problem-error";
import { englishOf, text, type Text } from "@/lib/engine/text";
import { cleanText, LIMITS } from "../limits";
import { LineClient, type Transcript } from "./line-client";
import type { Socket } from "node:net";
import type { TLSSocket } from "node:tls";

/**
 * The client side of an SMTP dialog (RFC 5321) on top of LineClient: replies read whole ("250-…" lines up to the
 * "250 …" one), EHLO with the HELO fallback, STARTTLS (RFC 3207), MAIL FROM / RCPT TO / RSET / QUIT. Never DATA:
 * the analyzer looks at what a server would accept, it never hands over a message.
 */

export interface SmtpReply {
  /** The three-digit reply code (220, 250, 550…). */
  code: number;
  /** RFC 3463 enhanced status code from the first line ("5.1.1"), when the server sends one. */
  enhanced?: string;
  /** The text of each line, without the code and separator, cleaned for display. */
  lines: string[];
}

export interface EhloResult {
  reply: SmtpReply;
  /** HELO was used because the server doesn't know EHLO (500/502): no extensions then. */
  helo: boolean;
  /** The extension lines after the first one, as sent ("SIZE 52428800", "STARTTLS"…). */
  extensions: string[];
}

/** "250-…" continues a reply; "250 …" or a bare "250" ends it. Anything else ends it too, and is then refused. */
const CONTINUATION = /^\d{3}-/;
const REPLY_LINE = /^(\d{3})(?:[ -](.*))?$/;
const ENHANCED = /^([245]\.\d{1,3}\.\d{1,3})(?:\s|$)/;

/** Parses the lines of one reply; a line that isn't "ddd…" with the first line's code is a protocol error. */
export function parseReply(raw: readonly string[], what: Text): SmtpReply {
  let code: number | undefined;
  const lines: string[] = [];
  for (const line of raw) {
    const match = REPLY_LINE.exec(line);
    const lineCode = match ? Number(match[1]) : undefined;
    if (lineCode === undefined || (code !== undefined && lineCode !== code) || lineCode < 200 || lineCode > 599) {
      throw new ProblemError("PROTOCOL_ERROR", text("steps.smtpInbound.smtp.notReply", { what, line: JSON.stringify(cleanText(line, LIMITS.plainTextLine)) }), {
        protocol: "SMTP",
      });
    }
    code = lineCode;
    lines.push(cleanText(match?.[2] ?? "", LIMITS.mailLineShown));
  }
  const enhanced = ENHANCED.exec(lines[0] ?? "")?.[1];
  return { code: code ?? 0, lines, ...(enhanced ? { enhanced } : {}) };
}

/** A reply as one line of text for messages: "550 5.1.1 <x@y>: Recipient address rejected". */
export function replyText(reply: SmtpReply): string {
  return cleanText(`${reply.code} ${reply.lines.join(" ")}`.trim(), LIMITS.textField);
}

export class SmtpClient {
  private readonly lines: LineClient;

  constructor(socket: Socket | TLSSocket, options: { timeoutMs: number; transcript: Transcript }) {
    this.lines = new LineClient(socket, { ...options, protocol: "SMTP" });
  }

  get transcript(): Transcript {
    return this.lines.transcript;
  }

  /** The server's greeting (the "220" banner); any code is returned, the caller judges it. */
  greeting(): Promise<SmtpReply> {
    return this.readReply(text("steps.smtpInbound.smtp.greeting"));
  }

  /** One command and its reply. */
  async command(line: string, what: string = firstWord(line)): Promise<SmtpReply> {
    await this.lines.send(line);
    return this.readReply(what);
  }

  /** EHLO; a server that doesn't know it (500, 502) gets HELO, as RFC 5321 §3.2 says a client should do. */
  async ehlo(name: string): Promise<EhloResult> {
    const reply = await this.command(`EHLO ${name}`, "EHLO");
    if (reply.code === 500 || reply.code === 502) {
      return { reply: await this.command(`HELO ${name}`, "HELO"), helo: true, extensions: [] };
    }
    return { reply, helo: false, extensions: reply.code === 250 ? reply.lines.slice(1) : [] };
  }

  /** STARTTLS; on 220 the plain socket is handed over for the TLS handshake (then `resume` with the TLS one). */
  async startTls(): Promise<{ reply: SmtpReply; socket?: Socket }> {
    const reply = await this.command("STARTTLS");
    if (reply.code !== 220) return { reply };
    return { reply, socket: this.lines.detach() };
  }

  resume(socket: TLSSocket): void {
    this.lines.resume(socket);
  }

  /** Best effort goodbye; the connection is closed whatever the server answers. */
  async quit(): Promise<void> {
    await this.lines.quit("QUIT", (line) => !CONTINUATION.test(line));
  }

  destroy(): void {
    this.lines.destroy();
  }

  /** `what` names what is answered, in the messages: the line client's own (lib/net/mail/line-client.ts) take its English. */
  private async readReply(what: Text): Promise<SmtpReply> {
    return parseReply(await this.lines.readAnswer((line) => !CONTINUATION.test(line), englishOf(what)), what);
  }
}

function firstWord(line: string): string {
  return line.split(/[ :]/, 1)[0] ?? line;
}
