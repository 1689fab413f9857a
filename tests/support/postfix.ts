/**
 * A real Postfix (Debian's, 3.7) SMTP server on a loopback address for integration tests.
 *
 * - One private instance per call: its own config, queue and data directories in a fresh temp dir; the system
 *   instance (/etc/postfix, /var/spool/postfix) is neither used nor needed. Needs root (Postfix drops to `postfix`).
 * - Postfix's `master -d` runs in the foreground in its own process group; stop() and process exit kill that group.
 *   `postfix start-fg` is not used: its integrity checks take ~2 s per start, and the queue directories they would
 *   create are made here instead.
 * - Listens only on address:port. Nothing is ever delivered: every transport is `discard:`. No DNS is used
 *   (no resolver needed): peer names are not looked up, the SMTP client never runs.
 * - Mail for `domain` (and the domains of `recipients`) is accepted for the listed recipients only; any other
 *   recipient there gets 550 at RCPT. Other domains get 554 "Relay access denied", unless `openRelay`.
 * - log(): Postfix's own log (postlogd writes maillog_file in the temp dir), handy when a test fails.
 */
import { chmod, chown, mkdir, readFile, utimes, writeFile } from "node:fs/promises";
import net from "node:net";
import { join } from "node:path";
import { makeTempDir, spawnDaemon, untilReady, waitForAnswer } from "./daemon";

export const POSTFIX_MASTER = "/usr/lib/postfix/sbin/master";

export interface PostfixOptions {
  /** a 127.x.y.z address; the only one listened on */
  address: string;
  /** default 2525 */
  port?: number;
  /** myhostname, e.g. "mx1.contoso.test": in the 220 banner and the EHLO reply */
  hostname: string;
  /** the domain mail is accepted for; default `hostname` without its first label (mx1.contoso.test → contoso.test) */
  domain?: string;
  /** smtpd_banner, the text after "220 "; default "$myhostname ESMTP" (Postfix expands $myhostname) */
  banner?: string;
  /** STARTTLS with this certificate (smtpd_tls_security_level = may); absent → no STARTTLS in EHLO */
  tls?: {
    /** PEM: the leaf, then any intermediates */
    certFile: string;
    /** PEM private key (PKCS#8 is fine) */
    keyFile: string;
  };
  /** accepted recipients; default [`postmaster@<domain>`] */
  recipients?: string[];
  /** accept RCPT TO any outside domain from anyone (then discard the mail) */
  openRelay?: boolean;
  /** further main.cf settings, applied last (e.g. { smtpd_helo_required: "yes" }) */
  mainCf?: Record<string, string>;
}

export interface RunningPostfix {
  address: string;
  port: number;
  /** master's PID, also its process group */
  pid: number;
  /** the instance's temp dir (configuration, log, queue); gone after stop() */
  dir: string;
  /** Postfix's log so far */
  log(): string;
  /** kills the instance and removes its directory */
  stop(): Promise<void>;
}

// Queue directories as Debian's postfix-files creates them: owner, group, mode.
const QUEUE_DIRS: [string, "root" | "postdrop", number][] = [
  ...["active", "bounce", "corrupt", "defer", "deferred", "flush", "hold", "incoming", "private", "saved", "trace"].map((name): [string, "root", number] => [
    name,
    "root",
    0o700,
  ]),
  ["maildrop", "postdrop", 0o730],
  ["public", "postdrop", 0o710],
];

// Only what an smtpd that hands mail to discard(8) needs; postlogd writes everyone's log to maillog_file.
function masterCf(address: string, port: number): string {
  return [
    `${address}:${port} inet n - n - - smtpd`,
    "cleanup unix n - n - 0 cleanup",
    "qmgr unix n - n 300 1 qmgr",
    "tlsmgr unix - - n 1000? 1 tlsmgr",
    "rewrite unix - - n - - trivial-rewrite",
    "bounce unix - - n - 0 bounce",
    "defer unix - - n - 0 bounce",
    "trace unix - - n - 0 bounce",
    "verify unix - - n - 1 verify",
    "anvil unix - - n - 1 anvil",
    "scache unix - - n - 1 scache",
    "discard unix - - n - - discard",
    "postlog unix-dgram n - n - 1 postlogd",
    "",
  ].join("\n");
}

