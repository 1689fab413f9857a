import "server-only";
import type { TestRun } from "@/lib/engine/runner";
import { IMAP_PROTOCOL } from "./session";
import { runMailboxTest } from "../steps/mailbox";
import type { ImapInput } from "./definition";

/** IMAP: DNS, TCP, TLS and the certificate, then the dialog a mail client has up to counting the Inbox's messages. */
export default async function runImap(input: ImapInput, run: TestRun): Promise<void> {
  await runMailboxTest(run, input, IMAP_PROTOCOL);
}
