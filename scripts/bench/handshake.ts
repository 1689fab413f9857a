/**
 * The in-process reference for "one verified handshake": Node's own `tls.connect` from this process, a new TCP
 * connection and a full handshake each time (no session reuse), chain verified against the test root and the IP SAN
 * checked — the analyzer's verified handshake without process start-up, HTTP, the other steps or the store.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import tls from "node:tls";

export interface HandshakeTarget {
  ip: string;
  port: number;
  servername: string;
  caFile: string;
}

/** Milliseconds from connect() to "secureConnect" (TCP + handshake + verification); rejects if it doesn't verify. */
export function nodeHandshake(target: HandshakeTarget, ca: Buffer = readFileSync(target.caFile)): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const socket = tls.connect({
      host: target.ip,
      port: target.port,
      servername: target.servername,
      ca,
      // like `openssl s_client -verify_ip`: the name checked is the IP literal the analyzer is given
      checkServerIdentity: (_name, cert) => tls.checkServerIdentity(target.ip, cert),
    });
    socket.setTimeout(10_000, () => socket.destroy(new Error("handshake timed out")));
    socket.once("secureConnect", () => {
      const ms = performance.now() - t0;
      socket.destroy();
      resolve(ms);
    });
    socket.once("error", reject);
  });
}

/** `warmup` discarded, then `n` sequential handshakes. */
export async function nodeHandshakeSeries(target: HandshakeTarget, warmup: number, n: number): Promise<number[]> {
  const ca = readFileSync(target.caFile);
  for (let i = 0; i < warmup; i++) await nodeHandshake(target, ca);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) ms.push(await nodeHandshake(target, ca));
  return ms;
}