function checkValue(kind: string, value: string): string {
  // main.cf has no quoting: a newline would start a new setting.
  if (/[\r\n]/.test(value)) throw new Error(`postfix fixture: bad ${kind} ${JSON.stringify(value)}`);
  return value;
}

function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1 || !/^[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+$/.test(address)) throw new Error(`postfix fixture: bad recipient ${JSON.stringify(address)}`);
  return address.slice(at + 1).toLowerCase();
}

function mainCf(o: PostfixOptions, dir: string, domain: string, recipients: string[]): string {
  const domains = [...new Set([domain, ...recipients.map(domainOf)])];
  const settings: Record<string, string> = {
    compatibility_level: "3.6",
    config_directory: join(dir, "etc"),
    queue_directory: join(dir, "queue"),
    data_directory: join(dir, "data"),
    mail_owner: "postfix",
    setgid_group: "postdrop",
    // Not /dev/stdout: Node's stdio "pipes" are socketpairs, which can't be opened through /proc/self/fd/1, and
    // master then blocks sending its log to a postlogd that isn't reading.
    maillog_file: join(dir, "maillog"),
    maillog_file_prefixes: dir,
    myhostname: checkValue("hostname", o.hostname),
    mydomain: domain,
    myorigin: "$myhostname",
    smtpd_banner: checkValue("banner", o.banner ?? "$myhostname ESMTP"),
    // inet_interfaces must name an address configured on an interface (127.0.100.1 is not: lo has 127.0.0.1/8);
    // the listener itself is bound by the "address:port" service name in master.cf.
    inet_interfaces: "loopback-only",
    inet_protocols: "ipv4",
    mydestination: "",
    relay_domains: "",
    local_recipient_maps: "",
    alias_maps: "",
    alias_database: "",
    // Every client is "trusted" for an open relay. Postfix refuses to start an smtpd whose relay restrictions lack
    // reject_unauth_destination or the like, so openness comes from mynetworks, not from a bare "permit".
    mynetworks: o.openRelay ? "0.0.0.0/0" : "",
    virtual_mailbox_domains: domains.join(" "),
    virtual_mailbox_maps: `texthash:${join(dir, "etc", "recipients")}`,
    smtpd_reject_unlisted_recipient: "yes",
    smtpd_relay_restrictions: "permit_mynetworks, reject_unauth_destination",
    smtpd_recipient_restrictions: "",
    default_transport: "discard:",
    local_transport: "discard:",
    relay_transport: "discard:",
    virtual_transport: "discard:",
    smtp_dns_support_level: "disabled",
    smtpd_peername_lookup: "no",
    biff: "no",
    smtpd_tls_security_level: o.tls ? "may" : "none",
    ...(o.tls ? { smtpd_tls_cert_file: checkValue("certFile", o.tls.certFile), smtpd_tls_key_file: checkValue("keyFile", o.tls.keyFile) } : {}),
    ...o.mainCf,
  };
  return Object.entries(settings)
    .map(([name, value]) => `${name} = ${checkValue(name, value)}\n`)
    .join("");
}

/** uid of `postfix` and gid of `postdrop` (Node has no getpwnam). */
async function ids(): Promise<{ uid: number; gid: number }> {
  const find = (file: string, name: string, field: number) => {
    const line = file.split("\n").find((l) => l.startsWith(`${name}:`));
    const value = Number(line?.split(":")[field]);
    if (!line || !Number.isInteger(value)) throw new Error(`postfix fixture: no ${name} account (apt-get install postfix)`);
    return value;
  };
  const [passwd, group] = await Promise.all([readFile("/etc/passwd", "utf8"), readFile("/etc/group", "utf8")]);
  return { uid: find(passwd, "postfix", 2), gid: find(group, "postdrop", 2) };
}

