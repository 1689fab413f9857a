import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "node:tls";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestInputSchema } from "@/lib/analyzers/catalog";
import { resetEnvForTests } from "@/lib/config/env";
import { analyze, DOMAIN, problems, startLab, step, type Lab, type ScenarioServer } from "../support/lab";
import { chainPem, type TestPki } from "../support/pki";
import { freeClosedPort, startGarbageServer, startHttpsServer, startPlainHttpServer, startSilentServer } from "../support/servers";

const DAY = 86_400_000;
const execFileAsync = promisify(execFile);
const name = (label: string) => `${label}.${DOMAIN}`;

/** A scenario serving `chain(pki)` for `label`.contoso.test on its own loopback address. */
function tlsScenario(
  label: string,
  octet: number,
  chain: (pki: TestPki, host: string) => Promise<{ chain: string; key: string; minVersion?: "TLSv1"; maxVersion?: "TLSv1" }>,
): ScenarioServer {
  const host = name(label);
  return {
    name: host,
    address: `127.0.10.${octet}`,
    start: async (pki, address) => {
      const served = await chain(pki, host);
      servedChains.set(host, served.chain);
      return startHttpsServer({ host: address, ...served });
    },
  };
}

/** Every chain a scenario serves, by host name: the certificate-file test must judge each as the served one is judged. */
const servedChains = new Map<string, string>();

function leafScenario(
  label: string,
  octet: number,
  options: Parameters<TestPki["issueLeaf"]>[0] = {},
  order: "normal" | "leaf-only" | "wrong" = "normal",
): ScenarioServer {
  return tlsScenario(label, octet, async (pki, host) => {
    const leaf = await pki.issueLeaf({ commonName: host, dnsNames: [host], ...options });
    const issuer = options.issuer === "untrustedIntermediate" ? pki.untrustedIntermediate : pki.intermediate;
    // The untrusted hierarchy's root is sent too: without it the path would stop at a missing issuer, not at a root.
    const root = options.issuer === "untrustedIntermediate" ? [pki.untrustedRoot] : [];
    const chain =
      options.issuer === "self" || order === "leaf-only"
        ? chainPem(leaf)
        : order === "wrong"
          ? chainPem(leaf, pki.root, issuer)
          : chainPem(leaf, issuer, ...root);
    return { chain, key: leaf.keyPem };
  });
}

