import { z } from "@/lib/validation/zod";
import { defineAnalyzer, type ChoiceField, type TextField } from "../definition";
import { hostField, ignoreTrustField, passwordField, usernameField } from "../fields";
import { checkbox, credentials, host, portWithoutDefault, requireBoth } from "../inputs";
import { CERTIFICATE_PROBLEMS, CONNECTIVITY_PROBLEMS } from "./declared";

/** Browser-safe pieces the IMAP and POP definitions share: the security choice, the port and the dialog's problems. */

type Ports = { tls: number; starttls: number };

export function mailSecurityField(ports: Ports, startTlsCommand: string): ChoiceField {
  return {
    name: "security",
    kind: "choice",
    label: "Encryption",
    hint: `Implicit TLS encrypts from the first byte (port ${ports.tls}); ${startTlsCommand} starts unencrypted and upgrades with the ${startTlsCommand} command (port ${ports.starttls}).`,
    section: "security",
    options: [
      { value: "tls", label: `Implicit TLS (SSL, port ${ports.tls})` },
      { value: "starttls", label: `${startTlsCommand} (port ${ports.starttls})` },
    ],
    default: "tls",
  };
}

/** No default value: an empty port follows the encryption chosen. */
export function mailPortField(ports: Ports): TextField {
  return {
    name: "port",
    kind: "text",
    label: "Port",
    hint: `Leave empty for ${ports.tls} with implicit TLS or ${ports.starttls} with the upgrade command, unless the server listens on another port.`,
    section: "connection",
    target: true,
    numeric: true,
    narrow: true,
    maxLength: 5,
  };
}

/** What any step of the dialog can end in: no answer in time, an answer that isn't the protocol, a dropped connection. */
export const MAILBOX_DIALOG_PROBLEMS = ["PROTOCOL_ERROR", "PROTOCOL_TIMEOUT", "CONNECTION_FAILED"] as const;

const SECURITY = ["tls", "starttls"] as const;

/** What differs between the IMAP and POP definitions: names, ports, command and step names, and the texts. */
export interface MailboxDefinitionSpec<Id extends string> {
  id: Id;
  title: string;
  summary: string;
  ports: Ports;
  /** The upgrade command as the form names it: STARTTLS, STLS. */
  startTlsCommand: string;
  host: { label: string; hint: string };
  about: readonly string[];
  /** The step codes, after `<id>.`, of the upgrade and of the final (message count) step. */
  steps: { starttls: string; count: string };
}

/** An IMAP or POP definition: the same schema, fields and problems, with what differs between the two. */
export function mailboxDefinition<const Id extends string>(spec: MailboxDefinitionSpec<Id>) {
  const { id, ports } = spec;
  return defineAnalyzer({
    id,
    title: spec.title,
    group: "Internet e-mail",
    summary: spec.summary,
    schema: z
      .object({
        test: z.literal(id),
        host,
        security: z.enum(SECURITY, { error: "Choose implicit TLS or STARTTLS." }).default("tls"),
        // Empty: the implicit TLS or the STARTTLS port.
        port: portWithoutDefault,
        ignoreTrust: checkbox.default(false),
        ...credentials,
      })
      .superRefine(requireBoth)
      .transform((input) => ({ ...input, port: input.port ?? (input.security === "tls" ? ports.tls : ports.starttls) })),
    fields: [
      hostField(spec.host.label, spec.host.hint),
      mailSecurityField(ports, spec.startTlsCommand),
      mailPortField(ports),
      ignoreTrustField,
      usernameField,
      passwordField,
    ],
    about: spec.about,
    problems: {
      ...CONNECTIVITY_PROBLEMS,
      ...CERTIFICATE_PROBLEMS,
      [`${id}.greeting`]: MAILBOX_DIALOG_PROBLEMS,
      [`${id}.capabilities`]: MAILBOX_DIALOG_PROBLEMS,
      [`${id}.${spec.steps.starttls}`]: ["STARTTLS_MISSING", ...MAILBOX_DIALOG_PROBLEMS],
      [`${id}.capabilities-tls`]: MAILBOX_DIALOG_PROBLEMS,
      [`${id}.login`]: ["LOGIN_FAILED", ...MAILBOX_DIALOG_PROBLEMS],
      [`${id}.${spec.steps.count}`]: ["MAILBOX_COMMAND_FAILED", ...MAILBOX_DIALOG_PROBLEMS],
    },
  });
}
