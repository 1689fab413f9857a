import "server-only";
import { pemBlocks } from "./pem-input";
import { x509 } from "./x509";

/**
 * The certificates of a pasted file as DER, in the order given: each PEM certificate, and each certificate of a
 * PKCS #7 bundle (whose order is the bundle's). At most `max`; what couldn't be decoded is counted, not fatal.
 */
export function readCertificateFile(text: string, max: number): { certificates: Buffer[]; unreadable: number; truncated: boolean } {
  const certificates: Buffer[] = [];
  let unreadable = 0;
  for (const block of pemBlocks(text)) {
    const der = Buffer.from(block.base64, "base64");
    if (block.kind === "certificate") {
      certificates.push(der);
      continue;
    }
    try {
      for (const cert of new x509.X509Certificates(der)) certificates.push(Buffer.from(cert.rawData));
    } catch {
      unreadable += 1;
    }
  }
  return { certificates: certificates.slice(0, max), unreadable, truncated: certificates.length > max };
}

/** DER certificates as PEM text (for `openssl verify`). */
export function toPem(der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}
