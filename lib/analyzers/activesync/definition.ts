import { z } from "@/lib/validation/zod";
import { defineAnalyzer } from "../definition";
import { authMethodField, emailField, hostField, ignoreTrustField, passwordField, portField, usernameField } from "../fields";
import { authMethod, checkbox, credentials, emailAddress, host, port, requireBoth } from "../inputs";
import { AUTODISCOVER_PROBLEMS, CERTIFICATE_PROBLEMS, CONNECTIVITY_PROBLEMS } from "../steps/declared";

/** An input a form may leave empty: "" (or null) means absent. */
const optionalInput = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

/** Phones sign in to ActiveSync with Basic (user name and password), so that is this test's default. */
const activeSyncAuthMethod = authMethod.unwrap().default("basic");

export const activeSync = defineAnalyzer({
  id: "activesync",
  title: "Exchange ActiveSync",
  group: "Exchange Server",
  summary:
    "Connects to Exchange ActiveSync as a phone does: finds the server through Autodiscover or takes its name, checks the certificate and the OPTIONS answer (authentication methods, protocol versions, commands) and, with credentials, syncs the mailbox's folder hierarchy (FolderSync).",
  schema: z
    .object({
      test: z.literal("activesync"),
      emailAddress: optionalInput(emailAddress),
      host: optionalInput(host),
      port: port(443),
      ignoreTrust: checkbox.default(false),
      ...credentials,
      authMethod: activeSyncAuthMethod,
    })
    .superRefine((input, ctx) => {
      requireBoth(input, ctx);
      if (input.host === undefined && input.emailAddress === undefined) {
        const message = "Enter the ActiveSync server's name, or an e-mail address to find it with Autodiscover.";
        ctx.addIssue({ code: "custom", path: ["host"], message });
        ctx.addIssue({ code: "custom", path: ["emailAddress"], message });
      }
    }),
  fields: [
    {
      ...emailField("Finds the ActiveSync server with Autodiscover, as a phone does (the mobilesync schema). Leave it empty to name the server below."),
      required: false,
    },
    {
      ...hostField("ActiveSync server", "Or name the server yourself (a phone's manual settings): it is then used instead of Autodiscover."),
      required: false,
    },
    { ...portField(443), hint: "443 unless the server listens on another port (with the server name only: Autodiscover's URL names its own)." },
    ignoreTrustField,
    usernameField,
    passwordField,
    { ...authMethodField, default: "basic" },
  ],
  about: [
    "With an e-mail address, finds Autodiscover the way devices do (four methods in order) and asks for the mobilesync settings: the ActiveSync URL. Without credentials Autodiscover hands out none, and the analyzer tries https://<Autodiscover host>/Microsoft-Server-ActiveSync.",
    "Resolves the ActiveSync server in DNS, opens the port and validates the SSL certificate as a device does.",
    "Sends an anonymous OPTIONS request to /Microsoft-Server-ActiveSync: the authentication methods offered (Basic for devices), or the protocol versions and commands.",
    "With credentials (sent only over a connection a device would accept), sends OPTIONS again and reads the protocol versions and commands, then the FolderSync command as a new device (SyncKey 0), reporting its Status and the number of folders.",
  ],
  problems: {
    ...CONNECTIVITY_PROBLEMS,
    ...CERTIFICATE_PROBLEMS,
    ...AUTODISCOVER_PROBLEMS,
    "activesync.url": ["AUTODISCOVER_BAD_RESPONSE"],
    "activesync.options": ["HTTP_UNEXPECTED_STATUS", "HTTP_AUTH_METHOD_MISSING", "HTTP_TIMEOUT", "CONNECTION_FAILED"],
    "activesync.options-authenticated": ["LOGIN_FAILED", "HTTP_UNEXPECTED_STATUS", "HTTP_AUTH_METHOD_MISSING", "HTTP_TIMEOUT", "CONNECTION_FAILED"],
    "activesync.folder-sync": ["LOGIN_FAILED", "HTTP_UNEXPECTED_STATUS", "HTTP_TIMEOUT", "CONNECTION_FAILED"],
  },
});

export type ActiveSyncInput = z.output<typeof activeSync.schema>;
