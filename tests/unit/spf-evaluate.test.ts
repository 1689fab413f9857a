import { describe, expect, it } from "vitest";
import { evaluateSpf, expandMacros, parseSpfRecord, SpfSyntaxError, type SpfDns } from "@/lib/mail/spf";

/** A DNS of fixed answers; a name mapped to "fail" throws like a timed-out lookup. */
function fakeDns(zone: {
  txt?: Record<string, string[]>;
  a?: Record<string, string[]>;
  mx?: Record<string, string[]>;
  ptr?: Record<string, string[]>;
}): SpfDns {
  const answer = (table: Record<string, string[] | "fail"> | undefined, name: string) => {
    const value = table?.[name];
    if (value === "fail") return Promise.reject(new Error("timeout"));
    return Promise.resolve(value ?? []);
  };
  return {
    txt: (name) => answer(zone.txt, name),
    addresses: (name, family) => answer(zone.a, name).then((list) => list.filter((address) => (family === 4) === !address.includes(":"))),
    mx: (name) => answer(zone.mx, name),
    ptr: (address) => answer(zone.ptr, address),
  };
}

const check = (domain: string, ip: string, dns: SpfDns) => evaluateSpf({ ip, domain, sender: `postmaster@${domain}`, dns });

describe("parseSpfRecord", () => {
  it("reads mechanisms, qualifiers, prefixes and modifiers", () => {
    const record = parseSpfRecord("v=spf1 +a/24 -mx:mail.contoso.com//64 ~ip4:203.0.113.0/24 ?ip6:2001:db8::/32 include:_spf.contoso.com redirect=other.com");
    expect(record.redirect).toBe("other.com");
    expect(record.mechanisms.map((m) => [m.kind, m.qualifier])).toEqual([
      ["a", "+"],
      ["mx", "-"],
      ["ip4", "~"],
      ["ip6", "?"],
      ["include", "+"],
    ]);
    expect(record.mechanisms[0]).toMatchObject({ cidr4: 24, cidr6: 128 });
    expect(record.mechanisms[1]).toMatchObject({ domain: "mail.contoso.com", cidr4: 32, cidr6: 64 });
  });

  it.each([
    "v=spf1 ip4:999.1.1.1 -all",
    "v=spf1 ip4:192.0.2.1/33",
    "v=spf1 ip4:192.0.2.1/024",
    "v=spf1 include -all",
    "v=spf1 all:foo",
    "v=spf1 foo:bar",
    "v=spf1 redirect=a.com redirect=b.com",
    "v=spf1 exists:%{z}.contoso.com",
    "v=spf1 a:contoso%.com",
  ])("refuses %s", (text) => {
    expect(() => parseSpfRecord(text)).toThrow(SpfSyntaxError);
  });

  it("ignores unknown modifiers", () => {
    expect(parseSpfRecord("v=spf1 foo=bar -all").mechanisms).toHaveLength(1);
  });
});

describe("expandMacros", () => {
  const values = { ip: "192.0.2.3", sender: "strong-bad@email.example.com", domain: "email.example.com", helo: "mx.example.org" };
  it.each([
    ["%{s}", "strong-bad@email.example.com"],
    ["%{o}", "email.example.com"],
    ["%{d4}", "email.example.com"],
    ["%{d2}", "example.com"],
    ["%{dr}", "com.example.email"],
    ["%{d2r}", "example.email"],
    ["%{l-}", "strong.bad"],
    ["%{lr-}", "bad.strong"],
    ["%{ir}.%{v}._spf.%{d2}", "3.2.0.192.in-addr._spf.example.com"],
    ["%{h}%%%_%-", "mx.example.org% %20"],
  ])("expands %s (RFC 7208 §7.4 examples)", (spec, expected) => {
    expect(expandMacros(spec, values)).toBe(expected);
  });

  it("writes IPv6 %{i} as dotted nibbles", () => {
    expect(expandMacros("%{ir}.%{v}", { ...values, ip: "2001:db8::cb01" })).toBe("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6");
  });
});

