import { createHash, X509Certificate } from "node:crypto";
import { writeFile } from "node:fs/promises";
import net from "node:net";
import { join } from "node:path";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestResult } from "@/lib/engine/types";
import { allSteps, analyze, problems, startLab, step, type Lab, type ScenarioServer } from "../support/lab";
import { chainPem, createTestPki, type TestPki } from "../support/pki";
import { startPostfix, type PostfixOptions } from "../support/postfix";
import { DEFAULT_GARBAGE, startHttpsServer, type RunningServer } from "../support/servers";

/**
 * Inbound SMTP against real Postfix instances, a real dnsmasq (MX, TXT, TLSA) and an HTTPS server for MTA-STS
 * policies, all on 127.0.110.x; hostile servers are small node:net peers. Postfix listens on 2525, so TLSA
 * records live at _2525._tcp.<mx>.
 */

const TIMEOUT_MS = 3000;
const PORT = 2525;
const ip = (octet: number) => `127.0.110.${octet}`;
const D = "contoso.test";

/** A Postfix scenario; with `tls`, a certificate for `certNames` (the host by default) issued by the test PKI. */
function postfix(
  name: string,
  octet: number,
  options: Partial<Omit<PostfixOptions, "tls">> & { certNames?: string[]; withTls?: boolean } = {},
): ScenarioServer {
  return {
    name,
    address: ip(octet),
    start: async (pki, address) => {
      let tlsFiles: PostfixOptions["tls"];
      if (options.withTls) {
        // RSA-2048: the test PKI reuses one such key per process, so its TLSA record can be computed before the lab starts.
        const leaf = await pki.issueLeaf({
          commonName: (options.certNames ?? [name])[0],
          dnsNames: options.certNames ?? [name],
          key: { type: "RSA", bits: 2048 },
        });
        const certFile = join(pki.dir, `${name}.crt`);
        const keyFile = join(pki.dir, `${name}.key`);
        await writeFile(certFile, chainPem(leaf, pki.intermediate));
        await writeFile(keyFile, leaf.keyPem, { mode: 0o600 });
        tlsFiles = { certFile, keyFile };
      }
      const { certNames: _names, withTls: _withTls, ...rest } = options;
      // No 1 s pause after each refused command: the lab's time budget is short.
      const server = await startPostfix({
        hostname: name,
        ...rest,
        mainCf: { smtpd_error_sleep_time: "0s", ...rest.mainCf },
        address,
        port: PORT,
        ...(tlsFiles ? { tls: tlsFiles } : {}),
      });
      return { host: address, port: server.port, close: () => server.stop() };
    },
  };
}

/** A raw TCP peer that plays `script` with each client. */
function scripted(octet: number, script: (socket: net.Socket, pki: TestPki) => void): ScenarioServer {
  return {
    name: `hostile${octet}.${D}`,
    address: ip(octet),
    start: (pki, address) =>
      new Promise<RunningServer>((resolve, reject) => {
        const sockets = new Set<net.Socket>();
        const server = net.createServer((socket) => {
          sockets.add(socket);
          socket.on("error", () => {});
          socket.on("close", () => sockets.delete(socket));
          script(socket, pki);
        });
        server.once("error", reject);
        server.listen({ host: address, port: 0 }, () =>
          resolve({
            host: address,
            port: (server.address() as net.AddressInfo).port,
            close: () =>
              new Promise<void>((done) => {
                for (const socket of sockets) socket.destroy();
                server.close(() => done());
              }),
          }),
        );
      }),
  };
}

/** Answers each command line with `answer(line)` (undefined: stay silent). */
function onLines(socket: net.Socket, answer: (line: string) => string | undefined): void {
  let buffer = "";
  const listener = (chunk: Buffer) => {
    buffer += chunk.toString("latin1");
    for (let end = buffer.indexOf("\n"); end >= 0; end = buffer.indexOf("\n")) {
      const line = buffer.slice(0, end).replace(/\r$/, "");
      buffer = buffer.slice(end + 1);
      const reply = answer(line);
      if (reply === "STARTTLS") {
        socket.off("data", listener);
        return;
      }
      if (reply !== undefined) socket.write(reply);
    }
  };
  socket.on("data", listener);
}

const HOSTILE = {
  silent: 30,
  endless: 31,
  slow: 32,
  goAway: 33,
  garbage: 34,
  ehloSilent: 35,
  ehloGarbage: 36,
  tlsSilent: 37,
};

