/**
 * Loopback peers for integration tests. Every server binds to the given 127.x.y.z address only, tracks its sockets
 * and destroys them on close(), so vitest can exit.
 */
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { Duplex } from "node:stream";
import tls from "node:tls";

export interface RunningServer {
  host: string;
  port: number;
  close(): Promise<void>;
}

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  /** true when the peer presented a client certificate that the server accepted (requestCert) */
  clientCertAuthorized: boolean;
}

export interface RunningHttpsServer extends RunningServer {
  /** every HTTP request that reached the handler, in order (method is the original one, e.g. RPC_IN_DATA) */
  readonly requests: RecordedRequest[];
  /** errors from failed handshakes ('tlsClientError'), e.g. the client rejected our certificate */
  readonly tlsErrors: Error[];
  /** number of accepted TCP connections */
  readonly connections: number;
  /** `https://host:port` + path */
  url(path?: string): string;
}

export interface HttpsServerOptions {
  /** must be a 127.x.y.z address */
  host: string;
  /** default 0 (ephemeral) */
  port?: number;
  /** PEM certificates in the order the server SENDS them (leaf first; may deliberately be wrong order) */
  chain: string;
  /** PEM (PKCS#8) key of the leaf */
  key: string;
  /** ask for a client certificate. With the default rejectUnauthorized (true) a client without an acceptable
   *  certificate fails the handshake ("client certificate required"). */
  requestCert?: boolean;
  /** only meaningful with requestCert; default true */
  rejectUnauthorized?: boolean;
  /** CAs accepted for client certificates (PEM); default none */
  clientCa?: string | string[];
  handler?: RequestHandler;
  /** default "TLSv1.3" */
  maxVersion?: tls.SecureVersion;
  /** default "TLSv1.2", like current servers; "TLSv1" works too (ciphers use @SECLEVEL=0) */
  minVersion?: tls.SecureVersion;
  /** default "DEFAULT:@SECLEVEL=0" so RSA-1024 / SHA-1 certificates load and can be served */
  ciphers?: string;
  /**
   * Request methods Node's HTTP parser does not know (it answers 400 HPE_INVALID_METHOD) but Exchange uses.
   * They are rewritten on the wire to POST and restored in `req.method` before the handler runs.
   * Default ["RPC_IN_DATA", "RPC_OUT_DATA"]. Pass [] to use a plain https.Server (then req.socket is the
   * real TLSSocket; otherwise it is a wrapper that delegates the TLSSocket accessors, and `.tlsSocket` is the real one).
   */
  nonStandardMethods?: string[];
  /** anything else for tls.createServer (e.g. SNICallback, ALPNProtocols, sessionTimeout) */
  tlsOptions?: tls.TlsOptions;
}

const DEFAULT_CIPHERS = "DEFAULT:@SECLEVEL=0";
const ORIGINAL_METHOD_HEADER = "x-rca-original-method";

function defaultHandler(_req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(200, { "Content-Type": "text/plain" });
  res.end("OK");
}

function assertLoopback(host: string): void {
  if (net.isIPv4(host) && host.startsWith("127.")) return;
  if (host === "::1") return;
  throw new Error(`test servers must bind to 127.0.0.0/8 or ::1, got ${JSON.stringify(host)}`);
}

/** Tracks sockets so close() can destroy them. */
function trackSockets(server: net.Server): { sockets: Set<net.Socket>; count: () => number } {
  const sockets = new Set<net.Socket>();
  let count = 0;
  server.on("connection", (socket: net.Socket) => {
    count++;
    sockets.add(socket);
    socket.on("error", () => {});
    socket.once("close", () => sockets.delete(socket));
  });
  return { sockets, count: () => count };
}

function listen(server: net.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once("error", onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off("error", onError);
      const addr = server.address();
      if (addr === null || typeof addr === "string") return reject(new Error("no address"));
      resolve(addr.port);
    });
  });
}

function closer(server: net.Server, sockets: Set<net.Socket>, extra?: () => void): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
      sockets.clear();
      extra?.();
    });
    return closing;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// HTTPS

