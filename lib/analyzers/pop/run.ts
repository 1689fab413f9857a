import "server-only";
import type { TestRun } from "@/lib/engine/runner";
import { POP_PROTOCOL } from "./session";
import { runMailboxTest } from "../steps/mailbox";
import type { PopInput } from "./definition";

/** POP: DNS, TCP, TLS and the certificate, then the dialog a mail client has up to counting the mailbox's messages. */
export default async function runPop(input: PopInput, run: TestRun): Promise<void> {
  await runMailboxTest(run, input, POP_PROTOCOL);
}
