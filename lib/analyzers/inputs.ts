import { canonicalHost } from "@/lib/validation/host";
import { z } from "@/lib/validation/zod";
import { AUTH_METHOD_NAMES, type AuthMethod } from "./fields";

/** Input pieces shared by the tests' schemas. Field names are the public contract (../shared/CONTRACT.md). */

export const host = z
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

const EMAIL_MESSAGE = "Enter an e-mail address, like user@contoso.com.";
/** An e-mail address whose domain is a valid host name (canonicalised like `host`: IDN to punycode, lower case). */
export const emailAddress = z
  .string({ error: EMAIL_MESSAGE })
  .trim()
  .min(1, EMAIL_MESSAGE)
  .max(320, "An e-mail address has at most 320 characters.")
  .transform((value, ctx) => {
    const at = value.lastIndexOf("@");
    const local = value.slice(0, at);
    const domain = at > 0 ? canonicalHost(value.slice(at + 1)) : undefined;
    if (!domain || domain.host.includes(":") || /^[\d.]+$/.test(domain.host) || !/^[^\s@<>()[\]\\,;:"]{1,64}$/.test(local)) {
      ctx.addIssue({ code: "custom", message: EMAIL_MESSAGE });
      return z.NEVER;
    }
    return `${local}@${domain.host}`;
  });

const PORT_RANGE = "The port must be a whole number between 1 and 65535.";
/** A number, or the digits of one (form posts); an empty field means the default port. */
const portText = (value: unknown) =>
  value === "" || value === null ? undefined : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
const portRange = z.number({ error: PORT_RANGE }).int(PORT_RANGE).min(1, PORT_RANGE).max(65535, PORT_RANGE);
export const port = (defaultPort: number) => z.preprocess(portText, portRange.default(defaultPort));
/** A port whose default depends on another input (IMAP and POP: implicit TLS or STARTTLS): absent stays undefined. */
export const portWithoutDefault = z.preprocess(portText, portRange.optional());

export const checkbox = z
  .union([z.boolean(), z.enum(["true", "false", "on", "off", ""])])
  .transform((value) => value === true || value === "true" || value === "on");

export const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `The ${label} has at most ${max} characters.`)
    .optional()
    .transform((value) => (value === undefined || value === "" ? undefined : value));

export const PRINCIPAL_PATTERN = /^msstd:(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/i;

export const principal = z
  .string()
  .trim()
  .max(260, "The principal name has at most 260 characters.")
  .optional()
  .transform((value) => (value ? value : undefined))
  .refine((value) => value === undefined || PRINCIPAL_PATTERN.test(value), {
    message: "Enter the principal as msstd: followed by a host name, like msstd:mail.contoso.com (or msstd:*.contoso.com for a wildcard certificate).",
  });

const AUTH_METHODS = Object.keys(AUTH_METHOD_NAMES) as [AuthMethod, ...AuthMethod[]];
export const authMethod = z.enum(AUTH_METHODS, { error: "Choose Basic or NTLM authentication." }).default("ntlm");

/** Optional user name and password: both or neither. */
export const credentials = {
  username: optionalText(256, "user name"),
  password: optionalText(256, "password"),
};

export function requireBoth(input: { username?: string; password?: string }, ctx: z.RefinementCtx): void {
  if (input.password !== undefined && input.username === undefined) {
    ctx.addIssue({ code: "custom", path: ["username"], message: "Enter the user name that goes with the password." });
  }
  if (input.username !== undefined && input.password === undefined) {
    ctx.addIssue({ code: "custom", path: ["password"], message: "Enter the password for this user name." });
  }
}

/** An optional field of a form: empty means absent. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());
}

const DOMAIN_MESSAGE = "Enter a domain name, like contoso.com.";
/** A mail domain: a host name, never an IP address (MX, SPF and DMARC records belong to names). */
export const domain = z
  .string({ error: DOMAIN_MESSAGE })
  .trim()
  .min(1, DOMAIN_MESSAGE)
  .max(253, "A domain name has at most 253 characters.")
  .transform((value, ctx) => {
    const canonical = canonicalHost(value);
    if (!canonical || canonical.kind !== "name" || !canonical.host.includes(".")) {
      ctx.addIssue({ code: "custom", message: DOMAIN_MESSAGE });
      return z.NEVER;
    }
    return canonical.host;
  });

const IP_MESSAGE = "Enter the IP address the server sends mail from, like 203.0.113.25 or 2001:db8::25.";
/** An IP address literal (IPv4 dotted quad or IPv6), canonicalised like `host`. */
export const ipAddress = z
  .string({ error: IP_MESSAGE })
  .trim()
  .min(1, IP_MESSAGE)
  .max(64, IP_MESSAGE)
  .transform((value, ctx) => {
    const canonical = canonicalHost(value);
    if (!canonical || canonical.kind === "name") {
      ctx.addIssue({ code: "custom", message: IP_MESSAGE });
      return z.NEVER;
    }
    return canonical.host;
  });
