import "server-only";
import { createHash, X509Certificate as NodeX509 } from "node:crypto";
import {
  BasicOCSPResponse,
  CertID,
  id_kp_OCSPSigning,
  id_pkix_ocsp_basic,
  OCSPRequest,
  OCSPResponse,
  OCSPResponseStatus,
  Request,
  TBSRequest,
  type SingleResponse,
} from "@peculiar/asn1-ocsp";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { AlgorithmIdentifier, Certificate, CRLReasons, ExtendedKeyUsage, id_ce_extKeyUsage } from "@peculiar/asn1-x509";
import type { ParsedCertificate } from "@/lib/cert/parse";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { fetchRevocationData, RevocationFailure, shownUrl, type FailureKind } from "./fetch";
import { algorithmName, signatureVerifies } from "./signature";
import { CLOCK_SKEW_MS, type OcspAnswer } from "./types";

/** OIDs of the hashes a CertID may use, as Node names them. */
const CERT_ID_HASHES: Record<string, string> = {
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
};
const SHA1 = "1.3.14.3.2.26";

/**
 * A response without nextUpdate claims that newer information is always available; one whose thisUpdate is older
 * than this is stale (the CA/Browser Forum's longest validity for an OCSP response is 10 days).
 */
const MAX_AGE_WITHOUT_NEXT_UPDATE_MS = 10 * 24 * 60 * 60 * 1000;

/** RFC 5019 §5: a request of up to 255 bytes may go by GET. */
const MAX_GET_REQUEST_BYTES = 255;

/** The OCSP responder URLs a certificate names (Authority Information Access, id-ad-ocsp), http first. */
export function ocspUrls(cert: ParsedCertificate): string[] {
  return preferHttp(cert.revocation.ocsp);
}

/** http:// URLs first (what the analyzer fetches), the others after, keeping the certificate's order otherwise. */
export function preferHttp(urls: string[]): string[] {
  const http = urls.filter((url) => /^http:/i.test(url));
  return [...http, ...urls.filter((url) => !/^http:/i.test(url))];
}

/** The RFC 6960 CertID of `cert`, issued by `issuer`: hashes of the issuer's name and key, and the serial number. */
export function certId(cert: ParsedCertificate, issuer: ParsedCertificate, hashOid: string = SHA1): CertID {
  const hash = CERT_ID_HASHES[hashOid];
  if (!hash) throw new Error(`unsupported CertID hash ${hashOid}`);
  const subject = AsnConvert.parse(cert.der, Certificate);
  const issuing = AsnConvert.parse(issuer.der, Certificate);
  // RFC 6960 §4.1.1: the hash of the issuer name as it appears in the certificate checked, and of the issuer's key bits.
  const nameDer = AsnConvert.serialize(subject.tbsCertificate.issuer);
  const keyBits = issuing.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey;
  return new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: hashOid, parameters: null }),
    issuerNameHash: new OctetString(digest(hash, nameDer)),
    issuerKeyHash: new OctetString(digest(hash, keyBits)),
    serialNumber: subject.tbsCertificate.serialNumber,
  });
}

/** The DER OCSP request for one certificate, SHA-1 CertID and no nonce (RFC 5019, what browsers and Windows send). */
export function ocspRequest(cert: ParsedCertificate, issuer: ParsedCertificate): Buffer {
  const request = new OCSPRequest({ tbsRequest: new TBSRequest({ requestList: [new Request({ reqCert: certId(cert, issuer) })] }) });
  return Buffer.from(AsnConvert.serialize(request));
}

/**
 * Asks the responder at `url` about `cert`: POST first (application/ocsp-request), then GET (RFC 5019 §5) when the
 * POST got an answer that isn't usable. A responder that can't be reached, or that the analyzer's policy refuses, isn't
 * asked twice. Throws RevocationFailure naming the URL.
 */
export async function queryOcsp(url: string, cert: ParsedCertificate, issuer: ParsedCertificate, now: Date): Promise<OcspAnswer> {
  const der = ocspRequest(cert, issuer);
  const ask = async (method: "POST" | "GET") => {
    const response = await fetchRevocationData(
      method === "POST"
        ? { url, method, body: der, contentType: "application/ocsp-request", accept: "application/ocsp-response", maxBytes: LIMITS.ocspResponseBytes }
        : { url: getUrl(url, der), method, accept: "application/ocsp-response", maxBytes: LIMITS.ocspResponseBytes },
    );
    return { ...judgeOcspResponse(response.body, { cert, issuer, now, responderUrl: url }), method };
  };
  try {
    return await ask("POST");
  } catch (error) {
    if (!(error instanceof RevocationFailure) || NOT_RETRIED.has(error.kind) || der.length > MAX_GET_REQUEST_BYTES) throw error;
    try {
      return await ask("GET");
    } catch (second) {
      if (!(second instanceof RevocationFailure)) throw second;
      throw new RevocationFailure(second.kind, `POST: ${error.message} GET: ${second.message}`, url, { post: error.details, get: second.details });
    }
  }
}

