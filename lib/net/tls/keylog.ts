/** NSS key log lines, as emitted by Node's `tlsSocket.on("keylog")`: the secrets that decrypt what the server sent. */
import { LIMITS } from "../limits";

export interface KeylogEntry {
  label: string;
  clientRandom: Buffer;
  secret: Buffer;
}

/** Parse one key log line (`LABEL <client_random hex> <secret hex>`); undefined if malformed. */
export function parseKeylogLine(line: Buffer | string): KeylogEntry | undefined {
  const text = (typeof line === "string" ? line : line.toString("latin1")).trim();
  if (text.length > LIMITS.keylogLineChars) return undefined;
  const parts = text.split(/\s+/);
  if (parts.length !== 3) return undefined;
  const [label, random, secret] = parts as [string, string, string];
  if (!/^[A-Z0-9_]+$/.test(label) || !/^[0-9a-fA-F]{64}$/.test(random) || !/^(?:[0-9a-fA-F]{2}){16,64}$/.test(secret)) {
    return undefined;
  }
  return { label, clientRandom: Buffer.from(random, "hex"), secret: Buffer.from(secret, "hex") };
}
