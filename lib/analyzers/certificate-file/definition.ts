import { pemInputProblem } from "@/lib/cert/pem-input";
import { z } from "@/lib/validation/zod";
import { defineAnalyzer } from "../definition";
import { principalField } from "../fields";
import { optional, principal } from "../inputs";
import { CERTIFICATE_PROBLEMS } from "../steps/declared";

/** Pasted certificates are read in full: a chain of 20 large certificates is far below this. */
const MAX_PEM_CHARACTERS = 512 * 1024;

function pemText(what: string) {
  return z
    .string({ error: `Paste the ${what}.` })
    .max(MAX_PEM_CHARACTERS, `The ${what} may have at most ${MAX_PEM_CHARACTERS} characters.`)
    .superRefine((value, ctx) => {
      const problem = pemInputProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

const NAME = /^(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/i;
const NAMES_MESSAGE = "Enter host names separated by commas or spaces, like mail.contoso.com, autodiscover.contoso.com.";

/** The host names the certificate must serve: one or more, separated by commas, spaces or new lines; normalised to "a, b". */
const hostNames = z
  .string()
  .max(4096, NAMES_MESSAGE)
  .transform((value, ctx) => {
    const names = [
      ...new Set(
        value
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map((name) => name.toLowerCase().replace(/\.$/, "")),
      ),
    ];
    if (names.length > 50 || !names.every((name) => NAME.test(name) || /^[\d.]+$/.test(name) || name.includes(":"))) {
      ctx.addIssue({ code: "custom", message: NAMES_MESSAGE });
      return z.NEVER;
    }
    // Kept as one string (the result's `host`, which history lists by): run.ts splits it again.
    return names.join(", ");
  });

/** The names of the `host` input. */
export function hostList(host: string | undefined): string[] {
  return host ? host.split(", ").filter(Boolean) : [];
}

const AT_MESSAGE = "Enter a date as YYYY-MM-DD (or an ISO date and time), like 2026-12-01.";
const at = z
  .string()
  .trim()
  .refine((value) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value)), AT_MESSAGE);

export const certificateFile = defineAnalyzer({
  id: "certificate-file",
  title: "Certificate file (before installing it)",
  group: "Certificates",
  summary:
    "Checks a certificate you are about to install, without connecting to your server: the host names it must serve, the chain up to a trusted root, the dates on your go-live day, key and signature strength, server-authentication usage, and the msstd: principal Outlook Anywhere needs.",
  schema: z.object({
    test: z.literal("certificate-file"),
    certificates: pemText("certificates (PEM, the leaf first)"),
    host: optional(hostNames),
    mutualAuthPrincipal: principal,
    trustedRoots: optional(pemText("extra trusted roots (PEM)")),
    at: optional(at),
  }),
  fields: [
    {
      name: "certificates",
      kind: "textarea",
      label: "Certificates",
      hint: "The certificate in PEM form (-----BEGIN CERTIFICATE-----), the leaf first, then the intermediates; or a PKCS #7 bundle (.p7b). Never the private key: a key is refused.",
      section: "connection",
      required: true,
      verbatim: true,
      placeholder: "-----BEGIN CERTIFICATE-----",
      fileTypes: ".pem,.crt,.cer,.p7b,.p7c",
    },
    {
      name: "host",
      kind: "text",
      label: "Host names it must serve",
      hint: "The names clients will connect to, separated by commas: for Exchange usually mail, autodiscover and the Outlook Anywhere (EXPR) host. Each one is checked.",
      section: "connection",
      placeholder: "mail.contoso.com, autodiscover.contoso.com",
      verbatim: true,
      maxLength: 4096,
    },
    {
      ...principalField,
      target: false,
      follows: undefined,
      hint: "Outlook Anywhere's msstd: principal (optional): checked against the certificate, as Outlook checks it.",
    },
    {
      name: "trustedRoots",
      kind: "textarea",
      label: "Extra trusted roots",
      hint: "Optional: your own root CA in PEM form, when the certificate comes from an internal CA that clients trust.",
      section: "security",
      verbatim: true,
      fileTypes: ".pem,.crt,.cer",
    },
    {
      name: "at",
      kind: "text",
      label: "Judge validity on",
      hint: "Optional: the go-live date (YYYY-MM-DD); the dates are checked as of then. Empty: now.",
      section: "security",
      placeholder: "2026-12-01",
      verbatim: true,
      maxLength: 40,
    },
  ],
  about: [
    "Reads the pasted certificates (PEM, or a PKCS #7 bundle, or a file you choose) without connecting to your server; a private key is refused before anything runs.",
    "Checks each host name against the certificate, as clients match names (wildcards one label deep).",
    "Builds the chain to a trusted root (the bundled Mozilla roots, NODE_EXTRA_CA_CERTS and the roots you paste) under RFC 5280, with OpenSSL's verdict as a second opinion, exactly as for a served certificate.",
    "Checks the validity dates on the date you choose, the key and signature strength and the server-authentication usage.",
    "Asks the issuing CA whether a certificate of the chain has been revoked (its OCSP responder, else its CRL): the only network the test uses, never your server.",
    "Checks the msstd: principal Outlook Anywhere uses, or says which principal works and the command that sets it.",
  ],
  problems: {
    "certfile.read": ["CERTIFICATE_FILE_INVALID"],
    "tls.certificate.name": CERTIFICATE_PROBLEMS["tls.certificate.name"],
    "tls.certificate.name.host": CERTIFICATE_PROBLEMS["tls.certificate.name"],
    "tls.certificate.trust": CERTIFICATE_PROBLEMS["tls.certificate.trust"],
    "tls.certificate.dates": CERTIFICATE_PROBLEMS["tls.certificate.dates"],
    "tls.certificate.strength": CERTIFICATE_PROBLEMS["tls.certificate.strength"],
    "tls.certificate.usage": CERTIFICATE_PROBLEMS["tls.certificate.usage"],
    "tls.certificate.revocation.certificate": CERTIFICATE_PROBLEMS["tls.certificate.revocation.certificate"],
    "tls.certificate.ct": CERTIFICATE_PROBLEMS["tls.certificate.ct"],
    "certfile.principal": ["MUTUAL_AUTH_MISMATCH"],
  },
});

export type CertificateFileInput = z.output<typeof certificateFile.schema>;
