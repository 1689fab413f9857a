import { describe, expect, it } from "vitest";
import { judgeJsonV2, type JsonV2Answer } from "@/lib/analyzers/autodiscover/json-v2";
import { judgeAnonymousPost, judgeDiscovery, judgeExprPrincipal, judgePoxAnswer, type PostVerdict } from "@/lib/analyzers/steps/autodiscover/judge";
import { credentialGate } from "@/lib/analyzers/steps/credential-gate";
import { judgeUnanswered } from "@/lib/analyzers/steps/credential-outcome";
import { strictRefusalReason, strictRefusalSentence } from "@/lib/analyzers/steps/pinned-session";
import type { CertificateFacts } from "@/lib/cert/parse";
import { findingText } from "@/lib/engine/finding";
import { text, type LocalizedText } from "@/lib/engine/text";
import { it as italian } from "@/lib/i18n/messages/it";
import type { HttpResponse } from "@/lib/net/http";
import { expectLocalized, expectText, rendered } from "../support/i18n-texts";

/**
 * The Autodiscover search (lib/analyzers/steps/autodiscover/*, lib/analyzers/autodiscover/*) and the shared HTTP
 * credential steps (credential gate, strict refusal, unanswered NTLM, lib/net/http.ts): each text stores the English
 * it stored before it became a catalogue text, word for word, and reads in Italian.
 */

const response = (status: number, headers: Array<[string, string]> = [], statusText = ""): HttpResponse => ({
  status,
  statusText,
  headers,
  body: Buffer.alloc(0),
  bodyTruncated: false,
});
const URL = "https://contoso.com/autodiscover/autodiscover.xml";

