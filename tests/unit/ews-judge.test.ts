import { describe, expect, it } from "vitest";
import { ewsUrlFromSettings, judgeAuthMethods, judgeEwsUrl, judgeGetFolder, judgeNtlmIdentity, productName } from "@/lib/analyzers/ews/judge";
import type { Discovery } from "@/lib/analyzers/steps/autodiscover/discover";
import type { PoxSettings } from "@/lib/analyzers/steps/autodiscover/judge";
import type { HttpResponse } from "@/lib/net/http";
import { ewsErrorXml, getFolderResponseXml, soapFaultXml } from "../support/ews-server";

const response = (status: number, headers: Array<[string, string]> = [], body = "", statusText = ""): HttpResponse => ({
  status,
  statusText,
  headers,
  body: Buffer.from(body),
  bodyTruncated: false,
});
const AUTODISCOVER = "https://autodiscover.contoso.com/autodiscover/autodiscover.xml";
const EWS = "https://mail.contoso.com/EWS/Exchange.asmx";

function settings(protocols: PoxSettings["protocols"]): PoxSettings {
  return { kind: "settings", user: {}, account: {}, protocols };
}
function found(verdict: Discovery["verdict"]): Discovery {
  return { url: AUTODISCOVER, method: "method 2", emailAddress: "jdoe@contoso.com", verdict };
}

describe("the EWS URL from Autodiscover", () => {
  it("prefers the external (EXPR) URL, then the internal (EXCH) one", () => {
    const both = settings([
      { type: "EXCH", ewsUrl: "https://ex01.contoso.local/EWS/Exchange.asmx" },
      { type: "EXPR", ewsUrl: EWS },
    ]);
    expect(ewsUrlFromSettings(both)).toEqual({ url: EWS, provider: "EXPR" });
    expect(ewsUrlFromSettings(settings([{ type: "EXCH", ewsUrl: EWS }, { type: "EXPR" }]))).toEqual({ url: EWS, provider: "EXCH" });
    expect(ewsUrlFromSettings(settings([{ type: "WEB" }]))).toBeUndefined();
  });

  it("tests the URL the settings name, and says when it is only the internal one", () => {
    const external = judgeEwsUrl(found({ found: true, answer: settings([{ type: "EXPR", ewsUrl: "https://mail.contoso.com:8443/ews/exchange.asmx" }]) }), true);
    expect(external).toMatchObject({
      kind: "found",
      url: { host: "mail.contoso.com", port: 8443, path: "/ews/exchange.asmx" },
      finding: { status: "success" },
    });
    const internal = judgeEwsUrl(found({ found: true, answer: settings([{ type: "EXCH", ewsUrl: EWS }]) }), true);
    expect(internal).toMatchObject({ kind: "found", finding: { status: "success", message: expect.stringContaining("EXCH: the internal URL") } });
  });

  it("is an Autodiscover problem when the settings have no EWS URL, or one that isn't https", () => {
    expect(judgeEwsUrl(found({ found: true, answer: settings([{ type: "EXPR" }]) }), true)).toMatchObject({
      kind: "missing",
      finding: { status: "error", problem: "AUTODISCOVER_BAD_RESPONSE", message: expect.stringContaining("Set-WebServicesVirtualDirectory") },
    });
    expect(judgeEwsUrl(found({ found: true, answer: settings([{ type: "EXPR", ewsUrl: "http://mail.contoso.com/EWS/Exchange.asmx" }]) }), true)).toMatchObject({
      kind: "missing",
      finding: { problem: "AUTODISCOVER_BAD_RESPONSE", message: expect.stringContaining("isn't an https URL") },
    });
  });

  it("without settings, tries EWS beside Autodiscover and says why", () => {
    const fallback = { kind: "found", url: { host: "autodiscover.contoso.com", port: 443, path: "/EWS/Exchange.asmx" }, finding: { status: "info" } };
    const anonymous = judgeEwsUrl(found({ found: true, needsCredentials: true }), false);
    expect(anonymous).toMatchObject(fallback);
    expect(anonymous.kind === "found" && anonymous.finding.message).toContain(
      "no credentials were supplied: trying https://autodiscover.contoso.com/EWS/Exchange.asmx",
    );
    const withheld = judgeEwsUrl(found({ found: true, needsCredentials: true }), true);
    expect(withheld.kind === "found" && withheld.finding.message).toContain("The credentials weren't sent to Autodiscover");
    const rejected = judgeEwsUrl(found({ found: true, needsCredentials: true, credentialsRejected: true }), true);
    expect(rejected.kind === "found" && rejected.finding.message).toContain("Autodiscover rejected the supplied credentials");
  });

  it("names no URL when Autodiscover wasn't found or answered an error", () => {
    // A reason follows "Skipped because": in lower case, as the step has always stored it.
    expect(judgeEwsUrl(undefined, true)).toMatchObject({ kind: "unknown", reason: { english: "autodiscover wasn't found, so it named no EWS URL." } });
    expect(judgeEwsUrl(found({ found: true, answer: { kind: "error", errorCode: "500" } }), true)).toMatchObject({ kind: "unknown" });
  });
});

