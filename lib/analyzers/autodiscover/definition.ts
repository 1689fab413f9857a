import { z } from "@/lib/validation/zod";
import { defineAnalyzer } from "../definition";
import { authMethodField, emailField, ignoreTrustField, passwordField, usernameField } from "../fields";
import { authMethod, checkbox, credentials, emailAddress, requireBoth } from "../inputs";
import { AUTODISCOVER_PROBLEMS, CERTIFICATE_PROBLEMS, CONNECTIVITY_PROBLEMS } from "../steps/declared";

export const autodiscover = defineAnalyzer({
  id: "autodiscover",
  title: "Outlook Autodiscover",
  group: "Exchange Server",
  summary:
    "Finds the Autodiscover service the way Outlook does (four methods, in Outlook's order), checks each endpoint's certificate, and with credentials shows the settings Outlook receives, including the EXPR principal name checked against the certificate.",
  schema: z
    .object({
      test: z.literal("autodiscover"),
      emailAddress,
      ...credentials,
      authMethod,
      ignoreTrust: checkbox.default(false),
    })
    .superRefine(requireBoth),
  fields: [
    emailField("The mailbox's primary SMTP address: its domain decides where Outlook looks for Autodiscover."),
    ignoreTrustField,
    usernameField,
    passwordField,
    authMethodField,
  ],
  about: [
    "Tries the methods in Outlook's order: https://<domain>/autodiscover/autodiscover.xml, https://autodiscover.<domain>/…, the HTTP redirect from http://autodiscover.<domain>/…, then the SRV record _autodiscover._tcp.<domain>. The first one that works ends the search.",
    "For each: DNS, the TCP port, the whole certificate check, then Outlook's POX request. Without credentials, a 401 proves the endpoint is there.",
    "With credentials (sent only over a connection Outlook would accept), reads the response safely and shows the user, the EXCH, EXPR and WEB settings, and follows redirects.",
    "Connects to the EXPR (Outlook Anywhere) server and checks its certificate against the CertPrincipalName Autodiscover hands out.",
    "Asks the JSON Autodiscover v2 endpoint (autodiscover.json) that current Outlook and Microsoft 365 use for the EWS and ActiveSync URLs, and reports what it returns.",
  ],
  problems: {
    ...CONNECTIVITY_PROBLEMS,
    ...CERTIFICATE_PROBLEMS,
    ...AUTODISCOVER_PROBLEMS,
    "autodiscover.expr-principal": ["AUTODISCOVER_PRINCIPAL_MISMATCH"],
    "autodiscover.json.request": ["HTTP_TIMEOUT", "CONNECTION_FAILED", "TLS_HANDSHAKE_FAILED", "TLS_NOT_SPOKEN", "HTTP_UNEXPECTED_STATUS"],
  },
});

export type AutodiscoverInput = z.output<typeof autodiscover.schema>;
