import { mailboxDefinition } from "../steps/mailbox-fields";
import type { z } from "zod";

export const pop = mailboxDefinition({
  id: "pop",
  title: "POP",
  summary:
    "Connects to a POP3 server as a mail client does: TLS at once (995) or after STLS (110), the certificate, the greeting and capabilities, and with credentials the login and a count of the mailbox's messages.",
  ports: { tls: 995, starttls: 110 },
  startTlsCommand: "STLS",
  host: {
    label: "POP server",
    hint: "The host name mail clients use for incoming mail (POP3), e.g. pop.contoso.com or outlook.office365.com.",
  },
  about: [
    "Resolves the host name in DNS and opens the TCP port (995 for implicit TLS, 110 for STARTTLS, unless you give another).",
    "With implicit TLS, performs the handshake at once and validates the certificate as mail clients do: name, chain and trust, dates, strength, usage.",
    "Reads the server's greeting and its capabilities with CAPA (TOP, UIDL, SASL PLAIN, USER, STLS…).",
    "With STLS, checks that it is offered (passwords would otherwise cross the network in clear text), starts TLS, validates the certificate and reads the capabilities again.",
    "With credentials (sent only over TLS whose certificate passed every check), logs on with USER and PASS, or AUTH PLAIN where USER isn't offered, and counts the mailbox's messages with STAT, which changes nothing. Then logs off with QUIT (nothing is deleted).",
  ],
  steps: { starttls: "stls", count: "stat" },
});

export type PopInput = z.output<typeof pop.schema>;
