import { execFile } from "node:child_process";
import { X509Certificate } from "node:crypto";
import dns from "node:dns";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startDnsmasq } from "../support/dnsmasq";
import { createTestPki, chainPem, type Issued, type TestPki } from "../support/pki";
import {
  freeClosedPort,
  rpcProxyHandler,
  startGarbageServer,
  startHttpsServer,
  startPlainHttpServer,
  startSilentServer,
  type RunningServer,
} from "../support/servers";

const HOST = "127.0.0.1";
const NAME = "mail.contoso.test";

let pki: TestPki;
let leaf: Issued;
let pkiMs = 0;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const t0 = Date.now();
  pki = await createTestPki();
  pkiMs = Date.now() - t0;
  leaf = await pki.issueLeaf({ commonName: NAME, dnsNames: [NAME, `autodiscover.contoso.test`], ipAddresses: [HOST] });
  cleanups.push(() => pki.cleanup());
}, 60_000);

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function track<T extends RunningServer>(s: T): T {
  cleanups.push(() => s.close());
  return s;
}

interface ConnectResult {
  authorized: boolean;
  authorizationError?: string;
  identityError?: Error;
  protocol: string | null;
  peerSubject: string;
}

function tlsConnect(port: number, opts: tls.ConnectionOptions = {}, host = HOST): Promise<ConnectResult> {
  return new Promise((resolve, reject) => {
    let identityError: Error | undefined;
    const socket = tls.connect({
      host,
      port,
      servername: NAME,
      ca: pki.root.certPem,
      rejectUnauthorized: false,
      checkServerIdentity: (hostname, cert) => {
        identityError = tls.checkServerIdentity(hostname, cert);
        return undefined;
      },
      ...opts,
    });
    socket.setTimeout(3000, () => socket.destroy(new Error("timeout")));
    socket.once("secureConnect", () => {
      const result: ConnectResult = {
        authorized: socket.authorized,
        authorizationError: socket.authorizationError ? String(socket.authorizationError) : undefined,
        identityError,
        protocol: socket.getProtocol(),
        peerSubject: socket.getPeerX509Certificate()?.subject ?? "",
      };
      socket.end();
      resolve(result);
    });
    socket.once("error", reject);
  });
}

/** Subjects of the certificates exactly as the server sent them (openssl s_client -showcerts). */
function sentChainSubjects(port: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "openssl",
      ["s_client", "-connect", `${HOST}:${port}`, "-servername", NAME, "-showcerts", "-cipher", "DEFAULT:@SECLEVEL=0"],
      { timeout: 10_000 },
      (err, stdout) => {
        const pems = stdout.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
        if (!pems) return reject(err ?? new Error("no certificates in s_client output"));
        resolve(pems.map((p) => new X509Certificate(p).subject.split("\n").find((l) => l.startsWith("CN=")) ?? ""));
      },
    );
    child.stdin?.end();
  });
}

function request(
  port: number,
  o: { method?: string; path?: string; headers?: Record<string, string>; body?: string; agent?: https.Agent },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; rawHeaders: string[]; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: HOST,
        port,
        method: o.method ?? "GET",
        path: o.path ?? "/",
        servername: NAME,
        ca: pki.root.certPem,
        headers: { ...(o.body !== undefined ? { "Content-Length": String(Buffer.byteLength(o.body)) } : {}), ...o.headers },
        agent: o.agent ?? false,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body }));
      },
    );
    req.on("error", reject);
    req.end(o.body);
  });
}

function expectTlsFailure(p: Promise<unknown>): Promise<NodeJS.ErrnoException> {
  return p.then(
    () => {
      throw new Error("expected the TLS connection to fail");
    },
    (err: NodeJS.ErrnoException) => err,
  );
}

