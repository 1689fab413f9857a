/**
 * A real DNS server (Debian's dnsmasq) on a loopback address for integration tests.
 *
 * - No upstream: --no-resolv, no --server, --no-hosts, --conf-file=/dev/null. It never forwards anything.
 * - `--local=/#/` by default: every name that is not configured gets NXDOMAIN (Node: ENOTFOUND);
 *   a configured name asked for a type it doesn't have gets NODATA (Node: ENODATA).
 *   With `unknownNames: "refused"` only names under "test" are local; others get REFUSED (Node: EREFUSED).
 * - Names are case-insensitive; several addresses for one name are all returned.
 */
import { spawn, type ChildProcess } from "node:child_process";
import dgram from "node:dgram";
import dns from "node:dns";
import { existsSync } from "node:fs";
import net from "node:net";

export const DNSMASQ_BIN = "/usr/sbin/dnsmasq";

export interface DnsmasqOptions {
  /**
   * name → IPv4/IPv6 addresses (A/AAAA), via --host-record, which also answers the reverse (PTR) query for each
   * address with that name. For an address whose PTR must be absent or different, use `aOnly` (and `ptr`).
   */
  records: Record<string, string[]>;
  /**
   * name → addresses (A/AAAA) WITHOUT an automatic PTR, via --address=/name/ip. Unlike `records` this also answers
   * for every subdomain of name (x.name, y.x.name) unless something more specific is configured for it.
   */
  aOnly?: Record<string, string[]>;
  /** IPv4 address → name: the PTR record of <reversed address>.in-addr.arpa (need not match any A record) */
  ptr?: Record<string, string>;
  /** name (e.g. "_25._tcp.mx1.contoso.test") → TLSA records (type 52); data is hex (e.g. a SHA-256 digest) */
  tlsa?: Record<string, { usage: number; selector: number; matchingType: number; data: string }[]>;
  /**
   * name → CAA records (type 257, RFC 8659) via --dns-rr: flags (default 0; 128 = critical), tag ("issue",
   * "issuewild", "iodef"…) and value (printable ASCII, e.g. "letsencrypt.org" or ";").
   */
  caa?: Record<string, { flags?: number; tag: string; value: string }[]>;
  /** default 127.0.0.53 */
  listen?: string;
  /** alias → target name (target should be a configured record) */
  cnames?: Record<string, string>;
  /** e.g. { "_autodiscover._tcp.contoso.test": [{ target: "mail.contoso.test", port: 443 }] } */
  srv?: Record<string, { target: string; port: number; priority?: number; weight?: number }[]>;
  /** domain → [{ exchange, preference }] */
  mx?: Record<string, { exchange: string; preference?: number }[]>;
  /**
   * name → TXT records, one string of at most 255 characters each (SPF, DMARC, MTA-STS text is fine: spaces
   * ; : = / + @ are allowed). Not allowed: commas, since --txt-record splits its value at commas into several
   * strings of one record (quoting doesn't help: on the command line dnsmasq keeps quotes as part of the text),
   * `"` and `\\`, and control characters.
   */
  txt?: Record<string, string[]>;
  /** default "nxdomain" (all unknown names); "refused" = only *.test is authoritative-local */
  unknownNames?: "nxdomain" | "refused";
  /** --log-queries into log(); default true */
  logQueries?: boolean;
  /** appended verbatim (never add --server!) */
  extraArgs?: string[];
}

export interface RunningDnsmasq {
  /** "127.0.0.53:PORT", ready for RCA_DNS_SERVERS or Resolver.setServers */
  server: string;
  host: string;
  port: number;
  pid: number;
  /** dnsmasq's stderr/stdout so far (queries if logQueries) */
  log(): string;
  stop(): Promise<void>;
}

function checkToken(kind: string, v: string): string {
  if (!/^[A-Za-z0-9_.*-]+$/.test(v)) throw new Error(`dnsmasq fixture: bad ${kind} ${JSON.stringify(v)}`);
  return v;
}

