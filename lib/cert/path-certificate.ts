import { cleanText } from "@/lib/net/limits";
import { isSelfIssued } from "./chain";
import { decodeGeneralNames, type GeneralName } from "./general-names";
import { decodeNameConstraints, type ConstrainedNames, type NameConstraints } from "./name-constraints";
import { x509 } from "./x509";
import type { X509Certificate as NodeX509 } from "node:crypto";

const NAME_CONSTRAINTS_OID = "2.5.29.30";
const SUBJECT_ALT_NAME_OID = "2.5.29.17";

/** What RFC 5280 path validation reads from one certificate of the path. */
export interface PathCertificate {
  /** One line, cleaned: names the certificate in messages. */
  subject: string;
  /** Subject and issuer are the same name (a root, or a CA's key rollover certificate). */
  selfIssued: boolean;
  notBefore: Date;
  notAfter: Date;
  /** null when the extension is absent. */
  basicConstraints: { ca: boolean; pathLength?: number } | null;
  /** Key Usage names when the extension is present; null when it is absent (every usage allowed). */
  keyUsage: string[] | null;
  /** null when absent; "unreadable" when present but malformed (then nothing can be shown to satisfy it). */
  nameConstraints: NameConstraints | "unreadable" | null;
  /** The names name constraints apply to: SAN dNSName / iPAddress, and the CN when there is no dNSName (as OpenSSL does). */
  names: ConstrainedNames;
  /** An X.509 version 1 certificate (no extensions possible): OpenSSL still accepts a self-signed one as a root. */
  version1: boolean;
}

const KEY_USAGE_NAMES: Array<[number, string]> = [
  [x509.KeyUsageFlags.digitalSignature, "digitalSignature"],
  [x509.KeyUsageFlags.nonRepudiation, "nonRepudiation"],
  [x509.KeyUsageFlags.keyEncipherment, "keyEncipherment"],
  [x509.KeyUsageFlags.dataEncipherment, "dataEncipherment"],
  [x509.KeyUsageFlags.keyAgreement, "keyAgreement"],
  [x509.KeyUsageFlags.keyCertSign, "keyCertSign"],
  [x509.KeyUsageFlags.cRLSign, "cRLSign"],
  [x509.KeyUsageFlags.encipherOnly, "encipherOnly"],
  [x509.KeyUsageFlags.decipherOnly, "decipherOnly"],
];

/** Reads the path-relevant extensions with @peculiar/x509; raw DER structures it doesn't model are decoded here. */
export function readPathCertificate(cert: NodeX509): PathCertificate {
  const parsed = new x509.X509Certificate(new Uint8Array(cert.raw));
  const basic = parsed.getExtension(x509.BasicConstraintsExtension);
  const usage = parsed.getExtension(x509.KeyUsagesExtension);
  const san = parsed.getExtension(SUBJECT_ALT_NAME_OID);
  const constraints = parsed.getExtension(NAME_CONSTRAINTS_OID);
  const altNames = san ? (safely(() => decodeGeneralNames(new Uint8Array(san.value))) ?? []) : [];
  // Matched as the certificate holds them: cleaning (truncation) is for messages, and could move a name out of a subtree.
  const dns = altNames.flatMap((name: GeneralName) => (name.type === "dns" ? [name.value] : []));
  const commonNames = parsed.subjectName.getField("CN");
  return {
    subject: cleanText(parsed.subject),
    selfIssued: isSelfIssued(cert),
    notBefore: parsed.notBefore,
    notAfter: parsed.notAfter,
    basicConstraints: basic ? { ca: basic.ca, ...(basic.pathLength === undefined ? {} : { pathLength: basic.pathLength }) } : null,
    keyUsage: usage ? KEY_USAGE_NAMES.filter(([flag]) => (usage.usages & flag) !== 0).map(([, name]) => name) : null,
    nameConstraints: constraints ? (safely(() => decodeNameConstraints(new Uint8Array(constraints.value))) ?? "unreadable") : null,
    names: {
      // Without a dNSName the CN is what clients match, so it is constrained too (only when it looks like a host name).
      dns: dns.length > 0 ? dns : commonNames.filter(looksLikeHostName),
      ip: altNames.flatMap((name) =>
        name.type === "ip" && (name.bytes.length === 4 || name.bytes.length === 16) ? [{ bytes: name.bytes, text: name.text }] : [],
      ),
    },
    version1: tbsVersion(parsed) === 0,
  };
}

/** The encoded version (0 for v1); @peculiar/x509 keeps its parsed ASN.1 protected. */
function tbsVersion(parsed: InstanceType<typeof x509.X509Certificate>): number {
  return (parsed as unknown as { asn: { tbsCertificate: { version: number } } }).asn.tbsCertificate.version;
}

function looksLikeHostName(name: string): boolean {
  return name.includes(".") && /^(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/i.test(name);
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
