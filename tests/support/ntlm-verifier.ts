/**
 * Server-side NTLMv2 check for local test servers that play Exchange's rpcproxy.dll.
 *
 * Deliberately independent of lib/net/ntlm.ts (own parsing and NTLMv2 math, shares only the
 * RFC-tested MD4) so that an encoding bug in the client is not mirrored here.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { md4 } from "../../lib/net/md4";

export interface NtlmVerifyResult {
  ok: boolean;
  /** UserName / DomainName as sent in the Type 3 ("" when the message could not be read). */
  user: string;
  domain: string;
}

const SIGNATURE = Buffer.from("NTLMSSP\0", "latin1");
const NEGOTIATE_UNICODE = 0x00000001;

function field(buf: Buffer, at: number): Buffer | undefined {
  const len = buf.readUInt16LE(at);
  const off = buf.readUInt32LE(at + 4);
  if (len === 0) return Buffer.alloc(0);
  if (off > buf.length || len > buf.length - off) return undefined;
  return buf.subarray(off, off + len);
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
export function verifyNtlmV2Authenticate(
  type3: Buffer,
  serverChallenge: Buffer,
  accounts: Record<string, string>,
): NtlmVerifyResult {
  const fail = (user = "", domain = ""): NtlmVerifyResult => ({ ok: false, user, domain });
  if (type3.length < 64 || !type3.subarray(0, 8).equals(SIGNATURE) || type3.readUInt32LE(8) !== 3) return fail();
  if (serverChallenge.length !== 8) return fail();

  const flags = type3.readUInt32LE(60);
  const nt = field(type3, 20);
  const dom = field(type3, 28);
  const usr = field(type3, 36);
  if (!nt || !dom || !usr) return fail();
  const decode = (b: Buffer) => ((flags & NEGOTIATE_UNICODE) !== 0 ? b.toString("utf16le") : b.toString("latin1"));
  const user = decode(usr);
  const domain = decode(dom);

  // NTLMv2 response: NTProofStr(16) || blob(>= 28 bytes, starting 0x01 0x01).
  if (nt.length < 16 + 28 || nt[16] !== 0x01 || nt[17] !== 0x01) return fail(user, domain);

  const lower = user.toLowerCase();
  const at = lower.lastIndexOf("@");
  const password =
    Object.prototype.hasOwnProperty.call(accounts, lower)
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
