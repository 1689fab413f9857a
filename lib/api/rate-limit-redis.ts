import "server-only";
import { Redis } from "ioredis";
import { logger } from "@/lib/log/logger";
import { slotGeometry, type RateDecision, type RateLimiter, type RateRule, type SlotGeometry } from "./rate-limit";

/**
 * Rate limits shared by every instance that points at one Redis (RCA_REDIS_URL): the same sliding window as
 * MemoryRateLimiter — counted in slots of 1/60 window, refused requests not counted, the same Retry-After — kept in
 * one Redis hash per key (`rca:rl:client:<addr>`, `rca:rl:target:<host>`: field = slot number, value = requests),
 * read and written by one Lua script, so two instances taking at once can't both take the last place.
 *
 * The time is the caller's clock (`now`), as with the memory limiter: instances are expected to keep time (NTP); a
 * skew only moves the window's edge by as much.
 *
 * Redis down, slow or refusing us fails open: the request is allowed, and one warning is logged per outage (one more
 * line when counting works again). A limiter outage must not take the analyzer down with it; GET /api/health shows
 * it as `"redis": "unreachable"` without answering 503 (see app/api/health/route.ts).
 */

/** Every key this module writes starts with it. */
export const KEY_PREFIX = "rca:rl:";
/** One limiter command gets this long before the request is let through uncounted. */
export const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 1_000;
/** Reconnect backoff: 100 ms more per attempt, at most this. */
const MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * KEYS[1]: the key's hash. ARGV: now (ms), slotMs, windowSlots, limit, windowMs, count.
 * Returns {1, 0} when counted, {0, retryAfterS} when refused — the arithmetic of MemoryRateLimiter.take/retryAfter.
 */
const TAKE_SCRIPT = `
local now = tonumber(ARGV[1])
local slotMs = tonumber(ARGV[2])
local windowSlots = tonumber(ARGV[3])
local limit = tonumber(ARGV[4])
local windowMs = tonumber(ARGV[5])
local count = tonumber(ARGV[6])
local slot = math.floor(now / slotMs)
local fields = redis.call('HGETALL', KEYS[1])
local slots, counts, stale, used = {}, {}, {}, 0
for i = 1, #fields, 2 do
  local s = tonumber(fields[i])
  if s <= slot - windowSlots then
    stale[#stale + 1] = fields[i]
  else
    local c = tonumber(fields[i + 1])
    slots[#slots + 1] = s
    counts[s] = c
    used = used + c
  end
end
if #stale > 0 then redis.call('HDEL', KEYS[1], unpack(stale)) end
if used + count <= limit then
  redis.call('HINCRBY', KEYS[1], string.format('%.0f', slot), count)
  redis.call('PEXPIRE', KEYS[1], windowMs + slotMs)
  return {1, 0}
end
table.sort(slots)
local mustLeave = used - limit + count
local left = 0
local freeAt = now + windowMs
for _, s in ipairs(slots) do
  left = left + counts[s]
  if left >= mustLeave then
    freeAt = (s + windowSlots) * slotMs
    break
  end
end
return {0, math.max(1, math.ceil((freeAt - now) / 1000))}
`;

/** Connection states in which a command can't be sent until a reconnect succeeds. */
const BROKEN: ReadonlySet<string> = new Set(["reconnecting", "close", "end"]);

type ScriptedRedis = Redis & { rcaRateTake(key: string, ...args: string[]): Promise<[number, number]> };

/** `redis://host:port` of a URL, without user, password or anything else: what logs may show. */
export function redisLabel(url: string): string {
  try {
    const { protocol, host } = new URL(url);
    return `${protocol}//${host}`;
  } catch {
    return "redis://(unreadable URL)";
  }
}

/**
 * What an error from Redis may say in a log: its code (ECONNREFUSED), else its message, with the URL's password (if
 * any) blanked. ioredis's own "not connected" errors give way to the connection's last error, which says why.
 */
function reason(error: unknown, lastError: Error | undefined, password: string): string {
  const codeOf = (value: unknown) => {
    const code = (value as { code?: unknown } | null | undefined)?.code;
    return typeof code === "string" ? code : undefined;
  };
  const text = codeOf(error) ?? codeOf(lastError) ?? (error instanceof Error ? error.message : "unknown error");
  return password ? text.split(password).join("[redacted]") : text;
}

export interface RedisRateLimitsOptions {
  /** Per-command timeout (default COMMAND_TIMEOUT_MS): the longest a request waits for the limiter. */
  commandTimeoutMs?: number;
  slotsPerWindow?: number;
}

/**
 * One instance's connection to the shared limits: hands out a limiter per rule, all on one connection, with one
 * outage state (so an outage is logged once, not once per limiter).
 */
