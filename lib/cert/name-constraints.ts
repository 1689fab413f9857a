import { contextTag, readOne, readTlvs, SEQUENCE } from "./der";
import { decodeGeneralName, type GeneralName } from "./general-names";

/** RFC 5280 4.2.1.10: the names a CA may issue for (permitted) and may never issue for (excluded). */
export interface NameConstraints {
  permitted: GeneralName[];
  excluded: GeneralName[];
}

/** The names of a certificate that name constraints apply to. */
export interface ConstrainedNames {
  dns: string[];
  /** 4 or 16 bytes each. */
  ip: Array<{ bytes: Uint8Array; text: string }>;
}

export interface NameConstraintBreach {
  name: string;
  /** "excluded": the name lies in an excluded subtree; "not-permitted": outside every permitted subtree of its type. */
  reason: "excluded" | "not-permitted";
  /** The excluded subtree hit, or every permitted subtree of the name's type. An empty DNS subtree covers every DNS name. */
  subtrees: string[];
}

const PERMITTED = contextTag(0, true);
const EXCLUDED = contextTag(1, true);

/** The NameConstraints extension value: each GeneralSubtree's base (minimum and maximum are never used, RFC 5280). */
export function decodeNameConstraints(extensionValue: Uint8Array): NameConstraints {
  const constraints: NameConstraints = { permitted: [], excluded: [] };
  for (const part of readTlvs(readOne(extensionValue, SEQUENCE))) {
    const into = part.tag === PERMITTED ? constraints.permitted : part.tag === EXCLUDED ? constraints.excluded : undefined;
    if (!into) throw new Error("NameConstraints: unexpected element");
    for (const subtree of readTlvs(part.contents)) {
      if (subtree.tag !== SEQUENCE) throw new Error("NameConstraints: GeneralSubtree must be a SEQUENCE");
      const [base] = readTlvs(subtree.contents);
      if (!base) throw new Error("NameConstraints: GeneralSubtree without a base");
      into.push(decodeGeneralName(base.tag, base.contents));
    }
  }
  return constraints;
}

/**
 * RFC 5280 4.2.1.10 as OpenSSL reads it: "allowed.test" covers allowed.test and every name below it; ".allowed.test"
 * only the names below it. Case-insensitive; an empty base covers every name.
 */
export function dnsNameWithin(name: string, base: string): boolean {
  const host = name.toLowerCase().replace(/\.$/, "");
  const tree = base.toLowerCase().replace(/\.$/, "");
  if (tree === "") return true;
  if (host === tree) return true;
  if (tree.startsWith(".")) return host.endsWith(tree);
  return host.endsWith(`.${tree}`);
}

/** An address is within an iPAddress subtree (address + mask, 8 or 32 bytes) of its own family. */
export function ipWithin(address: Uint8Array, subtree: Uint8Array): boolean {
  if (subtree.length !== address.length * 2) return false;
  const mask = subtree.subarray(address.length);
  return address.every((byte, i) => (byte & mask[i]!) === (subtree[i]! & mask[i]!));
}

/** Every name of `names` that breaks one CA's constraints: DNS names and IP addresses (the forms a TLS server has). */
export function nameConstraintBreaches(names: ConstrainedNames, constraints: NameConstraints): NameConstraintBreach[] {
  const breaches: NameConstraintBreach[] = [];
  const dnsTrees = (list: GeneralName[]) => list.flatMap((tree) => (tree.type === "dns" ? [tree.value] : []));
  const ipTrees = (list: GeneralName[]) => list.flatMap((tree) => (tree.type === "ip" ? [tree] : []));

  for (const name of names.dns) {
    const excluded = dnsTrees(constraints.excluded).find((tree) => dnsNameWithin(name, tree));
    const permitted = dnsTrees(constraints.permitted);
    if (excluded !== undefined) breaches.push({ name, reason: "excluded", subtrees: [excluded] });
    else if (permitted.length > 0 && !permitted.some((tree) => dnsNameWithin(name, tree)))
      breaches.push({ name, reason: "not-permitted", subtrees: permitted });
  }
  for (const ip of names.ip) {
    const excluded = ipTrees(constraints.excluded).find((tree) => ipWithin(ip.bytes, tree.bytes));
    const permitted = ipTrees(constraints.permitted);
    if (excluded) breaches.push({ name: ip.text, reason: "excluded", subtrees: [excluded.text] });
    else if (permitted.length > 0 && !permitted.some((tree) => ipWithin(ip.bytes, tree.bytes)))
      breaches.push({ name: ip.text, reason: "not-permitted", subtrees: permitted.map((tree) => tree.text) });
  }
  return breaches;
}
