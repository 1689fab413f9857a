import { BlockList, isIP } from "node:net";
import type { en as smtpOutboundMessages } from "@/lib/analyzers/smtp-outbound/messages";
import { ProblemError } from "@/lib/engine/problem-error";
import { text, type LocalizedText } from "@/lib/engine/text";
import { embed } from "./texts";

/**
 * SPF evaluation (RFC 7208 check_host()) of one IP address for one domain, over an injected DNS: the network half
 * (lib/net/dns-records.ts) answers the lookups, this module decides. Written here rather than taken from mailauth
 * because the analyzer must say which mechanism matched, in which record, and show the evaluation trail.
 */

export type SpfResult = "pass" | "fail" | "softfail" | "neutral" | "none" | "permerror" | "temperror";

/** The lookups check_host() needs. Each answers [] for a name without such records; any other failure throws. */
export interface SpfDns {
  txt(name: string): Promise<string[]>;
  addresses(name: string, family: 4 | 6): Promise<string[]>;
  mx(name: string): Promise<string[]>;
  ptr(address: string): Promise<string[]>;
}

export interface SpfEvaluation {
  result: SpfResult;
  /** The domain's own SPF record, when it has exactly one. */
  record?: string;
  /**
   * The mechanisms that decided, outermost first, each with the domain whose record holds it: e.g.
   * "contoso.com: include:spf.protection.outlook.com", then "spf.protection.outlook.com: ip4:40.92.0.0/15".
   */
  matched?: string[];
  /** Why the result is none, permerror or temperror, in English (for the details); `reasonText` the same as a catalogue text. */
  reason?: string;
  reasonText?: LocalizedText;
  /** DNS-querying terms used (include, a, mx, ptr, exists, redirect), of LOOKUP_LIMIT. */
  lookups: number;
  voidLookups: number;
  /** What was looked up and matched, in order. */
  trail: string[];
}

/** RFC 7208 §4.6.4. */
export const LOOKUP_LIMIT = 10;
export const VOID_LOOKUP_LIMIT = 2;
/** Addresses of one mx mechanism's MX hosts, and names of one ptr mechanism's PTR answer, looked at (§4.6.4). */
const PER_MECHANISM_NAMES = 10;
/** Trail entries kept: an evaluation is at most ~10 records and their terms. */
const TRAIL_ENTRIES = 200;

type Qualifier = "+" | "-" | "~" | "?";
const RESULT_OF: Record<Qualifier, SpfResult> = { "+": "pass", "-": "fail", "~": "softfail", "?": "neutral" };

export type Mechanism =
  | { kind: "all"; qualifier: Qualifier; text: string }
  | { kind: "include" | "exists"; qualifier: Qualifier; text: string; domain: string }
  | { kind: "a" | "mx"; qualifier: Qualifier; text: string; domain?: string; cidr4: number; cidr6: number }
  | { kind: "ptr"; qualifier: Qualifier; text: string; domain?: string }
  | { kind: "ip4" | "ip6"; qualifier: Qualifier; text: string; network: string; prefix: number };

export interface SpfRecord {
  mechanisms: Mechanism[];
  redirect?: string;
}

/** An error whose message is a catalogue text (lib/engine/text.ts); `message` is its English. */
class TextError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.english);
  }
}

/** A syntax error: check_host() answers permerror without evaluating anything (§4.6). */
export class SpfSyntaxError extends TextError {}

class PermError extends TextError {}
class TempError extends TextError {}

/** A reason of lib/analyzers/smtp-outbound/messages.ts (steps.smtpOutbound.spf.reason). */
function reason(key: keyof typeof smtpOutboundMessages.steps.spf.reason, params: Parameters<typeof text>[1] = {}): LocalizedText {
  return text(`steps.smtpOutbound.spf.reason.${key}`, params);
}

/** Whether a TXT string is an SPF version 1 record (§4.5: "v=spf1" alone or followed by a space). */
export function isSpfRecord(text: string): boolean {
  return /^v=spf1( |$)/i.test(text);
}

const MACRO = /%(?:\{[slodiphcrtv]\d*r?[-.+,/_=]*\}|%|_|-)/gi;
const MACRO_STRING = /^(?:[\x21-\x24\x26-\x7e]|%(?:\{[slodiphcrtv]\d*r?[-.+,/_=]*\}|%|_|-))*$/i;

