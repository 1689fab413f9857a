import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTranslator, NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChainPicture } from "@/components/chain-picture";
import type { Step } from "@/lib/engine/types";
import { chainPictureEn, chainPictureIt } from "@/lib/i18n/messages/chain-picture";
import { chainPicture, chainStatusOf, trustSteps } from "@/lib/results/chain-picture";

/** The chain picture's model (lib/results/chain-picture.ts), its strings, and what the component renders from it. */

const LEAF = "CN=*.contoso.test, O=RCA Test Servers";
const INTERMEDIATE = "CN=RCA Test Issuing CA 1, O=RCA Tests";
const ROOT = "CN=RCA Test Root CA, O=RCA Tests";

function chainStep(details: Record<string, unknown>, message = "Issued by …"): Step {
  return { code: "tls.certificate.trust.chain", title: "Certificate in the chain", status: "info", message, details, elapsedMs: 0, children: [] };
}

function cert(position: number, subject: string, issuer: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    position,
    subject,
    issuer,
    notBefore: "2026-01-01T00:00:00.000Z",
    notAfter: "2027-01-01T00:00:00.000Z",
    key: "RSA 2048 bits",
    signature: "SHA-256 with RSA",
    thumbprintSha256: "AB".repeat(32),
    ...extra,
  };
}

function trustStep(options: { chain: string; children: Step[]; status?: Step["status"]; problem?: Step["problem"]; details?: Record<string, unknown> }): Step {
  return {
    code: "tls.certificate.trust",
    title: "Certificate trust is being validated.",
    status: options.status ?? (options.chain === "trusted" ? "success" : "error"),
    message: "…",
    ...(options.problem ? { problem: options.problem } : {}),
    details: {
      path: [],
      unusedSentCertificates: [],
      validation: { accepted: options.chain === "trusted", chain: options.chain, violations: [] },
      ...options.details,
    },
    elapsedMs: 1,
    children: options.children,
  };
}

const trusted = trustStep({
  chain: "trusted",
  children: [
    chainStep(cert(1, LEAF, INTERMEDIATE, { key: "EC 256 bits P-256", signature: "SHA-256 with RSA", source: "sent", sentAs: 1 })),
    chainStep(cert(2, INTERMEDIATE, ROOT, { source: "sent", sentAs: 2 })),
    chainStep(cert(3, ROOT, ROOT, { source: "trust-store" })),
  ],
});

