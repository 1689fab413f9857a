import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/config/env";
import { analyze, problems, startLab, step, type Lab } from "../support/lab";

/**
 * Outbound SMTP against a real dnsmasq: PTR, block-list, SPF and DMARC records on loopback names. The "sending
 * server" addresses (127.0.120.x) need no listening server: the test only asks DNS about them.
 */

const DNS_LISTEN = "127.0.120.53";
const GOOD = "127.0.120.1"; // PTR mail.contoso.test, which resolves back
const NO_PTR = "127.0.120.2";
const MISMATCH = "127.0.120.3"; // PTR mismatch.contoso.test, which resolves to .4
const LISTED = "127.0.120.5"; // listed on bl.test, not on zen.test
const REFUSED = "127.0.120.6"; // zen.test answers 127.255.255.254 ("public resolver")
const UNKNOWN = "127.0.120.7"; // in no record: its reverse zone is REFUSED in the second lab

/** An include chain of 11 records: one more DNS-querying term than RFC 7208 allows. */
const includeChain: Record<string, string[]> = Object.fromEntries(
  Array.from({ length: 11 }, (_, index) => [
    `l${index + 1}.contoso.test`,
    [index === 10 ? `v=spf1 ip4:${GOOD} -all` : `v=spf1 include:l${index + 2}.contoso.test -all`],
  ]),
);

const TXT: Record<string, string[]> = {
  "contoso.test": [`v=spf1 include:_spf.contoso.test -all`],
  "_spf.contoso.test": ["v=spf1 ip4:127.0.120.0/28 -all"],
  "fail.contoso.test": ["v=spf1 ip4:192.0.2.1 -all"],
  "soft.contoso.test": ["v=spf1 ip4:192.0.2.1 ~all"],
  "two.contoso.test": ["v=spf1 ip4:192.0.2.1 -all", `v=spf1 ip4:${GOOD} -all`],
  "loop.contoso.test": ["v=spf1 include:l1.contoso.test -all"],
  "bad.contoso.test": ["v=spf1 ip4:999.1.1.1 -all"],
  ...includeChain,
  "_dmarc.contoso.test": ["v=DMARC1; p=reject; rua=mailto:dmarc@contoso.test"],
  // Sends with a valid SPF record, but publishes no DMARC record.
  "fabrikam.test": [`v=spf1 ip4:${GOOD} -all`],
  "northwind.test": [`v=spf1 ip4:${GOOD} -all`],
  "_dmarc.northwind.test": ["v=DMARC1; p=block"],
  // The block list's reason for listing LISTED.
  "5.120.0.127.bl.test": ["Listed for spam trap hits: see https://bl.test/lookup"],
};

/**
 * TXT records as dnsmasq arguments. Not through the fixture's `txt` option: it wraps each string in quotes, which
 * dnsmasq keeps as part of the text when they come on its command line.
 */
function txtArgs(records: Record<string, string[]>): string[] {
  return Object.entries(records).flatMap(([name, texts]) =>
    texts.map((text) => {
      if (text.includes(",")) throw new Error(`dnsmasq splits TXT strings on commas: ${text}`);
      return `--txt-record=${name},${text}`;
    }),
  );
}

