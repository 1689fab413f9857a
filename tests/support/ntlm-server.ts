/**
 * The server half of NTLM for the fake RPC proxy: answers a Type 1 with a Type 2 challenge and checks the
 * client's Type 3 with the independent verifier. One challenge per TLS connection, as IIS does.
 */
import { randomBytes } from "node:crypto";
import { verifyNtlmV2Authenticate } from "./ntlm-verifier";
import type http from "node:http";

function avPair(id: number, value: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16LE(id, 0);
  header.writeUInt16LE(value.length, 2);
  return Buffer.concat([header, value]);
}

function challengeMessage(serverChallenge: Buffer): Buffer {
  const targetName = Buffer.from("CONTOSO", "utf16le");
  const timestamp = Buffer.alloc(8);
  timestamp.writeBigUInt64LE(BigInt(Date.now()) * 10_000n + 116_444_736_000_000_000n);
  const targetInfo = Buffer.concat([
    avPair(2, Buffer.from("CONTOSO", "utf16le")),
    avPair(1, Buffer.from("MAIL", "utf16le")),
    avPair(4, Buffer.from("contoso.test", "utf16le")),
    avPair(3, Buffer.from("mail.contoso.test", "utf16le")),
    avPair(7, timestamp),
    Buffer.alloc(4),
  ]);
  const header = Buffer.alloc(56);
  Buffer.from("NTLMSSP\0", "latin1").copy(header, 0);
  header.writeUInt32LE(2, 8);
  header.writeUInt16LE(targetName.length, 12);
  header.writeUInt16LE(targetName.length, 14);
  header.writeUInt32LE(56, 16);
  header.writeUInt32LE(0xa2898205, 20); // UNICODE | REQUEST_TARGET | NTLM | ALWAYS_SIGN | TARGET_TYPE_DOMAIN | ESS | TARGET_INFO | VERSION | 128
  serverChallenge.copy(header, 24);
  header.writeUInt16LE(targetInfo.length, 40);
  header.writeUInt16LE(targetInfo.length, 42);
  header.writeUInt32LE(56 + targetName.length, 44);
  header.writeUInt8(10, 48);
  header.writeUInt16LE(20348, 50);
  header.writeUInt8(15, 55);
  return Buffer.concat([header, targetName, targetInfo]);
}

/** The MsvAvChannelBindings value in a Type 3's NTLMv2 blob, if any (walks the AV pairs after the 28-byte blob header). */
function channelBindingsOf(type3: Buffer): Buffer | undefined {
  const length = type3.readUInt16LE(20);
  const offset = type3.readUInt32LE(24);
  const nt = type3.subarray(offset, offset + length);
  for (let at = 16 + 28; at + 4 <= nt.length;) {
    const id = nt.readUInt16LE(at);
    const size = nt.readUInt16LE(at + 2);
    if (id === 0) return undefined;
    if (id === 10) return nt.subarray(at + 4, at + 4 + size);
    at += 4 + size;
  }
  return undefined;
}

/**
 * An `onNtlm` hook for rpcProxyHandler; `accounts` maps lower-case user names to passwords. With
 * `channelBindings`, answers like IIS with Extended Protection "Require": a Type 3 without that exact
 * MsvAvChannelBindings value is refused even with the right password.
 */
export function ntlmResponder(accounts: Record<string, string>, options: { channelBindings?: Buffer } = {}) {
  const challenges = new WeakMap<object, Buffer>();
  return (authHeader: string, req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    const connection = (req.socket as unknown as { tlsSocket?: object }).tlsSocket ?? req.socket;
    const [scheme, token = ""] = authHeader.split(/\s+/, 2);
    const message = Buffer.from(token, "base64");
    const type = message.length >= 12 ? message.readUInt32LE(8) : 0;
    if (type === 1) {
      const serverChallenge = randomBytes(8);
      challenges.set(connection, serverChallenge);
      res.writeHead(401, { "WWW-Authenticate": `${scheme} ${challengeMessage(serverChallenge).toString("base64")}`, "Content-Length": "0" });
      res.end();
      return true;
    }
    const serverChallenge = challenges.get(connection);
    const bound = !options.channelBindings || (type === 3 && channelBindingsOf(message)?.equals(options.channelBindings) === true);
    if (type === 3 && serverChallenge && bound && verifyNtlmV2Authenticate(message, serverChallenge, accounts).ok) {
      res.writeHead(200, { "Content-Length": "0" });
      res.end();
      return true;
    }
    return false;
  };
}
