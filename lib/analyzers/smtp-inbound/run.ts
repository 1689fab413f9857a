import "server-only";
import type { StepScope, TestRun } from "@/lib/engine/runner";
import { lookupAddresses, lookupMx, lookupTlsa, lookupTxt, type TlsaRecord } from "@/lib/net/dns-records";
import type { ProblemCode } from "@/lib/problems";
import { checkRecipient, checkRelay, dialogStep, ehloAgain, openDialog, startTls, type Dialog } from "./dialog";
import { hasStsRecord, judgeDane, judgeMtaSts, judgeMx, judgeMxResult, judgeTlsRpt, type MailHost } from "./judge";
import { fetchStsPolicy } from "./policy-fetch";
import type { SmtpInboundInput } from "./definition";

/**
 * Inbound SMTP: the domain's MX records, then each mail exchanger in preference order until one accepts an SMTP
 * dialog (banner, EHLO); on it STARTTLS and the certificate, the recipient and the relay checks; then the domain's
 * MTA-STS policy, DANE records and TLS reporting.
 */
export default async function runSmtpInbound(input: SmtpInboundInput, run: TestRun): Promise<void> {
  const hosts = await mxStep(run, input);
  if (!hosts) return;
  const dialog = await findMailExchanger(run, hosts, input.port, input.host !== undefined);
  try {
    await dialogStep(run, dialog, "smtp.starttls", "Attempting to start TLS with the STARTTLS command.", startTls);
    if (dialog?.tls) await dialogStep(run, dialog, "smtp.ehlo-tls", "Sending EHLO again over the TLS connection.", ehloAgain);
    const recipient = input.recipient;
    if (recipient !== undefined) {
      await dialogStep(run, dialog, "smtp.recipient", `Checking that the server accepts mail for ${recipient}.`, (step, open) =>
        checkRecipient(step, open, recipient),
      );
    }
    if (input.relayCheck) await dialogStep(run, dialog, "smtp.relay", "Testing whether the server is an open relay.", checkRelay);
  } finally {
    if (dialog?.alive) await dialog.client.quit();
    else dialog?.client.destroy();
  }
  await securitySteps(run, input, hosts, dialog);
}

/** "Attempting to retrieve DNS MX records": the hosts to try, or undefined when none can receive mail. */
function mxStep(run: TestRun, input: SmtpInboundInput): Promise<MailHost[] | undefined> {
  const domain = input.domain;
  if (domain === undefined) {
    const host = input.host!;
    return run.step("smtp.mx", "Attempting to retrieve DNS MX records.", (step) => {
      step.info(`No MX lookup: the test connects to the mail server you named, ${host}, on port ${input.port}.`);
      return [{ host, source: "named" as const }];
    });
  }
  return run.step("smtp.mx", `Attempting to retrieve DNS MX records for domain ${domain}.`, async (step) => {
    const answer = await lookupMx(domain);
    step.addDetails({ resolver: answer.resolver });
    const addresses = Object.fromEntries(
      await Promise.all(
        answer.records
          .filter((record) => record.exchange !== "")
          .map(
            async (record) =>
              [
                record.exchange,
                await lookupAddresses(record.exchange).then(
                  (found) => found.records,
                  (cause: Error) => cause.message,
                ),
              ] as const,
          ),
      ),
    );
    const domainAddresses = answer.records.length === 0 ? (await lookupAddresses(domain)).records : undefined;
    const { finding, hosts } = judgeMx({ domain, records: answer.records, addresses, ...(domainAddresses ? { domainAddresses } : {}) });
    step.report(finding);
    return finding.status === "error" ? undefined : hosts;
  });
}

/**
 * Each mail exchanger in turn until one accepts the dialog, as senders do (RFC 5321 §5.1). Each attempt is an
 * alternative: a host that fails is a warning while a later one may work; "smtp.mx-result" gives the verdict.
 */
