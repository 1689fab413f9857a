import { parseRateRule, type RateRule } from "@/lib/api/rate-limit";
import { DEFAULT_DATABASE_URL, DEFAULT_DNSBL_ZONES } from "@/lib/constants";
import { DEFAULT_ALLOWED_PORTS, parsePortRule } from "@/lib/net/ports";
import { z } from "@/lib/validation/zod";
import { DEFAULT_VANTAGE, VantageNameSchema } from "@/lib/vantages/names";

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .default("false")
  .transform((value) => value === "true" || value === "1");

/** A rate rule "N/Ss" (e.g. "30/600s"), or "0" for off (null); empty reads as `fallback`. */
const rateRule = (fallback: string | undefined) =>
  z
    .string()
    .optional()
    .transform((value, ctx): RateRule | null | undefined => {
      const text = value?.trim() || fallback;
      if (text === undefined) return undefined;
      const rule = parseRateRule(text);
      if (rule === undefined) {
        ctx.addIssue({ code: "custom", message: 'write "N/Ss", e.g. "30/600s" (30 per 10 minutes), or "0" for no limit' });
        return z.NEVER;
      }
      return rule;
    });

/**
 * RCA_REDIS_URL: redis://[user:password@]host[:port][/db] or rediss:// (TLS). Checked without ever echoing the value:
 * it may carry a password.
 */
const redisUrl = z
  .string()
  .optional()
  .transform((value, ctx): string | undefined => {
    const text = value?.trim();
    if (!text) return undefined;
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== "redis:" && url.protocol !== "rediss:") || url.hostname === "" || !/^(\/\d{0,2})?$/.test(url.pathname)) {
      ctx.addIssue({ code: "custom", message: 'write "redis://[user:password@]host[:port][/db]" (or rediss:// for TLS)' });
      return z.NEVER;
    }
    return text;
  });

/** pino's levels, quietest last; RCA_LOG_LEVEL picks one (any case), empty means the default. */
export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What one process does: `all` serves pages and runs tests, `web` serves and enqueues, `worker` runs queued tests. */
export const ROLES = ["all", "web", "worker"] as const;
export type Role = (typeof ROLES)[number];

const EnvSchema = z
  .object({
    RCA_DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
    RCA_ALLOW_PRIVATE_TARGETS: booleanFlag,
    RCA_DNS_SERVERS: z
      .string()
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((server) => server.trim())
          .filter(Boolean),
      ),
    NODE_EXTRA_CA_CERTS: z.string().optional(),
    RCA_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
    /**
     * The name the SMTP tests give in EHLO. Default under .invalid (RFC 2606): the machine's own name could reveal an
     * internal one. Set it to this instance's public name (with matching reverse DNS) for servers that insist on one.
     */
    RCA_EHLO_NAME: z
      .string()
      .trim()
      .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, "RCA_EHLO_NAME must be a fully qualified host name")
      .default("rca-analyzer.invalid"),
    /** DNS block lists the outbound SMTP test asks, comma-separated zones; unset: DEFAULT_DNSBL_ZONES. */
    RCA_DNSBL_ZONES: z
      .string()
      .optional()
      .transform((value) =>
        value === undefined || value.trim() === ""
          ? [...DEFAULT_DNSBL_ZONES]
          : value
              .split(",")
              .map((zone) => zone.trim().toLowerCase().replace(/\.$/, ""))
              .filter(Boolean),
      ),
    RCA_RESULT_TTL_DAYS: z.coerce.number().positive().max(3650).default(30),
    RCA_ALLOWED_PORTS: z
      .string()
      .default(DEFAULT_ALLOWED_PORTS)
      .transform((value, ctx) => {
        const rule = parsePortRule(value);
        if (!rule) {
          ctx.addIssue({ code: "custom", message: 'list ports and ranges separated by commas, each 1-65535, e.g. "443,8443,10000-10100"' });
          return z.NEVER;
        }
        return rule;
      }),
    /** One deadline for a whole test, on top of each operation's own; default 3 × RCA_TIMEOUT_MS (set below). */
    RCA_TEST_DEADLINE_MS: z.coerce.number().int().min(1000).max(3_600_000).optional(),
    /** Tests one client may start per window on POST /api/tests; null = off. */
    RCA_RATE_LIMIT: rateRule("30/600s"),
    /** Tests started against one target host per window, all clients together; unset = 4 × RCA_RATE_LIMIT. */
    RCA_TARGET_RATE_LIMIT: rateRule(undefined),
    RCA_MAX_CONCURRENT_TESTS: z.coerce.number().int().min(1).max(10_000).default(32),
    /** Behind a reverse proxy: the client address comes from X-Forwarded-For (and X-Forwarded-Host counts as ours). */
    RCA_TRUST_PROXY: booleanFlag,
    /** Shared rate limits between instances (lib/api/rate-limit-redis.ts); unset: each instance counts in memory. */
    RCA_REDIS_URL: redisUrl,
    /** History of results by target (GET /api/results?host=…, earlier runs on a result page); "off" for public instances. */
    RCA_HISTORY: z.preprocess(
      (value) => (typeof value === "string" && value.trim() !== "" ? value.trim().toLowerCase() : undefined),
      z
        .enum(["on", "off"])
        .default("on")
        .transform((value) => value === "on"),
    ),
    /** Level of the JSON log lines on stdout. */
    RCA_LOG_LEVEL: z.preprocess(
      (value) => (typeof value === "string" && value.trim() !== "" ? value.trim().toLowerCase() : undefined),
      z.enum(LOG_LEVELS).default("info"),
    ),
    /** `all` needs no Redis; `web` and `worker` share the job queue in RCA_REDIS_URL (lib/queue/). */
    RCA_ROLE: z.preprocess(
      (value) => (typeof value === "string" && value.trim() !== "" ? value.trim().toLowerCase() : undefined),
      z.enum(ROLES).default("all"),
    ),
    /** Where this process probes from (lib/vantages/): a worker takes that vantage point's tests; `all` answers it for itself. */
    RCA_VANTAGE: z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? value : undefined), VantageNameSchema.default(DEFAULT_VANTAGE)),
  })
  .superRefine((values, ctx) => {
    if (values.RCA_ROLE !== "all" && !values.RCA_REDIS_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["RCA_ROLE"],
        message: `"${values.RCA_ROLE}" needs RCA_REDIS_URL (redis://host:port), where the job queue between web and worker processes lives; unset RCA_ROLE (or set it to "all") to run everything in one process without Redis`,
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** The environment, parsed once; a bad value stops the app with a message naming the variable. */
export function env(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      throw new Error(`Invalid configuration: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** The deadline of a whole test: RCA_TEST_DEADLINE_MS, else three operation timeouts. */
export function testDeadlineMs(values: Env = env()): number {
  return values.RCA_TEST_DEADLINE_MS ?? 3 * values.RCA_TIMEOUT_MS;
}

/** Tests change the environment between cases; production never calls this. */
export function resetEnvForTests(): void {
  cached = undefined;
}
