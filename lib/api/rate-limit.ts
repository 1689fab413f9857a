/**
 * Rate limits: how many requests one key (a client, a target host) may make in a sliding window. The interface is
 * the seam for a shared store: this in-memory limiter serves one instance, a Redis one can replace it for several.
 */

/** At most `limit` requests in any `windowMs`. */
export interface RateRule {
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  /** When refused: whole seconds until a request would be allowed again (at least 1); 0 when allowed. */
  retryAfterS: number;
}

export interface RateLimiter {
  /**
   * Counts `count` requests (default 1) for `key` at `now` (ms) if the rule allows them all; otherwise none is
   * counted. (A test asked for from several vantage points is that many runs.)
   */
  take(key: string, now: number, count?: number): RateDecision | Promise<RateDecision>;
}

/** How RCA_RATE_LIMIT spells a rule: "30/600s" is 30 requests per 600 seconds. */
const RULE = /^(\d{1,9})\s*\/\s*(\d{1,9})s$/;

/**
 * Reads "N/Ss" (N ≥ 1, S ≥ 1). `null` is "off" (written "0"), `undefined` a value that can't be read.
 */
export function parseRateRule(text: string): RateRule | null | undefined {
  const value = text.trim().toLowerCase();
  if (value === "0" || value === "off") return null;
  const match = RULE.exec(value);
  if (!match) return undefined;
  const limit = Number(match[1]);
  const seconds = Number(match[2]);
  if (limit < 1 || seconds < 1 || seconds > 7 * 86_400) return undefined;
  return { limit, windowMs: seconds * 1000 };
}

/** "30 tests per 10 minutes": the rule in words, for messages and the README. */
export function describeRateRule(rule: RateRule): string {
  const seconds = rule.windowMs / 1000;
  const span = seconds % 3600 === 0 ? `${seconds / 3600} h` : seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
  return `${rule.limit} per ${span}`;
}

/** How many slots a window is counted in, unless a limiter is told otherwise. */
export const DEFAULT_SLOTS_PER_WINDOW = 60;

/** A window cut into slots: `slotMs` long each, `windowSlots` of them to a window. Shared by the memory and Redis limiters. */
export interface SlotGeometry {
  slotMs: number;
  windowSlots: number;
}

export function slotGeometry(rule: RateRule, slotsPerWindow = DEFAULT_SLOTS_PER_WINDOW): SlotGeometry {
  const slotMs = Math.max(1, Math.ceil(rule.windowMs / slotsPerWindow));
  return { slotMs, windowSlots: Math.ceil(rule.windowMs / slotMs) };
}

/** Requests of one key counted per slot, oldest slot first. */
interface SlotCounts {
  slots: number[];
  counts: number[];
}

export interface MemoryRateLimiterOptions {
  /** Window granularity: a request is forgotten at most one slot (window / slots) late. */
  slotsPerWindow?: number;
  /** Keys kept at most; past it the least recently seen are forgotten first (memory stays bounded under a flood). */
  maxKeys?: number;
}

/**
 * A sliding window counted in slots (a sliding log with 1/60 window resolution): exact "at most N in any window"
 * up to one slot, an exact Retry-After, and at most min(N, slots) numbers per key whatever N is, so a generous
 * rule can't make memory grow with traffic. Keys idle for a whole window are swept.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly keys = new Map<string, SlotCounts>();
  private readonly slotMs: number;
  private readonly windowSlots: number;
  private readonly maxKeys: number;
  private lastSweep = 0;

  constructor(
    private readonly rule: RateRule,
    options: MemoryRateLimiterOptions = {},
  ) {
    ({ slotMs: this.slotMs, windowSlots: this.windowSlots } = slotGeometry(rule, options.slotsPerWindow));
    this.maxKeys = options.maxKeys ?? 50_000;
  }

  /** Keys currently remembered (for tests and health). */
  get size(): number {
    return this.keys.size;
  }

  take(key: string, now: number, count = 1): RateDecision {
    const slot = Math.floor(now / this.slotMs);
    const entry = this.keys.get(key) ?? { slots: [], counts: [] };
    this.expire(entry, slot);
    // Re-inserted on every request: the map's order is then least recently seen first, the eviction order.
    this.keys.delete(key);
    this.keys.set(key, entry);

    const used = entry.counts.reduce((sum, count) => sum + count, 0);
    let decision: RateDecision;
    if (used + count <= this.rule.limit) {
      const last = entry.slots.length - 1;
      if (entry.slots[last] === slot) entry.counts[last] = (entry.counts[last] ?? 0) + count;
      else {
        entry.slots.push(slot);
        entry.counts.push(count);
      }
      decision = { allowed: true, retryAfterS: 0 };
    } else {
      decision = { allowed: false, retryAfterS: this.retryAfter(entry, used, now, count) };
    }
    this.tidy(now, slot);
    return decision;
  }

  /** Drops the slots that have left the window ending at `slot`. */
  private expire(entry: SlotCounts, slot: number): void {
    let stale = 0;
    while (stale < entry.slots.length && entry.slots[stale]! <= slot - this.windowSlots) stale += 1;
    if (stale > 0) {
      entry.slots.splice(0, stale);
      entry.counts.splice(0, stale);
    }
  }

  /** Seconds until enough of the oldest requests have left the window for `count` more to fit. */
  private retryAfter(entry: SlotCounts, used: number, now: number, count: number): number {
    const mustLeave = used - this.rule.limit + count;
    let left = 0;
    let freeAt = now + this.rule.windowMs;
    for (let index = 0; index < entry.slots.length; index += 1) {
      left += entry.counts[index]!;
      if (left >= mustLeave) {
        freeAt = (entry.slots[index]! + this.windowSlots) * this.slotMs;
        break;
      }
    }
    return Math.max(1, Math.ceil((freeAt - now) / 1000));
  }

  /** Sweeps idle keys once per window, and forgets the least recently seen beyond maxKeys. */
  private tidy(now: number, slot: number): void {
    if (now - this.lastSweep >= this.rule.windowMs) {
      this.lastSweep = now;
      for (const [key, entry] of this.keys) {
        this.expire(entry, slot);
        if (entry.slots.length === 0) this.keys.delete(key);
      }
    }
    for (const key of this.keys.keys()) {
      if (this.keys.size <= this.maxKeys) break;
      this.keys.delete(key);
    }
  }
}
