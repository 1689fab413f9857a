import { describe, expect, it } from "vitest";
import { judgeAuthMethods, judgeEwsUrl, judgeGetFolder, judgeNtlmIdentity } from "@/lib/analyzers/ews/judge";
import { en as ewsMessages } from "@/lib/analyzers/ews/messages";
import type { Discovery } from "@/lib/analyzers/steps/autodiscover/discover";
import type { PoxSettings } from "@/lib/analyzers/steps/autodiscover/judge";
import { findingText } from "@/lib/engine/finding";
import { isLocalized, text, type LocalizedText, type Text } from "@/lib/engine/text";
import { it as italian } from "@/lib/i18n/messages/it";
import type { HttpResponse } from "@/lib/net/http";
import { LIMITS } from "@/lib/net/limits";
import { ewsErrorXml, getFolderResponseXml, soapFaultXml } from "../support/ews-server";
import { expectLocalized, expectText, rendered } from "../support/i18n-texts";

/**
 * The EWS step texts (lib/analyzers/ews/*): each stores the English it stored before it became a catalogue text,
 * word for word, and reads in Italian.
 */

/** What a skipped step stores for a reason. */
const skipped = (reason: Text) => (isLocalized(reason) ? text("engine.skipped.because", { reason }) : reason);

const response = (
  status: number,
  options: { statusText?: string; headers?: Array<[string, string]>; body?: string; truncated?: boolean } = {},
): HttpResponse => ({
  status,
  statusText: options.statusText ?? "",
  headers: options.headers ?? [],
  body: Buffer.from(options.body ?? ""),
  bodyTruncated: options.truncated ?? false,
});
const answered = (status: number, body: string, options: { statusText?: string; truncated?: boolean } = {}) =>
  ({ kind: "answered", response: response(status, { ...options, body }) }) as const;
const getFolder = (status: number, body: string, options: { statusText?: string; truncated?: boolean } = {}) =>
  judgeGetFolder(answered(status, body, options), "ntlm", "NTLM");

/** A GetFolder answer of one response message, with ServerVersionInfo attributes when given. */
function soap(responseClass: string | undefined, inner: string, version?: string): string {
  const header = version === undefined ? "" : `<s:Header><h:ServerVersionInfo xmlns:h="t" ${version}/></s:Header>`;
  const classAttribute = responseClass === undefined ? "" : ` ResponseClass="${responseClass}"`;
  return (
    `<s:Envelope xmlns:s="s">${header}<s:Body><m:GetFolderResponse xmlns:m="m" xmlns:t="t"><m:ResponseMessages>` +
    `<m:GetFolderResponseMessage${classAttribute}>${inner}</m:GetFolderResponseMessage></m:ResponseMessages></m:GetFolderResponse></s:Body></s:Envelope>`
  );
}
const folder = (fields: string) => `<m:Folders><t:Folder>${fields}</t:Folder></m:Folders>`;

const AUTODISCOVER = "https://autodiscover.contoso.com/autodiscover/autodiscover.xml";
const EWS = "https://mail.contoso.com/EWS/Exchange.asmx";
const settings = (protocols: PoxSettings["protocols"]): PoxSettings => ({ kind: "settings", user: {}, account: {}, protocols });
const found = (verdict: Discovery["verdict"]): Discovery => ({ url: AUTODISCOVER, method: "method 2", emailAddress: "jdoe@contoso.com", verdict });