describe("the anonymous request", () => {
  it("expects 401 with the chosen method, and lists the methods found", () => {
    const all = response(401, [
      ["www-authenticate", "Negotiate"],
      ["www-authenticate", "NTLM"],
      ["www-authenticate", 'Basic realm="mail.contoso.com"'],
    ]);
    expect(judgeAuthMethods(all, "ntlm", EWS)).toMatchObject({ status: "success", details: { methodsFound: ["Negotiate", "NTLM", "Basic"] } });
    expect(judgeAuthMethods(response(401, [["www-authenticate", "Negotiate"]]), "ntlm", EWS)).toMatchObject({
      status: "warning",
      problem: "HTTP_AUTH_METHOD_MISSING",
    });
    expect(judgeAuthMethods(response(401, [["www-authenticate", "Negotiate"]]), "basic", EWS)).toMatchObject({
      status: "error",
      problem: "HTTP_AUTH_METHOD_MISSING",
    });
    expect(judgeAuthMethods(response(401), "basic", EWS).message).toContain("Methods found: none.");
  });

  it("says EWS isn't published on a 404, and names a redirect's target", () => {
    expect(judgeAuthMethods(response(404), "ntlm", EWS)).toMatchObject({
      problem: "HTTP_UNEXPECTED_STATUS",
      message: expect.stringContaining(`EWS isn't published at ${EWS}`),
    });
    const redirect = judgeAuthMethods(response(302, [["location", "https://login.contoso.com/\u001b[31m"]], "", "Found"), "ntlm", EWS);
    expect(redirect).toMatchObject({ status: "error", problem: "HTTP_UNEXPECTED_STATUS" });
    expect(redirect.message).toContain("a redirect to https://login.contoso.com/\uFFFD[31m; EWS clients don't follow redirects");
    expect(judgeAuthMethods(response(200), "ntlm", EWS)).toMatchObject({ status: "warning", problem: "HTTP_UNEXPECTED_STATUS" });
  });
});

describe("the server's NTLM identity", () => {
  it("names the computer, the domain and the Windows version", () => {
    const finding = judgeNtlmIdentity(
      {
        targetName: "CONTOSO",
        netbiosDomain: "CONTOSO",
        netbiosComputer: "EX02",
        dnsDomain: "contoso.com",
        dnsComputer: "ex02.contoso.com",
        osVersion: "10.0.17763 (NTLM revision 15)",
      },
      "Negotiate",
    );
    expect(finding).toMatchObject({ status: "info", details: { scheme: "Negotiate", ntlmServer: expect.objectContaining({ netbiosComputer: "EX02" }) } });
    expect(finding.message).toBe(
      "The server's NTLM challenge (Negotiate) names the computer EX02 (ex02.contoso.com) in the domain CONTOSO (contoso.com), Windows version 10.0.17763 (NTLM revision 15).",
    );
    expect(judgeNtlmIdentity({}, "NTLM").message).toBe("The server's NTLM challenge (NTLM) names no computer or domain.");
    expect(judgeNtlmIdentity(undefined, "NTLM")).toMatchObject({ status: "info", message: expect.stringContaining("didn't answer") });
  });
});

