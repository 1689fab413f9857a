import { z } from "@/lib/validation/zod";
import { defineAnalyzer } from "../definition";
import {
  authMethodField,
  emailField,
  hostField,
  ignoreTrustField,
  passwordField,
  portField,
  principalField,
  usernameField,
  useAutodiscoverField,
} from "../fields";
import { authMethod, checkbox, credentials, emailAddress, host, optional, port, principal, requireBoth } from "../inputs";
import { AUTODISCOVER_PROBLEMS, CERTIFICATE_PROBLEMS, CONNECTIVITY_PROBLEMS } from "../steps/declared";

export const outlookAnywhere = defineAnalyzer({
  id: "outlook-anywhere",
  title: "Outlook Anywhere (RPC over HTTP)",
  group: "Exchange Server",
  summary:
    "Checks the RPC proxy's certificate, client-certificate settings, HTTP authentication methods and the msstd: mutual authentication principal Outlook uses.",
  schema: z
    .object({
      test: z.literal("outlook-anywhere"),
      useAutodiscover: checkbox.default(false),
      emailAddress: optional(emailAddress),
      host: optional(host),
      port: port(443),
      mutualAuthPrincipal: principal,
      ignoreTrust: checkbox.default(false),
      ...credentials,
      authMethod,
    })
    .superRefine((input, ctx) => {
      requireBoth(input, ctx);
      if (input.useAutodiscover) {
        if (input.emailAddress === undefined)
          ctx.addIssue({ code: "custom", path: ["emailAddress"], message: "Enter the e-mail address Autodiscover looks up." });
        if (input.username === undefined && input.password === undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["username"],
            message: "Autodiscover hands out the Outlook Anywhere settings only with credentials: enter a user name and password.",
          });
        }
      } else if (input.host === undefined) {
        ctx.addIssue({ code: "custom", path: ["host"], message: "Enter a host name or IP address." });
      }
    })
    // Without Autodiscover the principal defaults to msstd:<host>; with it, Autodiscover's CertPrincipalName decides.
    .transform((input) => ({
      ...input,
      mutualAuthPrincipal: input.mutualAuthPrincipal ?? (input.useAutodiscover || !input.host ? undefined : `msstd:${input.host}`),
    })),
  fields: [
    useAutodiscoverField,
    emailField("With Autodiscover: the mailbox whose Outlook Anywhere settings Autodiscover hands out.", { required: false }),
    hostField("RPC proxy server", "Without Autodiscover: the external host name of Outlook Anywhere, as set on the RPC virtual directory (ExternalHostname).", {
      required: false,
    }),
    portField(443),
    principalField,
    ignoreTrustField,
    usernameField,
    passwordField,
    authMethodField,
  ],
  about: [
    'With "Use Autodiscover": first finds the Outlook Anywhere (EXPR) server and its CertPrincipalName through Autodiscover, as Outlook does, then tests that server with that principal.',
    "Resolves the RPC proxy server in DNS and opens the port.",
    "Validates the SSL certificate as Outlook does: name, chain and trust, dates, strength.",
    "Checks the client-certificate settings and the HTTP authentication methods the RPC proxy (/rpc/rpcproxy.dll) offers.",
    "Compares the certificate with the mutual authentication principal name.",
    "With credentials, pings the RPC proxy with the chosen method (Basic or NTLM), only over a connection Outlook itself would accept: a trusted chain, the right name, TLS 1.2 or later.",
  ],
  problems: {
    ...CONNECTIVITY_PROBLEMS,
    ...CERTIFICATE_PROBLEMS,
    ...AUTODISCOVER_PROBLEMS,
    "autodiscover.expr": ["AUTODISCOVER_BAD_RESPONSE"],
    "rpc.client-certificate": ["HTTP_CLIENT_CERT_REQUIRED", "CONNECTION_FAILED", "HTTP_TIMEOUT", "HTTP_UNEXPECTED_STATUS"],
    "rpc.auth-methods": ["HTTP_UNEXPECTED_STATUS", "HTTP_AUTH_METHOD_MISSING"],
    "rpc.mutual-auth": ["MUTUAL_AUTH_MISMATCH"],
    "rpc.authenticate": ["LOGIN_FAILED", "HTTP_UNEXPECTED_STATUS", "HTTP_AUTH_METHOD_MISSING", "HTTP_TIMEOUT", "CONNECTION_FAILED"],
  },
});

export type OutlookAnywhereInput = z.output<typeof outlookAnywhere.schema>;
