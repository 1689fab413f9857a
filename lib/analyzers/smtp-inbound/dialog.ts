import "server-only";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import { required } from "@/lib/engine/required";
import type { StepContext, StepScope } from "@/lib/engine/runner";
import { text, type Text } from "@/lib/engine/text";
import { embed } from "@/lib/mail/texts";
import { lookupPtr } from "@/lib/net/dns-records";
import { LIMITS } from "@/lib/net/limits";
import { Transcript } from "@/lib/net/mail/line-client";
import { SmtpClient, type EhloResult } from "@/lib/net/mail/smtp";
import type { TcpConnection } from "@/lib/net/tcp";
import { judgeBanner, judgeEhlo, judgeRecipient, judgeRelay, judgeStartTlsRefused, offersStartTls } from "./judge";
import { certificateSteps } from "../steps/certificate";
import { resolveStep, tcpStep } from "../steps/connectivity";
import type { PeerCertificate, TLSSocket } from "node:tls";

/**
 * The SMTP dialog with one mail exchanger, as a sending server holds it: connect, banner, EHLO, STARTTLS and the
 * certificate, EHLO again, then (never DATA) the recipient and relay checks. Each step records the lines it exchanged.
 */

/** The relay test's addresses: reserved example domains (RFC 2606), outside any real organisation. */
export const RELAY_FROM = "rca-relay-test@example.com";
export const RELAY_TO = "relay-test@example.net";

/** An SMTP session that got through EHLO; `alive` turns false when a later step breaks it. */
export interface Dialog {
  host: string;
  port: number;
  connection: TcpConnection;
  client: SmtpClient;
  ehlo: EhloResult;
  alive: boolean;
  /** Why the dialog ended early, for the steps skipped after it. */
  ended?: Text;
  /** After STARTTLS: whether it worked, and the certificates presented (server's first). */
  tls?: { trusted: boolean; chain: Buffer[] };
  starttlsOffered: boolean;
}

/** Adds the lines exchanged since `mark` to the step, whatever the step's outcome. */
async function withTranscript<T>(step: StepContext, transcript: Transcript, work: () => Promise<T>): Promise<T> {
  const mark = transcript.mark();
  try {
    return await work();
  } finally {
    step.addDetails({ transcript: transcript.since(mark) });
  }
}

/** DNS, TCP, the banner and EHLO on one host, as children of `scope`; the dialog when all of them worked. */
export async function openDialog(scope: StepScope, host: string, port: number): Promise<Dialog | undefined> {
  const target = await resolveStep(scope, host);
  const connection = await tcpStep(scope, host, target, port);
  const transcript = new Transcript();
  let client: SmtpClient | undefined;
  const banner = await scope.step("smtp.banner", text("steps.smtpInbound.banner.title"), async (step) => {
    const open = required(connection);
    client = new SmtpClient(open.socket, { timeoutMs: env().RCA_TIMEOUT_MS, transcript });
    const reply = await withTranscript(step, transcript, async () => {
      try {
        return await required(client).greeting();
      } catch (cause) {
        // Silence, garbage or a dropped connection: all a banner problem for the admin.
        if (cause instanceof ProblemError) {
          const message = embed("steps.smtpInbound.banner.invalid", "steps.smtpInbound.banner.invalidPhrase", "cause", cause.text ?? cause.message);
          throw new ProblemError("SMTP_BANNER", message, { ...cause.details, cause: cause.problem });
        }
        throw cause;
      }
    });
    const address = open.address.address;
    const ptr = await lookupPtr(address).then(
      (answer) => ({ names: answer.records }),
      (cause: unknown) => ({
        failed:
          cause instanceof ProblemError
            ? (cause.text ?? cause.message)
            : cause instanceof Error
              ? cause.message
              : text("steps.smtpInbound.banner.lookupFailed"),
      }),
    );
    const finding = judgeBanner(reply, address, ptr);
    step.report(finding);
    return finding.status !== "error";
  });
  const ehlo = await scope.step("smtp.ehlo", text("steps.smtpInbound.ehlo.title"), async (step) => {
    const result = await withTranscript(step, transcript, () => required(client).ehlo(env().RCA_EHLO_NAME));
    const finding = judgeEhlo(result, false);
    step.report(finding);
    return finding.status === "error" ? undefined : result;
  });
  if (!banner || !ehlo || !connection || !client) {
    // A host that failed is closed now: the next one is tried while it would otherwise stay open.
    client?.destroy();
    connection?.socket.destroy();
    return undefined;
  }
  return { host, port, connection, client, ehlo, alive: true, starttlsOffered: offersStartTls(ehlo.extensions) };
}

