import type { CheckboxField, ChoiceField, TextField } from "./definition";

/** Form fields shared by several tests: one label, hint and default each. */

export const AUTH_METHOD_NAMES = { ntlm: "NTLM", basic: "Basic" } as const;
export type AuthMethod = keyof typeof AUTH_METHOD_NAMES;

export function hostField(label: string, hint: string, options: { required?: boolean } = {}): TextField {
  return {
    name: "host",
    kind: "text",
    label,
    hint,
    section: "connection",
    target: true,
    placeholder: "mail.contoso.com",
    verbatim: true,
    required: options.required ?? true,
  };
}

/** A mail domain (the part after @): optional, since each mail test can also start from something else. */
export function domainField(label: string, hint: string): TextField {
  return {
    name: "domain",
    kind: "text",
    label,
    hint,
    section: "connection",
    target: true,
    placeholder: "contoso.com",
    verbatim: true,
    required: false,
    maxLength: 253,
  };
}

export function portField(defaultPort: number): TextField {
  return {
    name: "port",
    kind: "text",
    label: "Port",
    hint: `${defaultPort} unless the server listens on another port.`,
    section: "connection",
    target: true,
    numeric: true,
    narrow: true,
    maxLength: 5,
    default: String(defaultPort),
  };
}

export const ignoreTrustField: CheckboxField = {
  name: "ignoreTrust",
  kind: "checkbox",
  label: "Ignore trust for SSL",
  hint: "Certificate problems (untrusted root, name mismatch, expiry) are reported as warnings instead of errors, and the test goes on. Credentials are never sent over a connection whose certificate isn't trusted.",
  section: "security",
  default: false,
};

export const principalField: TextField = {
  name: "mutualAuthPrincipal",
  kind: "text",
  label: "Mutual authentication principal name",
  hint: 'Outlook\'s "Only connect to proxy servers that have this principal name in their certificate" setting: usually `msstd:` followed by the name on the certificate, or `msstd:*.contoso.com` for a wildcard certificate. Filled in from the server name until you change it.',
  section: "security",
  target: true,
  placeholder: "msstd:mail.contoso.com",
  verbatim: true,
  follows: { field: "host", prefix: "msstd:" },
};

export const usernameField: TextField = {
  name: "username",
  kind: "text",
  label: "User name",
  hint: "DOMAIN\\user or user@contoso.com (UPN)",
  section: "credentials",
  secret: true,
  placeholder: "CONTOSO\\jsmith",
  verbatim: true,
};

export const passwordField: TextField = { name: "password", kind: "password", label: "Password", section: "credentials", secret: true };

export const authMethodField: ChoiceField = {
  name: "authMethod",
  kind: "choice",
  label: "Authentication method",
  section: "credentials",
  options: Object.entries(AUTH_METHOD_NAMES).map(([value, label]) => ({ value, label })),
  default: "ntlm",
};

export function emailField(hint: string, options: { required?: boolean } = {}): TextField {
  return {
    name: "emailAddress",
    kind: "text",
    label: "E-mail address",
    hint,
    section: "connection",
    target: true,
    placeholder: "user@contoso.com",
    verbatim: true,
    required: options.required ?? true,
    maxLength: 320,
  };
}

export const useAutodiscoverField: CheckboxField = {
  name: "useAutodiscover",
  kind: "checkbox",
  label: "Use Autodiscover to detect server settings",
  hint: "Outlook's own way: Autodiscover names the Outlook Anywhere server and the principal name, then that server is tested. Needs the e-mail address and credentials.",
  section: "connection",
  default: false,
};
