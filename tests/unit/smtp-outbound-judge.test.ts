import { describe, expect, it } from "vitest";
import { judgeBlockList, judgeDmarc, judgePtr, judgeSenderAddress, judgeSpf, looksGeneric } from "@/lib/analyzers/smtp-outbound/judge";
import { interpretBlockListAnswer } from "@/lib/mail/dnsbl";

describe("judgeSenderAddress", () => {
  it("refuses private addresses unless allowed", () => {
    expect(judgeSenderAddress("10.0.0.5", false)).toMatchObject({ status: "error", problem: "TARGET_FORBIDDEN" });
    expect(judgeSenderAddress("10.0.0.5", true).status).toBe("success");
    expect(judgeSenderAddress("8.8.8.8", false).status).toBe("success");
  });
});

describe("judgePtr", () => {
  const base = { ip: "203.0.113.25", reverseName: "25.113.0.203.in-addr.arpa" };
  it("wants a PTR that resolves back", () => {
    expect(judgePtr({ ...base, names: [], forward: [] })).toMatchObject({ problem: "PTR_MISSING" });
    expect(judgePtr({ ...base, names: ["mail.contoso.com"], forward: [{ name: "mail.contoso.com", addresses: ["203.0.113.26"] }] })).toMatchObject({
      problem: "PTR_MISMATCH",
    });
    expect(judgePtr({ ...base, names: ["mail.contoso.com"], forward: [{ name: "mail.contoso.com", addresses: ["203.0.113.25"] }] })).toMatchObject({
      status: "success",
      details: { confirmedName: "mail.contoso.com" },
    });
  });

  it("confirms IPv6 in any spelling", () => {
    const finding = judgePtr({
      ip: "2001:db8::25",
      reverseName: "x",
      names: ["mail.contoso.com"],
      forward: [{ name: "mail.contoso.com", addresses: ["2001:0db8:0:0::25"] }],
    });
    expect(finding.status).toBe("success");
  });

  it("notes generic names", () => {
    expect(looksGeneric("203-0-113-25.static.example.net", "203.0.113.25")).toBe(true);
    expect(looksGeneric("25.113.0.203.example.net", "203.0.113.25")).toBe(true);
    expect(looksGeneric("dsl-pool-7.example.net", "203.0.113.25")).toBe(true);
    expect(looksGeneric("mail.contoso.com", "203.0.113.25")).toBe(false);
    expect(looksGeneric("smtp2.hosting.example", "203.0.113.25")).toBe(false);
  });
});

describe("block list answers", () => {
  it("reads Spamhaus ZEN codes and refusals", () => {
    expect(interpretBlockListAnswer("zen.spamhaus.org", [])).toEqual({ kind: "not-listed" });
    const listed = interpretBlockListAnswer("zen.spamhaus.org", ["127.0.0.4", "127.0.0.11"]);
    expect(listed.kind).toBe("listed");
    expect(JSON.stringify(listed)).toMatch(/XBL.*PBL/);
    expect(interpretBlockListAnswer("zen.spamhaus.org", ["127.255.255.254"])).toMatchObject({ kind: "refused" });
    expect(interpretBlockListAnswer("bl.spamcop.net", ["127.0.0.2"])).toMatchObject({ kind: "listed", reasons: [expect.stringContaining("SpamCop")] });
    expect(interpretBlockListAnswer("bl.example", ["192.0.2.1"])).toMatchObject({ kind: "unexpected" });
  });

  it("judges a listing as DNSBL_LISTED with the list's reason, and a refusal as information", () => {
    const facts = { zone: "zen.spamhaus.org", queryName: "25.113.0.203.zen.spamhaus.org", answers: ["127.0.0.2"], reasons: ["https://check.spamhaus.org/"] };
    const listed = judgeBlockList("203.0.113.25", facts);
    expect(listed).toMatchObject({ status: "error", problem: "DNSBL_LISTED" });
    expect(listed.message).toContain("Spamhaus");
    expect(listed.message).toContain("https://check.spamhaus.org/");
    expect(judgeBlockList("203.0.113.25", { ...facts, answers: ["127.255.255.254"], reasons: [] }).status).toBe("info");
  });
});

describe("judgeSpf", () => {
  const spf = { lookups: 1, voidLookups: 0, trail: [] };
  it.each([
    ["pass", "success", undefined],
    ["fail", "error", "SPF_NOT_PERMITTED"],
    ["softfail", "warning", "SPF_NOT_PERMITTED"],
    ["neutral", "warning", "SPF_NOT_PERMITTED"],
    ["none", "error", "SPF_MISSING"],
    ["permerror", "error", "SPF_INVALID"],
    ["temperror", "error", "DNS_FAILURE"],
  ] as const)("maps %s to %s", (result, status, problem) => {
    const finding = judgeSpf("contoso.com", "203.0.113.25", { ...spf, result });
    expect(finding.status).toBe(status);
    if (problem) expect(finding).toMatchObject({ problem });
  });
});

describe("judgeDmarc", () => {
  it("falls back to the organisational domain and applies its sp", () => {
    const finding = judgeDmarc({
      domain: "mail.contoso.co.uk",
      organisationalDomain: "contoso.co.uk",
      lookups: [
        { name: "_dmarc.mail.contoso.co.uk", records: [] },
        { name: "_dmarc.contoso.co.uk", records: ["v=DMARC1; p=reject; sp=none; rua=mailto:d@contoso.co.uk"] },
      ],
    });
    expect(finding.status).toBe("success");
    expect(finding.message).toContain("policy none");
    expect(finding.message).toContain("only monitors");
  });

  it("reports missing, stray and duplicate records", () => {
    expect(judgeDmarc({ domain: "contoso.com", lookups: [{ name: "_dmarc.contoso.com", records: [] }] })).toMatchObject({
      status: "warning",
      problem: "DMARC_MISSING",
    });
    expect(judgeDmarc({ domain: "contoso.com", lookups: [{ name: "_dmarc.contoso.com", records: ["p=reject"] }] })).toMatchObject({ problem: "DMARC_INVALID" });
    expect(judgeDmarc({ domain: "contoso.com", lookups: [{ name: "_dmarc.contoso.com", records: ["v=DMARC1; p=none", "v=DMARC1; p=reject"] }] })).toMatchObject(
      { problem: "DMARC_INVALID" },
    );
  });
});
