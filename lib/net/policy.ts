import { BlockList, isIP } from "node:net";

/**
 * The target policy: which resolved addresses the analyzer may connect to. Public addresses only, unless the
 * operator sets RCA_ALLOW_PRIVATE_TARGETS=true (intranet deployments, test labs).
 */

interface Range {
  cidr: string;
  label: string;
}

// IANA IPv4 and IPv6 special-purpose registries: everything here is not a public unicast address.
const IPV4_RANGES: Range[] = [
  { cidr: "0.0.0.0/8", label: '"this network" (0.0.0.0/8)' },
  { cidr: "10.0.0.0/8", label: "private (RFC 1918)" },
  { cidr: "100.64.0.0/10", label: "carrier-grade NAT (RFC 6598)" },
  { cidr: "127.0.0.0/8", label: "loopback" },
  { cidr: "169.254.0.0/16", label: "link-local" },
  { cidr: "172.16.0.0/12", label: "private (RFC 1918)" },
  { cidr: "192.0.0.0/24", label: "IETF protocol assignment" },
  { cidr: "192.0.2.0/24", label: "documentation (TEST-NET-1)" },
  { cidr: "192.88.99.0/24", label: "6to4 relay anycast" },
  { cidr: "192.168.0.0/16", label: "private (RFC 1918)" },
  { cidr: "198.18.0.0/15", label: "benchmarking" },
  { cidr: "198.51.100.0/24", label: "documentation (TEST-NET-2)" },
  { cidr: "203.0.113.0/24", label: "documentation (TEST-NET-3)" },
  { cidr: "224.0.0.0/4", label: "multicast" },
  { cidr: "240.0.0.0/4", label: "reserved" },
];

const IPV6_RANGES: Range[] = [
  { cidr: "::/128", label: "unspecified" },
  { cidr: "::1/128", label: "loopback" },
  // SIIT's IPv4-translated form (RFC 2765 §2.1): refused whatever IPv4 address it carries, nothing routes it publicly.
  { cidr: "::ffff:0:0:0/96", label: "IPv4-translated (RFC 2765)" },
  { cidr: "100::/64", label: "discard-only" },
  { cidr: "2001::/23", label: "IETF protocol assignment (Teredo and others)" },
  { cidr: "2001:db8::/32", label: "documentation" },
  { cidr: "3fff::/20", label: "documentation" },
  { cidr: "5f00::/16", label: "SRv6 segment identifier (RFC 9602)" },
  { cidr: "64:ff9b:1::/48", label: "local-use NAT64" },
  { cidr: "fc00::/7", label: "unique local (private)" },
  { cidr: "fe80::/10", label: "link-local" },
  { cidr: "fec0::/10", label: "site-local (deprecated)" },
  { cidr: "ff00::/8", label: "multicast" },
];

/** IPv6 prefixes that carry an IPv4 address in their low 32 bits: judge the embedded address. */
const IPV4_EMBEDDING_PREFIXES = [
  { prefix: [0, 0, 0, 0, 0, 0xffff], label: "IPv4-mapped" },
  { prefix: [0, 0, 0, 0, 0, 0], label: "IPv4-compatible" },
  { prefix: [0x64, 0xff9b, 0, 0, 0, 0], label: "NAT64" },
];

function blockListOf(ranges: Range[], family: "ipv4" | "ipv6"): Array<{ list: BlockList; label: string }> {
  return ranges.map(({ cidr, label }) => {
    const [network, bits] = cidr.split("/") as [string, string];
    const list = new BlockList();
    list.addSubnet(network, Number(bits), family);
    return { list, label };
  });
}

const V4 = blockListOf(IPV4_RANGES, "ipv4");
const V6 = blockListOf(IPV6_RANGES, "ipv6");

export interface AddressVerdict {
  allowed: boolean;
  /** Why the address is not public, e.g. "loopback"; undefined for public addresses. */
  category?: string;
}

/** Parses an IPv6 address into its eight 16-bit groups. */
function ipv6Groups(address: string): number[] {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a, b, c, d] = dotted[1].split(".").map(Number) as [number, number, number, number];
    text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? (text.split("::") as [string, string]) : [text, undefined];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  return [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...tailGroups].map((g) => parseInt(g, 16));
}

/** Judges one resolved address (IPv4 or IPv6, any textual form Node accepts as an IP). */
export function classifyAddress(address: string, allowPrivate: boolean): AddressVerdict {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 0) return { allowed: false, category: "not an IP address" };
  const category = family === 4 ? categoryV4(bare) : categoryV6(bare);
  if (!category) return { allowed: true };
  return { allowed: allowPrivate, category };
}

function categoryV4(address: string): string | undefined {
  if (address === "255.255.255.255") return "broadcast";
  return V4.find(({ list }) => list.check(address, "ipv4"))?.label;
}

function categoryV6(address: string): string | undefined {
  const groups = ipv6Groups(address.toLowerCase());
  for (const { prefix, label } of IPV4_EMBEDDING_PREFIXES) {
    if (prefix.every((value, i) => groups[i] === value)) {
      const hi = groups[6] ?? 0;
      const lo = groups[7] ?? 0;
      if (label === "IPv4-compatible" && hi === 0 && lo <= 1) break; // :: and ::1 are judged as IPv6 below
      const v4 = `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
      const inner = categoryV4(v4);
      return inner ? `${inner} (${label} ${v4})` : undefined;
    }
  }
  // 6to4 (2002::/16) embeds an IPv4 address in bits 16-47.
  if (groups[0] === 0x2002) {
    const hi = groups[1] ?? 0;
    const lo = groups[2] ?? 0;
    const v4 = `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
    const inner = categoryV4(v4);
    if (inner) return `${inner} (6to4 ${v4})`;
  }
  return V6.find(({ list }) => list.check(address, "ipv6"))?.label;
}