const STS_POLICIES: Record<string, string> = {
  [`mta-sts.${D}`]: `version: STSv1\r\nmode: enforce\r\nmx: mx1.${D}\r\nmax_age: 604800\r\n`,
  [`mta-sts.stsbad.${D}`]: "version: STSv1\r\nmode: enforce\r\nmx: mail.elsewhere.test\r\nmax_age: 604800\r\n",
};

function stsServer(): ScenarioServer {
  const names = [`mta-sts.${D}`, `mta-sts.stsbad.${D}`, `mta-sts.stsmissing.${D}`];
  return {
    name: names[0]!,
    address: ip(20),
    start: async (pki, address) => {
      const leaf = await pki.issueLeaf({ commonName: names[0], dnsNames: names });
      return startHttpsServer({
        host: address,
        port: 443,
        chain: chainPem(leaf, pki.intermediate),
        key: leaf.keyPem,
        nonStandardMethods: [],
        handler: (req, res) => {
          const policy = req.url === "/.well-known/mta-sts.txt" ? STS_POLICIES[(req.headers.host ?? "").toLowerCase()] : undefined;
          res.writeHead(policy ? 200 : 404, { "Content-Type": "text/plain" });
          res.end(policy ?? "not found");
        },
      });
    },
  };
}

/** The SHA-256 of the SPKI of the RSA-2048 leaf key the test PKI reuses: the "3 1 1" data of every lab MX. */
async function leafSpkiSha256(): Promise<string> {
  const pki = await createTestPki();
  try {
    const leaf = await pki.issueLeaf({ dnsNames: ["tlsa.invalid"], key: { type: "RSA", bits: 2048 } });
    const spki = new X509Certificate(leaf.certPem).publicKey.export({ type: "spki", format: "der" });
    return createHash("sha256").update(spki).digest("hex");
  } finally {
    await pki.cleanup();
  }
}

let lab: Lab;