/** Failures a second request to the same responder wouldn't change. */
const NOT_RETRIED = new Set<FailureKind>(["forbidden", "unreachable", "timeout", "unsupported-url"]);

/** RFC 5019 §5: the URL, "/", then the URL-encoded base64 of the DER request. */
function getUrl(url: string, der: Buffer): string {
  return `${url.replace(/\/+$/, "")}/${encodeURIComponent(der.toString("base64"))}`;
}

export interface OcspSubject {
  cert: ParsedCertificate;
  issuer: ParsedCertificate;
  now: Date;
  /** The responder asked, or "stapled". */
  responderUrl: string;
}

/**
 * Judges an OCSP response for one certificate, without the network: a successful basic response, signed by the
 * issuer or by a responder certificate the issuer delegated OCSP signing to (RFC 6960 §4.2.2.2), current (thisUpdate
 * and nextUpdate, with a few minutes of clock skew), about this very certificate. Throws RevocationFailure.
 */
export function judgeOcspResponse(der: Buffer, subject: OcspSubject): Omit<OcspAnswer, "method"> {
  const { responderUrl: url, now } = subject;
  const where = url === "stapled" ? "The stapled OCSP response" : `The OCSP response from ${shownUrl(url)}`;
  const fail = (kind: FailureKind, why: string, details = {}) => new RevocationFailure(kind, `${where} ${why}`, url, details);
  if (der.length > LIMITS.ocspResponseBytes) throw fail("too-large", `is larger than ${LIMITS.ocspResponseBytes} bytes: it isn't read.`);

  let basic: BasicOCSPResponse;
  try {
    const response = AsnConvert.parse(der, OCSPResponse);
    if (response.responseStatus !== OCSPResponseStatus.successful) {
      const status = OCSPResponseStatus[response.responseStatus] ?? String(response.responseStatus);
      throw fail("responder-error", `is an error, not a status: the responder answered "${status}" (${RESPONDER_ERRORS[status] ?? "an unknown error"}).`, {
        responseStatus: status,
      });
    }
    if (!response.responseBytes || response.responseBytes.responseType !== id_pkix_ocsp_basic) {
      throw fail("bad-response", "isn't a basic OCSP response (RFC 6960 §4.2.1), the only kind clients read.");
    }
    basic = AsnConvert.parse(response.responseBytes.response.buffer, BasicOCSPResponse);
  } catch (error) {
    if (error instanceof RevocationFailure) throw error;
    throw fail("bad-response", "isn't a valid DER OCSP response.", { size: der.length });
  }

  const signer = responseSigner(basic, subject.issuer, now);
  if ("failure" in signer) throw fail("bad-signature", signer.failure, signer.details);

  const single = matchingResponse(basic, subject.cert, subject.issuer);
  if (!single) {
    throw fail(
      "wrong-certificate",
      `doesn't give the status of this certificate (serial ${subject.cert.facts.serialNumber}): its CertIDs name other certificates.`,
      {
        responses: basic.tbsResponseData.responses.length,
      },
    );
  }
  const thisUpdate = single.thisUpdate;
  const nextUpdate = single.nextUpdate;
  const window = {
    thisUpdate: thisUpdate.toISOString(),
    ...(nextUpdate ? { nextUpdate: nextUpdate.toISOString() } : {}),
    producedAt: basic.tbsResponseData.producedAt.toISOString(),
  };
  if (thisUpdate.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw fail("not-yet-valid", `isn't valid yet: its thisUpdate is ${window.thisUpdate}, later than the analyzer's clock (${now.toISOString()}).`, window);
  }
  if (nextUpdate && nextUpdate.getTime() < now.getTime() - CLOCK_SKEW_MS) {
    throw fail("stale", `is stale: its nextUpdate (${window.nextUpdate}) has passed; clients reject it.`, window);
  }
  if (!nextUpdate && thisUpdate.getTime() < now.getTime() - MAX_AGE_WITHOUT_NEXT_UPDATE_MS) {
    throw fail("stale", `is stale: it has no nextUpdate and its thisUpdate (${window.thisUpdate}) is more than 10 days old.`, window);
  }

  const base = {
    source: "ocsp" as const,
    responderUrl: url,
    signer: signer.name,
    signatureAlgorithm: algorithmName(basic.signatureAlgorithm),
    ...window,
  };
  const status = single.certStatus;
  if (status.revoked) {
    const reason = status.revoked.revocationReason ? CRLReasons[status.revoked.revocationReason.reason] : undefined;
    return { ...base, status: "revoked", revokedAt: status.revoked.revocationTime.toISOString(), ...(reason ? { reason } : {}) };
  }
  if (status.unknown !== undefined) return { ...base, status: "unknown" };
  return { ...base, status: "good" };
}

