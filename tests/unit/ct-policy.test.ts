import { describe, expect, it } from "vitest";
import type { CtLog } from "@/lib/cert/ct/logs";
import { embeddedSctsRequired, judgeCt, type CtFacts, type SctFinding } from "@/lib/cert/ct/policy";
import type { Sct } from "@/lib/cert/ct/sct";

const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse("2026-01-01T00:00:00Z");
const validFor = (days: number) => ({ notBefore: new Date(START).toISOString(), notAfter: new Date(START + days * DAY).toISOString() });

const log = (n: number, operator: string): CtLog => ({
  logId: Buffer.alloc(32, n).toString("base64"),
  description: `Log ${n}`,
  operator,
  key: Buffer.alloc(0),
  state: "usable",
});
const sct = (logId: string): Sct => ({
  version: 0,
  logId,
  timestamp: START,
  extensions: Buffer.alloc(0),
  hashAlgorithm: 4,
  signatureAlgorithm: 3,
  signature: Buffer.alloc(8),
});
const found = (entry: CtLog, source: SctFinding["source"] = "embedded", verification: SctFinding["verification"] = "verified"): SctFinding => ({
  source,
  sct: sct(entry.logId),
  log: entry,
  ...(verification ? { verification } : {}),
});
const unknown = (n: number): SctFinding => ({ source: "embedded", sct: sct(Buffer.alloc(32, n).toString("base64")) });

function facts(scts: SctFinding[], overrides: Partial<CtFacts> = {}): CtFacts {
  return { leaf: validFor(90), scts, publiclyTrusted: true, handshake: { stapledOcsp: false }, unreadable: [], logList: "test logs", ...overrides };
}

const google = log(1, "Google");
const google2 = log(2, "Google");
const cloudflare = log(3, "Cloudflare");
const digicert = log(4, "DigiCert");

describe("Chrome's and Apple's SCT counts", () => {
  it("asks 2 embedded SCTs up to 180 days of validity, 3 beyond", () => {
    expect(embeddedSctsRequired(validFor(90))).toBe(2);
    expect(embeddedSctsRequired(validFor(180))).toBe(2);
    expect(embeddedSctsRequired(validFor(181))).toBe(3);
    expect(embeddedSctsRequired(validFor(397))).toBe(3);
  });

  it("passes a short-lived certificate with 2 SCTs from 2 operators", () => {
    const finding = judgeCt(facts([found(google), found(cloudflare)]));
    expect(finding.status).toBe("success");
    expect(finding.message).toContain("Log 1");
    expect(finding.message).toContain("Google, Cloudflare");
    expect(finding.details).toMatchObject({ counts: { embedded: 2, stapledOcsp: 0 }, lifetimeDays: 90, publiclyTrusted: true });
  });

  it("warns about a year-long certificate with only 2 SCTs", () => {
    const finding = judgeCt(facts([found(google), found(cloudflare)], { leaf: validFor(397) }));
    expect(finding.status).toBe("warning");
    expect(finding.status === "warning" && finding.problem).toBe("CT_INSUFFICIENT_SCTS");
    expect(finding.message).toContain("require 3 SCTs");
    expect(judgeCt(facts([found(google), found(cloudflare), found(digicert)], { leaf: validFor(397) })).status).toBe("success");
  });

  it("warns when every SCT comes from one operator, and counts one log once", () => {
    expect(judgeCt(facts([found(google), found(google2)])).status).toBe("warning");
    expect(judgeCt(facts([found(google), found(google)])).status).toBe("warning");
  });

  it("doesn't count an SCT whose signature is invalid, and says so", () => {
    const finding = judgeCt(facts([found(google), found(cloudflare, "embedded", "invalid")]));
    expect(finding.status).toBe("warning");
    expect(finding.message).toContain("signature that doesn't verify");
  });

  it("counts SCTs of logs missing from the list without a false alarm, and says they weren't named", () => {
    const finding = judgeCt(facts([unknown(9), unknown(10)]));
    expect(finding.status).toBe("success");
    expect(finding.message).toContain("missing from the bundled log list");
    expect(JSON.stringify(finding.details)).toContain("not verified (the log's key is unknown)");
  });

  it("accepts 2 SCTs from a stapled OCSP response", () => {
    const finding = judgeCt(facts([found(google, "ocsp"), found(digicert, "ocsp")], { leaf: validFor(397), handshake: { stapledOcsp: true } }));
    expect(finding.status).toBe("success");
    expect(finding.message).toContain("in the stapled OCSP response");
  });

  it("warns about a publicly trusted certificate without any SCT, and says the TLS extension isn't seen", () => {
    const finding = judgeCt(facts([]));
    expect(finding.status).toBe("warning");
    expect(finding.message).toContain("no Signed Certificate Timestamps");
    expect(finding.message).toContain("TLS extension aren't visible");
    expect(finding.details).toMatchObject({ tlsExtension: expect.stringContaining("OpenSSL") });
  });

  it("doesn't hold a private CA's certificate to the policies", () => {
    const finding = judgeCt(facts([], { publiclyTrusted: false }));
    expect(finding.status).toBe("info");
    expect(finding.message).toContain("CT doesn't apply to a private CA");
    expect(judgeCt(facts([found(google)], { publiclyTrusted: false })).status).toBe("info");
  });

  it("ignores SCTs dated in the future", () => {
    const finding = judgeCt(facts([{ ...found(google), future: true }, found(cloudflare)]));
    expect(finding.status).toBe("warning");
    expect(finding.message).toContain("dated in the future");
  });
});
