/**
 * Server-side NTLMv2 check for local test servers that play Exchange's rpcproxy.dll.
 *
 * Deliberately independent of lib/net/ntlm.ts (own parsing in ./ntlm-authenticate.ts and own NTLMv2 math, shares only the
 * RFC-tested MD4) so that an encoding bug in the client is not mirrored here.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { parseAuthenticateMessage, type AuthenticateMessage } from "./ntlm-authenticate";
import { md4 } from "../../lib/net/md4";

export interface NtlmVerifyResult {
  ok: boolean;
  /** UserName / DomainName as sent in the Type 3 ("" when the message could not be read). */
  user: string;
  domain: string;
}

function hmacMd5(key: Buffer, ...parts: Buffer[]): Buffer {
  const h = createHmac("md5", key);
  for (const p of parts) h.update(p);
  return h.digest();
}

/**
 * Verifies an NTLMv2 AUTHENTICATE_MESSAGE against `serverChallenge` and an account table keyed by
 * lower-cased user name. `user@suffix` also matches the key "user". Any domain is accepted (it
 * still goes into NTOWFv2, exactly as sent, like a DC would do).
 */
export function verifyNtlmV2Authenticate(type3: Buffer, serverChallenge: Buffer, accounts: Record<string, string>): NtlmVerifyResult {
  const fail = (user = "", domain = ""): NtlmVerifyResult => ({ ok: false, user, domain });
  if (serverChallenge.length !== 8) return fail();
  let message: AuthenticateMessage;
  try {
    message = parseAuthenticateMessage(type3);
  } catch {
    return fail();
  }
  const { ntChallengeResponse: nt, user, domain } = message;

  // NTLMv2 response: NTProofStr(16) || blob(>= 28 bytes, starting 0x01 0x01).
  if (nt.length < 16 + 28 || nt[16] !== 0x01 || nt[17] !== 0x01) return fail(user, domain);

  const lower = user.toLowerCase();
  const at = lower.lastIndexOf("@");
  const password = Object.prototype.hasOwnProperty.call(accounts, lower)
    ? accounts[lower]
    : at > 0 && Object.prototype.hasOwnProperty.call(accounts, lower.slice(0, at))
      ? accounts[lower.slice(0, at)]
      : undefined;
  if (password === undefined) return fail(user, domain);

  const ntHash = md4(Buffer.from(password, "utf16le"));
  const responseKey = hmacMd5(ntHash, Buffer.from(user.toUpperCase() + domain, "utf16le"));
  const proof = nt.subarray(0, 16);
  const blob = nt.subarray(16);
  const expected = hmacMd5(responseKey, serverChallenge, blob);
  return { ok: timingSafeEqual(proof, expected), user, domain };
}
