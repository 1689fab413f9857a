/**
 * A real Dovecot (Debian's, 2.3) IMAP and POP3 server on a loopback address for integration tests.
 *
 * - One private instance per call (`dovecot -F -c <conf>`): its own base_dir, state_dir, log and maildirs in a
 *   fresh temp dir; /etc/dovecot is not read. Needs root (Dovecot drops to dovenull/dovecot/nobody itself).
 * - Listens only on `address`: IMAP + POP3 with STARTTLS, IMAPS + POP3S with implicit TLS.
 *   Without `tls`, ssl = no: no STARTTLS is offered and the implicit-TLS ports are not listened on at all.
 * - Users come from a passwd-file ({PLAIN} passwords); every user gets an empty maildir owned by nobody.
 * - Failed logins answer at once (auth_failure_delay = 0) instead of after Dovecot's usual 2 s.
 * - log(): Dovecot's log file (auth_verbose on, so failed logins say why).
 */
import { chmod, chown, mkdir, writeFile } from "node:fs/promises";
import net from "node:net";
import { join } from "node:path";
import tls from "node:tls";
import { makeTempDir, spawnDaemon, untilReady, waitForAnswer, type Daemon } from "./daemon";

export const DOVECOT_BIN = "/usr/sbin/dovecot";

export interface DovecotUser {
  user: string;
  password: string;
}

export interface DovecotOptions {
  /** a 127.x.y.z address; the only one listened on */
  address: string;
  /** defaults: imap 10143, imaps 10993, pop3 10110, pop3s 10995 */
  ports?: Partial<DovecotPorts>;
  /** certificate for STARTTLS and implicit TLS; absent → ssl = no (no STARTTLS, no imaps/pop3s listeners) */
  tls?: {
    /** PEM: the leaf, then any intermediates */
    certFile: string;
    /** PEM private key (PKCS#8 is fine) */
    keyFile: string;
  };
  /** logins that work, e.g. [{ user: "alice@contoso.test", password: "secret" }] */
  users?: DovecotUser[];
  /** refuse LOGIN/USER+PASS/AUTH PLAIN before TLS; default true with `tls`, false without (else no login could work) */
  disablePlaintextAuth?: boolean;
  /** text after "* OK " / "+OK " in the greeting; default "Dovecot ready." */
  greeting?: string;
  /** further dovecot.conf lines, appended verbatim */
  extraConfig?: string;
}

export interface DovecotPorts {
  imap: number;
  imaps: number;
  pop3: number;
  pop3s: number;
}

export interface RunningDovecot {
  address: string;
  /** imaps and pop3s are closed when the instance has no `tls` */
  ports: DovecotPorts;
  /** master's PID, also its process group */
  pid: number;
  /** the instance's temp dir (configuration, log, maildirs); gone after stop() */
  dir: string;
  /** Dovecot's log so far */
  log(): string;
  /** kills the instance and removes its directory */
  stop(): Promise<void>;
}

const DEFAULT_PORTS: DovecotPorts = { imap: 10143, imaps: 10993, pop3: 10110, pop3s: 10995 };

