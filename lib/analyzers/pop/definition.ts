import { z } from "zod";
import { defineAnalyzer } from "../definition";
import { hostField, ignoreTrustField, passwordField, usernameField } from "../fields";
import { checkbox, credentials, host, portWithoutDefault, requireBoth } from "../inputs";
import { CERTIFICATE_PROBLEMS, CONNECTIVITY_PROBLEMS } from "../steps/declared";
import { mailPortField, mailSecurityField, MAILBOX_DIALOG_PROBLEMS } from "../steps/mailbox-fields";

const SECURITY = ["tls", "starttls"] as const;

export const pop = defineAnalyzer({
  id: "pop",
  title: "POP",
  group: "Internet e-mail",
  summary:
    "Connects to a POP3 server as a mail client does: TLS at once (995) or after STLS (110), the certificate, the greeting and capabilities, and with credentials the login and a count of the mailbox's messages.",
  schema: z
    .object({
      test: z.literal("pop"),
      host,
      security: z.enum(SECURITY, { error: "Choose implicit TLS or STARTTLS." }).default("tls"),
      // Empty: 995 with implicit TLS, 110 with STARTTLS.
      port: portWithoutDefault,
      ignoreTrust: checkbox.default(false),
      ...credentials,
    })
    .superRefine(requireBoth)
    .transform((input) => ({ ...input, port: input.port ?? (input.security === "tls" ? 995 : 110) })),
  fields: [
    hostField("POP server", "The host name mail clients use for incoming mail (POP3), e.g. pop.contoso.com or outlook.office365.com."),
    mailSecurityField({ tls: 995, starttls: 110 }, "STLS"),
    mailPortField({ tls: 995, starttls: 110 }),
    ignoreTrustField,
    usernameField,
    passwordField,
  ],
  about: [
    "Resolves the host name in DNS and opens the TCP port (995 for implicit TLS, 110 for STARTTLS, unless you give another).",
    "With implicit TLS, performs the handshake at once and validates the certificate as mail clients do: name, chain and trust, dates, strength, usage.",
    "Reads the server's greeting and its capabilities with CAPA (TOP, UIDL, SASL PLAIN, USER, STLS…).",
    "With STLS, checks that it is offered (passwords would otherwise cross the network in clear text), starts TLS, validates the certificate and reads the capabilities again.",
    "With credentials (sent only over TLS whose certificate passed every check), logs on with USER and PASS, or AUTH PLAIN where USER isn't offered, and counts the mailbox's messages with STAT, which changes nothing. Then logs off with QUIT (nothing is deleted).",
  ],
  problems: {
    ...CONNECTIVITY_PROBLEMS,
    ...CERTIFICATE_PROBLEMS,
    "pop.greeting": MAILBOX_DIALOG_PROBLEMS,
    "pop.capabilities": MAILBOX_DIALOG_PROBLEMS,
    "pop.stls": ["STARTTLS_MISSING", ...MAILBOX_DIALOG_PROBLEMS],
    "pop.capabilities-tls": MAILBOX_DIALOG_PROBLEMS,
    "pop.login": ["LOGIN_FAILED", ...MAILBOX_DIALOG_PROBLEMS],
    "pop.stat": ["MAILBOX_COMMAND_FAILED", ...MAILBOX_DIALOG_PROBLEMS],
  },
});

export type PopInput = z.output<typeof pop.schema>;