export async function startHttpsServer(o: HttpsServerOptions): Promise<RunningHttpsServer> {
  assertLoopback(o.host);
  const requests: RecordedRequest[] = [];
  const tlsErrors: Error[] = [];
  const handler = o.handler ?? defaultHandler;
  const nonStandard = (o.nonStandardMethods ?? ["RPC_IN_DATA", "RPC_OUT_DATA"]).map((m) => m.toUpperCase());
  const shim = nonStandard.length > 0;

  const wrapped: RequestHandler = (req, res) => {
    if (shim) restoreOriginalMethod(req);
    const sock = req.socket as Partial<tls.TLSSocket>;
    requests.push({
      method: req.method ?? "",
      url: req.url ?? "",
      headers: { ...req.headers },
      clientCertAuthorized: Boolean(o.requestCert && sock.authorized && sock.getPeerCertificate?.()?.raw),
    });
    try {
      handler(req, res);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    }
  };

  const tlsOpts: tls.TlsOptions = {
    cert: o.chain,
    key: o.key,
    ciphers: o.ciphers ?? DEFAULT_CIPHERS,
    minVersion: o.minVersion ?? "TLSv1.2",
    maxVersion: o.maxVersion ?? "TLSv1.3",
    requestCert: o.requestCert ?? false,
    rejectUnauthorized: o.requestCert ? (o.rejectUnauthorized ?? true) : false,
    ...(o.clientCa ? { ca: o.clientCa } : {}),
    ...o.tlsOptions,
  };

  let server: tls.Server;
  let httpServer: http.Server;
  if (shim) {
    httpServer = http.createServer(wrapped);
    server = tls.createServer(tlsOpts, (tlsSocket) => {
      tlsSocket.on("error", () => {});
      httpServer.emit("connection", new RewritingTlsDuplex(tlsSocket, new Set(nonStandard)));
    });
  } else {
    server = https.createServer(tlsOpts, wrapped);
    httpServer = server as unknown as http.Server;
  }
  httpServer.on("clientError", (_error: Error, socket: Duplex) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    socket.destroy();
  });
  server.on("tlsClientError", (err: Error, socket: tls.TLSSocket) => {
    tlsErrors.push(err);
    socket.destroy();
  });
  const { sockets, count } = trackSockets(server);
  const port = await listen(server, o.host, o.port ?? 0);
  const hostForUrl = o.host.includes(":") ? `[${o.host}]` : o.host;
  return {
    host: o.host,
    port,
    requests,
    tlsErrors,
    get connections() {
      return count();
    },
    url: (path = "/") => `https://${hostForUrl}:${port}${path}`,
    close: closer(server, sockets),
  };
}

function restoreOriginalMethod(req: http.IncomingMessage): void {
  const orig = req.headers[ORIGINAL_METHOD_HEADER];
  if (typeof orig !== "string") return;
  req.method = orig;
  delete req.headers[ORIGINAL_METHOD_HEADER];
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]?.toLowerCase() === ORIGINAL_METHOD_HEADER) {
      raw.splice(i, 2);
      break;
    }
  }
}

/**
 * Rewrites request lines whose method Node's llhttp rejects (RPC_IN_DATA ...) to POST + a marker header.
 * It frames requests by Content-Length; after a chunked request it stops rewriting (passes bytes through).
 */
class RequestRewriter {
  private head = Buffer.alloc(0);
  private bodyLeft = 0;
  private raw = false;
  constructor(private readonly methods: Set<string>) {}

