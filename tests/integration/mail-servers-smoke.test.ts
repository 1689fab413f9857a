/**
 * The mail fixtures themselves: a real Postfix, a real Dovecot and dnsmasq's PTR/TLSA/TXT records, spoken to with a
 * raw line client. Uses only 127.0.100.1–127.0.100.20.
 */
import dgram from "node:dgram";
import dns from "node:dns";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import net from "node:net";
import { join } from "node:path";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDnsmasq, type RunningDnsmasq } from "../support/dnsmasq";
import { startDovecot, type RunningDovecot } from "../support/dovecot";
import { createTestPki, chainPem, type TestPki } from "../support/pki";
import { startPostfix, type RunningPostfix } from "../support/postfix";

const MX = "mx1.contoso.test";
const IMAP = "mail.contoso.test";
const ADDR = {
  postfix: "127.0.100.1",
  relay: "127.0.100.2",
  dovecot: "127.0.100.3",
  dovecotPlain: "127.0.100.4",
  dns: "127.0.100.5",
  noPtr: "127.0.100.6",
  otherPtr: "127.0.100.7",
};
const ALICE = { user: "alice@contoso.test", password: "Correct-Horse-1" };

let pki: TestPki;
let tlsFiles: { certFile: string; keyFile: string };
let postfix: RunningPostfix;
let relay: RunningPostfix;
let dovecot: RunningDovecot;
let dovecotPlain: RunningDovecot;
let dnsServer: RunningDnsmasq;
const cleanups: (() => Promise<void>)[] = [];

async function timed<T>(label: string, start: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  const running = await start();
  const ms = Date.now() - t0;
  console.log(`${label} ready in ${ms} ms`);
  expect(ms).toBeLessThan(5000);
  return running;
}

