import type { ChoiceField, TextField } from "../definition";

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
