import { z } from "@/lib/validation/zod";
import { defineAnalyzer } from "../definition";
import { domainField } from "../fields";
import { domain, ipAddress, optional } from "../inputs";

export const smtpOutbound = defineAnalyzer({
  id: "smtp-outbound",
  title: "Outbound SMTP e-mail",
  group: "Internet e-mail",
  summary:
    "Checks what receiving mail servers look up about your sending server before they accept its mail: the reverse DNS of its IP address, the DNS block lists, and with a domain its SPF and DMARC records.",
  schema: z.object({
    test: z.literal("smtp-outbound"),
    ip: ipAddress,
    domain: optional(domain),
  }),
  fields: [
    {
      name: "ip",
      kind: "text",
      label: "Sending server's IP address",
      hint: "The public IP address your mail server (or its firewall's NAT) sends from, as receivers see it: the first Received header of a message it sent to an outside mailbox shows it.",
      section: "connection",
      target: true,
      placeholder: "203.0.113.25",
      verbatim: true,
      required: true,
      maxLength: 64,
    },
    domainField(
      "Sending domain",
      "Optional: the domain of your senders' addresses (contoso.com), to check that its SPF record permits this IP address and that it has a DMARC policy.",
    ),
  ],
  about: [
    "Only asks DNS about the address: nothing connects to it. A private address is refused, since other mail servers never see one.",
    "Looks up the reverse DNS (PTR) record of the IP address and checks that the name resolves back to the same address (forward-confirmed reverse DNS), as receiving servers do.",
    "Asks each DNS block list (Spamhaus ZEN, SpamCop, Barracuda, PSBL, Mailspike unless the operator chose others) whether the address is listed, with the list's reason.",
    "With a domain, evaluates its SPF record for the address as a receiver does for mail from postmaster@<domain> (includes, redirects, a, mx, ptr and exists mechanisms, within RFC 7208's limit of 10 DNS lookups), and shows which mechanism decided.",
    "With a domain, reads its DMARC record (at _dmarc.<domain>, else at the organisational domain) and shows the policy.",
  ],
  problems: {
    "smtp.target": ["TARGET_FORBIDDEN"],
    "smtp.ptr": ["PTR_MISSING", "PTR_MISMATCH", "DNS_FAILURE"],
    "smtp.dnsbl.zone": ["DNSBL_LISTED", "DNS_FAILURE"],
    "smtp.spf": ["SPF_MISSING", "SPF_INVALID", "SPF_NOT_PERMITTED", "DNS_FAILURE"],
    "smtp.dmarc": ["DMARC_MISSING", "DMARC_INVALID", "DNS_FAILURE"],
  },
});

export type SmtpOutboundInput = z.output<typeof smtpOutbound.schema>;
