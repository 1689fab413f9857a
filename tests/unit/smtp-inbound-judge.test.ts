import { describe, expect, it } from "vitest";
import {
  describeExtension,
  judgeBanner,
  judgeDane,
  judgeEhlo,
  judgeMtaSts,
  judgeMx,
  judgeMxResult,
  judgeRecipient,
  judgeRelay,
  judgeTlsRpt,
} from "@/lib/analyzers/smtp-inbound/judge";

const reply = (code: number, ...lines: string[]) => ({ code, lines });

describe("smtp-inbound judges", () => {
  it("MX: preference order, null MX, fallback to the domain's address, nothing at all", () => {
    const found = judgeMx({ domain: "contoso.com", records: [{ exchange: "a.contoso.com", preference: 10 }], addresses: {} });
    expect(found.hosts).toEqual([{ host: "a.contoso.com", preference: 10, source: "mx" }]);
    expect(judgeMx({ domain: "contoso.com", records: [{ exchange: "", preference: 0 }], addresses: {} }).finding).toMatchObject({
      status: "error",
      problem: "SMTP_NULL_MX",
    });
    expect(judgeMx({ domain: "contoso.com", records: [], domainAddresses: ["192.0.2.1"], addresses: {} })).toMatchObject({
      finding: { status: "info" },
      hosts: [{ host: "contoso.com", source: "implicit" }],
    });
    expect(judgeMx({ domain: "contoso.com", records: [], domainAddresses: [], addresses: {} }).finding).toMatchObject({ problem: "DNS_NO_RECORD" });
  });

  it("MX result: the first working host, or the problem of the first one tried", () => {
    expect(
      judgeMxResult(
        [
          { host: "a", worked: false, problem: "TCP_REFUSED", message: "refused" },
          { host: "b", worked: true },
        ],
        false,
      ).status,
    ).toBe("success");
    expect(judgeMxResult([{ host: "a", worked: false, problem: "TCP_REFUSED", message: "refused" }], false)).toMatchObject({
      status: "error",
      problem: "TCP_REFUSED",
    });
  });

  it("banner: 220 with the PTR name, a mismatch, no PTR, a refusal", () => {
    expect(judgeBanner(reply(220, "mx.contoso.com ESMTP"), "192.0.2.1", { names: ["mx.contoso.com"] }).status).toBe("success");
    expect(judgeBanner(reply(220, "mx.contoso.com ESMTP"), "192.0.2.1", { names: ["other.example"] })).toMatchObject({
      status: "warning",
      problem: "SMTP_BANNER",
    });
    expect(judgeBanner(reply(220, "mx.contoso.com ESMTP"), "192.0.2.1", { names: [] })).toMatchObject({ status: "warning" });
    expect(judgeBanner(reply(220, "ESMTP ready"), "192.0.2.1", { names: [] })).toMatchObject({ status: "warning" });
    expect(judgeBanner(reply(554, "go away"), "192.0.2.1", { names: [] })).toMatchObject({ status: "error", problem: "SMTP_BANNER" });
  });

  it("EHLO: extensions in words, a refusal", () => {
    expect(describeExtension("SIZE 52428800")).toBe("SIZE: messages up to 50 MB");
    expect(describeExtension("AUTH PLAIN LOGIN")).toBe("AUTH: PLAIN, LOGIN");
    expect(judgeEhlo({ reply: reply(250, "mx", "STARTTLS"), helo: false, extensions: ["STARTTLS"] }, false).status).toBe("success");
    expect(judgeEhlo({ reply: reply(554, "no"), helo: false, extensions: [] }, false)).toMatchObject({ problem: "SMTP_EHLO_REJECTED" });
  });

  it("recipient and relay", () => {
    expect(judgeRecipient("a@b.c", reply(250, "ok"), reply(250, "ok")).status).toBe("success");
    expect(judgeRecipient("a@b.c", reply(250, "ok"), reply(550, "5.1.1 unknown"))).toMatchObject({ status: "error", problem: "SMTP_RECIPIENT_REJECTED" });
    expect(judgeRecipient("a@b.c", reply(250, "ok"), reply(450, "greylisted"))).toMatchObject({ status: "warning" });
    expect(judgeRelay("x@example.com", "y@example.net", reply(250, "ok"), reply(250, "ok"))).toMatchObject({ status: "error", problem: "SMTP_OPEN_RELAY" });
    expect(judgeRelay("x@example.com", "y@example.net", reply(250, "ok"), reply(554, "Relay access denied")).status).toBe("success");
  });

  it("MTA-STS: none, unfetchable, mismatched in enforce and testing, good", () => {
    const base = { domain: "contoso.com", txt: ["v=STSv1; id=1"], mxHosts: ["mx.contoso.com"] };
    const policy = (mode: string, mx: string) => ({ status: 200, body: `version: STSv1\nmode: ${mode}\nmx: ${mx}\nmax_age: 604800\n` });
    expect(judgeMtaSts({ ...base, txt: [] }).status).toBe("info");
    expect(judgeMtaSts({ ...base, policy: { failure: { problem: "TCP_REFUSED", message: "refused." } } })).toMatchObject({
      status: "error",
      problem: "MTA_STS_INVALID",
    });
    expect(judgeMtaSts({ ...base, policy: policy("enforce", "other.contoso.com") })).toMatchObject({ status: "error", problem: "MTA_STS_INVALID" });
    expect(judgeMtaSts({ ...base, policy: policy("testing", "other.contoso.com") })).toMatchObject({ status: "warning" });
    expect(judgeMtaSts({ ...base, policy: policy("enforce", "*.contoso.com") }).status).toBe("success");
    expect(
      judgeMtaSts({ ...base, policy: policy("enforce", "*.contoso.com"), tested: { host: "mx.contoso.com", starttls: true, trusted: false } }),
    ).toMatchObject({ status: "error" });
  });

  it("TLS-RPT: missing is info, or a warning beside MTA-STS; broken records", () => {
    expect(judgeTlsRpt("contoso.com", [], { mtaSts: false, dane: false }).status).toBe("info");
    expect(judgeTlsRpt("contoso.com", [], { mtaSts: true, dane: false })).toMatchObject({ status: "warning", problem: "TLSRPT_MISSING" });
    expect(judgeTlsRpt("contoso.com", ["v=TLSRPTv1; rua=ftp://x"], { mtaSts: false, dane: false })).toMatchObject({ status: "warning" });
    expect(judgeTlsRpt("contoso.com", ["v=TLSRPTv1; rua=mailto:r@contoso.com"], { mtaSts: false, dane: false }).status).toBe("success");
  });

  it("DANE: no records, no certificate, unusable records", () => {
    expect(judgeDane("_25._tcp.mx", [], undefined).status).toBe("info");
    expect(judgeDane("_25._tcp.mx", [{ usage: 3, selector: 1, matchingType: 1, data: "00" }], undefined)).toMatchObject({
      status: "error",
      problem: "DANE_MISMATCH",
    });
    expect(judgeDane("_25._tcp.mx", [{ usage: 1, selector: 1, matchingType: 1, data: "00" }], [])).toMatchObject({ status: "warning" });
  });
});
