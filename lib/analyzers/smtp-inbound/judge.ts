import { error, info, ok, warning, type Finding } from "@/lib/engine/finding";
import { englishOf, listText, text, type LocalizedText, type Text } from "@/lib/engine/text";
import { embed, semicolonList } from "@/lib/mail/texts";
import type { MxRecord, TlsaRecord } from "@/lib/net/dns-records";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { matchTlsa } from "@/lib/net/mail/dane";
import { parseStsPolicy, parseStsRecord, unmatchedMx, type StsMode } from "@/lib/net/mail/mta-sts";
import type { ProblemCode } from "@/lib/problems";

/**
 * Pure judgements of what the inbound SMTP test found: the MX records, the SMTP replies, the MTA-STS policy,
 * the TLS-RPT record and the TLSA records. The network code in run.ts and dialog.ts gathers the facts.
 */

/** SMTP replies as the judges need them (lib/net/mail/smtp.ts SmtpReply, without importing server code). */
export interface Reply {
  code: number;
  enhanced?: string;
  lines: string[];
}

function replyLine(reply: Reply): string {
  return cleanText(`${reply.code} ${reply.lines.join(" ")}`.trim(), LIMITS.textField);
}

// ---------------------------------------------------------------------------------------------------------------
// MX

/** A mail exchanger to try: from an MX record, from the domain's own address (no MX), or the server the user named. */
export interface MailHost {
  host: string;
  preference?: number;
  /** How the host was found. */
  source: "mx" | "implicit" | "named";
}

export interface MxFacts {
  domain: string;
  records: MxRecord[];
  /** The domain's own A/AAAA addresses, looked up only when it has no MX record. */
  domainAddresses?: string[];
  /** Addresses of each MX host, for the details ("lookup failed: …" when they couldn't be had). */
  addresses: Record<string, string[] | string>;
}

/**
 * The MX records in preference order. None: RFC 5321 §5.1 says senders use the domain's own address (info). A null
 * MX ("0 .", RFC 7505) says the domain accepts no mail at all. Neither MX nor address: nothing can receive mail.
 */
export function judgeMx(facts: MxFacts): { finding: Finding; hosts: MailHost[] } {
  const { domain, records } = facts;
  const real = records.filter((record) => record.exchange !== "" && record.exchange !== ".");
  const list = real.map((record) => ({ preference: record.preference, exchange: record.exchange, addresses: facts.addresses[record.exchange] ?? [] }));
  if (records.length > 0 && real.length === 0) {
    return {
      hosts: [],
      finding: error("SMTP_NULL_MX", text("steps.smtpInbound.mx.nullMx", { domain }), { mx: records.map((record) => `${record.preference} .`) }),
    };
  }
  if (real.length > 0) {
    const withNull = real.length < records.length;
    const one = real.length === 1;
    const key = withNull ? (one ? "foundOneWithNull" : "foundManyWithNull") : one ? "foundOne" : "foundMany";
    const found = listText(real.map((record) => text("steps.smtpInbound.mx.record", { exchange: record.exchange, preference: record.preference })));
    return {
      hosts: real.map((record) => ({ host: record.exchange, preference: record.preference, source: "mx" })),
      finding: ok(text(`steps.smtpInbound.mx.${key}`, { count: real.length, domain, records: found }), { mx: list }),
    };
  }
  const addresses = facts.domainAddresses ?? [];
  if (addresses.length === 0) {
    return {
      hosts: [],
      finding: error("DNS_NO_RECORD", text("steps.smtpInbound.mx.none", { domain }), { mx: [] }),
    };
  }
  return {
    hosts: [{ host: domain, source: "implicit" }],
    finding: info(text("steps.smtpInbound.mx.implicit", { domain, addresses: addresses.join(", ") }), {
      mx: [],
      implicitMx: { exchange: domain, addresses },
    }),
  };
}

