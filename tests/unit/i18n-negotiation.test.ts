import { describe, expect, it } from "vitest";
import { fromAcceptLanguage, negotiateLocale, parseLocale } from "@/lib/i18n/negotiate";

/** The reader's language: ?lang= first, then the lang cookie, then Accept-Language, else English. */

describe("language negotiation", () => {
  it("takes ?lang= over the cookie and Accept-Language", () => {
    expect(negotiateLocale({ query: "it", cookie: "en", acceptLanguage: "en-US" })).toEqual({ locale: "it", source: "query" });
    expect(negotiateLocale({ query: "en", cookie: "it", acceptLanguage: "it-IT" })).toEqual({ locale: "en", source: "query" });
  });

  it("takes the cookie over Accept-Language when ?lang= is absent or not a language we have", () => {
    expect(negotiateLocale({ cookie: "it", acceptLanguage: "en-GB,en;q=0.9" })).toEqual({ locale: "it", source: "cookie" });
    expect(negotiateLocale({ query: "de", cookie: "it", acceptLanguage: "en" })).toEqual({ locale: "it", source: "cookie" });
  });

  it("takes Accept-Language when there is neither, by q-value", () => {
    expect(negotiateLocale({ acceptLanguage: "it-IT,it;q=0.9,en-US;q=0.8,en;q=0.7" })).toEqual({ locale: "it", source: "accept-language" });
    expect(negotiateLocale({ cookie: "fr", acceptLanguage: "de-DE, it;q=0.5, en;q=0.8" })).toEqual({ locale: "en", source: "accept-language" });
    expect(negotiateLocale({ acceptLanguage: "en;q=0.2, it;q=0.4" }).locale).toBe("it");
  });

  it("falls back to English", () => {
    expect(negotiateLocale({})).toEqual({ locale: "en", source: "default" });
    expect(negotiateLocale({ query: "", cookie: "", acceptLanguage: "" })).toEqual({ locale: "en", source: "default" });
    expect(negotiateLocale({ acceptLanguage: "de-DE,fr;q=0.8,*;q=0.5" })).toEqual({ locale: "en", source: "default" });
  });

  it("reads Accept-Language ranges carefully", () => {
    expect(fromAcceptLanguage("it-CH")).toBe("it");
    expect(fromAcceptLanguage("IT")).toBe("it");
    expect(fromAcceptLanguage("it;q=0, en;q=0.1")).toBe("en");
    expect(fromAcceptLanguage("it;q=0")).toBeUndefined();
    expect(fromAcceptLanguage("en;q=0.5, it;q=0.5")).toBe("en");
    expect(fromAcceptLanguage("it;q=abc, en")).toBe("en");
    expect(fromAcceptLanguage("*")).toBeUndefined();
    expect(fromAcceptLanguage(null)).toBeUndefined();
  });

  it("accepts only the bare codes as ?lang= and cookie values", () => {
    expect(parseLocale(" IT ")).toBe("it");
    expect(parseLocale("it-IT")).toBeUndefined();
    expect(parseLocale("xx")).toBeUndefined();
    expect(parseLocale(undefined)).toBeUndefined();
  });
});
