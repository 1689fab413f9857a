import { describe, expect, it } from "vitest";
import { classifyAddress } from "@/lib/net/policy";
import { canonicalHost } from "@/lib/validation/host";

/**
 * The target policy is what stops the analyzer from being used to probe the operator's own network
 * (loopback services, RFC 1918 hosts, the cloud metadata endpoint). Every spelling of a non-public address
 * must be caught, and public addresses must never be refused.
 */

/** A DNS name of exactly `length` characters made of full 63-character labels. */
function nameOfLength(length: number): string {
  const labels: string[] = [];
  let remaining = length;
  while (remaining > 0) {
    const size = Math.min(63, remaining);
    labels.push("a".repeat(size));
    remaining -= size + 1; // the dot before the next label
  }
  return labels.join(".");
}

// [address, the words the category must contain]
const NON_PUBLIC: Array<[string, string]> = [
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["::1", "loopback"],
  ["0:0:0:0:0:0:0:1", "loopback"],
  ["[::1]", "loopback"],
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["::127.0.0.1", "loopback"],
  ["64:ff9b::7f00:1", "loopback"],
  ["2002:7f00:1::1", "loopback"],
  ["10.0.0.1", "private"],
  ["10.255.255.255", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["192.168.1.1", "private"],
  ["::ffff:10.0.0.1", "private"],
  ["2002:c0a8:101::1", "private"],
  ["100.64.0.1", "carrier-grade NAT"],
  ["100.127.255.255", "carrier-grade NAT"],
  ["169.254.169.254", "link-local"],
  ["::ffff:169.254.169.254", "link-local"],
  ["fe80::1", "link-local"],
  ["FE80::1", "link-local"],
  ["fe80::1%eth0", "link-local"],
  ["fd12::1", "unique local"],
  ["fc00::1", "unique local"],
  ["0.0.0.0", "this network"],
  ["::", "unspecified"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["ff02::1", "multicast"],
  ["255.255.255.255", "broadcast"],
  ["192.0.2.1", "documentation"],
  ["198.51.100.1", "documentation"],
  ["203.0.113.1", "documentation"],
  ["2001:db8::1", "documentation"],
  ["::ffff:0:7f00:1", "IPv4-translated"],
  ["::ffff:0:8.8.8.8", "IPv4-translated"], // refused even around a public IPv4 address
  ["::ffff:0:0:0", "IPv4-translated"],
  ["::ffff:0:ffff:ffff", "IPv4-translated"],
  ["5f00::1", "SRv6"],
  ["5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "SRv6"],
  ["5F00:1::1", "SRv6"],
];

const PUBLIC = [
  "8.8.8.8",
  "1.1.1.1",
  "52.96.0.1",
  "172.32.0.1", // just above 172.16.0.0/12
  "172.15.255.255", // just below it
  "100.128.0.1", // just above 100.64.0.0/10
  "2606:4700:4700::1111",
  "::ffff:8.8.8.8", // IPv4-mapped public address
  "64:ff9b::808:808", // NAT64 of a public address
  "::ffff:1:0:0", // just past ::ffff:0:0:0/96
  "5eff:ffff::1", // just below 5f00::/16
  "5f01::1", // just above it
];

describe("classifyAddress: addresses the analyzer refuses to connect to", () => {
  it.each(NON_PUBLIC)("refuses %s and says it is %s", (address, category) => {
    // Given the default policy (private targets not allowed)
    // When the address is judged
    const verdict = classifyAddress(address, false);
    // Then it is refused with a category the administrator can read
    expect(verdict.allowed).toBe(false);
    expect(verdict.category).toContain(category);
  });

  it("names the embedded IPv4 address when an IPv6 form hides a loopback address", () => {
    expect(classifyAddress("::ffff:7f00:1", false).category).toBe("loopback (IPv4-mapped 127.0.0.1)");
    expect(classifyAddress("64:ff9b::7f00:1", false).category).toBe("loopback (NAT64 127.0.0.1)");
    expect(classifyAddress("::127.0.0.1", false).category).toBe("loopback (IPv4-compatible 127.0.0.1)");
    expect(classifyAddress("2002:7f00:1::1", false).category).toBe("loopback (6to4 127.0.0.1)");
  });

  it("judges an IPv4-mapped address (::ffff:0:0/96) by the IPv4 address it carries", () => {
    expect(classifyAddress("::ffff:127.0.0.1", false)).toEqual({ allowed: false, category: "loopback (IPv4-mapped 127.0.0.1)" });
    expect(classifyAddress("::ffff:10.0.0.1", false)).toEqual({ allowed: false, category: "private (RFC 1918) (IPv4-mapped 10.0.0.1)" });
    expect(classifyAddress("::ffff:8.8.8.8", false)).toEqual({ allowed: true });
  });

  it("refuses the IPv4-translated prefix ::ffff:0:0:0/96 outright, unlike the IPv4-mapped one", () => {
    expect(classifyAddress("::ffff:0:7f00:1", false)).toEqual({ allowed: false, category: "IPv4-translated (RFC 2765)" });
    expect(classifyAddress("::ffff:0:8.8.8.8", false)).toEqual({ allowed: false, category: "IPv4-translated (RFC 2765)" });
  });

  it("refuses SRv6 segment identifiers (5f00::/16)", () => {
    expect(classifyAddress("5f00::1", false)).toEqual({ allowed: false, category: "SRv6 segment identifier (RFC 9602)" });
  });

  it("refuses something that is not an IP address at all, even when private targets are allowed", () => {
    expect(classifyAddress("mail.contoso.com", false)).toEqual({ allowed: false, category: "not an IP address" });
    expect(classifyAddress("mail.contoso.com", true)).toEqual({ allowed: false, category: "not an IP address" });
  });
});

describe("classifyAddress: public addresses", () => {
  it.each(PUBLIC)("allows %s without a category", (address) => {
    expect(classifyAddress(address, false)).toEqual({ allowed: true });
  });
});

describe("classifyAddress with RCA_ALLOW_PRIVATE_TARGETS (allowPrivate = true)", () => {
  it.each(NON_PUBLIC)("allows %s but still labels it %s", (address, category) => {
    // Given an intranet deployment that allows private targets
    const verdict = classifyAddress(address, true);
    // Then the address is allowed, and still reported as non-public
    expect(verdict.allowed).toBe(true);
    expect(verdict.category).toContain(category);
    expect(verdict.category).toBe(classifyAddress(address, false).category);
  });
});

describe("canonicalHost: IPv4 spellings are reduced to a dotted quad", () => {
  it.each([
    ["2130706433", "decimal"],
    ["0x7f000001", "hexadecimal"],
    ["0177.0.0.1", "octal"],
    ["127.1", "short"],
    ["0x7f.1", "mixed hex and short"],
    ["127.0.0.%31", "percent-encoded"],
    ["１２７.０.０.１", "full-width digits"],
  ])("reads %s (%s) as 127.0.0.1", (input) => {
    expect(canonicalHost(input)).toEqual({ host: "127.0.0.1", kind: "ipv4" });
  });

  it("reads 0xa9.0xfe.0xa9.0xfe as the cloud metadata address 169.254.169.254", () => {
    expect(canonicalHost("0xa9.0xfe.0xa9.0xfe")).toEqual({ host: "169.254.169.254", kind: "ipv4" });
  });
});

describe("canonicalHost: IPv6 literals", () => {
  it.each(["[::ffff:127.0.0.1]", "::ffff:127.0.0.1"])("reads %s as the IPv6 address ::ffff:7f00:1", (input) => {
    expect(canonicalHost(input)).toEqual({ host: "::ffff:7f00:1", kind: "ipv6" });
  });

  it.each(["[::1]", "::1", "0:0:0:0:0:0:0:1"])("reads %s as ::1 without brackets", (input) => {
    expect(canonicalHost(input)).toEqual({ host: "::1", kind: "ipv6" });
  });
});

describe("canonicalHost: host names", () => {
  it("lower-cases an upper-case name", () => {
    expect(canonicalHost("MAIL.Contoso.COM")).toEqual({ host: "mail.contoso.com", kind: "name" });
  });

  it("removes the trailing dot of a fully-qualified name", () => {
    expect(canonicalHost("mail.contoso.com.")).toEqual({ host: "mail.contoso.com", kind: "name" });
  });

  it("ignores spaces around the name", () => {
    expect(canonicalHost("  mail.contoso.com \t")).toEqual({ host: "mail.contoso.com", kind: "name" });
  });

  it("converts an internationalised name to punycode", () => {
    expect(canonicalHost("bücher.example")).toEqual({ host: "xn--bcher-kva.example", kind: "name" });
  });

  it("accepts a label of exactly 63 characters", () => {
    const name = `${"a".repeat(63)}.example`;
    expect(canonicalHost(name)).toEqual({ host: name, kind: "name" });
  });

  it("accepts a name of exactly 253 characters", () => {
    const name = nameOfLength(253);
    expect(name).toHaveLength(253);
    expect(canonicalHost(name)).toEqual({ host: name, kind: "name" });
  });
});

describe("canonicalHost: rejected input", () => {
  it.each([
    ["https://mail.contoso.com", "a URL with a scheme"],
    ["mail.contoso.com/owa", "a path"],
    ["user@host", "user info"],
    ["host:443", "a port"],
    ["[::1]:443", "a bracketed IPv6 address with a port"],
    ["mail.contoso.com?x=1", "a query"],
    ["", "an empty string"],
    ["   ", "only spaces"],
    ["mail contoso.com", "a space inside the name"],
    ["-bad.example", "a label starting with a hyphen"],
    ["bad-.example", "a label ending with a hyphen"],
    ["mail..contoso.com", "an empty label"],
    [`${"a".repeat(64)}.example`, "a label longer than 63 characters"],
    [nameOfLength(254), "a name longer than 253 characters"],
    ["256.0.0.1", "an out-of-range IPv4 address"],
  ])("rejects %j (%s)", (input) => {
    expect(canonicalHost(input)).toBeUndefined();
  });

  it("rejects an internationalised name whose punycode form is longer than 253 characters", () => {
    // Given five labels of 45 "ü" each: 229 characters as typed, 259 characters once converted to punycode
    const input = Array(5).fill("ü".repeat(45)).join(".");
    expect(input.length).toBeLessThanOrEqual(253);
    // When it is canonicalised
    const result = canonicalHost(input);
    // Then it is rejected, like any other DNS name longer than 253 characters
    expect(result).toBeUndefined();
  });
});

describe("canonicalHost then classifyAddress: every trick spelling is refused", () => {
  const TRICKS = [
    "127.0.0.1",
    "2130706433",
    "0x7f000001",
    "0177.0.0.1",
    "127.1",
    "0x7f.1",
    "127.0.0.%31",
    "１２７.０.０.１",
    "0",
    "10.1",
    "0xa9.0xfe.0xa9.0xfe",
    "[::1]",
    "::1",
    "0:0:0:0:0:0:0:1",
    "[::ffff:127.0.0.1]",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::127.0.0.1",
    "64:ff9b::7f00:1",
    "2002:7f00:1::1",
    "[::ffff:169.254.169.254]",
    "FD12::1",
    "[fe80::1]",
    "::ffff:0:7f00:1",
    "[::ffff:0:8.8.8.8]",
    "5f00::1",
  ];

  it.each(TRICKS)("%s is not an allowed target", (input) => {
    // Given what an administrator might type in the host field
    const canonical = canonicalHost(input);
    // Then it is accepted as an address…
    expect(canonical).toBeDefined();
    expect(canonical!.kind).not.toBe("name");
    // …and the policy refuses the canonical form
    expect(classifyAddress(canonical!.host, false).allowed).toBe(false);
  });
});