beforeAll(async () => {
  const spki = await leafSpkiSha256();
  const wrong = "00".repeat(32);
  lab = await startLab(
    [
      postfix(`mx1.${D}`, 1, { withTls: true, recipients: [`alice@${D}`, `postmaster@${D}`] }),
      postfix(`mx-plain.${D}`, 3),
      postfix(`mx-wrong.${D}`, 4, { withTls: true, certNames: ["other.example.test"] }),
      // Not `openRelay: true`: its "smtpd_relay_restrictions = permit" has no reject_unauth_destination, which smtpd
      // refuses to run with. Relaying for every network is the same open relay.
      postfix(`relay.${D}`, 5, { mainCf: { mynetworks: "0.0.0.0/0", smtpd_relay_restrictions: "permit_mynetworks, reject_unauth_destination" } }),
      postfix(`helo.${D}`, 6, { mainCf: { smtpd_delay_reject: "no", smtpd_helo_required: "yes", smtpd_helo_restrictions: "reject" } }),
      postfix(`amx.${D}`, 7, { withTls: true }),
      stsServer(),
      scripted(HOSTILE.silent, () => {}),
      scripted(HOSTILE.endless, (socket) => {
        socket.write("220 ");
        const timer = setInterval(() => socket.write("x".repeat(1024)), 5);
        socket.on("close", () => clearInterval(timer));
      }),
      scripted(HOSTILE.slow, (socket) => {
        const banner = Buffer.from("220 slow.contoso.test ESMTP\r\n");
        let sent = 0;
        const timer = setInterval(() => (sent < banner.length ? socket.write(banner.subarray(sent, ++sent)) : clearInterval(timer)), 1000);
        socket.on("close", () => clearInterval(timer));
      }),
      scripted(HOSTILE.goAway, (socket) => socket.end("554 5.7.1 go away\r\n")),
      scripted(HOSTILE.garbage, (socket) => socket.end(DEFAULT_GARBAGE)),
      scripted(HOSTILE.ehloSilent, (socket) => {
        socket.write("220 quiet.contoso.test ESMTP\r\n");
      }),
      scripted(HOSTILE.ehloGarbage, (socket) => {
        socket.write("220 noisy.contoso.test ESMTP\r\n");
        onLines(socket, () => "Hello? This is not SMTP.\r\n");
      }),
      scripted(HOSTILE.tlsSilent, (socket, pki) => {
        // Issued while banner and EHLO go by, so the ClientHello finds the TLS socket ready.
        const leaf = pki.issueLeaf({ dnsNames: [`hostile${HOSTILE.tlsSilent}.${D}`] });
        socket.write("220 mute.contoso.test ESMTP\r\n");
        onLines(socket, (line) => {
          if (/^EHLO/i.test(line)) return "250-mute.contoso.test\r\n250 STARTTLS\r\n";
          if (!/^STARTTLS/i.test(line)) return undefined;
          socket.pause();
          void leaf.then((issued) => {
            // TLS, then silence: EHLO over TLS gets no answer.
            const secure = new tls.TLSSocket(socket, { isServer: true, cert: chainPem(issued, pki.intermediate), key: issued.keyPem });
            secure.on("error", () => {});
            socket.write("220 2.0.0 go ahead\r\n");
          });
          return "STARTTLS";
        });
      }),
    ],
    { [`dead.${D}`]: [ip(2)], [`mta-sts.stsbad.${D}`]: [ip(20)], [`mta-sts.stsmissing.${D}`]: [ip(20)] },
    {
      timeoutMs: TIMEOUT_MS,
      dns: {
        listen: ip(53),
        mx: {
          [D]: [{ exchange: `mx1.${D}`, preference: 10 }],
          // Listed worst first: the analyzer must sort by preference.
          [`failover.${D}`]: [
            { exchange: `mx1.${D}`, preference: 20 },
            { exchange: `dead.${D}`, preference: 10 },
          ],
          [`plain.${D}`]: [{ exchange: `mx-plain.${D}`, preference: 10 }],
          [`wrongname.${D}`]: [{ exchange: `mx-wrong.${D}`, preference: 10 }],
          [`nullmx.${D}`]: [{ exchange: ".", preference: 0 }],
          [`stsbad.${D}`]: [{ exchange: `mx1.${D}`, preference: 10 }],
          [`stsmissing.${D}`]: [{ exchange: `mx1.${D}`, preference: 10 }],
        },
        // TXT records as extra arguments: the fixture's `txt` option keeps its quotes in the record (no shell unquotes them).
        extraArgs: [
          `--txt-record=_mta-sts.${D},v=STSv1; id=20240101`,
          `--txt-record=_smtp._tls.${D},v=TLSRPTv1; rua=mailto:tls-reports@${D}`,
          `--txt-record=_mta-sts.stsbad.${D},v=STSv1; id=1`,
          `--txt-record=_mta-sts.stsmissing.${D},v=STSv1; id=1`,
          `--dns-rr=_${PORT}._tcp.mx1.${D},52,030101${spki}`,
          `--dns-rr=_${PORT}._tcp.mx-wrong.${D},52,030101${wrong}`,
        ],
      },
    },
  );
}, 120_000);

afterAll(async () => {
  await lab?.stop();
});

const inbound = (input: Record<string, unknown>) => analyze({ test: "smtp-inbound", port: PORT, ...input });
const hostile = (octet: number, extra: Record<string, unknown> = {}) =>
  inbound({ host: ip(octet), port: lab.port(`hostile${octet}.${D}`), relayCheck: false, ...extra });
const codes = (result: TestResult) => allSteps(result.steps).map((entry) => entry.code);