describe("GetFolder with credentials", () => {
  const answered = (status: number, body: string, truncated = false) =>
    ({ kind: "answered", response: { ...response(status, [], body), bodyTruncated: truncated } }) as const;

  it("shows the Inbox, its counts and the Exchange version", () => {
    const finding = judgeGetFolder(answered(200, getFolderResponseXml({ totalCount: 1, unreadCount: 0 })), "ntlm", "NTLM");
    expect(finding).toMatchObject({ status: "success", details: expect.objectContaining({ method: "NTLM", scheme: "NTLM", responseCode: "NoError" }) });
    expect(finding.message).toBe(
      'The server accepted the supplied credentials (NTLM authentication) and EWS answered GetFolder: the Inbox ("Inbox") holds 1 item, 0 unread. The server runs Exchange Server 2019 (15.2.1118.7, schema V2017_07_11).',
    );
  });

  it("a 401 is a failed sign-in; so is EWS's ErrorAccessDenied, as a message or a fault", () => {
    expect(judgeGetFolder(answered(401, ""), "basic", "Basic")).toMatchObject({ status: "error", problem: "LOGIN_FAILED" });
    expect(judgeGetFolder(answered(200, ewsErrorXml("ErrorAccessDenied", "Access is denied.")), "basic", "Basic")).toMatchObject({ problem: "LOGIN_FAILED" });
    expect(judgeGetFolder(answered(500, soapFaultXml("ErrorAccessDenied", "Access is denied.")), "basic", "Basic")).toMatchObject({ problem: "LOGIN_FAILED" });
  });

  it("any other EWS error, fault, status or body is an unexpected answer, with EWS's own words", () => {
    const missing = judgeGetFolder(
      answered(200, ewsErrorXml("ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.")),
      "basic",
      "Basic",
    );
    expect(missing).toMatchObject({
      problem: "HTTP_UNEXPECTED_STATUS",
      details: expect.objectContaining({ responseClass: "Error", responseCode: "ErrorNonExistentMailbox" }),
    });
    expect(missing.message).toContain("error ErrorNonExistentMailbox: The SMTP address has no mailbox associated with it. No mailbox has this address");
    expect(judgeGetFolder(answered(500, soapFaultXml("ErrorServerBusy", "The server cannot service this request right now.")), "basic", "Basic")).toMatchObject(
      {
        problem: "HTTP_UNEXPECTED_STATUS",
        message: expect.stringContaining("SOAP fault, ErrorServerBusy: The server cannot service this request right now. The server is throttling"),
      },
    );
    expect(judgeGetFolder(answered(403, ""), "basic", "Basic").message).toContain("EWS may be blocked for this account");
    expect(judgeGetFolder(answered(200, getFolderResponseXml(), true), "basic", "Basic").message).toContain("larger than");
    expect(judgeGetFolder(answered(500, "<html><body>Runtime Error</body></html>"), "basic", "Basic")).toMatchObject({ problem: "HTTP_UNEXPECTED_STATUS" });
  });

  it("judges the NTLM exchange itself when it didn't get to an answer", () => {
    expect(judgeGetFolder({ kind: "no-challenge", status: 401 }, "ntlm", "NTLM")).toMatchObject({ problem: "HTTP_AUTH_METHOD_MISSING" });
    expect(judgeGetFolder({ kind: "malformed-challenge", reason: "truncated" }, "ntlm", "NTLM")).toMatchObject({ problem: "HTTP_UNEXPECTED_STATUS" });
    expect(judgeGetFolder({ kind: "connection-changed" }, "ntlm", "NTLM")).toMatchObject({ problem: "HTTP_UNEXPECTED_STATUS" });
  });

  it("names the product from the version numbers", () => {
    expect(productName({ majorVersion: 15, minorVersion: 2, majorBuildNumber: 2562 })).toBe("Exchange Server Subscription Edition");
    expect(productName({ majorVersion: 15, minorVersion: 20, majorBuildNumber: 7000 })).toBe("Exchange Online");
    expect(productName({ majorVersion: 15, minorVersion: 1 })).toBe("Exchange Server 2016");
    expect(productName({ majorVersion: 14, minorVersion: 3 })).toBe("Exchange Server 2010");
    expect(productName({ majorVersion: 99 })).toBeUndefined();
  });
});