  push(chunk: Buffer): Buffer {
    if (this.raw) return chunk;
    const out: Buffer[] = [];
    let data = chunk;
    while (data.length > 0) {
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, data.length);
        out.push(data.subarray(0, n));
        this.bodyLeft -= n;
        data = data.subarray(n);
        continue;
      }
      this.head = Buffer.concat([this.head, data]);
      data = Buffer.alloc(0);
      // pass through blank lines between requests
      let lead = 0;
      while (lead + 1 < this.head.length && this.head[lead] === 0x0d && this.head[lead + 1] === 0x0a) lead += 2;
      if (lead > 0) {
        out.push(this.head.subarray(0, lead));
        this.head = this.head.subarray(lead);
      }
      const end = this.head.indexOf("\r\n\r\n");
      if (end < 0) {
        if (this.head.length > 64 * 1024) {
          out.push(this.head);
          this.head = Buffer.alloc(0);
          this.raw = true;
        }
        break;
      }
      const headText = this.head.subarray(0, end + 4).toString("latin1");
      data = this.head.subarray(end + 4);
      this.head = Buffer.alloc(0);
      const lines = headText.split("\r\n");
      const requestLine = lines[0] ?? "";
      const sp = requestLine.indexOf(" ");
      const method = sp > 0 ? requestLine.slice(0, sp) : "";
      let newHead = headText;
      if (this.methods.has(method.toUpperCase())) {
        newHead = `POST${requestLine.slice(sp)}\r\n${ORIGINAL_METHOD_HEADER}: ${method}\r\n` + headText.slice(requestLine.length + 2);
      }
      out.push(Buffer.from(newHead, "latin1"));
      let contentLength = 0;
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(":");
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (name === "content-length") contentLength = Number.parseInt(value, 10) || 0;
        if (name === "transfer-encoding" && /chunked/i.test(value)) this.raw = true;
      }
      if (this.raw) {
        if (data.length) out.push(data);
        break;
      }
      this.bodyLeft = contentLength;
    }
    return out.length === 1 ? out[0]! : Buffer.concat(out);
  }
}

/** A Duplex over a TLSSocket that rewrites incoming request heads; delegates the TLSSocket accessors handlers use. */
class RewritingTlsDuplex extends Duplex {
  readonly encrypted = true;
  private readonly rewriter: RequestRewriter;
  constructor(
    readonly tlsSocket: tls.TLSSocket,
    methods: Set<string>,
  ) {
    super({ allowHalfOpen: false });
    this.rewriter = new RequestRewriter(methods);
    tlsSocket.on("data", (chunk: Buffer) => {
      const out = this.rewriter.push(chunk);
      if (out.length > 0 && !this.push(out)) tlsSocket.pause();
    });
    tlsSocket.on("end", () => this.push(null));
    tlsSocket.on("timeout", () => this.emit("timeout"));
    tlsSocket.on("close", () => this.destroy());
    tlsSocket.on("error", (err) => this.destroy(err));
  }
  override _read(): void {
    this.tlsSocket.resume();
  }
  override _write(chunk: Buffer, encoding: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.tlsSocket.write(chunk, encoding, cb);
  }
  override _final(cb: (err?: Error | null) => void): void {
    this.tlsSocket.end(() => cb());
  }
  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.tlsSocket.destroy();
    cb(err);
  }
  get remoteAddress() {
    return this.tlsSocket.remoteAddress;
  }
  get remotePort() {
    return this.tlsSocket.remotePort;
  }
  get remoteFamily() {
    return this.tlsSocket.remoteFamily;
  }
  get localAddress() {
    return this.tlsSocket.localAddress;
  }
  get localPort() {
    return this.tlsSocket.localPort;
  }
  get authorized() {
    return this.tlsSocket.authorized;
  }
  get authorizationError() {
    return this.tlsSocket.authorizationError;
  }
  get alpnProtocol() {
    return this.tlsSocket.alpnProtocol;
  }
  get servername() {
    return (this.tlsSocket as tls.TLSSocket & { servername?: string | false }).servername;
  }
  getPeerCertificate(detailed?: boolean) {
    return detailed ? this.tlsSocket.getPeerCertificate(true) : this.tlsSocket.getPeerCertificate();
  }
  getPeerX509Certificate() {
    return this.tlsSocket.getPeerX509Certificate();
  }
  getCertificate() {
    return this.tlsSocket.getCertificate();
  }
  getProtocol() {
    return this.tlsSocket.getProtocol();
  }
  getCipher() {
    return this.tlsSocket.getCipher();
  }
  setTimeout(ms: number, cb?: () => void): this {
    this.tlsSocket.setTimeout(ms);
    if (cb) this.once("timeout", cb);
    return this;
  }
  setNoDelay(noDelay?: boolean): this {
    this.tlsSocket.setNoDelay(noDelay);
    return this;
  }
  setKeepAlive(enable?: boolean, delay?: number): this {
    this.tlsSocket.setKeepAlive(enable, delay);
    return this;
  }
  ref(): this {
    this.tlsSocket.ref();
    return this;
  }
  unref(): this {
    this.tlsSocket.unref();
    return this;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// other peers

export interface RunningHttpServer extends RunningServer {
  /** every HTTP request that reached the handler, in order (clientCertAuthorized is always false: no TLS) */
  readonly requests: RecordedRequest[];
  /** `http://host:port` + path */
  url(path?: string): string;
}

/**
 * Plain HTTP: where TLS is expected (a TLS ClientHello gets Node's "400 Bad Request" and a close), or, given a
 * `handler`, a real plain-HTTP peer (e.g. the Autodiscover HTTP redirect of autodiscover-server.ts).
 */
export async function startPlainHttpServer(o: { host: string; port?: number; handler?: RequestHandler }): Promise<RunningHttpServer> {
  assertLoopback(o.host);
  const requests: RecordedRequest[] = [];
  const handler = o.handler ?? defaultHandler;
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: { ...req.headers }, clientCertAuthorized: false });
    try {
      handler(req, res);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    }
  });
  const { sockets } = trackSockets(server);
  const port = await listen(server, o.host, o.port ?? 0);
  const hostForUrl = o.host.includes(":") ? `[${o.host}]` : o.host;
  return { host: o.host, port, requests, url: (path = "/") => `http://${hostForUrl}:${port}${path}`, close: closer(server, sockets) };
}

