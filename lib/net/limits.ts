/** Size caps on everything a remote server can send us. */
export const LIMITS = {
  /** Raw bytes of a TLS handshake recorded for parsing (the chain as sent). */
  tlsTranscriptBytes: 512 * 1024,
  /** Certificates accepted from one chain. */
  chainCertificates: 20,
  /** HTTP response body kept for analysis. */
  httpBodyBytes: 256 * 1024,
  /** HTTP response header block. */
  httpHeaderBytes: 32 * 1024,
  /** Any single text field shown to the user (certificate fields, headers, banners). */
  textField: 1024,
} as const;

/** Hostile text from a server, made safe to store and show: printable, single-line, truncated. */
export function cleanText(value: string, max: number = LIMITS.textField): string {
  const printable = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, "\uFFFD");
  return printable.length > max ? `${printable.slice(0, max)}… (truncated, ${printable.length} characters)` : printable;
}
