import { createHash, X509Certificate } from "node:crypto";
import { rootCertificates } from "node:tls";
import { AsnConvert } from "@peculiar/asn1-schema";
import { Certificate, TBSCertificate } from "@peculiar/asn1-x509";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import bundledJson from "@/lib/cert/ct/log-list.json";
import { bundledLogs } from "@/lib/cert/ct/logs";
import { endsAtPublicRoot, isBundledPublicRoot } from "@/lib/cert/ct/public-roots";
import { EMBEDDED_SCT_OID, embeddedScts, parseSctList, precertificateTbs, sctAlgorithmName, stapledScts, verifySct } from "@/lib/cert/ct/sct";
import { parseCertificate, type ParsedCertificate } from "@/lib/cert/parse";
import { createTestCtLog, createTestPki, ocspResponseWithScts, x509SctList, type Issued, type TestCtLog, type TestPki } from "../support/pki";

let pki: TestPki;
let logA: TestCtLog;
let logB: TestCtLog;
const parsed = (issued: Issued): ParsedCertificate => parseCertificate(Buffer.from(issued.cert.rawData));

beforeAll(async () => {
  pki = await createTestPki();
  logA = createTestCtLog("Test 'Alpha' log", "Operator A");
  logB = createTestCtLog("Test 'Beta' log", "Operator B");
}, 60_000);
afterAll(() => pki?.cleanup());

describe("embedded SCT lists", () => {
  it("reads each SCT of the certificate's extension: version, log id, timestamp and algorithm", async () => {
    const at = new Date("2026-01-02T03:04:05.678Z");
    const leaf = await pki.issueLeaf({ commonName: "ct.contoso.test", scts: [{ log: logA, timestamp: at }, { log: logB }] });
    const scts = embeddedScts(parsed(leaf));
    expect(scts).toHaveLength(2);
    expect(scts[0]).toMatchObject({ version: 0, logId: logA.logId, timestamp: at.getTime(), hashAlgorithm: 4, signatureAlgorithm: 3 });
    expect(scts[1]!.logId).toBe(logB.logId);
    expect(sctAlgorithmName(scts[0]!)).toBe("ECDSA with SHA-256");
  });

  it("answers no SCTs for a certificate without the extension", async () => {
    expect(embeddedScts(parsed(await pki.issueLeaf({ commonName: "plain.contoso.test" })))).toEqual([]);
  });

  it("verifies an embedded SCT over the precertificate (TBS without the SCT extension, issuer key hash)", async () => {
    const leaf = parsed(await pki.issueLeaf({ commonName: "ct.contoso.test", scts: [{ log: logA }, { log: logB, tamper: true }] }));
    const issuer = parsed(pki.intermediate);
    const [good, tampered] = embeddedScts(leaf);
    expect(verifySct(good!, "embedded", logA.key, leaf, issuer)).toBe("verified");
    expect(verifySct(tampered!, "embedded", logB.key, leaf, issuer)).toBe("invalid");
    // The wrong log's key, or the wrong issuer, doesn't verify either; no issuer at all can't be checked.
    expect(verifySct(good!, "embedded", logB.key, leaf, issuer)).toBe("invalid");
    expect(verifySct(good!, "embedded", logA.key, leaf, parsed(pki.root))).toBe("invalid");
    expect(verifySct(good!, "embedded", logA.key, leaf, undefined)).toBe("unverifiable");
  });

  it("rebuilds the precertificate TBS with every other extension kept in order", async () => {
    const leaf = parsed(await pki.issueLeaf({ commonName: "ct.contoso.test", dnsNames: ["ct.contoso.test"], scts: [{ log: logA }] }));
    const tbs = AsnConvert.parse(precertificateTbs(leaf.der), TBSCertificate);
    const original = AsnConvert.parse(leaf.der, Certificate).tbsCertificate;
    const expected = (original.extensions ?? []).map((ext) => ext.extnID).filter((oid) => oid !== EMBEDDED_SCT_OID);
    expect(original.extensions!.some((ext) => ext.extnID === EMBEDDED_SCT_OID)).toBe(true);
    expect((tbs.extensions ?? []).map((ext) => ext.extnID)).toEqual(expected);
    expect(tbs.serialNumber).toEqual(original.serialNumber);
    // Removing the extension from a certificate that has none changes nothing.
    const plain = parsed(await pki.issueLeaf({ commonName: "plain.contoso.test" }));
    expect(precertificateTbs(plain.der).equals(Buffer.from(AsnConvert.serialize(AsnConvert.parse(plain.der, Certificate).tbsCertificate)))).toBe(true);
  });

  it("refuses a malformed list and skips SCTs of an unknown version", () => {
    expect(() => parseSctList(Buffer.from([0x00, 0x05, 0x00, 0x01]))).toThrow();
    const v2 = Buffer.from([0x00, 0x04, 0x00, 0x02, 0x01, 0xff]);
    expect(parseSctList(v2)).toEqual([]);
  });
});

describe("SCTs in a stapled OCSP response", () => {
  it("reads the SCT extension of the leaf's SingleResponse and verifies x509_entry SCTs", async () => {
    const issued = await pki.issueLeaf({ commonName: "staple.contoso.test" });
    const leaf = parsed(issued);
    const response = ocspResponseWithScts(issued, x509SctList(leaf.der, [{ log: logA }, { log: logB }]));
    const scts = stapledScts(response, leaf);
    expect(scts.map((sct) => sct.logId)).toEqual([logA.logId, logB.logId]);
    expect(verifySct(scts[0]!, "ocsp", logA.key, leaf, undefined)).toBe("verified");
    // A response about another certificate carries no SCTs for this one.
    const other = parsed(await pki.issueLeaf({ commonName: "other.contoso.test" }));
    expect(stapledScts(response, other)).toEqual([]);
  });
});

describe("the bundled CT log list", () => {
  it("has a date, and every log id is the SHA-256 of the log's key", () => {
    const logs = bundledLogs();
    expect(logs.timestamp).toBe("2024-12-11T12:53:46Z");
    expect(logs.description).toContain("2024-12-11");
    const entries = bundledJson.operators.flatMap((operator) => operator.logs);
    expect(entries.length).toBeGreaterThan(40);
    for (const entry of entries) {
      expect(createHash("sha256").update(Buffer.from(entry.key, "base64")).digest("base64"), entry.description).toBe(entry.log_id);
    }
    expect(logs.find("DleUvPOuqT4zGyyZB7P3kN+bwj1xMiXdIaklrGHFTiE=")).toMatchObject({
      description: "Google 'Argon2026h1' log",
      operator: "Google",
      state: "usable",
    });
    expect(logs.find(logA.logId)).toBeUndefined();
  });
});

describe("publicly trusted roots", () => {
  it("tells a bundled Mozilla root from a test root", () => {
    const mozilla = parseCertificate(Buffer.from(new X509Certificate(rootCertificates[0]!).raw));
    expect(isBundledPublicRoot(mozilla)).toBe(true);
    expect(isBundledPublicRoot(parsed(pki.root))).toBe(false);
    expect(endsAtPublicRoot([parsed(pki.intermediate), mozilla])).toBe(true);
    expect(endsAtPublicRoot([parsed(pki.intermediate), parsed(pki.root)])).toBe(false);
    expect(endsAtPublicRoot([mozilla])).toBe(false);
  });
});