function checkValue(kind: string, value: string, pattern = /^[^\r\n"]*$/): string {
  if (!pattern.test(value)) throw new Error(`dovecot fixture: bad ${kind} ${JSON.stringify(value)}`);
  return value;
}

/** A protocol's login service: its STARTTLS listener and its implicit-TLS one (port 0: not listened on). */
function loginService(protocol: "imap" | "pop3", port: number, implicitTlsPort: number): string {
  return `service ${protocol}-login {
  inet_listener ${protocol} {
    port = ${port}
  }
  inet_listener ${protocol}s {
    port = ${implicitTlsPort}
    ssl = yes
  }
}
`;
}

function dovecotConf(o: DovecotOptions, dir: string, ports: DovecotPorts): string {
  const ssl = o.tls !== undefined;
  const disablePlaintext = o.disablePlaintextAuth ?? ssl;
  const certificate = o.tls ? `ssl_cert = <${checkValue("certFile", o.tls.certFile)}\nssl_key = <${checkValue("keyFile", o.tls.keyFile)}\n` : "";
  return `# rca test instance
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = rca-${dir.split("-").pop()}
listen = ${o.address}
protocols = imap pop3
log_path = ${dir}/dovecot.log
auth_verbose = yes
auth_failure_delay = 0
auth_mechanisms = plain login
disable_plaintext_auth = ${disablePlaintext ? "yes" : "no"}
login_trusted_networks =
login_greeting = ${checkValue("greeting", o.greeting ?? "Dovecot ready.")}
ssl = ${ssl ? "yes" : "no"}
${certificate}mail_location = maildir:${dir}/mail/%n
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${dir}/mail/%n
}
${loginService("imap", ports.imap, ssl ? ports.imaps : 0)}${loginService("pop3", ports.pop3, ssl ? ports.pop3s : 0)}# Dovecot delays every login from an IP for 2-15 s after a failed one; all test clients share 127.0.0.1.
# Without access to this socket the auth process skips that penalty.
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
${o.extraConfig ?? ""}
`;
}

/** Resolves once a connection (plain or implicit TLS) gets a complete "* OK" / "+OK" greeting line. */
function readGreeting(address: string, port: number, secure: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = secure ? tls.connect({ host: address, port, rejectUnauthorized: false }) : net.connect({ host: address, port });
    let text = "";
    socket.setTimeout(2000, () => socket.destroy(new Error("no greeting")));
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      text += chunk;
      if (!text.includes("\n")) return;
      if (/^(\* OK|\+OK)/.test(text)) {
        socket.destroy();
        resolve(text);
      } else socket.destroy(new Error(`unexpected greeting ${JSON.stringify(text)}`));
    });
    socket.once("error", reject);
    socket.once("close", () => reject(new Error("closed before a greeting")));
  });
}

async function waitForGreetings(o: DovecotOptions, ports: DovecotPorts, dovecot: Daemon, deadlineMs: number): Promise<void> {
  const listeners: [keyof DovecotPorts, boolean][] = [
    ["imap", false],
    ["pop3", false],
  ];
  if (o.tls) listeners.push(["imaps", true], ["pop3s", true]);
  const until = Date.now() + deadlineMs;
  for (const [name, secure] of listeners) {
    const port = ports[name];
    await waitForAnswer(dovecot, () => readGreeting(o.address, port, secure), {
      until,
      exited: "dovecot exited",
      noAnswer: `dovecot ${name} on ${o.address}:${port} gave no greeting within ${deadlineMs} ms`,
    });
  }
}

export async function startDovecot(o: DovecotOptions): Promise<RunningDovecot> {
  if (!(net.isIPv4(o.address) && o.address.startsWith("127."))) throw new Error(`dovecot fixture must listen on 127.0.0.0/8, got ${o.address}`);
  if (process.getuid?.() !== 0) throw new Error("dovecot fixture needs root");
  const ports = { ...DEFAULT_PORTS, ...o.ports };
  const users = o.users ?? [];
  for (const u of users) {
    // passwd-file fields are ':'-separated; %n (the part before '@') names the maildir
    checkValue("user", u.user, /^[A-Za-z0-9._+-]+(@[A-Za-z0-9.-]+)?$/);
    checkValue("password", u.password, /^[^:\r\n]*$/);
  }

  const dir = await makeTempDir("rca-dovecot-", async (dir) => {
    // login and mail processes run unprivileged and must reach their sockets and maildirs
    await chmod(dir, 0o755);
    await mkdir(join(dir, "mail"), { mode: 0o755 });
    for (const u of users) {
      const home = join(dir, "mail", u.user.split("@")[0]!);
      await mkdir(home, { recursive: true, mode: 0o700 });
      await chown(home, 65534, 65534);
    }
    await writeFile(join(dir, "passwd"), users.map((u) => `${u.user}:{PLAIN}${u.password}::::::\n`).join(""), { mode: 0o644 });
    await writeFile(join(dir, "dovecot.conf"), dovecotConf(o, dir, ports), { mode: 0o644 });
  });

  // Startup errors go to stderr before log_path is open; the log file is kept at stop(). Dovecot TERMs its children
  // on SIGTERM; anything still there (e.g. a login process mid-handshake) goes with the group.
  const dovecot = spawnDaemon(DOVECOT_BIN, ["-F", "-c", join(dir, "dovecot.conf")], { dir, logFile: join(dir, "dovecot.log"), stopWith: "term" });
  await untilReady(dovecot, () => waitForGreetings(o, ports, dovecot, 5000));
  return {
    address: o.address,
    ports,
    pid: dovecot.pid,
    dir,
    log: dovecot.log,
    stop: dovecot.stop,
  };
}
