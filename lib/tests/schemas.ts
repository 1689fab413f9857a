import { z } from "zod";
import { canonicalHost } from "@/lib/validation/host";

/**
 * The inputs of every test: one schema per test, shared by the form (browser) and the API (server).
 * Field names are the public contract (../shared/CONTRACT.md).
 */

const host = z
  .string({ error: "Enter a host name or IP address." })
  .trim()
  .min(1, "Enter a host name or IP address.")
  .max(253, "A host name has at most 253 characters.")
  .transform((value, ctx) => {
    const canonical = canonicalHost(value);
    if (!canonical) {
      ctx.addIssue({ code: "custom", message: "Enter a valid host name (like mail.contoso.com) or an IP address, without https:// or a path." });
      return z.NEVER;
    }
    return canonical.host;
  });

const PORT_RANGE = "The port must be a whole number between 1 and 65535.";
// A number, or the digits of one (form posts); an empty field means the default port.
const port = (defaultPort: number) =>
  z.preprocess(
    (value) => (value === "" || value === null ? undefined : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
    z.number({ error: PORT_RANGE }).int(PORT_RANGE).min(1, PORT_RANGE).max(65535, PORT_RANGE).default(defaultPort),
  );

const checkbox = z
  .union([z.boolean(), z.enum(["true", "false", "on", "off", ""])])
  .transform((value) => value === true || value === "true" || value === "on");

const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `The ${label} has at most ${max} characters.`)
    .optional()
    .transform((value) => (value === undefined || value === "" ? undefined : value));

export const PRINCIPAL_PATTERN = /^msstd:(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/i;

export const TlsCertificateInputSchema = z.object({
  test: z.literal("tls-certificate"),
  host,
  port: port(443),
  ignoreTrust: checkbox.default(false),
});

export const OutlookAnywhereInputSchema = z
  .object({
    test: z.literal("outlook-anywhere"),
    host,
    port: port(443),
    mutualAuthPrincipal: z
      .string()
      .trim()
      .max(260, "The principal name has at most 260 characters.")
      .optional()
      .transform((value) => (value ? value : undefined))
      .refine((value) => value === undefined || PRINCIPAL_PATTERN.test(value), {
        message: "Enter the principal as msstd: followed by a host name, like msstd:mail.contoso.com (or msstd:*.contoso.com for a wildcard certificate).",
      }),
    ignoreTrust: checkbox.default(false),
    username: optionalText(256, "user name"),
    password: optionalText(256, "password"),
    authMethod: z.enum(["basic", "ntlm"], { error: "Choose Basic or NTLM authentication." }).default("ntlm"),
  })
  .superRefine((input, ctx) => {
    if (input.password !== undefined && input.username === undefined) {
      ctx.addIssue({ code: "custom", path: ["username"], message: "Enter the user name that goes with the password." });
    }
    if (input.username !== undefined && input.password === undefined) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "Enter the password for this user name." });
    }
  })
  .transform((input) => ({ ...input, mutualAuthPrincipal: input.mutualAuthPrincipal ?? `msstd:${input.host}` }));

export const TestInputSchema = z.discriminatedUnion("test", [TlsCertificateInputSchema, OutlookAnywhereInputSchema], {
  error: "Choose a test: tls-certificate or outlook-anywhere.",
});

export type TlsCertificateInput = z.infer<typeof TlsCertificateInputSchema>;
export type OutlookAnywhereInput = z.infer<typeof OutlookAnywhereInputSchema>;
export type TestInput = z.infer<typeof TestInputSchema>;
export type TestId = TestInput["test"];

/** Input fields that are credentials: used for the run only, never stored, logged or echoed. */
export const SECRET_FIELDS = ["username", "password"] as const;

export function publicInput(input: TestInput): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...input };
  const hadCredentials = SECRET_FIELDS.some((field) => copy[field] !== undefined);
  for (const field of SECRET_FIELDS) delete copy[field];
  if (hadCredentials) copy.credentials = "supplied (not stored)";
  return copy;
}
