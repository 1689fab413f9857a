/**
 * The pure half of revocation checking: OCSP responses (made offline by `openssl ocsp -reqin … -respout …`, no
 * socket) and CRLs judged for a certificate, and the findings in words.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revocationTargets } from "@/lib/analyzers/steps/revocation";
import { parseCertificate, type ParsedCertificate } from "@/lib/cert/parse";
import { judgeCrl, readCrl } from "@/lib/cert/revocation/crl";
import { RevocationFailure } from "@/lib/cert/revocation/fetch";
import { judgeRevocation } from "@/lib/cert/revocation/judge";
import { judgeOcspResponse, ocspRequest } from "@/lib/cert/revocation/ocsp";
import { checkStapled } from "@/lib/cert/revocation/stapling";
import { x509 } from "@/lib/cert/x509";
import { createTestPki, type Issued, type TestPki } from "../support/pki";

const run = promisify(execFile);
let pki: TestPki;
let dir: string;
let leaf: Issued;
let other: Issued;
const parsed = (issued: Issued): ParsedCertificate => parseCertificate(Buffer.from(issued.cert.rawData));

/** An OCSP response for `cert`, made by `openssl ocsp` from our own request, signed by `signer` (default: the CA). */
async function opensslResponse(cert: Issued, options: { signer?: Issued; status?: "V" | "R"; nmin?: number } = {}): Promise<Buffer> {
  const signer = options.signer ?? pki.intermediate;
  const serial = cert.cert.serialNumber.toUpperCase();
  const index = `${options.status ?? "V"}\t301231000000Z\t${options.status === "R" ? "250101000000Z,keyCompromise" : ""}\t${serial}\tunknown\t/CN=x\n`;
  await writeFile(join(dir, "index.txt"), index);
  await writeFile(join(dir, "ca.pem"), pki.intermediate.certPem);
  await writeFile(join(dir, "signer.pem"), signer.certPem);
  await writeFile(join(dir, "signer.key"), signer.keyPem);
  await writeFile(join(dir, "req.der"), ocspRequest(parsed(cert), parsed(pki.intermediate)));
  await run("openssl", [
    "ocsp",
    "-index",
    join(dir, "index.txt"),
    "-CA",
    join(dir, "ca.pem"),
    "-rsigner",
    join(dir, "signer.pem"),
    "-rkey",
    join(dir, "signer.key"),
    "-reqin",
    join(dir, "req.der"),
    "-respout",
    join(dir, "resp.der"),
    "-nmin",
    String(options.nmin ?? 60),
  ]);
  return readFile(join(dir, "resp.der"));
}

function failureOf(run: () => unknown): RevocationFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof RevocationFailure) return error;
    throw error;
  }
  throw new Error("no failure");
}

beforeAll(async () => {
  pki = await createTestPki();
  dir = await mkdtemp(join(tmpdir(), "rca-ocsp-unit-"));
  leaf = await pki.issueLeaf({ commonName: "leaf.contoso.test", ocspUrl: "http://ocsp.contoso.test/" });
  other = await pki.issueLeaf({ commonName: "other.contoso.test" });
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await pki.cleanup();
});

describe("an OCSP response", () => {
  const subject = (now = new Date()) => ({ cert: parsed(leaf), issuer: parsed(pki.intermediate), now, responderUrl: "http://ocsp.contoso.test/" });

  it("is good when signed by the issuer, current, about this certificate", async () => {
    const answer = judgeOcspResponse(await opensslResponse(leaf), subject());
    expect(answer).toMatchObject({ status: "good", signer: "the issuing CA" });
  });

  it("says revoked, with the date and reason", async () => {
    const answer = judgeOcspResponse(await opensslResponse(leaf, { status: "R" }), subject());
    expect(answer).toMatchObject({ status: "revoked", reason: "keyCompromise", revokedAt: "2025-01-01T00:00:00.000Z" });
  });

  it("is refused when signed by another CA", async () => {
    const response = await opensslResponse(leaf, { signer: pki.untrustedIntermediate });
    expect(failureOf(() => judgeOcspResponse(response, subject())).kind).toBe("bad-signature");
  });

  it("is refused when about another certificate", async () => {
    const response = await opensslResponse(other);
    expect(failureOf(() => judgeOcspResponse(response, subject())).kind).toBe("wrong-certificate");
  });

  it("is stale after its nextUpdate, and not yet valid before its thisUpdate (beyond the clock skew)", async () => {
    const response = await opensslResponse(leaf, { nmin: 10 });
    expect(failureOf(() => judgeOcspResponse(response, subject(new Date(Date.now() + 30 * 60_000)))).kind).toBe("stale");
    expect(failureOf(() => judgeOcspResponse(response, subject(new Date(Date.now() - 30 * 60_000)))).kind).toBe("not-yet-valid");
    // Within the skew it stands.
    expect(judgeOcspResponse(response, subject(new Date(Date.now() + 12 * 60_000))).status).toBe("good");
  });

  it("is refused when it isn't DER at all", () => {
    expect(failureOf(() => judgeOcspResponse(Buffer.from("<html>"), subject())).kind).toBe("bad-response");
  });

  it("as stapled, is judged the same way", async () => {
    const check = checkStapled(await opensslResponse(leaf), parsed(leaf), parsed(pki.intermediate), new Date());
    expect(check).toMatchObject({ stapled: true, answer: { status: "good", responderUrl: "stapled" } });
    expect(checkStapled(undefined, parsed(leaf), parsed(pki.intermediate), new Date())).toEqual({ stapled: false });
  });
});