/**
 * A step of the dialog after EHLO: skipped with the reason when the dialog has ended; a failure ends it (the
 * server's state is unknown), though the test's other steps still run.
 */
export async function dialogStep(
  scope: StepScope,
  dialog: Dialog | undefined,
  code: string,
  title: Text,
  body: (step: StepContext, dialog: Dialog) => Promise<void>,
): Promise<void> {
  if (!dialog || !dialog.alive) {
    scope.skip(code, title, dialog?.ended ?? text("steps.smtpInbound.dialog.noMailExchanger"));
    return;
  }
  let failed = true;
  await scope.step(
    code,
    title,
    async (step) => {
      await withTranscript(step, dialog.client.transcript, () => body(step, dialog));
      failed = false;
    },
    { blocking: false },
  );
  if (failed && dialog.alive) {
    dialog.alive = false;
    dialog.ended ??= text("steps.smtpInbound.dialog.brokeOff", { step: typeof title === "string" ? title.replace(/\.$/, "") : title });
  }
}

/** STARTTLS, then the certificate steps as children. Certificate problems are warnings: opportunistic TLS. */
export async function startTls(step: StepContext, dialog: Dialog): Promise<void> {
  if (!dialog.starttlsOffered) {
    step.report(judgeStartTlsRefused(undefined));
    // Senders go on without encryption: so does the dialog.
    return;
  }
  const { reply, socket } = await dialog.client.startTls();
  if (!socket) {
    step.report(judgeStartTlsRefused(reply));
    return;
  }
  // The handshake's own lines aren't SMTP: the transcript ends at the go-ahead.
  const outcome = await certificateSteps(step, {
    host: dialog.host,
    port: dialog.port,
    connection: { ...dialog.connection, socket },
    ignoreTrust: true,
    warningsBecause: text("steps.certificate.summary.opportunisticTls"),
    blocking: false,
    keepOpen: true,
    starttls: true,
  });
  if (!outcome?.socket) {
    dialog.alive = false;
    dialog.ended = text("steps.smtpInbound.dialog.tlsFailed");
    // The failed child step carries the problem; the parent takes its status from it.
    step.info(text("steps.smtpInbound.starttls.handshakeFailed"));
    return;
  }
  dialog.client.resume(outcome.socket);
  dialog.tls = { trusted: outcome.trusted, chain: peerChain(outcome.socket) };
  step.succeed(text(outcome.trusted ? "steps.smtpInbound.starttls.ok" : "steps.smtpInbound.starttls.okUntrusted"));
}

/** The certificates the server presented, server's first, as Node linked them (DER). */
function peerChain(socket: TLSSocket): Buffer[] {
  const chain: Buffer[] = [];
  const seen = new Set<string>();
  let current: PeerCertificate | undefined = socket.getPeerCertificate(true);
  while (current?.raw && !seen.has(current.fingerprint256) && chain.length < LIMITS.chainCertificates) {
    seen.add(current.fingerprint256);
    chain.push(current.raw);
    current = (current as PeerCertificate & { issuerCertificate?: PeerCertificate }).issuerCertificate;
  }
  return chain;
}

/** EHLO again over TLS (RFC 3207: the server forgets what it knew before). */
export async function ehloAgain(step: StepContext, dialog: Dialog): Promise<void> {
  const result = await dialog.client.ehlo(env().RCA_EHLO_NAME);
  step.report(judgeEhlo(result, true));
}

/** MAIL FROM:<> and RCPT TO:<recipient>, then RSET: nothing is delivered. */
export async function checkRecipient(step: StepContext, dialog: Dialog, recipient: string): Promise<void> {
  const mailFrom = await dialog.client.command("MAIL FROM:<>", "MAIL FROM");
  const rcpt = mailFrom.code === 250 ? await dialog.client.command(`RCPT TO:<${recipient}>`, "RCPT TO") : undefined;
  await dialog.client.command("RSET");
  step.report(judgeRecipient(recipient, mailFrom, rcpt));
}

/** An outside sender to an outside recipient, then RSET: an open relay accepts it. */
export async function checkRelay(step: StepContext, dialog: Dialog): Promise<void> {
  const mailFrom = await dialog.client.command(`MAIL FROM:<${RELAY_FROM}>`, "MAIL FROM");
  const rcpt = mailFrom.code === 250 ? await dialog.client.command(`RCPT TO:<${RELAY_TO}>`, "RCPT TO") : undefined;
  await dialog.client.command("RSET");
  step.report(judgeRelay(RELAY_FROM, RELAY_TO, mailFrom, rcpt));
}
