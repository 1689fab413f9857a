import { createHash, X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { matchTlsa } from "@/lib/net/mail/dane";
import { mxMatches, parseStsPolicy, parseStsRecord } from "@/lib/net/mail/mta-sts";
import { parseReply } from "@/lib/net/mail/smtp";
import { createTestPki } from "../support/pki";

describe("SMTP replies", () => {
  it("reads multi-line replies and enhanced status codes", () => {
    expect(parseReply(["250-mx.contoso.com", "250 STARTTLS"], "EHLO")).toEqual({ code: 250, lines: ["mx.contoso.com", "STARTTLS"] });
    expect(parseReply(["550 5.1.1 unknown user"], "RCPT")).toMatchObject({ code: 550, enhanced: "5.1.1" });
    expect(parseReply(["220"], "banner").code).toBe(220);
  });
  it("refuses what isn't a reply, or mixes codes", () => {
    expect(() => parseReply(["SSH-2.0-OpenSSH"], "banner")).toThrow(/isn't an SMTP reply/);
    expect(() => parseReply(["250-a", "251 b"], "EHLO")).toThrow();
  });
});

describe("MTA-STS", () => {
  it("parses the TXT record", () => {
    expect(parseStsRecord(["v=spf1 -all"])).toBeUndefined();
    expect(parseStsRecord(["v=STSv1; id=20240101"])).toMatchObject({ ok: true, id: "20240101" });
    expect(parseStsRecord(["v=STSv1;"])).toMatchObject({ ok: false });
    expect(parseStsRecord(["v=STSv1; id=1", "v=STSv1; id=2"])).toMatchObject({ ok: false });
  });
  it("parses policies", () => {
    expect(parseStsPolicy("version: STSv1\r\nmode: enforce\r\nmx: mx.contoso.com\r\nmx: *.contoso.net\r\nmax_age: 604800\r\n")).toMatchObject({
      ok: true,
      policy: { mode: "enforce", mx: ["mx.contoso.com", "*.contoso.net"], maxAge: 604800 },
    });
    expect(parseStsPolicy("version: STSv1\nmode: sometimes\nmax_age: 1\n")).toMatchObject({ ok: false });
    expect(parseStsPolicy("version: STSv1\nmode: testing\nmax_age: 86400\n")).toMatchObject({ ok: false, mode: "testing" });
    expect(parseStsPolicy("<html>")).toMatchObject({ ok: false });
  });
  it("matches MX patterns: exact, or one label for a wildcard", () => {
    expect(mxMatches("MX.contoso.com.", "mx.contoso.com")).toBe(true);
    expect(mxMatches("mx.contoso.com", "*.contoso.com")).toBe(true);
    expect(mxMatches("a.mx.contoso.com", "*.contoso.com")).toBe(false);
    expect(mxMatches("contoso.com", "*.contoso.com")).toBe(false);
  });
});

describe("DANE", () => {
  it("matches DANE-EE 3 1 1 and 3 0 1, DANE-TA 2 0 1, and ignores PKIX usages", async () => {
    const pki = await createTestPki();
    try {
      const leaf = await pki.issueLeaf({ dnsNames: ["mx.contoso.test"] });
      const leafDer = Buffer.from(leaf.cert.rawData);
      const caDer = Buffer.from(pki.intermediate.cert.rawData);
      const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
      const spki = new X509Certificate(leafDer).publicKey.export({ type: "spki", format: "der" });
      const matches = matchTlsa(
        [leafDer, caDer],
        [
          { usage: 3, selector: 1, matchingType: 1, data: sha256(spki) },
          { usage: 3, selector: 0, matchingType: 1, data: sha256(leafDer) },
          { usage: 2, selector: 0, matchingType: 1, data: sha256(caDer) },
          { usage: 3, selector: 1, matchingType: 1, data: "00".repeat(32) },
          { usage: 1, selector: 1, matchingType: 1, data: sha256(spki) },
        ],
      );
      expect(matches.map((match) => match.matchedPosition)).toEqual([1, 1, 2, undefined, undefined]);
      expect(matches[4]!.usable).toBe(false);
    } finally {
      await pki.cleanup();
    }
  });
});