/** Parses an SPF record's terms (§4.6.1, §12); throws SpfSyntaxError. */
export function parseSpfRecord(value: string): SpfRecord {
  if (!isSpfRecord(value)) throw new SpfSyntaxError(reason("notSpf"));
  const record: SpfRecord = { mechanisms: [] };
  let explanation = false;
  for (const term of value.split(" ").slice(1).filter(Boolean)) {
    const modifier = /^([a-z][a-z0-9_.-]*)=(.*)$/i.exec(term);
    if (modifier) {
      const name = modifier[1]!.toLowerCase();
      const modifierValue = modifier[2]!;
      if (!MACRO_STRING.test(modifierValue)) throw new SpfSyntaxError(reason("modifierValue", { term }));
      if (name === "redirect" || name === "exp") {
        if ((name === "redirect" && record.redirect !== undefined) || (name === "exp" && explanation)) {
          throw new SpfSyntaxError(reason("modifierTwice", { name }));
        }
        if (!modifierValue) throw new SpfSyntaxError(reason("modifierNoDomain", { name }));
        if (name === "redirect") record.redirect = modifierValue;
        else explanation = true;
      }
      // Unknown modifiers are ignored (§6).
      continue;
    }
    record.mechanisms.push(parseMechanism(term));
  }
  return record;
}

function parseMechanism(term: string): Mechanism {
  const match = /^([+\-~?]?)([a-z0-9]+)(.*)$/i.exec(term);
  if (!match) throw new SpfSyntaxError(reason("notTerm", { term }));
  const qualifier = (match[1] || "+") as Qualifier;
  const kind = match[2]!.toLowerCase();
  const rest = match[3]!;
  const text = term;
  const domainSpec = (value: string) => {
    if (!value || !MACRO_STRING.test(value)) throw new SpfSyntaxError(reason("badDomain", { term }));
    return value;
  };
  switch (kind) {
    case "all":
      if (rest) throw new SpfSyntaxError(reason("allValue", { term }));
      return { kind, qualifier, text };
    case "include":
    case "exists":
      if (!rest.startsWith(":")) throw new SpfSyntaxError(reason("needsDomain", { term, kind }));
      return { kind, qualifier, text, domain: domainSpec(rest.slice(1)) };
    case "a":
    case "mx": {
      const parts = /^(?::([^/]+))?(?:\/(\d+))?(?:\/\/(\d+))?$/.exec(rest);
      if (!parts) throw new SpfSyntaxError(reason("badMechanism", { term, kind }));
      const cidr4 = cidr(parts[2], 32, term);
      const cidr6 = cidr(parts[3], 128, term);
      return { kind, qualifier, text, ...(parts[1] !== undefined ? { domain: domainSpec(parts[1]) } : {}), cidr4, cidr6 };
    }
    case "ptr":
      if (rest && !rest.startsWith(":")) throw new SpfSyntaxError(reason("badMechanism", { term, kind: "ptr" }));
      return { kind, qualifier, text, ...(rest ? { domain: domainSpec(rest.slice(1)) } : {}) };
    case "ip4":
    case "ip6": {
      const parts = /^:([^/]+)(?:\/(\d+))?$/.exec(rest);
      const family = kind === "ip4" ? 4 : 6;
      if (!parts || isIP(parts[1]!) !== family) throw new SpfSyntaxError(reason("badNetwork", { term, family }));
      return { kind, qualifier, text, network: parts[1]!, prefix: cidr(parts[2], family === 4 ? 32 : 128, term) };
    }
    default:
      throw new SpfSyntaxError(reason("unknownMechanism", { term, kind }));
  }
}

function cidr(value: string | undefined, max: number, term: string): number {
  if (value === undefined) return max;
  // Leading zeros are not allowed (§5.6: ip4-cidr-length = "/" ("0" / %x31-39 0*1DIGIT)).
  if (!/^(0|[1-9]\d*)$/.test(value) || Number(value) > max) throw new SpfSyntaxError(reason("badPrefix", { term, value }));
  return Number(value);
}

interface Context {
  ip: string;
  family: 4 | 6;
  sender: string;
  helo: string;
  dns: SpfDns;
  lookups: number;
  voidLookups: number;
  trail: string[];
  /** PTR names of the IP, looked up once for %{p} and ptr. */
  ptrNames?: string[];
}