describe("the POST to an endpoint", () => {
  it("anonymous: asks for credentials, names no method, redirects, answers another status", () => {
    expectLocalized(
      judgeAnonymousPost(
        response(401, [
          ["www-authenticate", "Negotiate"],
          ["www-authenticate", "NTLM"],
        ]),
        URL,
      )?.finding,
      `The Autodiscover endpoint ${URL} answered 401 and asks for authentication (methods: Negotiate, NTLM): it is there. Supply credentials to see the settings it hands Outlook.`,
    );
    expectLocalized(
      judgeAnonymousPost(response(401), URL)?.finding,
      `${URL} answered 401 without naming any authentication method (no WWW-Authenticate header).`,
    );
    expectLocalized(
      judgeAnonymousPost(response(302, [["location", "https://login.example/"]], "Found"), URL)?.finding,
      `${URL} answered HTTP 302 Found (a redirect to https://login.example/; Outlook doesn't follow redirects of a POST): it isn't an Autodiscover endpoint Outlook can use.`,
    );
    const nowhere = judgeAnonymousPost(response(301), URL)?.finding;
    expectLocalized(
      nowhere,
      `${URL} answered HTTP 301  (a redirect to nowhere; Outlook doesn't follow redirects of a POST): it isn't an Autodiscover endpoint Outlook can use.`,
    );
    expect(rendered(italian, findingText(nowhere!) as LocalizedText)).toContain("nessuna destinazione");
    expectLocalized(
      judgeAnonymousPost(response(404, [], "Not Found"), URL)?.finding,
      `${URL} answered HTTP 404 Not Found: it isn't an Autodiscover endpoint Outlook can use.`,
    );
  });

  it("with credentials: rejected, unreadable, the service's error, redirects and settings", () => {
    expectLocalized(
      judgePoxAnswer(response(401), undefined, URL).finding,
      `${URL} rejected the supplied credentials (HTTP 401). Check the user name, the password, and that the account has a mailbox.`,
    );
    expectLocalized(
      judgePoxAnswer(response(200), { kind: "malformed", reason: "the response body is empty" }, URL).finding,
      `${URL} answered 200, but not with an Autodiscover response Outlook can read: the response body is empty`,
    );
    expectLocalized(
      judgePoxAnswer(response(200), { kind: "error", errorCode: "600", message: "Invalid Request" }, URL).finding,
      "The Autodiscover service answered with error 600: Invalid Request.",
    );
    expectLocalized(
      judgePoxAnswer(response(200), { kind: "error", message: "The e-mail address cannot be found." }, URL).finding,
      "The Autodiscover service answered with error: The e-mail address cannot be found.",
    );
    expectLocalized(
      judgePoxAnswer(response(200), { kind: "error", errorCode: "603" }, URL).finding,
      "The Autodiscover service answered with error 603: no message.",
    );
    expectLocalized(judgePoxAnswer(response(200), { kind: "error" }, URL).finding, "The Autodiscover service answered with error: no message.");
    expectLocalized(
      judgePoxAnswer(response(200), { kind: "redirectAddr", address: "alice@fabrikam.com" }, URL).finding,
      "The Autodiscover service redirects to another address: alice@fabrikam.com.",
    );
    expectLocalized(
      judgePoxAnswer(response(200), { kind: "redirectUrl", url: "https://mail.fabrikam.com/autodiscover/autodiscover.xml" }, URL).finding,
      "The Autodiscover service redirects to another URL: https://mail.fabrikam.com/autodiscover/autodiscover.xml.",
    );
    const protocols = [{ type: "EXCH" }, { type: "EXPR" }, { type: "WEB" }];
    expectLocalized(
      judgePoxAnswer(response(200), { kind: "settings", user: { displayName: "Alice Smith" }, account: {}, protocols }, URL).finding,
      "The Autodiscover service returned the settings for Alice Smith. Protocols: EXCH, EXPR, WEB.",
    );
    const none = judgePoxAnswer(response(200), { kind: "settings", user: {}, account: {}, protocols: [] }, URL).finding;
    expectLocalized(none, "The Autodiscover service returned the settings. Protocols: none.");
    expect(rendered(italian, findingText(none) as LocalizedText)).toContain("Protocolli: nessuno.");
  });

  it("the sentences discover.ts builds on the endpoint's finding", () => {
    const found = judgeAnonymousPost(response(401, [["www-authenticate", "NTLM"]]), URL)!.finding;
    const foundEnglish = found.message;
    const withheld = text("steps.autodiscover.post.withheld", {
      host: "mail.elsewhere.test",
      domain: "contoso.com",
      method: text("steps.autodiscover.method.name.srv"),
    });
    expectText(
      withheld,
      "The credentials weren't sent: mail.elsewhere.test is outside contoso.com and was found by method 4 (SRV record), which anyone able to answer plain HTTP or DNS for the domain could forge; Outlook asks the user before sending credentials there.",
    );
    expectText(text("steps.autodiscover.post.then", { found: findingText(found), then: withheld }), `${foundEnglish} ${withheld.english}`);
    const gate = credentialGate({ certificateTrusted: false, ignoreTrust: false, scheme: "NTLM", method: "ntlm" });
    if (gate.send) throw new Error("the gate should refuse");
    expectText(
      text("steps.autodiscover.post.gateRefused", { found: findingText(found), reason: gate.reason }),
      `${foundEnglish} Skipped sending the credentials because ${gate.reason.english}`,
    );
    const refusal = strictRefusalSentence(text("steps.tls.errors.certificateRefused", { code: "CERT_HAS_EXPIRED" }));
    expectText(text("steps.autodiscover.post.then", { found: findingText(found), then: refusal }), `${foundEnglish} ${refusal.english}`);
    expectText(
      text("steps.autodiscover.post.incomplete", {
        url: URL,
        method: "NTLM",
        why: text("steps.autodiscover.post.why.malformedChallenge", { reason: "too short" }),
      }),
      `${URL} didn't complete NTLM authentication: its NTLM challenge couldn't be read (too short).`,
    );
  });
});