describe("test PKI", () => {
  it("builds root → intermediate → leaf that verify with Node's X509Certificate", async () => {
    console.log(`createTestPki took ${pkiMs} ms`);
    const root = new X509Certificate(pki.root.certPem);
    const inter = new X509Certificate(pki.intermediate.certPem);
    const l = new X509Certificate(leaf.certPem);
    expect(root.ca).toBe(true);
    expect(inter.ca).toBe(true);
    expect(l.ca).toBe(false);
    expect(root.verify(root.publicKey)).toBe(true);
    expect(inter.verify(root.publicKey)).toBe(true);
    expect(inter.checkIssued(root)).toBe(true);
    expect(l.verify(inter.publicKey)).toBe(true);
    expect(l.checkIssued(inter)).toBe(true);
    expect(l.verify(root.publicKey)).toBe(false);
    expect(l.checkHost(NAME)).toBe(NAME);
    expect(l.checkIP(HOST)).toBe(HOST);
    expect(l.subject).toContain(`CN=${NAME}`);
    expect(inter.subject).toContain("CN=RCA Test Issuing CA 1");
    expect(root.subject).toContain("CN=RCA Test Root CA");
    expect(leaf.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    // SHA-256 RSA-2048 CAs
    expect(pki.root.cert.signatureAlgorithm).toMatchObject({ name: "RSASSA-PKCS1-v1_5", hash: { name: "SHA-256" } });
    expect(pki.intermediate.cert.signatureAlgorithm).toMatchObject({ hash: { name: "SHA-256" } });
  });

  it("honours key, hash, EKU, CN and issuer options", async () => {
    const weak = await pki.issueLeaf({ commonName: NAME, dnsNames: [NAME], key: { type: "RSA", bits: 1024 }, signatureHash: "SHA-1", eku: null });
    const w = new X509Certificate(weak.certPem);
    expect(w.publicKey.asymmetricKeyDetails?.modulusLength).toBe(1024);
    expect(weak.cert.signatureAlgorithm).toMatchObject({ name: "RSASSA-PKCS1-v1_5", hash: { name: "SHA-1" } });
    expect(w.verify(new X509Certificate(pki.intermediate.certPem).publicKey)).toBe(true);
    expect(w.keyUsage).toBeUndefined(); // Node's keyUsage = EKU list; none present

    const noCn = await pki.issueLeaf({ dnsNames: [NAME], eku: ["clientAuth"] });
    const n = new X509Certificate(noCn.certPem);
    expect(n.subject).not.toContain("CN=");
    expect(n.keyUsage).toEqual(["1.3.6.1.5.5.7.3.2"]);

    const evil = await pki.issueLeaf({ commonName: NAME, dnsNames: [NAME], issuer: "untrustedIntermediate" });
    const e = new X509Certificate(evil.certPem);
    expect(e.checkIssued(new X509Certificate(pki.untrustedIntermediate.certPem))).toBe(true);
    expect(e.checkIssued(new X509Certificate(pki.intermediate.certPem))).toBe(false);

    const self = await pki.issueLeaf({ commonName: NAME, issuer: "self" });
    const s = new X509Certificate(self.certPem);
    expect(s.verify(s.publicKey)).toBe(true);
    expect(s.issuer).toBe(s.subject);

    const expired = await pki.issueLeaf({ commonName: NAME, notBefore: new Date(Date.now() - 10 * 86400e3), notAfter: new Date(Date.now() - 86400e3) });
    expect(new Date(new X509Certificate(expired.certPem).validTo).getTime()).toBeLessThan(Date.now());
  });
});

describe("HTTPS servers", () => {
  it("serves a good chain: trusted, name matches, 200 OK, sent as leaf → intermediate", async () => {
    const srv = track(await startHttpsServer({ host: HOST, chain: chainPem(leaf, pki.intermediate), key: leaf.keyPem }));
    const r = await tlsConnect(srv.port);
    expect(r.authorized).toBe(true);
    expect(r.identityError).toBeUndefined();
    expect(r.protocol).toBe("TLSv1.3");
    expect(r.peerSubject).toContain(`CN=${NAME}`);
    const res = await request(srv.port, {});
    expect(res.status).toBe(200);
    expect(res.body).toBe("OK");
    expect(await sentChainSubjects(srv.port)).toEqual([`CN=${NAME}`, "CN=RCA Test Issuing CA 1"]);
  });

  it("fails name checks and trust where expected", async () => {
    const other = await pki.issueLeaf({ commonName: "other.contoso.test", dnsNames: ["other.contoso.test"] });
    const srv = track(await startHttpsServer({ host: HOST, chain: chainPem(other, pki.intermediate), key: other.keyPem }));
    const r = await tlsConnect(srv.port);
    expect(r.authorized).toBe(true);
    expect(r.identityError).toBeInstanceOf(Error);

    const leafOnly = track(await startHttpsServer({ host: HOST, chain: chainPem(leaf), key: leaf.keyPem }));
    const r2 = await tlsConnect(leafOnly.port);
    expect(r2.authorized).toBe(false);
    expect(r2.authorizationError).toBe("UNABLE_TO_VERIFY_LEAF_SIGNATURE");

    const evil = await pki.issueLeaf({ commonName: NAME, dnsNames: [NAME], issuer: "untrustedIntermediate" });
    const evilSrv = track(await startHttpsServer({ host: HOST, chain: chainPem(evil, pki.untrustedIntermediate, pki.untrustedRoot), key: evil.keyPem }));
    const r3 = await tlsConnect(evilSrv.port);
    expect(r3.authorized).toBe(false);
    expect(r3.authorizationError).toBe("SELF_SIGNED_CERT_IN_CHAIN");
  });

  it("sends a wrong-order chain (leaf, root, intermediate) exactly as given", async () => {
    const srv = track(await startHttpsServer({ host: HOST, chain: chainPem(leaf, pki.root, pki.intermediate), key: leaf.keyPem }));
    expect(await sentChainSubjects(srv.port)).toEqual([`CN=${NAME}`, "CN=RCA Test Root CA", "CN=RCA Test Issuing CA 1"]);
    const r = await tlsConnect(srv.port);
    // OpenSSL's client builds the path from the unordered pool, so the order alone does not break trust.
    expect(r.authorized).toBe(true);
  });

  it("serves an RSA-1024 / SHA-1 leaf to a SECLEVEL=0 client", async () => {
    const weak = await pki.issueLeaf({ commonName: NAME, dnsNames: [NAME], key: { type: "RSA", bits: 1024 }, signatureHash: "SHA-1" });
    const srv = track(await startHttpsServer({ host: HOST, chain: chainPem(weak, pki.intermediate), key: weak.keyPem }));
    const r = await tlsConnect(srv.port, { ciphers: "DEFAULT:@SECLEVEL=0" });
    expect(r.authorized).toBe(true);
    expect(r.identityError).toBeUndefined();
    // informational: what a default-security Node client says about the same server
    const strict = await tlsConnect(srv.port).then(
      (x) => `connected authorized=${x.authorized} ${x.authorizationError ?? ""}`,
      (e: NodeJS.ErrnoException) => `failed ${e.code ?? e.message}`,
    );
    console.log(`default-SECLEVEL client vs RSA-1024/SHA-1 leaf: ${strict}`);
  });

  it("honours maxVersion", async () => {
    const srv = track(await startHttpsServer({ host: HOST, chain: chainPem(leaf, pki.intermediate), key: leaf.keyPem, maxVersion: "TLSv1.2" }));
    expect((await tlsConnect(srv.port)).protocol).toBe("TLSv1.2");
  });

  it("requestCert: rejects a client without a certificate, accepts one with a clientAuth cert", async () => {
    const srv = track(
      await startHttpsServer({
        host: HOST,
        chain: chainPem(leaf, pki.intermediate),
        key: leaf.keyPem,
        requestCert: true,
        clientCa: [pki.root.certPem, pki.intermediate.certPem],
      }),
    );
    const noCert = await expectTlsFailure(request(srv.port, {}));
    console.log(`client without certificate: ${noCert.code ?? ""} ${noCert.message}`);
    expect(srv.requests).toHaveLength(0);

    const client = await pki.issueLeaf({ commonName: "alice", eku: ["clientAuth"] });
    const res = await new Promise<number>((resolve, reject) => {
      https
        .get(
          { host: HOST, port: srv.port, servername: NAME, ca: pki.root.certPem, cert: chainPem(client, pki.intermediate), key: client.keyPem, agent: false },
          (r) => {
            r.resume();
            resolve(r.statusCode ?? 0);
          },
        )
        .on("error", reject);
    });
    expect(res).toBe(200);
    expect(srv.requests.at(-1)?.clientCertAuthorized).toBe(true);
  });
});

describe("fake Exchange RPC proxy", () => {
  it("401 with one WWW-Authenticate per method, Basic accounts, NTLM hook, RPC_IN_DATA on keep-alive", async () => {
    const ntlmSeen: string[] = [];
    const srv = track(
      await startHttpsServer({
        host: HOST,
        chain: chainPem(leaf, pki.intermediate),
        key: leaf.keyPem,
        handler: rpcProxyHandler({
          methods: [`Basic realm="${NAME}"`, "NTLM", "Negotiate"],
          accounts: { "CONTOSO\\alice": "Passw0rd!" },
          onNtlm: (auth, _req, res) => {
            ntlmSeen.push(auth);
            res.writeHead(401, { "WWW-Authenticate": "NTLM TlRMTVNTUAACAAAA" });
            res.end();
            return true;
          },
        }),
      }),
    );
    const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const path = `/rpc/rpcproxy.dll?${NAME}:6001`;
      const anon = await request(srv.port, { method: "RPC_IN_DATA", path, body: "", agent });
      expect(anon.status).toBe(401);
      const www = anon.rawHeaders.filter((_, i, a) => i % 2 === 1 && a[i - 1]?.toLowerCase() === "www-authenticate");
      expect(www).toEqual([`Basic realm="${NAME}"`, "NTLM", "Negotiate"]);

      const basic = (u: string, p: string) => ({ Authorization: `Basic ${Buffer.from(`${u}:${p}`).toString("base64")}` });
      expect(
        (await request(srv.port, { method: "RPC_IN_DATA", path, headers: basic("contoso\\ALICE", "Passw0rd!"), body: "x".repeat(100), agent })).status,
      ).toBe(200);
      expect((await request(srv.port, { method: "RPC_OUT_DATA", path, headers: basic("CONTOSO\\alice", "wrong"), body: "", agent })).status).toBe(401);
      expect((await request(srv.port, { method: "GET", path, headers: basic("CONTOSO\\alice", "Passw0rd!"), agent })).status).toBe(200);
      expect((await request(srv.port, { method: "POST", path: "/owa/", body: "a=b", agent })).status).toBe(404);
      const ntlm = await request(srv.port, { method: "RPC_IN_DATA", path, headers: { Authorization: "NTLM TlRMTVNTUAABAAAA" }, body: "", agent });
      expect(ntlm.status).toBe(401);
      expect(ntlm.headers["www-authenticate"]).toBe("NTLM TlRMTVNTUAACAAAA");
      expect(ntlmSeen).toEqual(["NTLM TlRMTVNTUAABAAAA"]);

      expect(srv.requests.map((r) => r.method)).toEqual(["RPC_IN_DATA", "RPC_IN_DATA", "RPC_OUT_DATA", "GET", "POST", "RPC_IN_DATA"]);
      expect(srv.requests.every((r) => r.headers["x-rca-original-method"] === undefined)).toBe(true);
      expect(srv.connections).toBe(1); // all on one keep-alive connection
    } finally {
      agent.destroy();
    }
  });
});

