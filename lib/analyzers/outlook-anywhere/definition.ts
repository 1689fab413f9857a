import { z } from "zod";
import { defineAnalyzer } from "../definition";
import { authMethodField, hostField, ignoreTrustField, passwordField, portField, principalField, usernameField } from "../fields";
import { authMethod, checkbox, credentials, host, port, principal, requireBoth } from "../inputs";
import { CERTIFICATE_PROBLEMS, CONNECTIVITY_PROBLEMS } from "../steps/declared";

export const outlookAnywhere = defineAnalyzer({
  id: "outlook-anywhere",
  title: "Outlook Anywhere (RPC over HTTP)",
  group: "Exchange Server",
  summary:
    "Checks the RPC proxy's certificate, client-certificate settings, HTTP authentication methods and the msstd: mutual authentication principal Outlook uses.",
  schema: z
    .object({
      test: z.literal("outlook-anywhere"),
      host,
      port: port(443),
      mutualAuthPrincipal: principal,
      ignoreTrust: checkbox.default(false),
      ...credentials,
      authMethod,
    })
    .superRefine(requireBoth)
    .transform((input) => ({ ...input, mutualAuthPrincipal: input.mutualAuthPrincipal ?? `msstd:${input.host}` })),
  fields: [
    hostField("RPC proxy server", "The external host name of Outlook Anywhere, as set on the RPC virtual directory (ExternalHostname)."),
    portField(443),
    principalField,
    ignoreTrustField,
    usernameField,
    passwordField,
    authMethodField,
  ],
  about: [
    "Resolves the RPC proxy server in DNS and opens the port.",
    "Validates the SSL certificate as Outlook does: name, chain and trust, dates, strength.",
    "Checks the client-certificate settings and the HTTP authentication methods the RPC proxy (/rpc/rpcproxy.dll) offers.",
    "Compares the certificate with the mutual authentication principal name.",
    "With credentials, pings the RPC proxy with the chosen method (Basic or NTLM), only over a connection Outlook itself would accept: a trusted chain, the right name, TLS 1.2 or later.",
  ],
  problems: {
    ...CONNECTIVITY_PROBLEMS,
    ...CERTIFICATE_PROBLEMS,
    "rpc.client-certificate": ["HTTP_CLIENT_CERT_REQUIRED", "CONNECTION_FAILED", "HTTP_TIMEOUT", "HTTP_UNEXPECTED_STATUS"],
    "rpc.auth-methods": ["HTTP_UNEXPECTED_STATUS", "HTTP_AUTH_METHOD_MISSING"],
    "rpc.mutual-auth": ["MUTUAL_AUTH_MISMATCH"],
    "rpc.authenticate": ["LOGIN_FAILED", "HTTP_UNEXPECTED_STATUS", "HTTP_AUTH_METHOD_MISSING", "HTTP_TIMEOUT", "CONNECTION_FAILED"],
  },
});

export type OutlookAnywhereInput = z.output<typeof outlookAnywhere.schema>;