describe("the chain picture of a trust step", () => {
  it("draws leaf, intermediate and root with where each came from, and no missing box on a trusted path", () => {
    const picture = chainPicture(trusted)!;
    expect(picture.certificates.map((c) => [c.role, c.source, c.sentAs])).toEqual([
      ["leaf", "sent", 1],
      ["intermediate", "sent", 2],
      ["root", "trust-store", undefined],
    ]);
    expect(picture.certificates[0]).toMatchObject({
      subject: LEAF,
      key: "EC 256 bits P-256",
      signature: "SHA-256 with RSA",
      notAfter: "2027-01-01T00:00:00.000Z",
    });
    expect(picture.missing).toBeUndefined();
    expect(picture.status).toBe("trusted");
  });

  it("ends an incomplete path with a missing issuer box naming the issuer that wasn't found", () => {
    const step = trustStep({
      chain: "incomplete",
      problem: "CERT_CHAIN_INCOMPLETE",
      children: [chainStep(cert(1, LEAF, INTERMEDIATE, { source: "sent", sentAs: 1 }))],
    });
    const picture = chainPicture(step)!;
    expect(picture.certificates).toHaveLength(1);
    expect(picture.missing).toEqual({ kind: "missing", reason: "issuer-not-found", issuer: INTERMEDIATE });
    expect(picture.tone).toBe("bad");
  });

  it("says why there is no trusted issuer: self-signed, an untrusted root, a signature that doesn't verify", () => {
    const self = trustStep({ chain: "self-signed", problem: "CERT_SELF_SIGNED", children: [chainStep(cert(1, LEAF, LEAF, { source: "sent", sentAs: 1 }))] });
    expect(chainPicture(self)!.missing).toEqual({ kind: "missing", reason: "self-signed" });
    expect(chainPicture(self)!.certificates[0]!.role).toBe("leaf");

    const evil = "CN=Evil Root CA, O=Evil Corp";
    const untrusted = trustStep({
      chain: "untrusted-root",
      problem: "CERT_UNTRUSTED_ROOT",
      children: [chainStep(cert(1, LEAF, evil, { source: "sent", sentAs: 1 })), chainStep(cert(2, evil, evil, { source: "sent", sentAs: 2 }))],
    });
    expect(chainPicture(untrusted)!.certificates.map((c) => c.role)).toEqual(["leaf", "root"]);
    expect(chainPicture(untrusted)!.missing).toEqual({ kind: "missing", reason: "untrusted-root" });

    const bad = trustStep({
      chain: "bad-signature",
      problem: "CERT_CHAIN_INVALID",
      children: [chainStep(cert(1, LEAF, INTERMEDIATE, { source: "sent", sentAs: 1 }))],
    });
    expect(chainPicture(bad)!.missing).toEqual({ kind: "missing", reason: "bad-signature", issuer: INTERMEDIATE });
  });

  it("draws the broken rules where they are broken, and a warning-coloured path when trust errors were ignored", () => {
    const step = trustStep({
      chain: "trusted",
      status: "warning",
      problem: "CERT_EXPIRED",
      children: [
        chainStep(cert(1, LEAF, INTERMEDIATE, { source: "sent", sentAs: 1, breaks: ["CERT_EXPIRED", "<script>x</script>", 7] })),
        chainStep(cert(2, INTERMEDIATE, ROOT, { source: "trust-store" })),
      ],
    });
    const picture = chainPicture(step)!;
    expect(picture.certificates[0]!.breaks).toEqual([
      { code: "CERT_EXPIRED", known: true },
      { code: "<script>x</script>", known: false },
    ]);
    expect(picture.certificates[1]!.breaks).toEqual([]);
    expect(picture.tone).toBe("warn");
    expect(picture.missing).toBeUndefined();
  });

  it("trusts the recorded chain status over the problem: OpenSSL's refusal of a built path draws no missing box", () => {
    const step = trustStep({ chain: "trusted", problem: "CERT_CHAIN_INVALID", children: trusted.children });
    expect(chainPicture(step)!.missing).toBeUndefined();
    // Without a recorded status, the problems that name one decide.
    expect(chainStatusOf({ problem: "CERT_CHAIN_INCOMPLETE", details: {} })).toBe("incomplete");
    expect(chainStatusOf({ problem: "CERT_CHAIN_INVALID", details: { refusedFor: "bad-signature" } })).toBe("bad-signature");
    expect(chainStatusOf({ problem: "CERT_CHAIN_INVALID", details: {} })).toBeUndefined();
  });

  it("shows the sent certificates that aren't on the path", () => {
    const step = trustStep({ chain: "trusted", children: trusted.children, details: { unusedSentCertificates: [3, "4", -1, 5] } });
    expect(chainPicture(step)!.unusedSent).toEqual([3, 5]);
  });

  it("keeps only text from hostile details, and cuts what is absurdly long", () => {
    const step = trustStep({
      chain: "trusted",
      children: [chainStep({ subject: `CN=${"a".repeat(5000)}`, issuer: { toString: "x" }, key: ["RSA"], notBefore: 12, source: "elsewhere" })],
    });
    const [box] = chainPicture(step)!.certificates;
    expect(box!.subject!.length).toBeLessThanOrEqual(1025);
    expect(box!.issuer).toBeUndefined();
    expect(box!.key).toBeUndefined();
    expect(box!.source).toBe("unknown");
  });

  it("is drawn for trust steps only, and not for one that recorded no path", () => {
    expect(chainPicture({ ...trusted, code: "tls.certificate.dates" })).toBeUndefined();
    const skipped: Step = { code: "tls.certificate.trust", title: "…", status: "skipped", message: "Skipped because …", elapsedMs: 0, children: [] };
    expect(chainPicture(skipped)).toBeUndefined();
  });

  it("finds every trust step of a result, nested ones included", () => {
    const attempt = (children: Step[]): Step => ({ code: "autodiscover.method", title: "…", status: "error", message: "", elapsedMs: 0, children });
    const certificate = (child: Step): Step => ({ code: "tls.certificate", title: "…", status: "success", message: "", elapsedMs: 0, children: [child] });
    expect(trustSteps([attempt([certificate(trusted)]), attempt([certificate(trusted)])])).toHaveLength(2);
  });
});

