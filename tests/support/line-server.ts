/**
 * A scripted line-protocol server on loopback (a fake IMAP or POP3 server, or a hostile one) for the line client
 * and the mailbox tests: it writes a greeting, answers each line it receives through `onLine`, can switch to TLS
 * in the middle of the dialog (STARTTLS) or from the start (implicit TLS), and records every line it received.
 */
import net from "node:net";
import tls from "node:tls";
import type { RunningServer } from "./servers";

export interface LineConnection {
  /** Writes text as is (add the CRLF yourself). */
  write(text: string | Buffer): void;
  /** Writes lines, each ended by CRLF. */
  send(...lines: string[]): void;
  /** Starts the TLS handshake as the server (after a STARTTLS go-ahead), with the server's certificate. */
  startTls(): void;
  end(): void;
  reset(): void;
  readonly socket: net.Socket;
}

export interface LineServerOptions {
  /** A 127.x.y.z address. */
  host: string;
  /** The certificate chain and key: needed for implicit TLS and for `startTls()`. */
  tls?: { cert: string; key: string };
  /** TLS from the first byte. */
  implicitTls?: boolean;
  /** Called when a client connects (over TLS once the handshake is done): write the greeting here, or nothing. */
  onConnect(connection: LineConnection): void;
  /** Called for every complete line received (without CRLF). */
  onLine?(line: string, connection: LineConnection): void;
}

export interface RunningLineServer extends RunningServer {
  /** Every line received, from every connection, in order. */
  readonly lines: string[];
  readonly connections: number;
}

export async function startLineServer(options: LineServerOptions): Promise<RunningLineServer> {
  if (!options.host.startsWith("127.")) throw new Error("lab servers bind to loopback only");
  const lines: string[] = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;

  const serve = (raw: net.Socket) => {
    connections += 1;
    sockets.add(raw);
    raw.on("close", () => sockets.delete(raw));
    raw.on("error", () => {});
    let current: net.Socket = raw;
    let buffer = "";
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString("latin1");
      for (let end = buffer.indexOf("\n"); end >= 0; end = buffer.indexOf("\n")) {
        const line = buffer.slice(0, end).replace(/\r$/, "");
        buffer = buffer.slice(end + 1);
        lines.push(line);
        options.onLine?.(line, connection);
      }
    };
    const secure = (socket: net.Socket, then: () => void) => {
      if (!options.tls) throw new Error("this line server has no certificate");
      const secured = new tls.TLSSocket(socket, { isServer: true, cert: options.tls.cert, key: options.tls.key });
      secured.on("error", () => {});
      secured.once("secure", then);
      return secured;
    };
    const connection: LineConnection = {
      write: (text) => {
        if (!current.destroyed) current.write(text);
      },
      send: (...texts) => connection.write(texts.map((text) => `${text}\r\n`).join("")),
      startTls: () => {
        current.off("data", onData);
        buffer = "";
        current = secure(raw, () => {});
        current.on("data", onData);
      },
      end: () => current.end(),
      reset: () => raw.resetAndDestroy(),
      get socket() {
        return current;
      },
    };
    if (options.implicitTls) {
      current = secure(raw, () => options.onConnect(connection));
      current.on("data", onData);
    } else {
      current.on("data", onData);
      options.onConnect(connection);
    }
  };

  const server = net.createServer(serve);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, options.host, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    host: options.host,
    port,
    lines,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Sends `text` one byte a second until the connection closes: a server that never finishes its line in time. */
export function trickle(connection: LineConnection, text: string): void {
  let index = 0;
  const next = () => {
    if (index >= text.length || connection.socket.destroyed) return clearInterval(timer);
    connection.write(text[index]!);
    index += 1;
  };
  const timer = setInterval(next, 1000);
  next();
  connection.socket.on("close", () => clearInterval(timer));
}
