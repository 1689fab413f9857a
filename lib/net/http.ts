import "server-only";
import { Agent, request as httpRequest } from "node:http";
import { ProblemError } from "@/lib/engine/problem-error";
import { text } from "@/lib/engine/text";
import { cleanText, LIMITS } from "./limits";
import type { Duplex } from "node:stream";

export interface HttpResponse {
  status: number;
  statusText: string;
  /** Header pairs as received (names lower-cased); values are server text: clean before showing. */
  headers: Array<[string, string]>;
  body: Buffer;
  bodyTruncated: boolean;
}

export interface HttpRequestOptions {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent as is; the caller sets Content-Type and Content-Length. */
  body?: string | Buffer;
}

/**
 * HTTP/1.1 over connections the caller opens (already policy-checked, TCP + TLS done), kept alive so that
 * connection-bound handshakes such as NTLM work. One session, one socket at a time.
 */
export class HttpSession {
  private readonly agent: Agent;

  constructor(
    private readonly hostHeader: string,
    openConnection: () => Promise<Duplex>,
    private readonly timeoutMs: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: 1 });
    // Node's Agent accepts an asynchronous createConnection through its callback.
    (this.agent as unknown as { createConnection: unknown }).createConnection = (
      _options: unknown,
      callback: (error: Error | null, socket?: Duplex) => void,
    ) => {
      openConnection().then(
        (socket) => callback(null, socket),
        (error: Error) => callback(error),
      );
      return undefined;
    };
  }

  request(options: HttpRequestOptions): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({
        agent: this.agent,
        method: options.method ?? "GET",
        path: options.path,
        headers: { Host: this.hostHeader, "User-Agent": "RemoteConnectivityAnalyzer/0.1", Accept: "*/*", ...options.headers },
        maxHeaderSize: LIMITS.httpHeaderBytes,
      });
      // One deadline for the whole exchange: a server that drips a byte at a time can't hold the test open.
      // Rejects from here: before a connection is assigned, destroying the request alone reports nothing.
      const deadline = setTimeout(() => {
        const timeout = new ProblemError("HTTP_TIMEOUT", text("steps.http.errors.timeout", { ms: this.timeoutMs }));
        reject(timeout);
        req.destroy(timeout);
      }, this.timeoutMs);
      deadline.unref();
      req.on("close", () => clearTimeout(deadline));
      req.on("error", (error: NodeJS.ErrnoException) => reject(httpProblem(error)));
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        res.on("data", (chunk: Buffer) => {
          if (size + chunk.length > LIMITS.httpBodyBytes) {
            chunks.push(chunk.subarray(0, LIMITS.httpBodyBytes - size));
            size = LIMITS.httpBodyBytes;
            truncated = true;
            res.destroy(); // stop reading an oversized body; this socket is not reused
            finish();
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          resolve({
            status: res.statusCode ?? 0,
            statusText: cleanText(res.statusMessage ?? "", LIMITS.httpStatusText),
            headers: headerPairs(res.rawHeaders),
            body: Buffer.concat(chunks),
            bodyTruncated: truncated,
          });
        };
        res.on("end", finish);
        res.on("error", (error: NodeJS.ErrnoException) => (done ? undefined : reject(httpProblem(error))));
      });
      req.end(options.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

// Values stay raw (maxHeaderSize bounds them) for protocol parsing such as NTLM challenges;
// whoever puts one in a step's details cleans it there.
function headerPairs(raw: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  return pairs;
}

function httpProblem(error: NodeJS.ErrnoException): ProblemError {
  if (error instanceof ProblemError) return error;
  const code = error.code ?? "";
  if (code === "HPE_HEADER_OVERFLOW")
    return new ProblemError("HTTP_UNEXPECTED_STATUS", text("steps.http.errors.headersTooLarge", { bytes: LIMITS.httpHeaderBytes }), { httpError: code });
  if (code.startsWith("HPE_")) return new ProblemError("HTTP_UNEXPECTED_STATUS", text("steps.http.errors.invalid", { code }), { httpError: code });
  if (code === "ECONNRESET" || code === "EPIPE") return new ProblemError("CONNECTION_FAILED", text("steps.http.errors.closed"), { httpError: code });
  return new ProblemError("CONNECTION_FAILED", text("steps.http.errors.failed", { reason: code || error.message }), { httpError: code });
}

/** All values of one header, e.g. every WWW-Authenticate line. */
export function headerValues(response: HttpResponse, name: string): string[] {
  const wanted = name.toLowerCase();
  return response.headers.filter(([key]) => key === wanted).map(([, value]) => value);
}