describe("other peers", () => {
  it("plain HTTP on the TLS port makes the TLS client fail", async () => {
    const srv = track(await startPlainHttpServer({ host: HOST }));
    const err = await expectTlsFailure(tlsConnect(srv.port));
    console.log(`TLS client vs plain HTTP: ${err.code ?? ""} ${err.message}`);
    expect(err.code ?? err.message).toMatch(/ERR_SSL|ECONNRESET|WRONG_VERSION|socket disconnected/i);
  });

  it("garbage server makes the TLS client fail; reset gives ECONNRESET", async () => {
    const g = track(await startGarbageServer({ host: HOST }));
    const err = await expectTlsFailure(tlsConnect(g.port));
    console.log(`TLS client vs garbage: ${err.code ?? ""} ${err.message}`);
    const rst = track(await startGarbageServer({ host: HOST, payload: Buffer.alloc(0), then: "reset", waitForClientData: true }));
    const err2 = await expectTlsFailure(tlsConnect(rst.port));
    expect(err2.code).toBe("ECONNRESET");
  });

  it("silent server accepts and sends nothing; close() destroys its sockets", async () => {
    const srv = await startSilentServer({ host: HOST });
    const socket = net.connect(srv.port, HOST);
    const received: Buffer[] = [];
    socket.on("data", (d: Buffer) => received.push(d));
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    socket.write("hello");
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toHaveLength(0);
    expect(srv.connections).toBe(1);
    expect(srv.received[0]?.toString()).toBe("hello");
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    socket.on("error", () => {});
    await srv.close();
    await closed;
  });

  it("freeClosedPort gives ECONNREFUSED", async () => {
    const port = await freeClosedPort(HOST);
    const err = await new Promise<NodeJS.ErrnoException>((resolve) => {
      const s = net.connect(port, HOST);
      s.once("connect", () => {
        s.destroy();
        resolve(new Error("connected?!"));
      });
      s.once("error", (e) => resolve(e));
    });
    expect(err.code).toBe("ECONNREFUSED");
  });
});

