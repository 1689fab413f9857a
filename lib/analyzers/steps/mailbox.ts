import "server-only";
import { env } from "@/lib/config/env";
import { error, type Finding } from "@/lib/engine/finding";
import { required } from "@/lib/engine/required";
import type { StepContext, StepScope, TestRun } from "@/lib/engine/runner";
import { text, type LocalizedText, type Text } from "@/lib/engine/text";
import { REF_KEY, renderTemplate } from "@/lib/i18n/format";
import { en } from "@/lib/i18n/messages/en";
import { LineClient, Transcript } from "@/lib/net/mail/line-client";
import { certificateSteps } from "./certificate";
import { resolveStep, tcpStep } from "./connectivity";
import type { Socket } from "node:net";
import type { TLSSocket } from "node:tls";

/**
 * The dialog IMAP and POP share, as a mail client has it: DNS, TCP, TLS (at once, or after STARTTLS / STLS) with the
 * certificate checks, the greeting, the capabilities, the login, one harmless command and the goodbye. Each
 * protocol brings its own session (what to send, how to judge the answers); the order and the rules live here.
 */

export interface MailboxInput {
  host: string;
  port: number;
  security: "tls" | "starttls";
  ignoreTrust: boolean;
  username?: string;
  password?: string;
}

/** One protocol's side of the dialog: each method sends its commands and judges the answers. */
export interface MailboxSession {
  greeting(): Promise<Finding>;
  /** Lists the capabilities (remembered for STARTTLS and the login). */
  capabilities(afterTls: boolean): Promise<Finding>;
  /** Whether the capabilities list STARTTLS / STLS; undefined when the server couldn't say (a POP server without CAPA). */
  offersStartTls(): boolean | undefined;
  /** Sends STARTTLS / STLS; success means the server agreed and the handshake may begin. */
  startTls(): Promise<Finding>;
  login(username: string, password: string): Promise<Finding>;
  /** The harmless command that shows the mailbox is there (STATUS INBOX, STAT). */
  mailboxCommand(): Promise<Finding>;
  logout(): Promise<Finding>;
}

export interface MailboxProtocol {
  /** "IMAP", "POP": in messages and failures. */
  name: string;
  startTlsCommand: string;
  /** Step codes and titles, in the order of the dialog. */
  steps: Record<MailboxStepName, { code: string; title: Text }>;
  open(lines: LineClient): MailboxSession;
}

type MailboxStepName = "greeting" | "capabilities" | "startTls" | "capabilitiesTls" | "login" | "mailbox" | "logout";

/** A protocol's steps: its codes, each titled by its catalogue text `steps.mailbox.<protocol>.title.<step>`. */
export function mailboxSteps(protocol: "imap" | "pop", codes: Record<MailboxStepName, string>): MailboxProtocol["steps"] {
  const entries = Object.entries(codes).map(([name, code]) => [name, { code, title: text(`steps.mailbox.${protocol}.title.${name as MailboxStepName}`) }]);
  return Object.fromEntries(entries) as MailboxProtocol["steps"];
}

const nonBlocking = { blocking: false } as const;

