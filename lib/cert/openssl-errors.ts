/** OpenSSL's verification errors (X509_V_ERR_*, as Node names them) in an administrator's words. */
const MEANINGS: Record<string, string> = {
  UNABLE_TO_GET_ISSUER_CERT: "the issuer of a certificate in the chain couldn't be found",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the issuer of a certificate in the chain wasn't sent and isn't a trusted root",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the issuer of the server certificate wasn't sent and isn't a trusted root",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "the chain ends at a self-signed root that isn't trusted",
  CERT_HAS_EXPIRED: "a certificate in the chain has expired",
  CERT_NOT_YET_VALID: "a certificate in the chain isn't valid yet",
  INVALID_CA: "a certificate that issued another one isn't a valid CA (Basic Constraints or Key Usage)",
  PATH_LENGTH_EXCEEDED: "a CA's path length constraint is exceeded",
  KEYUSAGE_NO_CERTSIGN: "an issuer's Key Usage doesn't allow certificate signing",
  PERMITTED_VIOLATION: "a name is outside a CA's permitted name constraints",
  PERMITTED_SUBTREE_VIOLATION: "a name is outside a CA's permitted name constraints",
  EXCLUDED_VIOLATION: "a name is inside a CA's excluded name constraints",
  SUBTREE_MINMAX: "a CA's name constraints use minimum or maximum, which isn't supported",
  UNSUPPORTED_CONSTRAINT_TYPE: "a CA's name constraints use a name form that isn't supported",
  UNSUPPORTED_NAME_SYNTAX: "a name's syntax isn't supported by name constraints",
  CERT_SIGNATURE_FAILURE: "a certificate's signature doesn't verify",
  UNABLE_TO_DECRYPT_CERT_SIGNATURE: "a certificate's signature couldn't be checked",
  UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: "an issuer's public key couldn't be read",
  INVALID_PURPOSE: "a certificate in the chain isn't allowed for TLS server authentication (Extended Key Usage)",
  CERT_UNTRUSTED: "the root isn't trusted for this purpose",
  CERT_REJECTED: "the root is explicitly distrusted",
  UNHANDLED_CRITICAL_EXTENSION: "a certificate has a critical extension OpenSSL doesn't understand",
  CERT_CHAIN_TOO_LONG: "the chain is longer than OpenSSL's limit",
  EE_KEY_TOO_SMALL: "the server certificate's key is too small",
  CA_KEY_TOO_SMALL: "a CA's key is too small",
  CA_MD_TOO_WEAK: "a CA signature uses a weak hash",
  NOT_CHECKED: "OpenSSL's verdict wasn't recorded",
  // Node names only some of OpenSSL's errors; the rest (name constraint violations, an issuer's Key Usage without
  // keyCertSign, among others) arrive as UNSPECIFIED.
  UNSPECIFIED: "OpenSSL refused for a reason Node doesn't name (for example a name constraint violation, or an issuer's Key Usage without certificate signing)",
};

/** "CODE: meaning", or the code alone when it is one the analyzer has no words for. */
export function describeOpenSslError(code: string): string {
  const meaning = MEANINGS[code];
  return meaning ? `${code}: ${meaning}` : code;
}