describe("a CRL", () => {
  const subject = (cert: Issued, now = new Date()) => ({ cert: parsed(cert), issuer: parsed(pki.intermediate), now, crlUrl: "http://crl.contoso.test/ca.crl" });

  it("lists a revoked serial with its reason, and not another", async () => {
    const der = await pki.issueCrl({
      revoked: [{ serialNumber: leaf.cert.serialNumber, date: new Date("2025-02-03T00:00:00Z"), reason: x509.X509CrlReason.keyCompromise }],
    });
    const crl = readCrl(der, "http://crl.contoso.test/ca.crl");
    expect(judgeCrl(crl, subject(leaf))).toMatchObject({ status: "revoked", reason: "keyCompromise", revokedAt: "2025-02-03T00:00:00.000Z", entries: 1 });
    expect(judgeCrl(crl, subject(other))).toMatchObject({ status: "good" });
  });

  it("is stale after its nextUpdate", async () => {
    const crl = readCrl(await pki.issueCrl({ nextUpdate: new Date(Date.now() + 60_000) }), "http://crl.contoso.test/ca.crl");
    expect(failureOf(() => judgeCrl(crl, subject(leaf, new Date(Date.now() + 60 * 60_000)))).kind).toBe("stale");
  });

  it("is refused when another CA issued it, or its signature is broken", async () => {
    const foreign = readCrl(await pki.issueCrl({ issuer: "untrustedIntermediate" }), "http://crl.contoso.test/ca.crl");
    expect(failureOf(() => judgeCrl(foreign, subject(leaf))).kind).toBe("bad-response");
    const der = await pki.issueCrl();
    der.writeUInt8(der.readUInt8(der.length - 1) ^ 0x01, der.length - 1);
    expect(failureOf(() => judgeCrl(readCrl(der, "http://crl.contoso.test/ca.crl"), subject(leaf))).kind).toBe("bad-signature");
  });

  it("is refused when it isn't a CRL", () => {
    expect(failureOf(() => readCrl(Buffer.from("not a crl"), "http://crl.contoso.test/ca.crl")).kind).toBe("bad-response");
  });
});

describe("the findings", () => {
  it("says when the certificate names no revocation service, and when the issuer is missing", () => {
    expect(judgeRevocation({ method: "none", why: "no-service" }, parsed(other).facts)).toMatchObject({ status: "info" });
    expect(judgeRevocation({ method: "none", why: "no-issuer" }, parsed(other).facts).message).toContain("issuer isn't in the chain");
  });

  it("warns naming every service that failed", () => {
    const failures = [
      new RevocationFailure(
        "timeout",
        "http://ocsp.contoso.test/ accepted the connection but sent no complete answer within 10 ms.",
        "http://ocsp.contoso.test/",
      ),
    ];
    const finding = judgeRevocation({ method: "failed", failures }, parsed(leaf).facts);
    expect(finding).toMatchObject({ status: "warning", problem: "REVOCATION_UNCHECKED" });
    expect(finding.message).toContain("http://ocsp.contoso.test/");
  });

  it("checks every certificate of the path but a self-issued root", () => {
    const path = [parsed(leaf), parsed(pki.intermediate), parsed(pki.root)];
    expect(revocationTargets(path).map((target) => target.position)).toEqual([0, 1]);
    expect(revocationTargets(path.slice(0, 2)).map((target) => target.issuer?.facts.subject)).toEqual([parsed(pki.intermediate).facts.subject, undefined]);
  });
});
