import "server-only";
import { request } from "node:http";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import type { Details } from "@/lib/engine/types";
import { resolveHost } from "@/lib/net/dns";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { checkHostName, checkTarget } from "@/lib/net/target";
import { connectTarget } from "@/lib/net/tcp";

/**
 * Why a revocation service gave no usable answer. `forbidden`: the analyzer's own policy refused the URL (target
 * policy, port allow-list); `unreachable`: DNS or TCP failed; `timeout`: no complete answer in time; `http-status`:
 * it answered with an error; `too-large`: the answer exceeds its cap; `unsupported-url`: not an http:// URL;
 * `bad-response`: the bytes aren't a valid answer; `bad-signature`: the answer isn't signed by whom it must be;
 * `stale` / `not-yet-valid`: outside its validity window; `wrong-certificate`: it answers for another certificate;
 * `responder-error`: the OCSP responder said it couldn't answer (tryLater, unauthorized…).
 */
export type FailureKind =
  | "forbidden"
  | "unreachable"
  | "timeout"
  | "http-status"
  | "too-large"
  | "unsupported-url"
  | "bad-response"
  | "bad-signature"
  | "stale"
  | "not-yet-valid"
  | "wrong-certificate"
  | "responder-error";

/** A revocation service that gave no usable answer, and why, in words that name the URL. */
export class RevocationFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly url: string,
    readonly details: Details = {},
  ) {
    super(message);
    this.name = "RevocationFailure";
  }
}

export interface FetchRequest {
  url: string;
  method: "GET" | "POST";
  body?: Buffer;
  contentType?: string;
  accept: string;
  /** A body larger than this is refused (a truncated DER structure is worthless). */
  maxBytes: number;
}

export interface FetchedBody {
  status: number;
  contentType: string | undefined;
  body: Buffer;
  /** The address that answered. */
  address: string;
}

/** A URL as shown in a message: cleaned, bounded. */
export function shownUrl(url: string): string {
  return cleanText(url, LIMITS.nameShown);
}

/**
 * One HTTP/1.1 exchange with an OCSP responder or CRL distribution point, through the same gates as every target:
 * the host name rule, DNS, the target policy (private addresses), the port allow-list and RCA_TIMEOUT_MS. Plain
 * http:// only: OCSP responses and CRLs are signed, and RFC 5280 §4.2.1.13 / RFC 5019 §5 expect http (an https
 * responder would need its own revocation check). Redirects are not followed. Throws RevocationFailure.
 */
export async function fetchRevocationData(req: FetchRequest): Promise<FetchedBody> {
  const url = parseHttpUrl(req.url);
  const port = url.port === "" ? 80 : Number(url.port);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const timeoutMs = env().RCA_TIMEOUT_MS;
  let connection;
  try {
    checkHostName(host);
    const target = checkTarget(await resolveHost(host));
    connection = await connectTarget(target, port, timeoutMs);
  } catch (error) {
    throw asFailure(error, req.url);
  }
  const socket = connection.socket;
  const address = connection.address.address;
  return new Promise<FetchedBody>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: { body: FetchedBody } | { failure: RevocationFailure }) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      socket.destroy();
      if ("body" in outcome) resolve(outcome.body);
      else reject(outcome.failure);
    };
    const deadline = setTimeout(
      () =>
        finish({
          failure: new RevocationFailure(
            "timeout",
            `${shownUrl(req.url)} accepted the connection but sent no complete answer within ${timeoutMs} ms.`,
            req.url,
            {
              timeoutMs,
              address,
            },
          ),
        }),
      timeoutMs,
    );
    deadline.unref();
    const headers: Record<string, string> = {
      Host: url.host,
      "User-Agent": "RemoteConnectivityAnalyzer/0.1",
      Accept: req.accept,
      Connection: "close",
      ...(req.body ? { "Content-Type": req.contentType ?? "application/octet-stream", "Content-Length": String(req.body.length) } : {}),
    };
    const outgoing = request({
      method: req.method,
      path: `${url.pathname}${url.search}`,
      headers,
      maxHeaderSize: LIMITS.httpHeaderBytes,
      createConnection: () => socket,
    });
    outgoing.on("error", (error: NodeJS.ErrnoException) => {
      const code = error.code ?? "";
      const kind = code.startsWith("HPE_") ? "bad-response" : "unreachable";
      const words = code.startsWith("HPE_")
        ? `answered with something that isn't valid HTTP (${code})`
        : `closed the connection before answering (${code || error.message})`;
      finish({ failure: new RevocationFailure(kind, `${shownUrl(req.url)} ${words}.`, req.url, { address, httpError: code }) });
    });
    outgoing.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const contentType = typeof res.headers["content-type"] === "string" ? cleanText(res.headers["content-type"], LIMITS.headerValueShown) : undefined;
      if (status < 200 || status > 299) {
        res.resume();
        const reason = cleanText(res.statusMessage ?? "", LIMITS.httpStatusText);
        finish({
          failure: new RevocationFailure(
            "http-status",
            `${shownUrl(req.url)} answered HTTP ${status}${reason ? ` ${reason}` : ""} instead of the ${req.accept} it serves.`,
            req.url,
            {
              address,
              httpStatus: status,
            },
          ),
        });
        return;
      }
      const tooLarge = () =>
        new RevocationFailure("too-large", `${shownUrl(req.url)} sent more than ${req.maxBytes} bytes: the analyzer reads no larger answer from it.`, req.url, {
          address,
          limitBytes: req.maxBytes,
        });
      const declared = Number(res.headers["content-length"]);
      if (Number.isFinite(declared) && declared > req.maxBytes) {
        finish({ failure: tooLarge() });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > req.maxBytes) finish({ failure: tooLarge() });
        else chunks.push(chunk);
      });
      res.on("end", () => finish({ body: { status, contentType, body: Buffer.concat(chunks), address } }));
      res.on("error", (error: NodeJS.ErrnoException) =>
        finish({
          failure: new RevocationFailure("unreachable", `${shownUrl(req.url)} broke off its answer (${error.code ?? error.message}).`, req.url, { address }),
        }),
      );
    });
    outgoing.end(req.body);
  });
}

function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RevocationFailure("unsupported-url", `${shownUrl(text)} isn't a valid URL.`, text);
  }
  if (url.protocol === "http:") return url;
  const why =
    url.protocol === "https:"
      ? "the analyzer fetches revocation data over plain http only, as RFC 5280 and RFC 5019 expect (the answer is signed; an https service would need a revocation check of its own)"
      : `the analyzer fetches revocation data over http only, not ${cleanText(url.protocol.replace(/:$/, ""), LIMITS.nameShown)}`;
  throw new RevocationFailure("unsupported-url", `${shownUrl(text)} wasn't fetched: ${why}.`, text, { scheme: url.protocol.replace(/:$/, "") });
}

/** The target gates' problems, as a failure that names the URL; the policy's own words (and rule) are kept. */
function asFailure(error: unknown, url: string): RevocationFailure {
  if (!(error instanceof ProblemError)) throw error;
  const kind: FailureKind = error.problem === "TARGET_FORBIDDEN" ? "forbidden" : error.problem === "TCP_TIMEOUT" ? "timeout" : "unreachable";
  const words = kind === "forbidden" ? "wasn't asked" : "didn't answer";
  return new RevocationFailure(kind, `${shownUrl(url)} ${words}: ${error.message}`, url, { ...error.details, networkProblem: error.problem });
}
