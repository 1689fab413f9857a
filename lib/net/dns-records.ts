import "server-only";
import dgram from "node:dgram";
import { promises as dns } from "node:dns";
import { isIP, Socket } from "node:net";
import dnsPacket from "dns-packet";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import { text } from "@/lib/engine/text";
import { lookupResolver, NO_RECORD_CODES, SYSTEM_RESOLVER } from "./dns";
import { cleanText, LIMITS } from "./limits";
import { withTimeout } from "./timeout";

/**
 * The mail records of DNS: MX, TXT (SPF, DMARC, MTA-STS, TLS-RPT), PTR, block-list A answers and TLSA. Asked through
 * RCA_DNS_SERVERS (or the servers of /etc/resolv.conf), each lookup within RCA_TIMEOUT_MS. A name that doesn't exist
 * and a name without records of the type are both "none" (an empty answer); every other failure is DNS_FAILURE.
 */

export interface MxRecord {
  exchange: string;
  preference: number;
}

export interface TlsaRecord {
  usage: number;
  selector: number;
  matchingType: number;
  /** The certificate association data, hex. */
  data: string;
}

/** A CAA record (RFC 8659): flags (128 = critical), the property tag (lower-case) and its value. */
export interface CaaRecord {
  flags: number;
  tag: string;
  value: string;
}

export interface Answer<T> {
  records: T[];
  /** The DNS servers asked. */
  resolver: string;
}

/** MX records in preference order (lowest first); an empty list when the domain has none. */
export function lookupMx(domain: string): Promise<Answer<MxRecord>> {
  return ask(domain, "MX", async (resolver) =>
    (await resolver.resolveMx(domain))
      .map((record) => ({ exchange: cleanText(record.exchange.replace(/\.$/, "").toLowerCase(), LIMITS.nameShown), preference: record.priority }))
      .sort((a, b) => a.preference - b.preference)
      .slice(0, LIMITS.mxRecords),
  );
}

/** TXT records, each one's strings joined as RFC 7208 and RFC 7489 say; an empty list when there are none. */
export function lookupTxt(name: string): Promise<Answer<string>> {
  return ask(name, "TXT", async (resolver) =>
    (await resolver.resolveTxt(name)).slice(0, LIMITS.txtRecords).map((chunks) => chunks.join("").slice(0, LIMITS.txtRecordChars)),
  );
}

/** The names of an address's PTR records; an empty list when it has none. */
export function lookupPtr(address: string): Promise<Answer<string>> {
  return ask(reverseName(address), "PTR", async (resolver) =>
    (await resolver.reverse(address)).slice(0, LIMITS.ptrNames).map((name) => cleanText(name.replace(/\.$/, "").toLowerCase(), LIMITS.nameShown)),
  );
}

/** A and AAAA addresses of a name (forward confirmation, block-list answers); an empty list when there are none. */
export function lookupAddresses(name: string, families: ReadonlyArray<4 | 6> = [4, 6]): Promise<Answer<string>> {
  return ask(name, "A/AAAA", async (resolver) => {
    const found = await Promise.allSettled(families.map((family) => (family === 4 ? resolver.resolve4(name) : resolver.resolve6(name))));
    const addresses = found.flatMap((outcome) => (outcome.status === "fulfilled" ? outcome.value : []));
    const failure = found.find(
      (outcome): outcome is PromiseRejectedResult =>
        outcome.status === "rejected" && !NO_RECORD_CODES.has((outcome.reason as NodeJS.ErrnoException).code ?? ""),
    );
    if (addresses.length === 0 && failure) throw failure.reason;
    return addresses;
  });
}

/** The CAA records of exactly this name (no climbing: the caller walks up the tree); an empty list when it has none. */
export function lookupCaa(name: string): Promise<Answer<CaaRecord>> {
  return ask(name, "CAA", async (resolver) =>
    (await resolver.resolveCaa(name)).slice(0, LIMITS.caaRecords).flatMap((record) => {
      // Node names the property by its tag: { critical: 0, issue: "letsencrypt.org" }, { critical: 128, tbs: "…" }.
      const entry = Object.entries(record).find(([key]) => key !== "critical");
      if (!entry) return [];
      return [{ flags: record.critical, tag: entry[0].toLowerCase(), value: cleanText(String(entry[1]), LIMITS.caaValueChars) }];
    }),
  );
}