describe("dnsmasq", () => {
  it("answers host records, unknown names with ENOTFOUND, missing types with ENODATA", async () => {
    const t0 = Date.now();
    const d = await startDnsmasq({
      records: { [NAME]: ["127.0.0.10", "::1"], "other.contoso.test": ["127.0.0.11", "127.0.0.12"] },
      cnames: { "autodiscover.contoso.test": NAME },
      srv: { "_autodiscover._tcp.contoso.test": [{ target: NAME, port: 443 }] },
    });
    cleanups.push(() => d.stop());
    console.log(`dnsmasq ready in ${Date.now() - t0} ms at ${d.server}`);
    expect(d.server).toMatch(/^127\.0\.0\.53:\d+$/);
    const r = new dns.promises.Resolver({ timeout: 1000, tries: 1 });
    r.setServers([d.server]);
    expect(await r.resolve4(NAME)).toEqual(["127.0.0.10"]);
    expect(await r.resolve6(NAME)).toEqual(["::1"]);
    expect((await r.resolve4("other.contoso.test")).sort()).toEqual(["127.0.0.11", "127.0.0.12"]);
    expect(await r.resolve4("autodiscover.contoso.test")).toEqual(["127.0.0.10"]);
    expect(await r.resolveSrv("_autodiscover._tcp.contoso.test")).toEqual([{ name: NAME, port: 443, priority: 0, weight: 0 }]);
    await expect(r.resolve4("nope.contoso.test")).rejects.toMatchObject({ code: "ENOTFOUND" });
    await expect(r.resolve4("www.example.com")).rejects.toMatchObject({ code: "ENOTFOUND" });
    await expect(r.resolve6("other.contoso.test")).rejects.toMatchObject({ code: "ENODATA" });
    expect(d.log()).toContain(`query[A] ${NAME}`);
    await d.stop();
  });
});
