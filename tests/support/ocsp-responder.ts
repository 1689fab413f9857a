/**
 * Revocation peers for integration tests: a real OCSP responder (`openssl ocsp` from Debian) answering from an
 * index.txt, a TCP server that accepts connections and never answers, a small HTTP server for CRLs, and a TLS server
 * that staples (or doesn't) an OCSP response. Clients reach them on 127.0.140.x.
 *
 * OpenSSL 3.0's responder takes a port only (`-port N`), and listens on every address: it is started on a port that
 * was free on all of them, and reached on the responder's 127.0.140.x address.
 */
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import tls from "node:tls";
import { promisify } from "node:util";
import type { Issued } from "./pki";
import type { RunningServer } from "./servers";

const run = promisify(execFile);

export interface OcspEntry {
  cert: Issued;
  status: "good" | "revoked";
  /** default: a day ago */
  revokedAt?: Date;
  /** an RFC 5280 reason name, e.g. "keyCompromise"; default none */
  reason?: string;
}

export interface OcspResponderOptions {
  /** 127.0.140.x: the address clients use (the URL put in certificates). */
  host: string;
  /** The CA whose certificates it answers for (`-CA`). */
  issuer: Issued;
  /** Who signs the responses (`-rsigner`/`-rkey`): the CA itself by default, or a delegated responder certificate. */
  signer?: Issued;
  /** Certificates it knows; any other serial is "unknown". */
  entries: OcspEntry[];
  /** nextUpdate this many minutes after thisUpdate (`-nmin`); null: no nextUpdate. Default 60. */
  nextUpdateMinutes?: number | null;
  /** A port from `reservePort()`, when certificates must name the URL before the responder starts. Default: any free one. */
  port?: number;
}

export interface RunningOcspResponder extends RunningServer {
  /** `http://host:port/` */
  url: string;
}

/** Starts `openssl ocsp` as a responder. */
export async function startOcspResponder(options: OcspResponderOptions): Promise<RunningOcspResponder> {
  assertRevocationHost(options.host);
  const dir = await mkdtemp(join(tmpdir(), "rca-ocsp-"));
  const signer = options.signer ?? options.issuer;
  await Promise.all([
    writeFile(join(dir, "index.txt"), options.entries.map(indexLine).join("")),
    writeFile(join(dir, "ca.pem"), options.issuer.certPem),
    writeFile(join(dir, "signer.pem"), signer.certPem),
    writeFile(join(dir, "signer.key.pem"), signer.keyPem, { mode: 0o600 }),
  ]);
  const attempts = options.port === undefined ? 5 : 1;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const port = options.port ?? (await reservePort());
    const args = [
      "ocsp",
      "-index",
      join(dir, "index.txt"),
      "-port",
      String(port),
      "-rsigner",
      join(dir, "signer.pem"),
      "-rkey",
      join(dir, "signer.key.pem"),
      "-CA",
      join(dir, "ca.pem"),
      "-ignore_err",
      ...(options.nextUpdateMinutes === null ? [] : ["-nmin", String(options.nextUpdateMinutes ?? 60)]),
    ];
    const child = spawn("openssl", args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    if (await listening(child, () => output)) {
      return {
        host: options.host,
        port,
        url: `http://${options.host}:${port}/`,
        close: async () => {
          await stopChild(child);
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
    await stopChild(child);
    if (attempt === attempts - 1) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(`openssl ocsp didn't start: ${output}`);
    }
  }
  throw new Error("unreachable");
}

/** One line of an `openssl ca` index: status, expiry, revocation[,reason], serial, file, subject. */
function indexLine(entry: OcspEntry): string {
  const cert = entry.cert.cert;
  const revoked =
    entry.status === "revoked" ? `${opensslTime(entry.revokedAt ?? new Date(Date.now() - 24 * 60 * 60 * 1000))}${entry.reason ? `,${entry.reason}` : ""}` : "";
  const subject = `/${cert.subject.split(", ").reverse().join("/")}`;
  return `${entry.status === "revoked" ? "R" : "V"}\t${opensslTime(cert.notAfter)}\t${revoked}\t${cert.serialNumber.toUpperCase()}\tunknown\t${subject}\n`;
}

/** YYMMDDHHMMSSZ */
function opensslTime(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, "").slice(2, 14)}Z`;
}

/** A port free on every address (openssl binds them all): for a responder URL that certificates name before it starts. */
export function reservePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen({ port: 0, host: "::" }, () => {
      const port = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Waits for the responder to say it listens. Never by connecting to it: OpenSSL 3.0's responder spins forever on a
 * connection closed without a request, and answers nobody after that.
 */
async function listening(child: ChildProcess, output: () => string): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    if (output().includes("waiting for OCSP client connections")) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/**
 * Asks a responder with the `openssl ocsp` client and answers the DER response it got: what a server that staples
 * would have fetched. `-no_nonce`, as servers fetch for stapling.
 */
export async function fetchOcspResponse(url: string, issuer: Issued, cert: Issued): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "rca-ocsp-client-"));
  try {
    await Promise.all([writeFile(join(dir, "issuer.pem"), issuer.certPem), writeFile(join(dir, "cert.pem"), cert.certPem)]);
    const out = join(dir, "response.der");
    await run(
      "openssl",
      ["ocsp", "-issuer", join(dir, "issuer.pem"), "-cert", join(dir, "cert.pem"), "-url", url, "-no_nonce", "-noverify", "-respout", out, "-timeout", "5"],
      { timeout: 15_000 },
    );
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Accepts TCP connections and never sends a byte: a responder that doesn't answer. */
export async function startSilentServer(host: string): Promise<RunningOcspResponder & { readonly connections: number }> {
  assertRevocationHost(host);
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
  });
  const port = await listen(server, host);
  return {
    host,
    port,
    url: `http://${host}:${port}/`,
    get connections() {
      return connections;
    },
    close: () => closeServer(server, sockets),
  };
}

