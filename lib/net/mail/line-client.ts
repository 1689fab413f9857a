import "server-only";
import { ProblemError } from "@/lib/engine/problem-error";
import { text, type LocalizedText, type TextParamValue } from "@/lib/engine/text";
import { cleanText, LIMITS } from "../limits";
import type { Socket } from "node:net";
import type { TLSSocket } from "node:tls";

/**
 * One line-based dialog (SMTP, IMAP, POP) over an open socket: lines sent and received with CRLF, a transcript of
 * both directions, and the limits a hostile server runs into. Each read of an answer has one time budget for the
 * whole answer, so a server that sends one byte a second, or an endless multi-line reply, fails on time.
 */

export interface TranscriptLine {
  /** C: the analyzer sent it; S: the server did. */
  from: "C" | "S";
  text: string;
}

/** A transcript shared by the steps of one dialog; each step records the lines exchanged while it ran. */
export class Transcript {
  private readonly lines: TranscriptLine[] = [];
  private readonly hidden: string[] = [];
  private dropped = 0;

  add(from: TranscriptLine["from"], text: string): void {
    if (this.lines.length >= LIMITS.mailTranscriptLines) {
      this.dropped += 1;
      return;
    }
    this.lines.push({ from, text: cleanText(this.redact(text), LIMITS.mailLineShown) });
  }

  /** From now on `secret` shows as `****` in every line, whoever sent it: a server may echo a user name back. */
  hide(secret: string): void {
    if (secret !== "" && !this.hidden.includes(secret)) this.hidden.push(secret);
    // Longest first, so a secret that contains another is hidden whole.
    this.hidden.sort((a, b) => b.length - a.length);
  }

  /** `text` with every hidden secret replaced by `****`: for server text quoted outside the transcript too. */
  redact(text: string): string {
    return this.hidden.reduce((shown, secret) => shown.split(secret).join("****"), text);
  }

  /** Where the transcript is now: `since(mark)` returns what was exchanged after it. */
  mark(): number {
    return this.lines.length;
  }

  /** Lines after `mark`, as `C: …` / `S: …` for a step's details. */
  since(mark: number): string[] {
    const shown = this.lines.slice(mark).map((line) => `${line.from}: ${line.text}`);
    if (this.dropped > 0 && this.lines.length >= LIMITS.mailTranscriptLines) shown.push(`… ${this.dropped} more lines not kept`);
    return shown;
  }
}

export interface LineClientOptions {
  /** Budget for each whole answer (RCA_TIMEOUT_MS). */
  timeoutMs: number;
  transcript: Transcript;
  /** "SMTP", "IMAP", "POP": named in failure messages. */
  protocol: string;
}

/** A line of the dialog as received: without its CRLF, possibly not valid UTF-8 (decoded as latin1, then cleaned). */
export class LineClient {
  private socket: Socket | TLSSocket;
  private buffer: Buffer = Buffer.alloc(0);
  private received = 0;
  private closed: LocalizedText | undefined;
  private waiter: (() => void) | undefined;
  private readonly onData = (chunk: Buffer) => {
    this.received += chunk.length;
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    this.wake();
  };
  private readonly onEnd = () => this.close(text("steps.mailbox.lines.closedByServer"));
  private readonly onError = (error: NodeJS.ErrnoException) => this.close(text("steps.mailbox.lines.connectionFailed", { code: error.code ?? "error" }));

  constructor(
    socket: Socket | TLSSocket,
    private readonly options: LineClientOptions,
  ) {
    this.socket = socket;
    this.attach();
  }

  get transcript(): Transcript {
    return this.options.transcript;
  }

  /** Sends one command. `shown` replaces it in the transcript (a password becomes `****`). */
  async send(line: string, shown: string = line): Promise<void> {
    if (/[\r\n]/.test(line)) throw new Error("a command line must not contain CR or LF");
    if (this.closed) throw this.failure("cannotSend", { command: JSON.stringify(firstWord(shown)), reason: this.closed }, "PROTOCOL_ERROR");
    this.options.transcript.add("C", shown);
    await new Promise<void>((resolve) => this.socket.write(`${line}\r\n`, () => resolve()));
  }

  /**
   * Reads lines until `complete` says the answer is whole, within one time budget for the answer. An over-long
   * line, too many lines or too many bytes in all fail the dialog: a hostile server can't hold it open.
   */
  async readAnswer(complete: (line: string, lines: readonly string[]) => boolean, what: TextParamValue): Promise<string[]> {
    const deadline = Date.now() + this.options.timeoutMs;
    const lines: string[] = [];
    for (;;) {
      const line = await this.readLine(deadline, what);
      lines.push(line);
      this.options.transcript.add("S", line);
      if (complete(line, lines)) return lines;
      if (lines.length >= LIMITS.mailAnswerLines) {
        throw this.failure("tooManyLines", { limit: LIMITS.mailAnswerLines, what }, "PROTOCOL_ERROR");
      }
    }
  }

