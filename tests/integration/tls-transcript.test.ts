import "reflect-metadata";
import { constants as cryptoConstants, createCipheriv, createHmac, randomBytes, webcrypto } from "node:crypto";
import { once } from "node:events";
import * as net from "node:net";
import * as tls from "node:tls";
import * as x509 from "@peculiar/x509";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hkdfExpandLabel, tlsPrf } from "../../lib/net/tls/key-schedule";
import { parseKeylogLine } from "../../lib/net/tls/keylog";
import { tapTls, type TlsTap } from "../../lib/net/tls/tap";
import { analyzeServerTranscript, type TranscriptFacts } from "../../lib/net/tls/transcript";

// ---------------------------------------------------------------------------------------------
// Test PKI, generated at run time: root → intermediate → leaf (EC P-256), plus an RSA leaf, a leaf
// large enough to need several TLS records, and unrelated fillers for the certificate cap.

const EC = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const RSA = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };

interface Issued {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
  pem: string;
  der: Buffer;
  keyPem: string;
}

async function issue(subject: string, options: { issuer?: Issued; ca?: boolean; dns?: string[]; rsa?: boolean } = {}): Promise<Issued> {
  const keys = (await webcrypto.subtle.generateKey(options.rsa ? RSA : EC, true, ["sign", "verify"])) as CryptoKeyPair;
  const extensions: x509.Extension[] = options.ca
    ? [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      ]
    : [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.ExtendedKeyUsageExtension(["1.3.6.1.5.5.7.3.1"]),
        new x509.SubjectAlternativeNameExtension((options.dns ?? ["localhost"]).map((value) => ({ type: "dns" as const, value }))),
      ];
  const validity = { notBefore: new Date(Date.now() - 3600_000), notAfter: new Date(Date.now() + 86400_000) };
  const cert = options.issuer
    ? await x509.X509CertificateGenerator.create({
        subject,
        issuer: options.issuer.cert.subject,
        publicKey: keys.publicKey,
        signingKey: options.issuer.keys.privateKey,
        signingAlgorithm: EC,
        extensions,
        ...validity,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({ name: subject, keys, signingAlgorithm: EC, extensions, ...validity });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString("base64").replace(/.{64}/g, "$&\n")}\n-----END PRIVATE KEY-----\n`;
  return { cert, keys, pem: `${cert.toString("pem")}\n`, der: Buffer.from(cert.rawData), keyPem };
}

let root: Issued;
let intermediate: Issued;
let leaf: Issued;
let rsaLeaf: Issued;
let bigLeaf: Issued;
let fillers: Issued[];

beforeAll(async () => {
  root = await issue("CN=Transcript Test Root", { ca: true });
  intermediate = await issue("CN=Transcript Test Intermediate", { ca: true, issuer: root });
  leaf = await issue("CN=localhost", { issuer: intermediate });
  rsaLeaf = await issue("CN=localhost RSA", { issuer: intermediate, rsa: true });
  const names = Array.from({ length: 800 }, (_, i) => `host-${String(i).padStart(4, "0")}.transcript.example.test`);
  bigLeaf = await issue("CN=localhost big", { issuer: intermediate, dns: ["localhost", ...names] });
  fillers = [];
  for (let i = 0; i < 24; i++) fillers.push(await issue(`CN=Filler ${i}`, { ca: true }));
}, 60_000);

const chains = {
  "in order (leaf, intermediate, root)": () => [leaf, intermediate, root],
  "out of order (leaf, root, intermediate)": () => [leaf, root, intermediate],
};

function pemOf(chain: Issued[]): string {
  return chain.map((c) => c.pem).join("");
}

// ---------------------------------------------------------------------------------------------
// Servers and a client that goes through the tap.

const servers: net.Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
});

async function listen(server: net.Server): Promise<number> {
  servers.push(server);
  const sockets = new Set<net.Socket>();
  server.on("connection", (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  const close = server.close.bind(server);
  server.close = (cb?: (err?: Error) => void) => {
    for (const s of sockets) s.destroy();
    return close(cb);
  };
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as net.AddressInfo).port;
}

async function tlsServer(options: tls.TlsOptions, onSecure?: (socket: tls.TLSSocket) => void): Promise<number> {
  const server = tls.createServer(options, (socket) => {
    socket.on("error", () => {});
    if (onSecure) onSecure(socket);
    else socket.end("hello");
  });
  server.on("tlsClientError", () => {});
  return listen(server);
}

interface Connection {
  tap: TlsTap;
  facts: TranscriptFacts;
  keylog: Buffer[];
  received: Buffer;
  serverBytes: Buffer;
  error?: Error;
  raw: net.Socket;
}

async function connect(
  port: number,
  options: {
    client?: tls.ConnectionOptions;
    wireKeylog?: boolean;
    maxBytes?: number;
    upload?: Buffer;
  } = {},
): Promise<Connection> {
  const raw = net.connect(port, "127.0.0.1");
  const serverChunks: Buffer[] = [];
  raw.on("data", (d: Buffer) => serverChunks.push(d));
  const tap = tapTls(raw, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
  const socket = tls.connect({ socket: tap.stream, servername: "localhost", rejectUnauthorized: false, ...options.client });
  const keylog: Buffer[] = [];
  socket.on("keylog", (line) => {
    keylog.push(line);
    if (options.wireKeylog !== false) tap.addKeylog(line);
  });
  const received: Buffer[] = [];
  socket.on("data", (d: Buffer) => received.push(d));
  let error: Error | undefined;
  socket.on("error", (e) => (error = e));
  if (options.upload) {
    const upload = options.upload;
    socket.once("secureConnect", () => socket.end(upload));
  }
  // Not events.once(): it rejects when "error" comes first, and errors are expected here.
  await new Promise((resolve) => socket.on("close", resolve));
  return {
    tap,
    facts: tap.facts(),
    keylog,
    received: Buffer.concat(received),
    serverBytes: Buffer.concat(serverChunks),
    error,
    raw,
  };
}

function ders(chain: Issued[]): string[] {
  return chain.map((c) => c.der.toString("hex"));
}

function hexes(certs: Buffer[]): string[] {
  return certs.map((c) => c.toString("hex"));
}

// ---------------------------------------------------------------------------------------------

describe("key derivation", () => {
  it("HKDF-Expand-Label matches RFC 8448 §3 (server handshake key and iv)", () => {
    const secret = Buffer.from("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38", "hex");
    expect(hkdfExpandLabel("sha256", secret, "key", Buffer.alloc(0), 16).toString("hex")).toBe("3fce516009c21727d0f2e4e86ee403bc");
    expect(hkdfExpandLabel("sha256", secret, "iv", Buffer.alloc(0), 12).toString("hex")).toBe("5d313eb2671276ee13000b30");
  });

  it("the TLS 1.2 PRF matches the published SHA-256 test vector", () => {
    const out = tlsPrf(
      0x0303,
      "sha256",
      Buffer.from("9bbe436ba940f017b17652849a71db35", "hex"),
      "test label",
      Buffer.from("a0ba9f936cda311827a6f796ffd5198c", "hex"),
      100,
    );
    expect(out.toString("hex")).toBe(
      "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff70187347b66",
    );
  });
});

describe("tapTls: TLS 1.2", () => {
  for (const [name, chain] of Object.entries(chains)) {
    it(`reports the chain as sent, ${name}`, async () => {
      const port = await tlsServer({ key: leaf.keyPem, cert: pemOf(chain()), maxVersion: "TLSv1.2" });
      const c = await connect(port);
      expect(c.error).toBeUndefined();
      expect(c.received.toString()).toBe("hello");
      expect(hexes(c.facts.certificates)).toEqual(ders(chain()));
      expect(c.facts.protocol).toBe("TLSv1.2");
      expect(c.facts.cipherSuite).toBe(0xc02b); // ECDHE-ECDSA-AES128-GCM-SHA256
      expect(c.facts.certificateRequested).toBe(false);
      expect(c.facts.notes).toEqual([]);
    });
  }

  it("needs no key log for the certificates, and says what it could not see", async () => {
    const port = await tlsServer({ key: leaf.keyPem, cert: pemOf([leaf, root, intermediate]), maxVersion: "TLSv1.2" });
    const c = await connect(port, { wireKeylog: false });
    expect(hexes(c.facts.certificates)).toEqual(ders([leaf, root, intermediate]));
    expect(c.facts.certificateRequested).toBe(false);
    expect(c.facts.notes.join("\n")).toMatch(/no CLIENT_RANDOM key log line.*renegotiation would not be seen/);
  });

  it("detects a CertificateRequest in the handshake (requestCert) and its CA list", async () => {
    const port = await tlsServer({
      key: leaf.keyPem,
      cert: pemOf([leaf, intermediate]),
      maxVersion: "TLSv1.2",
      requestCert: true,
      rejectUnauthorized: false,
      ca: root.pem,
    });
    const c = await connect(port, { wireKeylog: false });
    expect(c.facts.certificateRequested).toBe(true);
    expect(c.facts.certificateRequestedIn).toBe("handshake");
    expect(c.facts.certificateAuthorities.map((n) => n.toString("hex"))).toEqual([Buffer.from(root.cert.subjectName.toArrayBuffer()).toString("hex")]);
    expect(hexes(c.facts.certificates)).toEqual(ders([leaf, intermediate]));
  });

  it("reassembles a Certificate message spread over several records", async () => {
    expect(bigLeaf.der.length).toBeGreaterThan(16384);
    const port = await tlsServer({ key: bigLeaf.keyPem, cert: pemOf([bigLeaf, intermediate, root]), maxVersion: "TLSv1.2" });
    const c = await connect(port);
    expect(hexes(c.facts.certificates)).toEqual(ders([bigLeaf, intermediate, root]));
    expect(c.facts.notes).toEqual([]);
  });

  // Renegotiation-based client certificate requests (IIS without "negotiate client certificate")
  // are inside the encrypted stream; they are visible when the CLIENT_RANDOM key log line is wired.
  const renegotiationCases: Array<{ name: string; ciphers: string; suite: number; rsa?: boolean; noEtm?: boolean; version?: tls.SecureVersion }> = [
    { name: "AES-128-GCM", ciphers: "ECDHE-ECDSA-AES128-GCM-SHA256", suite: 0xc02b },
    { name: "AES-256-GCM (SHA-384 PRF)", ciphers: "ECDHE-ECDSA-AES256-GCM-SHA384", suite: 0xc02c },
    { name: "ChaCha20-Poly1305", ciphers: "ECDHE-ECDSA-CHACHA20-POLY1305", suite: 0xcca9 },
    { name: "AES-128-CBC-SHA, encrypt-then-MAC", ciphers: "ECDHE-ECDSA-AES128-SHA", suite: 0xc009 },
    { name: "AES-256-CBC-SHA384, MAC-then-encrypt", ciphers: "ECDHE-ECDSA-AES256-SHA384", suite: 0xc024, noEtm: true },
    { name: "RSA key exchange, AES-128-CBC-SHA256", ciphers: "AES128-SHA256", suite: 0x003c, rsa: true, noEtm: true },
    { name: "TLS 1.1, AES-256-CBC-SHA", ciphers: "ECDHE-ECDSA-AES256-SHA@SECLEVEL=0", suite: 0xc00a, version: "TLSv1.1" },
    { name: "TLS 1.0, AES-128-CBC-SHA (chained IV)", ciphers: "ECDHE-ECDSA-AES128-SHA@SECLEVEL=0", suite: 0xc009, version: "TLSv1", noEtm: true },
  ];
  for (const t of renegotiationCases) {
    it(`detects a CertificateRequest sent by renegotiation (${t.name})`, async () => {
      const version = t.version ?? "TLSv1.2";
      const secureOptions = cryptoConstants.SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION | (t.noEtm ? cryptoConstants.SSL_OP_NO_ENCRYPT_THEN_MAC : 0);
      const serverLeaf = t.rsa ? rsaLeaf : leaf;
      const port = await tlsServer(
        {
          key: serverLeaf.keyPem,
          cert: pemOf([serverLeaf, intermediate]),
          minVersion: version,
          maxVersion: version,
          ciphers: t.ciphers,
          secureOptions,
        },
        (socket) => {
          socket.renegotiate({ requestCert: true, rejectUnauthorized: false }, (err) => {
            socket.end(err ? `renegotiation failed: ${err.message}` : "renegotiated");
          });
        },
      );
      const client = { ciphers: t.ciphers, minVersion: version, maxVersion: version };
      const c = await connect(port, { client });
      expect(c.received.toString()).toBe("renegotiated");
      expect(c.facts.protocol).toBe(version);
      expect(c.facts.cipherSuite).toBe(t.suite);
      expect(c.facts.notes).toEqual([]);
      expect(c.facts.certificateRequested).toBe(true);
      expect(c.facts.certificateRequestedIn).toBe("renegotiation");
      expect(hexes(c.facts.certificates)).toEqual(ders([serverLeaf, intermediate]));

      // Same server without the key log: the request is invisible, and a note says so.
      const blind = await connect(port, { client, wireKeylog: false });
      expect(blind.received.toString()).toBe("renegotiated");
      expect(blind.facts.certificateRequested).toBe(false);
      expect(blind.facts.notes.join("\n")).toMatch(/renegotiation would not be seen/);
    });
  }
});

describe("tapTls: TLS 1.3", () => {
  const suites: Array<[string, number]> = [
    ["TLS_AES_128_GCM_SHA256", 0x1301],
    ["TLS_AES_256_GCM_SHA384", 0x1302],
    ["TLS_CHACHA20_POLY1305_SHA256", 0x1303],
    ["TLS_AES_128_CCM_SHA256", 0x1304],
    ["TLS_AES_128_CCM_8_SHA256", 0x1305],
  ];
  for (const [suiteName, suite] of suites) {
    for (const [name, chain] of Object.entries(chains)) {
      it(`decrypts the chain as sent with ${suiteName}, ${name}`, async () => {
        const tls13: tls.TlsOptions = { minVersion: "TLSv1.3", maxVersion: "TLSv1.3", ciphers: suiteName };
        const port = await tlsServer({ key: leaf.keyPem, cert: pemOf(chain()), ...tls13 });
        const c = await connect(port, { client: { minVersion: "TLSv1.3", ciphers: suiteName } });
        expect(c.error).toBeUndefined();
        expect(c.received.toString()).toBe("hello");
        expect(c.facts.protocol).toBe("TLSv1.3");
        expect(c.facts.cipherSuite).toBe(suite);
        expect(hexes(c.facts.certificates)).toEqual(ders(chain()));
        expect(c.facts.certificateRequested).toBe(false);
        expect(c.facts.notes).toEqual([]);
      });
    }
  }

  it("detects a CertificateRequest (requestCert) and its CA list", async () => {
    const port = await tlsServer({
      key: leaf.keyPem,
      cert: pemOf([leaf, intermediate]),
      minVersion: "TLSv1.3",
      requestCert: true,
      rejectUnauthorized: false,
      ca: root.pem,
    });
    const c = await connect(port);
    expect(c.facts.protocol).toBe("TLSv1.3");
    expect(c.facts.certificateRequested).toBe(true);
    expect(c.facts.certificateRequestedIn).toBe("handshake");
    expect(c.facts.certificateAuthorities.map((n) => n.toString("hex"))).toEqual([Buffer.from(root.cert.subjectName.toArrayBuffer()).toString("hex")]);
    expect(hexes(c.facts.certificates)).toEqual(ders([leaf, intermediate]));
    expect(c.facts.notes).toEqual([]);
  });

  it("decrypts lazily: key log lines that arrive after the bytes still work", async () => {
    const port = await tlsServer({ key: leaf.keyPem, cert: pemOf([leaf, root, intermediate]), minVersion: "TLSv1.3" });
    const c = await connect(port, { wireKeylog: false });
    expect(c.facts.protocol).toBe("TLSv1.3");
    expect(c.facts.certificates).toEqual([]);
    expect(c.facts.notes.join("\n")).toMatch(/SERVER_HANDSHAKE_TRAFFIC_SECRET/);
    c.tap.addKeylog("this is not a key log line");
    c.tap.addKeylog(Buffer.from([0xff, 0x00, 0x20]));
    for (const line of c.keylog) c.tap.addKeylog(line);
    const facts = c.tap.facts();
    expect(hexes(facts.certificates)).toEqual(ders([leaf, root, intermediate]));
    expect(facts.notes).toEqual([]);
    expect(c.tap.facts()).toEqual(facts); // idempotent
  });

  it("follows a HelloRetryRequest", async () => {
    // The client sends an X25519 key share; a server that only accepts P-384 must ask again.
    const port = await tlsServer({ key: leaf.keyPem, cert: pemOf([leaf, intermediate]), minVersion: "TLSv1.3", ecdhCurve: "P-384" });
    const c = await connect(port);
    const helloRetryRandom = "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c";
    expect(c.serverBytes.subarray(11, 43).toString("hex")).toBe(helloRetryRandom);
    expect(hexes(c.facts.certificates)).toEqual(ders([leaf, intermediate]));
    expect(c.facts.notes).toEqual([]);
  });

  it("reassembles a Certificate message spread over several records", async () => {
    const port = await tlsServer({ key: bigLeaf.keyPem, cert: pemOf([bigLeaf, root, intermediate]), minVersion: "TLSv1.3" });
    const c = await connect(port);
    expect(hexes(c.facts.certificates)).toEqual(ders([bigLeaf, root, intermediate]));
    expect(c.facts.notes).toEqual([]);
  });

  it("sees a post-handshake CertificateRequest across a KeyUpdate (synthetic transcript)", () => {
    const t = syntheticTls13Transcript();
    const facts = analyzeServerTranscript(
      t.bytes,
      t.keylog.map((l) => parseKeylogLine(l)!),
    );
    expect(facts.protocol).toBe("TLSv1.3");
    expect(facts.cipherSuite).toBe(0x1301);
    expect(hexes(facts.certificates)).toEqual(ders([leaf, intermediate]));
    expect(facts.certificateRequested).toBe(true);
    expect(facts.certificateRequestedIn).toBe("post-handshake");
    expect(facts.certificateAuthorities.map((n) => n.toString("latin1"))).toEqual(["fake-dn-1", "fake-dn-2"]);
    expect(facts.notes).toEqual([]);

    // Without the application traffic secret the handshake is still visible.
    const partial = analyzeServerTranscript(t.bytes, [parseKeylogLine(t.keylog[0]!)!]);
    expect(partial.certificates).toHaveLength(2);
    expect(partial.certificateRequested).toBe(false);
    expect(partial.notes.join("\n")).toMatch(/SERVER_TRAFFIC_SECRET_0/);
  });
});

describe("tapTls: hostile or unusual servers", () => {
  it("does not throw on a server that speaks HTTP, and says so", async () => {
    const server = net.createServer((s) => {
      s.on("error", () => {});
      s.end("HTTP/1.1 400 Bad Request\r\n\r\n");
    });
    const port = await listen(server);
    const c = await connect(port);
    expect(c.error).toBeDefined();
    expect(c.facts.certificates).toEqual([]);
    expect(c.facts.certificateRequested).toBe(false);
    expect(c.facts.protocol).toBeUndefined();
    expect(c.facts.notes).toHaveLength(1);
    expect(c.facts.notes[0]).toMatch(/did not answer with TLS.*HTTP\/1\.1 400/);
  });

  it("notes a server that closes without sending anything", async () => {
    const server = net.createServer((s) => s.end());
    const port = await listen(server);
    const c = await connect(port);
    expect(c.facts.certificates).toEqual([]);
    expect(c.facts.notes).toEqual(["no bytes received from the server yet"]);
  });

  it("keeps at most 20 certificates", async () => {
    const chain = [leaf, ...fillers];
    const port = await tlsServer({ key: leaf.keyPem, cert: pemOf(chain), maxVersion: "TLSv1.2" });
    const c = await connect(port);
    expect(hexes(c.facts.certificates)).toEqual(ders(chain.slice(0, 20)));
    expect(c.facts.notes.join("\n")).toMatch(/more than 20 certificates/);
  });

  it("stops at maxBytes with a note", async () => {
    const port = await tlsServer({ key: leaf.keyPem, cert: pemOf([leaf, intermediate, root]), maxVersion: "TLSv1.2" });
    const c = await connect(port, { maxBytes: 200 });
    expect(c.received.toString()).toBe("hello"); // forwarding is not capped
    expect(c.facts.protocol).toBe("TLSv1.2");
    expect(c.facts.certificates).toEqual([]);
    expect(c.facts.notes.join("\n")).toMatch(/maxBytes/);
  });

  it("never throws on mutated transcripts", async () => {
    const port12 = await tlsServer({
      key: leaf.keyPem,
      cert: pemOf([leaf, intermediate]),
      maxVersion: "TLSv1.2",
      requestCert: true,
      rejectUnauthorized: false,
    });
    const port13 = await tlsServer({
      key: leaf.keyPem,
      cert: pemOf([leaf, intermediate]),
      minVersion: "TLSv1.3",
      requestCert: true,
      rejectUnauthorized: false,
    });
    const synthetic = syntheticTls13Transcript();
    const samples = [
      { bytes: (await connect(port12)).serverBytes, keylog: [] as string[] },
      await connect(port13).then((c) => ({ bytes: c.serverBytes, keylog: c.keylog.map((l) => l.toString()) })),
      synthetic,
    ];
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (const sample of samples) {
      const keylog = sample.keylog.map((l) => parseKeylogLine(l)!);
      expect(analyzeServerTranscript(sample.bytes, keylog).certificates).toHaveLength(2);
      for (let i = 0; i < 400; i++) {
        const bytes = Buffer.from(sample.bytes);
        const mutations = 1 + random(4);
        for (let m = 0; m < mutations; m++) bytes[random(bytes.length)] = random(256);
        const cut = random(3) === 0 ? bytes.subarray(0, random(bytes.length)) : bytes;
        const facts = analyzeServerTranscript(cut, keylog);
        expect(facts.notes.filter((n) => n.startsWith("internal error"))).toEqual([]);
        expect(facts.certificates.length).toBeLessThanOrEqual(20);
      }
    }
  });
});

describe("tapTls: the stream", () => {
  it("carries large amounts of data both ways with backpressure", async () => {
    const port = await tlsServer({ key: leaf.keyPem, cert: pemOf([leaf, intermediate]), minVersion: "TLSv1.3" }, (socket) => socket.pipe(socket));
    const upload = randomBytes(3 * 1024 * 1024);
    const c = await connect(port, { upload });
    expect(c.error).toBeUndefined();
    expect(c.received.equals(upload)).toBe(true);
    expect(hexes(c.facts.certificates)).toEqual(ders([leaf, intermediate]));
    expect(c.facts.notes.join("\n")).toMatch(/maxBytes/);
  });

  it("destroying the TLS socket destroys the raw socket, and vice versa", async () => {
    const port = await tlsServer({ key: leaf.keyPem, cert: pemOf([leaf, intermediate]) }, () => {});

    const raw1 = net.connect(port, "127.0.0.1");
    const tap1 = tapTls(raw1);
    const socket1 = tls.connect({ socket: tap1.stream, servername: "localhost", rejectUnauthorized: false });
    await once(socket1, "secureConnect");
    socket1.destroy();
    await once(raw1, "close");
    expect(tap1.stream.destroyed).toBe(true);

    const raw2 = net.connect(port, "127.0.0.1");
    const tap2 = tapTls(raw2);
    const socket2 = tls.connect({ socket: tap2.stream, servername: "localhost", rejectUnauthorized: false });
    socket2.on("keylog", (line) => tap2.addKeylog(line));
    socket2.on("error", () => {});
    await once(socket2, "secureConnect");
    raw2.destroy();
    await once(socket2, "close");
    expect(tap2.stream.destroyed).toBe(true);
    expect(hexes(tap2.facts().certificates)).toEqual(ders([leaf, intermediate]));
  });

  it("passes socket errors on", async () => {
    const server = net.createServer((s) => s.resetAndDestroy());
    const port = await listen(server);
    const c = await connect(port);
    expect(c.error).toBeDefined();
    expect(c.facts.certificates).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// A TLS 1.3 server flight built by hand (AES-128-GCM), with things Node's server never sends:
// a post-handshake CertificateRequest after a KeyUpdate, messages split across and packed into
// records, and record padding. Encryption here is written independently of the code under test.

function u8(n: number): Buffer {
  return Buffer.from([n]);
}
function u16(n: number): Buffer {
  return Buffer.from([n >> 8, n & 0xff]);
}
function u24(n: number): Buffer {
  return Buffer.from([n >> 16, (n >> 8) & 0xff, n & 0xff]);
}
function handshake(type: number, body: Buffer): Buffer {
  return Buffer.concat([u8(type), u24(body.length), body]);
}
function record(type: number, body: Buffer): Buffer {
  return Buffer.concat([u8(type), u16(0x0303), u16(body.length), body]);
}

function expandLabel(secret: Buffer, label: string, length: number): Buffer {
  const full = Buffer.from(`tls13 ${label}`);
  const info = Buffer.concat([u16(length), u8(full.length), full, u8(0)]);
  return createHmac("sha256", secret).update(info).update(u8(1)).digest().subarray(0, length);
}

function sealer(secret: Buffer) {
  const key = expandLabel(secret, "key", 16);
  const iv = expandLabel(secret, "iv", 12);
  let seq = 0n;
  return (type: number, content: Buffer, padding = 0): Buffer => {
    const nonce = Buffer.from(iv);
    const s = Buffer.alloc(8);
    s.writeBigUInt64BE(seq++);
    for (let i = 0; i < 8; i++) nonce[4 + i]! ^= s[i]!;
    const inner = Buffer.concat([content, u8(type), Buffer.alloc(padding)]);
    const header = Buffer.concat([u8(23), u16(0x0303), u16(inner.length + 16)]);
    const cipher = createCipheriv("aes-128-gcm", key, nonce);
    cipher.setAAD(header);
    const body = Buffer.concat([cipher.update(inner), cipher.final(), cipher.getAuthTag()]);
    return Buffer.concat([header, body]);
  };
}

function syntheticTls13Transcript(): { bytes: Buffer; keylog: string[] } {
  const clientRandom = randomBytes(32);
  const hsSecret = randomBytes(32);
  const appSecret = randomBytes(32);
  const serverHello = handshake(2, Buffer.concat([u16(0x0303), randomBytes(32), u8(0), u16(0x1301), u8(0), u16(6), u16(0x002b), u16(2), u16(0x0304)]));
  const entry = (der: Buffer) => Buffer.concat([u24(der.length), der, u16(0)]);
  const certList = Buffer.concat([entry(leaf.der), entry(intermediate.der)]);
  const certificate = handshake(11, Buffer.concat([u8(0), u24(certList.length), certList]));
  const names = Buffer.concat(["fake-dn-1", "fake-dn-2"].map((n) => Buffer.concat([u16(n.length), Buffer.from(n)])));
  const caExtension = Buffer.concat([u16(47), u16(names.length + 2), u16(names.length), names]);
  const sigAlgs = Buffer.concat([u16(13), u16(4), u16(2), u16(0x0403)]);
  const certificateRequest = handshake(13, Buffer.concat([u8(4), Buffer.from("ctx1"), u16(caExtension.length + sigAlgs.length), sigAlgs, caExtension]));

  const hs = sealer(hsSecret);
  const app = sealer(appSecret);
  const next = sealer(expandLabel(appSecret, "traffic upd", 32));
  const split = 100;
  const bytes = Buffer.concat([
    record(22, serverHello),
    record(20, u8(1)), // middlebox compatibility ChangeCipherSpec
    hs(22, handshake(8, u16(0))), // EncryptedExtensions
    hs(22, certificate.subarray(0, split), 7), // Certificate split over two records, padded
    hs(22, Buffer.concat([certificate.subarray(split), handshake(15, randomBytes(40))])),
    hs(22, handshake(20, randomBytes(32))), // Finished
    app(22, handshake(4, randomBytes(60))), // NewSessionTicket
    app(23, Buffer.from("HTTP/1.1 200 OK\r\n\r\n")),
    app(22, handshake(24, u8(0))), // KeyUpdate
    next(23, Buffer.from("more application data"), 30),
    next(22, certificateRequest),
  ]);
  const line = (label: string, secret: Buffer) => `${label} ${clientRandom.toString("hex")} ${secret.toString("hex")}\n`;
  return {
    bytes,
    keylog: [line("SERVER_HANDSHAKE_TRAFFIC_SECRET", hsSecret), line("SERVER_TRAFFIC_SECRET_0", appSecret)],
  };
}
