import "server-only";
import { AsnConvert } from "@peculiar/asn1-schema";
import { CertificateList } from "@peculiar/asn1-x509";
import type { ParsedCertificate } from "@/lib/cert/parse";
import { x509 } from "@/lib/cert/x509";
import { LIMITS } from "@/lib/net/limits";
import { fetchRevocationData, RevocationFailure, shownUrl } from "./fetch";
import { preferHttp } from "./ocsp";
import { algorithmName, signatureVerifies } from "./signature";
import { CLOCK_SKEW_MS, type CrlAnswer } from "./types";

/** The CRL distribution point URLs a certificate names (full names only), http first. */
export function crlUrls(cert: ParsedCertificate): string[] {
  return preferHttp(cert.revocation.crl);
}

/** A CRL as read: @peculiar/x509's view, and the ASN.1 it was built from (the signed bytes, both algorithm fields). */
export interface ReadCrl {
  crl: x509.X509Crl;
  asn: CertificateList;
}

/** A verified CRL, kept until its nextUpdate. */
interface CachedCrl {
  crl: ReadCrl;
  bytes: number;
  expires: number;
}

/** By URL and issuing CA (the CRL was verified with that CA's key); in insertion order, so the oldest goes first. */
const cache = new Map<string, CachedCrl>();

export function clearCrlCacheForTests(): void {
  cache.clear();
}

/**
 * Fetches the CRL at `url` (DER or PEM, at most LIMITS.crlBytes) through the target policy, or takes it from the
 * cache, and judges it for `cert`. Throws RevocationFailure naming the URL.
 */
export async function queryCrl(url: string, cert: ParsedCertificate, issuer: ParsedCertificate, now: Date): Promise<CrlAnswer> {
  const key = `${issuer.facts.thumbprintSha256} ${url}`;
  const cached = cache.get(key);
  if (cached && cached.expires > now.getTime()) return { ...judgeCrl(cached.crl, { cert, issuer, now, crlUrl: url }), cached: true };
  if (cached) cache.delete(key);

  const response = await fetchRevocationData({ url, method: "GET", accept: "application/pkix-crl", maxBytes: LIMITS.crlBytes });
  const crl = readCrl(response.body, url);
  const answer = judgeCrl(crl, { cert, issuer, now, crlUrl: url });
  // Only a CRL that verified and is current gets here; one without nextUpdate has no validity to be cached for.
  if (answer.nextUpdate) remember(key, { crl, bytes: response.body.length, expires: Date.parse(answer.nextUpdate) });
  return { ...answer, cached: false };
}

function remember(key: string, entry: CachedCrl): void {
  if (entry.bytes > LIMITS.crlCacheBytes) return;
  cache.set(key, entry);
  let total = [...cache.values()].reduce((sum, kept) => sum + kept.bytes, 0);
  for (const [oldest, kept] of cache) {
    if (cache.size <= LIMITS.crlCacheEntries && total <= LIMITS.crlCacheBytes) break;
    cache.delete(oldest);
    total -= kept.bytes;
  }
}

/** DER, or PEM ("-----BEGIN X509 CRL-----") as some CAs serve it. */
export function readCrl(body: Buffer, url: string): ReadCrl {
  try {
    const text = body.subarray(0, 64).toString("latin1");
    const der = text.includes("-----BEGIN") ? x509.PemConverter.decodeFirst(body.toString("latin1")) : new Uint8Array(body);
    const asn = AsnConvert.parse(der, CertificateList);
    const crl = new x509.X509Crl(asn);
    void crl.thisUpdate; // read now: a CRL without a readable thisUpdate is no CRL
    return { crl, asn };
  } catch {
    throw new RevocationFailure("bad-response", `The answer from ${shownUrl(url)} isn't a valid CRL (DER or PEM).`, url, { size: body.length });
  }
}

export interface CrlSubject {
  cert: ParsedCertificate;
  issuer: ParsedCertificate;
  now: Date;
  crlUrl: string;
}

/**
 * Judges a CRL for one certificate, without the network: issued and signed by the certificate's CA, current
 * (thisUpdate and nextUpdate, with a few minutes of clock skew), and whether it lists the serial number. Indirect
 * and delta CRLs aren't read. Throws RevocationFailure.
 */
export function judgeCrl({ crl, asn }: ReadCrl, subject: CrlSubject): Omit<CrlAnswer, "cached"> {
  const { crlUrl: url, now, issuer } = subject;
  const where = `The CRL from ${shownUrl(url)}`;
  const fail = (kind: "bad-signature" | "bad-response" | "stale" | "not-yet-valid", why: string, details = {}) =>
    new RevocationFailure(kind, `${where} ${why}`, url, details);

  const issuerCert = new x509.X509Certificate(new Uint8Array(issuer.der));
  if (!Buffer.from(crl.issuerName.toArrayBuffer()).equals(Buffer.from(issuerCert.subjectName.toArrayBuffer()))) {
    throw fail("bad-response", `is issued by ${crl.issuer}, not by the certificate's CA (${issuerCert.subject}); indirect CRLs aren't read.`, {
      crlIssuer: crl.issuer,
    });
  }
  const algorithm = algorithmName(asn.signatureAlgorithm);
  const signed = asn.tbsCertListRaw ?? AsnConvert.serialize(asn.tbsCertList);
  // RFC 5280 §5.1.1.2: the algorithm inside the signed part must be the one outside it.
  const sameAlgorithm = asn.signatureAlgorithm.isEqual(asn.tbsCertList.signature);
  if (!sameAlgorithm || !signatureVerifies(asn.signatureAlgorithm, asn.signature, signed, issuer.node.publicKey)) {
    throw fail("bad-signature", `has an invalid signature (${algorithm}): it isn't signed by the key of ${issuerCert.subject}. Clients reject it.`, {
      signatureAlgorithm: algorithm,
    });
  }
  const window = { thisUpdate: crl.thisUpdate.toISOString(), ...(crl.nextUpdate ? { nextUpdate: crl.nextUpdate.toISOString() } : {}) };
  if (crl.thisUpdate.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw fail("not-yet-valid", `isn't valid yet: its thisUpdate is ${window.thisUpdate}, later than the analyzer's clock (${now.toISOString()}).`, window);
  }
  if (crl.nextUpdate && crl.nextUpdate.getTime() < now.getTime() - CLOCK_SKEW_MS) {
    throw fail("stale", `is stale: its nextUpdate (${window.nextUpdate}) has passed, so the CA hasn't published a current one. Clients reject it.`, window);
  }

  const base = { source: "crl" as const, crlUrl: url, entries: crl.entries.length, signatureAlgorithm: algorithm, ...window };
  const entry = crl.findRevoked(new x509.X509Certificate(new Uint8Array(subject.cert.der)));
  // removeFromCRL only appears in delta CRLs: the certificate is no longer revoked.
  if (!entry || entry.reason === x509.X509CrlReason.removeFromCRL) return { ...base, status: "good" };
  const reason = entry.reason === undefined ? undefined : x509.X509CrlReason[entry.reason];
  return { ...base, status: "revoked", revokedAt: entry.revocationDate.toISOString(), ...(reason ? { reason } : {}) };
}
