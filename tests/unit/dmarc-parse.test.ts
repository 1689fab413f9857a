import { describe, expect, it } from "vitest";
import { isDmarcRecord, parseDmarcRecord } from "@/lib/mail/dmarc";

describe("parseDmarcRecord", () => {
  it("reads the policy and its defaults", () => {
    expect(parseDmarcRecord("v=DMARC1; p=reject; rua=mailto:d@contoso.com,mailto:x@y.com!10m; sp=quarantine; pct=50")).toEqual({
      ok: true,
      record: { p: "reject", sp: "quarantine", pct: 50, adkim: "r", aspf: "r", rua: ["mailto:d@contoso.com", "mailto:x@y.com!10m"], ruf: [], other: {} },
    });
    expect(parseDmarcRecord("v=DMARC1;p=none")).toMatchObject({ ok: true, record: { p: "none", pct: 100 } });
  });

  it.each([
    ["p=reject; v=DMARC1", "doesn't start"],
    ["v=DMARC1; rua=mailto:d@contoso.com", "p= tag"],
    ["v=DMARC1; p=block", "p=block"],
    ["v=DMARC1; p=none; sp=all", "sp=all"],
    ["v=DMARC1; p=none; pct=150", "pct=150"],
    ["v=DMARC1; p=none; adkim=x", "adkim=x"],
    ["v=DMARC1; p=none; rua=d@contoso.com", "mailto"],
    ["v=DMARC1; p=none; p=reject", "twice"],
  ])("refuses %s", (text, reason) => {
    const parsed = parseDmarcRecord(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  it("recognises DMARC records by their first tag", () => {
    expect(isDmarcRecord("v=DMARC1; p=none")).toBe(true);
    expect(isDmarcRecord("v=DMARC1")).toBe(true);
    expect(isDmarcRecord("v=DMARC10; p=none")).toBe(false);
    expect(isDmarcRecord("p=none; v=DMARC1")).toBe(false);
  });
});
