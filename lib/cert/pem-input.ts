/**
 * What an admin pastes as a certificate file, judged before anything runs (browser-safe: the form and the API share
 * it). PEM certificates (`.pem`, `.crt`, `.cer` in Base64) and PKCS #7 bundles (`.p7b`) are accepted; a private key
 * never is: it must not leave the server it belongs to.
 */

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const CERTIFICATE_LABELS = new Set(["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"]);
const PKCS7_LABELS = new Set(["PKCS7", "PKCS #7 SIGNED DATA", "CMS"]);

export interface PemBlock {
  kind: "certificate" | "pkcs7";
  /** The Base64 body, whitespace removed. */
  base64: string;
}

/** The first problem with pasted certificate text, in the words the form shows; undefined when it can be read. */
export function pemInputProblem(text: string): string | undefined {
  if (/PRIVATE KEY-----/.test(text)) {
    return "This text contains a private key (-----BEGIN … PRIVATE KEY-----). Never paste or upload a private key: remove it and paste only the certificates (-----BEGIN CERTIFICATE-----).";
  }
  if (pemBlocks(text).length === 0) {
    return "Paste certificates in PEM form (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----) or a PKCS #7 bundle (-----BEGIN PKCS7-----), the leaf first.";
  }
  return undefined;
}

/** The certificate and PKCS #7 blocks of a text, in order; other blocks (requests, parameters) are left out. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(BLOCK)) {
    const label = match[1]!;
    const base64 = match[2]!.replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/]+=*$/.test(base64)) continue;
    if (CERTIFICATE_LABELS.has(label)) blocks.push({ kind: "certificate", base64 });
    else if (PKCS7_LABELS.has(label)) blocks.push({ kind: "pkcs7", base64 });
  }
  return blocks;
}
