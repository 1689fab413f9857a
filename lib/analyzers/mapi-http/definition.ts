import { z } from "@/lib/validation/zod";
import { defineAnalyzer } from "../definition";
import { authMethodField, emailField, hostField, ignoreTrustField, passwordField, portField, usernameField } from "../fields";
import { authMethod, checkbox, credentials, emailAddress, host, optional, port, requireBoth } from "../inputs";
import { AUTODISCOVER_PROBLEMS, CERTIFICATE_PROBLEMS, CONNECTIVITY_PROBLEMS } from "../steps/declared";

/**
 * A way to find the server: Autodiscover for a mailbox, the server named directly, or both (Autodiscover for the
 * mailbox's URLs and legacy DN, tested on the named server: one server behind a load balancer, say).
 */
function aTarget(input: { host?: string; emailAddress?: string }, ctx: z.RefinementCtx): void {
  if (input.host === undefined && input.emailAddress === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["emailAddress"],
      message: "Enter a mailbox's e-mail address (Autodiscover then finds the server), or the server name.",
    });
  }
}

const AUTH_METHODS_PROBLEMS = ["HTTP_UNEXPECTED_STATUS", "HTTP_AUTH_METHOD_MISSING", "HTTP_TIMEOUT", "CONNECTION_FAILED"] as const;

export const mapiHttp = defineAnalyzer({
  id: "mapi-http",
  title: "Outlook MAPI over HTTP",
  group: "Exchange Server",
  summary:
    "Finds the MAPI over HTTP endpoints (through Autodiscover, or on the server you name), checks their certificate and the authentication methods of the Mail Store (/mapi/emsmdb) and Address Book (/mapi/nspi), and with credentials opens a mailbox session with Outlook's own Connect request.",
  schema: z
    .object({
      test: z.literal("mapi-http"),
      emailAddress: optional(emailAddress),
      host: optional(host),
      port: port(443),
      ignoreTrust: checkbox.default(false),
      ...credentials,
      authMethod,
    })
    .superRefine(requireBoth)
    .superRefine(aTarget),
  fields: [
    emailField(
      "A mailbox's primary SMTP address: Autodiscover finds its MAPI over HTTP endpoints, as Outlook does. Or leave it empty and name the server below.",
      {
        required: false,
      },
    ),
    hostField(
      "Exchange server",
      "The external host name of the /mapi virtual directory (its ExternalUrl), e.g. mail.contoso.com: https://<server>/mapi/emsmdb/ and /mapi/nspi/ are tested. With an e-mail address too, the URLs Autodiscover gives the mailbox are tested on this server (one server behind a load balancer, say).",
      { required: false },
    ),
    { ...portField(443), hint: "With a server name: 443 unless it listens on another port. With an e-mail address alone, the Autodiscover URLs decide." },
    ignoreTrustField,
    usernameField,
    passwordField,
    authMethodField,
  ],
  about: [
    "With an e-mail address, finds the server through Autodiscover as Outlook does; its mapiHttp settings name the Mail Store and Address Book URLs. Without those settings (no credentials, or MAPI over HTTP not offered) it tries /mapi/ on the Outlook Anywhere server or the server Autodiscover answered from. With a server name too, those URLs are tested on that server.",
    "Resolves the MAPI server in DNS, opens the port and validates the SSL certificate as Outlook does: name, chain and trust, dates, strength.",
    "Sends Outlook's unauthenticated Connect (Mail Store) and Bind (Address Book) requests and lists the HTTP authentication methods offered, the Exchange version (X-ServerApplication) and, through NTLM, which server answered.",
    "With credentials (sent only over a connection Outlook itself would accept), sends the MAPI over HTTP Connect request with the chosen method and reads X-ResponseCode, the session cookies and the Connect response.",
  ],
  problems: {
    ...CONNECTIVITY_PROBLEMS,
    ...CERTIFICATE_PROBLEMS,
    ...AUTODISCOVER_PROBLEMS,
    "mapi.emsmdb.auth-methods": AUTH_METHODS_PROBLEMS,
    "mapi.nspi.auth-methods": AUTH_METHODS_PROBLEMS,
    "mapi.connect": ["LOGIN_FAILED", "HTTP_UNEXPECTED_STATUS", "HTTP_AUTH_METHOD_MISSING", "HTTP_TIMEOUT", "CONNECTION_FAILED"],
  },
});

export type MapiHttpInput = z.output<typeof mapiHttp.schema>;