beforeAll(async () => {
  pki = await createTestPki();
  cleanups.push(() => pki.cleanup());
  const leaf = await pki.issueLeaf({ commonName: MX, dnsNames: [MX, IMAP] });
  tlsFiles = { certFile: join(pki.dir, "mail.pem"), keyFile: join(pki.dir, "mail.key.pem") };
  await writeFile(tlsFiles.certFile, chainPem(leaf, pki.intermediate));
  await writeFile(tlsFiles.keyFile, leaf.keyPem, { mode: 0o600 });

  postfix = await timed("postfix", () => startPostfix({ address: ADDR.postfix, hostname: MX, tls: tlsFiles, recipients: ["postmaster@contoso.test"] }));
  cleanups.push(() => postfix.stop());
  relay = await timed("postfix (open relay)", () => startPostfix({ address: ADDR.relay, hostname: "relay.contoso.test", openRelay: true }));
  cleanups.push(() => relay.stop());
  dovecot = await timed("dovecot", () => startDovecot({ address: ADDR.dovecot, tls: tlsFiles, users: [ALICE] }));
  cleanups.push(() => dovecot.stop());
  dovecotPlain = await timed("dovecot (no TLS)", () => startDovecot({ address: ADDR.dovecotPlain, users: [ALICE] }));
  cleanups.push(() => dovecotPlain.stop());
  dnsServer = await timed("dnsmasq", () =>
    startDnsmasq({
      listen: ADDR.dns,
      records: { [MX]: [ADDR.postfix] },
      aOnly: { "noptr.contoso.test": [ADDR.noPtr] },
      ptr: { [ADDR.otherPtr]: "elsewhere.example.net" },
      tlsa: { [`_25._tcp.${MX}`]: [{ usage: 3, selector: 1, matchingType: 1, data: "ab".repeat(32) }] },
      txt: {
        "contoso.test": ["v=spf1 ip4:127.0.60.0/24 -all"],
        "_dmarc.contoso.test": ["v=DMARC1; p=reject; rua=mailto:d@contoso.test"],
        "_mta-sts.contoso.test": ["v=STSv1; id=2026112701"],
      },
    }),
  );
  cleanups.push(() => dnsServer.stop());
}, 60_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A CRLF line client over a plain or TLS socket. */
class LineClient {
  private buffer = "";
  private readonly lines: string[] = [];
  private wake?: () => void;
  private closed = false;

  constructor(readonly socket: net.Socket) {
    socket.setEncoding("utf8");
    socket.on("data", this.onData);
    socket.on("error", () => {});
    socket.once("close", () => {
      this.closed = true;
      this.wake?.();
    });
  }

  private readonly onData = (chunk: string) => {
    this.buffer += chunk;
    for (let end = this.buffer.indexOf("\r\n"); end >= 0; end = this.buffer.indexOf("\r\n")) {
      this.lines.push(this.buffer.slice(0, end));
      this.buffer = this.buffer.slice(end + 2);
    }
    this.wake?.();
  };

  static async connect(host: string, port: number, secure = false): Promise<LineClient> {
    const socket = secure ? tls.connect({ host, port, servername: IMAP, ca: pki.root.certPem }) : net.connect({ host, port });
    await new Promise<void>((resolve, reject) => {
      socket.once(secure ? "secureConnect" : "connect", () => resolve());
      socket.once("error", reject);
    });
    return new LineClient(socket);
  }

  /** Lines up to and including the first one for which `last` is true. */
  async read(last: (line: string) => boolean, timeoutMs = 3000): Promise<string[]> {
    const got: string[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (let line = this.lines.shift(); line !== undefined; line = this.lines.shift()) {
        got.push(line);
        if (last(line)) return got;
      }
      if (this.closed) throw new Error(`closed after ${JSON.stringify(got)}`);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out after ${JSON.stringify(got)}`)), Math.max(0, deadline - Date.now()));
        this.wake = () => {
          clearTimeout(timer);
          this.wake = undefined;
          resolve();
        };
      });
    }
  }

  async command(line: string, last: (line: string) => boolean): Promise<string[]> {
    this.socket.write(`${line}\r\n`);
    return this.read(last);
  }

  /** Hands the raw socket to TLS (after the server said go ahead); this client is not used afterwards. */
  async startTls(servername: string): Promise<LineClient> {
    this.socket.off("data", this.onData);
    const secure = tls.connect({ socket: this.socket, servername, ca: pki.root.certPem });
    await new Promise<void>((resolve, reject) => {
      secure.once("secureConnect", () => resolve());
      secure.once("error", reject);
    });
    return new LineClient(secure);
  }

  close(): void {
    this.socket.destroy();
  }
}

const smtpEnd = (line: string) => /^\d{3} /.test(line);
const imapEnd = (tag: string) => (line: string) => line.startsWith(`${tag} `);
const popEnd = (line: string) => /^(\+OK|-ERR)/.test(line);

async function smtpSession(address: string, port: number): Promise<{ client: LineClient; banner: string[] }> {
  const client = await LineClient.connect(address, port);
  return { client, banner: await client.read(smtpEnd) };
}

/** The RDATA of each TLSA answer, by a raw UDP query (Node's resolver has no TLSA and dnsmasq's ANY omits it). */
async function queryTlsa(server: RunningDnsmasq, name: string): Promise<Buffer[]> {
  const qname = Buffer.concat([...name.split(".").map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, "ascii")])), Buffer.from([0])]);
  const query = Buffer.concat([Buffer.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]), qname, Buffer.from([0, 52, 0, 1])]);
  const socket = dgram.createSocket("udp4");
  const reply = await new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no DNS reply")), 2000);
    socket.once("message", (message) => {
      clearTimeout(timer);
      resolve(message);
    });
    socket.send(query, server.port, server.host);
  }).finally(() => socket.close());
  const skipName = (offset: number): number => {
    for (let length = reply[offset]!; length !== 0; length = reply[offset]!) {
      if ((length & 0xc0) === 0xc0) return offset + 2;
      offset += length + 1;
    }
    return offset + 1;
  };
  const answers: Buffer[] = [];
  let offset = skipName(12) + 4;
  for (let i = 0; i < reply.readUInt16BE(6); i++) {
    offset = skipName(offset);
    const type = reply.readUInt16BE(offset);
    const length = reply.readUInt16BE(offset + 8);
    if (type === 52) answers.push(reply.subarray(offset + 10, offset + 10 + length));
    offset += 10 + length;
  }
  return answers;
}

describe("postfix fixture", () => {
  it("greets with its host name, offers STARTTLS and hands over to TLS with the test certificate", async () => {
    const { client, banner } = await smtpSession(postfix.address, postfix.port);
    expect(banner).toEqual([`220 ${MX} ESMTP`]);
    const ehlo = await client.command("EHLO client.example.net", smtpEnd);
    expect(ehlo[0]).toBe(`250-${MX}`);
    expect(ehlo).toContain("250-STARTTLS");
    expect(await client.command("STARTTLS", smtpEnd)).toEqual(["220 2.0.0 Ready to start TLS"]);
    const secure = await client.startTls(MX);
    const tlsSocket = secure.socket as tls.TLSSocket;
    expect(tlsSocket.authorized).toBe(true);
    expect(tlsSocket.getPeerX509Certificate()?.subject).toContain(`CN=${MX}`);
    const ehloAfter = await secure.command("EHLO client.example.net", smtpEnd);
    expect(ehloAfter).not.toContain("250-STARTTLS");
    expect(await secure.command("QUIT", smtpEnd)).toEqual(["221 2.0.0 Bye"]);
    secure.close();
  });

  it("accepts listed recipients, rejects unknown ones with 550 and refuses to relay", async () => {
    const { client } = await smtpSession(postfix.address, postfix.port);
    await client.command("EHLO client.example.net", smtpEnd);
    expect(await client.command("MAIL FROM:<probe@example.net>", smtpEnd)).toEqual(["250 2.1.0 Ok"]);
    expect(await client.command("RCPT TO:<postmaster@contoso.test>", smtpEnd)).toEqual(["250 2.1.5 Ok"]);
    expect((await client.command("RCPT TO:<nobody@contoso.test>", smtpEnd))[0]).toMatch(/^550 5\.1\.1 /);
    expect((await client.command("RCPT TO:<someone@example.net>", smtpEnd))[0]).toMatch(/^554 5\.7\.1 .*Relay access denied/);
    // the accepted message goes to discard:, never anywhere else
    expect(await client.command("DATA", smtpEnd)).toEqual(["354 End data with <CR><LF>.<CR><LF>"]);
    expect((await client.command("Subject: smoke\r\n\r\nhello\r\n.", smtpEnd))[0]).toMatch(/^250 2\.0\.0 Ok: queued/);
    await client.command("QUIT", smtpEnd);
    client.close();
    await expect.poll(() => postfix.log(), { timeout: 3000 }).toMatch(/postfix\/discard\[\d+\]: .*to=<postmaster@contoso\.test>.*status=sent/);
  });

  it("as an open relay accepts any outside recipient, and offers no STARTTLS without a certificate", async () => {
    const { client, banner } = await smtpSession(relay.address, relay.port);
    expect(banner).toEqual(["220 relay.contoso.test ESMTP"]);
    expect(await client.command("EHLO client.example.net", smtpEnd)).not.toContain("250-STARTTLS");
    await client.command("MAIL FROM:<probe@example.org>", smtpEnd);
    expect(await client.command("RCPT TO:<x@example.net>", smtpEnd)).toEqual(["250 2.1.5 Ok"]);
    await client.command("QUIT", smtpEnd);
    client.close();
  });
});

describe("dovecot fixture", () => {
  it("IMAP on 143-style port: greeting and STARTTLS in CAPABILITY, no login before TLS", async () => {
    const client = await LineClient.connect(dovecot.address, dovecot.ports.imap);
    const [greeting] = await client.read(() => true);
    expect(greeting).toMatch(/^\* OK .*Dovecot ready\.$/);
    const capability = await client.command("a1 CAPABILITY", imapEnd("a1"));
    expect(capability[0]).toMatch(/^\* CAPABILITY .*\bSTARTTLS\b.*\bLOGINDISABLED\b/);
    expect(await client.command("a2 STARTTLS", imapEnd("a2"))).toEqual(["a2 OK Begin TLS negotiation now."]);
    const secure = await client.startTls(IMAP);
    expect((secure.socket as tls.TLSSocket).authorized).toBe(true);
    expect((await secure.command(`a3 LOGIN ${ALICE.user} ${ALICE.password}`, imapEnd("a3"))).at(-1)).toMatch(/^a3 OK /);
    secure.close();
  });

  it("IMAPS: LOGIN with the right password is OK, with a wrong one NO (and answers at once)", async () => {
    const client = await LineClient.connect(dovecot.address, dovecot.ports.imaps, true);
    await client.read(() => true);
    const t0 = Date.now();
    expect((await client.command(`b1 LOGIN ${ALICE.user} wrong-password`, imapEnd("b1"))).at(-1)).toBe("b1 NO [AUTHENTICATIONFAILED] Authentication failed.");
    expect((await client.command(`b2 LOGIN ${ALICE.user} ${ALICE.password}`, imapEnd("b2"))).at(-1)).toMatch(/^b2 OK .*Logged in/);
    expect(Date.now() - t0).toBeLessThan(1500);
    expect((await client.command("b3 SELECT INBOX", imapEnd("b3"))).at(-1)).toMatch(/^b3 OK /);
    await client.command("b4 LOGOUT", imapEnd("b4"));
    client.close();
  });

  it("POP3S: USER/PASS", async () => {
    const client = await LineClient.connect(dovecot.address, dovecot.ports.pop3s, true);
    expect((await client.read(popEnd))[0]).toMatch(/^\+OK Dovecot ready\./);
    expect((await client.command(`USER ${ALICE.user}`, popEnd))[0]).toMatch(/^\+OK/);
    expect((await client.command("PASS wrong-password", popEnd))[0]).toMatch(/^-ERR \[AUTH\] Authentication failed\./);
    await client.command(`USER ${ALICE.user}`, popEnd);
    expect((await client.command(`PASS ${ALICE.password}`, popEnd))[0]).toMatch(/^\+OK Logged in\./);
    expect((await client.command("STAT", popEnd))[0]).toBe("+OK 0 0");
    await client.command("QUIT", popEnd);
    client.close();
  });

  it("POP3 on the plain port offers STLS", async () => {
    const client = await LineClient.connect(dovecot.address, dovecot.ports.pop3);
    await client.read(popEnd);
    const capa = await client.command("CAPA", (line) => line === ".");
    expect(capa).toContain("STLS");
    client.close();
  });

  it("without TLS: no STARTTLS, plaintext LOGIN works, implicit-TLS ports closed", async () => {
    const client = await LineClient.connect(dovecotPlain.address, dovecotPlain.ports.imap);
    await client.read(() => true);
    const capability = await client.command("c1 CAPABILITY", imapEnd("c1"));
    expect(capability[0]).not.toMatch(/STARTTLS|LOGINDISABLED/);
    expect((await client.command(`c2 LOGIN ${ALICE.user} ${ALICE.password}`, imapEnd("c2"))).at(-1)).toMatch(/^c2 OK /);
    client.close();
    await expect(LineClient.connect(dovecotPlain.address, dovecotPlain.ports.imaps, true)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});

describe("dnsmasq PTR, TLSA and TXT", () => {
  const resolver = () => {
    const r = new dns.promises.Resolver({ timeout: 1000, tries: 1 });
    r.setServers([dnsServer.server]);
    return r;
  };

  it("answers PTR: from host records, from explicit ptr, and none for aOnly", async () => {
    const r = resolver();
    expect(await r.reverse(ADDR.postfix)).toEqual([MX]);
    expect(await r.reverse(ADDR.otherPtr)).toEqual(["elsewhere.example.net"]);
    expect(await r.resolve4("noptr.contoso.test")).toEqual([ADDR.noPtr]);
    await expect(r.reverse(ADDR.noPtr)).rejects.toMatchObject({ code: "ENOTFOUND" });
  });

  it("answers TLSA with usage, selector, matching type and data", async () => {
    const [rdata, ...rest] = await queryTlsa(dnsServer, `_25._tcp.${MX}`);
    expect(rest).toEqual([]);
    expect(rdata?.toString("hex")).toBe("030101" + "ab".repeat(32));
  });

  it("answers SPF, DMARC and MTA-STS TXT strings exactly", async () => {
    const r = resolver();
    expect(await r.resolveTxt("contoso.test")).toEqual([["v=spf1 ip4:127.0.60.0/24 -all"]]);
    expect(await r.resolveTxt("_dmarc.contoso.test")).toEqual([["v=DMARC1; p=reject; rua=mailto:d@contoso.test"]]);
    expect(await r.resolveTxt("_mta-sts.contoso.test")).toEqual([["v=STSv1; id=2026112701"]]);
  });
});

describe("stop()", () => {
  it("kills the instance, closes its ports and removes its directory", async () => {
    const extra = await startPostfix({ address: "127.0.100.8", hostname: "mx9.contoso.test" });
    const extraDovecot = await startDovecot({ address: "127.0.100.9", users: [ALICE] });
    await Promise.all([extra.stop(), extraDovecot.stop()]);
    for (const instance of [extra, extraDovecot]) {
      // the masters; their children may stay zombies until init reaps them
      expect(() => process.kill(instance.pid, 0)).toThrow(/ESRCH/);
      expect(existsSync(instance.dir)).toBe(false);
      expect(instance.log()).toMatch(/starting up|daemon started/);
    }
    await expect(LineClient.connect(extra.address, extra.port)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    await expect(LineClient.connect(extraDovecot.address, extraDovecot.ports.imap)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});