describe("the search's steps and outcome", () => {
  it("method titles, skip reasons and summaries", () => {
    expectText(
      text("steps.autodiscover.method.titleUrl", { url: "https://autodiscover.contoso.com/autodiscover/autodiscover.xml" }),
      "Attempting to test potential Autodiscover URL https://autodiscover.contoso.com/autodiscover/autodiscover.xml.",
    );
    expectText(
      text("steps.autodiscover.method.titleHttpRedirect", { url: "http://autodiscover.contoso.com/autodiscover/autodiscover.xml" }),
      "Attempting to contact the Autodiscover service using the HTTP redirect method (http://autodiscover.contoso.com/autodiscover/autodiscover.xml).",
    );
    expectText(
      text("steps.autodiscover.method.titleSrv", { name: "_autodiscover._tcp.contoso.com" }),
      "Attempting to contact the Autodiscover service using the DNS SRV redirect method (_autodiscover._tcp.contoso.com).",
    );
    expectText(
      text("engine.skipped.because", { reason: text("steps.autodiscover.method.skipped", { number: 1 }) }),
      "Skipped because method 1 succeeded, so this one wasn't attempted.",
    );
    expectText(text("steps.autodiscover.method.summary.tryNext"), "This method didn't find Autodiscover; Outlook tries the next one.");
    expectText(
      text("steps.autodiscover.httpRedirect.notHttps", { location: text("steps.common.none") }),
      "The redirect points to none, which isn't an https URL: Outlook follows only a 302 to https.",
    );
    expectText(text("steps.autodiscover.srv.ok", { host: "mail.contoso.com", port: 443 }), "The SRV record points to mail.contoso.com, port 443.");
    expectText(text("steps.autodiscover.redirect.loop", { max: 10 }), "More than 10 Autodiscover redirects in a row: a redirect loop. Outlook gives up too.");
    expectText(
      text("engine.skipped.because", { reason: text("steps.autodiscover.expr.notObtained") }),
      "Skipped because the EXPR server's certificate couldn't be obtained.",
    );
  });

  it("nothing found, found but refused or broken, and found", () => {
    expectLocalized(
      judgeDiscovery(undefined, "contoso.com", [], { url: URL, reason: "the XML has a DTD." }),
      `No method got usable settings: ${URL} accepted the credentials but answered with something that isn't an Autodiscover response: the XML has a DTD.`,
    );
    expectLocalized(
      judgeDiscovery(undefined, "contoso.com", [
        URL,
        text("steps.autodiscover.path.httpRedirect", { url: "http://autodiscover.contoso.com/autodiscover/autodiscover.xml" }),
        text("steps.autodiscover.path.srv", { name: "_autodiscover._tcp.contoso.com" }),
      ]),
      `None of the methods Outlook uses found an Autodiscover service for contoso.com: ${URL}, the HTTP redirect from http://autodiscover.contoso.com/autodiscover/autodiscover.xml, the SRV record _autodiscover._tcp.contoso.com. Outlook can't set up this mailbox automatically.`,
    );
    const methodText = text("steps.autodiscover.method.name.httpRedirect");
    const found = (verdict: Extract<PostVerdict, { found: true }>) => ({ url: URL, method: methodText.english, methodText, verdict });
    const where = `${URL} (method 3 (HTTP redirect))`;
    expectLocalized(
      judgeDiscovery(found({ found: true, needsCredentials: true, credentialsRejected: true }), "contoso.com", []),
      `Autodiscover was found at ${where}, but it rejected the supplied credentials.`,
    );
    expectLocalized(
      judgeDiscovery(found({ found: true, needsCredentials: true, exchangeFailed: text("steps.autodiscover.post.why.noChallenge") }), "contoso.com", []),
      `Autodiscover was found at ${where}, but authentication didn't complete: no NTLM challenge came back.`,
    );
    const withheld = text("steps.autodiscover.post.withheld", { host: "mail.elsewhere.test", domain: "contoso.com", method: methodText });
    expectLocalized(
      judgeDiscovery(found({ found: true, needsCredentials: true, credentialsWithheld: withheld }), "contoso.com", []),
      `Autodiscover was found at ${where}. ${withheld.english}`,
    );
    expectLocalized(
      judgeDiscovery(found({ found: true, needsCredentials: true }), "contoso.com", []),
      `Autodiscover was found at ${where}; it needs credentials to hand out settings.`,
    );
    expectLocalized(
      judgeDiscovery(found({ found: true, answer: { kind: "error", errorCode: "500", message: "The e-mail address cannot be found." } }), "contoso.com", []),
      `Autodiscover was found at ${where}, but it answered with error 500: The e-mail address cannot be found.`,
    );
    expectLocalized(
      judgeDiscovery(found({ found: true, answer: { kind: "error" } }), "contoso.com", []),
      `Autodiscover was found at ${where}, but it answered with error: no message.`,
    );
    expectLocalized(
      judgeDiscovery(found({ found: true, answer: { kind: "settings", user: {}, account: {}, protocols: [] } }), "contoso.com", []),
      `Autodiscover was found at ${where}.`,
    );
    // A method given as plain English (older callers) stays as it is.
    expect(judgeDiscovery({ url: URL, method: "method 1", verdict: { found: true, needsCredentials: true } }, "contoso.com", []).message).toBe(
      `Autodiscover was found at ${URL} (method 1); it needs credentials to hand out settings.`,
    );
  });
});

