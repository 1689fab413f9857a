import { describe, expect, it } from "vitest";
import { describeRateRule, MemoryRateLimiter, parseRateRule } from "@/lib/api/rate-limit";

const MINUTE = 60_000;

describe("parseRateRule (RCA_RATE_LIMIT)", () => {
  it('reads "N/Ss", and "0" as off', () => {
    expect(parseRateRule("30/600s")).toEqual({ limit: 30, windowMs: 600_000 });
    expect(parseRateRule(" 5 / 1s ")).toEqual({ limit: 5, windowMs: 1000 });
    expect(parseRateRule("0")).toBeNull();
    expect(parseRateRule("off")).toBeNull();
  });

  it("refuses anything else instead of guessing", () => {
    for (const text of ["", "30", "30/600", "30/10m", "0/600s", "30/0s", "-1/60s", "1.5/60s", "30/999999s", "thirty/600s"]) {
      expect(parseRateRule(text), text).toBeUndefined();
    }
  });

  it("says the rule in words", () => {
    expect(describeRateRule({ limit: 30, windowMs: 600_000 })).toBe("30 per 10 min");
    expect(describeRateRule({ limit: 2, windowMs: 3_600_000 })).toBe("2 per 1 h");
    expect(describeRateRule({ limit: 3, windowMs: 45_000 })).toBe("3 per 45 s");
  });
});

describe("MemoryRateLimiter", () => {
  it("allows N in a window, then refuses with the seconds until the oldest request leaves it", () => {
    const limiter = new MemoryRateLimiter({ limit: 3, windowMs: 10 * MINUTE });
    const t0 = 1_000_000_000_000;
    for (let i = 0; i < 3; i += 1) expect(limiter.take("a", t0 + i * 1000)).toEqual({ allowed: true, retryAfterS: 0 });
    const refused = limiter.take("a", t0 + 5000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterS).toBe(595);
    // Exactly when the window has passed over the first request, one more fits.
    expect(limiter.take("a", t0 + 10 * MINUTE - 1000).allowed).toBe(false);
    expect(limiter.take("a", t0 + 10 * MINUTE).allowed).toBe(true);
  });

  it("slides: only the requests that left the window make room", () => {
    const limiter = new MemoryRateLimiter({ limit: 2, windowMs: MINUTE });
    const t0 = 1_700_000_040_000; // a whole minute
    expect(limiter.take("a", t0).allowed).toBe(true);
    expect(limiter.take("a", t0 + 30_000).allowed).toBe(true);
    expect(limiter.take("a", t0 + 31_000)).toEqual({ allowed: false, retryAfterS: 29 });
    expect(limiter.take("a", t0 + 60_000).allowed).toBe(true); // the first left; the second is still in
    expect(limiter.take("a", t0 + 61_000)).toEqual({ allowed: false, retryAfterS: 29 });
    expect(limiter.take("a", t0 + 90_000).allowed).toBe(true);
  });

  it("doesn't count refused requests: hammering doesn't push the retry time back", () => {
    const limiter = new MemoryRateLimiter({ limit: 1, windowMs: MINUTE });
    const t0 = 1_700_000_040_000;
    limiter.take("a", t0);
    for (let s = 1; s < 60; s += 1) expect(limiter.take("a", t0 + s * 1000).retryAfterS).toBe(60 - s);
    expect(limiter.take("a", t0 + MINUTE).allowed).toBe(true);
  });

  it("takes several at once, all or none, with the seconds until that many fit", () => {
    const limiter = new MemoryRateLimiter({ limit: 3, windowMs: MINUTE });
    const t0 = 1_700_000_040_000;
    expect(limiter.take("a", t0)).toEqual({ allowed: true, retryAfterS: 0 });
    expect(limiter.take("a", t0 + 10_000, 2)).toEqual({ allowed: true, retryAfterS: 0 });
    // Full: two more fit only once the first and the pair taken at +10 s have left
    expect(limiter.take("a", t0 + 20_000, 2)).toEqual({ allowed: false, retryAfterS: 50 });
    // One fits once the first has left; a refused pair took nothing
    expect(limiter.take("a", t0 + MINUTE, 2).allowed).toBe(false);
    expect(limiter.take("a", t0 + MINUTE)).toEqual({ allowed: true, retryAfterS: 0 });
    // More than the rule allows at all is never allowed
    expect(limiter.take("b", t0, 4).allowed).toBe(false);
  });

  it("keeps one budget per key", () => {
    const limiter = new MemoryRateLimiter({ limit: 1, windowMs: MINUTE });
    expect(limiter.take("a", 0).allowed).toBe(true);
    expect(limiter.take("b", 0).allowed).toBe(true);
    expect(limiter.take("a", 1).allowed).toBe(false);
  });

  it("never answers a Retry-After under one second", () => {
    const limiter = new MemoryRateLimiter({ limit: 1, windowMs: 1000 });
    limiter.take("a", 0);
    expect(limiter.take("a", 999)).toEqual({ allowed: false, retryAfterS: 1 });
  });

  it("forgets keys idle for a whole window", () => {
    const limiter = new MemoryRateLimiter({ limit: 5, windowMs: MINUTE });
    for (let i = 0; i < 100; i += 1) limiter.take(`client-${i}`, 0);
    expect(limiter.size).toBe(100);
    limiter.take("late", 2 * MINUTE);
    expect(limiter.size).toBe(1);
  });

  it("stays within maxKeys under a flood of keys, forgetting the least recently seen first", () => {
    const limiter = new MemoryRateLimiter({ limit: 1, windowMs: MINUTE }, { maxKeys: 3 });
    limiter.take("regular", 0);
    for (let i = 0; i < 10; i += 1) {
      limiter.take(`flood-${i}`, i + 1);
      limiter.take("regular", i + 1); // refused, but seen: it stays
      expect(limiter.size).toBeLessThanOrEqual(3);
    }
    expect(limiter.take("regular", 20).allowed).toBe(false);
    expect(limiter.take("flood-0", 21).allowed).toBe(true); // forgotten, so counted afresh
  });

  it("counts every request of a busy key, however many share a slot", () => {
    const limiter = new MemoryRateLimiter({ limit: 6000, windowMs: MINUTE }, { slotsPerWindow: 60 });
    for (let ms = 0; ms < MINUTE; ms += 10) expect(limiter.take("busy", ms).allowed).toBe(true);
    // 6000 requests in 60 one-second slots: the 6001st waits for the first slot (100 requests) to leave.
    expect(limiter.take("busy", MINUTE - 5)).toEqual({ allowed: false, retryAfterS: 1 });
    expect(limiter.take("busy", MINUTE).allowed).toBe(true);
  });
});
