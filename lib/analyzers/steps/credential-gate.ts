import { text, type LocalizedText } from "@/lib/engine/text";
import { headerValues, type HttpResponse } from "@/lib/net/http";
import { offeredSchemes, offers } from "@/lib/net/http-auth";
import { AUTH_METHOD_NAMES, type AuthMethod } from "../fields";

/** The HTTP scheme to send the chosen method under, or undefined when the server offers no way to use it. */
export function authScheme(response: HttpResponse | undefined, method: AuthMethod): string | undefined {
  if (!response) return undefined;
  const schemes = offeredSchemes(headerValues(response, "www-authenticate"));
  if (method === "basic") return offers(schemes, "Basic") ? "Basic" : undefined;
  if (offers(schemes, "NTLM")) return "NTLM";
  return offers(schemes, "Negotiate") ? "Negotiate" : undefined;
}

/**
 * Outlook sends a password only over a connection it accepts: the chain trusted by the same store (OpenSSL
 * agreeing), the name matching, TLS 1.2 or later at default security. The last two are enforced again by the
 * strict handshake of the credential connection itself; this decides whether to try at all.
 */
export function credentialGate(facts: {
  certificateTrusted: boolean;
  ignoreTrust: boolean;
  scheme: string | undefined;
  method: AuthMethod;
}): { send: true; scheme: string } | { send: false; reason: LocalizedText } {
  const method = AUTH_METHOD_NAMES[facts.method];
  if (!facts.certificateTrusted) {
    return {
      send: false,
      reason: text(facts.ignoreTrust ? "steps.http.gate.untrustedIgnored" : "steps.http.gate.untrusted"),
    };
  }
  if (!facts.scheme) return { send: false, reason: text("steps.http.gate.noScheme", { method }) };
  return { send: true, scheme: facts.scheme };
}