interface Outcome {
  result: SpfResult;
  matched?: string[];
}

/** check_host(ip, domain, sender) with the RFC's limits; `sender` is the MAIL FROM address (postmaster@domain). */
export async function evaluateSpf(options: { ip: string; domain: string; sender: string; helo?: string; dns: SpfDns }): Promise<SpfEvaluation> {
  const family = isIP(options.ip) === 6 ? 6 : 4;
  const context: Context = {
    ip: options.ip,
    family,
    sender: options.sender,
    helo: options.helo ?? options.domain,
    dns: options.dns,
    lookups: 0,
    voidLookups: 0,
    trail: [],
  };
  let record: string | undefined;
  try {
    const records = await spfRecords(context, options.domain);
    if (records.length === 0) return finish(context, { result: "none" }, undefined, reason("noRecord", { domain: options.domain }));
    if (records.length > 1) throw new PermError(reason("several", { domain: options.domain, count: records.length }));
    record = records[0]!;
    return finish(context, await checkRecord(context, options.domain, record), record);
  } catch (error) {
    if (error instanceof PermError || error instanceof SpfSyntaxError) return finish(context, { result: "permerror" }, record, error.text);
    if (error instanceof TempError) return finish(context, { result: "temperror" }, record, error.text);
    throw error;
  }
}

function finish(context: Context, outcome: Outcome, record: string | undefined, why?: LocalizedText): SpfEvaluation {
  return {
    ...outcome,
    ...(record !== undefined ? { record } : {}),
    ...(why !== undefined ? { reason: why.english, reasonText: why } : {}),
    lookups: context.lookups,
    voidLookups: context.voidLookups,
    trail: context.trail,
  };
}

function note(context: Context, entry: string): void {
  if (context.trail.length < TRAIL_ENTRIES) context.trail.push(entry);
}

/** The SPF records of a domain; a DNS failure is a temperror. */
async function spfRecords(context: Context, domain: string): Promise<string[]> {
  const texts = await lookup(context, () => context.dns.txt(domain), `TXT ${domain}`);
  const records = texts.filter(isSpfRecord);
  note(context, records.length === 0 ? `${domain}: no SPF record` : `${domain}: ${records.join(" | ")}`);
  return records;
}

async function lookup<T>(context: Context, ask: () => Promise<T>, what: string): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    const cause = error instanceof ProblemError ? (error.text ?? error.message) : error instanceof Error ? error.message : String(error);
    throw new TempError(embed(`steps.smtpOutbound.spf.reason.dnsFailed`, `steps.smtpOutbound.spf.reason.dnsFailedPhrase`, "error", cause, { what }));
  }
}

/** Counts a DNS-querying term (§4.6.4): the 11th is a permerror. */
function countLookup(context: Context, term: string): void {
  context.lookups += 1;
  if (context.lookups > LOOKUP_LIMIT) {
    throw new PermError(reason("tooManyLookups", { limit: LOOKUP_LIMIT, term, count: context.lookups }));
  }
}

/** Counts an empty answer (§4.6.4): the 3rd is a permerror. */
function countVoid(context: Context, found: number, term: string): void {
  if (found > 0) return;
  context.voidLookups += 1;
  if (context.voidLookups > VOID_LOOKUP_LIMIT) {
    throw new PermError(reason("tooManyVoid", { limit: VOID_LOOKUP_LIMIT, term, count: context.voidLookups }));
  }
}

async function checkRecord(context: Context, domain: string, text: string): Promise<Outcome> {
  const record = parseSpfRecord(text);
  for (const mechanism of record.mechanisms) {
    const outcome = await matches(context, domain, mechanism);
    note(context, `${domain}: ${mechanism.text} → ${outcome.matched ? "match" : "no match"}${outcome.note ? ` (${outcome.note})` : ""}`);
    if (outcome.matched) {
      // An include's match names the mechanism inside the included record that matched, too.
      return { result: RESULT_OF[mechanism.qualifier], matched: [`${domain}: ${mechanism.text}`, ...(outcome.inner ?? [])] };
    }
  }
  // redirect= is used only when no mechanism matched, and is ignored beside an all mechanism (§6.1).
  if (record.redirect !== undefined && !record.mechanisms.some((mechanism) => mechanism.kind === "all")) {
    countLookup(context, `redirect=${record.redirect}`);
    const target = await expandDomain(context, record.redirect, domain);
    const records = await spfRecords(context, target);
    if (records.length !== 1) {
      const term = `redirect=${target}`;
      throw new PermError(records.length === 0 ? reason("targetNone", { term, target }) : reason("targetSeveral", { term, target, count: records.length }));
    }
    const redirected = await checkRecord(context, target, records[0]!);
    return { result: redirected.result, matched: [`${domain}: redirect=${target}`, ...(redirected.matched ?? [])] };
  }
  return { result: "neutral" };
}

