import { describe, expect, it } from "vitest";
import { judgeAuthentication, judgeAuthMethods, judgeClientCertificate } from "@/lib/analyzers/outlook-anywhere/judge";
import { findingText } from "@/lib/engine/finding";
import { text, type LocalizedText } from "@/lib/engine/text";
import { it as italian } from "@/lib/i18n/messages/it";
import type { HttpResponse } from "@/lib/net/http";
import { expectLocalized, expectText, rendered } from "../support/i18n-texts";

/**
 * The Outlook Anywhere step texts (lib/analyzers/outlook-anywhere/*): each stores the English it stored before it
 * became a catalogue text, word for word, and reads in Italian.
 */

const response = (status: number, options: { statusText?: string; challenges?: string[]; body?: string } = {}): HttpResponse => ({
  status,
  statusText: options.statusText ?? "",
  headers: (options.challenges ?? []).map((value) => ["www-authenticate", value] as [string, string]),
  body: Buffer.from(options.body ?? ""),
  bodyTruncated: false,
});

const FIX = "Outlook Anywhere doesn't send a client certificate: set the /rpc virtual directory's SSL settings to ignore client certificates.";

describe("Outlook Anywhere step texts", () => {
  it("titles and reasons", () => {
    expectText(
      text("steps.outlookAnywhere.expr.title", { emailAddress: "jdoe@contoso.com" }),
      "Attempting to retrieve the Outlook Anywhere settings for jdoe@contoso.com through Autodiscover.",
    );
    expectText(text("steps.outlookAnywhere.proxy.title", { host: "mail.contoso.com" }), "Testing RPC over HTTP connectivity to the server mail.contoso.com.");
    expectText(text("steps.outlookAnywhere.proxy.titleUnknown"), "Testing RPC over HTTP connectivity to the server Autodiscover names.");
    expectText(text("steps.outlookAnywhere.clientCertificate.title"), "Checking the IIS configuration for client certificate authentication.");
    expectText(
      text("steps.outlookAnywhere.authMethods.title", { url: "https://mail.contoso.com/rpc/rpcproxy.dll?mail.contoso.com:6002" }),
      "Testing HTTP Authentication Methods for URL https://mail.contoso.com/rpc/rpcproxy.dll?mail.contoso.com:6002.",
    );
    expectText(text("steps.outlookAnywhere.mutualAuth.title"), "Testing SSL mutual authentication with the RPC proxy server.");
    expectText(
      text("steps.outlookAnywhere.authenticate.title", { host: "mail.contoso.com", method: "NTLM" }),
      "Attempting to ping RPC proxy mail.contoso.com with the supplied credentials (NTLM authentication).",
    );
    // Reasons, as the skipped step stores them ("autodiscover" in lower case, as it always was).
    expectText(
      text("engine.skipped.because", { reason: text("steps.outlookAnywhere.proxy.noExpr") }),
      "Skipped because autodiscover didn't hand out the Outlook Anywhere (EXPR) settings.",
    );
    expectText(
      text("engine.skipped.because", { reason: text("steps.outlookAnywhere.authenticate.noCredentials") }),
      "Skipped because no user name and password were supplied.",
    );
    expectText(
      text("engine.skipped.because", { reason: text("steps.outlookAnywhere.authMethods.noAnswer") }),
      "Skipped because the client certificate check didn't get an answer to judge.",
    );
  });

  it("Autodiscover's EXPR settings", () => {
    expectText(
      text("steps.outlookAnywhere.expr.noProvider"),
      "Autodiscover returns no EXPR provider: Outlook Anywhere isn't published to clients outside the network, so Outlook has no RPC proxy to connect to.",
    );
    expectText(
      text("steps.outlookAnywhere.expr.found", { server: "mail.contoso.com", principal: "msstd:mail.contoso.com" }),
      "Autodiscover names the Outlook Anywhere server mail.contoso.com, with the principal msstd:mail.contoso.com (CertPrincipalName).",
    );
    expectText(
      text("steps.outlookAnywhere.expr.foundDefault", { server: "mail.contoso.com", principal: "msstd:mail.contoso.com" }),
      "Autodiscover names the Outlook Anywhere server mail.contoso.com, with the principal msstd:mail.contoso.com (no CertPrincipalName: Outlook uses msstd:<server>).",
    );
  });

  it("client certificates: dropped, required, accepted, not observable, not requested", () => {
    expectLocalized(
      judgeClientCertificate({ certificateRequest: { seen: true }, connectionError: "reset" }),
      `The server asked for a client certificate and dropped the connection when none was sent. ${FIX}`,
    );
    expectLocalized(
      judgeClientCertificate({ response: response(403, { body: "403.7 - Client certificate required" }), certificateRequest: { seen: true } }),
      `The server requires a client certificate (HTTP 403.7). ${FIX}`,
    );
    expectLocalized(
      judgeClientCertificate({ response: response(401), certificateRequest: { seen: true } }),
      `The server asks for a client certificate but answered without one (IIS "Client certificates: Accept"). Some clients prompt for a certificate or fail. ${FIX}`,
    );
    const blind = judgeClientCertificate({ response: response(401), certificateRequest: { seen: false, observable: false, reason: "TLS 1.3 not decrypted" } });
    expect(blind.status).toBe("info");
    expectLocalized(
      blind,
      "The server answered without a client certificate (HTTP 401), but whether it asks for one couldn't be observed: TLS 1.3 not decrypted.",
    );
    expectLocalized(
      judgeClientCertificate({ response: response(401), certificateRequest: { seen: false, observable: true } }),
      "Client certificate authentication wasn't detected: the server didn't ask for a client certificate.",
    );
  });

  it("authentication methods: 404, no challenge, another status, found, Negotiate only, missing", () => {
    expectLocalized(
      judgeAuthMethods(response(404), "ntlm"),
      "The server answered 404 Not Found: the RPC over HTTP proxy isn't installed at /rpc/rpcproxy.dll, or Outlook Anywhere isn't enabled.",
    );
    expectLocalized(
      judgeAuthMethods(response(200), "ntlm"),
      "The RPC proxy answered HTTP 200 without asking for authentication; Outlook Anywhere expects 401 with the authentication methods offered.",
    );
    expectLocalized(
      judgeAuthMethods(response(503, { statusText: "Service Unavailable" }), "ntlm"),
      "The RPC proxy answered HTTP 503 Service Unavailable instead of 401 Unauthorized with the authentication methods it accepts.",
    );
    expectLocalized(
      judgeAuthMethods(response(401, { challenges: ["Negotiate", "NTLM", 'Basic realm="mail"'] }), "ntlm"),
      "The analyzer found the expected authentication method NTLM. Methods found: Negotiate, NTLM, Basic.",
    );
    expectLocalized(
      judgeAuthMethods(response(401, { challenges: ["Negotiate"] }), "ntlm"),
      "NTLM isn't offered on its own; Negotiate is, which falls back to NTLM for most clients. Methods found: Negotiate.",
    );
    const none = judgeAuthMethods(response(401), "basic");
    expectLocalized(none, "The authentication method Basic isn't offered by the RPC proxy. Methods found: none.");
    expect(rendered(italian, findingText(none) as LocalizedText)).toContain("Metodi trovati: nessuno");
  });

  it("the answer to the credentials: rejected, pinged, another status", () => {
    expectLocalized(
      judgeAuthentication({ kind: "answered", response: response(401, { statusText: "Unauthorized" }) }, "basic", "Basic"),
      "The server rejected the supplied credentials (HTTP 401) with Basic authentication. Check the user name, the password, and that the account may use Outlook Anywhere.",
    );
    expectLocalized(
      judgeAuthentication({ kind: "answered", response: response(200, { statusText: "OK" }) }, "ntlm", "NTLM"),
      "RPC Proxy was successfully pinged: the server accepted the supplied credentials with NTLM authentication (HTTP 200).",
    );
    expectLocalized(
      judgeAuthentication({ kind: "answered", response: response(502, { statusText: "Bad Gateway" }) }, "ntlm", "NTLM"),
      "After authentication the RPC proxy answered HTTP 502 Bad Gateway.",
    );
  });
});
