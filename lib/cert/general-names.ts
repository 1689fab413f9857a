import { contextTag, readOne, readTlvs, SEQUENCE } from "./der";

/** GeneralName (RFC 5280 4.2.1.6) as path validation sees it: DNS names and IP addresses; other forms only by kind. */
export type GeneralName = { type: "dns"; value: string } | { type: "ip"; bytes: Uint8Array; text: string } | { type: "other"; kind: string };

const DNS_NAME = contextTag(2);
const IP_ADDRESS = contextTag(7);
const KINDS = ["otherName", "rfc822Name", "dNSName", "x400Address", "directoryName", "ediPartyName", "uniformResourceIdentifier", "iPAddress", "registeredID"];

/** One GeneralName; an iPAddress of any length is kept as bytes (4 or 16 in a SAN, 8 or 32 with a mask in name constraints). */
export function decodeGeneralName(tag: number, contents: Uint8Array): GeneralName {
  if (tag === DNS_NAME) return { type: "dns", value: Buffer.from(contents).toString("latin1") };
  if (tag === IP_ADDRESS) return { type: "ip", bytes: contents, text: formatIp(contents) };
  return { type: "other", kind: KINDS[tag & 0x1f] ?? `tag ${tag & 0x1f}` };
}

/** A Subject Alternative Name extension value (GeneralNames). */
export function decodeGeneralNames(extensionValue: Uint8Array): GeneralName[] {
  return readTlvs(readOne(extensionValue, SEQUENCE)).map((item) => decodeGeneralName(item.tag, item.contents));
}

/** IPv4 dotted, IPv6 in RFC 5952 short form; an address with a mask (name constraints) as address/prefix. */
export function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 8 || bytes.length === 32) {
    const half = bytes.length / 2;
    return `${formatIp(bytes.subarray(0, half))}/${prefixLength(bytes.subarray(half)) ?? formatIp(bytes.subarray(half))}`;
  }
  if (bytes.length === 4) return [...bytes].join(".");
  if (bytes.length !== 16) return `0x${Buffer.from(bytes).toString("hex")}`;
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i]! << 8) | bytes[2 * i + 1]!).toString(16));
  // The longest run of two or more zero groups becomes "::".
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === "0") length++;
    if (length > best.length) best = { start, length };
  }
  if (best.start < 0) return groups.join(":");
  return `${groups.slice(0, best.start).join(":")}::${groups.slice(best.start + best.length).join(":")}`;
}

/** The prefix length of a contiguous mask; undefined when the mask has holes. */
function prefixLength(mask: Uint8Array): number | undefined {
  const bits = [...mask].map((byte) => byte.toString(2).padStart(8, "0")).join("");
  return /^1*0*$/.test(bits) ? (bits.indexOf("0") === -1 ? bits.length : bits.indexOf("0")) : undefined;
}
