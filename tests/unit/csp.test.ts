import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createNonce, pageCsp, servedOverHttps, staticPageCsp, styleHash, trustProxyFlag } from "@/lib/security/csp";

/** "a b; c d" → { a: ["b"], c: ["d"] } */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("createNonce", () => {
  it("is 128 random bits in base64, fresh every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});

describe("pageCsp", () => {
  it("allows scripts only by this response's nonce, with 'strict-dynamic' and no 'unsafe-inline'", () => {
    const policy = directives(pageCsp("abc123=="));
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy["style-src"]).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(Object.values(policy).flat()).not.toContain("'unsafe-inline'");
    expect(Object.values(policy).flat()).not.toContain("'unsafe-eval'");
  });

  it("locks down everything else", () => {
    const policy = directives(pageCsp("n"));
    expect(policy).toMatchObject({
      "default-src": ["'self'"],
      "img-src": ["'self'", "data:"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'none'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
    expect(policy).not.toHaveProperty("upgrade-insecure-requests");
  });

  it("upgrades subresources only when served over HTTPS", () => {
    expect(directives(pageCsp("n", { https: true }))).toHaveProperty("upgrade-insecure-requests", []);
  });

  it("relaxes only what `next dev` needs, in development", () => {
    const policy = directives(pageCsp("n", { dev: true }));
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(policy["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
  });
});

describe("staticPageCsp", () => {
  it("runs nothing and allows exactly the one inline style, by its SHA-256", () => {
    const css = "body{color:#1f2328}";
    const digest = createHash("sha256").update(css).digest("base64");
    expect(styleHash(css)).toBe(`'sha256-${digest}'`);
    const policy = directives(staticPageCsp(css));
    expect(policy["default-src"]).toEqual(["'none'"]);
    expect(policy["style-src"]).toEqual([`'sha256-${digest}'`]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["form-action"]).toEqual(["'self'"]);
    expect(policy).not.toHaveProperty("script-src");
  });
});

describe("servedOverHttps (HSTS)", () => {
  const forwarded = (proto: string) => new Headers({ "x-forwarded-proto": proto });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(servedOverHttps(forwarded("https"), true)).toBe(true);
    expect(servedOverHttps(forwarded("HTTPS"), true)).toBe(true);
    expect(servedOverHttps(forwarded("https, http"), true)).toBe(true);
    expect(servedOverHttps(forwarded("https"), false)).toBe(false);
  });

  it("is no for plain HTTP or no header", () => {
    expect(servedOverHttps(forwarded("http"), true)).toBe(false);
    expect(servedOverHttps(forwarded("http, https"), true)).toBe(false);
    expect(servedOverHttps(new Headers(), true)).toBe(false);
  });

  it("reads RCA_TRUST_PROXY as lib/config/env.ts does", () => {
    expect(trustProxyFlag("true")).toBe(true);
    expect(trustProxyFlag("1")).toBe(true);
    for (const value of [undefined, "", "false", "0", "yes"]) expect(trustProxyFlag(value)).toBe(false);
  });
});
