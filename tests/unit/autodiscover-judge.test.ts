import { describe, expect, it } from "vitest";
import { TestInputSchema } from "@/lib/analyzers/catalog";
import { judgeAnonymousPost, judgeDiscovery, judgeExprPrincipal, judgePoxAnswer } from "@/lib/analyzers/steps/autodiscover/judge";
import type { CertificateFacts } from "@/lib/cert/parse";
import type { HttpResponse } from "@/lib/net/http";

const response = (status: number, headers: Array<[string, string]> = []): HttpResponse => ({
  status,
  statusText: "",
  headers,
  body: Buffer.alloc(0),
  bodyTruncated: false,
});
const cert = (commonName: string, dnsNames: string[] = [commonName]) => ({ subjectCommonNames: [commonName], dnsNames }) as unknown as CertificateFacts;
const URL = "https://contoso.com/autodiscover/autodiscover.xml";

describe("the Autodiscover input", () => {
  it("takes an e-mail address, canonicalising its domain, and names the field when it isn't one", () => {
    expect(TestInputSchema.parse({ test: "autodiscover", emailAddress: " Alice@Contoso.COM " })).toMatchObject({
      emailAddress: "Alice@contoso.com",
      ignoreTrust: false,
    });
    for (const bad of ["alice", "alice@", "@contoso.com", "alice@127.0.0.1", "al ice@contoso.com", "alice@https://contoso.com"]) {
      const parsed = TestInputSchema.safeParse({ test: "autodiscover", emailAddress: bad });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({ path: ["emailAddress"], message: "Enter an e-mail address, like user@contoso.com." });
    }
  });
});

describe("what an endpoint's answer means", () => {
  it("a 401 with methods proves the endpoint; without methods, or any other status, it's not one Outlook can use", () => {
    expect(judgeAnonymousPost(response(401, [["www-authenticate", "NTLM"]]), URL)).toMatchObject({ finding: { status: "success" }, verdict: { found: true } });
    expect(judgeAnonymousPost(response(401), URL)).toMatchObject({ finding: { problem: "HTTP_UNEXPECTED_STATUS" }, verdict: { found: false } });
    const redirect = judgeAnonymousPost(response(302, [["location", "https://login.example/"]]), URL);
    expect(redirect?.finding.message).toContain("Outlook doesn't follow redirects of a POST");
    expect(judgeAnonymousPost(response(200), URL)).toBeUndefined();
  });

  it("an Autodiscover error is found-but-broken, malformed XML is not found", () => {
    expect(judgePoxAnswer(response(200), { kind: "error", errorCode: "600", message: "Invalid Request" }, URL)).toMatchObject({
      finding: { problem: "AUTODISCOVER_BAD_RESPONSE", message: "The Autodiscover service answered with error 600: Invalid Request." },
      verdict: { found: true },
    });
    expect(judgePoxAnswer(response(200), { kind: "malformed", reason: "a DTD." }, URL)).toMatchObject({ verdict: { found: false } });
  });
});

describe("the search's outcome", () => {
  it("is an error when nothing was found, or when what was found refused the credentials or answered an error", () => {
    expect(judgeDiscovery(undefined, "contoso.com", ["a", "b"])).toMatchObject({ status: "error", problem: "AUTODISCOVER_NOT_FOUND" });
    // An endpoint that took the credentials and answered garbage is the problem to name, not "not found"
    expect(judgeDiscovery(undefined, "contoso.com", [], { url: URL, reason: "the XML has a DTD." })).toMatchObject({
      problem: "AUTODISCOVER_BAD_RESPONSE",
      message: expect.stringContaining("the XML has a DTD."),
    });
    expect(
      judgeDiscovery({ url: URL, method: "method 1", verdict: { found: true, needsCredentials: true, credentialsRejected: true } }, "contoso.com", []),
    ).toMatchObject({ problem: "LOGIN_FAILED" });
    expect(judgeDiscovery({ url: URL, method: "method 1", verdict: { found: true, needsCredentials: true } }, "contoso.com", []).status).toBe("success");
  });
});

describe("the EXPR principal against the EXPR server's certificate", () => {
  it("matches CertPrincipalName literally against the certificate's common name", () => {
    expect(judgeExprPrincipal({ type: "EXPR", server: "mail.contoso.com", certPrincipalName: "msstd:mail.contoso.com" }, cert("mail.contoso.com")).status).toBe(
      "success",
    );
  });

  it("gives the Set-OutlookProvider fix on a mismatch", () => {
    const finding = judgeExprPrincipal({ type: "EXPR", server: "mail.contoso.com", certPrincipalName: "msstd:owa.contoso.com" }, cert("mail.contoso.com"));
    expect(finding).toMatchObject({ status: "error", problem: "AUTODISCOVER_PRINCIPAL_MISMATCH" });
    expect(finding.message).toContain('Set-OutlookProvider EXPR -CertPrincipalName:"msstd:mail.contoso.com"');
  });

  it("uses msstd:<server> without a CertPrincipalName, and warns on a Subject Alternative Name match", () => {
    expect(judgeExprPrincipal({ type: "EXPR", server: "mail.contoso.com" }, cert("mail.contoso.com")).message).toContain("msstd:mail.contoso.com");
    const san = judgeExprPrincipal({ type: "EXPR", server: "owa.contoso.com" }, cert("mail.contoso.com", ["mail.contoso.com", "owa.contoso.com"]));
    expect(san).toMatchObject({ status: "warning", problem: "AUTODISCOVER_PRINCIPAL_MISMATCH" });
  });
});
