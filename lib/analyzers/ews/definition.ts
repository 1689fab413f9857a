import { z } from "@/lib/validation/zod";
import { defineAnalyzer } from "../definition";
import { authMethodField, emailField, hostField, ignoreTrustField, passwordField, portField, usernameField } from "../fields";
import { authMethod, checkbox, credentials, emailAddress, host, port, requireBoth } from "../inputs";
import { AUTODISCOVER_PROBLEMS, CERTIFICATE_PROBLEMS, CONNECTIVITY_PROBLEMS } from "../steps/declared";

/** A field of a pair of which one is given: left empty (form) or null, it is absent. */
function absentWhenEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());
}

/**
 * A way to name the target: the mailbox (then Autodiscover finds EWS), the EWS server, or both (EWS at that server,
 * for that mailbox: Autodiscover isn't asked, as in a client's manual settings).
 */
function aTarget(input: { host?: string; emailAddress?: string }, ctx: z.RefinementCtx): void {
  if (input.host === undefined && input.emailAddress === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["emailAddress"],
      message: "Enter the mailbox's e-mail address (Autodiscover then finds EWS), or the EWS server's host name.",
    });
  }
}

export const ews = defineAnalyzer({
  id: "ews",
  title: "Exchange Web Services (EWS)",
  group: "Exchange Server",
  summary:
    "Finds EWS through Autodiscover (or at the server you name), checks its certificate and HTTP authentication methods, names the server behind NTLM, and with credentials gets the Inbox with a GetFolder request, showing the Exchange version that answered.",
  schema: z
    .object({
      test: z.literal("ews"),
      emailAddress: absentWhenEmpty(emailAddress),
      host: absentWhenEmpty(host),
      port: port(443),
      ignoreTrust: checkbox.default(false),
      ...credentials,
      authMethod,
    })
    .superRefine((input, ctx) => {
      aTarget(input, ctx);
      requireBoth(input, ctx);
    }),
  fields: [
    {
      ...emailField(
        "The mailbox to test: Autodiscover finds its EWS URL, as Outlook for Mac and other EWS clients do. Or leave it empty and enter the EWS server.",
      ),
      required: false,
    },
    {
      ...hostField(
        "EWS server",
        "Or the host name of the EWS URL (the EWS virtual directory's ExternalUrl): https://<host>/EWS/Exchange.asmx is then tested without asking Autodiscover. With an e-mail address too, GetFolder opens that mailbox's Inbox.",
      ),
      required: false,
    },
    { ...portField(443), hint: "443 unless EWS listens on another port. With an e-mail address, the URL Autodiscover hands out decides." },
    ignoreTrustField,
    usernameField,
    passwordField,
    authMethodField,
  ],
  about: [
    "With an e-mail address, finds EWS through Autodiscover the way EWS clients do (Outlook's four methods, in order). With credentials the EWS URL comes from the settings (the external EXPR one first); without, https://<Autodiscover host>/EWS/Exchange.asmx, Exchange's default, is tried. With a server name, tests EWS there instead.",
    "Resolves the EWS server in DNS, opens the port, and validates its SSL certificate as clients do: name, chain and trust, dates, strength.",
    "Sends EWS an anonymous GetFolder request and lists the HTTP authentication methods it offers; with NTLM or Negotiate, reads the server's name, domain and Windows version from its NTLM challenge.",
    "With credentials (sent only over a connection Outlook would accept: a trusted chain, the right name, TLS 1.2 or later), gets the Inbox with GetFolder (Basic, or NTLM with channel bindings) and shows the folder, its item counts and the Exchange version that answered.",
  ],
  problems: {
    ...AUTODISCOVER_PROBLEMS,
    ...CONNECTIVITY_PROBLEMS,
    ...CERTIFICATE_PROBLEMS,
    "ews.url": ["AUTODISCOVER_BAD_RESPONSE"],
    "ews.auth-methods": ["HTTP_UNEXPECTED_STATUS", "HTTP_AUTH_METHOD_MISSING", "HTTP_TIMEOUT", "CONNECTION_FAILED"],
    "ews.get-folder": ["LOGIN_FAILED", "HTTP_UNEXPECTED_STATUS", "HTTP_AUTH_METHOD_MISSING", "HTTP_TIMEOUT", "CONNECTION_FAILED"],
  },
});

export type EwsInput = z.output<typeof ews.schema>;