  /**
   * Hands the socket over for a TLS handshake (STARTTLS). Bytes the server sent after its "go ahead" and before
   * the handshake would be read as if protected by TLS (STARTTLS response injection, the client-side mirror of CVE-2011-0411): refused.
   */
  detach(): Socket {
    if (this.buffer.length > 0) {
      throw this.failure("injection", {}, "PROTOCOL_ERROR");
    }
    this.detachListeners();
    return this.socket as Socket;
  }

  /** Continues the dialog over the TLS socket that replaced the plain one. */
  resume(socket: TLSSocket): void {
    this.socket = socket;
    this.closed = undefined;
    this.attach();
  }

  /** Best effort: sends the goodbye command without waiting long, then closes. */
  async quit(command: string, complete: (line: string, lines: readonly string[]) => boolean): Promise<string[] | undefined> {
    try {
      await this.send(command);
      return await this.readAnswer(complete, command);
    } catch {
      return undefined;
    } finally {
      this.socket.end();
    }
  }

  destroy(): void {
    this.detachListeners();
    this.socket.destroy();
  }

  private attach(): void {
    this.socket.on("data", this.onData);
    this.socket.on("end", this.onEnd);
    this.socket.on("close", this.onEnd);
    this.socket.on("error", this.onError);
  }

  private detachListeners(): void {
    this.socket.off("data", this.onData);
    this.socket.off("end", this.onEnd);
    this.socket.off("close", this.onEnd);
    this.socket.off("error", this.onError);
    // A late reset after the hand-over must not become an uncaught exception.
    this.socket.on("error", () => {});
  }

  private close(reason: LocalizedText): void {
    this.closed ??= reason;
    this.wake();
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }

  private async readLine(deadline: number, what: TextParamValue): Promise<string> {
    for (;;) {
      const end = this.buffer.indexOf(0x0a);
      if (end >= 0) {
        if (end > LIMITS.mailLineBytes) throw this.overlong(what);
        const line = this.buffer.subarray(0, end).toString("latin1").replace(/\r$/, "");
        this.buffer = this.buffer.subarray(end + 1);
        return line;
      }
      if (this.buffer.length > LIMITS.mailLineBytes) throw this.overlong(what);
      if (this.received > LIMITS.mailDialogBytes) {
        throw this.failure("tooManyBytes", { limit: LIMITS.mailDialogBytes }, "PROTOCOL_ERROR");
      }
      if (this.closed) {
        const reason = this.closed;
        throw this.buffer.length > 0
          ? this.failure("noAnswerPartial", { what, reason, bytes: this.buffer.length }, "CONNECTION_FAILED")
          : this.failure("noAnswer", { what, reason }, "CONNECTION_FAILED");
      }
      const left = deadline - Date.now();
      if (left <= 0 || !(await this.waitForData(left))) {
        const ms = this.options.timeoutMs;
        throw this.buffer.length > 0
          ? this.failure("timeoutPartial", { bytes: this.buffer.length, what, ms }, "PROTOCOL_TIMEOUT")
          : this.failure("timeoutNothing", { what, ms }, "PROTOCOL_TIMEOUT");
      }
    }
  }

  /** Resolves true when data arrives or the connection ends, false when `ms` pass first. */
  private waitForData(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve(false);
      }, ms);
      this.waiter = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  private overlong(what: TextParamValue): ProblemError {
    return this.failure("overlong", { limit: LIMITS.mailLineBytes, what }, "PROTOCOL_ERROR");
  }

  /** A failure of the dialog, its message prefixed with the protocol ("IMAP: …"). */
  private failure(
    message: FailureKey,
    params: Readonly<Record<string, TextParamValue>>,
    problem: "PROTOCOL_ERROR" | "PROTOCOL_TIMEOUT" | "CONNECTION_FAILED",
  ): ProblemError {
    const { protocol } = this.options;
    return new ProblemError(problem, text(`steps.mailbox.lines.${message}`, { protocol, ...params }), { protocol });
  }
}

type FailureKey =
  "cannotSend" | "tooManyLines" | "injection" | "tooManyBytes" | "noAnswer" | "noAnswerPartial" | "timeoutNothing" | "timeoutPartial" | "overlong";

function firstWord(line: string): string {
  return line.split(" ", 1)[0] ?? line;
}
