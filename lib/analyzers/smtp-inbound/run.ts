import "server-only";
import type { StepScope, TestRun } from "@/lib/engine/runner";
import { text, type LocalizedText, type Text } from "@/lib/engine/text";
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
    await dialogStep(run, dialog, "smtp.starttls", text("steps.smtpInbound.starttls.title"), startTls);
    if (dialog?.tls) await dialogStep(run, dialog, "smtp.ehlo-tls", text("steps.smtpInbound.ehlo.titleTls"), ehloAgain);
    const recipient = input.recipient;
    if (recipient !== undefined) {
      await dialogStep(run, dialog, "smtp.recipient", text("steps.smtpInbound.recipient.title", { recipient }), (step, open) =>
        checkRecipient(step, open, recipient),
      );
    }
    if (input.relayCheck) await dialogStep(run, dialog, "smtp.relay", text("steps.smtpInbound.relay.title"), checkRelay);
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
    return run.step("smtp.mx", text("steps.smtpInbound.mx.title"), (step) => {
      step.info(text("steps.smtpInbound.mx.named", { host, port: input.port }));
      return [{ host, source: "named" as const }];
    });
  }
  return run.step("smtp.mx", text("steps.smtpInbound.mx.titleDomain", { domain }), async (step) => {
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
  const tried: Array<{ host: string; worked: boolean; problem?: ProblemCode; message?: Text }> = [];
  let dialog: Dialog | undefined;
  for (const candidate of hosts) {
    const title = hostTitle(candidate, port);
    if (dialog) {
      run.skip("smtp.mx-host", title, text("steps.smtpInbound.host.notTried", { host: dialog.host }));
      continue;
    }
    let scope: StepScope | undefined;
    dialog = await run.step(
      "smtp.mx-host",
      title,
      async (step) => {
        scope = step;
        const open = await openDialog(step, candidate.host, port);
        const host = candidate.host;
        step.summarize({
          success: text("steps.smtpInbound.host.accepted", { host }),
          warning: open ? text("steps.smtpInbound.host.acceptedWithWarnings", { host }) : text("steps.smtpInbound.host.unusable", { host }),
          error: text("steps.smtpInbound.host.unusable", { host }),
        });
        return open;
      },
      // With one host there is nothing to fall back on: its failures are errors in their own right.
      { blocking: false, alternative: hosts.length > 1 },
    );
    const failure = dialog ? undefined : failureOf(scope);
    tried.push({ host: candidate.host, worked: dialog !== undefined, ...failure });
  }
  await run.step("smtp.mx-result", text("steps.smtpInbound.result.title"), (step) => step.report(judgeMxResult(tried, named)), {
    blocking: false,
  });
  return dialog;
}

function hostTitle(candidate: MailHost, port: number): LocalizedText {
  const { host, preference } = candidate;
  if (candidate.source === "named") return text("steps.smtpInbound.host.titleNamed", { host, port });
  return preference !== undefined
    ? text("steps.smtpInbound.host.titleMx", { host, preference, port })
    : text("steps.smtpInbound.host.titleImplicit", { host, port });
}

/**
 * What stopped a host attempt: its last step with a problem (an earlier one may be a mere warning), for the summary;
 * its message as the catalogue text it was recorded from, when it was one.
 */
function failureOf(scope: StepScope | undefined): { problem: ProblemCode; message: Text } | undefined {
  const failed = [...(scope?.steps ?? [])].reverse().find((child) => child.problem !== undefined);
  if (!failed?.problem) return undefined;
  const message: Text =
    failed.messageKey !== undefined
      ? { key: failed.messageKey as LocalizedText["key"], params: failed.messageParams ?? {}, english: failed.message }
      : failed.message;
  return { problem: failed.problem, message };
}

/** MTA-STS, DANE and TLS-RPT: the domain's rules for TLS, judged against what the dialog found. */
async function securitySteps(run: TestRun, input: SmtpInboundInput, hosts: MailHost[], dialog: Dialog | undefined): Promise<void> {
  const domain = input.domain;
  const titles = {
    mtaSts: text("steps.smtpInbound.mtaSts.title"),
    dane: text("steps.smtpInbound.dane.title"),
    tlsRpt: text("steps.smtpInbound.tlsRpt.title"),
  };
  if (domain === undefined) {
    const reason = text("steps.smtpInbound.security.namedServer");
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
  if (!dialog) run.skip("smtp.dane", titles.dane, text("steps.smtpInbound.security.noDialog"));
  else {
    await run.step(
      "smtp.dane",
      text("steps.smtpInbound.dane.titleHost", { host: dialog.host }),
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
