import { z } from "@/lib/validation/zod";
import { defineAnalyzer } from "../definition";
import { hostField, ignoreTrustField, portField } from "../fields";
import { checkbox, host, port } from "../inputs";
import { CERTIFICATE_PROBLEMS, CONNECTIVITY_PROBLEMS, PROTOCOL_PROBLEMS } from "../steps/declared";

export const tlsCertificate = defineAnalyzer({
  id: "tls-certificate",
  title: "TLS certificate",
  group: "Certificates",
  summary:
    "Checks a server's certificate as a client sees it: name, chain and trust, dates, key and signature strength, server-authentication usage; and which TLS versions it accepts.",
  schema: z.object({
    test: z.literal("tls-certificate"),
    host,
    port: port(443),
    ignoreTrust: checkbox.default(false),
  }),
  fields: [hostField("Server", "The host name or IP address clients connect to, without https:// or a path."), portField(443), ignoreTrustField],
  about: [
    "Resolves the host name in DNS and opens the TCP port.",
    "Performs the TLS handshake and records the certificate chain exactly as the server sends it.",
    "Checks the name, the chain up to a trusted root (RFC 5280, with OpenSSL's verdict as a second opinion), the validity dates, the key and signature strength and the server-authentication usage.",
    "Offers each TLS version alone to see which ones the server accepts: without TLS 1.2 or 1.3 current clients can't connect, and TLS 1.0 and 1.1 are obsolete.",
  ],
  problems: { ...CONNECTIVITY_PROBLEMS, ...CERTIFICATE_PROBLEMS, ...PROTOCOL_PROBLEMS },
});

export type TlsCertificateInput = z.output<typeof tlsCertificate.schema>;