describe("results stored before the picture's fields existed", () => {
  interface StoredStep extends Step {
    children: StoredStep[];
  }
  const stored = JSON.parse(readFileSync(join(process.cwd(), "tests", "fixtures", "results", "tls-certificate-before-i18n.json"), "utf8")) as {
    steps: StoredStep[];
  };

  it("draw what is there: no key or signature, the source from the trust step's path, the missing root of a self-signed certificate", () => {
    const [step] = trustSteps(stored.steps);
    const picture = chainPicture(step!)!;
    expect(picture.certificates).toHaveLength(1);
    const [leaf] = picture.certificates;
    expect(leaf).toMatchObject({ role: "leaf", source: "sent", sentAs: 1, subject: "CN=mail.contoso.test", notBefore: "2026-11-27T16:54:46.000Z" });
    expect(leaf!.key).toBeUndefined();
    expect(leaf!.signature).toBeUndefined();
    expect(picture.missing).toEqual({ kind: "missing", reason: "self-signed" });
  });

  it("without chain steps, draw the trust step's path; without it, the chain step's English message says where each came from", () => {
    const onlyPath = trustStep({
      chain: "trusted",
      children: [],
      details: {
        path: [
          { subject: LEAF, source: "sent #1" },
          { subject: ROOT, source: "trust store" },
        ],
      },
    });
    expect(chainPicture(onlyPath)!.certificates.map((c) => [c.role, c.source, c.subject])).toEqual([
      ["leaf", "sent", LEAF],
      ["root", "trust-store", ROOT],
    ]);

    const onlyMessages: Step = {
      ...trustStep({ chain: "trusted", children: [] }),
      details: {},
      problem: undefined,
      children: [
        chainStep({ subject: LEAF, issuer: ROOT }, `Issued by ${ROOT}; valid from … to …; sent by the server as certificate #1.`),
        chainStep({ subject: ROOT, issuer: ROOT }, `Issued by ${ROOT}; valid from … to …; from the trusted root store.`),
      ],
    };
    const picture = chainPicture(onlyMessages)!;
    expect(picture.certificates.map((c) => [c.role, c.source, c.sentAs])).toEqual([
      ["leaf", "sent", 1],
      ["root", "trust-store", undefined],
    ]);
    expect(picture.status).toBeUndefined();
    expect(picture.missing).toBeUndefined();
  });
});

describe("the chain picture's strings", () => {
  function leaves(tree: object, prefix = ""): Map<string, string> {
    const out = new Map<string, string>();
    for (const [key, value] of Object.entries(tree)) {
      if (typeof value === "string") out.set(`${prefix}${key}`, value);
      else for (const [nested, text] of leaves(value as object, `${prefix}${key}.`)) out.set(nested, text);
    }
    return out;
  }
  const argumentsOf = (message: string) => [...new Set([...message.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\}|,)/g)].map((m) => m[1]))].sort();

  it("has the same keys and placeholders in Italian, and every message formats", () => {
    const en = leaves(chainPictureEn);
    const it_ = leaves(chainPictureIt);
    expect([...it_.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, english] of en) expect(argumentsOf(it_.get(key)!), key).toEqual(argumentsOf(english));
    for (const [locale, messages] of [
      ["en", chainPictureEn],
      ["it", chainPictureIt],
    ] as const) {
      const errors: string[] = [];
      const t = createTranslator({ locale, messages: { chainPicture: messages }, namespace: "chainPicture", onError: (e) => errors.push(e.message) });
      for (const [key, message] of leaves(messages)) {
        expect(message, key).not.toMatch(/'[{}]/);
        const values = Object.fromEntries(argumentsOf(message).map((name) => [name, name === "count" ? 2 : `<${name}>`]));
        expect(t(key as never, values as never), key).not.toBe(`chainPicture.${key}`);
      }
      expect(errors).toEqual([]);
    }
  });
});

describe("the rendered picture", () => {
  const render = (step: Step, locale: "en" | "it" = "en") => {
    const messages: AbstractIntlMessages = { chainPicture: locale === "en" ? chainPictureEn : chainPictureIt };
    // children come as createElement's third argument
    const props = { locale, timeZone: "UTC", messages } as ComponentProps<typeof NextIntlClientProvider>;
    return renderToStaticMarkup(createElement(NextIntlClientProvider, props, createElement(ChainPicture, { step })));
  };

  it("has a box per certificate with its source, in path order, in plain HTML", () => {
    const html = render(trusted);
    expect(html).toContain('data-testid="chain-picture"');
    expect([...html.matchAll(/data-testid="chain-cert" data-source="([a-z-]+)"/g)].map((m) => m[1])).toEqual(["sent", "sent", "trust-store"]);
    expect(html).toContain("EC 256 bits P-256");
    expect(html).toContain("Sent by the server (#2)");
    expect(html).toContain("1 Jan 2026 to 1 Jan 2027");
    expect(html).not.toContain("<script");
  });

  it("draws the missing issuer, the broken rules, and server text as text only", () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const step = trustStep({
      chain: "incomplete",
      problem: "CERT_CHAIN_INCOMPLETE",
      children: [chainStep(cert(1, `CN=${hostile}`, `CN=${hostile} CA`, { source: "sent", sentAs: 1, breaks: ["CERT_EXPIRED"] }))],
    });
    const html = render(step);
    expect([...html.matchAll(/data-testid="chain-cert" data-source="([a-z-]+)"/g)].map((m) => m[1])).toEqual(["sent", "missing"]);
    expect(html).toContain("Missing issuer");
    expect(html).toContain('href="/help/CERT_EXPIRED"');
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x");

    const italian = render(step, "it");
    expect(italian).toContain("Emittente mancante");
    expect(italian).toContain("Inviato dal server (n. 1)");
    expect(italian).toContain("dal 1 gen 2026 al 1 gen 2027");
  });

  it("renders nothing for a trust step without a path", () => {
    expect(render({ ...trusted, children: [], details: {} })).toBe("");
  });
});
