import { describe, expect, it } from "vitest";
import { judgeHandshake } from "@/lib/analyzers/steps/certificate";
import { judgeProtocols, type ProtocolSupport } from "@/lib/analyzers/steps/protocols";
import { checkDates, checkServerAuthUsage, checkStrength } from "@/lib/cert/checks";
import { checkMutualAuth } from "@/lib/cert/mutual-auth";
import type { CertificateFacts } from "@/lib/cert/parse";
import { judgeRevocation, judgeStapling } from "@/lib/cert/revocation/judge";
import type { CrlAnswer, OcspAnswer, RevocationCheck } from "@/lib/cert/revocation/types";
import { demoteToWarning, error, findingText, ok } from "@/lib/engine/finding";
import { listText, text } from "@/lib/engine/text";
import { it as italian } from "@/lib/i18n/messages/it";
import { stepMessage } from "@/lib/i18n/step-text";
import { expectLocalized, rendered } from "../support/i18n-texts";

/**
 * The certificate family of step texts (lib/cert/*, lib/analyzers/steps/certificate.ts, protocols.ts, revocation.ts):
 * each stores the English it stored before it became a catalogue text, word for word, and reads in Italian.
 */

const facts = (overrides: Partial<CertificateFacts> = {}): CertificateFacts => ({
  subject: "CN=mail.contoso.com",
  subjectCommonNames: ["mail.contoso.com"],
  issuer: "CN=Contoso CA",
  serialNumber: "0A1B",
  thumbprintSha1: "00",
  thumbprintSha256: "00",
  notBefore: "2025-01-01T00:00:00.000Z",
  notAfter: "2026-01-01T00:00:00.000Z",
  dnsNames: ["mail.contoso.com"],
  ipAddresses: [],
  keyAlgorithm: "RSA",
  keySize: 2048,
  signatureAlgorithm: "SHA-256 with RSA",
  signatureHash: "SHA-256",
  extendedKeyUsage: ["serverAuth"],
  isCA: false,
  selfIssued: false,
  ...overrides,
});