describe("inbound SMTP: the whole path", () => {
  it("a domain whose MX offers STARTTLS with a valid certificate, MTA-STS, DANE and TLS-RPT passes", async () => {
    const result = await inbound({ domain: D, recipient: `alice@${D}` });
    expect(problems(result)).toEqual([]);
    expect(result.verdict).toBe("success");
    expect(step(result, "smtp.mx").details?.mx).toEqual([{ preference: 10, exchange: `mx1.${D}`, addresses: [ip(1)] }]);
    expect(step(result, "smtp.banner").message).toContain(`matches the reverse DNS of ${ip(1)}`);
    expect(step(result, "smtp.ehlo").details?.extensions).toContain("STARTTLS: encryption offered");
    expect(step(result, "smtp.starttls").status).toBe("success");
    expect(step(result, "tls.certificate.name").status).toBe("success");
    expect(step(result, "smtp.ehlo-tls").status).toBe("success");
    expect(step(result, "smtp.recipient").status).toBe("success");
    expect(step(result, "smtp.relay").status).toBe("success");
    expect(step(result, "smtp.relay").message).toContain("not an open relay");
    expect(step(result, "smtp.mta-sts").message).toContain("mode enforce");
    expect(step(result, "smtp.dane").status).toBe("success");
    expect(step(result, "smtp.tls-rpt").status).toBe("success");
    // Never DATA: the transcript holds RSET after every RCPT TO.
    const transcript = allSteps(result.steps).flatMap((entry) => (entry.details?.transcript as string[] | undefined) ?? []);
    expect(transcript.some((line) => /^C: DATA/i.test(line))).toBe(false);
    expect(transcript).toContain("C: RSET");
  });

  it("a recipient the server doesn't know is SMTP_RECIPIENT_REJECTED with the server's words", async () => {
    const result = await inbound({ domain: D, recipient: `bob@${D}`, relayCheck: false });
    expect(step(result, "smtp.recipient").status).toBe("error");
    expect(step(result, "smtp.recipient").problem).toBe("SMTP_RECIPIENT_REJECTED");
    expect(step(result, "smtp.recipient").message).toMatch(/550/);
    expect(codes(result)).not.toContain("smtp.relay");
    expect(result.verdict).toBe("error");
  });

  it("an open relay is SMTP_OPEN_RELAY", async () => {
    const result = await inbound({ host: `relay.${D}` });
    expect(step(result, "smtp.mx").status).toBe("info");
    expect(step(result, "smtp.relay").problem).toBe("SMTP_OPEN_RELAY");
    expect(step(result, "smtp.relay").status).toBe("error");
    expect(step(result, "smtp.mta-sts").status).toBe("skipped");
  });
});

describe("inbound SMTP: MX records", () => {
  it("tries the MX hosts in preference order: a dead first one, then a working second one", async () => {
    const result = await inbound({ domain: `failover.${D}`, relayCheck: false });
    expect((step(result, "smtp.mx").details?.mx as Array<{ exchange: string }>).map((entry) => entry.exchange)).toEqual([`dead.${D}`, `mx1.${D}`]);
    const hosts = allSteps(result.steps).filter((entry) => entry.code === "smtp.mx-host");
    expect(hosts.map((entry) => entry.status)).toEqual(["warning", "success"]);
    expect(hosts[0]!.problem).toBe("TCP_REFUSED");
    expect(step(result, "smtp.mx-result").status).toBe("success");
    expect(step(result, "smtp.mx-result").message).toContain(`after dead.${D} failed`);
    expect(result.verdict).toBe("warning");
  });

  it("without MX records the domain's own address is used (RFC 5321 §5.1)", async () => {
    const result = await inbound({ domain: `amx.${D}`, relayCheck: false });
    expect(step(result, "smtp.mx").status).toBe("info");
    expect(step(result, "smtp.mx").message).toContain("no MX record");
    expect(step(result, "smtp.mx-host").status).toBe("success");
    expect(step(result, "smtp.starttls").status).toBe("success");
  });

  it("a null MX is SMTP_NULL_MX and nothing else runs", async () => {
    const result = await inbound({ domain: `nullmx.${D}` });
    expect(step(result, "smtp.mx").problem).toBe("SMTP_NULL_MX");
    expect(result.steps.map((entry) => entry.code)).toEqual(["smtp.mx"]);
    expect(result.verdict).toBe("error");
  });

  it("neither MX nor address is DNS_NO_RECORD", async () => {
    const result = await inbound({ domain: `nothing.${D}` });
    expect(step(result, "smtp.mx").problem).toBe("DNS_NO_RECORD");
    expect(result.verdict).toBe("error");
  });
});

describe("inbound SMTP: STARTTLS and the certificate", () => {
  it("a server without STARTTLS is SMTP_STARTTLS_MISSING; the dialog goes on unencrypted", async () => {
    const result = await inbound({ domain: `plain.${D}` });
    expect(step(result, "smtp.starttls").problem).toBe("SMTP_STARTTLS_MISSING");
    expect(codes(result)).not.toContain("smtp.ehlo-tls");
    expect(step(result, "smtp.relay").status).toBe("success");
    expect(step(result, "smtp.dane").status).toBe("info");
    expect(step(result, "smtp.tls-rpt").status).toBe("info");
    expect(step(result, "smtp.mta-sts").status).toBe("info");
  });

  it("a certificate for another name is a warning with the opportunistic-TLS note; a TLSA record not matching is DANE_MISMATCH", async () => {
    const result = await inbound({ domain: `wrongname.${D}`, relayCheck: false });
    expect(step(result, "tls.certificate.name").status).toBe("warning");
    expect(step(result, "tls.certificate.name").problem).toBe("CERT_NAME_MISMATCH");
    expect(step(result, "smtp.starttls").status).toBe("warning");
    expect(step(result, "smtp.starttls").message).toContain("opportunistically");
    expect(step(result, "smtp.ehlo-tls").status).toBe("success");
    expect(step(result, "smtp.dane").problem).toBe("DANE_MISMATCH");
    expect(step(result, "smtp.dane").status).toBe("error");
  });
});