export interface RunningTcpServer extends RunningServer {
  /** number of accepted TCP connections */
  readonly connections: number;
  /** bytes received from clients, concatenated per connection in accept order */
  readonly received: Buffer[];
}

/** A raw TCP server on loopback that records what each client sends; `onClient` decides how it answers. */
async function startRecordingTcpServer(o: { host: string; port?: number }, onClient: (socket: net.Socket) => void = () => {}): Promise<RunningTcpServer> {
  assertLoopback(o.host);
  const received: Buffer[] = [];
  const server = net.createServer((socket) => {
    const i = received.push(Buffer.alloc(0)) - 1;
    socket.on("data", (d: Buffer) => {
      received[i] = Buffer.concat([received[i]!, d]);
    });
    onClient(socket);
  });
  const { sockets, count } = trackSockets(server);
  const port = await listen(server, o.host, o.port ?? 0);
  return {
    host: o.host,
    port,
    received,
    get connections() {
      return count();
    },
    close: closer(server, sockets),
  };
}

/** Accepts TCP and never sends a byte (a TLS client will time out waiting for ServerHello). */
export function startSilentServer(o: { host: string; port?: number }): Promise<RunningTcpServer> {
  return startRecordingTcpServer(o);
}

export const DEFAULT_GARBAGE = Buffer.from("SSH-2.0-OpenSSH_9.6 this is not TLS\r\n\x00\x01\x02\x03\xff\xfe\xfd\xfc garbage garbage garbage\r\n", "latin1");

/**
 * Writes junk and then closes (FIN), resets (RST) or holds the connection.
 * `payload: Buffer.alloc(0)` with `then: "reset"` = a bare reset.
 */
export function startGarbageServer(o: {
  host: string;
  port?: number;
  /** default DEFAULT_GARBAGE */
  payload?: Buffer;
  /** default "close" */
  then?: "close" | "reset" | "hold";
  /** wait for the client's first bytes (e.g. a ClientHello) before answering; default false */
  waitForClientData?: boolean;
}): Promise<RunningTcpServer> {
  const payload = o.payload ?? DEFAULT_GARBAGE;
  const then = o.then ?? "close";
  return startRecordingTcpServer(o, (socket) => {
    let answered = false;
    const answer = () => {
      if (answered) return;
      answered = true;
      const finish = () => {
        if (then === "close") socket.end();
        else if (then === "reset") socket.resetAndDestroy();
      };
      if (payload.length > 0) socket.write(payload, finish);
      else finish();
    };
    if (o.waitForClientData) socket.once("data", answer);
    else answer();
  });
}