const now = Date.now();
const SCENARIOS: ScenarioServer[] = [
  leafScenario("good", 1),
  tlsScenario("wrongname", 2, async (pki) => {
    const leaf = await pki.issueLeaf({ commonName: name("other"), dnsNames: [name("other")] });
    return { chain: chainPem(leaf, pki.intermediate), key: leaf.keyPem };
  }),
  leafScenario("expired", 3, { notBefore: new Date(now - 400 * DAY), notAfter: new Date(now - 2 * DAY) }),
  leafScenario("notyet", 4, { notBefore: new Date(now + 5 * DAY), notAfter: new Date(now + 400 * DAY) }),
  leafScenario("selfsigned", 5, { issuer: "self" }),
  leafScenario("untrusted", 6, { issuer: "untrustedIntermediate" }),
  leafScenario("nointermediate", 7, {}, "leaf-only"),
  tlsScenario("untrustedca", 22, async (pki, host) => {
    // An intermediate whose issuer (here an untrusted root) is neither sent nor trusted: the path stops at it.
    const leaf = await pki.issueLeaf({ commonName: host, dnsNames: [host], issuer: "untrustedIntermediate" });
    return { chain: chainPem(leaf, pki.untrustedIntermediate), key: leaf.keyPem };
  }),
  leafScenario("wrongorder", 8, {}, "wrong"),
  tlsScenario("mail.wild", 9, async (pki) => {
    const leaf = await pki.issueLeaf({ commonName: `*.wild.${DOMAIN}`, dnsNames: [`*.wild.${DOMAIN}`] });
    return { chain: chainPem(leaf, pki.intermediate), key: leaf.keyPem };
  }),
  leafScenario("sha1", 10, { key: { type: "RSA", bits: 2048 }, signatureHash: "SHA-1" }),
  leafScenario("rsa1024", 11, { key: { type: "RSA", bits: 1024 } }),
  leafScenario("clientauth", 12, { eku: ["clientAuth"] }),
  leafScenario("expiring", 13, { notAfter: new Date(now + 10 * DAY) }),
  leafScenario("cnonly", 14, { dnsNames: [] }),
  tlsScenario("tls10", 18, async (pki, host) => {
    const leaf = await pki.issueLeaf({ commonName: host, dnsNames: [host], key: { type: "RSA", bits: 2048 } });
    return { chain: chainPem(leaf, pki.intermediate), key: leaf.keyPem, minVersion: "TLSv1" as const, maxVersion: "TLSv1" as const };
  }),
  tlsScenario("legacy", 23, async (pki, host) => {
    const leaf = await pki.issueLeaf({ commonName: host, dnsNames: [host] });
    // Negotiates TLS 1.3 with current clients, but still accepts TLS 1.0 and 1.1 from old ones.
    return { chain: chainPem(leaf, pki.intermediate), key: leaf.keyPem, minVersion: "TLSv1" as const };
  }),
  tlsScenario("hugechain", 19, async (pki, host) => {
    const leaf = await pki.issueLeaf({ commonName: host, dnsNames: [host] });
    // 30 copies of the intermediate after the leaf: more than any real chain, and more than the analyzer keeps.
    return { chain: chainPem(leaf, ...Array.from({ length: 30 }, () => pki.intermediate)), key: leaf.keyPem };
  }),
  tlsScenario("hostile", 21, async (pki) => {
    const leaf = await pki.issueLeaf({ commonName: '<img src=x onerror=alert(1)>\u0007\u202e"evil', dnsNames: [name("somewhere-else")] });
    return { chain: chainPem(leaf, pki.intermediate), key: leaf.keyPem };
  }),
  {
    // A mail server's TLS port that speaks ALPN for its own protocol only: it refuses "http/1.1" with no_application_protocol.
    name: name("imaponly"),
    address: "127.0.10.24",
    start: async (pki, address) => {
      const leaf = await pki.issueLeaf({ commonName: name("imaponly"), dnsNames: [name("imaponly")] });
      return startHttpsServer({ host: address, chain: chainPem(leaf, pki.intermediate), key: leaf.keyPem, tlsOptions: { ALPNProtocols: ["imap"] } });
    },
  },
  { name: name("plainhttp"), address: "127.0.10.15", start: (_pki, address) => startPlainHttpServer({ host: address }) },
  { name: name("silent"), address: "127.0.10.16", start: (_pki, address) => startSilentServer({ host: address }) },
  {
    name: name("garbage"),
    address: "127.0.10.17",
    start: (_pki, address) =>
      startGarbageServer({ host: address, payload: Buffer.from([0x16, 0x03, 0x03, 0xff, 0xff, 1, 2, 3]), then: "reset", waitForClientData: true }),
  },
];

let lab: Lab;
let closedPort: number;

beforeAll(async () => {
  lab = await startLab(SCENARIOS, { [name("deep.mail.wild")]: ["127.0.10.9"], [name("closed")]: ["127.0.10.20"] });
  closedPort = await freeClosedPort("127.0.10.20");
});

afterAll(async () => {
  await lab?.stop();
});

const run = (label: string, extra: Record<string, unknown> = {}) =>
  analyze({ test: "tls-certificate", host: name(label), port: lab.port(name(label.replace(/^deep\./, ""))), ...extra });

