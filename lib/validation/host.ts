/**
 * Host names and IP literals as typed by an administrator. Runs in the browser and on the server.
 * The WHATWG URL parser canonicalises the tricks (decimal 2130706433, hex 0x7f000001, octal 0177.0.0.1,
 * short 127.1, bracketed or mapped IPv6, IDN) exactly as a browser would, so the policy sees one form.
 */

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;

export type HostKind = "name" | "ipv4" | "ipv6";

export interface CanonicalHost {
  /** Lower-case name (punycode for IDN), dotted-quad IPv4, or IPv6 without brackets. */
  host: string;
  kind: HostKind;
}

export function canonicalHost(input: string): CanonicalHost | undefined {
  const trimmed = input.trim().replace(/\.$/, "");
  if (!trimmed || trimmed.length > 253) return undefined;
  const bracketed = trimmed.includes(":") && !trimmed.startsWith("[") ? `[${trimmed}]` : trimmed;
  let hostname: string;
  try {
    const url = new URL(`http://${bracketed}/`);
    if (url.username || url.password || url.port || url.pathname !== "/" || url.search || url.hash) return undefined;
    hostname = url.hostname;
  } catch {
    return undefined;
  }
  // The limit applies to the name as sent in DNS: after IDN conversion to punycode.
  if (hostname.length > 253) return undefined;
  if (hostname.startsWith("[")) return { host: hostname.slice(1, -1), kind: "ipv6" };
  if (/^\d+\.\d+\.\d+\.\d+$/.test(hostname)) return { host: hostname, kind: "ipv4" };
  const labels = hostname.split(".");
  if (!labels.every((label) => LABEL.test(label))) return undefined;
  return { host: hostname, kind: "name" };
}
