import "server-only";
import { headerValues, type HttpRequestOptions, type HttpResponse } from "@/lib/net/http";
import { cleanText, LIMITS } from "@/lib/net/limits";
import {
  challengeFromWwwAuthenticate,
  createAuthenticateMessage,
  createNegotiateMessage,
  NtlmError,
  parseChallengeMessage,
  tlsServerEndPointBindings,
  toAuthorizationHeader,
} from "@/lib/net/ntlm";
import type { AuthMethod } from "../fields";
import type { PinnedSession } from "./pinned-session";

/** What the server answered to the credentials. */
export type CredentialExchange =
  | { kind: "answered"; response: HttpResponse; serverDomain?: string }
  | { kind: "no-challenge"; status: number }
  | { kind: "malformed-challenge"; reason: string }
  | { kind: "connection-changed" };

/**
 * Sends one request with the supplied credentials, Basic or NTLM (with channel bindings for Extended Protection),
 * and answers what the server said. The credentials are never recorded. `request` builds the same request with
 * the given Authorization header.
 */
export async function sendWithCredentials(
  session: PinnedSession,
  request: (authorization: string) => HttpRequestOptions,
  credentials: { method: AuthMethod; scheme: string; username: string; password: string },
): Promise<CredentialExchange> {
  const { method, scheme, username, password } = credentials;
  if (method === "basic") {
    return { kind: "answered", response: await session.http.request(request(`Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`)) };
  }
  const negotiate = await session.http.request(request(toAuthorizationHeader(createNegotiateMessage(), scheme)));
  const connections = session.taps.length;
  const challengeBytes = challengeFromWwwAuthenticate(headerValues(negotiate, "www-authenticate"));
  if (!challengeBytes) return { kind: "no-challenge", status: negotiate.status };
  let challenge;
  try {
    challenge = parseChallengeMessage(challengeBytes);
  } catch (cause) {
    if (cause instanceof NtlmError) return { kind: "malformed-challenge", reason: cleanText(cause.message) };
    throw cause;
  }
  const domain = challenge.info.dnsDomainName ?? challenge.info.nbDomainName;
  const channelBindings = tlsServerEndPointBindings(session.leaf.der, session.leaf.facts.signatureHash);
  const response = await session.http.request(
    request(toAuthorizationHeader(createAuthenticateMessage({ challenge, username, password, channelBindings }), scheme)),
  );
  // NTLM authenticates a connection: an answer on another one says nothing about the credentials.
  if (session.taps.length !== connections) return { kind: "connection-changed" };
  return { kind: "answered", response, ...(domain === undefined ? {} : { serverDomain: cleanText(domain, LIMITS.nameShown) }) };
}