/** Resolves with the greeting once a connection gets a complete 220 reply. */
function readGreeting(address: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address, port });
    let text = "";
    socket.setTimeout(2000, () => socket.destroy(new Error("no greeting")));
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      text += chunk;
      const done = /^220 [^\n]*\r?\n/m.test(text);
      if (done) {
        socket.end("QUIT\r\n");
        resolve(text);
      } else if (/^[0-9]{3} /m.test(text)) socket.destroy(new Error(`unexpected greeting ${JSON.stringify(text)}`));
    });
    socket.once("error", reject);
    socket.once("close", () => reject(new Error("closed before a greeting")));
  });
}

export async function startPostfix(o: PostfixOptions): Promise<RunningPostfix> {
  if (!(net.isIPv4(o.address) && o.address.startsWith("127."))) throw new Error(`postfix fixture must listen on 127.0.0.0/8, got ${o.address}`);
  if (process.getuid?.() !== 0) throw new Error("postfix fixture needs root");
  const port = o.port ?? 2525;
  const domain = (o.domain ?? o.hostname.split(".").slice(1).join(".")).toLowerCase();
  if (!domain) throw new Error(`postfix fixture: no domain for ${o.hostname}`);
  const recipients = o.recipients ?? [`postmaster@${domain}`];
  recipients.forEach(domainOf);

  const dir = await makeTempDir("rca-postfix-", async (dir) => {
    // Postfix daemons run as `postfix` and reach these paths after dropping root.
    await chown(dir, 0, 0);
    await mkdir(join(dir, "etc"), { mode: 0o755 });
    await mkdir(join(dir, "data"), { mode: 0o700 });
    await mkdir(join(dir, "queue"), { mode: 0o755 });
    await mkdir(join(dir, "queue", "pid"), { mode: 0o755 });
    const { uid: postfixUid, gid: postdropGid } = await ids();
    await chown(join(dir, "data"), postfixUid, 0);
    for (const [name, group, mode] of QUEUE_DIRS) {
      const path = join(dir, "queue", name);
      await mkdir(path, { mode });
      await chown(path, postfixUid, group === "postdrop" ? postdropGid : 0);
    }
    const files: [string, string][] = [
      ["recipients", recipients.map((r) => `${r} OK\n`).join("")],
      ["main.cf", mainCf(o, dir, domain, recipients)],
      ["master.cf", masterCf(o.address, port)],
    ];
    // Postfix waits (300 ms at a time, for seconds) until a config file is older than a second, taking a newer
    // one for a file still being edited: backdate them.
    const past = new Date(Date.now() - 60_000);
    for (const [name, text] of files) {
      await writeFile(join(dir, "etc", name), text, { mode: 0o644 });
      await utimes(join(dir, "etc", name), past, past);
    }
    await chmod(dir, 0o755);
  });

  // master's own stdout/stderr (fatal errors before logging is up), then the log file; the file is kept at stop().
  // SIGKILL to the whole group at once: a graceful stop (SIGTERM) takes master ~1.5 s, and nothing in the instance
  // is worth keeping.
  const master = spawnDaemon(POSTFIX_MASTER, ["-d", "-c", join(dir, "etc")], { dir, logFile: join(dir, "maillog"), stopWith: "kill" });
  await untilReady(master, () =>
    waitForAnswer(master, () => readGreeting(o.address, port), {
      until: Date.now() + 5000,
      exited: "postfix master exited",
      noAnswer: `postfix on ${o.address}:${port} gave no 220 within 5000 ms`,
    }),
  );
  return {
    address: o.address,
    port,
    pid: master.pid,
    dir,
    log: master.log,
    stop: master.stop,
  };
}
