import { mailboxDefinition } from "../steps/mailbox-fields";
import type { z } from "zod";

export const imap = mailboxDefinition({
  id: "imap",
  title: "IMAP",
  summary:
    "Connects to an IMAP server as a mail client does: TLS at once (993) or after STARTTLS (143), the certificate, the greeting and capabilities, and with credentials the login and a count of the Inbox's messages.",
  ports: { tls: 993, starttls: 143 },
  startTlsCommand: "STARTTLS",
  host: {
    label: "IMAP server",
    hint: "The host name mail clients use for incoming mail (IMAP), e.g. imap.contoso.com or outlook.office365.com.",
  },
  about: [
    "Resolves the host name in DNS and opens the TCP port (993 for implicit TLS, 143 for STARTTLS, unless you give another).",
    "With implicit TLS, performs the handshake at once and validates the certificate as mail clients do: name, chain and trust, dates, strength, usage.",
    "Reads the server's greeting and its capabilities (IMAP4rev1, IDLE, AUTH=PLAIN, LOGINDISABLED, STARTTLS…).",
    "With STARTTLS, checks that it is offered (passwords would otherwise cross the network in clear text), starts TLS, validates the certificate and reads the capabilities again.",
    "With credentials (sent only over TLS whose certificate passed every check), logs on with LOGIN, or AUTHENTICATE PLAIN where LOGIN is disabled, and counts the Inbox's messages with STATUS, which changes nothing. Then logs off.",
  ],
  steps: { starttls: "starttls", count: "status" },
});

export type ImapInput = z.output<typeof imap.schema>;
