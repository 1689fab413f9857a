import { error, ok, warning, type Finding } from "@/lib/engine/finding";
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

function text(reply: Reply): string {
  return cleanText(`${reply.code} ${reply.lines.join(" ")}`.trim(), LIMITS.textField);
}

function quoted(reply: Reply): string {
  return `"${text(reply)}"`;
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
      finding: error(
        "SMTP_NULL_MX",
        `${domain} has a null MX record ("0 ."): the domain declares that it accepts no e-mail at all (RFC 7505), so senders bounce mail to it at once.`,
        { mx: records.map((record) => `${record.preference} .`) },
      ),
    };
  }
  if (real.length > 0) {
    const nullNote = real.length < records.length ? ' A null MX record ("0 .") beside them is ignored, though RFC 7505 forbids mixing them.' : "";
    return {
      hosts: real.map((record) => ({ host: record.exchange, preference: record.preference, source: "mx" })),
      finding: ok(
        `Found ${real.length} MX record${real.length > 1 ? "s" : ""} for ${domain}: ${real.map((record) => `${record.exchange} (preference ${record.preference})`).join(", ")}. Senders try them in this order, the lowest preference first.${nullNote}`,
        { mx: list },
      ),
    };
  }
  const addresses = facts.domainAddresses ?? [];
  if (addresses.length === 0) {
    return {
      hosts: [],
      finding: error("DNS_NO_RECORD", `${domain} has no MX record and no A or AAAA record: no server can receive e-mail for it.`, { mx: [] }),
    };
  }
  return {
    hosts: [{ host: domain, source: "implicit" }],
    finding: {
      status: "info",
      message: `${domain} has no MX record. Senders then deliver to the domain's own address (${addresses.join(", ")}), as RFC 5321 §5.1 says; add an MX record if another server should receive the mail.`,
      details: { mx: [], implicitMx: { exchange: domain, addresses } },
    },
  };
}

