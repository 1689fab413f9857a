import "server-only";
import { headerValues, type HttpRequestOptions } from "@/lib/net/http";
import { cleanText, LIMITS } from "@/lib/net/limits";
import {
  challengeFromWwwAuthenticate,
  createNegotiateMessage,
  NtlmError,
  parseChallengeMessage,
  toAuthorizationHeader,
  type ChallengeMessage,
} from "@/lib/net/ntlm";
import type { PinnedSession } from "./pinned-session";

/** What an NTLM CHALLENGE says about the server that sent it: admins use it to find which server answered behind a load balancer. */
export interface NtlmServerIdentity {
  targetName?: string;
  netbiosDomain?: string;
  netbiosComputer?: string;
  dnsDomain?: string;
  dnsComputer?: string;
  dnsTree?: string;
  /** e.g. "10.0.20348" (Windows Server 2022), with the NTLM revision. */
  osVersion?: string;
}

/** The identity fields of a CHALLENGE, as cleaned text (the server chose every byte). */
export function serverIdentity(challenge: ChallengeMessage): NtlmServerIdentity {
  const text = (value: string | undefined) => (value === undefined || value === "" ? undefined : cleanText(value, LIMITS.nameShown));
  const identity: NtlmServerIdentity = {
    targetName: text(challenge.targetName),
    netbiosDomain: text(challenge.info.nbDomainName),
    netbiosComputer: text(challenge.info.nbComputerName),
    dnsDomain: text(challenge.info.dnsDomainName),
    dnsComputer: text(challenge.info.dnsComputerName),
    dnsTree: text(challenge.info.dnsTreeName),
    osVersion: challenge.version
      ? `${challenge.version.major}.${challenge.version.minor}.${challenge.version.build} (NTLM revision ${challenge.version.ntlmRevision})`
      : undefined,
  };
  return Object.fromEntries(Object.entries(identity).filter(([, value]) => value !== undefined)) as NtlmServerIdentity;
}

/**
 * Sends an NTLM NEGOTIATE (no credentials: it carries none) and decodes the CHALLENGE the server answers with.
 * Undefined when the server answers without a challenge, or with one that can't be read.
 */
export async function probeNtlmChallenge(
  session: PinnedSession,
  request: (authorization: string) => HttpRequestOptions,
  scheme: string,
): Promise<NtlmServerIdentity | undefined> {
  const response = await session.http.request(request(toAuthorizationHeader(createNegotiateMessage(), scheme)));
  const bytes = challengeFromWwwAuthenticate(headerValues(response, "www-authenticate"));
  if (!bytes) return undefined;
  try {
    return serverIdentity(parseChallengeMessage(bytes));
  } catch (cause) {
    if (cause instanceof NtlmError) return undefined;
    throw cause;
  }
}
