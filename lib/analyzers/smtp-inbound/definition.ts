import { z } from "@/lib/validation/zod";
import { defineAnalyzer } from "../definition";
import { domainField, hostField, portField } from "../fields";
import { checkbox, domain, emailAddress, host, optional, port } from "../inputs";
import { CERTIFICATE_PROBLEMS, CONNECTIVITY_PROBLEMS } from "../steps/declared";

/** What can break an SMTP dialog after it started: no answer in time, garbage, a dropped connection. */
const DIALOG_FAILURES = ["PROTOCOL_TIMEOUT", "PROTOCOL_ERROR", "CONNECTION_FAILED"] as const;

export const smtpInbound = defineAnalyzer({
  id: "smtp-inbound",
  title: "Inbound SMTP e-mail",
  group: "Internet e-mail",
  summary:
    "Tests that a domain can receive e-mail from the Internet as a sending server sees it: the MX records, each mail exchanger's banner and EHLO, STARTTLS and its certificate, a recipient, the open-relay check, and the domain's MTA-STS, DANE and TLS-RPT records. Nothing is ever delivered.",
  schema: z
    .object({
      test: z.literal("smtp-inbound"),
      domain: optional(domain),
      host: optional(host),
      port: port(25),
      recipient: optional(emailAddress),
      relayCheck: checkbox.default(true),
    })
    .superRefine((input, ctx) => {
      if (input.domain === undefined && input.host === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["domain"],
          message: "Enter the domain that receives the mail (its MX records are looked up), or a mail server's host name.",
        });
      }
    }),
  fields: [
    domainField(
      "Domain",
      "The domain that receives the mail (the part after @): its MX records name the servers to test. Or leave it empty and name a mail server below.",
    ),
    hostField("Mail server", "Or one mail server to test directly, without an MX lookup (MTA-STS, DANE and TLS-RPT are then not checked).", {
      required: false,
    }),
    { ...portField(25), hint: "25, the port servers deliver mail to each other on. Another port only for a test setup." },
    {
      name: "recipient",
      kind: "text",
      label: "Recipient",
      hint: "Optional: an address at the domain. The test asks the server whether it accepts mail for it (MAIL FROM, RCPT TO, then RSET): nothing is sent.",
      section: "connection",
      target: true,
      placeholder: "postmaster@contoso.com",
      verbatim: true,
      maxLength: 320,
    },
    {
      name: "relayCheck",
      kind: "checkbox",
      label: "Check for an open relay",
      hint: "Asks the server to accept mail from an outside address (example.com) to another outside address (example.net); it must refuse. Nothing is sent.",
      section: "security",
      default: true,
    },
  ],
  about: [
    "Looks up the domain's MX records in preference order (with no MX, the domain's own address, as RFC 5321 says). A null MX means the domain takes no mail.",
    "Tries each mail exchanger in turn, as a sending server does, until one accepts an SMTP dialog: DNS, the TCP port, the 220 banner (its name against the address's reverse DNS), and EHLO with the extensions offered (SIZE, STARTTLS, PIPELINING…). The analyzer introduces itself as rca-analyzer.invalid.",
    "Starts TLS with STARTTLS and checks the certificate; certificate problems are warnings, as most senders don't validate opportunistic TLS. Then EHLO again over TLS.",
    "With a recipient, asks whether the server accepts mail for it; then checks that it refuses to relay mail between two outside addresses. Never sends DATA: nothing is delivered.",
    "Checks the domain's MTA-STS policy (the _mta-sts TXT record and the policy served over HTTPS, its MX patterns and mode), the DANE TLSA records of the mail exchanger against its certificate, and the TLS-RPT record for TLS failure reports.",
  ],
  problems: {
    "smtp.mx": ["SMTP_NULL_MX", "DNS_NO_RECORD", "DNS_FAILURE"],
    ...CONNECTIVITY_PROBLEMS,
    "smtp.banner": ["SMTP_BANNER"],
    "smtp.ehlo": ["SMTP_EHLO_REJECTED", ...DIALOG_FAILURES],
    "smtp.mx-result": [
      "TCP_REFUSED",
      "TCP_TIMEOUT",
      "TARGET_FORBIDDEN",
      "DNS_NO_RECORD",
      "DNS_FAILURE",
      "SMTP_BANNER",
      "SMTP_EHLO_REJECTED",
      ...DIALOG_FAILURES,
    ],
    "smtp.starttls": ["SMTP_STARTTLS_MISSING", ...DIALOG_FAILURES],
    ...CERTIFICATE_PROBLEMS,
    "smtp.ehlo-tls": ["SMTP_EHLO_REJECTED", ...DIALOG_FAILURES],
    "smtp.recipient": ["SMTP_RECIPIENT_REJECTED", ...DIALOG_FAILURES],
    "smtp.relay": ["SMTP_OPEN_RELAY", ...DIALOG_FAILURES],
    "smtp.mta-sts": ["MTA_STS_INVALID", "DNS_FAILURE"],
    "smtp.dane": ["DANE_MISMATCH", "DNS_FAILURE"],
    "smtp.tls-rpt": ["TLSRPT_MISSING", "DNS_FAILURE"],
  },
});

export type SmtpInboundInput = z.output<typeof smtpInbound.schema>;
