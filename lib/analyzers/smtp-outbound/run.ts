import "server-only";
import { getDomain } from "tldts";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import type { TestRun } from "@/lib/engine/runner";
import { text } from "@/lib/engine/text";
import { isDmarcRecord } from "@/lib/mail/dmarc";
import { evaluateSpf, type SpfDns } from "@/lib/mail/spf";
import { blockListName, lookupAddresses, lookupMx, lookupPtr, lookupTxt, reverseName } from "@/lib/net/dns-records";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { judgeBlockList, judgeDmarc, judgePtr, judgeSenderAddress, judgeSpf, type BlockListFacts, type DmarcFacts, type PtrFacts } from "./judge";
import type { SmtpOutboundInput } from "./definition";

/**
 * Outbound SMTP: what receiving servers look up about a sending server before they accept its mail. Only DNS is
 * asked about the address; nothing connects to it.
 */
export default async function runSmtpOutbound(input: SmtpOutboundInput, run: TestRun): Promise<void> {
  const { ip, domain } = input;
  await run.step("smtp.target", text("steps.smtpOutbound.target.title", { ip }), (step) =>
    step.report(judgeSenderAddress(ip, env().RCA_ALLOW_PRIVATE_TARGETS)),
  );

  await run.step("smtp.ptr", text("steps.smtpOutbound.ptr.title", { ip }), async (step) => step.report(judgePtr(await ptrFacts(ip))), {
    blocking: false,
  });

  await run.step(
    "smtp.dnsbl",
    text("steps.smtpOutbound.dnsbl.title", { ip }),
    async (step) => {
      const zones = env().RCA_DNSBL_ZONES;
      // Asked all at once: one slow list mustn't hold the others for a timeout each.
      const answers = await Promise.allSettled(zones.map((zone) => blockListFacts(ip, zone)));
      for (const [index, zone] of zones.entries()) {
        const answer = answers[index]!;
        await step.step(
          "smtp.dnsbl.zone",
          text("steps.smtpOutbound.dnsbl.zoneTitle", { zone }),
          (child) => {
            if (answer.status === "rejected") throw asWarning(answer.reason);
            child.report(judgeBlockList(ip, answer.value));
          },
          { blocking: false },
        );
      }
      step.addDetails({ zones });
      step.summarize({
        success: text("steps.smtpOutbound.dnsbl.summary.success", { ip, count: zones.length }),
        warning: text("steps.smtpOutbound.dnsbl.summary.warning", { ip }),
        error: text("steps.smtpOutbound.dnsbl.summary.error", { ip }),
      });
    },
    { blocking: false },
  );

  if (domain === undefined) {
    run.skip("smtp.spf", text("steps.smtpOutbound.spf.titleNoDomain"), text("steps.smtpOutbound.spf.noDomain"));
    run.skip("smtp.dmarc", text("steps.smtpOutbound.dmarc.titleNoDomain"), text("steps.smtpOutbound.dmarc.noDomain"));
    return;
  }
  await run.step(
    "smtp.spf",
    text("steps.smtpOutbound.spf.title", { domain, ip }),
    async (step) => step.report(judgeSpf(domain, ip, await evaluateSpf({ ip, domain, sender: `postmaster@${domain}`, dns: SPF_DNS }))),
    { blocking: false },
  );
  await run.step("smtp.dmarc", text("steps.smtpOutbound.dmarc.title", { domain }), async (step) => step.report(judgeDmarc(await dmarcFacts(domain))), {
    blocking: false,
  });
}

/** One block list that can't be asked is a warning: the others still answer, and receivers may not use it. */
function asWarning(reason: unknown): unknown {
  return reason instanceof ProblemError ? new ProblemError(reason.problem, reason.text ?? reason.message, reason.details, "warning") : reason;
}

/** The PTR names of the address, and each name's addresses (forward confirmation). */
async function ptrFacts(ip: string): Promise<PtrFacts> {
  const { records: names } = await lookupPtr(ip);
  const forward = await Promise.all(names.map(async (name) => ({ name, addresses: (await lookupAddresses(name)).records })));
  return { ip, reverseName: reverseName(ip), names, forward };
}

/** A block list's A answer for the address, and its TXT reason when it lists it. */
async function blockListFacts(ip: string, zone: string): Promise<BlockListFacts> {
  const queryName = blockListName(ip, zone);
  const { records: answers } = await lookupAddresses(queryName, [4]);
  let reasons: string[] = [];
  if (answers.length > 0) {
    // The reason is a courtesy: a list that answers A but fails TXT is still a listing.
    reasons = await lookupTxt(queryName).then(
      ({ records }) => records.map((text) => cleanText(text, LIMITS.textField)),
      () => [],
    );
  }
  return { zone, queryName, answers, reasons };
}

/** SPF's lookups through RCA_DNS_SERVERS, each within RCA_TIMEOUT_MS. */
const SPF_DNS: SpfDns = {
  txt: async (name) => (await lookupTxt(name)).records.map((text) => cleanText(text, LIMITS.txtRecordChars)),
  addresses: async (name, family) => (await lookupAddresses(name, [family])).records,
  mx: async (name) => (await lookupMx(name)).records.map((record) => record.exchange),
  ptr: async (address) => (await lookupPtr(address)).records,
};

/** _dmarc.<domain>, then _dmarc.<organisational domain> (RFC 7489 §6.6.3) when the domain has no record. */
async function dmarcFacts(domain: string): Promise<DmarcFacts> {
  const organisational = getDomain(domain) ?? undefined;
  const names = [`_dmarc.${domain}`, ...(organisational && organisational !== domain ? [`_dmarc.${organisational}`] : [])];
  const lookups: DmarcFacts["lookups"] = [];
  for (const name of names) {
    const records = (await lookupTxt(name)).records.map((text) => cleanText(text, LIMITS.textField));
    lookups.push({ name, records });
    if (records.some(isDmarcRecord)) break;
  }
  return { domain, lookups, ...(organisational ? { organisationalDomain: organisational } : {}) };
}