const RESPONDER_ERRORS: Record<string, string> = {
  malformedRequest: "it couldn't read the request",
  internalError: "it failed internally",
  tryLater: "it is temporarily unable to answer",
  sigRequired: "it wants signed requests, which clients don't send",
  unauthorized: "it doesn't answer for this certificate's CA",
};

type Signer = { name: string } | { failure: string; details?: Record<string, string | number | boolean> };

/**
 * Who signed the response, checked: the issuing CA itself, or a certificate from `certs` that the issuer signed, that
 * carries id-kp-OCSPSigning and that is valid now. Anyone else's signature is worthless (RFC 6960 §4.2.2.2).
 */
function responseSigner(basic: BasicOCSPResponse, issuer: ParsedCertificate, now: Date): Signer {
  const data = basic.tbsResponseDataRaw ?? AsnConvert.serialize(basic.tbsResponseData);
  const algorithm = algorithmName(basic.signatureAlgorithm);
  const verifiesWith = (key: NodeX509["publicKey"]) => signatureVerifies(basic.signatureAlgorithm, basic.signature, data, key);

  if (verifiesWith(issuer.node.publicKey)) return { name: "the issuing CA" };
  const responderId = basic.tbsResponseData.responderID;
  const problems: string[] = [];
  for (const asn of (basic.certs ?? []).slice(0, LIMITS.chainCertificates)) {
    let candidate: NodeX509;
    try {
      candidate = new NodeX509(Buffer.from(AsnConvert.serialize(asn)));
    } catch {
      continue;
    }
    if (!namesResponder(responderId, asn)) continue;
    const subject = cleanText(candidate.subject.replace(/\n/g, ", "), LIMITS.nameShown);
    if (!verifiesWith(candidate.publicKey)) {
      problems.push(`the responder certificate ${subject} it carries doesn't verify its signature`);
    } else if (!candidate.checkIssued(issuer.node) || !candidate.verify(issuer.node.publicKey)) {
      problems.push(`its signer ${subject} isn't a certificate issued by the certificate's CA`);
    } else if (!hasOcspSigning(asn)) {
      problems.push(`its signer ${subject} was issued by the CA but isn't authorized to sign OCSP responses (no id-kp-OCSPSigning extended key usage)`);
    } else if (Date.parse(candidate.validTo) < now.getTime() - CLOCK_SKEW_MS || Date.parse(candidate.validFrom) > now.getTime() + CLOCK_SKEW_MS) {
      problems.push(`its signer ${subject} is outside its validity period (${candidate.validFrom} to ${candidate.validTo})`);
    } else {
      return { name: `delegated responder ${subject}` };
    }
  }
  const why = problems.length > 0 ? problems.join("; ") : "it is signed neither by the certificate's CA nor by a responder certificate the CA issued";
  return { failure: `has an invalid signature (${algorithm}): ${why}. Clients reject it.`, details: { signatureAlgorithm: algorithm } };
}

function namesResponder(responderId: BasicOCSPResponse["tbsResponseData"]["responderID"], cert: Certificate): boolean {
  if (responderId.byKey) {
    const keyHash = digest("sha1", cert.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey);
    return equalBytes(responderId.byKey.buffer, keyHash);
  }
  if (responderId.byName) {
    return Buffer.from(AsnConvert.serialize(responderId.byName)).equals(Buffer.from(AsnConvert.serialize(cert.tbsCertificate.subject)));
  }
  return false;
}

function hasOcspSigning(cert: Certificate): boolean {
  const extension = cert.tbsCertificate.extensions?.find((ext) => ext.extnID === id_ce_extKeyUsage);
  if (!extension) return false;
  const usages = AsnConvert.parse(extension.extnValue.buffer, ExtendedKeyUsage);
  return usages.includes(id_kp_OCSPSigning);
}

/** The SingleResponse whose CertID names this certificate, hashed the way the response hashed it. */
function matchingResponse(basic: BasicOCSPResponse, cert: ParsedCertificate, issuer: ParsedCertificate): SingleResponse | undefined {
  const ids = new Map<string, CertID>();
  return basic.tbsResponseData.responses.slice(0, LIMITS.chainCertificates).find((single) => {
    const oid = single.certID.hashAlgorithm.algorithm;
    if (!CERT_ID_HASHES[oid]) return false;
    let expected = ids.get(oid);
    if (!expected) {
      expected = certId(cert, issuer, oid);
      ids.set(oid, expected);
    }
    return (
      equalBytes(single.certID.serialNumber, expected.serialNumber) &&
      equalBytes(single.certID.issuerNameHash.buffer, expected.issuerNameHash.buffer) &&
      equalBytes(single.certID.issuerKeyHash.buffer, expected.issuerKeyHash.buffer)
    );
  });
}

function equalBytes(a: ArrayBuffer, b: ArrayBuffer): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

function digest(hash: string, data: ArrayBuffer): ArrayBuffer {
  return new Uint8Array(createHash(hash).update(Buffer.from(data)).digest()).buffer;
}
