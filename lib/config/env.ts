import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "@/lib/constants";

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .default("false")
  .transform((value) => value === "true" || value === "1");

const EnvSchema = z.object({
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
  RCA_RESULT_TTL_DAYS: z.coerce.number().positive().max(3650).default(30),
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

/** Tests change the environment between cases; production never calls this. */
export function resetEnvForTests(): void {
  cached = undefined;
}