describe("the EXPR principal", () => {
  const cert = (commonNames: string[], dnsNames: string[]) => ({ subjectCommonNames: commonNames, dnsNames }) as unknown as CertificateFacts;

  it("no server, a match, a SAN-only match, and mismatches with and without a fix", () => {
    expectLocalized(
      judgeExprPrincipal({ type: "EXPR" }, cert(["mail.contoso.com"], [])),
      "The EXPR provider names no server, so Outlook can't use Outlook Anywhere.",
    );
    expectLocalized(
      judgeExprPrincipal(
        { type: "EXPR", server: "mail.contoso.com", certPrincipalName: "msstd:mail.contoso.com" },
        cert(["mail.contoso.com"], ["mail.contoso.com"]),
      ),
      "The certificate of mail.contoso.com matches Autodiscover's EXPR CertPrincipalName msstd:mail.contoso.com. Mutual authentication was verified successfully. Certificate common name mail.contoso.com matches msstd:mail.contoso.com.",
    );
    expectLocalized(
      judgeExprPrincipal({ type: "EXPR", server: "owa.contoso.com" }, cert(["mail.contoso.com"], ["mail.contoso.com", "owa.contoso.com"])),
      "Certificate Subject Alternative Name owa.contoso.com matches msstd:owa.contoso.com, but the common name (mail.contoso.com) doesn't. Outlook on Windows Vista and later accepts a Subject Alternative Name match; older clients require the common name to match. (Checked: the principal Outlook derives from the EXPR server (msstd:owa.contoso.com; Autodiscover sends no CertPrincipalName).)",
    );
    const mismatch = judgeExprPrincipal(
      { type: "EXPR", server: "mail.contoso.com", certPrincipalName: "msstd:other.contoso.com" },
      cert(["mail.contoso.com"], ["mail.contoso.com"]),
    );
    expect(mismatch.message).toMatch(
      /^The certificate of mail\.contoso\.com doesn't match Autodiscover's EXPR CertPrincipalName msstd:other\.contoso\.com: Outlook refuses to connect\. Fix: Set-OutlookProvider EXPR -CertPrincipalName:"msstd:mail\.contoso\.com"\. The certificate common name mail\.contoso\.com doesn't validate/,
    );
    expectLocalized(mismatch, mismatch.message);
    const noCommonName = judgeExprPrincipal(
      { type: "EXPR", server: "mail.contoso.com", certPrincipalName: "msstd:other.contoso.com" },
      cert([], ["mail.contoso.com"]),
    );
    expect(noCommonName.message).toMatch(/: Outlook refuses to connect\. The certificate common name \(none\) doesn't validate/);
    expectLocalized(noCommonName, noCommonName.message);
  });
});

describe("the JSON Autodiscover v2 endpoint", () => {
  const ENDPOINT = "https://autodiscover.contoso.com/autodiscover/autodiscover.json";

  it("answers with URLs, or gives none for every reason", () => {
    const served: JsonV2Answer[] = [
      { protocol: "EWS", status: 200, url: "https://mail.contoso.com/EWS/Exchange.asmx" },
      { protocol: "ActiveSync", status: 200, url: "https://mail.contoso.com/Microsoft-Server-ActiveSync" },
    ];
    expectLocalized(
      judgeJsonV2(ENDPOINT, served),
      `The JSON Autodiscover v2 endpoint ${ENDPOINT} answers. EWS: https://mail.contoso.com/EWS/Exchange.asmx; ActiveSync: https://mail.contoso.com/Microsoft-Server-ActiveSync.`,
    );
    const none: JsonV2Answer[] = [
      { protocol: "EWS", status: 302, location: "https://login.example/" },
      { protocol: "ActiveSync", status: 301 },
      { protocol: "EWS", status: 200, unreadable: "not JSON" },
      { protocol: "EWS", status: 200, unreadable: "no Url in the JSON answer" },
      { protocol: "EWS", status: 200, unreadable: "larger than 262144 bytes" },
      { protocol: "ActiveSync", status: 404 },
    ];
    const finding = judgeJsonV2(ENDPOINT, none);
    expect(finding.status).toBe("info");
    expectLocalized(
      finding,
      `The JSON Autodiscover v2 endpoint ${ENDPOINT} gave no URL (EWS: HTTP 302, redirected to https://login.example/; ActiveSync: HTTP 301, redirected to nowhere; EWS: an answer that couldn't be read (not JSON); EWS: an answer that couldn't be read (no Url in the JSON answer); EWS: an answer that couldn't be read (larger than 262144 bytes); ActiveSync: HTTP 404). Exchange before 2019 CU1 has no such endpoint; current Outlook then uses the XML one tested above.`,
    );
    const inItalian = rendered(italian, findingText(finding) as LocalizedText);
    expect(inItalian).toContain("(non è JSON)");
    expect(inItalian).toContain("nessun Url nella risposta JSON");
    expect(inItalian).toContain("(più grande di 262144 byte)");
  });
});

describe("the shared HTTP credential steps", () => {
  it("the credential gate: untrusted, untrusted but ignored, no scheme", () => {
    const reasons = [
      credentialGate({ certificateTrusted: false, ignoreTrust: false, scheme: "NTLM", method: "ntlm" }),
      credentialGate({ certificateTrusted: false, ignoreTrust: true, scheme: "NTLM", method: "ntlm" }),
      credentialGate({ certificateTrusted: true, ignoreTrust: false, scheme: undefined, method: "basic" }),
    ].map((gate) => (gate.send ? undefined : gate.reason));
    expectText(
      reasons[0],
      "the credentials weren't sent: the certificate failed a check Outlook makes (trust, name, dates or usage), and Outlook never sends a password over such a connection.",
    );
    expectText(
      reasons[1],
      `the credentials weren't sent: "Ignore trust for SSL" turned certificate errors into warnings, but Outlook would refuse this certificate (its trust, name, dates or usage), so it would never send a password over this connection.`,
    );
    expectText(reasons[2], "the server doesn't offer Basic authentication, so the credentials weren't sent.");
    expectText(
      text("engine.skipped.because", { reason: reasons[2]! }),
      "Skipped because the server doesn't offer Basic authentication, so the credentials weren't sent.",
    );
  });

  it("the strict refusal: as a catalogue text or plain English, for Outlook and for a device, as a reason and as a sentence", () => {
    const refused = text("steps.tls.errors.certificateRefused", { code: "CERT_HAS_EXPIRED" });
    const strict = "a connection made as strictly as Outlook's (TLS 1.2 or later, default security, certificate verified by OpenSSL) was refused";
    const reason = strictRefusalReason(refused);
    expectText(reason, `the credentials weren't sent: ${strict}: OpenSSL refused the server's certificate (CERT_HAS_EXPIRED).`);
    expectText(
      text("engine.skipped.because", { reason }),
      `Skipped because the credentials weren't sent: ${strict}: OpenSSL refused the server's certificate (CERT_HAS_EXPIRED).`,
    );
    expect(rendered(italian, reason)).toContain("OpenSSL ha rifiutato");
    expectText(
      strictRefusalReason("OpenSSL refused the server's certificate (X)."),
      `the credentials weren't sent: ${strict}: OpenSSL refused the server's certificate (X).`,
    );
    expectText(strictRefusalReason("some refusal"), `the credentials weren't sent: ${strict}: some refusal`);
    expectText(
      strictRefusalReason(refused, "a device's"),
      "the credentials weren't sent: a connection made as strictly as a device's (TLS 1.2 or later, default security, certificate verified by OpenSSL) was refused: OpenSSL refused the server's certificate (CERT_HAS_EXPIRED).",
    );
    expectText(strictRefusalSentence(refused), `The credentials weren't sent: ${strict}: OpenSSL refused the server's certificate (CERT_HAS_EXPIRED).`);
    expectText(strictRefusalSentence("some refusal"), `The credentials weren't sent: ${strict}: some refusal`);
  });

  it("an NTLM exchange that got no answer", () => {
    expectLocalized(judgeUnanswered({ kind: "no-challenge", status: 401 }), "The server didn't answer the NTLM negotiation with a challenge (HTTP 401).");
    expectLocalized(
      judgeUnanswered({ kind: "no-challenge", status: 400 }, "OPTIONS request"),
      "The server didn't answer the NTLM negotiation of the OPTIONS request with a challenge (HTTP 400).",
    );
    expectLocalized(judgeUnanswered({ kind: "malformed-challenge", reason: "too short" }), "The server's NTLM challenge is malformed: too short");
    expectLocalized(
      judgeUnanswered({ kind: "connection-changed" }),
      "The server closed the connection between the NTLM challenge and the answer; NTLM needs both on one kept-alive connection (check load balancers and proxies in front of the server).",
    );
  });

  it("the HTTP layer's errors and the pinned session's certificate change", () => {
    expectText(text("steps.http.errors.timeout", { ms: 10000 }), "No complete HTTP response within 10000 ms.");
    expectText(text("steps.http.errors.headersTooLarge", { bytes: 16384 }), "The server's HTTP headers exceed 16384 bytes.");
    expectText(text("steps.http.errors.invalid", { code: "HPE_INVALID_CONSTANT" }), "The server's answer isn't valid HTTP (HPE_INVALID_CONSTANT).");
    expectText(text("steps.http.errors.closed"), "The server closed the connection before answering the HTTP request.");
    expectText(text("steps.http.errors.failed", { reason: "ECONNREFUSED" }), "The HTTP request failed (ECONNREFUSED).");
    expectText(
      text("steps.http.pinned.otherCertificate", { host: "mail.contoso.com", presented: text("steps.common.none"), expected: "AB12" }),
      "A new connection to mail.contoso.com presented a different certificate (SHA-256 none) from the one validated (AB12); nothing was sent over it.",
    );
  });
});