/** The summary after trying the mail exchangers: which one accepted the dialog, or why none did. */
export function judgeMxResult(tried: ReadonlyArray<{ host: string; worked: boolean; problem?: ProblemCode; message?: string }>, named: boolean): Finding {
  const working = tried.find((attempt) => attempt.worked);
  const details = {
    tried: tried.map((attempt) => ({ host: attempt.host, outcome: attempt.worked ? "accepted the SMTP dialog" : (attempt.message ?? "failed") })),
  };
  if (working) {
    const failed = tried.filter((attempt) => !attempt.worked).map((attempt) => attempt.host);
    const before = failed.length > 0 ? ` after ${failed.join(", ")} failed (senders retry there first, which delays mail)` : "";
    return ok(`${working.host} accepted the SMTP dialog${before}. The checks below run on it.`, details);
  }
  const first = tried[0];
  const what = named ? "The mail server" : tried.length > 1 ? "No mail exchanger of the domain" : "The only mail exchanger";
  return error(
    first?.problem ?? "CONNECTION_FAILED",
    `${what} accepted an SMTP dialog${first?.message ? ` (${first.host}: ${first.message})` : ""}: mail can't be delivered; senders queue it and retry for days, then bounce it.`,
    details,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// banner and EHLO

/** The 220 greeting, and whether the name in it is the connected address's reverse DNS name. */
export function judgeBanner(reply: Reply, address: string, ptr: { names: string[] } | { failed: string }): Finding {
  const banner = text(reply);
  if (reply.code !== 220) {
    return error(
      "SMTP_BANNER",
      `The server greeted with ${quoted(reply)} instead of 220: it refuses the connection (RFC 5321 §3.1), so senders can't deliver mail through it from here.`,
      { banner },
    );
  }
  const name = (reply.lines[0] ?? "").split(/\s+/, 1)[0]!.toLowerCase().replace(/\.$/, "");
  const details = { banner, bannerName: name, address, ...("names" in ptr ? { reverseDns: ptr.names } : { reverseDnsLookup: ptr.failed }) };
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(name) && !/^\[[0-9a-f:.]+\]$/.test(name)) {
    return warning("SMTP_BANNER", `Banner: ${quoted(reply)}. It doesn't start with the server's host name, as RFC 5321 §4.2 requires.`, details);
  }
  if ("failed" in ptr)
    return ok(`Banner: ${quoted(reply)}. The reverse DNS of ${address} couldn't be looked up (${ptr.failed}), so the name wasn't compared.`, details);
  if (ptr.names.length === 0) {
    return warning(
      "SMTP_BANNER",
      `Banner: ${quoted(reply)}. ${address} has no reverse DNS (PTR) record, so the name ${name} can't be confirmed; the same host's outgoing mail is likely to be refused or marked as spam.`,
      details,
    );
  }
  if (!ptr.names.includes(name)) {
    return warning("SMTP_BANNER", `Banner: ${quoted(reply)}. The name ${name} doesn't match the reverse DNS of ${address} (${ptr.names.join(", ")}).`, details);
  }
  return ok(`Banner: ${quoted(reply)}. The name ${name} matches the reverse DNS of ${address}.`, details);
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
  const command = result.helo ? "HELO" : "EHLO";
  if (reply.code !== 250) {
    return error(
      "SMTP_EHLO_REJECTED",
      `The server refused ${command}${result.helo ? " (after refusing EHLO as unknown)" : ""} with ${quoted(reply)}: no mail can be sent in this session.`,
      { reply: text(reply) },
    );
  }
  const extensions = result.extensions.map(describeExtension);
  const details = { greeting: cleanText(reply.lines[0] ?? "", LIMITS.mailLineShown), extensions, ...(result.helo ? { command: "HELO" } : {}) };
  if (result.helo) {
    return ok(
      `The server doesn't know EHLO and accepted HELO instead: it offers no extensions (no STARTTLS, no SIZE), like an SMTP server of before 1995.`,
      details,
    );
  }
  const names = result.extensions.map((line) => line.trim().split(/\s+/, 1)[0]!.toUpperCase());
  return ok(`The server accepted EHLO${afterTls ? " over TLS" : ""} and offers ${names.length > 0 ? names.join(", ") : "no extensions"}.`, details);
}

export function offersStartTls(extensions: readonly string[]): boolean {
  return extensions.some((line) => /^STARTTLS\s*$/i.test(line.trim()));
}

/** STARTTLS missing from EHLO, or refused when sent. */
export function judgeStartTlsRefused(reply: Reply | undefined): Finding {
  if (!reply) {
    return error(
      "SMTP_STARTTLS_MISSING",
      "The server doesn't offer STARTTLS: mail reaches it unencrypted, readable by anyone on the way. Senders that require TLS (MTA-STS, DANE, many banks and governments) won't deliver to it, and Microsoft 365 and Gmail mark such mail as not encrypted.",
    );
  }
  return error(
    "SMTP_STARTTLS_MISSING",
    `The server offers STARTTLS but refused it with ${quoted(reply)}: mail reaches it unencrypted. The TLS certificate or key may be missing or unreadable on the server.`,
    { reply: text(reply) },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// recipient and relay

/** MAIL FROM:<> then RCPT TO:<recipient>: whether mail for the recipient is accepted. */
export function judgeRecipient(recipient: string, mailFrom: Reply, rcpt: Reply | undefined): Finding {
  if (mailFrom.code !== 250 || !rcpt) {
    return error(
      "SMTP_RECIPIENT_REJECTED",
      `The server refused the null sender "MAIL FROM:<>" with ${quoted(mailFrom)}: RFC 5321 §4.5.5 requires accepting it, as bounces and delivery reports use it.`,
      { mailFrom: text(mailFrom) },
    );
  }
  const details = { mailFrom: text(mailFrom), rcptTo: text(rcpt) };
  if (rcpt.code === 250 || rcpt.code === 251)
    return ok(`The server accepts mail for ${recipient}: ${quoted(rcpt)}. (Nothing was sent: the analyzer never sends DATA.)`, details);
  if (rcpt.code >= 400 && rcpt.code < 500) {
    return warning(
      "SMTP_RECIPIENT_REJECTED",
      `The server deferred ${recipient} with ${quoted(rcpt)}: a temporary refusal (greylisting, a busy or misconfigured server); senders retry later.`,
      details,
    );
  }
  return error("SMTP_RECIPIENT_REJECTED", `The server refused mail for ${recipient} with ${quoted(rcpt)}: senders get a bounce.`, details);
}

/** The relay test: an outside sender to an outside recipient must be refused. */
export function judgeRelay(from: string, to: string, mailFrom: Reply, rcpt: Reply | undefined): Finding {
  const details = { mailFrom: `MAIL FROM:<${from}> → ${text(mailFrom)}`, ...(rcpt ? { rcptTo: `RCPT TO:<${to}> → ${text(rcpt)}` } : {}) };
  if (mailFrom.code !== 250 || !rcpt) return ok(`The server refused the outside sender ${from} with ${quoted(mailFrom)}: it doesn't relay for it.`, details);
  if (rcpt.code === 250 || rcpt.code === 251) {
    return error(
      "SMTP_OPEN_RELAY",
      `The server accepted mail from ${from} to ${to} (${quoted(rcpt)}): it is an open relay. Spammers find such servers within hours; its address lands on block lists and legitimate mail from it is refused. (Nothing was sent: the analyzer never sends DATA.)`,
      details,
    );
  }
  return ok(`The server refused to relay from ${from} to ${to} with ${quoted(rcpt)}: it is not an open relay.`, details);
}

// ---------------------------------------------------------------------------------------------------------------
// MTA-STS

export interface PolicyFetch {
  /** Set when the policy couldn't be fetched at all. */
  failure?: { problem: string; message: string };
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

const STS_HELP =
  "Senders that honour MTA-STS (Gmail, Microsoft 365, Yahoo…) then deliver only to MX hosts that the policy names and that present a valid certificate over STARTTLS.";

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
  if (!record)
    return { status: "info", message: `${domain} has no MTA-STS record (_mta-sts.${domain} TXT "v=STSv1; id=…"): senders use TLS opportunistically.` };
  if (!record.ok) return error("MTA_STS_INVALID", `The MTA-STS record of ${domain} is invalid: ${record.reason}.`, { record: facts.txt });
  const details: Record<string, unknown> = { record: record.record, policyUrl: url };
  const fetched = facts.policy;
  if (!fetched || fetched.failure) {
    return error(
      "MTA_STS_INVALID",
      `_mta-sts.${domain} announces a policy (id ${record.id}), but ${url} couldn't be fetched: ${fetched?.failure?.message ?? "no attempt"} RFC 8461 requires HTTPS with a valid certificate for mta-sts.${domain}.`,
      { ...details, ...(fetched?.failure ? { fetchProblem: fetched.failure.problem } : {}) },
    );
  }
  details.httpStatus = fetched.status;
  if (fetched.contentType) details.contentType = cleanText(fetched.contentType, LIMITS.headerValueShown);
  if (fetched.status !== 200) {
    return error(
      "MTA_STS_INVALID",
      `_mta-sts.${domain} announces a policy (id ${record.id}), but ${url} answered HTTP ${fetched.status} instead of 200 with the policy.`,
      details,
    );
  }
  if (fetched.truncated)
    return error(
      "MTA_STS_INVALID",
      `The MTA-STS policy at ${url} is larger than the ${LIMITS.httpBodyBytes / 1024} KiB the analyzer reads: a policy is a few lines.`,
      details,
    );
  details.policy = cleanText(fetched.body ?? "", LIMITS.textField);
  const parsed = parseStsPolicy(fetched.body ?? "");
  if (!parsed.ok) {
    const severity = parsed.mode === "testing" ? warning : error;
    return severity("MTA_STS_INVALID", `The MTA-STS policy at ${url} is invalid: ${parsed.reason}. Senders ignore it.`, details);
  }
  const { policy } = parsed;
  Object.assign(details, { mode: policy.mode, mx: policy.mx, maxAge: policy.maxAge, ...(parsed.notes.length > 0 ? { notes: parsed.notes } : {}) });
  if (policy.mode === "none") return { status: "info", message: `The MTA-STS policy of ${domain} has mode "none": MTA-STS is switched off.`, details };
  const flaws = policyFlaws(facts, policy.mx);
  if (flaws.length > 0) {
    return mismatch(policy.mode, `The MTA-STS policy of ${domain} (mode ${policy.mode}) isn't met: ${flaws.join("; ")}.`, details);
  }
  return ok(
    `${domain} publishes an MTA-STS policy in mode ${policy.mode} (mx ${policy.mx.join(", ")}, max_age ${policy.maxAge} s), and its MX hosts match it.${policy.mode === "testing" ? " In testing mode senders only report failures (TLS-RPT); set mode: enforce once reports are clean." : ""}`,
    details,
  );
}

function policyFlaws(facts: MtaStsFacts, patterns: readonly string[]): string[] {
  const flaws: string[] = [];
  const unmatched = unmatchedMx(facts.mxHosts, patterns);
  if (unmatched.length > 0)
    flaws.push(`the MX host${unmatched.length > 1 ? "s" : ""} ${unmatched.join(", ")} match${unmatched.length > 1 ? "" : "es"} no "mx:" line of the policy`);
  const tested = facts.tested;
  if (tested && !tested.starttls) flaws.push(`${tested.host} doesn't offer working STARTTLS`);
  else if (tested && !tested.trusted) flaws.push(`the certificate of ${tested.host} isn't valid for its name (see the certificate steps)`);
  return flaws;
}

function mismatch(mode: StsMode, message: string, details: Record<string, unknown>): Finding {
  return mode === "enforce"
    ? error("MTA_STS_INVALID", `${message} ${STS_HELP} They won't deliver to the hosts that fail.`, details)
    : warning("MTA_STS_INVALID", `${message} In testing mode senders still deliver, and report the failure (TLS-RPT).`, details);
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
  const deployed = [requiresTls.mtaSts ? "MTA-STS" : "", requiresTls.dane ? "DANE" : ""].filter(Boolean).join(" and ");
  if (records.length === 0) {
    const message = `${domain} has no TLS-RPT record (${name} TXT "v=TLSRPTv1; rua=mailto:…").`;
    if (deployed) return warning("TLSRPT_MISSING", `${message} With ${deployed} deployed, nobody hears of senders that can't deliver over TLS.`, { name });
    return { status: "info", message: `${message} It matters once MTA-STS or DANE is deployed.`, details: { name } };
  }
  if (records.length > 1)
    return warning("TLSRPT_MISSING", `${name} has ${records.length} TLS-RPT records: senders ignore them all (RFC 8460 §3).`, { name, records });
  const record = records[0]!;
  const rua = /(?:^|;)\s*rua\s*=\s*([^;]*)/.exec(record)?.[1]?.trim();
  const uris = rua ? rua.split(",").map((uri) => uri.trim()) : [];
  const bad = uris.filter((uri) => !/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/i.test(uri));
  if (uris.length === 0 || bad.length > 0) {
    return warning(
      "TLSRPT_MISSING",
      `The TLS-RPT record of ${domain} is invalid: "rua=" must list mailto: or https: addresses${bad.length > 0 ? ` (not ${bad.join(", ")})` : ""}.`,
      {
        name,
        record,
      },
    );
  }
  return ok(`${domain} asks for TLS reports at ${uris.join(", ")}.`, { name, record, rua: uris });
}

// ---------------------------------------------------------------------------------------------------------------
// DANE

/**
 * DANE (RFC 7672): TLSA records of `_<port>._tcp.<mx host>` against the chain the server presented. None: info. Present:
 * some usable record must match, or DANE senders refuse to deliver.
 */
export function judgeDane(name: string, records: readonly TlsaRecord[], chain: readonly Buffer[] | undefined): Finding {
  if (records.length === 0) return { status: "info", message: `No TLSA records at ${name}: the server doesn't use DANE.`, details: { name } };
  const matches = matchTlsa(chain ?? [], records);
  const details = { name, tlsa: matches, dnssec: "not checked: DANE counts only when the records are DNSSEC-signed" };
  if (!chain) {
    return error(
      "DANE_MISMATCH",
      `${name} has TLSA records, but the server presented no certificate (no working STARTTLS): DANE senders won't deliver to it.`,
      details,
    );
  }
  const usable = matches.filter((match) => match.usable);
  if (usable.length === 0) {
    return warning("DANE_MISMATCH", `${name} has TLSA records, but none that SMTP uses (only DANE-TA 2 and DANE-EE 3 count, RFC 7672).`, details);
  }
  const matched = usable.find((match) => match.matchedPosition !== undefined);
  if (!matched) {
    return error(
      "DANE_MISMATCH",
      `No TLSA record at ${name} matches the certificate the server presented: DANE senders won't deliver to it. Publish the record of the current certificate (or key) before changing certificates.`,
      details,
    );
  }
  return ok(
    `The TLSA record "${matched.record.slice(0, 20)}…" (${matched.meaning}) matches certificate ${matched.matchedPosition} of the chain the server presented.`,
    details,
  );
}