/** A TCP port on `host` with nothing listening (bound to port 0, read, closed). */
export async function freeClosedPort(host: string): Promise<number> {
  assertLoopback(host);
  const server = net.createServer();
  const port = await listen(server, host, 0);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// ---------------------------------------------------------------------------------------------------------------
// fake Exchange RPC proxy

export interface RpcProxyOptions {
  /** one WWW-Authenticate header per entry, e.g. ['Basic realm="mail.contoso.test"', "NTLM", "Negotiate"] */
  methods: string[];
  /** user → password for Basic ("CONTOSO\\alice" or "alice@contoso.test"; user compared case-insensitively) */
  accounts?: Record<string, string>;
  /**
   * Called for `Authorization: NTLM ...` / `Negotiate ...` when that scheme is offered in `methods`.
   * Return true when it has answered the request (e.g. 401 with a challenge, or 200); false → generic 401.
   */
  onNtlm?: (authHeader: string, req: http.IncomingMessage, res: http.ServerResponse) => boolean;
  /** path (case-insensitive, query ignored); default "/rpc/rpcproxy.dll" */
  path?: string;
  /** status for an authenticated request; default 200 */
  successStatus?: number;
}

/** The body IIS sends with a 401 (401.1/401.2), for fake IIS handlers. */
export const IIS_401_BODY =
  "<html><head><title>401 - Unauthorized</title></head><body><h2>401 - Unauthorized: Access is denied due to invalid credentials.</h2></body></html>";

/**
 * /rpc/rpcproxy.dll: 401 + one WWW-Authenticate per method; valid Basic for `accounts` → 200 (only if Basic is
 * offered); NTLM/Negotiate go to `onNtlm` if given; everything else 401. Other paths → 404.
 */
export function rpcProxyHandler(o: RpcProxyOptions): RequestHandler {
  const path = (o.path ?? "/rpc/rpcproxy.dll").toLowerCase();
  const offered = new Set(o.methods.map((m) => (m.split(/\s+/)[0] ?? "").toLowerCase()));
  const accounts = new Map(Object.entries(o.accounts ?? {}).map(([u, p]) => [u.toLowerCase(), p]));

  const unauthorized = (res: http.ServerResponse) => {
    res.statusCode = 401;
    res.setHeader("Server", "Microsoft-IIS/10.0");
    res.setHeader("Content-Type", "text/html");
    res.setHeader("WWW-Authenticate", o.methods);
    res.end(IIS_401_BODY);
  };

  return (req, res) => {
    const reqPath = (req.url ?? "").split("?")[0]!.toLowerCase();
    if (reqPath !== path) {
      res.writeHead(404, { "Content-Type": "text/plain", Server: "Microsoft-IIS/10.0" });
      res.end("Not Found");
      return;
    }
    const auth = req.headers.authorization ?? "";
    const sp = auth.indexOf(" ");
    const scheme = (sp > 0 ? auth.slice(0, sp) : auth).toLowerCase();
    const param = sp > 0 ? auth.slice(sp + 1).trim() : "";

    if (scheme === "basic" && offered.has("basic")) {
      const decoded = Buffer.from(param, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon > 0) {
        const user = decoded.slice(0, colon).toLowerCase();
        const password = decoded.slice(colon + 1);
        if (accounts.has(user) && accounts.get(user) === password) {
          res.writeHead(o.successStatus ?? 200, { "Content-Type": "text/plain", Server: "Microsoft-IIS/10.0" });
          res.end("");
          return;
        }
      }
    }
    if ((scheme === "ntlm" || scheme === "negotiate") && offered.has(scheme) && o.onNtlm) {
      if (o.onNtlm(auth, req, res)) return;
    }
    unauthorized(res);
  };
}