/** The reverse-DNS name of an IPv4 or IPv6 address (…in-addr.arpa / …ip6.arpa). */
export function reverseName(address: string): string {
  if (isIP(address) === 4) return `${address.split(".").reverse().join(".")}.in-addr.arpa`;
  return `${expandIpv6(address).split("").reverse().join(".")}.ip6.arpa`;
}

/** A block-list query name: the address reversed (by octet, or by nibble for IPv6) under the zone. */
export function blockListName(address: string, zone: string): string {
  return `${reverseName(address).replace(/\.(in-addr|ip6)\.arpa$/, "")}.${zone}`;
}

/** The 32 hex digits of an IPv6 address. */
function expandIpv6(address: string): string {
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const groups = (part: string) => (part ? part.split(":") : []);
  let left = groups(head);
  let right = groups(tail);
  // An embedded IPv4 tail (::ffff:192.0.2.1) is two groups.
  const embed = (list: string[]) => {
    const last = list.at(-1);
    if (!last?.includes(".")) return list;
    const bytes = last.split(".").map(Number);
    return [...list.slice(0, -1), ((bytes[0]! << 8) | bytes[1]!).toString(16), ((bytes[2]! << 8) | bytes[3]!).toString(16)];
  };
  if (address.includes("::")) right = embed(right);
  else left = embed(left);
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(0, missing)).fill("0"), ...right].map((group) => group.padStart(4, "0")).join("");
}

/**
 * TLSA records (RFC 6698) of e.g. `_25._tcp.mx.contoso.com`. Node 20 has no resolveTlsa, so the query is built and
 * read with dns-packet and sent over UDP (TCP when the answer is truncated) to the same servers.
 */
export async function lookupTlsa(name: string): Promise<Answer<TlsaRecord>> {
  const servers = dnsServers();
  const timeoutMs = env().RCA_TIMEOUT_MS;
  let lastError: unknown;
  for (const server of servers.list) {
    try {
      let response = await withTimeout(queryUdp(server, name), timeoutMs, () => timeout(name, "TLSA", timeoutMs));
      if ((response.flags ?? 0) & dnsPacket.TRUNCATED_RESPONSE) {
        response = await withTimeout(queryTcp(server, name), timeoutMs, () => timeout(name, "TLSA", timeoutMs));
      }
      // dns-packet decodes the response code, though its types don't declare it.
      const rcode = (response as dnsPacket.Packet & { rcode?: string }).rcode ?? "unknown answer";
      if (rcode === "NXDOMAIN" || rcode === "NOERROR") {
        const records = (response.answers ?? [])
          .filter((answer) => answer.type === "TLSA")
          .slice(0, LIMITS.tlsaRecords)
          .map((answer) => {
            const data = (answer as unknown as { data: { usage: number; selector: number; matchingType: number; certificate: Buffer } }).data;
            return { usage: data.usage, selector: data.selector, matchingType: data.matchingType, data: data.certificate.toString("hex") };
          });
        return { records, resolver: servers.description };
      }
      lastError = new ProblemError("DNS_FAILURE", text("steps.dns.records.failed", { type: "TLSA", name, code: rcode }), { dnsError: rcode });
    } catch (error) {
      lastError = error;
    }
  }
  if (lastError instanceof ProblemError) throw lastError;
  const code = (lastError as NodeJS.ErrnoException | undefined)?.code;
  throw new ProblemError(
    "DNS_FAILURE",
    code !== undefined ? text("steps.dns.records.failed", { type: "TLSA", name, code }) : text("steps.dns.records.tlsaNoServer", { name }),
    { dnsError: code ?? "unknown" },
  );
}

interface DnsServer {
  address: string;
  port: number;
}

/** RCA_DNS_SERVERS as addresses and ports, else the servers c-ares read from /etc/resolv.conf. */
function dnsServers(): { list: DnsServer[]; description: string } {
  const configured = env().RCA_DNS_SERVERS;
  const useConfigured = configured.length > 0 && configured[0] !== SYSTEM_RESOLVER;
  const resolver = new dns.Resolver();
  if (useConfigured) resolver.setServers(configured);
  // getServers() gives "1.2.3.4", "1.2.3.4:53" or "[::1]:53" forms alike.
  const list = resolver.getServers().map((entry) => {
    const bracketed = /^\[(.+)\]:(\d+)$/.exec(entry);
    if (bracketed) return { address: bracketed[1]!, port: Number(bracketed[2]) };
    const withPort = /^([^:]+):(\d+)$/.exec(entry);
    if (withPort) return { address: withPort[1]!, port: Number(withPort[2]) };
    return { address: entry, port: 53 };
  });
  return { list, description: useConfigured ? configured.join(", ") : `system DNS servers (${resolver.getServers().join(", ")})` };
}

