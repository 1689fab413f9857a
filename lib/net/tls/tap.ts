/**
 * TLS transcript tap: sits between a raw TCP socket and `tls.connect({ socket })`, records the bytes the server
 * sends and the client's key log lines, and hands them to ./transcript.ts.
 *
 *   const raw = net.connect(port, host);
 *   const tap = tapTls(raw);
 *   const socket = tls.connect({ socket: tap.stream, servername: host, rejectUnauthorized: false });
 *   socket.on("keylog", (line) => tap.addKeylog(line));
 *   ... after the handshake (and ideally after the HTTP exchange):
 *   const { certificates, certificateRequested } = tap.facts();
 *
 * Key log lines may arrive after the bytes they decrypt: `facts()` re-parses the recorded bytes
 * with the lines known at call time, so call it again once more lines have arrived.
 */
import { LIMITS } from "../limits";
import { parseKeylogLine, type KeylogEntry } from "./keylog";
import { TapStream } from "./tap-stream";
import { analyzeServerTranscript, type TranscriptFacts } from "./transcript";
import type { Duplex } from "node:stream";

export interface TlsTap {
  /** Give this to `tls.connect({ socket: tap.stream, ... })`. */
  stream: Duplex;
  /** Wire to `tlsSocket.on("keylog", (line) => tap.addKeylog(line))`. Malformed lines are ignored. */
  addKeylog(line: Buffer | string): void;
  /** Parse everything recorded so far with the key log lines known so far. Idempotent, never throws. */
  facts(): TranscriptFacts;
}

export interface TapOptions {
  /** Bytes from the server to record (default LIMITS.tlsTranscriptBytes); later bytes are forwarded but not parsed. */
  maxBytes?: number;
}

/** Create the tap around `raw` (normally a `net.Socket`). */
export function tapTls(raw: Duplex, options: TapOptions = {}): TlsTap {
  const maxBytes = Math.max(0, options.maxBytes ?? LIMITS.tlsTranscriptBytes);
  const chunks: Buffer[] = [];
  let recorded = 0;
  let truncated = false;
  const keylog: KeylogEntry[] = [];
  let cache: { recorded: number; keylog: number; facts: TranscriptFacts } | undefined;

  const stream = new TapStream(raw, (chunk) => {
    if (recorded >= maxBytes) {
      truncated = true;
      return;
    }
    const take = Math.min(chunk.length, maxBytes - recorded);
    if (take < chunk.length) truncated = true;
    chunks.push(Buffer.from(chunk.subarray(0, take)));
    recorded += take;
  });

  return {
    stream,
    addKeylog(line) {
      try {
        const entry = parseKeylogLine(line);
        if (entry && keylog.length < LIMITS.keylogLines) keylog.push(entry);
      } catch {
        // Ignore anything that is not a key log line.
      }
    },
    facts() {
      if (!cache || cache.recorded !== recorded || cache.keylog !== keylog.length) {
        const data = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        chunks.splice(0, chunks.length, data);
        cache = { recorded, keylog: keylog.length, facts: analyzeServerTranscript(data, keylog, { truncated }) };
      }
      return copyFacts(cache.facts);
    },
  };
}

function copyFacts(f: TranscriptFacts): TranscriptFacts {
  return { ...f, certificates: [...f.certificates], certificateAuthorities: [...f.certificateAuthorities], notes: [...f.notes] };
}