export class RedisRateLimits {
  private readonly redis: ScriptedRedis;
  private readonly label: string;
  private readonly password: string;
  private readonly commandTimeoutMs: number;
  private down = false;
  private waiting: Promise<void> | undefined;
  /** The connection's last error event: what an outage is logged with. */
  private lastError: Error | undefined;

  constructor(
    url: string,
    private readonly options: RedisRateLimitsOptions = {},
  ) {
    this.label = redisLabel(url);
    this.password = (() => {
      try {
        return decodeURIComponent(new URL(url).password);
      } catch {
        return "";
      }
    })();
    this.commandTimeoutMs = options.commandTimeoutMs ?? COMMAND_TIMEOUT_MS;
    const redis = new Redis(url, {
      commandTimeout: this.commandTimeoutMs,
      connectTimeout: CONNECT_TIMEOUT_MS,
      // Not connected: fail at once (and open) rather than queue a count to be replayed late.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
      connectionName: "rca-rate-limits",
    });
    // Connection errors arrive as events; the outage is logged by take(), once, so these are only remembered.
    redis.on("error", (error: Error) => {
      this.lastError = error;
    });
    redis.on("ready", () => {
      this.lastError = undefined;
    });
    redis.defineCommand("rcaRateTake", { numberOfKeys: 1, lua: TAKE_SCRIPT });
    this.redis = redis as ScriptedRedis;
  }

  /** A limiter for `rule` on this connection; keys are namespaced under KEY_PREFIX. */
  limiter(rule: RateRule): RateLimiter {
    const geometry = slotGeometry(rule, this.options.slotsPerWindow);
    return { take: (key, now, count = 1) => this.take(rule, geometry, key, now, count) };
  }

  /** Whether Redis answers a PING within the command timeout (for GET /api/health). */
  async answers(): Promise<boolean> {
    try {
      if (this.redis.status !== "ready") await this.ready();
      return (await this.redis.ping()) === "PONG";
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }

  private async take(rule: RateRule, { slotMs, windowSlots }: SlotGeometry, key: string, now: number, count: number): Promise<RateDecision> {
    try {
      // While known to be down, don't wait: the request goes through at once (the client reconnects meanwhile).
      if (this.redis.status !== "ready") {
        if (this.down) return { allowed: true, retryAfterS: 0 };
        if (BROKEN.has(this.redis.status)) throw this.lastError ?? new Error(`connection ${this.redis.status}`);
        await this.ready();
      }
      const args = [now, slotMs, windowSlots, rule.limit, rule.windowMs, count].map((value) => String(Math.floor(value)));
      const [allowed, retryAfterS] = await this.redis.rcaRateTake(`${KEY_PREFIX}${key}`, ...args);
      if (this.down) {
        this.down = false;
        logger().info({ event: "ratelimit.redis.restored", redis: this.label }, "shared rate limits counted again");
      }
      return { allowed: allowed === 1, retryAfterS: Number(retryAfterS) };
    } catch (error) {
      if (!this.down) {
        this.down = true;
        logger().warn(
          { event: "ratelimit.redis.unavailable", redis: this.label, reason: reason(error, this.lastError, this.password) },
          "shared rate limits unavailable: tests are allowed uncounted until Redis answers again",
        );
      }
      return { allowed: true, retryAfterS: 0 };
    }
  }

  /** Resolves when the connection is ready, rejects after the command timeout; one wait shared by every caller. */
  private ready(): Promise<void> {
    if (this.redis.status === "ready") return Promise.resolve();
    this.waiting ??= new Promise<void>((resolve, reject) => {
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.redis.off("ready", onReady);
        reject(this.lastError ?? new Error(`not connected within ${this.commandTimeoutMs} ms`));
      }, this.commandTimeoutMs);
      this.redis.once("ready", onReady);
    }).finally(() => {
      this.waiting = undefined;
    });
    return this.waiting;
  }
}

let shared: { url: string; limits: RedisRateLimits } | undefined;

/** The process's connection to the shared limits, opened on first use (RCA_REDIS_URL is read once; tests change it). */
export function sharedRedisRateLimits(url: string): RedisRateLimits {
  if (shared?.url !== url) {
    void shared?.limits.close();
    shared = { url, limits: new RedisRateLimits(url) };
  }
  return shared.limits;
}

/** Tests close the process's connection between files; production never calls this. */
export async function closeSharedRedisRateLimitsForTests(): Promise<void> {
  const closing = shared?.limits.close();
  shared = undefined;
  await closing;
}

/** With RCA_REDIS_URL: whether the limits' Redis answers; without: undefined (nothing to report). */
export async function sharedLimitsAnswer(url: string | undefined): Promise<boolean | undefined> {
  return url ? sharedRedisRateLimits(url).answers() : undefined;
}
