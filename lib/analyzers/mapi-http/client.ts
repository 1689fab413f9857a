import "server-only";
import { randomUUID } from "node:crypto";
import { ProblemError } from "@/lib/engine/problem-error";
import { headerValues, type HttpRequestOptions, type HttpResponse } from "@/lib/net/http";
import { offeredSchemes, offers } from "@/lib/net/http-auth";
import { connectRequestBody, mapiHeaders, OPENING_REQUEST, type MapiEndpoint, type RequestIds } from "./protocol";
import { probeNtlmChallenge, type NtlmServerIdentity } from "../steps/ntlm-challenge";
import type { PinnedSession } from "../steps/pinned-session";

/** Talks to the MAPI over HTTP endpoints as Outlook does and returns what they answered; ./judge.ts decides what that means. */

/** One client instance: its X-ClientInfo, and a counter that makes every X-RequestId unique, as Outlook's are. */
export function requestIds(): () => RequestIds {
  const clientInfo = `{${randomUUID().toUpperCase()}}:1`;
  const session = randomUUID().toUpperCase();
  let counter = 0;
  return () => ({ clientInfo, requestId: `{${session}}:${++counter}` });
}

/** The request that opens a session on the endpoint (Connect or Bind), with an Authorization header when one is given. */
function openingRequest(path: string, endpoint: MapiEndpoint, ids: () => RequestIds, body: Buffer): (authorization?: string) => HttpRequestOptions {
  return (authorization) => ({
    method: "POST",
    path,
    headers: { ...mapiHeaders(OPENING_REQUEST[endpoint], ids(), body.length), ...(authorization ? { Authorization: authorization } : {}) },
    body,
  });
}

/** Outlook's Connect request to the Mail Store, carrying the given Authorization header. */
export function connectRequest(path: string, userDn: string): (authorization: string) => HttpRequestOptions {
  return openingRequest(path, "emsmdb", requestIds(), connectRequestBody(userDn));
}

export interface AnonymousAnswer {
  response: HttpResponse;
  /** Who answered, from the NTLM CHALLENGE to a credential-free NEGOTIATE (when NTLM or Negotiate is offered). */
  identity?: NtlmServerIdentity;
  /** Why the identity couldn't be read, when the probe failed. */
  identityError?: string;
}

/**
 * The request an unauthenticated client sends first (an empty Connect or Bind): IIS answers 401 with the methods.
 * When NTLM or Negotiate is among them, a NEGOTIATE (no credentials) reveals the answering server's identity.
 */
export async function probeAnonymous(session: PinnedSession, path: string, endpoint: MapiEndpoint): Promise<AnonymousAnswer> {
  const request = openingRequest(path, endpoint, requestIds(), Buffer.alloc(0));
  const response = await session.http.request(request());
  const schemes = offeredSchemes(headerValues(response, "www-authenticate"));
  const scheme = response.status !== 401 ? undefined : offers(schemes, "NTLM") ? "NTLM" : offers(schemes, "Negotiate") ? "Negotiate" : undefined;
  if (scheme === undefined) return { response };
  try {
    const identity = await probeNtlmChallenge(session, (authorization) => request(authorization), scheme);
    return identity ? { response, identity } : { response, identityError: "the server answered the NTLM negotiation without a readable challenge" };
  } catch (cause) {
    // The methods are already known: a server that fails the identity probe doesn't fail the step.
    if (cause instanceof ProblemError) return { response, identityError: cause.message };
    throw cause;
  }
}
