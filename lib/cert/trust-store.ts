import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";
import { env } from "@/lib/config/env";
import { logError } from "@/lib/log/logger";
import type { TrustAnchors } from "@/lib/net/tls";

export interface TrustStore {
  anchors: X509Certificate[];
  /** The same roots for OpenSSL (Node's TLS stack), whose verdict is the second opinion on every chain. */
  openssl: TrustAnchors;
  /** Where the anchors came from, for the step details. */
  description: string;
}

let cached: TrustStore | undefined;
let generation = 0;

/** The Mozilla roots bundled with Node, plus NODE_EXTRA_CA_CERTS (the Node.js convention); loaded once. */
export function trustStore(): TrustStore {
  if (!cached) {
    const extraFile = env().NODE_EXTRA_CA_CERTS;
    const extra = extraFile ? readPemFile(extraFile) : [];
    const pems = [...rootCertificates, ...extra];
    generation += 1;
    cached = {
      anchors: pems.flatMap(parsePem),
      openssl: { id: `store-${generation}`, pems },
      description: `${rootCertificates.length} bundled Mozilla roots${extraFile ? ` + ${extra.length} from NODE_EXTRA_CA_CERTS` : ""}`,
    };
  }
  return cached;
}

/** Tests point NODE_EXTRA_CA_CERTS at a new lab; production loads the store once. */
export function resetTrustStoreForTests(): void {
  cached = undefined;
}

function readPemFile(path: string): string[] {
  try {
    return splitPem(readFileSync(path, "utf8"));
  } catch (error) {
    logError("NODE_EXTRA_CA_CERTS couldn't be read", error, { path });
    return [];
  }
}

function splitPem(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

function parsePem(pem: string): X509Certificate[] {
  try {
    return [new X509Certificate(pem)];
  } catch {
    return [];
  }
}