describe("tls-certificate against real TLS servers on loopback", () => {
  it("passes a good chain, naming the negotiated protocol and the chain as sent", async () => {
    const result = await run("good");
    expect(result.verdict).toBe("success");
    expect(problems(result)).toEqual([]);
    const obtain = step(result, "tls.certificate.obtain");
    expect(obtain.details?.protocol).toBe("TLSv1.3");
    const chain = obtain.details?.chainAsSent as Array<{ subject: string }>;
    expect(chain.map((c) => c.subject)).toEqual([expect.stringContaining(`CN=${name("good")}`), expect.stringContaining("RCA Test Issuing CA 1")]);
    expect(step(result, "tls.certificate.trust").children.map((c) => c.title)).toEqual([
      expect.stringContaining(name("good")),
      expect.stringContaining("RCA Test Issuing CA 1"),
      expect.stringContaining("RCA Test Root CA"),
    ]);
  });

  it.each([
    ["wrongname", "tls.certificate.name", "CERT_NAME_MISMATCH"],
    ["expired", "tls.certificate.dates", "CERT_EXPIRED"],
    ["notyet", "tls.certificate.dates", "CERT_NOT_YET_VALID"],
    ["selfsigned", "tls.certificate.trust", "CERT_SELF_SIGNED"],
    ["untrusted", "tls.certificate.trust", "CERT_UNTRUSTED_ROOT"],
    ["nointermediate", "tls.certificate.trust", "CERT_CHAIN_INCOMPLETE"],
    ["untrustedca", "tls.certificate.trust", "CERT_CHAIN_INCOMPLETE"],
    ["sha1", "tls.certificate.strength", "CERT_WEAK_SIGNATURE"],
    ["rsa1024", "tls.certificate.strength", "CERT_WEAK_KEY"],
    ["clientauth", "tls.certificate.usage", "CERT_NOT_FOR_SERVER_AUTH"],
    ["deep.mail.wild", "tls.certificate.name", "CERT_NAME_MISMATCH"],
  ])("%s fails %s with %s", async (label, code, problem) => {
    const result = await run(label);
    expect(result.verdict).toBe("error");
    const failed = step(result, code);
    expect(failed.status).toBe("error");
    expect(failed.problem).toBe(problem);
    expect(step(result, "tls.certificate").status).toBe("error");
  });

  it("tells a chain stopping at an intermediate whose issuer is missing apart from an untrusted root, naming both", async () => {
    const stops = step(await run("untrustedca"), "tls.certificate.trust");
    expect(stops.message).toContain(
      'The chain stops at the intermediate certificate "CN=Evil Issuing CA 1, O=Evil Corp": its issuer "CN=Evil Root CA, O=Evil Corp"',
    );
    expect(stops.details?.openssl).toMatchObject({ authorized: false, error: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY" });
    const root = step(await run("untrusted"), "tls.certificate.trust");
    expect(root.message).toContain('ends at the root "CN=Evil Root CA, O=Evil Corp"');
    expect(root.details?.openssl).toMatchObject({ authorized: false, error: "SELF_SIGNED_CERT_IN_CHAIN" });
  });

  it("refuses trust in an expired server certificate too, as OpenSSL does", async () => {
    const trust = step(await run("expired"), "tls.certificate.trust");
    expect(trust).toMatchObject({ status: "error", problem: "CERT_EXPIRED" });
    expect(trust.message).toContain(`The server certificate "CN=${name("expired")}, O=RCA Test Servers" expired on`);
    expect(trust.details?.openssl).toMatchObject({ authorized: false, error: "CERT_HAS_EXPIRED" });
  });

  it("never reports trusted a chain OpenSSL refuses: a client-authentication-only certificate", async () => {
    // The path obeys RFC 5280, but OpenSSL refuses the certificate for a TLS server (its Extended Key Usage).
    const trust = step(await run("clientauth"), "tls.certificate.trust");
    expect(trust).toMatchObject({ status: "error", problem: "CERT_CHAIN_INVALID" });
    expect(trust.message).toContain("OpenSSL refuses this certificate chain (INVALID_PURPOSE");
  });

  it("records both verdicts on a trusted chain", async () => {
    const trust = step(await run("good"), "tls.certificate.trust");
    expect(trust.details).toMatchObject({ openssl: { authorized: true }, validation: { accepted: true, chain: "trusted", violations: [] } });
  });

  it("warns when the chain is sent out of order but is otherwise trusted", async () => {
    const result = await run("wrongorder");
    expect(result.verdict).toBe("warning");
    expect(step(result, "tls.certificate.trust").problem).toBe("CERT_CHAIN_ORDER");
  });

  it("warns when the certificate expires within 30 days", async () => {
    const result = await run("expiring");
    expect(result.verdict).toBe("warning");
    const dates = step(result, "tls.certificate.dates");
    expect(dates.problem).toBe("CERT_EXPIRING_SOON");
    expect(dates.message).toMatch(/expires in (9|10) days/);
  });

  it("matches a one-label wildcard", async () => {
    const result = await run("mail.wild");
    expect(step(result, "tls.certificate.name").status).toBe("success");
    expect(step(result, "tls.certificate.name").message).toContain(`wildcard *.wild.${DOMAIN}`);
  });

  it("uses the common name only when there are no SANs, and says so", async () => {
    const result = await run("cnonly");
    const check = step(result, "tls.certificate.name");
    expect(check.status).toBe("success");
    expect(check.message).toContain("no Subject Alternative Names");
  });

  it("turns certificate errors into warnings with Ignore trust for SSL", async () => {
    const result = await run("expired", { ignoreTrust: true });
    expect(result.verdict).toBe("warning");
    expect(step(result, "tls.certificate.dates")).toMatchObject({ status: "warning", problem: "CERT_EXPIRED" });
  });

  it("reports plain HTTP on the TLS port as not speaking TLS", async () => {
    const result = await run("plainhttp");
    const obtain = step(result, "tls.certificate.obtain");
    expect(obtain.problem).toBe("TLS_NOT_SPOKEN");
    // Said in words, the server's own bytes never echoed (no banner grabbing)
    expect(obtain.message).toContain("plain text that looks like HTTP");
    expect(JSON.stringify(obtain)).not.toMatch(/400|Bad Request|HTTP\/1\.1/);
    expect(step(result, "tls.certificate.name").status).toBe("skipped");
  });

  it("fails a silent listener within the timeout instead of hanging", async () => {
    const started = Date.now();
    const result = await run("silent");
    expect(step(result, "tls.certificate.obtain").problem).toBe("TLS_HANDSHAKE_FAILED");
    expect(step(result, "tls.certificate.obtain").message).toContain("sent nothing");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("fails a server that sends garbage and resets", async () => {
    const result = await run("garbage");
    expect(result.verdict).toBe("error");
    expect(["TLS_HANDSHAKE_FAILED", "CONNECTION_FAILED", "TLS_NOT_SPOKEN"]).toContain(step(result, "tls.certificate.obtain").problem);
  });

  it("reports a closed port as refused and skips the certificate", async () => {
    const result = await analyze({ test: "tls-certificate", host: name("closed"), port: closedPort });
    expect(step(result, "tcp.connect").problem).toBe("TCP_REFUSED");
    expect(step(result, "tls.certificate").status).toBe("skipped");
    expect(step(result, "tls.certificate").message).toContain("Testing TCP port");
  });

  it("reports an unknown name as having no DNS record", async () => {
    const result = await analyze({ test: "tls-certificate", host: name("nosuchhost"), port: 443 });
    expect(step(result, "dns.resolve").problem).toBe("DNS_NO_RECORD");
    expect(step(result, "tcp.connect").status).toBe("skipped");
  });

  it("refuses loopback targets unless private targets are allowed", async () => {
    process.env.RCA_ALLOW_PRIVATE_TARGETS = "false";
    resetEnvForTests();
    try {
      for (const host of [name("good"), "127.0.0.1", "2130706433", "0x7f.1", "[::ffff:127.0.0.1]"]) {
        const result = await analyze({ test: "tls-certificate", host, port: lab.port(name("good")) });
        expect(step(result, "dns.resolve").problem, host).toBe("TARGET_FORBIDDEN");
        expect(step(result, "tcp.connect").status).toBe("skipped");
      }
      // A name that resolves to a forbidden address is refused without saying which: that would map internal DNS
      const named = step(await analyze({ test: "tls-certificate", host: name("good"), port: 443 }), "dns.resolve");
      expect(named.message).toBe(
        `This analyzer doesn't connect to ${name("good")}: it resolves to a loopback address, and only public addresses are allowed. The operator can allow private targets with RCA_ALLOW_PRIVATE_TARGETS=true.`,
      );
      expect(JSON.stringify(named)).not.toContain("127.0.10.1");
      // A single-label name is refused before any lookup: it would resolve through this server's search domains
      const single = step(await analyze({ test: "tls-certificate", host: "exchange01", port: 443 }), "dns.resolve");
      expect(single).toMatchObject({ problem: "TARGET_FORBIDDEN", details: { rule: "single-label name" } });
      expect(lab.dns.log()).not.toContain("exchange01");
    } finally {
      process.env.RCA_ALLOW_PRIVATE_TARGETS = "true";
      resetEnvForTests();
    }
  });

  it("fails a server that negotiates TLS 1.0 when offered up to TLS 1.3 (no TLS 1.2), and still judges its certificate", async () => {
    const result = await run("tls10");
    const obtain = step(result, "tls.certificate.obtain");
    expect(obtain).toMatchObject({ status: "error", problem: "TLS_PROTOCOL_OBSOLETE" });
    expect(obtain.details).toMatchObject({ protocol: "TLSv1", offered: "TLS 1.0 to TLS 1.3" });
    expect(obtain.message).toContain("current Outlook, Windows and Microsoft 365 clients cannot connect. Enable TLS 1.2.");
    for (const check of ["tls.certificate.name", "tls.certificate.trust", "tls.certificate.dates", "tls.certificate.usage"])
      expect(step(result, check).status, check).toBe("success");
    expect(step(result, "tls.certificate").status).toBe("error");
    expect(result.verdict).toBe("error");
  });

  it("keeps at most 20 certificates of an absurdly long chain and still judges it", async () => {
    const result = await run("hugechain");
    const chain = step(result, "tls.certificate.obtain").details?.chainAsSent as unknown[];
    expect(chain).toHaveLength(20);
    expect(step(result, "tls.certificate.trust").status).toBe("success");
  });

  it("stores hostile certificate text without control characters, as plain text", async () => {
    const result = await run("hostile");
    const certificate = step(result, "tls.certificate.obtain").details?.certificate as { subject: string; subjectCommonNames: string[] };
    expect(certificate.subjectCommonNames[0]).toContain("<img src=x onerror=alert(1)>");
    for (const text of [certificate.subject, ...certificate.subjectCommonNames]) expect(text).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(step(result, "tls.certificate.name").problem).toBe("CERT_NAME_MISMATCH");
  });

  it("tests an IPv6 literal target, matching the certificate's IP address SAN", async () => {
    const leaf = await lab.pki.issueLeaf({ commonName: "ipv6 test server", ipAddresses: ["::1"] });
    const server = await startHttpsServer({ host: "::1", chain: chainPem(leaf, lab.pki.intermediate), key: leaf.keyPem });
    try {
      for (const host of ["::1", "[::1]", "0:0:0:0:0:0:0:1"]) {
        const result = await analyze({ test: "tls-certificate", host, port: server.port });
        expect(result.input.host).toBe("::1");
        expect(step(result, "dns.resolve").message).toContain("no DNS lookup");
        expect(step(result, "tls.certificate.name")).toMatchObject({ status: "success" });
        expect(result.verdict).toBe("success");
      }
    } finally {
      await server.close();
    }
  });

  it("lists the protocol versions a current server accepts", async () => {
    const result = await run("good");
    const protocols = step(result, "tls.protocols");
    expect(protocols.status).toBe("success");
    expect(protocols.details).toMatchObject({ accepted: ["TLS 1.2", "TLS 1.3"], refused: ["TLS 1.0", "TLS 1.1"] });
  });

  it("warns about a server that still accepts TLS 1.0 and 1.1, even when it negotiates TLS 1.3", async () => {
    const result = await run("legacy");
    expect(step(result, "tls.certificate.obtain").details?.protocol).toBe("TLSv1.3");
    expect(step(result, "tls.protocols")).toMatchObject({ status: "warning", problem: "TLS_PROTOCOL_OBSOLETE" });
    expect(step(result, "tls.protocols").message).toContain("TLS 1.0 and TLS 1.1 are obsolete");
    expect(result.verdict).toBe("warning");
  });

  it("still checks the protocols when the certificate is invalid, but not when there is no certificate", async () => {
    expect(step(await run("expired"), "tls.protocols").status).toBe("success");
    const plain = await run("plainhttp");
    expect(step(plain, "tls.protocols")).toMatchObject({ status: "skipped", message: expect.stringContaining("no SSL certificate could be obtained") });
  });

  it("offers no ALPN, so a server that refuses http/1.1 is still judged", async () => {
    // The peer really refuses a client that offers http/1.1…
    const refused = await new Promise<string>((resolve) => {
      const socket = connect({
        host: "127.0.10.24",
        port: lab.port(name("imaponly")),
        servername: name("imaponly"),
        ALPNProtocols: ["http/1.1"],
        rejectUnauthorized: false,
      });
      socket.once("secureConnect", () => {
        socket.destroy();
        resolve("connected");
      });
      socket.once("error", (error) => resolve(error.message));
    });
    expect(refused).toMatch(/no application protocol/i);
    // …and the certificate test, which offers none, reads its certificate and judges it.
    const result = await run("imaponly");
    expect(step(result, "tls.certificate.obtain").status).toBe("success");
    expect(result.verdict).toBe("success");
  });
});

describe("certificate-file: a pasted chain is judged exactly as the same chain served", () => {
  const CHECKS = ["tls.certificate.name", "tls.certificate.trust", "tls.certificate.dates", "tls.certificate.strength", "tls.certificate.usage"];
  const outcome = (result: Awaited<ReturnType<typeof analyze>>) =>
    Object.fromEntries(CHECKS.map((code) => [code, { status: step(result, code).status, problem: step(result, code).problem }]));

  it("reaches the same verdict on every chain the TLS scenarios serve", async () => {
    expect(servedChains.size).toBeGreaterThanOrEqual(15);
    for (const [host, chain] of servedChains) {
      const served = await analyze({ test: "tls-certificate", host, port: lab.port(host) });
      const pasted = await analyze({ test: "certificate-file", certificates: chain, host });
      expect({ host, ...outcome(pasted) }).toEqual({ host, ...outcome(served) });
      expect(step(pasted, "certfile.read").status).toBe("success");
    }
  });

  it("checks every host name it must serve, on the go-live date, with the principal Outlook needs", async () => {
    const chain = servedChains.get(name("good"))!;
    const ok = await analyze({
      test: "certificate-file",
      certificates: chain,
      host: `${name("good")}, ${name("other")}`,
      mutualAuthPrincipal: `msstd:${name("good")}`,
    });
    const names = step(ok, "tls.certificate.name");
    expect(names.status).toBe("error");
    expect(names.children.map((child) => [child.title, child.status, child.problem])).toEqual([
      [expect.stringContaining(name("good")), "success", undefined],
      [expect.stringContaining(name("other")), "error", "CERT_NAME_MISMATCH"],
    ]);
    expect(step(ok, "certfile.principal").status).toBe("success");

    const later = await analyze({ test: "certificate-file", certificates: chain, at: new Date(Date.now() + 800 * DAY).toISOString().slice(0, 10) });
    expect(step(later, "tls.certificate.dates").problem).toBe("CERT_EXPIRED");

    const wrongPrincipal = await analyze({ test: "certificate-file", certificates: chain, mutualAuthPrincipal: "msstd:owa.contoso.com" });
    const principal = step(wrongPrincipal, "certfile.principal");
    expect(principal.problem).toBe("MUTUAL_AUTH_MISMATCH");
    expect(principal.message).toContain(`msstd:${name("good")}`);

    const advice = await analyze({ test: "certificate-file", certificates: chain });
    expect(step(advice, "certfile.principal").message).toContain(`Set-OutlookProvider EXPR -CertPrincipalName:"msstd:${name("good")}"`);
  });

  it("trusts a private root pasted with the test, and reads a PKCS #7 bundle", async () => {
    const chain = servedChains.get(name("untrustedca"))!;
    const untrusted = await analyze({ test: "certificate-file", certificates: chain, host: name("untrustedca") });
    expect(step(untrusted, "tls.certificate.trust").status).toBe("error");
    const trusted = await analyze({ test: "certificate-file", certificates: chain, host: name("untrustedca"), trustedRoots: lab.pki.untrustedRoot.certPem });
    expect(step(trusted, "tls.certificate.trust").status).toBe("success");

    const pkcs7 = await toPkcs7(servedChains.get(name("good"))!);
    const bundle = await analyze({ test: "certificate-file", certificates: pkcs7, host: name("good") });
    expect(step(bundle, "certfile.read").message).toContain("Read 2 certificates");
    expect(bundle.verdict).toBe("success");
  });

  it("refuses a private key before anything runs, naming the field, and fails clearly on a damaged certificate", async () => {
    const leaf = await lab.pki.issueLeaf({ commonName: name("keyed") });
    const parsed = TestInputSchema.safeParse({ test: "certificate-file", certificates: `${leaf.certPem}\n${leaf.keyPem}` });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["certificates"]);
    expect(parsed.error?.issues[0]?.message).toContain("private key");

    const damaged = await analyze({ test: "certificate-file", certificates: "-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----" });
    expect(step(damaged, "certfile.read").problem).toBe("CERTIFICATE_FILE_INVALID");
    expect(damaged.verdict).toBe("error");
  });
});

/** The same chain as a PKCS #7 bundle (a .p7b), made by Debian's openssl. */
async function toPkcs7(chain: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "rca-p7b-"));
  try {
    await writeFile(join(dir, "chain.pem"), chain);
    await execFileAsync("openssl", ["crl2pkcs7", "-nocrl", "-certfile", join(dir, "chain.pem"), "-out", join(dir, "chain.p7b")]);
    return await readFile(join(dir, "chain.p7b"), "utf8");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
