import { z } from "zod";
import { defineAnalyzer } from "../definition";
import { hostField, ignoreTrustField, passwordField, usernameField } from "../fields";
import { checkbox, credentials, host, portWithoutDefault, requireBoth } from "../inputs";
import { CERTIFICATE_PROBLEMS, CONNECTIVITY_PROBLEMS } from "../steps/declared";
import { mailPortField, mailSecurityField, MAILBOX_DIALOG_PROBLEMS } from "../steps/mailbox-fields";

const SECURITY = ["tls", "starttls"] as const;

export const imap = defineAnalyzer({
  id: "imap",
  title: "IMAP",
  group: "Internet e-mail",
  summary:
    "Connects to an IMAP server as a mail client does: TLS at once (993) or after STARTTLS (143), the certificate, the greeting and capabilities, and with credentials the login and a count of the Inbox's messages.",
  schema: z
    .object({
      test: z.literal("imap"),
      host,
      security: z.enum(SECURITY, { error: "Choose implicit TLS or STARTTLS." }).default("tls"),
      // Empty: 993 with implicit TLS, 143 with STARTTLS.
      port: portWithoutDefault,
      ignoreTrust: checkbox.default(false),
      ...credentials,
    })
    .superRefine(requireBoth)
    .transform((input) => ({ ...input, port: input.port ?? (input.security === "tls" ? 993 : 143) })),
  fields: [
    hostField("IMAP server", "The host name mail clients use for incoming mail (IMAP), e.g. imap.contoso.com or outlook.office365.com."),
    mailSecurityField({ tls: 993, starttls: 143 }, "STARTTLS"),
    mailPortField({ tls: 993, starttls: 143 }),
    ignoreTrustField,
    usernameField,
    passwordField,
  ],
  about: [
    "Resolves the host name in DNS and opens the TCP port (993 for implicit TLS, 143 for STARTTLS, unless you give another).",
    "With implicit TLS, performs the handshake at once and validates the certificate as mail clients do: name, chain and trust, dates, strength, usage.",
    "Reads the server's greeting and its capabilities (IMAP4rev1, IDLE, AUTH=PLAIN, LOGINDISABLED, STARTTLS…).",
    "With STARTTLS, checks that it is offered (passwords would otherwise cross the network in clear text), starts TLS, validates the certificate and reads the capabilities again.",
    "With credentials (sent only over TLS whose certificate passed every check), logs on with LOGIN, or AUTHENTICATE PLAIN where LOGIN is disabled, and counts the Inbox's messages with STATUS, which changes nothing. Then logs off.",
  ],
  problems: {
    ...CONNECTIVITY_PROBLEMS,
    ...CERTIFICATE_PROBLEMS,
    "imap.greeting": MAILBOX_DIALOG_PROBLEMS,
    "imap.capabilities": MAILBOX_DIALOG_PROBLEMS,
    "imap.starttls": ["STARTTLS_MISSING", ...MAILBOX_DIALOG_PROBLEMS],
    "imap.capabilities-tls": MAILBOX_DIALOG_PROBLEMS,
    "imap.login": ["LOGIN_FAILED", ...MAILBOX_DIALOG_PROBLEMS],
    "imap.status": ["MAILBOX_COMMAND_FAILED", ...MAILBOX_DIALOG_PROBLEMS],
  },
});

export type ImapInput = z.output<typeof imap.schema>;
