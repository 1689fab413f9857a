import "server-only";
import { isIP } from "node:net";

/**
 * The one key every client shares when the app can't tell clients apart. Next.js gives a route handler no way to
 * read the connection's address (`NextRequest.ip` is gone since Next 15), and the `X-Forwarded-For` it passes on
 * is the client's own header whenever the client sent one (Next fills it in from the socket only when absent). A
 * key taken from it without a proxy we trust would let anyone mint a fresh budget per request, so without
 * RCA_TRUST_PROXY the client is the connection's own address as server.mjs (`npm start`) records it; under plain
 * `next start` the per-client limit is one budget shared by all direct clients: it fails closed.
 */
export const DIRECT_CLIENTS = "direct";

/**
 * The rate-limit key of the client that sent `headers`: with a trusted reverse proxy the first `X-Forwarded-For`
 * entry (the proxy must set the header, not append to the client's), as an IPv4 address or an IPv6 /64 (one
 * subscriber usually holds a whole /64); otherwise, or when the header is missing or unreadable, DIRECT_CLIENTS.
 */
export function clientKey(headers: Headers, trustProxy: boolean): string {
  if (!trustProxy) return peerKey(headers) ?? DIRECT_CLIENTS;
  const first = headers.get("x-forwarded-for")?.split(",")[0];
  const address = first === undefined ? undefined : bareAddress(first);
  return address ? addressKey(address) : DIRECT_CLIENTS;
}

/**
 * The connection's own address, from the header server.mjs sets on every request (overwriting any a client sent);
 * only when the app runs under it (RCA_PEER_ADDRESS_HEADER names the header). Under plain `next start`: none.
 */
function peerKey(headers: Headers): string | undefined {
  const header = process.env.RCA_PEER_ADDRESS_HEADER;
  if (!header) return undefined;
  const address = bareAddress(headers.get(header) ?? "");
  return address ? addressKey(address) : undefined;
}

/** "1.2.3.4", "1.2.3.4:5678", "[2001:db8::1]:443" or "2001:db8::1" → the address, if it is one. */
function bareAddress(entry: string): string | undefined {
  const text = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(text);
  const address = (bracketed?.[1] ?? withPort?.[1] ?? text).replace(/%.*$/, "");
  return isIP(address) ? address : undefined;
}

function addressKey(address: string): string {
  if (isIP(address) === 4) return address;
  const groups = ipv6Groups(address);
  // An IPv4 client seen through a dual-stack socket (::ffff:a.b.c.d) is that IPv4 client.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail converted). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill("0");
  return [...headGroups, ...zeros, ...tailGroups].map((group) => parseInt(group, 16));
}