describe("smtp-outbound", () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await startLab(
      [],
      {
        "mail.contoso.test": [GOOD],
        "mismatch.contoso.test": ["127.0.120.4"],
        "listed.contoso.test": [LISTED],
        "refused.contoso.test": [REFUSED],
        "5.120.0.127.bl.test": ["127.0.0.2"],
        "6.120.0.127.zen.test": ["127.255.255.254"],
      },
      {
        dns: { listen: DNS_LISTEN, extraArgs: [...txtArgs(TXT), "--ptr-record=3.120.0.127.in-addr.arpa,mismatch.contoso.test"] },
        dnsblZones: "bl.test,zen.test",
      },
    );
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it("passes a forward-confirmed PTR, no listing, SPF pass through an include and DMARC p=reject", async () => {
    const result = await analyze({ test: "smtp-outbound", ip: GOOD, domain: "contoso.test" });
    expect(result.verdict).toBe("success");
    expect(step(result, "smtp.target").status).toBe("success");
    expect(step(result, "smtp.ptr")).toMatchObject({ status: "success", details: { confirmedName: "mail.contoso.test" } });
    const dnsbl = step(result, "smtp.dnsbl");
    expect(dnsbl.status).toBe("success");
    expect(dnsbl.children.map((child) => child.status)).toEqual(["success", "success"]);
    const spf = step(result, "smtp.spf");
    expect(spf).toMatchObject({
      status: "success",
      details: { result: "pass", matched: ["contoso.test: include:_spf.contoso.test", "_spf.contoso.test: ip4:127.0.120.0/28"], lookups: "1 of 10" },
    });
    expect(spf.message).toContain("ip4:127.0.120.0/28");
    expect(step(result, "smtp.dmarc")).toMatchObject({ status: "success", details: { policy: { p: "reject", rua: ["mailto:dmarc@contoso.test"] } } });
  });

  it("skips SPF and DMARC without a domain", async () => {
    const result = await analyze({ test: "smtp-outbound", ip: GOOD });
    expect(result.verdict).toBe("success");
    expect(step(result, "smtp.spf").status).toBe("skipped");
    expect(step(result, "smtp.dmarc").status).toBe("skipped");
  });

  it("reports an address without a PTR record", async () => {
    const result = await analyze({ test: "smtp-outbound", ip: NO_PTR });
    expect(result.verdict).toBe("error");
    expect(step(result, "smtp.ptr")).toMatchObject({ status: "error", problem: "PTR_MISSING" });
    // The other checks still run.
    expect(step(result, "smtp.dnsbl").status).toBe("success");
  });

  it("reports a PTR name that doesn't resolve back to the address", async () => {
    const result = await analyze({ test: "smtp-outbound", ip: MISMATCH });
    expect(result.verdict).toBe("error");
    const ptr = step(result, "smtp.ptr");
    expect(ptr).toMatchObject({ status: "error", problem: "PTR_MISMATCH", details: { ptrNames: ["mismatch.contoso.test"] } });
    expect(ptr.message).toContain("127.0.120.4");
  });

  it("reports a listing with its meaning and TXT reason, and a list that doesn't list the address", async () => {
    const result = await analyze({ test: "smtp-outbound", ip: LISTED });
    expect(result.verdict).toBe("error");
    expect(problems(result)).toEqual(["DNSBL_LISTED"]);
    const [bl, zen] = step(result, "smtp.dnsbl").children;
    expect(bl).toMatchObject({ status: "error", problem: "DNSBL_LISTED", details: { queryName: "5.120.0.127.bl.test", answers: ["127.0.0.2"] } });
    expect(bl!.message).toContain("Listed for spam trap hits");
    expect(zen).toMatchObject({ status: "success" });
  });

  it("tells a list's refusal (127.255.255.254) from a listing", async () => {
    const result = await analyze({ test: "smtp-outbound", ip: REFUSED });
    expect(result.verdict).toBe("success");
    const zen = step(result, "smtp.dnsbl").children[1]!;
    expect(zen.status).toBe("info");
    expect(zen.problem).toBeUndefined();
    expect(zen.message).toContain("public or open resolver");
  });

  it.each([
    ["fail.contoso.test", "error", "fail", "SPF_NOT_PERMITTED"],
    ["soft.contoso.test", "warning", "softfail", "SPF_NOT_PERMITTED"],
    ["nospf.contoso.test", "error", "none", "SPF_MISSING"],
    ["two.contoso.test", "error", "permerror", "SPF_INVALID"],
    ["loop.contoso.test", "error", "permerror", "SPF_INVALID"],
    ["bad.contoso.test", "error", "permerror", "SPF_INVALID"],
  ])("judges the SPF record of %s as %s (%s)", async (domain, status, spfResult, problem) => {
    const result = await analyze({ test: "smtp-outbound", ip: GOOD, domain });
    expect(result.verdict).toBe(status);
    expect(step(result, "smtp.spf")).toMatchObject({ status, problem, details: { result: spfResult } });
    // Subdomains without a DMARC record of their own inherit the organisational domain's.
    expect(step(result, "smtp.dmarc")).toMatchObject({
      status: "success",
      details: { lookups: [{ name: `_dmarc.${domain}` }, { name: "_dmarc.contoso.test" }] },
    });
  });

  it("stops an include chain at RFC 7208's 10 lookups", async () => {
    const spf = step(await analyze({ test: "smtp-outbound", ip: GOOD, domain: "loop.contoso.test" }), "smtp.spf");
    expect(spf.message).toContain("More than 10 DNS-querying terms");
    expect(spf.details).toMatchObject({ lookups: "11 of 10" });
  });

  it("warns of a missing DMARC record", async () => {
    const result = await analyze({ test: "smtp-outbound", ip: GOOD, domain: "fabrikam.test" });
    expect(result.verdict).toBe("warning");
    expect(step(result, "smtp.spf").status).toBe("success");
    expect(step(result, "smtp.dmarc")).toMatchObject({ status: "warning", problem: "DMARC_MISSING" });
  });

  it("reports an invalid DMARC policy", async () => {
    const result = await analyze({ test: "smtp-outbound", ip: GOOD, domain: "northwind.test" });
    expect(result.verdict).toBe("error");
    const dmarc = step(result, "smtp.dmarc");
    expect(dmarc).toMatchObject({ status: "error", problem: "DMARC_INVALID" });
    expect(dmarc.message).toContain("p=block");
  });

  it("refuses a private address unless private targets are allowed, without asking DNS", async () => {
    process.env.RCA_ALLOW_PRIVATE_TARGETS = "false";
    resetEnvForTests();
    try {
      const before = lab.dns.log().length;
      const result = await analyze({ test: "smtp-outbound", ip: GOOD, domain: "contoso.test" });
      expect(result.verdict).toBe("error");
      const target = step(result, "smtp.target");
      expect(target).toMatchObject({ status: "error", problem: "TARGET_FORBIDDEN" });
      expect(target.message).toContain("other mail servers never see");
      for (const code of ["smtp.ptr", "smtp.dnsbl", "smtp.spf", "smtp.dmarc"]) expect(step(result, code).status).toBe("skipped");
      expect(lab.dns.log().slice(before)).not.toContain("query[");
    } finally {
      process.env.RCA_ALLOW_PRIVATE_TARGETS = "true";
      resetEnvForTests();
    }
  });
});

