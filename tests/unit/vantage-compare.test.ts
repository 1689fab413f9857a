import { createTranslator, NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { VantageComparison } from "@/components/vantage-comparison";
import type { Step } from "@/lib/engine/types";
import { en } from "@/lib/i18n/messages/en";
import { it as italian } from "@/lib/i18n/messages/it";
import { vantagesEn, vantagesIt } from "@/lib/i18n/messages/vantages";
import { compareVantages, sameValue, type VantageRun } from "@/lib/results/vantage-compare";

/** The vantage comparison (lib/results/vantage-compare.ts), its strings, and what the component renders from it. */

function step(code: string, status: Step["status"] = "success", extra: Partial<Step> = {}): Step {
  return { code, title: `Title of ${code}`, status, message: `Message of ${code}`, elapsedMs: 1, children: [], ...extra };
}

function run(name: string, steps: Step[], verdict: VantageRun["verdict"] = "success"): VantageRun {
  return { name, verdict, steps };
}

const CERT_A = { subject: "CN=mail.contoso.test", issuer: "CN=RCA Test CA", thumbprintSha256: "AB".repeat(32) };
const CERT_B = { subject: "CN=firewall.contoso.test", issuer: "CN=Corporate Inspection CA", thumbprintSha256: "CD".repeat(32) };

/** DNS, TCP, then the certificate with its trust child: the shape of a TLS test. */
function tlsTree(options: { cert?: Record<string, unknown>; trust?: Step["status"]; tcp?: Partial<Step> } = {}): Step[] {
  const trust = options.trust ?? "success";
  return [
    step("dns.resolve", "success", { details: { addresses: ["192.0.2.10"], resolver: "system" } }),
    step("tcp.connect", "success", { details: { address: "192.0.2.10", port: 443 }, ...options.tcp }),
    step("tls.certificate", trust, {
      details: options.cert ?? CERT_A,
      children: [
        step("tls.certificate.name"),
        step("tls.certificate.trust", trust, trust === "error" ? { problem: "CERT_UNTRUSTED_ROOT", message: "The root isn't trusted." } : {}),
      ],
    }),
  ];
}

const keysOf = (vantages: VantageRun[]) => compareVantages(vantages).rows.map((row) => row.key);
const differing = (vantages: VantageRun[]) =>
  compareVantages(vantages)
    .rows.filter((row) => row.differs)
    .map((row) => ({ key: row.key, reasons: row.reasons }));

describe("compareVantages", () => {
  it("aligns equal trees in tree order with nothing differing", () => {
    const comparison = compareVantages([run("inside", tlsTree()), run("outside", tlsTree())]);
    expect(comparison.names).toEqual(["inside", "outside"]);
    expect(comparison.differing).toBe(0);
    expect(comparison.rows.map((row) => [row.key, row.depth])).toEqual([
      ["dns.resolve", 0],
      ["tcp.connect", 0],
      ["tls.certificate", 0],
      ["tls.certificate/tls.certificate.name", 1],
      ["tls.certificate/tls.certificate.trust", 1],
    ]);
    for (const row of comparison.rows) {
      expect(row).toMatchObject({ differs: false, reasons: [], childrenDiffer: false, detailKeys: [] });
      expect(row.cells).toHaveLength(2);
      expect(row.cells.every((cell) => cell?.code === row.key.split("/").at(-1))).toBe(true);
    }
  });

  it("never compares timings: elapsedMs / startMs of the steps, elapsedMs in details", () => {
    const slow = tlsTree({ tcp: { elapsedMs: 900, startMs: 40, details: { address: "192.0.2.10", port: 443, elapsedMs: 850 } } });
    expect(compareVantages([run("inside", tlsTree()), run("outside", slow)]).differing).toBe(0);
  });

  it("reports a certificate whose subject differs, with the keys that differ", () => {
    const comparison = compareVantages([run("inside", tlsTree()), run("outside", tlsTree({ cert: CERT_B }))]);
    expect(comparison.differing).toBe(1);
    const row = comparison.rows.find((candidate) => candidate.differs)!;
    expect(row).toMatchObject({ key: "tls.certificate", reasons: ["details"], detailKeys: ["subject", "issuer", "thumbprintSha256"] });
    expect(row.cells.map((cell) => cell?.details?.subject)).toEqual([CERT_A.subject, CERT_B.subject]);
  });

  it("compares details regardless of key order, and a key holding undefined as absent", () => {
    const reordered = { thumbprintSha256: CERT_A.thumbprintSha256, issuer: CERT_A.issuer, subject: CERT_A.subject, note: undefined };
    expect(compareVantages([run("inside", tlsTree()), run("outside", tlsTree({ cert: reordered }))]).differing).toBe(0);
    expect(sameValue({ a: { x: 1, y: [1, { p: "q", r: "s" }] } }, { a: { y: [1, { r: "s", p: "q" }], x: 1 } })).toBe(true);
    // The order of a list is a fact (a chain, a resolver's answer).
    expect(sameValue({ addresses: ["192.0.2.1", "192.0.2.2"] }, { addresses: ["192.0.2.2", "192.0.2.1"] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: "1" })).toBe(false);
    expect(sameValue([], {})).toBe(false);
  });

  it("reports a status change with its problem and message, and marks the ancestors", () => {
    const comparison = compareVantages([run("inside", tlsTree()), run("outside", tlsTree({ trust: "error" }), "error")]);
    expect(differing([run("inside", tlsTree()), run("outside", tlsTree({ trust: "error" }))])).toEqual([
      { key: "tls.certificate", reasons: ["status"] },
      { key: "tls.certificate/tls.certificate.trust", reasons: ["status", "problem", "message"] },
    ]);
    expect(comparison.differing).toBe(2);
    const parent = comparison.rows.find((row) => row.key === "tls.certificate")!;
    expect(parent.childrenDiffer).toBe(true);
    expect(comparison.rows.find((row) => row.key === "dns.resolve")!.childrenDiffer).toBe(false);
  });

  it("marks an ancestor whose own fields are the same but a child differs", () => {
    const inside = [step("http", "success", { children: [step("http.get", "success")] })];
    const outside = [step("http", "success", { children: [step("http.get", "warning", { problem: "HTTP_UNEXPECTED_STATUS" })] })];
    const [parent, child] = compareVantages([run("inside", inside), run("outside", outside)]).rows;
    expect(parent).toMatchObject({ key: "http", differs: false, childrenDiffer: true });
    expect(child).toMatchObject({ key: "http/http.get", differs: true, reasons: ["status", "problem"], childrenDiffer: false });
  });

  it("compares messages by key and params when both sides have a key, else by their English", () => {
    const keyed = (params: Record<string, string | number>, message = "The port was opened.") =>
      step("tcp.connect", "success", { message, messageKey: "steps.tcp.connect.ok", messageParams: params });
    const same = compareVantages([
      run("a", [keyed({ port: 443, address: "192.0.2.1" })]),
      run("b", [keyed({ address: "192.0.2.1", port: 443 }, "Older English")]),
    ]);
    expect(same.differing).toBe(0);
    const other = compareVantages([run("a", [keyed({ address: "192.0.2.1", port: 443 })]), run("b", [keyed({ address: "198.51.100.7", port: 443 })])]);
    expect(other.rows[0]?.reasons).toEqual(["message"]);
    const plain = compareVantages([run("a", [keyed({ port: 443 })]), run("b", [step("tcp.connect", "success", { message: "The port was opened." })])]);
    expect(plain.differing).toBe(0);
  });

  it("reports a step run on one side only, its children too, in place", () => {
    const inside = tlsTree();
    const outside = [
      step("dns.resolve", "success", { details: { addresses: ["192.0.2.10"], resolver: "system" } }),
      step("tcp.connect", "error", { problem: "TCP_TIMEOUT", message: "Timed out." }),
    ];
    const comparison = compareVantages([run("inside", inside), run("outside", outside, "error")]);
    expect(comparison.rows.map((row) => ({ key: row.key, reasons: row.reasons }))).toEqual([
      { key: "dns.resolve", reasons: [] },
      { key: "tcp.connect", reasons: ["status", "problem", "message", "details"] },
      { key: "tls.certificate", reasons: ["missing"] },
      { key: "tls.certificate/tls.certificate.name", reasons: ["missing"] },
      { key: "tls.certificate/tls.certificate.trust", reasons: ["missing"] },
    ]);
    expect(comparison.rows[2]?.cells[1]).toBeUndefined();
    expect(comparison.differing).toBe(4);
  });

  it("inserts a step only a later vantage has after its preceding sibling", () => {
    const inside = [step("dns.resolve"), step("tcp.connect"), step("tls.certificate")];
    const outside = [step("dns.resolve"), step("proxy.connect"), step("tcp.connect"), step("tls.certificate")];
    const third = [step("dns.resolve"), step("proxy.auth"), step("tcp.connect"), step("smtp.banner")];
    expect(keysOf([run("inside", inside), run("outside", outside)])).toEqual(["dns.resolve", "proxy.connect", "tcp.connect", "tls.certificate"]);
    // Inserts from later vantages keep the vantages' order, and a step first on a side goes first.
    expect(keysOf([run("inside", inside), run("outside", outside), run("third", third)])).toEqual([
      "dns.resolve",
      "proxy.connect",
      "proxy.auth",
      "tcp.connect",
      "smtp.banner",
      "tls.certificate",
    ]);
    expect(keysOf([run("a", [step("b")]), run("z", [step("a"), step("b")])])).toEqual(["a", "b"]);
  });

  it("tells apart a code repeated among siblings by its occurrence index", () => {
    const mx = (host: string, status: Step["status"] = "success") => step("smtp.mx", status, { details: { host }, children: [step("tcp.connect", status)] });
    const inside = [step("dns.mx"), mx("mx1.contoso.test"), mx("mx2.contoso.test")];
    const outside = [step("dns.mx"), mx("mx1.contoso.test"), mx("mx2.contoso.test", "error"), mx("mx3.contoso.test")];
    const comparison = compareVantages([run("inside", inside), run("outside", outside)]);
    expect(comparison.rows.map((row) => row.key)).toEqual([
      "dns.mx",
      "smtp.mx",
      "smtp.mx/tcp.connect",
      "smtp.mx#1",
      "smtp.mx#1/tcp.connect",
      "smtp.mx#2",
      "smtp.mx#2/tcp.connect",
    ]);
    expect(comparison.rows.filter((row) => row.differs).map((row) => [row.key, row.reasons])).toEqual([
      ["smtp.mx#1", ["status"]],
      ["smtp.mx#1/tcp.connect", ["status"]],
      ["smtp.mx#2", ["missing"]],
      ["smtp.mx#2/tcp.connect", ["missing"]],
    ]);
  });

  it("compares three vantages: a difference on any side, cells in the vantages' order", () => {
    const comparison = compareVantages([run("inside", tlsTree()), run("dmz", tlsTree()), run("outside", tlsTree({ cert: CERT_B }))]);
    expect(comparison.names).toEqual(["inside", "dmz", "outside"]);
    expect(comparison.differing).toBe(1);
    const row = comparison.rows.find((candidate) => candidate.differs)!;
    expect(row.cells.map((cell) => cell?.details?.subject)).toEqual([CERT_A.subject, CERT_A.subject, CERT_B.subject]);

    const missingInMiddle = compareVantages([run("inside", tlsTree()), run("dmz", tlsTree().slice(0, 2)), run("outside", tlsTree())]);
    expect(missingInMiddle.rows.filter((candidate) => candidate.differs).map((candidate) => candidate.key)).toEqual([
      "tls.certificate",
      "tls.certificate/tls.certificate.name",
      "tls.certificate/tls.certificate.trust",
    ]);
    expect(missingInMiddle.rows[2]?.cells.map((cell) => cell !== undefined)).toEqual([true, false, true]);
  });

  it("answers no rows for no vantage, and no difference for one", () => {
    expect(compareVantages([])).toEqual({ names: [], rows: [], differing: 0 });
    expect(compareVantages([run("inside", tlsTree())]).differing).toBe(0);
  });
});

describe("the catalogue strings", () => {
  function leaves(tree: object, prefix = ""): [string, string][] {
    return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
      typeof value === "string" ? [[`${prefix}${key}`, value]] : leaves(value as object, `${prefix}${key}.`),
    );
  }
  const placeholders = (message: string) => [...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[},]/g)].map((match) => match[1]))].sort();

  it("has the English keys and placeholders in Italian, and every message formats", () => {
    const english = new Map(leaves(vantagesEn));
    const italianLeaves = new Map(leaves(vantagesIt));
    expect([...italianLeaves.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, message] of english) expect(placeholders(italianLeaves.get(key)!), key).toEqual(placeholders(message));
    const values = { count: 3, names: "inside and outside", name: "inside", keys: "Subject" };
    for (const [locale, messages] of [
      ["en", vantagesEn],
      ["it", vantagesIt],
    ] as const) {
      const errors: string[] = [];
      const translator = createTranslator({ locale, messages: { vantages: messages }, namespace: "vantages", onError: (error) => errors.push(error.message) });
      // Any key with every value: the typed keys of createTranslator can't be iterated.
      const t = translator as unknown as (key: string, values: Record<string, string | number>) => string;
      for (const [key] of leaves(messages)) expect(t(key, values), key).not.toBe("");
      expect(errors).toEqual([]);
    }
    const t = createTranslator({ locale: "en", messages: { vantages: vantagesEn }, namespace: "vantages" });
    expect(t("summary", { count: 1, names: "inside and outside" })).toBe("1 step differs between inside and outside");
    expect(t("summary", { count: 3, names: "inside and outside" })).toBe("3 steps differ between inside and outside");
  });
});