interface Match {
  matched: boolean;
  note?: string;
  /** An include's matching mechanisms. */
  inner?: string[];
}

async function matches(context: Context, domain: string, mechanism: Mechanism): Promise<Match> {
  switch (mechanism.kind) {
    case "all":
      return { matched: true };
    case "ip4":
    case "ip6":
      return { matched: inNetwork(context.ip, mechanism.network, mechanism.prefix) };
    case "include": {
      countLookup(context, mechanism.text);
      const target = await expandDomain(context, mechanism.domain, domain);
      const records = await spfRecords(context, target);
      if (records.length !== 1) {
        const term = mechanism.text;
        throw new PermError(records.length === 0 ? reason("targetNone", { term, target }) : reason("targetSeveral", { term, target, count: records.length }));
      }
      // §5.2: only the included record's pass is a match; its fail, softfail and neutral are not.
      const inner = await checkRecord(context, target, records[0]!);
      return { matched: inner.result === "pass", note: `${target} answers ${inner.result}`, ...(inner.matched ? { inner: inner.matched } : {}) };
    }
    case "a": {
      countLookup(context, mechanism.text);
      const name = mechanism.domain ? await expandDomain(context, mechanism.domain, domain) : domain;
      const addresses = await lookup(context, () => context.dns.addresses(name, context.family), `A/AAAA ${name}`);
      countVoid(context, addresses.length, mechanism.text);
      return addressMatch(context, addresses, mechanism, name);
    }
    case "mx": {
      countLookup(context, mechanism.text);
      const name = mechanism.domain ? await expandDomain(context, mechanism.domain, domain) : domain;
      const exchanges = await lookup(context, () => context.dns.mx(name), `MX ${name}`);
      countVoid(context, exchanges.length, mechanism.text);
      if (exchanges.length > PER_MECHANISM_NAMES) throw new PermError(reason("tooManyMx", { term: mechanism.text, name, limit: PER_MECHANISM_NAMES }));
      const addresses: string[] = [];
      for (const exchange of exchanges) addresses.push(...(await lookup(context, () => context.dns.addresses(exchange, context.family), `A/AAAA ${exchange}`)));
      return addressMatch(context, addresses, mechanism, `the MX hosts of ${name}`);
    }
    case "ptr": {
      countLookup(context, mechanism.text);
      const target = (mechanism.domain ? await expandDomain(context, mechanism.domain, domain) : domain).toLowerCase();
      const validated = await validatedNames(context);
      countVoid(context, context.ptrNames?.length ?? 0, mechanism.text);
      const found = validated.find((name) => name === target || name.endsWith(`.${target}`));
      return { matched: found !== undefined, note: found ? `validated PTR name ${found}` : `validated PTR names: ${validated.join(", ") || "none"}` };
    }
    case "exists": {
      countLookup(context, mechanism.text);
      const name = await expandDomain(context, mechanism.domain, domain);
      const addresses = await lookup(context, () => context.dns.addresses(name, 4), `A ${name}`);
      countVoid(context, addresses.length, mechanism.text);
      return { matched: addresses.length > 0, note: `${name} ${addresses.length > 0 ? "exists" : "doesn't exist"}` };
    }
  }
}

function addressMatch(context: Context, addresses: string[], mechanism: { cidr4: number; cidr6: number }, where: string): Match {
  const prefix = context.family === 4 ? mechanism.cidr4 : mechanism.cidr6;
  const matched = addresses.some((address) => isIP(address) === context.family && inNetwork(context.ip, address, prefix));
  return { matched, note: `${where}: ${addresses.join(", ") || "no address"}` };
}