describe("smtp-outbound when DNS fails", () => {
  let lab: Lab;

  beforeAll(async () => {
    // Only *.test (and the loopback reverse zone) is answered; other names (down.example, broken.example) get REFUSED.
    lab = await startLab([], {}, { dns: { listen: DNS_LISTEN, unknownNames: "refused" }, dnsblZones: "bl.test,down.example" });
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it("reports each failed lookup as DNS_FAILURE and goes on", async () => {
    const result = await analyze({ test: "smtp-outbound", ip: UNKNOWN, domain: "broken.example" });
    expect(result.verdict).toBe("error");
    // dnsmasq answers the loopback reverse zone itself, so the PTR lookup gets a (negative) answer here.
    expect(step(result, "smtp.ptr")).toMatchObject({ status: "error", problem: "PTR_MISSING" });
    const [bl, down] = step(result, "smtp.dnsbl").children;
    expect(bl!.status).toBe("success");
    expect(down).toMatchObject({ status: "warning", problem: "DNS_FAILURE" });
    expect(step(result, "smtp.spf")).toMatchObject({ status: "error", problem: "DNS_FAILURE", details: { result: "temperror" } });
    expect(step(result, "smtp.dmarc")).toMatchObject({ status: "error", problem: "DNS_FAILURE" });
  });
});