describe("certificate step texts", () => {
  it("dates: expired, not yet valid, expiring soon (one day, several) and valid, for the leaf and the chain", () => {
    const leaf = facts();
    const ca = facts({ subject: "CN=Contoso CA", notAfter: "2025-06-01T00:00:00.000Z", isCA: true });
    expectLocalized(checkDates([leaf], new Date("2026-02-01")), "The server certificate expired on 2026-01-01T00:00:00.000Z.");
    expectLocalized(checkDates([leaf, ca], new Date("2025-07-01")), 'The chain certificate "CN=Contoso CA" expired on 2025-06-01T00:00:00.000Z.');
    expectLocalized(checkDates([leaf], new Date("2024-12-01")), "The server certificate isn't valid until 2025-01-01T00:00:00.000Z.");
    expectLocalized(
      checkDates([leaf], new Date("2025-12-30T12:00:00.000Z")),
      "The certificate expires in 1 day (2026-01-01T00:00:00.000Z). Renew it before it expires.",
    );
    expectLocalized(
      checkDates([leaf], new Date("2025-12-20T00:00:00.000Z")),
      "The certificate expires in 12 days (2026-01-01T00:00:00.000Z). Renew it before it expires.",
    );
    expectLocalized(
      checkDates([leaf], new Date("2025-06-01T00:00:00.000Z")),
      "Date validation passed. The certificate hasn't expired. NotBefore = 2025-01-01T00:00:00.000Z, NotAfter = 2026-01-01T00:00:00.000Z (214 days left).",
    );
  });

  it("strength: weak keys and signatures, leaf and chain, and a strong certificate", () => {
    expectLocalized(checkStrength([facts({ keySize: 1024 })]), "The certificate has an RSA key of 1024 bits; at least 2048 bits are required.");
    expectLocalized(
      checkStrength([facts(), facts({ subject: "CN=Weak CA", keyAlgorithm: "EC", keySize: 192, keyCurve: "P-192" })]),
      'The chain certificate "CN=Weak CA" has an elliptic-curve key of 192 bits (P-192); at least 256 bits are required.',
    );
    expectLocalized(
      checkStrength([facts({ signatureAlgorithm: "SHA-1 with RSA", signatureHash: "SHA-1" })]),
      "The server certificate is signed with SHA-1 with RSA; SHA-1 signatures are rejected by current clients.",
    );
    expectLocalized(checkStrength([facts()]), "The certificate uses a 2048-bit RSA key and a SHA-256 with RSA signature.");
    expectLocalized(
      checkStrength([facts({ keyAlgorithm: "Ed25519", keySize: undefined, signatureAlgorithm: "Ed25519" })]),
      "The certificate uses a Ed25519 key and a Ed25519 signature.",
    );
  });

  it("usage: no restriction, allowed, refused, and none listed", () => {
    expectLocalized(
      checkServerAuthUsage(facts({ extendedKeyUsage: null })),
      "The certificate has no Extended Key Usage restriction; server authentication is allowed.",
    );
    expectLocalized(checkServerAuthUsage(facts()), "The certificate's Extended Key Usage allows server authentication (serverAuth).");
    const refused = checkServerAuthUsage(facts({ extendedKeyUsage: [] }));
    expectLocalized(
      refused,
      "The certificate's Extended Key Usage (none) doesn't include Server Authentication (1.3.6.1.5.5.7.3.1); clients will reject it for TLS servers.",
    );
    expect(rendered(italian, refused)).toContain("(nessuno)");
  });

  it("mutual authentication: every outcome", () => {
    expectLocalized(
      checkMutualAuth("msstd:mail.contoso.com", facts()),
      "Mutual authentication was verified successfully. Certificate common name mail.contoso.com matches msstd:mail.contoso.com.",
    );
    expectLocalized(
      checkMutualAuth("msstd:owa.contoso.com", facts({ dnsNames: ["owa.contoso.com"] })),
      "Certificate Subject Alternative Name owa.contoso.com matches msstd:owa.contoso.com, but the common name (mail.contoso.com) doesn't. Outlook on Windows Vista and later accepts a Subject Alternative Name match; older clients require the common name to match.",
    );
    expectLocalized(
      checkMutualAuth("msstd:other.contoso.com", facts()),
      "The certificate common name mail.contoso.com doesn't validate against the mutual authentication string that was provided: msstd:other.contoso.com. Subject Alternative Names: mail.contoso.com. The principal that would work is msstd:mail.contoso.com.",
    );
    expectLocalized(
      checkMutualAuth("msstd:other.contoso.com", facts({ subjectCommonNames: [], dnsNames: [] })),
      "The certificate common name (none) doesn't validate against the mutual authentication string that was provided: msstd:other.contoso.com. The certificate has no common name, so no msstd: principal can match it for older clients.",
    );
  });

  it("protocols: accepted, refused, obsolete and none modern", () => {
    const support = (accepted: string[], untested: string[] = []): ProtocolSupport =>
      Object.fromEntries(
        ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"].map((v) => [v, accepted.includes(v) ? "accepted" : untested.includes(v) ? "untested" : "refused"]),
      ) as ProtocolSupport;
    expectLocalized(judgeProtocols(support(["TLSv1.2", "TLSv1.3"])), "The server accepts TLS 1.2, TLS 1.3; it refuses TLS 1.0, TLS 1.1.");
    expectLocalized(
      judgeProtocols(support(["TLSv1", "TLSv1.1", "TLSv1.2"])),
      "The server accepts TLS 1.0, TLS 1.1, TLS 1.2; it refuses TLS 1.3. TLS 1.0 and TLS 1.1 are obsolete (RFC 8996): disable them once no old client needs them.",
    );
    expectLocalized(
      judgeProtocols(support(["TLSv1.1", "TLSv1.2", "TLSv1.3"])),
      "The server accepts TLS 1.1, TLS 1.2, TLS 1.3; it refuses TLS 1.0. TLS 1.1 is obsolete (RFC 8996): disable it once no old client needs it.",
    );
    expectLocalized(
      judgeProtocols(support(["TLSv1"])),
      "The server accepts TLS 1.0; it refuses TLS 1.1, TLS 1.2, TLS 1.3. The server accepts neither TLS 1.2 nor TLS 1.3: current Outlook, Windows and Microsoft 365 clients can't connect. Enable TLS 1.2 (and 1.3 where the server supports it).",
    );
    expectLocalized(judgeProtocols(support([], ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"])), "The server accepts none of the versions offered.");
  });

  it("the handshake: a current protocol and an obsolete one", () => {
    const handshake = { cipher: "TLS_AES_256_GCM_SHA384", chainSource: "as-sent" as const, chain: [facts()] };
    expectLocalized(
      judgeHandshake({ ...handshake, protocol: "TLSv1.3", offered: { min: "TLSv1", max: "TLSv1.3" } }),
      "The analyzer successfully obtained the remote SSL certificate. Remote Certificate Subject: CN=mail.contoso.com, Issuer: CN=Contoso CA. Negotiated TLSv1.3 with TLS_AES_256_GCM_SHA384.",
    );
    expectLocalized(
      judgeHandshake({ ...handshake, protocol: "TLSv1", offered: { min: "TLSv1", max: "TLSv1.3" } }),
      "The analyzer successfully obtained the remote SSL certificate. Remote Certificate Subject: CN=mail.contoso.com, Issuer: CN=Contoso CA. Negotiated TLSv1 with TLS_AES_256_GCM_SHA384. The analyzer offered every version up to TLS 1.3 and the server chose TLS 1.0, so it supports no TLS 1.2 or later: current Outlook, Windows and Microsoft 365 clients cannot connect. Enable TLS 1.2.",
    );
  });

  it("revocation: OCSP and CRL answers, failures before them, and stapling", () => {
    const status = { thisUpdate: "2025-05-01T00:00:00.000Z", nextUpdate: "2025-05-08T00:00:00.000Z" };
    const ocsp: OcspAnswer = {
      source: "ocsp",
      status: "good",
      responderUrl: "http://ocsp.contoso.com",
      producedAt: status.thisUpdate,
      signer: "the issuing CA",
      signatureAlgorithm: "SHA-256 with RSA",
      ...status,
    };
    const crl: CrlAnswer = {
      source: "crl",
      status: "good",
      crlUrl: "http://crl.contoso.com/ca.crl",
      entries: 3,
      cached: true,
      signatureAlgorithm: "SHA-256 with RSA",
      ...status,
    };
    const failure = { url: "http://ocsp.contoso.com", kind: "timeout", message: "The OCSP responder http://ocsp.contoso.com didn't answer in time." };
    const check = (value: RevocationCheck) => judgeRevocation(value, facts());

    expectLocalized(
      check({ method: "ocsp", answer: ocsp, failures: [] }),
      "The OCSP responder http://ocsp.contoso.com says the certificate is good: not revoked (signed by the issuing CA, current from 2025-05-01T00:00:00.000Z to 2025-05-08T00:00:00.000Z).",
    );
    expect(rendered(italian, check({ method: "ocsp", answer: ocsp, failures: [] }))).toContain("firmata dalla CA emittente");
    expectLocalized(
      check({
        method: "ocsp",
        answer: { ...ocsp, status: "revoked", revokedAt: "2025-04-01T00:00:00.000Z", reason: "keyCompromise", method: "GET" },
        failures: [],
      }),
      "The OCSP responder http://ocsp.contoso.com (asked by GET after the POST failed) says the certificate was revoked on 2025-04-01T00:00:00.000Z (reason: keyCompromise). Clients refuse it: replace the certificate.",
    );
    expectLocalized(
      check({ method: "crl", answer: { ...crl, nextUpdate: undefined }, failures: [failure as never] }),
      "The CRL at http://crl.contoso.com/ca.crl (cached) doesn't list the certificate's serial number 0A1B: not revoked (current from 2025-05-01T00:00:00.000Z). Tried first: The OCSP responder http://ocsp.contoso.com didn't answer in time. Clients that only ask that service can't check revocation.",
    );
    expectLocalized(
      check({ method: "crl", answer: { ...crl, cached: false, status: "unknown" }, failures: [] }),
      "The CRL at http://crl.contoso.com/ca.crl doesn't know this certificate (status \"unknown\"): clients can't confirm it hasn't been revoked. The responder may not serve this CA, or the certificate isn't in its database.",
    );
    expectLocalized(
      check({ method: "failed", failures: [failure as never] }),
      "The revocation status couldn't be checked: The OCSP responder http://ocsp.contoso.com didn't answer in time. Clients that check revocation can't either: some refuse the connection, others accept it without knowing.",
    );
    expectLocalized(
      judgeStapling({ stapled: true, answer: { ...ocsp, signer: "delegated responder CN=Contoso OCSP" } }, true),
      "The server staples a valid, current OCSP response: the certificate is good (signed by delegated responder CN=Contoso OCSP, current from 2025-05-01T00:00:00.000Z to 2025-05-08T00:00:00.000Z).",
    );
    expectLocalized(
      judgeStapling({ stapled: true, answer: { ...ocsp, status: "revoked" } }, true),
      "The server staples an OCSP response saying its certificate was revoked on an unstated date (no reason given). Clients refuse it: replace the certificate.",
    );
    expectLocalized(
      judgeStapling({ stapled: false }, false),
      "The server doesn't staple an OCSP response (the certificate names no OCSP responder, so there is nothing to staple).",
    );
  });
});

describe("Ignore trust for SSL", () => {
  it("keeps the stored English of a demoted error and translates it", () => {
    const demoted = demoteToWarning(checkDates([facts()], new Date("2026-02-01")));
    expect(demoted.status).toBe("warning");
    expectLocalized(demoted, 'The server certificate expired on 2026-01-01T00:00:00.000Z. (Ignored: "Ignore trust for SSL" is selected.)');
    expect(rendered(italian, demoted)).toBe(
      'Il certificato del server è scaduto il 2026-01-01T00:00:00.000Z. (Ignorato: è selezionato "Ignora l\'attendibilità SSL".)',
    );
    // A plain English error is demoted as before.
    expect(demoteToWarning(error("CERT_EXPIRED", "Expired.")).message).toBe('Expired. (Ignored: "Ignore trust for SSL" is selected.)');
    expect(demoteToWarning(error("CERT_EXPIRED", "Expired.")).text).toBeUndefined();
  });

  it("records the English message when a caller rewrote a spread finding's message", () => {
    const finding = ok(text("steps.certificate.summary.valid"));
    expect(findingText({ ...finding, message: "Rewritten." })).toBe("Rewritten.");
    expect(findingText(ok("Plain."))).toBe("Plain.");
  });
});

describe("lists of texts", () => {
  it("join items, each in the reader's language", () => {
    const order = listText([
      text("steps.certificate.trust.sentAs", { number: 2 }),
      text("steps.certificate.trust.sentAs", { number: 1 }),
      text("steps.certificate.trust.fromTrustStore"),
    ]);
    const message = text("steps.certificate.trust.outOfOrder", { order });
    expect(message.english).toBe(
      "The certificate is trusted, but the server sends its chain out of order (sent #2, sent #1, trust store); some clients fail to build the path.",
    );
    expect(stepMessage(italian, { message: message.english, messageKey: message.key, messageParams: message.params })).toContain(
      "(inviato n. 2, inviato n. 1, archivio delle radici attendibili)",
    );
    expect(listText([])).toBe("");
    expect(listText(["one"])).toBe("one");
  });
});
