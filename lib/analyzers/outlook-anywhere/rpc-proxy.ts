import "server-only";
import type { HttpRequestOptions } from "@/lib/net/http";
import { cleanText, LIMITS } from "@/lib/net/limits";
import type { AnonymousProbe, CertificateRequest } from "./judge";
import type { PinnedSession } from "../steps/pinned-session";

/** Talks to the RPC proxy as Outlook does and returns what it saw; ./judge.ts decides what that means. */

/** /rpc/rpcproxy.dll?<host>:6002, as Outlook and Microsoft's analyzer address the RPC proxy. */
export function rpcProxyPath(host: string): string {
  return `/rpc/rpcproxy.dll?${host}:6002`;
}

/**
 * Every request is what Outlook sends: an RPC over HTTP v2 echo request (MS-RPCH), an empty RPC_IN_DATA.
 * IIS authenticates it like any other; the RPC proxy answers an authenticated one with 200 and an echo PDU.
 */
function rpcRequest(path: string, authorization?: string): HttpRequestOptions {
  return {
    method: "RPC_IN_DATA",
    path,
    headers: { "Content-Length": "0", Accept: "application/rpc", "User-Agent": "MSRPC", ...(authorization ? { Authorization: authorization } : {}) },
  };
}

/** Requests to the RPC proxy go over a pinned session (../steps/pinned-session.ts). */
export type RpcSession = PinnedSession;

/** Outlook's echo request carrying the given Authorization header. */
export function authenticatedRpcRequest(path: string): (authorization: string) => HttpRequestOptions {
  return (authorization) => rpcRequest(path, authorization);
}

/** What the TLS transcripts of the session showed about a client-certificate request. */
function certificateRequest(rpc: RpcSession): CertificateRequest {
  const facts = rpc.taps.map((tap) => tap.facts());
  if (facts.some((fact) => fact.certificateRequested)) return { seen: true };
  const blind = facts.find((fact) => fact.notes.length > 0);
  return blind ? { seen: false, observable: false, reason: cleanText(blind.notes.join("; "), LIMITS.transcriptNotesShown) } : { seen: false, observable: true };
}

/** Outlook's unauthenticated echo request, and whether the server asked for a client certificate meanwhile. */
export async function probeAnonymous(rpc: RpcSession, path: string): Promise<AnonymousProbe> {
  try {
    const response = await rpc.http.request(rpcRequest(path));
    return { response, certificateRequest: certificateRequest(rpc) };
  } catch (cause) {
    const request = certificateRequest(rpc);
    // A server that requires a certificate often just drops a client that has none; anything else is its own problem.
    if (!request.seen) throw cause;
    return { certificateRequest: request, connectionError: cause instanceof Error ? cleanText(cause.message) : "unknown" };
  }
}
