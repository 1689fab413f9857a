import "server-only";
import { promises as dns } from "node:dns";
import { isIP } from "node:net";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
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

const NO_RECORD_CODES = new Set(["ENOTFOUND", "ENODATA", "NXDOMAIN", "ENONAME"]);

/** Resolves A and AAAA records through RCA_DNS_SERVERS when set, otherwise through the system resolver. */
export async function resolveHost(host: string): Promise<Resolution> {
  const family = isIP(host);
  if (family !== 0) return { host, addresses: [{ address: host, family: family as 4 | 6 }], resolver: "none (IP address)" };
  const { RCA_DNS_SERVERS: servers, RCA_TIMEOUT_MS: timeoutMs } = env();
  try {
    return servers.length > 0
      ? await resolveWithServers(host, servers, timeoutMs)
      : await withTimeout(resolveWithSystem(host), timeoutMs, () => dnsTimeout(host, timeoutMs));
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (NO_RECORD_CODES.has(code)) {
      throw new ProblemError("DNS_NO_RECORD", `The host name ${host} couldn't be resolved: no A or AAAA record exists.`, { dnsError: code });
    }
    if (code === "ETIMEOUT") throw dnsTimeout(host, timeoutMs);
    const asked = servers.length === 0 ? "The system resolver" : `The DNS server${servers.length > 1 ? "s" : ""} ${servers.join(", ")}`;
    const reason = DNS_FAILURE_REASONS[code];
    throw new ProblemError(
      "DNS_FAILURE",
      reason ? `The DNS lookup of ${host} couldn't be completed: ${asked} ${reason}` : `The DNS lookup of ${host} failed (${code || "unknown error"}).`,
      { dnsError: code },
    );
  }
}

/** c-ares codes of a lookup that got no usable answer at all, in words (the code stays in the details). */
const DNS_FAILURE_REASONS: Partial<Record<string, string>> = {
  EREFUSED: "refused to answer (REFUSED): it doesn't resolve this name for the analyzer.",
  ESERVFAIL: "reported a failure (SERVFAIL): the domain's name servers didn't answer it, or its DNSSEC signatures don't validate.",
  ECONNREFUSED: "couldn't be reached (connection refused).",
  EBADRESP: "sent an answer that isn't valid DNS.",
  EFORMERR: "couldn't read the query (FORMERR).",
};

function dnsTimeout(host: string, timeoutMs: number): ProblemError {
  return new ProblemError("DNS_FAILURE", `No DNS answer for ${host} within ${timeoutMs} ms.`, { dnsError: "ETIMEOUT" });
}

async function resolveWithSystem(host: string): Promise<Resolution> {
  const found = await dns.lookup(host, { all: true, order: "ipv4first" });
  return { host, addresses: found.map(({ address, family }) => ({ address, family: family as 4 | 6 })), resolver: "system resolver" };
}

async function resolveWithServers(host: string, servers: string[], timeoutMs: number): Promise<Resolution> {
  // c-ares retries per server; keep the whole lookup within one timeout budget.
  const resolver = new dns.Resolver({ timeout: Math.max(100, Math.floor(timeoutMs / 2)), tries: 1 });
  resolver.setServers(servers);
  const lookups = await withTimeout(Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)]), timeoutMs, () => dnsTimeout(host, timeoutMs));
  const addresses: ResolvedAddress[] = [];
  lookups.forEach((outcome, index) => {
    if (outcome.status === "fulfilled") {
      for (const address of outcome.value) addresses.push({ address, family: index === 0 ? 4 : 6 });
    }
  });
  if (addresses.length > 0) return { host, addresses, resolver: servers.join(", ") };
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
  const resolver = new dns.Resolver({ timeout: Math.max(100, Math.floor(timeoutMs / 2)), tries: 1 });
  if (servers.length > 0) resolver.setServers(servers);
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
    if (NO_RECORD_CODES.has(code)) throw new ProblemError("DNS_NO_RECORD", `No SRV record ${name} exists.`, { dnsError: code });
    if (code === "ETIMEOUT") throw dnsTimeout(name, timeoutMs);
    throw new ProblemError("DNS_FAILURE", `The SRV lookup of ${name} failed (${code || "unknown error"}).`, { dnsError: code });
  } finally {
    resolver.cancel();
  }
}