export interface HttpFile {
  body: Buffer | string;
  contentType?: string;
}

/** A plain HTTP server answering fixed bodies by path (CRLs), 404 otherwise; counts requests per path. */
export async function startFileServer(
  host: string,
  files: Record<string, HttpFile>,
): Promise<RunningServer & { url(path: string): string; hits: Map<string, number> }> {
  assertRevocationHost(host);
  const hits = new Map<string, number>();
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const file = files[path];
    if (!file) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": file.contentType ?? "application/pkix-crl" }).end(file.body);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const port = await listen(server, host);
  return { host, port, url: (path) => `http://${host}:${port}${path}`, hits, close: () => closeServer(server, sockets) };
}

/** A TLS server presenting `chain`; it staples `stapled` when given (Node's 'OCSPRequest'), else nothing. */
export async function startStaplingServer(options: { host: string; chain: string; key: string; stapled?: Buffer }): Promise<RunningServer> {
  assertRevocationHost(options.host);
  const sockets = new Set<net.Socket>();
  const server = tls.createServer({ cert: options.chain, key: options.key }, (socket) => socket.end());
  if (options.stapled) {
    const response = options.stapled;
    server.on("OCSPRequest", (_cert: Buffer, _issuer: Buffer, callback: (error: Error | null, response?: Buffer) => void) => callback(null, response));
  }
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("tlsClientError", () => {});
  const port = await listen(server, options.host);
  return { host: options.host, port, close: () => closeServer(server, sockets) };
}

function assertRevocationHost(host: string): void {
  const match = /^127\.0\.140\.(\d{1,2})$/.exec(host);
  if (!match || Number(match[1]) < 1 || Number(match[1]) > 40) throw new Error(`revocation peers use 127.0.140.1-40, not ${host}`);
}

function listen(server: net.Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: 0, host }, () => resolve((server.address() as net.AddressInfo).port));
  });
}

function closeServer(server: net.Server, sockets: Set<net.Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}