describe("EWS step texts", () => {
  it("titles and reasons", () => {
    expectText(text("steps.ews.autodiscover.title"), "Attempting to find the EWS URL through Autodiscover.");
    expectText(text("steps.ews.autodiscover.summary.success"), "Autodiscover was found and answered.");
    expectText(text("steps.ews.autodiscover.summary.warning"), "Autodiscover was found, with warnings.");
    expectText(text("steps.ews.autodiscover.summary.error"), "Autodiscover failed: see the failed step.");
    expectText(text("steps.ews.url.title"), "Determining the EWS URL from the Autodiscover response.");
    expectText(text("steps.ews.authMethods.title", { url: EWS }), `Testing HTTP Authentication Methods for URL ${EWS}.`);
    expectText(text("steps.ews.authMethods.titleNoUrl"), "Testing HTTP Authentication Methods for the EWS URL.");
    expectText(text("steps.ews.ntlm.title"), "Reading the server's identity from its NTLM challenge.");
    expectText(
      text("steps.ews.getFolder.title", { method: "NTLM" }),
      "Attempting to get the Inbox folder with an EWS GetFolder request, using the supplied credentials (NTLM authentication).",
    );
    expectText(
      text("steps.ews.getFolder.titleMailbox", { emailAddress: "jdoe@contoso.com", method: "Basic" }),
      "Attempting to get the Inbox folder of jdoe@contoso.com with an EWS GetFolder request, using the supplied credentials (Basic authentication).",
    );
    expectText(skipped(text("steps.ews.url.noEwsUrl")), "Skipped because there is no EWS URL to test.");
    expectText(skipped(text("steps.ews.url.unfinished")), "Skipped because the Autodiscover search didn't finish.");
    expectText(skipped(text("steps.ews.getFolder.noCredentials")), "Skipped because no user name and password were supplied.");
    expectText(skipped(text("steps.ews.ntlm.neither")), "Skipped because the server offers neither NTLM nor Negotiate.");
    expectText(
      text("steps.ews.ntlm.readFailedSentence", { reason: text("steps.ews.ntlm.neither") }),
      "The server's NTLM challenge couldn't be read: the server offers neither NTLM nor Negotiate.",
    );
    expectText(text("steps.ews.ntlm.readFailed", { reason: "socket hang up" }), "The server's NTLM challenge couldn't be read: socket hang up");
  });

  it("the EWS URL: Autodiscover's reasons for naming none (as skipped steps store them)", () => {
    const reason = (discovery: Discovery | undefined) => {
      const outcome = judgeEwsUrl(discovery, true);
      return outcome.kind === "unknown" ? skipped(outcome.reason) : "not unknown";
    };
    expectText(reason(undefined), "Skipped because autodiscover wasn't found, so it named no EWS URL.");
    expectText(
      reason(found({ found: true, answer: { kind: "error", errorCode: "500" } })),
      "Skipped because autodiscover answered with an error, so it named no EWS URL.",
    );
    expectText(
      reason(found({ found: true, answer: { kind: "redirect", target: "jdoe@fabrikam.com" } } as unknown as Discovery["verdict"])),
      "Skipped because autodiscover answered with a redirect that didn't lead to settings.",
    );
    expectText(reason({ ...found({ found: true, needsCredentials: true }), url: "not a url" }), "Skipped because autodiscover named no EWS URL.");
  });

  it("the EWS URL: Exchange's default beside Autodiscover, from the settings, missing, not https", () => {
    const finding = (discovery: Discovery, credentials: boolean) => {
      const outcome = judgeEwsUrl(discovery, credentials);
      if (outcome.kind === "unknown") throw new Error("no finding");
      return outcome.finding;
    };
    const fallback = "https://autodiscover.contoso.com/EWS/Exchange.asmx";
    const byDefault = `trying ${fallback}, where Exchange publishes EWS beside Autodiscover by default.`;
    expectLocalized(
      finding(found({ found: true, needsCredentials: true }), false),
      `Autodiscover hands out the EWS URL only to a signed-in user, and no credentials were supplied: ${byDefault}`,
    );
    expectLocalized(
      finding(found({ found: true, needsCredentials: true }), true),
      `The credentials weren't sent to Autodiscover (its POST step says why), so it named no EWS URL: ${byDefault}`,
    );
    expectLocalized(
      finding(found({ found: true, needsCredentials: true, credentialsRejected: true }), true),
      `Autodiscover rejected the supplied credentials, so it named no EWS URL: ${byDefault}`,
    );
    expectLocalized(
      finding(found({ found: true, answer: settings([{ type: "EXPR" }]) }), true),
      "Autodiscover returned the settings without an EWS URL (no EwsUrl in the EXPR or EXCH provider): EWS clients such as Outlook for Mac, Teams and mobile mail apps can't find EWS. Set the EWS virtual directory's URLs: Set-WebServicesVirtualDirectory \"<server>\\EWS (Default Web Site)\" -ExternalUrl https://mail.contoso.com/EWS/Exchange.asmx -InternalUrl https://mail.contoso.com/EWS/Exchange.asmx",
    );
    expectLocalized(
      finding(found({ found: true, answer: settings([{ type: "EXCH", ewsUrl: "http://mail.contoso.com/EWS/Exchange.asmx" }]) }), true),
      "The EWS URL Autodiscover hands out (EXCH), http://mail.contoso.com/EWS/Exchange.asmx, isn't an https URL: EWS clients don't use it.",
    );
    expectLocalized(
      finding(found({ found: true, answer: settings([{ type: "EXPR", ewsUrl: EWS }]) }), true),
      `Autodiscover hands out the EWS URL ${EWS} (EXPR: for clients outside the network).`,
    );
    expectLocalized(
      finding(found({ found: true, answer: settings([{ type: "EXCH", ewsUrl: EWS }]) }), true),
      `Autodiscover hands out the EWS URL ${EWS} (EXCH: the internal URL). It gives no external (EXPR) EWS URL, so EWS clients outside the network may not find EWS; set the EWS virtual directory's ExternalUrl if they need it.`,
    );
  });

  it("the anonymous request: 404, no challenge, redirects, another status, the methods", () => {
    expectLocalized(
      judgeAuthMethods(response(404), "ntlm", EWS),
      `EWS isn't published at ${EWS}: the server answered 404 Not Found. The EWS virtual directory is missing, or a reverse proxy or load balancer in front doesn't publish /EWS.`,
    );
    expectLocalized(
      judgeAuthMethods(response(200), "ntlm", EWS),
      "EWS answered HTTP 200 without asking for authentication; an EWS endpoint expects 401 with the authentication methods it accepts (is something in front of it pre-authenticating?).",
    );
    expectLocalized(
      judgeAuthMethods(response(302, { statusText: "Found", headers: [["location", "https://login.contoso.com/"]] }), "ntlm", EWS),
      "EWS answered HTTP 302 Found (a redirect to https://login.contoso.com/; EWS clients don't follow redirects of their SOAP POST) instead of 401 Unauthorized with the authentication methods it accepts.",
    );
    const nowhere = judgeAuthMethods(response(301, { statusText: "Moved" }), "ntlm", EWS);
    expectLocalized(
      nowhere,
      "EWS answered HTTP 301 Moved (a redirect to nowhere; EWS clients don't follow redirects of their SOAP POST) instead of 401 Unauthorized with the authentication methods it accepts.",
    );
    expect(rendered(italian, findingText(nowhere) as LocalizedText)).toContain("nessuna destinazione");
    expectLocalized(
      judgeAuthMethods(response(500, { statusText: "Internal Server Error" }), "ntlm", EWS),
      "EWS answered HTTP 500 Internal Server Error instead of 401 Unauthorized with the authentication methods it accepts.",
    );
    const all: Array<[string, string]> = [
      ["www-authenticate", "Negotiate"],
      ["www-authenticate", "NTLM"],
    ];
    expectLocalized(
      judgeAuthMethods(response(401, { headers: all }), "ntlm", EWS),
      "The analyzer found the expected authentication method NTLM. Methods found: Negotiate, NTLM.",
    );
    expectLocalized(
      judgeAuthMethods(response(401, { headers: [["www-authenticate", "Negotiate"]] }), "ntlm", EWS),
      "NTLM isn't offered on its own; Negotiate is, which falls back to NTLM for most clients. Methods found: Negotiate.",
    );
    const none = judgeAuthMethods(response(401), "basic", EWS);
    expectLocalized(none, "The authentication method Basic isn't offered by EWS. Methods found: none.");
    expect(rendered(italian, findingText(none) as LocalizedText)).toContain("Metodi trovati: nessuno");
  });

  it("the server's NTLM identity: computer and domain, either, neither, unreadable", () => {
    expectLocalized(
      judgeNtlmIdentity(
        { netbiosDomain: "CONTOSO", netbiosComputer: "EX02", dnsDomain: "contoso.com", dnsComputer: "ex02.contoso.com", osVersion: "10.0.17763" },
        "Negotiate",
      ),
      "The server's NTLM challenge (Negotiate) names the computer EX02 (ex02.contoso.com) in the domain CONTOSO (contoso.com), Windows version 10.0.17763.",
    );
    expectLocalized(judgeNtlmIdentity({ netbiosComputer: "EX02" }, "NTLM"), "The server's NTLM challenge (NTLM) names the computer EX02.");
    expectLocalized(
      judgeNtlmIdentity({ targetName: "CONTOSO", osVersion: "6.3.9600" }, "NTLM"),
      "The server's NTLM challenge (NTLM) names the domain CONTOSO, Windows version 6.3.9600.",
    );
    expectLocalized(judgeNtlmIdentity({}, "NTLM"), "The server's NTLM challenge (NTLM) names no computer or domain.");
    expectLocalized(
      judgeNtlmIdentity(undefined, "Negotiate"),
      "The server offers Negotiate but didn't answer an NTLM negotiate message with a challenge the analyzer could read.",
    );
  });

  it("GetFolder: the Inbox, with counts, a warning, the version", () => {
    expectLocalized(
      getFolder(200, getFolderResponseXml({ totalCount: 1, unreadCount: 0 })),
      'The server accepted the supplied credentials (NTLM authentication) and EWS answered GetFolder: the Inbox ("Inbox") holds 1 item, 0 unread. The server runs Exchange Server 2019 (15.2.1118.7, schema V2017_07_11).',
    );
    expectLocalized(
      judgeGetFolder(answered(200, soap("Warning", folder(""))), "basic", "Basic"),
      "The server accepted the supplied credentials (Basic authentication) and EWS answered GetFolder (with the warning without a code): the Inbox was returned.",
    );
    expectLocalized(
      getFolder(
        200,
        soap(
          "Warning",
          `<m:ResponseCode>ErrorBatchProcessingStopped</m:ResponseCode>${folder("<t:DisplayName>Boîte de réception</t:DisplayName><t:TotalCount>2</t:TotalCount><t:UnreadCount>1</t:UnreadCount>")}`,
          'MajorVersion="15" MinorVersion="1"',
        ),
      ),
      'The server accepted the supplied credentials (NTLM authentication) and EWS answered GetFolder (with the warning ErrorBatchProcessingStopped): the Inbox ("Boîte de réception") holds 2 items, 1 unread. The server runs Exchange Server 2016 (15.1).',
    );
    expectLocalized(
      getFolder(200, soap("Success", folder("<t:DisplayName>Inbox</t:DisplayName>"), 'MajorVersion="15" MinorVersion="20" Version="V2018_01_08"')),
      'The server accepted the supplied credentials (NTLM authentication) and EWS answered GetFolder: the Inbox ("Inbox") was returned. The server runs Exchange Online (15.20, schema V2018_01_08).',
    );
    expectLocalized(
      getFolder(200, soap("Success", folder("<t:UnreadCount>1</t:UnreadCount>"), 'MajorVersion="8"')),
      "The server accepted the supplied credentials (NTLM authentication) and EWS answered GetFolder: the Inbox holds 1 unread. The server runs Exchange Server 2007 (8).",
    );
  });

  it("GetFolder: the version in every form the server may give it", () => {
    const noFolder = (version: string) => getFolder(200, soap("Success", "", version)).message;
    const expectNoFolder = (version: string, running: string) =>
      expectLocalized(getFolder(200, soap("Success", "", version)), `EWS answered GetFolder with Success but without the folder. The server runs ${running}.`);
    expectNoFolder('MajorVersion="15" MinorVersion="0" Version="V2_5"', "Exchange Server 2013 (15.0, schema V2_5)");
    expectNoFolder('MajorVersion="14" Version="V1"', "Exchange Server 2010 (14, schema V1)");
    expectNoFolder('MajorVersion="14" MinorVersion="3" MajorBuildNumber="123"', "Exchange Server 2010 (14.3.123)");
    expectNoFolder('MajorVersion="99" MinorVersion="1" MajorBuildNumber="2" Version="V9"', "version 99.1.2 (schema V9)");
    expectNoFolder('MajorVersion="99"', "version 99");
    expectNoFolder('Version="V2018_01_08"', "schema V2018_01_08");
    expectNoFolder('MinorVersion="2"', "schema unknown");
    expect(noFolder('MajorVersion="15" MinorVersion="2" MajorBuildNumber="2562"')).toContain("Exchange Server Subscription Edition (15.2.2562)");
    expectLocalized(getFolder(200, soap("Success", "")), "EWS answered GetFolder with Success but without the folder.");
  });

  it("GetFolder: EWS errors with and without their words, hints and the version", () => {
    expectLocalized(
      getFolder(200, ewsErrorXml("ErrorServerBusy", "Busy now")),
      "EWS answered GetFolder with error ErrorServerBusy: Busy now. The server is throttling this account or is too busy; try again later. The server runs Exchange Server 2019 (15.2.1118.7, schema V2017_07_11).",
    );
    expectLocalized(
      getFolder(200, ewsErrorXml("ErrorFoo", "Something went wrong!")),
      "EWS answered GetFolder with error ErrorFoo: Something went wrong! The server runs Exchange Server 2019 (15.2.1118.7, schema V2017_07_11).",
    );
    expectLocalized(getFolder(200, soap("Error", "")), "EWS answered GetFolder with error (no ResponseCode).");
    expectLocalized(getFolder(200, soap("Error", "<m:MessageText>Nope</m:MessageText>")), "EWS answered GetFolder with error (no ResponseCode): Nope.");
    expectLocalized(
      getFolder(200, soap("Error", "<m:ResponseCode>ErrorMailboxMoveInProgress</m:ResponseCode>")),
      "EWS answered GetFolder with error ErrorMailboxMoveInProgress. The mailbox is being moved; try again once the move has completed.",
    );
    expectLocalized(
      getFolder(200, soap("Error", "<m:ResponseCode>ErrorFoo</m:ResponseCode>", 'MajorVersion="99" MinorVersion="1" MajorBuildNumber="2"')),
      "EWS answered GetFolder with error ErrorFoo. The server runs version 99.1.2.",
    );
    const denied = judgeGetFolder(answered(200, ewsErrorXml("ErrorAccessDenied", "Access is denied.")), "basic", "Basic");
    expect(denied.status === "error" && denied.problem).toBe("LOGIN_FAILED");
    expectLocalized(
      denied,
      "EWS answered GetFolder with error ErrorAccessDenied: Access is denied. The server accepted the credentials, but this account may not open the mailbox through EWS. Check that EWS is enabled for it (Get-CASMailbox <user> | Format-List Ews*; Set-CASMailbox <user> -EwsEnabled $true), the organisation's EWS access policy (Get-OrganizationConfig | Format-List Ews*), and its permissions on the mailbox. The server runs Exchange Server 2019 (15.2.1118.7, schema V2017_07_11).",
    );
    expectLocalized(getFolder(500, ewsErrorXml("ErrorFoo", "x")), "EWS answered GetFolder with HTTP 500.");
  });

  it("GetFolder: every known response code has a hint in both catalogues", () => {
    for (const [code, hint] of Object.entries(ewsMessages.steps.getFolder.hints)) {
      expectLocalized(getFolder(200, soap("Error", `<m:ResponseCode>${code}</m:ResponseCode>`)), `EWS answered GetFolder with error ${code}. ${hint}`);
    }
  });

  it("GetFolder: SOAP faults", () => {
    expectLocalized(
      getFolder(500, soapFaultXml("ErrorServerBusy", "The server cannot service this request right now.")),
      "EWS answered GetFolder with a SOAP fault, ErrorServerBusy: The server cannot service this request right now. The server is throttling this account or is too busy; try again later.",
    );
    const fault = (inner: string) => getFolder(500, `<s:Envelope xmlns:s="s"><s:Body><s:Fault>${inner}</s:Fault></s:Body></s:Envelope>`);
    expectLocalized(
      fault('<faultcode>a:ErrorServerBusy</faultcode><detail><e:ResponseCode xmlns:e="e">ErrorServerBusy</e:ResponseCode></detail>'),
      "EWS answered GetFolder with a SOAP fault, ErrorServerBusy. The server is throttling this account or is too busy; try again later.",
    );
    expectLocalized(
      fault("<faultcode>s:Client</faultcode><faultstring>Bad request</faultstring>"),
      "EWS answered GetFolder with a SOAP fault, s:Client: Bad request.",
    );
    expectLocalized(fault(""), "EWS answered GetFolder with a SOAP fault, (no code).");
  });

  it("GetFolder: HTTP statuses and bodies that aren't EWS answers", () => {
    expectLocalized(
      judgeGetFolder(answered(401, ""), "basic", "Basic"),
      "The server rejected the supplied credentials (HTTP 401) with Basic authentication. Check the user name, the password, and that the account may use EWS.",
    );
    expectLocalized(
      getFolder(403, "", { statusText: "Forbidden" }),
      "After authentication EWS answered HTTP 403 Forbidden. EWS may be blocked for this account or client, or by an IP restriction.",
    );
    expectLocalized(getFolder(502, "", { statusText: "Bad Gateway" }), "After authentication EWS answered HTTP 502 Bad Gateway.");
    const unreadable = (status: number, reason: string) => `EWS answered HTTP ${status}, but not with a SOAP response an EWS client can read: ${reason}.`;
    expectLocalized(
      getFolder(200, getFolderResponseXml(), { truncated: true }),
      unreadable(200, `the response is larger than ${LIMITS.httpBodyBytes} bytes, more than any GetFolder answer needs`),
    );
    expectLocalized(getFolder(200, `<Autodiscover xmlns="a"/>`), unreadable(200, "the root element is <Autodiscover>, not a SOAP <Envelope>"));
    expectLocalized(getFolder(200, `<s:Envelope xmlns:s="s"><s:Header/></s:Envelope>`), unreadable(200, "the SOAP <Envelope> has no <Body>"));
    expectLocalized(
      getFolder(200, `<s:Envelope xmlns:s="s"><s:Body/></s:Envelope>`),
      unreadable(200, "the SOAP <Body> holds nothing, not a <GetFolderResponse>"),
    );
    expectLocalized(
      getFolder(200, `<s:Envelope xmlns:s="s"><s:Body><m:FindItemResponse xmlns:m="m"/></s:Body></s:Envelope>`),
      unreadable(200, "the SOAP <Body> holds <FindItemResponse>, not a <GetFolderResponse>"),
    );
    expectLocalized(
      getFolder(200, `<s:Envelope xmlns:s="s"><s:Body><m:GetFolderResponse xmlns:m="m"/></s:Body></s:Envelope>`),
      unreadable(200, "the <GetFolderResponse> has no <ResponseMessages>/<GetFolderResponseMessage>"),
    );
    expectLocalized(getFolder(500, soap("Maybe", "")), unreadable(500, 'the response message\'s ResponseClass is "Maybe", not Success, Warning or Error'));
    expectLocalized(getFolder(200, soap(undefined, "")), unreadable(200, "the response message's ResponseClass is missing, not Success, Warning or Error"));
  });
});
