/**
 * Reads an NTLM AUTHENTICATE_MESSAGE (Type 3, MS-NLMP 2.2.1.3) the way a server does: only the tests need this (the
 * analyzer is the client and only writes Type 3). Independent of lib/net/ntlm.ts, so an encoding bug there isn't
 * mirrored here.
 */

const SIGNATURE = Buffer.from("NTLMSSP\0", "latin1");
const NEGOTIATE_UNICODE = 0x00000001;
const HEADER_LENGTH = 64;

export interface AuthenticateMessage {
  flags: number;
  lmChallengeResponse: Buffer;
  ntChallengeResponse: Buffer;
  domain: string;
  user: string;
  workstation: string;
  encryptedRandomSessionKey: Buffer;
}

/** The payload a security buffer (len u16, maxLen u16, offset u32) at `at` points to; throws when it lies outside the message. */
function securityBuffer(message: Buffer, at: number, field: string): Buffer {
  const length = message.readUInt16LE(at);
  const offset = message.readUInt32LE(at + 4);
  if (length === 0) return Buffer.alloc(0);
  if (offset > message.length || length > message.length - offset) {
    throw new Error(`NTLM authenticate message: ${field} (offset ${offset}, length ${length}) lies outside the ${message.length}-byte message`);
  }
  return Buffer.from(message.subarray(offset, offset + length));
}

/** Decodes a Type 3; throws on anything that isn't a well-formed one. */
export function parseAuthenticateMessage(message: Buffer): AuthenticateMessage {
  if (message.length < HEADER_LENGTH) throw new Error(`NTLM authenticate message: ${message.length} bytes, need at least ${HEADER_LENGTH}`);
  if (!message.subarray(0, 8).equals(SIGNATURE)) throw new Error('NTLM authenticate message: missing "NTLMSSP\\0" signature');
  const type = message.readUInt32LE(8);
  if (type !== 3) throw new Error(`NTLM authenticate message: message type ${type}, expected 3`);
  const flags = message.readUInt32LE(60);
  const text = (bytes: Buffer) => bytes.toString((flags & NEGOTIATE_UNICODE) !== 0 ? "utf16le" : "latin1");
  return {
    flags,
    lmChallengeResponse: securityBuffer(message, 12, "LmChallengeResponse"),
    ntChallengeResponse: securityBuffer(message, 20, "NtChallengeResponse"),
    domain: text(securityBuffer(message, 28, "DomainName")),
    user: text(securityBuffer(message, 36, "UserName")),
    workstation: text(securityBuffer(message, 44, "Workstation")),
    encryptedRandomSessionKey: securityBuffer(message, 52, "EncryptedRandomSessionKey"),
  };
}