function tlsaQuery(name: string): Buffer {
  return dnsPacket.encode({
    type: "query",
    id: Math.floor(Math.random() * 65_535),
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type: "TLSA" as dnsPacket.RecordType, name }],
  });
}

function queryUdp(server: DnsServer, name: string): Promise<dnsPacket.Packet> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(isIP(server.address) === 6 ? "udp6" : "udp4");
    const query = tlsaQuery(name);
    const id = query.readUInt16BE(0);
    let finished = false;
    // The caller's timeout rejects first; this one only makes sure the socket never outlives it.
    const timer = setTimeout(() => done(Object.assign(new Error("timeout"), { code: "ETIMEOUT" })), env().RCA_TIMEOUT_MS + 100);
    timer.unref();
    function done(error?: Error, packet?: dnsPacket.Packet) {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.close();
      if (error) reject(error);
      else resolve(packet!);
    }
    socket.on("error", (error) => done(error));
    socket.on("message", (message, from) => {
      // Only an answer from the server asked, to this query, counts (no spoofed or stray datagram).
      if (from.address !== server.address || from.port !== server.port || message.length < 2 || message.readUInt16BE(0) !== id) return;
      try {
        done(undefined, dnsPacket.decode(message));
      } catch {
        done(Object.assign(new Error("bad DNS answer"), { code: "EBADRESP" }));
      }
    });
    socket.send(query, server.port, server.address);
  });
}

function queryTcp(server: DnsServer, name: string): Promise<dnsPacket.Packet> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let data = Buffer.alloc(0);
    let finished = false;
    const finish = (error?: Error, packet?: dnsPacket.Packet) => {
      if (finished) return;
      finished = true;
      socket.destroy();
      if (error) reject(error);
      else resolve(packet!);
    };
    socket.setTimeout(env().RCA_TIMEOUT_MS, () => finish(Object.assign(new Error("timeout"), { code: "ETIMEOUT" })));
    socket.on("error", (error) => finish(error));
    socket.on("data", (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (data.length > LIMITS.dnsAnswerBytes) return finish(Object.assign(new Error("answer too large"), { code: "EBADRESP" }));
      if (data.length >= 2 && data.length >= 2 + data.readUInt16BE(0)) {
        try {
          finish(undefined, dnsPacket.streamDecode(data));
        } catch {
          finish(Object.assign(new Error("bad DNS answer"), { code: "EBADRESP" }));
        }
      }
    });
    socket.connect(server.port, server.address, () => socket.write(dnsPacket.streamEncode(dnsPacket.decode(tlsaQuery(name)))));
  });
}

/** One c-ares lookup with the analyzer's servers and time budget; "no such name" and "no such record" are an empty answer. */
async function ask<T>(name: string, type: string, lookup: (resolver: dns.Resolver) => Promise<T[]>): Promise<Answer<T>> {
  const { RCA_TIMEOUT_MS: timeoutMs } = env();
  const servers = dnsServers();
  const resolver = lookupResolver(
    timeoutMs,
    servers.list.map((server) => (isIP(server.address) === 6 ? `[${server.address}]:${server.port}` : `${server.address}:${server.port}`)),
  );
  try {
    const records = await withTimeout(lookup(resolver), timeoutMs, () => timeout(name, type, timeoutMs));
    return { records, resolver: servers.description };
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (NO_RECORD_CODES.has(code)) return { records: [], resolver: servers.description };
    if (code === "ETIMEOUT") throw timeout(name, type, timeoutMs);
    throw new ProblemError(
      "DNS_FAILURE",
      code ? text("steps.dns.records.failed", { type, name, code }) : text("steps.dns.records.failedUnknown", { type, name }),
      { dnsError: code || "unknown" },
    );
  } finally {
    resolver.cancel();
  }
}

function timeout(name: string, type: string, timeoutMs: number): ProblemError {
  return new ProblemError("DNS_FAILURE", text("steps.dns.records.timeout", { type, name, ms: timeoutMs }), { dnsError: "ETIMEOUT" });
}