async function findMailExchanger(run: TestRun, hosts: MailHost[], port: number, named: boolean): Promise<Dialog | undefined> {
  const tried: Array<{ host: string; worked: boolean; problem?: ProblemCode; message?: string }> = [];
  let dialog: Dialog | undefined;
  for (const candidate of hosts) {
    const title = `Testing ${candidate.source === "named" ? "mail server" : "Mail Exchanger"} ${candidate.host}${candidate.preference !== undefined ? ` (preference ${candidate.preference})` : ""} on port ${port}.`;
    if (dialog) {
      run.skip("smtp.mx-host", title, `${dialog.host} accepted the SMTP dialog, so senders (and the analyzer) don't try this one.`);
      continue;
    }
    let scope: StepScope | undefined;
    dialog = await run.step(
      "smtp.mx-host",
      title,
      async (step) => {
        scope = step;
        const open = await openDialog(step, candidate.host, port);
        step.summarize({
          success: `${candidate.host} accepted the SMTP dialog.`,
          warning: open
            ? `${candidate.host} accepted the SMTP dialog, with warnings.`
            : `${candidate.host} couldn't be used: senders try the next mail exchanger.`,
          error: `${candidate.host} couldn't be used: senders try the next mail exchanger.`,
        });
        return open;
      },
      // With one host there is nothing to fall back on: its failures are errors in their own right.
      { blocking: false, alternative: hosts.length > 1 },
    );
    const failure = dialog ? undefined : failureOf(scope);
    tried.push({ host: candidate.host, worked: dialog !== undefined, ...failure });
  }
  await run.step("smtp.mx-result", "Checking whether a mail exchanger accepted the SMTP dialog.", (step) => step.report(judgeMxResult(tried, named)), {
    blocking: false,
  });
  return dialog;
}

/** What stopped a host attempt: its last step with a problem (an earlier one may be a mere warning), for the summary. */
function failureOf(scope: StepScope | undefined) {
  const failed = [...(scope?.steps ?? [])].reverse().find((child) => child.problem !== undefined);
  return failed?.problem ? { problem: failed.problem, message: failed.message } : undefined;
}

/** MTA-STS, DANE and TLS-RPT: the domain's rules for TLS, judged against what the dialog found. */
async function securitySteps(run: TestRun, input: SmtpInboundInput, hosts: MailHost[], dialog: Dialog | undefined): Promise<void> {
  const domain = input.domain;
  const titles = {
    mtaSts: "Checking the domain's MTA-STS policy.",
    dane: "Checking the DANE TLSA records of the mail exchanger.",
    tlsRpt: "Checking the domain's TLS reporting (TLS-RPT) record.",
  };
  if (domain === undefined) {
    const reason = "you named a mail server, not a domain: MTA-STS, DANE and TLS-RPT belong to the domain's MX records.";
    run.skip("smtp.mta-sts", titles.mtaSts, reason);
    run.skip("smtp.dane", titles.dane, reason);
    run.skip("smtp.tls-rpt", titles.tlsRpt, reason);
    return;
  }
  let mtaSts = false;
  await run.step(
    "smtp.mta-sts",
    titles.mtaSts,
    async (step) => {
      const txt = (await lookupTxt(`_mta-sts.${domain}`)).records;
      mtaSts = hasStsRecord(txt);
      const policy = mtaSts ? await fetchStsPolicy(domain) : undefined;
      step.report(
        judgeMtaSts({
          domain,
          txt,
          ...(policy ? { policy } : {}),
          mxHosts: hosts.filter((host) => host.source === "mx").map((host) => host.host),
          ...(dialog ? { tested: { host: dialog.host, starttls: dialog.tls !== undefined, trusted: dialog.tls?.trusted ?? false } } : {}),
        }),
      );
    },
    { blocking: false },
  );
  let dane = false;
  if (!dialog) run.skip("smtp.dane", titles.dane, "no mail exchanger accepted the SMTP dialog, so no certificate could be compared.");
  else {
    await run.step(
      "smtp.dane",
      `Checking the DANE TLSA records of ${dialog.host}.`,
      async (step) => {
        const name = `_${dialog.port}._tcp.${dialog.host}`;
        const records: TlsaRecord[] = (await lookupTlsa(name)).records;
        dane = records.length > 0;
        step.report(judgeDane(name, records, dialog.tls?.chain));
      },
      { blocking: false },
    );
  }
  await run.step(
    "smtp.tls-rpt",
    titles.tlsRpt,
    async (step) => step.report(judgeTlsRpt(domain, (await lookupTxt(`_smtp._tls.${domain}`)).records, { mtaSts, dane })),
    { blocking: false },
  );
}