function buildRecordArgs(o: DnsmasqOptions): string[] {
  const args: string[] = [];
  for (const [name, addrs] of Object.entries(o.records)) {
    checkToken("name", name);
    for (const a of addrs) {
      if (!net.isIP(a)) throw new Error(`dnsmasq fixture: ${JSON.stringify(a)} for ${name} is not an IP address`);
      args.push(`--host-record=${name},${a}`);
    }
  }
  for (const [alias, target] of Object.entries(o.cnames ?? {})) {
    args.push(`--cname=${checkToken("name", alias)},${checkToken("name", target)}`);
  }
  for (const [name, list] of Object.entries(o.srv ?? {})) {
    for (const s of list) {
      args.push(`--srv-host=${checkToken("name", name)},${checkToken("name", s.target)},${s.port},${s.priority ?? 0},${s.weight ?? 0}`);
    }
  }
  for (const [domain, list] of Object.entries(o.mx ?? {})) {
    for (const m of list) {
      args.push(`--mx-host=${checkToken("name", domain)},${checkToken("name", m.exchange)},${m.preference ?? 10}`);
    }
  }
  for (const [name, texts] of Object.entries(o.txt ?? {})) {
    for (const t of texts) {
      if (!/^[\x20-\x7e]{0,255}$/.test(t) || /[",\\]/.test(t)) {
        throw new Error(`dnsmasq fixture: TXT ${JSON.stringify(t)} must be at most 255 printable ASCII characters without , " or \\`);
      }
      args.push(`--txt-record=${checkToken("name", name)},${t}`);
    }
  }
  for (const [name, addrs] of Object.entries(o.aOnly ?? {})) {
    checkToken("name", name);
    for (const a of addrs) {
      if (!net.isIP(a)) throw new Error(`dnsmasq fixture: ${JSON.stringify(a)} for ${name} is not an IP address`);
      args.push(`--address=/${name}/${a}`);
    }
  }
  for (const [address, name] of Object.entries(o.ptr ?? {})) {
    if (!net.isIPv4(address)) throw new Error(`dnsmasq fixture: PTR address ${JSON.stringify(address)} is not IPv4`);
    args.push(`--ptr-record=${address.split(".").reverse().join(".")}.in-addr.arpa,${checkToken("name", name)}`);
  }
  for (const [name, list] of Object.entries(o.tlsa ?? {})) {
    for (const r of list) {
      const fields = [r.usage, r.selector, r.matchingType];
      if (!fields.every((f) => Number.isInteger(f) && f >= 0 && f <= 255) || !/^([0-9a-fA-F]{2})*$/.test(r.data)) {
        throw new Error(`dnsmasq fixture: bad TLSA record ${JSON.stringify(r)} for ${name}`);
      }
      const hex = fields.map((f) => f.toString(16).padStart(2, "0")).join("") + r.data.toLowerCase();
      args.push(`--dns-rr=${checkToken("name", name)},52,${hex}`);
    }
  }
  for (const [name, list] of Object.entries(o.caa ?? {})) {
    for (const r of list) {
      const flags = r.flags ?? 0;
      if (!Number.isInteger(flags) || flags < 0 || flags > 255 || !/^[A-Za-z0-9]{1,15}$/.test(r.tag) || !/^[\x20-\x7e]*$/.test(r.value)) {
        throw new Error(`dnsmasq fixture: bad CAA record ${JSON.stringify(r)} for ${name}`);
      }
      const rdata = Buffer.concat([Buffer.from([flags, r.tag.length]), Buffer.from(r.tag, "ascii"), Buffer.from(r.value, "ascii")]);
      args.push(`--dns-rr=${checkToken("name", name)},257,${rdata.toString("hex")}`);
    }
  }
  return args;
}

/** A port free for both UDP and TCP on host. */
async function freeUdpTcpPort(host: string): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const tcp = net.createServer();
    const port = await new Promise<number>((resolve, reject) => {
      tcp.once("error", reject);
      tcp.listen({ host, port: 0, exclusive: true }, () => resolve((tcp.address() as net.AddressInfo).port));
    });
    const udp = dgram.createSocket("udp4");
    const ok = await new Promise<boolean>((resolve) => {
      udp.once("error", () => resolve(false));
      udp.bind({ address: host, port, exclusive: true }, () => resolve(true));
    });
    await new Promise<void>((resolve) => tcp.close(() => resolve()));
    if (ok) await new Promise<void>((resolve) => udp.close(() => resolve()));
    else udp.close();
    if (ok) return port;
  }
  throw new Error(`no free UDP+TCP port on ${host}`);
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const child of live) child.kill("SIGKILL");
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntilAnswering(server: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const resolver = new dns.promises.Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([server]);
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error("dnsmasq exited");
    try {
      await resolver.resolve4("rca-readiness-probe.invalid");
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // any DNS answer (NXDOMAIN, REFUSED, NODATA) means it is up
      if (code === "ENOTFOUND" || code === "EREFUSED" || code === "ENODATA" || code === "ESERVFAIL") return;
    }
    await sleep(25);
  }
  throw new Error(`dnsmasq on ${server} did not answer within ${deadlineMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    live.delete(child);
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    const killTimer = setTimeout(() => child.kill("SIGKILL"), 2000);
    child.once("exit", () => {
      clearTimeout(killTimer);
      live.delete(child);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function waitForBinary(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(DNSMASQ_BIN)) {
    if (Date.now() > until) throw new Error(`${DNSMASQ_BIN} not found (apt-get install dnsmasq-base)`);
    await sleep(500);
  }
}

export async function startDnsmasq(o: DnsmasqOptions): Promise<RunningDnsmasq> {
  const host = o.listen ?? "127.0.0.53";
  if (!(net.isIPv4(host) && host.startsWith("127."))) {
    throw new Error(`dnsmasq fixture must listen on 127.0.0.0/8, got ${host}`);
  }
  await waitForBinary(30_000);
  const recordArgs = buildRecordArgs(o);
  const localArgs = (o.unknownNames ?? "nxdomain") === "nxdomain" ? ["--local=/#/"] : ["--local=/test/"];
  installExitHook();

  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freeUdpTcpPort(host);
    const args = [
      "--keep-in-foreground",
      "--log-facility=-",
      "--conf-file=/dev/null",
      "--no-resolv",
      "--no-hosts",
      "--no-poll",
      "--bind-interfaces",
      `--listen-address=${host}`,
      `--port=${port}`,
      "--pid-file=",
      ...(process.getuid?.() === 0 ? ["--user=root"] : []),
      ...(o.logQueries === false ? [] : ["--log-queries"]),
      ...localArgs,
      ...recordArgs,
      ...(o.extraArgs ?? []),
    ];
    const child = spawn(DNSMASQ_BIN, args, { stdio: ["ignore", "pipe", "pipe"] });
    live.add(child);
    let log = "";
    child.stdout?.setEncoding("utf8").on("data", (d: string) => (log += d));
    child.stderr?.setEncoding("utf8").on("data", (d: string) => (log += d));
    child.on("error", (err) => (log += `spawn error: ${err.message}\n`));
    const server = `${host}:${port}`;
    try {
      await waitUntilAnswering(server, child, 5000);
    } catch (err) {
      await stopChild(child);
      lastError = new Error(`${(err as Error).message}\n${log}`);
      continue;
    }
    return {
      server,
      host,
      port,
      pid: child.pid ?? -1,
      log: () => log,
      stop: () => stopChild(child),
    };
  }
  throw lastError instanceof Error ? lastError : new Error("dnsmasq did not start");
}