describe("the rendered comparison", () => {
  const render = (vantages: VantageRun[], locale: "en" | "it" = "en") => {
    const base = locale === "en" ? en : italian;
    const messages = { ...base, vantages: locale === "en" ? vantagesEn : vantagesIt } as unknown as AbstractIntlMessages;
    const props = { locale, timeZone: "UTC", messages } as ComponentProps<typeof NextIntlClientProvider>;
    return renderToStaticMarkup(createElement(NextIntlClientProvider, props, createElement(VantageComparison, { vantages })));
  };
  const rowsOf = (html: string) =>
    [...html.matchAll(/<tr data-testid="vantage-row" data-code="([^"]+)" data-differs="(true|false)"/g)].map((m) => [m[1], m[2]]);

  it("summarizes, highlights and labels the differing rows, with each side's details", () => {
    const html = render([run("inside", tlsTree()), run("outside", tlsTree({ cert: CERT_B, trust: "error" }), "error")]);
    expect(html).toContain('data-testid="vantage-comparison"');
    expect(html).toContain("2 steps differ between inside and outside");
    expect(rowsOf(html)).toEqual([
      ["dns.resolve", "false"],
      ["tcp.connect", "false"],
      ["tls.certificate", "true"],
      ["tls.certificate/tls.certificate.name", "false"],
      ["tls.certificate/tls.certificate.trust", "true"],
    ]);
    expect(html.match(/data-testid="vantage-differs"/g)).toHaveLength(2);
    expect(html).toContain("bg-warn-subtle");
    // The certificate row differs in details: one <details> per side, with that side's subject.
    expect(html.match(/data-testid="vantage-details"/g)).toHaveLength(2);
    expect(html).toContain(CERT_A.subject);
    expect(html).toContain(CERT_B.subject);
    expect(html).toContain('type="checkbox"');
  });

  it("says every step is the same, writes 'not run' for a missing step, and escapes server text", () => {
    const same = render([run("inside", tlsTree()), run("outside", tlsTree())]);
    expect(same).toContain("Every step is the same from inside and outside");
    expect(same).not.toContain('data-differs="true"');
    expect(same).not.toContain('type="checkbox"');

    const hostile = "<img src=x onerror=alert(1)>";
    const missing = render([run(hostile, tlsTree()), run("outside", tlsTree().slice(0, 2))]);
    expect(missing).toContain("not run");
    expect(missing).not.toContain("<img");
    expect(missing).toContain("&lt;img");
  });

  it("renders in Italian", () => {
    const html = render([run("inside", tlsTree()), run("outside", tlsTree({ cert: CERT_B }))], "it");
    expect(html).toContain("1 passaggio differisce tra inside e outside");
    expect(html).toContain("Diverso");
    expect(html).toContain("Dettagli (diversi: Soggetto, ");
  });

  it("renders nothing without vantages, and a note for a single one", () => {
    expect(render([])).toBe("");
    expect(render([run("inside", tlsTree())])).toContain("nothing to compare");
  });
});
