import "server-only";
import { promises as dns } from "node:dns";
import { isIP } from "node:net";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import { text } from "@/lib/engine/text";
import { cleanText, LIMITS } from "./limits";
import { withTimeout } from "./timeout";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface Resolution {
  host: string;
  addresses: ResolvedAddress[];
  /** The DNS servers asked, or "system resolver". */
  resolver: string;
}

/** c-ares codes for "no such name" and "no such record". */
export const NO_RECORD_CODES: ReadonlySet<string> = new Set(["ENOTFOUND", "ENODATA", "NXDOMAIN", "ENONAME"]);

/**
 * A c-ares resolver for one lookup: c-ares retries per server, so each try gets half the budget and there is one;
 * `servers` empty means the servers of /etc/resolv.conf.
 */
export function lookupResolver(timeoutMs: number, servers: readonly string[] = []): InstanceType<typeof dns.Resolver> {
  const resolver = new dns.Resolver({ timeout: Math.max(100, Math.floor(timeoutMs / 2)), tries: 1 });
  if (servers.length > 0) resolver.setServers(servers);
  return resolver;
}

/** The operator's word for getaddrinfo (hosts file, search domains, NSS): `RCA_DNS_SERVERS=system`. */
export const SYSTEM_RESOLVER = "system";

/**
 * Resolves A and AAAA records with c-ares: through RCA_DNS_SERVERS when set, else through the servers of
 * /etc/resolv.conf. c-ares lookups are cancelled on timeout and hold no thread, so a domain whose name servers never
 * answer can't starve Node's thread pool; at most LIMITS.dnsLookupsInFlight run at once. The system resolver
 * (getaddrinfo: hosts file, search domains) only with RCA_DNS_SERVERS=system.
 */
export async function resolveHost(host: string): Promise<Resolution> {
  const family = isIP(host);
  if (family !== 0) return { host, addresses: [{ address: host, family: family as 4 | 6 }], resolver: "none (IP address)" };
  const { RCA_DNS_SERVERS: configured, RCA_TIMEOUT_MS: timeoutMs } = env();
  const system = configured.length === 1 && configured[0] === SYSTEM_RESOLVER;
  const servers = system ? [] : configured;
  try {
    return system
      ? await withTimeout(resolveWithSystem(host), timeoutMs, () => dnsTimeout(host, timeoutMs))
      : await inFlight.run(
          () => resolveWithServers(host, servers, timeoutMs),
          () => dnsBusy(host),
        );
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (NO_RECORD_CODES.has(code)) {
      throw new ProblemError("DNS_NO_RECORD", text("steps.dns.errors.noRecord", { host }), { dnsError: code });
    }
    if (code === "ETIMEOUT") throw dnsTimeout(host, timeoutMs);
    const asked =
      servers.length === 0
        ? text("steps.dns.errors.asked.system")
        : text(servers.length > 1 ? "steps.dns.errors.asked.many" : "steps.dns.errors.asked.one", { servers: servers.join(", ") });
    const reason = DNS_FAILURE_REASONS.has(code as DnsFailureCode) ? text(`steps.dns.errors.reasons.${code as DnsFailureCode}`) : undefined;
    throw new ProblemError(
      "DNS_FAILURE",
      reason ? text("steps.dns.errors.incomplete", { host, asked, reason }) : text("steps.dns.errors.failed", { host, code: code || "unknown error" }),
      { dnsError: code },
    );
  }
}

/** c-ares codes of a lookup that got no usable answer at all, in words (the code stays in the details). */
const DNS_FAILURE_REASONS = new Set(["EREFUSED", "ESERVFAIL", "ECONNREFUSED", "EBADRESP", "EFORMERR"] as const);
type DnsFailureCode = typeof DNS_FAILURE_REASONS extends Set<infer Code> ? Code : never;

/** Lookups in flight, at most LIMITS.dnsLookupsInFlight: the rest are refused at once rather than queued without end. */
class LookupSlots {
  private running = 0;

