import "server-only";
import type { TestInput } from "@/lib/analyzers/catalog";
import { env } from "@/lib/config/env";
import { clientKey } from "./client-address";
import { isCrossSite } from "./cross-site";
import { ApiError, RateLimitedError } from "./errors";
import { describeRateRule, MemoryRateLimiter, type RateLimiter, type RateRule } from "./rate-limit";
import { sharedRedisRateLimits } from "./rate-limit-redis";

/**
 * Without RCA_TARGET_RATE_LIMIT, one target host may be tested this many times the per-client limit: enough for
 * a team checking its own server, while many clients (or one with many addresses) can't aim the analyzer at a
 * victim more than this.
 */
export const TARGET_LIMIT_FACTOR = 4;

interface Limit {
  rule: RateRule;
  limiter: RateLimiter;
}

interface Limits {
  perClient?: Limit;
  perTarget?: Limit;
}

let limits: Limits | undefined;

/** With RCA_REDIS_URL the count is shared by every instance on that Redis; without, each instance counts its own. */
function limit(rule: RateRule | null | undefined): Limit | undefined {
  if (!rule) return undefined;
  const redisUrl = env().RCA_REDIS_URL;
  return { rule, limiter: redisUrl ? sharedRedisRateLimits(redisUrl).limiter(rule) : new MemoryRateLimiter(rule) };
}

/** The process's limiters, built from the environment once. */
function configured(): Limits {
  if (!limits) {
    const { RCA_RATE_LIMIT: client, RCA_TARGET_RATE_LIMIT: target } = env();
    const derived = client ? { limit: client.limit * TARGET_LIMIT_FACTOR, windowMs: client.windowMs } : null;
    limits = { perClient: limit(client), perTarget: limit(target === undefined ? derived : target) };
  }
  return limits;
}

/** A POST from another site's page is refused before anything is read or counted (403). */
export function refuseCrossSite(request: Request): void {
  if (isCrossSite(request.headers, env().RCA_TRUST_PROXY)) {
    throw new ApiError("forbidden", "Tests can't be started from another site's page. Open the analyzer itself and run the test there.");
  }
}

/** The host a test connects to (or the mail domain it starts from): what the per-target limit counts. */
export function targetOf(input: TestInput): string | undefined {
  const fields: Record<string, unknown> = input;
  for (const name of ["host", "domain", "ip"]) {
    const value = fields[name];
    if (typeof value === "string" && value !== "") return value.toLowerCase();
  }
  const email = fields.emailAddress;
  if (typeof email === "string" && email.includes("@")) return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return undefined;
}

/**
 * Counts a valid test request against the per-client and then the per-target limit, and throws RateLimitedError
 * (429 + Retry-After) over either, before anything runs. The client is counted first: a client over its own limit
 * never uses up the target's budget that other clients share.
 */
export async function takeRateLimits(request: Request, input: TestInput, now = Date.now()): Promise<void> {
  const { perClient, perTarget } = configured();
  // A test asked for from several vantage points is that many runs against the target: each one counts, all or none.
  const runs = input.vantages?.length ?? 1;
  if (perClient) {
    const decision = await perClient.limiter.take(`client:${clientKey(request.headers, env().RCA_TRUST_PROXY)}`, now, runs);
    if (!decision.allowed) throw refused(`Too many tests started (at most ${describeRateRule(perClient.rule)}${counted(runs)}).`, decision.retryAfterS);
  }
  const target = targetOf(input);
  if (perTarget && target) {
    const decision = await perTarget.limiter.take(`target:${target}`, now, runs);
    if (!decision.allowed) {
      throw refused(
        `Too many tests of ${target} right now (at most ${describeRateRule(perTarget.rule)}, from everyone together${counted(runs)}).`,
        decision.retryAfterS,
      );
    }
  }
}

/** How a test from several places was counted, said in the refusal. */
function counted(runs: number): string {
  return runs > 1 ? `; this one counts as ${runs}, one per vantage point` : "";
}

function refused(reason: string, retryAfterS: number): RateLimitedError {
  const wait = retryAfterS < 120 ? `${retryAfterS} s` : `${Math.ceil(retryAfterS / 60)} min`;
  return new RateLimitedError(`${reason} Try again in ${wait}.`, retryAfterS);
}

/** Tests change the environment between cases; production never calls this. */
export function resetLimitsForTests(): void {
  limits = undefined;
}