/** The summary after trying the mail exchangers: which one accepted the dialog, or why none did. */
export function judgeMxResult(tried: ReadonlyArray<{ host: string; worked: boolean; problem?: ProblemCode; message?: Text }>, named: boolean): Finding {
  const working = tried.find((attempt) => attempt.worked);
  const details = {
    tried: tried.map((attempt) => ({
      host: attempt.host,
      outcome: attempt.worked ? "accepted the SMTP dialog" : attempt.message !== undefined ? englishOf(attempt.message) : "failed",
    })),
  };
  if (working) {
    const failed = tried.filter((attempt) => !attempt.worked).map((attempt) => attempt.host);
    return ok(
      failed.length > 0
        ? text("steps.smtpInbound.result.acceptedAfter", { host: working.host, failed: failed.join(", ") })
        : text("steps.smtpInbound.result.accepted", { host: working.host }),
      details,
    );
  }
  const first = tried[0];
  const what = named ? "noneNamed" : tried.length > 1 ? "noneMany" : "noneOnly";
  return error(
    first?.problem ?? "CONNECTION_FAILED",
    first?.message !== undefined && englishOf(first.message)
      ? embed(`steps.smtpInbound.result.${what}BecauseSentence`, `steps.smtpInbound.result.${what}Because`, "failure", first.message, { host: first.host })
      : text(`steps.smtpInbound.result.${what}`),
    details,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// banner and EHLO

/** The 220 greeting, and whether the name in it is the connected address's reverse DNS name. */
export function judgeBanner(reply: Reply, address: string, ptr: { names: string[] } | { failed: Text }): Finding {
  const banner = replyLine(reply);
  if (reply.code !== 220) return error("SMTP_BANNER", text("steps.smtpInbound.banner.refused", { reply: banner }), { banner });
  const name = (reply.lines[0] ?? "").split(/\s+/, 1)[0]!.toLowerCase().replace(/\.$/, "");
  const details = { banner, bannerName: name, address, ...("names" in ptr ? { reverseDns: ptr.names } : { reverseDnsLookup: englishOf(ptr.failed) }) };
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(name) && !/^\[[0-9a-f:.]+\]$/.test(name)) {
    return warning("SMTP_BANNER", text("steps.smtpInbound.banner.noHostName", { banner }), details);
  }
  if ("failed" in ptr) {
    return ok(embed("steps.smtpInbound.banner.ptrFailed", "steps.smtpInbound.banner.ptrFailedPhrase", "failure", ptr.failed, { banner, address }), details);
  }
  if (ptr.names.length === 0) return warning("SMTP_BANNER", text("steps.smtpInbound.banner.noPtr", { banner, address, name }), details);
  if (!ptr.names.includes(name)) {
    return warning("SMTP_BANNER", text("steps.smtpInbound.banner.ptrMismatch", { banner, name, address, names: ptr.names.join(", ") }), details);
  }
  return ok(text("steps.smtpInbound.banner.ok", { banner, name, address }), details);
}

/** What one EHLO extension line means, for the details. */
export function describeExtension(line: string): string {
  const [keyword = "", ...params] = line.trim().split(/\s+/);
  const upper = keyword.toUpperCase();
  switch (upper) {
    case "SIZE": {
      const bytes = Number(params[0] ?? "0");
      return Number.isFinite(bytes) && bytes > 0
        ? `SIZE: messages up to ${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`
        : "SIZE: no fixed limit announced";
    }
    case "STARTTLS":
      return "STARTTLS: encryption offered";
    case "PIPELINING":
      return "PIPELINING: commands may be sent in batches";
    case "8BITMIME":
      return "8BITMIME: 8-bit message bodies";
    case "SMTPUTF8":
      return "SMTPUTF8: international addresses";
    case "CHUNKING":
      return "CHUNKING: BDAT transfers";
    case "AUTH":
      return `AUTH: ${params.join(", ") || "no mechanism listed"}`;
    default:
      return cleanText(line, LIMITS.mailLineShown);
  }
}

/** The EHLO (or HELO) answer: 250 with its extensions, or a refusal. */
export function judgeEhlo(result: { reply: Reply; helo: boolean; extensions: string[] }, afterTls: boolean): Finding {
  const { reply } = result;
  if (reply.code !== 250) {
    return error(
      "SMTP_EHLO_REJECTED",
      text(result.helo ? "steps.smtpInbound.ehlo.heloRefused" : "steps.smtpInbound.ehlo.refused", { reply: replyLine(reply) }),
      {
        reply: replyLine(reply),
      },
    );
  }
  const extensions = result.extensions.map(describeExtension);
  const details = { greeting: cleanText(reply.lines[0] ?? "", LIMITS.mailLineShown), extensions, ...(result.helo ? { command: "HELO" } : {}) };
  if (result.helo) return ok(text("steps.smtpInbound.ehlo.helo"), details);
  const names = result.extensions.map((line) => line.trim().split(/\s+/, 1)[0]!.toUpperCase());
  if (names.length === 0) return ok(text(afterTls ? "steps.smtpInbound.ehlo.okTlsNone" : "steps.smtpInbound.ehlo.okNone"), details);
  return ok(text(afterTls ? "steps.smtpInbound.ehlo.okTls" : "steps.smtpInbound.ehlo.ok", { extensions: names.join(", ") }), details);
}

export function offersStartTls(extensions: readonly string[]): boolean {
  return extensions.some((line) => /^STARTTLS\s*$/i.test(line.trim()));
}

/** STARTTLS missing from EHLO, or refused when sent. */
export function judgeStartTlsRefused(reply: Reply | undefined): Finding {
  if (!reply) return error("SMTP_STARTTLS_MISSING", text("steps.smtpInbound.starttls.missing"));
  return error("SMTP_STARTTLS_MISSING", text("steps.smtpInbound.starttls.refused", { reply: replyLine(reply) }), { reply: replyLine(reply) });
}

// ---------------------------------------------------------------------------------------------------------------
// recipient and relay

/** MAIL FROM:<> then RCPT TO:<recipient>: whether mail for the recipient is accepted. */
export function judgeRecipient(recipient: string, mailFrom: Reply, rcpt: Reply | undefined): Finding {
  if (mailFrom.code !== 250 || !rcpt) {
    return error("SMTP_RECIPIENT_REJECTED", text("steps.smtpInbound.recipient.nullSenderRefused", { reply: replyLine(mailFrom) }), {
      mailFrom: replyLine(mailFrom),
    });
  }
  const details = { mailFrom: replyLine(mailFrom), rcptTo: replyLine(rcpt) };
  if (rcpt.code === 250 || rcpt.code === 251) return ok(text("steps.smtpInbound.recipient.accepted", { recipient, reply: replyLine(rcpt) }), details);
  if (rcpt.code >= 400 && rcpt.code < 500) {
    return warning("SMTP_RECIPIENT_REJECTED", text("steps.smtpInbound.recipient.deferred", { recipient, reply: replyLine(rcpt) }), details);
  }
  return error("SMTP_RECIPIENT_REJECTED", text("steps.smtpInbound.recipient.refused", { recipient, reply: replyLine(rcpt) }), details);
}

/** The relay test: an outside sender to an outside recipient must be refused. */
export function judgeRelay(from: string, to: string, mailFrom: Reply, rcpt: Reply | undefined): Finding {
  const details = { mailFrom: `MAIL FROM:<${from}> → ${replyLine(mailFrom)}`, ...(rcpt ? { rcptTo: `RCPT TO:<${to}> → ${replyLine(rcpt)}` } : {}) };
  if (mailFrom.code !== 250 || !rcpt) return ok(text("steps.smtpInbound.relay.senderRefused", { from, reply: replyLine(mailFrom) }), details);
  if (rcpt.code === 250 || rcpt.code === 251) {
    return error("SMTP_OPEN_RELAY", text("steps.smtpInbound.relay.open", { from, to, reply: replyLine(rcpt) }), details);
  }
  return ok(text("steps.smtpInbound.relay.refused", { from, to, reply: replyLine(rcpt) }), details);
}

// ---------------------------------------------------------------------------------------------------------------
// MTA-STS

export interface PolicyFetch {
  /** Set when the policy couldn't be fetched at all. */
  failure?: { problem: string; message: Text };
  status?: number;
  contentType?: string;
  body?: string;
  truncated?: boolean;
}

export interface MtaStsFacts {
  domain: string;
  txt: string[];
  policy?: PolicyFetch;
  mxHosts: string[];
  /** The MX host the dialog ran on: whether it offered STARTTLS and its certificate passed every check. */
  tested?: { host: string; starttls: boolean; trusted: boolean };
}

/** Whether the TXT record announces MTA-STS (the policy is then fetched). */
export function hasStsRecord(txt: readonly string[]): boolean {
  return parseStsRecord(txt) !== undefined;
}

/**
 * MTA-STS: none (info), a record with a missing or broken policy (error), or a policy whose MX patterns or
 * certificate requirement the MX hosts don't meet: an error in enforce mode, a warning in testing mode.
 */
export function judgeMtaSts(facts: MtaStsFacts): Finding {
  const { domain } = facts;
  const record = parseStsRecord(facts.txt);
  const url = `https://mta-sts.${domain}/.well-known/mta-sts.txt`;
  if (!record) return info(text("steps.smtpInbound.mtaSts.none", { domain }));
  if (!record.ok) return error("MTA_STS_INVALID", text("steps.smtpInbound.mtaSts.invalidRecord", { domain, reason: record.reason }), { record: facts.txt });
  const details: Record<string, unknown> = { record: record.record, policyUrl: url };
  const fetched = facts.policy;
  if (!fetched || fetched.failure) {
    return error(
      "MTA_STS_INVALID",
      embed(
        "steps.smtpInbound.mtaSts.fetchFailed",
        "steps.smtpInbound.mtaSts.fetchFailedPhrase",
        "failure",
        fetched?.failure?.message ?? text("steps.smtpInbound.mtaSts.noAttempt"),
        { domain, id: record.id, url },
      ),
      { ...details, ...(fetched?.failure ? { fetchProblem: fetched.failure.problem } : {}) },
    );
  }
  details.httpStatus = fetched.status;
  if (fetched.contentType) details.contentType = cleanText(fetched.contentType, LIMITS.headerValueShown);
  if (fetched.status !== 200) {
    return error("MTA_STS_INVALID", text("steps.smtpInbound.mtaSts.httpStatus", { domain, id: record.id, url, status: fetched.status ?? "" }), details);
  }
  if (fetched.truncated) return error("MTA_STS_INVALID", text("steps.smtpInbound.mtaSts.tooLarge", { url, kib: LIMITS.httpBodyBytes / 1024 }), details);
  details.policy = cleanText(fetched.body ?? "", LIMITS.textField);
  const parsed = parseStsPolicy(fetched.body ?? "");
  if (!parsed.ok) {
    const severity = parsed.mode === "testing" ? warning : error;
    return severity("MTA_STS_INVALID", text("steps.smtpInbound.mtaSts.policyInvalid", { url, reason: parsed.reason }), details);
  }
  const { policy } = parsed;
  Object.assign(details, { mode: policy.mode, mx: policy.mx, maxAge: policy.maxAge, ...(parsed.notes.length > 0 ? { notes: parsed.notes } : {}) });
  if (policy.mode === "none") return info(text("steps.smtpInbound.mtaSts.modeNone", { domain }), details);
  const flaws = policyFlaws(facts, policy.mx);
  if (flaws.length > 0)
    return mismatch(
      policy.mode,
      text(`steps.smtpInbound.mtaSts.notMet${policy.mode === "enforce" ? "Enforce" : "Testing"}`, { domain, flaws: semicolonList(flaws) }),
      details,
    );
  return ok(
    text(policy.mode === "testing" ? "steps.smtpInbound.mtaSts.okTesting" : "steps.smtpInbound.mtaSts.ok", {
      domain,
      mode: policy.mode,
      mx: policy.mx.join(", "),
      maxAge: policy.maxAge,
    }),
    details,
  );
}

function policyFlaws(facts: MtaStsFacts, patterns: readonly string[]): LocalizedText[] {
  const flaws: LocalizedText[] = [];
  const unmatched = unmatchedMx(facts.mxHosts, patterns);
  if (unmatched.length > 0) {
    flaws.push(
      text(unmatched.length > 1 ? "steps.smtpInbound.mtaSts.unmatchedMany" : "steps.smtpInbound.mtaSts.unmatchedOne", { hosts: unmatched.join(", ") }),
    );
  }
  const tested = facts.tested;
  if (tested && !tested.starttls) flaws.push(text("steps.smtpInbound.mtaSts.noStartTls", { host: tested.host }));
  else if (tested && !tested.trusted) flaws.push(text("steps.smtpInbound.mtaSts.untrusted", { host: tested.host }));
  return flaws;
}

/** In enforce mode senders refuse the hosts that fail: an error; in testing mode they only report it. */
function mismatch(mode: StsMode, message: LocalizedText, details: Record<string, unknown>): Finding {
  return mode === "enforce" ? error("MTA_STS_INVALID", message, details) : warning("MTA_STS_INVALID", message, details);
}

// ---------------------------------------------------------------------------------------------------------------
// TLS-RPT

/**
 * TLS-RPT (RFC 8460): where senders report failed TLS deliveries. Missing is informational, unless the domain
 * requires TLS (MTA-STS or DANE): then failures go unnoticed, which is a warning. A broken record is a warning.
 */
export function judgeTlsRpt(domain: string, txt: readonly string[], requiresTls: { mtaSts: boolean; dane: boolean }): Finding {
  const name = `_smtp._tls.${domain}`;
  const records = txt.filter((record) => /^v=TLSRPTv1\s*(;|$)/.test(record));
  const deployed =
    requiresTls.mtaSts && requiresTls.dane ? text("steps.smtpInbound.tlsRpt.both") : requiresTls.mtaSts ? "MTA-STS" : requiresTls.dane ? "DANE" : "";
  if (records.length === 0) {
    if (deployed) return warning("TLSRPT_MISSING", text("steps.smtpInbound.tlsRpt.missingDeployed", { domain, name, deployed }), { name });
    return info(text("steps.smtpInbound.tlsRpt.missing", { domain, name }), { name });
  }
  if (records.length > 1) return warning("TLSRPT_MISSING", text("steps.smtpInbound.tlsRpt.several", { name, count: records.length }), { name, records });
  const record = records[0]!;
  const rua = /(?:^|;)\s*rua\s*=\s*([^;]*)/.exec(record)?.[1]?.trim();
  const uris = rua ? rua.split(",").map((uri) => uri.trim()) : [];
  const bad = uris.filter((uri) => !/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/i.test(uri));
  if (uris.length === 0 || bad.length > 0) {
    return warning(
      "TLSRPT_MISSING",
      bad.length > 0 ? text("steps.smtpInbound.tlsRpt.invalidBad", { domain, bad: bad.join(", ") }) : text("steps.smtpInbound.tlsRpt.invalid", { domain }),
      { name, record },
    );
  }
  return ok(text("steps.smtpInbound.tlsRpt.ok", { domain, uris: uris.join(", ") }), { name, record, rua: uris });
}

// ---------------------------------------------------------------------------------------------------------------
// DANE

/**
 * DANE (RFC 7672): TLSA records of `_<port>._tcp.<mx host>` against the chain the server presented. None: info. Present:
 * some usable record must match, or DANE senders refuse to deliver.
 */
export function judgeDane(name: string, records: readonly TlsaRecord[], chain: readonly Buffer[] | undefined): Finding {
  if (records.length === 0) return info(text("steps.smtpInbound.dane.none", { name }), { name });
  const matches = matchTlsa(chain ?? [], records);
  const details = { name, tlsa: matches, dnssec: "not checked: DANE counts only when the records are DNSSEC-signed" };
  if (!chain) {
    return error("DANE_MISMATCH", text("steps.smtpInbound.dane.noCertificate", { name }), details);
  }
  const usable = matches.filter((match) => match.usable);
  if (usable.length === 0) {
    return warning("DANE_MISMATCH", text("steps.smtpInbound.dane.unusable", { name }), details);
  }
  const matched = usable.find((match) => match.matchedPosition !== undefined);
  if (!matched) {
    return error("DANE_MISMATCH", text("steps.smtpInbound.dane.mismatch", { name }), details);
  }
  return ok(
    text("steps.smtpInbound.dane.ok", { record: matched.record.slice(0, 20), meaning: matched.meaning, position: matched.matchedPosition ?? "" }),
    details,
  );
}