  async run<T>(lookup: () => Promise<T>, busy: () => ProblemError): Promise<T> {
    if (this.running >= LIMITS.dnsLookupsInFlight) throw busy();
    this.running += 1;
    try {
      return await lookup();
    } finally {
      this.running -= 1;
    }
  }
}

const inFlight = new LookupSlots();

function dnsBusy(host: string): ProblemError {
  return new ProblemError("DNS_FAILURE", text("steps.dns.errors.busy", { host }), {
    dnsError: "BUSY",
  });
}

function dnsTimeout(host: string, timeoutMs: number): ProblemError {
  return new ProblemError("DNS_FAILURE", text("steps.dns.errors.timeout", { host, ms: timeoutMs }), { dnsError: "ETIMEOUT" });
}

async function resolveWithSystem(host: string): Promise<Resolution> {
  const found = await dns.lookup(host, { all: true, order: "ipv4first" });
  return { host, addresses: found.map(({ address, family }) => ({ address, family: family as 4 | 6 })), resolver: "system resolver" };
}

async function resolveWithServers(host: string, servers: string[], timeoutMs: number): Promise<Resolution> {
  const resolver = lookupResolver(timeoutMs, servers);
  let lookups;
  try {
    lookups = await withTimeout(Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)]), timeoutMs, () => dnsTimeout(host, timeoutMs));
  } finally {
    // Whatever is still outstanding (a timeout) is abandoned, not left running.
    resolver.cancel();
  }
  const addresses: ResolvedAddress[] = [];
  lookups.forEach((outcome, index) => {
    if (outcome.status === "fulfilled") {
      for (const address of outcome.value) addresses.push({ address, family: index === 0 ? 4 : 6 });
    }
  });
  if (addresses.length > 0)
    return { host, addresses, resolver: servers.length > 0 ? servers.join(", ") : `system DNS servers (${resolver.getServers().join(", ")})` };
  const errors = lookups.map((outcome) => (outcome.status === "rejected" ? (outcome.reason as NodeJS.ErrnoException) : undefined));
  // A real failure (timeout, refused) on either family is reported as such; both "no record" means no record.
  const hard = errors.find((error) => error && !NO_RECORD_CODES.has(error.code ?? ""));
  throw hard ?? errors[0] ?? Object.assign(new Error("no records"), { code: "ENODATA" });
}

export interface SrvRecord {
  name: string;
  port: number;
  priority: number;
  weight: number;
}

/**
 * SRV records (e.g. _autodiscover._tcp.contoso.com), lowest priority first, highest weight first within one; at
 * most LIMITS.srvRecords. No record is DNS_NO_RECORD, as for host names.
 */
export async function resolveSrv(name: string): Promise<{ records: SrvRecord[]; resolver: string }> {
  const { RCA_DNS_SERVERS: servers, RCA_TIMEOUT_MS: timeoutMs } = env();
  const resolver = lookupResolver(timeoutMs, servers[0] === SYSTEM_RESOLVER ? [] : servers);
  try {
    const found = await withTimeout(resolver.resolveSrv(name), timeoutMs, () => dnsTimeout(name, timeoutMs));
    const records = found
      .map((record) => ({ name: cleanText(record.name, LIMITS.nameShown), port: record.port, priority: record.priority, weight: record.weight }))
      .sort((a, b) => a.priority - b.priority || b.weight - a.weight)
      .slice(0, LIMITS.srvRecords);
    return { records, resolver: servers.length > 0 ? servers.join(", ") : "system resolver" };
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (NO_RECORD_CODES.has(code)) throw new ProblemError("DNS_NO_RECORD", text("steps.dns.errors.srvNone", { name }), { dnsError: code });
    if (code === "ETIMEOUT") throw dnsTimeout(name, timeoutMs);
    throw new ProblemError("DNS_FAILURE", text("steps.dns.errors.srvFailed", { name, code: code || "unknown error" }), { dnsError: code });
  } finally {
    resolver.cancel();
  }
}
