import { createHash, X509Certificate } from "node:crypto";
import type { TlsaRecord } from "../dns-records";

/**
 * DANE for SMTP (RFC 6698, RFC 7671, RFC 7672), pure: which TLSA records the certificate chain a server presented
 * matches. SMTP uses only DANE-TA(2) (a trust anchor in the chain) and DANE-EE(3) (the server's own certificate);
 * PKIX-TA(0) and PKIX-EE(1) records are "unusable" for SMTP (RFC 7672 §3.1.3) and never match.
 */

export const TLSA_USAGES: Record<number, string> = { 0: "PKIX-TA", 1: "PKIX-EE", 2: "DANE-TA", 3: "DANE-EE" };
const SELECTORS: Record<number, string> = { 0: "full certificate", 1: "public key (SPKI)" };
const MATCHING: Record<number, string> = { 0: "exact", 1: "SHA-256", 2: "SHA-512" };

export interface TlsaMatch {
  /** "3 1 1 ab12…", as written in a zone. */
  record: string;
  /** What the record says, in words. */
  meaning: string;
  usable: boolean;
  /** The position in the chain (1 = the server's certificate) of the certificate that matched. */
  matchedPosition?: number;
  /** Why an unusable record is ignored. */
  note?: string;
}

/** "3 1 1 <hex>" */
export function tlsaText(record: TlsaRecord): string {
  return `${record.usage} ${record.selector} ${record.matchingType} ${record.data.toLowerCase()}`;
}

/** The data a record's selector and matching type produce for one certificate (DER), hex; undefined if unknown. */
export function associationData(der: Buffer, selector: number, matchingType: number): string | undefined {
  let selected: Buffer;
  if (selector === 0) selected = der;
  else if (selector === 1) selected = new X509Certificate(der).publicKey.export({ type: "spki", format: "der" });
  else return undefined;
  if (matchingType === 0) return selected.toString("hex");
  if (matchingType === 1) return createHash("sha256").update(selected).digest("hex");
  if (matchingType === 2) return createHash("sha512").update(selected).digest("hex");
  return undefined;
}

/**
 * Matches every record against the chain (DER, the server's certificate first). DANE-EE looks at the server's
 * certificate only; DANE-TA at the certificates after it (the trust anchor must be in the chain the server sends,
 * RFC 7671 §5.2.2, unless the record names only its key).
 */
export function matchTlsa(chain: readonly Buffer[], records: readonly TlsaRecord[]): TlsaMatch[] {
  return records.map((record) => {
    const text = tlsaText(record);
    const meaning = `${TLSA_USAGES[record.usage] ?? `usage ${record.usage}`}, ${SELECTORS[record.selector] ?? `selector ${record.selector}`}, ${MATCHING[record.matchingType] ?? `matching type ${record.matchingType}`}`;
    if (record.usage !== 2 && record.usage !== 3) {
      return { record: text, meaning, usable: false, note: "SMTP servers use only DANE-TA (2) and DANE-EE (3) records (RFC 7672): senders ignore this one" };
    }
    if (SELECTORS[record.selector] === undefined || MATCHING[record.matchingType] === undefined) {
      return { record: text, meaning, usable: false, note: "unknown selector or matching type: senders ignore this record" };
    }
    const candidates =
      record.usage === 3 ? chain.slice(0, 1).map((der) => ({ der, position: 1 })) : chain.slice(1).map((der, index) => ({ der, position: index + 2 }));
    const wanted = record.data.toLowerCase();
    const matched = candidates.find(({ der }) => {
      try {
        return associationData(der, record.selector, record.matchingType) === wanted;
      } catch {
        // A certificate Node can't read can't match.
        return false;
      }
    });
    return { record: text, meaning, usable: true, ...(matched ? { matchedPosition: matched.position } : {}) };
  });
}
