import { constants, verify as verifySignatureBytes, type KeyObject } from "node:crypto";
import { x509 } from "@/lib/cert/x509";
import type { AlgorithmIdentifier } from "@peculiar/asn1-x509";

const provider = new x509.AlgorithmProvider();

/** WebCrypto hash names as Node's crypto spells them. */
const NODE_HASHES: Record<string, string> = { "SHA-1": "sha1", "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512" };

/**
 * Whether `signature` over `data` verifies with `key` under the algorithm an OCSP response or CRL names (RSA
 * PKCS#1 v1.5, RSA-PSS, ECDSA, EdDSA). @peculiar/x509 reads the algorithm identifier; Node's crypto verifies. An
 * algorithm it can't name (MD5 with RSA…) never verifies.
 */
export function signatureVerifies(algorithm: AlgorithmIdentifier, signature: ArrayBuffer, data: ArrayBuffer, key: KeyObject): boolean {
  const web = provider.toWebAlgorithm(algorithm) as { name: string; hash?: { name: string }; saltLength?: number };
  const hash = web.hash ? NODE_HASHES[web.hash.name] : undefined;
  const bytes = Buffer.from(data);
  const sig = Buffer.from(signature);
  try {
    switch (web.name) {
      case "RSASSA-PKCS1-v1_5":
      case "ECDSA":
        return hash !== undefined && verifySignatureBytes(hash, bytes, key, sig);
      case "RSA-PSS":
        return (
          hash !== undefined && verifySignatureBytes(hash, bytes, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: web.saltLength ?? 20 }, sig)
        );
      case "Ed25519":
      case "Ed448":
        return verifySignatureBytes(null, bytes, key, sig);
      default:
        return false;
    }
  } catch {
    // A key of another type than the algorithm names, or a malformed signature: it doesn't verify.
    return false;
  }
}

/** The algorithm's name for messages ("SHA-256 with ECDSA"), or its OID when unknown. */
export function algorithmName(algorithm: AlgorithmIdentifier): string {
  const web = provider.toWebAlgorithm(algorithm) as { name: string; hash?: { name: string } };
  return web.hash ? `${web.hash.name} with ${web.name}` : web.name;
}