describe("evaluateSpf", () => {
  it("passes by an include and names both mechanisms", async () => {
    const dns = fakeDns({
      txt: { "contoso.com": ["other text", "v=spf1 include:_spf.contoso.com -all"], "_spf.contoso.com": ["v=spf1 ip4:203.0.113.0/24 -all"] },
    });
    const result = await check("contoso.com", "203.0.113.25", dns);
    expect(result).toMatchObject({ result: "pass", lookups: 1, record: "v=spf1 include:_spf.contoso.com -all" });
    expect(result.matched).toEqual(["contoso.com: include:_spf.contoso.com", "_spf.contoso.com: ip4:203.0.113.0/24"]);
  });

  it("treats an include's fail as no match, and goes on to the next mechanism", async () => {
    const dns = fakeDns({ txt: { "contoso.com": ["v=spf1 include:other.com ~all"], "other.com": ["v=spf1 -all"] } });
    expect(await check("contoso.com", "203.0.113.25", dns)).toMatchObject({ result: "softfail", matched: ["contoso.com: ~all"] });
  });

  it("matches a, mx and ptr mechanisms", async () => {
    const dns = fakeDns({
      txt: { "a.com": ["v=spf1 a:host.a.com/24 -all"], "mx.com": ["v=spf1 mx -all"], "ptr.com": ["v=spf1 ptr -all"] },
      a: { "host.a.com": ["203.0.113.1"], "mail.mx.com": ["2001:db8::25", "203.0.113.25"], "out.ptr.com": ["203.0.113.25"] },
      mx: { "mx.com": ["mail.mx.com"] },
      ptr: { "203.0.113.25": ["out.ptr.com"] },
    });
    expect((await check("a.com", "203.0.113.25", dns)).result).toBe("pass");
    expect((await check("mx.com", "203.0.113.25", dns)).result).toBe("pass");
    expect((await check("mx.com", "2001:db8::25", dns)).result).toBe("pass");
    expect((await check("ptr.com", "203.0.113.25", dns)).result).toBe("pass");
    expect((await check("ptr.com", "203.0.113.26", dns)).result).toBe("fail");
  });

  it("follows redirect= only without an all mechanism", async () => {
    const dns = fakeDns({ txt: { "a.com": ["v=spf1 redirect=b.com"], "b.com": ["v=spf1 ip4:203.0.113.25 -all"], "c.com": ["v=spf1 ?all redirect=b.com"] } });
    expect(await check("a.com", "203.0.113.25", dns)).toMatchObject({
      result: "pass",
      lookups: 1,
      matched: ["a.com: redirect=b.com", "b.com: ip4:203.0.113.25"],
    });
    expect((await check("c.com", "203.0.113.25", dns)).result).toBe("neutral");
  });

  it("answers neutral when nothing matches and there is no all", async () => {
    expect((await check("a.com", "203.0.113.25", fakeDns({ txt: { "a.com": ["v=spf1 ip4:192.0.2.1"] } }))).result).toBe("neutral");
  });

  it("matches exists with a macro", async () => {
    const dns = fakeDns({ txt: { "a.com": ["v=spf1 exists:%{i}._spf.a.com -all"] }, a: { "203.0.113.25._spf.a.com": ["127.0.0.2"] } });
    expect((await check("a.com", "203.0.113.25", dns)).result).toBe("pass");
  });

  it("answers none without a record, and permerror for two", async () => {
    expect((await check("a.com", "203.0.113.25", fakeDns({ txt: { "a.com": ["google-site-verification=x"] } }))).result).toBe("none");
    const two = await check("a.com", "203.0.113.25", fakeDns({ txt: { "a.com": ["v=spf1 -all", "v=spf1 ~all"] } }));
    expect(two).toMatchObject({ result: "permerror" });
    expect(two.reason).toContain("2 SPF records");
  });

  it("answers permerror for an include of a domain without SPF", async () => {
    const result = await check("a.com", "203.0.113.25", fakeDns({ txt: { "a.com": ["v=spf1 include:gone.com -all"] } }));
    expect(result.result).toBe("permerror");
    expect(result.reason).toContain("gone.com has no SPF record");
  });

  it("stops at the 11th DNS-querying term", async () => {
    const txt = { "a.com": [`v=spf1 ${Array.from({ length: 11 }, (_, i) => `a:h${i}.a.com`).join(" ")} -all`] };
    const a = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`h${i}.a.com`, ["192.0.2.1"]]));
    const result = await check("a.com", "203.0.113.25", fakeDns({ txt, a }));
    expect(result).toMatchObject({ result: "permerror", lookups: 11 });
  });

  it("stops at the 3rd void lookup", async () => {
    const result = await check("a.com", "203.0.113.25", fakeDns({ txt: { "a.com": ["v=spf1 a:x.a.com a:y.a.com a:z.a.com -all"] } }));
    expect(result).toMatchObject({ result: "permerror", voidLookups: 3 });
  });

  it("answers temperror when a lookup fails", async () => {
    const dns = fakeDns({ txt: { "a.com": ["v=spf1 include:b.com -all"], "b.com": "fail" as unknown as string[] } });
    expect((await check("a.com", "203.0.113.25", dns)).result).toBe("temperror");
  });
});
