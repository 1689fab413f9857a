import { createHash, X509Certificate as NodeX509 } from "node:crypto";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { isSelfIssued } from "./chain";
import { x509 } from "./x509";

/** What an admin needs to know about one certificate; every string is cleaned server text. */
export interface CertificateFacts {
  subject: string;
  subjectCommonNames: string[];
  issuer: string;
  issuerCommonName?: string;
  serialNumber: string;
  thumbprintSha1: string;
  thumbprintSha256: string;
  notBefore: string;
  notAfter: string;
  dnsNames: string[];
  ipAddresses: string[];
  keyAlgorithm: string;
  keySize?: number;
  keyCurve?: string;
  signatureAlgorithm: string;
  /** Hash of the signature, upper-case ("SHA-256"), when the algorithm has one. */
  signatureHash?: string;
  /** Extended Key Usage names or OIDs; null when the extension is absent (any usage allowed). */
  extendedKeyUsage: string[] | null;
  isCA: boolean;
  selfIssued: boolean;
}

/** A certificate from the wire: the parsed view and Node's (for verification and host checks). */
export interface ParsedCertificate {
  der: Buffer;
  node: NodeX509;
  facts: CertificateFacts;
  /** Where its revocation status is published (AIA OCSP responders, CRL distribution points), as written in it. */
  revocation: { ocsp: string[]; crl: string[] };
}

const EKU_NAMES: Record<string, string> = {
  "1.3.6.1.5.5.7.3.1": "serverAuth",
  "1.3.6.1.5.5.7.3.2": "clientAuth",
  "1.3.6.1.5.5.7.3.3": "codeSigning",
  "1.3.6.1.5.5.7.3.4": "emailProtection",
  "1.3.6.1.5.5.7.3.8": "timeStamping",
  "1.3.6.1.5.5.7.3.9": "OCSPSigning",
  "2.5.29.37.0": "anyExtendedKeyUsage",
};

const SIGNATURE_NAMES: Record<string, string> = {
  "RSASSA-PKCS1-v1_5": "RSA",
  "RSA-PSS": "RSA-PSS",
  ECDSA: "ECDSA",
  Ed25519: "Ed25519",
  Ed448: "Ed448",
};

export function parseCertificate(der: Buffer): ParsedCertificate {
  const node = new NodeX509(der);
  const cert = new x509.X509Certificate(new Uint8Array(der));
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  const names = san?.names.items ?? [];
  const eku = cert.getExtension(x509.ExtendedKeyUsageExtension);
  const basic = cert.getExtension(x509.BasicConstraintsExtension);
  const key = node.publicKey.asymmetricKeyDetails ?? {};
  const signature = describeSignature(cert);

  const facts: CertificateFacts = {
    subject: cleanText(cert.subject),
    subjectCommonNames: cert.subjectName.getField("CN").map((cn) => cleanText(cn)),
    issuer: cleanText(cert.issuer),
    issuerCommonName: first(cert.issuerName.getField("CN")),
    serialNumber: cleanText(cert.serialNumber.toUpperCase(), LIMITS.nameShown),
    thumbprintSha1: createHash("sha1").update(der).digest("hex").toUpperCase(),
    thumbprintSha256: createHash("sha256").update(der).digest("hex").toUpperCase(),
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    dnsNames: names.filter((n) => n.type === "dns").map((n) => cleanText(n.value, LIMITS.nameShown)),
    ipAddresses: names.filter((n) => n.type === "ip").map((n) => cleanText(n.value, LIMITS.nameShown)),
    keyAlgorithm: (node.publicKey.asymmetricKeyType ?? "unknown").toUpperCase(),
    keySize: key.modulusLength ?? curveBits(key.namedCurve),
    keyCurve: key.namedCurve,
    signatureAlgorithm: signature.name,
    signatureHash: signature.hash,
    extendedKeyUsage: eku ? eku.usages.map((usage) => EKU_NAMES[String(usage)] ?? cleanText(String(usage), LIMITS.nameShown)) : null,
    isCA: basic?.ca ?? false,
    selfIssued: isSelfIssued(node),
  };
  return { der, node, facts, revocation: revocationServices(cert) };
}

/** Read here, from the one parse, rather than by every revocation check that needs them. */
function revocationServices(cert: InstanceType<typeof x509.X509Certificate>): ParsedCertificate["revocation"] {
  const aia = cert.getExtension(x509.AuthorityInfoAccessExtension);
  const cdp = cert.getExtension(x509.CRLDistributionPointsExtension);
  return {
    ocsp: (aia?.ocsp ?? []).filter((name) => name.type === "url").map((name) => name.value),
    crl: (cdp?.distributionPoints ?? []).flatMap((point) =>
      (point.distributionPoint?.fullName ?? []).flatMap((name) => (name.uniformResourceIdentifier ? [name.uniformResourceIdentifier] : [])),
    ),
  };
}

function first(values: string[]): string | undefined {
  return values[0] === undefined ? undefined : cleanText(values[0]);
}

function curveBits(curve: string | undefined): number | undefined {
  const match = /(\d{3})/.exec(curve ?? "");
  return match?.[1] ? Number(match[1]) : undefined;
}

function describeSignature(cert: InstanceType<typeof x509.X509Certificate>): { name: string; hash?: string } {
  try {
    const algorithm = cert.signatureAlgorithm as { name: string; hash?: { name: string } };
    const hash = algorithm.hash?.name.toUpperCase();
    const family = SIGNATURE_NAMES[algorithm.name] ?? algorithm.name;
    return { name: hash ? `${hash} with ${family}` : family, hash };
  } catch {
    // Unknown or legacy algorithm (e.g. md5WithRSAEncryption): @peculiar/x509 can't name it.
    return legacySignature(cert);
  }
}

const LEGACY_SIGNATURE_OIDS: Record<string, { name: string; hash: string }> = {
  "1.2.840.113549.1.1.4": { name: "MD5 with RSA", hash: "MD5" },
  "1.2.840.113549.1.1.2": { name: "MD2 with RSA", hash: "MD2" },
  "1.2.840.113549.1.1.5": { name: "SHA-1 with RSA", hash: "SHA-1" },
  "1.2.840.10045.4.1": { name: "SHA-1 with ECDSA", hash: "SHA-1" },
};

function legacySignature(cert: InstanceType<typeof x509.X509Certificate>): { name: string; hash?: string } {
  // The parsed ASN.1 is protected in @peculiar/x509; its OID is all we need here.
  const asn = (cert as unknown as { asn: { signatureAlgorithm: { algorithm: string } } }).asn;
  const oid = asn.signatureAlgorithm.algorithm;
  return LEGACY_SIGNATURE_OIDS[oid] ?? { name: `unknown (${oid})` };
}