describe("inbound SMTP: MTA-STS and TLS-RPT", () => {
  it("an enforce policy that doesn't name the MX host is MTA_STS_INVALID; no TLS-RPT beside it is TLSRPT_MISSING", async () => {
    const result = await inbound({ domain: `stsbad.${D}`, relayCheck: false });
    expect(step(result, "smtp.mta-sts").status).toBe("error");
    expect(step(result, "smtp.mta-sts").problem).toBe("MTA_STS_INVALID");
    expect(step(result, "smtp.mta-sts").message).toContain("match");
    expect(step(result, "smtp.tls-rpt").status).toBe("warning");
    expect(step(result, "smtp.tls-rpt").problem).toBe("TLSRPT_MISSING");
  });

  it("a record whose policy can't be fetched (404) is MTA_STS_INVALID", async () => {
    const result = await inbound({ domain: `stsmissing.${D}`, relayCheck: false });
    expect(step(result, "smtp.mta-sts").problem).toBe("MTA_STS_INVALID");
    expect(step(result, "smtp.mta-sts").message).toContain("404");
  });
});

describe("inbound SMTP: refusals and hostile servers fail clearly, on time", () => {
  it("a server that refuses EHLO is SMTP_EHLO_REJECTED", async () => {
    const result = await inbound({ host: `helo.${D}` });
    expect(step(result, "smtp.ehlo").problem).toBe("SMTP_EHLO_REJECTED");
    expect(step(result, "smtp.mx-result").problem).toBe("SMTP_EHLO_REJECTED");
    expect(step(result, "smtp.starttls").status).toBe("skipped");
  });

  const banners: Array<[string, number, RegExp]> = [
    ["silent after connect", HOSTILE.silent, /nothing/],
    ["an endless banner line", HOSTILE.endless, /longer than/],
    ["one byte a second", HOSTILE.slow, /only part of a line/],
    ['"554 go away"', HOSTILE.goAway, /554/],
    ["garbage", HOSTILE.garbage, /isn't an SMTP reply/],
  ];
  for (const [what, octet, reason] of banners) {
    it(`a server sending ${what} is SMTP_BANNER within the time budget`, async () => {
      const started = Date.now();
      const result = await hostile(octet);
      expect(Date.now() - started).toBeLessThan(3 * TIMEOUT_MS);
      expect(step(result, "smtp.banner").status).toBe("error");
      expect(step(result, "smtp.banner").problem).toBe("SMTP_BANNER");
      expect(step(result, "smtp.banner").message).toMatch(reason);
      expect(step(result, "smtp.mx-result").problem).toBe("SMTP_BANNER");
      expect(result.verdict).toBe("error");
    });
  }

  it("silence after EHLO is PROTOCOL_TIMEOUT", async () => {
    const started = Date.now();
    const result = await hostile(HOSTILE.ehloSilent);
    expect(Date.now() - started).toBeLessThan(3 * TIMEOUT_MS);
    expect(step(result, "smtp.banner").problem).toBe("SMTP_BANNER"); // its banner names another host than the reverse DNS
    expect(step(result, "smtp.ehlo").problem).toBe("PROTOCOL_TIMEOUT");
    expect(step(result, "smtp.mx-result").problem).toBe("PROTOCOL_TIMEOUT");
  });

  it("garbage in answer to EHLO is PROTOCOL_ERROR", async () => {
    const result = await hostile(HOSTILE.ehloGarbage);
    expect(step(result, "smtp.ehlo").problem).toBe("PROTOCOL_ERROR");
  });

  it("silence after the TLS handshake fails EHLO over TLS, and the later steps say why they were skipped", async () => {
    const started = Date.now();
    const result = await hostile(HOSTILE.tlsSilent, { relayCheck: true });
    expect(Date.now() - started).toBeLessThan(4 * TIMEOUT_MS);
    expect(step(result, "smtp.starttls").status).not.toBe("error");
    expect(step(result, "smtp.ehlo-tls").problem).toBe("PROTOCOL_TIMEOUT");
    expect(step(result, "smtp.relay").status).toBe("skipped");
  });
});