/** The PTR names of the IP whose own addresses include it (§5.5), at most PER_MECHANISM_NAMES of them. */
async function validatedNames(context: Context): Promise<string[]> {
  context.ptrNames ??= (await lookup(context, () => context.dns.ptr(context.ip), `PTR ${context.ip}`)).map((name) => name.toLowerCase().replace(/\.$/, ""));
  const validated: string[] = [];
  for (const name of context.ptrNames.slice(0, PER_MECHANISM_NAMES)) {
    const addresses = await context.dns.addresses(name, context.family).catch(() => []);
    if (addresses.some((address) => sameAddress(address, context.ip))) validated.push(name);
  }
  return validated;
}

export function inNetwork(address: string, network: string, prefix: number): boolean {
  const family = isIP(address);
  if (family === 0 || family !== isIP(network)) return false;
  const list = new BlockList();
  list.addSubnet(network, prefix, family === 4 ? "ipv4" : "ipv6");
  return list.check(address, family === 4 ? "ipv4" : "ipv6");
}

function sameAddress(a: string, b: string): boolean {
  return isIP(a) !== 0 && isIP(a) === isIP(b) && inNetwork(a, b, isIP(a) === 4 ? 32 : 128);
}

/** Expands the macros of a domain-spec (§7) and checks the result is a domain name. */
async function expandDomain(context: Context, spec: string, domain: string): Promise<string> {
  let usesPtr = false;
  spec.replace(MACRO, (macro) => {
    if (/^%\{p/i.test(macro)) usesPtr = true;
    return "";
  });
  const validated = usesPtr ? await validatedNames(context) : [];
  const expanded = expandMacros(spec, { ip: context.ip, sender: context.sender, domain, helo: context.helo, validatedName: validated[0] }).replace(/\.$/, "");
  // §7.3: a result longer than 253 characters loses labels from the left.
  let name = expanded;
  while (name.length > 253 && name.includes(".")) name = name.slice(name.indexOf(".") + 1);
  if (!/^([a-z0-9_-]+\.)+[a-z0-9-]*[a-z][a-z0-9-]*$/i.test(name) || name.split(".").some((label) => label.length > 63)) {
    throw new PermError(reason("badExpansion", { spec, name }));
  }
  return name;
}

export interface MacroValues {
  ip: string;
  sender: string;
  domain: string;
  helo: string;
  validatedName?: string;
}

/** The macro language of §7: %{s} %{l} %{o} %{d} %{i} %{p} %{v} %{h}, digit and r transformers, delimiters. */
export function expandMacros(spec: string, values: MacroValues): string {
  return spec.replace(MACRO, (macro) => {
    if (macro === "%%") return "%";
    if (macro === "%_") return " ";
    if (macro === "%-") return "%20";
    const parts = /^%\{([a-z])(\d*)(r?)([-.+,/_=]*)\}$/i.exec(macro)!;
    const letter = parts[1]!.toLowerCase();
    const value = macroValue(letter, values);
    const delimiters = parts[4] || ".";
    let labels = value.split(new RegExp(`[${delimiters.replace(/[-\\\]^]/g, "\\$&")}]`));
    if (parts[3]) labels = labels.reverse();
    const keep = parts[2] ? Number(parts[2]) : 0;
    if (keep > 0) labels = labels.slice(-keep);
    const joined = labels.join(".");
    return parts[1] === parts[1]!.toUpperCase() ? encodeURIComponent(joined) : joined;
  });
}

function macroValue(letter: string, values: MacroValues): string {
  const at = values.sender.lastIndexOf("@");
  switch (letter) {
    case "s":
      return values.sender;
    case "l":
      return at > 0 ? values.sender.slice(0, at) : "postmaster";
    case "o":
      return values.sender.slice(at + 1);
    case "d":
      return values.domain;
    case "i":
      return isIP(values.ip) === 4 ? values.ip : expandIpv6(values.ip).split("").join(".");
    case "p":
      return values.validatedName ?? "unknown";
    case "v":
      return isIP(values.ip) === 4 ? "in-addr" : "ip6";
    case "h":
      return values.helo;
    default:
      // c, r, t: only in exp= explanations, which this check doesn't fetch.
      throw new PermError(reason("explanationMacro", { letter }));
  }
}

/** The 32 hex digits of an IPv6 address. */
function expandIpv6(address: string): string {
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const groups = (part: string) => (part ? part.split(":") : []);
  const left = groups(head);
  const right = address.includes("::") ? groups(tail) : [];
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(0, missing)).fill("0"), ...right].map((group) => group.padStart(4, "0")).join("");
}