/** The whole test: every step a client goes through, in order; a failed step skips what can't follow it. */
export async function runMailboxTest(run: TestRun, input: MailboxInput, protocol: MailboxProtocol): Promise<void> {
  const { host, port, ignoreTrust } = input;
  const { steps } = protocol;
  const target = await resolveStep(run, host);
  const connection = await tcpStep(run, host, target, port);
  let socket: Socket | TLSSocket | undefined = connection?.socket;
  // What the login depends on: the connection is TLS, and its certificate passed every check.
  let encrypted = false;
  let trusted = false;
  if (input.security === "tls") {
    const outcome = await certificateSteps(run, { host, port, connection, ignoreTrust, blocking: true, keepOpen: true });
    socket = outcome?.socket;
    encrypted = outcome?.socket !== undefined;
    trusted = outcome?.trusted ?? false;
  }

  const transcript = new Transcript();
  // Hidden from the first line on: a server may quote the user name back at any point.
  if (input.username !== undefined) transcript.hide(input.username);
  if (input.password !== undefined) transcript.hide(input.password);
  const lines = socket ? new LineClient(socket, { timeoutMs: env().RCA_TIMEOUT_MS, transcript, protocol: protocol.name }) : undefined;
  if (lines) run.defer(() => lines.destroy());
  const session = lines ? protocol.open(lines) : undefined;
  const dialog = <T>(step: { code: string; title: Text }, body: (session: MailboxSession, context: StepContext) => Promise<T>, blocking = true) =>
    recordedStep(run, transcript, step, (context) => body(required(session), context), blocking);

  await dialog(steps.greeting, async (s, step) => step.report(await s.greeting()));
  await dialog(steps.capabilities, async (s, step) => step.report(await s.capabilities(input.security === "tls")));

  if (input.security === "starttls") {
    const detached = await dialog(steps.startTls, async (s, step) => {
      if (s.offersStartTls() === false) return step.report(startTlsMissing(protocol));
      const finding = await s.startTls();
      step.report(finding);
      // Handed over only after the go-ahead; detach() refuses bytes the server slipped in before the handshake.
      return finding.status === "success" ? required(lines).detach() : undefined;
    });
    const upgraded = detached && connection ? { ...connection, socket: detached } : undefined;
    const outcome = await certificateSteps(run, { host, port, connection: upgraded, ignoreTrust, blocking: true, keepOpen: true, starttls: true });
    if (outcome?.socket) lines?.resume(outcome.socket);
    encrypted = outcome?.socket !== undefined;
    trusted = outcome?.trusted ?? false;
    await dialog(steps.capabilitiesTls, async (s, step) => step.report(await s.capabilities(true)));
  }

  const { username, password } = input;
  let loggedOn = false;
  await dialog(
    steps.login,
    async (s, step) => {
      if (username === undefined || password === undefined) return step.skipBecause(text("steps.mailbox.dialog.noCredentials"));
      const gate = credentialGate({ encrypted, certificateTrusted: trusted, ignoreTrust, username, password });
      step.addDetails({ credentialsSent: gate.send });
      if (!gate.send) return step.skipBecause(gate.text);
      const finding = await s.login(username, password);
      step.report(redacted(finding, transcript));
      loggedOn = finding.status === "success" || finding.status === "info";
    },
    false,
  );
  await dialog(
    steps.mailbox,
    async (s, step) => (loggedOn ? step.report(await s.mailboxCommand()) : step.skipBecause(text("steps.mailbox.dialog.notLoggedOn"))),
    false,
  );
  await dialog(steps.logout, async (s, step) => step.report(await s.logout()), false);
}

/**
 * A mail client sends a password only over TLS it trusts: never over a plain connection, never after a certificate
 * error, not even one "Ignore trust for SSL" let through. A credential with CR or LF can't be sent in a command line.
 * `reason` is the English of `text`, the catalogue text a skipped step records.
 */
export function credentialGate(facts: {
  encrypted: boolean;
  certificateTrusted: boolean;
  ignoreTrust: boolean;
  username: string;
  password: string;
}): { send: true } | { send: false; reason: string; text: LocalizedText } {
  const refuse = (reason: LocalizedText) => ({ send: false as const, reason: reason.english, text: reason });
  if (!facts.encrypted) return refuse(text("steps.mailbox.gate.notEncrypted"));
  if (!facts.certificateTrusted) return refuse(facts.ignoreTrust ? text("steps.mailbox.gate.ignoredTrust") : text("steps.mailbox.gate.untrusted"));
  if (/[\r\n\0]/.test(facts.username) || /[\r\n\0]/.test(facts.password)) return refuse(text("steps.mailbox.gate.lineBreak"));
  return { send: true };
}

function startTlsMissing(protocol: MailboxProtocol): Finding {
  return error("STARTTLS_MISSING", text("steps.mailbox.dialog.startTlsMissing", { command: protocol.startTlsCommand }));
}

/** A step of the dialog, with the lines it exchanged as its `transcript` detail (also when it fails). */
async function recordedStep<T>(
  scope: StepScope,
  transcript: Transcript,
  step: { code: string; title: Text },
  body: (context: StepContext) => Promise<T>,
  blocking: boolean,
): Promise<T | undefined> {
  return scope.step(
    step.code,
    step.title,
    async (context) => {
      const mark = transcript.mark();
      try {
        return await body(context);
      } finally {
        const lines = transcript.since(mark);
        if (lines.length > 0) context.addDetails({ transcript: lines });
      }
    },
    blocking ? {} : nonBlocking,
  );
}

/**
 * The server may quote the user name back in its answer: never in a result. The catalogue text is kept, its server
 * text redacted, while it still says what the redacted English says; else the step records the redacted English.
 */
function redacted(finding: Finding, transcript: Transcript): Finding {
  const message = transcript.redact(finding.message);
  const { text: localized, ...rest } = finding;
  if (!localized) return { ...rest, message };
  // Server text only: the keys of referenced texts stay as they are.
  const params = Object.fromEntries(
    Object.entries(localized.params).map(([name, value]) => [
      name,
      typeof value === "string" && !name.endsWith(`.${REF_KEY}`) ? transcript.redact(value) : value,
    ]),
  );
  const again: LocalizedText = { key: localized.key, params, english: renderTemplate(en, localized.key, params) ?? "" };
  return again.english === message ? { ...rest, message, text: again } : { ...rest, message };
}
