import { describe, expect, it } from "vitest";
import { endpointsFromAutodiscover, onNamedServer } from "@/lib/analyzers/mapi-http/endpoints";
import { judgeConnect, judgeMapiAuthMethods } from "@/lib/analyzers/mapi-http/judge";
import { connectError, connectErrorText, readConnectResponse, readFrame, RESPONSE_CODES } from "@/lib/analyzers/mapi-http/protocol";
import type { PoxProtocol, PoxSettings } from "@/lib/analyzers/steps/autodiscover/pox";
import type { CredentialExchange } from "@/lib/analyzers/steps/credentials";
import { text, type LocalizedText } from "@/lib/engine/text";
import { en } from "@/lib/i18n/messages/en";
import type { HttpResponse } from "@/lib/net/http";
import { LIMITS } from "@/lib/net/limits";
import { expectLocalized, expectText } from "../support/i18n-texts";

/**
 * The MAPI over HTTP step texts (lib/analyzers/mapi-http/*): each stores the English it stored before it became a
 * catalogue text, word for word, and reads in Italian.
 */

function response(status: number, headers: Array<[string, string]> = [], body: Buffer | string = "", statusText = ""): HttpResponse {
  return { status, statusText, headers, body: Buffer.from(body), bodyTruncated: false };
}
const u32 = (...values: number[]) => Buffer.concat(values.map((value) => Buffer.from(Uint32Array.of(value).buffer)));
const connectBody = (errorCode = 0, displayName = "Alice Smith") =>
  Buffer.concat([u32(0, errorCode, 60_000, 6, 10_000), Buffer.from("/o=Contoso/cn=Recipients/\0"), Buffer.from(`${displayName}\0`, "utf16le"), u32(0)]);
const framed = (binary: Buffer, code = "0") => Buffer.concat([Buffer.from(`PROCESSING\r\nDONE\r\nX-ResponseCode: ${code}\r\n\r\n`), binary]);
const COOKIES: Array<[string, string]> = [
  ["set-cookie", "MapiContext=abc; path=/mapi/emsmdb/"],
  ["set-cookie", "MapiSequence=def; path=/mapi/emsmdb/"],
];
const answered = (res: HttpResponse): CredentialExchange => ({ kind: "answered", response: res });
const connect = (headers: Array<[string, string]>, body: Buffer, userDn: "autodiscover" | "empty" = "autodiscover") =>
  judgeConnect(answered(response(200, [["x-responsecode", "0"], ...headers], body)), { method: "basic", scheme: "Basic", userDn });

describe("MAPI over HTTP step titles and reasons", () => {
  it("titles and skip reasons", () => {
    expectText(text("steps.mapiHttp.title.autodiscover"), "Attempting to find the MAPI over HTTP endpoints through Autodiscover.");
    expectText(
      text("steps.mapiHttp.title.authMethodsEndpoint", { endpoint: "Address Book" }),
      "Testing HTTP Authentication Methods for the MAPI Address Book endpoint.",
    );
    expectText(
      text("steps.mapiHttp.title.connect", { url: "https://mail.contoso.com/mapi/emsmdb/", method: "NTLM" }),
      "Attempting to connect to the MAPI Mail Store endpoint https://mail.contoso.com/mapi/emsmdb/ with the supplied credentials (NTLM authentication).",
    );
    const skipped = (reason: LocalizedText) => text("engine.skipped.because", { reason });
    expectText(skipped(text("steps.mapiHttp.reason.autodiscoverFailed")), "Skipped because autodiscover failed, so the MAPI over HTTP endpoints are unknown.");
    expectText(
      skipped(text("steps.mapiHttp.reason.serverUnreachable", { endpoint: "Address Book" })),
      "Skipped because the Address Book server couldn't be reached, or its certificate failed.",
    );
    expectText(
      skipped(text("steps.mapiHttp.reason.anonymousNot401", { status: 200 })),
      "Skipped because the Mail Store endpoint answered the anonymous request with HTTP 200 instead of asking for authentication.",
    );
  });
});

describe("MAPI over HTTP endpoints", () => {
  const AUTODISCOVER = { host: "autodiscover.contoso.com", port: 443, path: "/autodiscover/autodiscover.xml" };
  const settings = (protocols: PoxProtocol[]): PoxSettings => ({ kind: "settings", user: { legacyDN: "/o=Contoso/cn=alice" }, account: {}, protocols });
  const mapi = (mailStore?: string): PoxProtocol => ({ type: "mapiHttp", ...(mailStore ? { mailStore: { externalUrl: mailStore } } : {}) });
  const expr: PoxProtocol = { type: "EXPR", server: "mail.contoso.com" };

  it("found, the four reasons for a guess, and a named server", () => {
    const found = endpointsFromAutodiscover(settings([mapi("https://mail.contoso.com/mapi/emsmdb/")]), AUTODISCOVER);
    expectLocalized(
      found.finding,
      "Autodiscover returned the MAPI over HTTP endpoints: Mail Store https://mail.contoso.com/mapi/emsmdb/, Address Book https://mail.contoso.com/mapi/nspi/.",
    );
    expectLocalized(
      endpointsFromAutodiscover(undefined, AUTODISCOVER).finding,
      "Without credentials Autodiscover hands out no settings, so the MAPI over HTTP URLs are unknown. The analyzer tests https://autodiscover.contoso.com/mapi/emsmdb/ and https://autodiscover.contoso.com/mapi/nspi/ on the server that answered Autodiscover.",
    );
    expectLocalized(
      endpointsFromAutodiscover(settings([expr]), AUTODISCOVER).finding,
      "Autodiscover returned no mapiHttp protocol: Exchange lists it only when MAPI over HTTP is enabled (Set-OrganizationConfig -MapiHttpEnabled $true) and the client asks for it. The analyzer tests https://mail.contoso.com/mapi/emsmdb/ and https://mail.contoso.com/mapi/nspi/ on the Outlook Anywhere server Autodiscover names (EXPR).",
    );
    expectLocalized(
      endpointsFromAutodiscover(settings([expr, mapi()]), AUTODISCOVER).finding,
      "Autodiscover's mapiHttp protocol has no external Mail Store URL: MAPI over HTTP isn't published outside the network (Set-MapiVirtualDirectory -ExternalUrl). The analyzer tests https://mail.contoso.com/mapi/emsmdb/ and https://mail.contoso.com/mapi/nspi/ on the Outlook Anywhere server Autodiscover names (EXPR).",
    );
    expectLocalized(
      endpointsFromAutodiscover(settings([mapi("http://mail.contoso.com/mapi/emsmdb/")]), AUTODISCOVER).finding,
      "Autodiscover's external Mail Store URL http://mail.contoso.com/mapi/emsmdb/ isn't an https URL, which Outlook requires. The analyzer tests https://autodiscover.contoso.com/mapi/emsmdb/ and https://autodiscover.contoso.com/mapi/nspi/ on the server that answered Autodiscover.",
    );
    const named = onNamedServer(found, { host: "ex01.contoso.com", port: 443 });
    expectLocalized(
      named.finding,
      "Autodiscover returned the MAPI over HTTP endpoints: Mail Store https://mail.contoso.com/mapi/emsmdb/, Address Book https://mail.contoso.com/mapi/nspi/. As asked, they are tested on ex01.contoso.com instead: https://ex01.contoso.com/mapi/emsmdb/ and https://ex01.contoso.com/mapi/nspi/.",
    );
  });
});

describe("MAPI over HTTP authentication methods", () => {
  const identity = { dnsComputer: "ex01.contoso.com", dnsDomain: "contoso.com" };

  it("found (with what the server says about itself), Negotiate only, missing, 404, anonymous, other status", () => {
    expectLocalized(
      judgeMapiAuthMethods({
        response: response(401, [
          ["www-authenticate", "NTLM"],
          ["x-serverapplication", "Exchange/15.02.1118.007"],
        ]),
        method: "ntlm",
        endpoint: "emsmdb",
        identity,
      }),
      "The analyzer found the expected authentication method NTLM. Methods found: NTLM. The server identifies itself as Exchange/15.02.1118.007 (Exchange Server 2019 or Subscription Edition). Its NTLM challenge names the server ex01.contoso.com in contoso.com.",
    );
    expectLocalized(
      judgeMapiAuthMethods({ response: response(401, [["www-authenticate", "Basic"]]), method: "basic", endpoint: "nspi" }),
      "The analyzer found the expected authentication method Basic. Methods found: Basic.",
    );
    expectLocalized(
      judgeMapiAuthMethods({
        response: response(401, [
          ["www-authenticate", "Negotiate"],
          ["x-serverapplication", "nginx"],
        ]),
        method: "ntlm",
        endpoint: "emsmdb",
        identity: { netbiosComputer: "EX01" },
      }),
      "NTLM isn't offered on its own; Negotiate is, which falls back to NTLM for most clients. Methods found: Negotiate. The server identifies itself as nginx. Its NTLM challenge names the server EX01.",
    );
    expectLocalized(
      judgeMapiAuthMethods({ response: response(401), method: "basic", endpoint: "nspi" }),
      "The authentication method Basic isn't offered by the Address Book endpoint. Methods found: none. Outlook uses the methods of Set-MapiVirtualDirectory -IISAuthenticationMethods.",
    );
    expectLocalized(
      judgeMapiAuthMethods({ response: response(404), method: "basic", endpoint: "nspi" }),
      "The server answered 404 Not Found: MAPI over HTTP isn't enabled, or the /mapi virtual directory is missing. Enable it with Set-OrganizationConfig -MapiHttpEnabled $true, and check the /mapi virtual directory: Get-MapiVirtualDirectory | Format-List *Url,*Authentication*.",
    );
    expectLocalized(
      judgeMapiAuthMethods({ response: response(200, [["x-responsecode", "8"]], "", "OK"), method: "ntlm", endpoint: "emsmdb" }),
      "The Mail Store endpoint answered HTTP 200 OK (X-ResponseCode 8 (Anonymous Not Allowed)) to an anonymous request without asking for authentication; Exchange answers 401 with the authentication methods it accepts.",
    );
    expectLocalized(
      judgeMapiAuthMethods({ response: response(200), method: "ntlm", endpoint: "emsmdb" }),
      "The Mail Store endpoint answered HTTP 200 to an anonymous request without asking for authentication; Exchange answers 401 with the authentication methods it accepts.",
    );
    expectLocalized(
      judgeMapiAuthMethods({ response: response(503), method: "ntlm", endpoint: "emsmdb" }),
      "The Mail Store endpoint answered HTTP 503 instead of 401 Unauthorized with the authentication methods it accepts.",
    );
  });
});

describe("MAPI over HTTP Connect", () => {
  it("success, for a named mailbox and without a display name, and without cookies", () => {
    expectLocalized(
      connect(COOKIES, framed(connectBody())),
      "Successfully connected to the MAPI Mail Store endpoint with Basic authentication: X-ResponseCode 0, mailbox session for Alice Smith created (cookies MapiContext, MapiSequence).",
    );
    expectLocalized(
      connect(COOKIES, framed(connectBody(0, ""))),
      "Successfully connected to the MAPI Mail Store endpoint with Basic authentication: X-ResponseCode 0, mailbox session created (cookies MapiContext, MapiSequence).",
    );
    expectLocalized(
      connect([], framed(connectBody())),
      "The Connect request succeeded, but the server set no session cookie: Outlook couldn't send a second request in this session (a proxy in front of Exchange may strip Set-Cookie).",
    );
  });

  it("HTTP failures: 401, other status, no X-ResponseCode, refused with and without advice", () => {
    const facts = { method: "ntlm", scheme: "NTLM", userDn: "autodiscover" } as const;
    expectLocalized(
      judgeConnect(answered(response(401)), facts),
      "The server rejected the supplied credentials (HTTP 401) with NTLM authentication. Check the user name, the password, and that the account may use MAPI over HTTP (Get-CASMailbox <user> | Format-List MapiEnabled,MapiHttpEnabled).",
    );
    expectLocalized(
      judgeConnect(answered(response(500, [], "", "Internal Server Error")), facts),
      "After authentication the Mail Store endpoint answered HTTP 500 Internal Server Error to the Connect request instead of 200.",
    );
    expectLocalized(
      judgeConnect(answered(response(200)), facts),
      "The server answered the Connect request with HTTP 200 but without an X-ResponseCode: something other than Exchange's MAPI over HTTP endpoint answered (a proxy, or another application on /mapi).",
    );
    expectLocalized(
      judgeConnect(answered(response(200, [["x-responsecode", "16"]])), facts),
      "The server accepted the credentials but refused the Connect request: X-ResponseCode 16 (Endpoint Disabled), the endpoint is disabled. MAPI over HTTP is turned off for this endpoint or mailbox: Set-OrganizationConfig -MapiHttpEnabled $true, Set-CASMailbox <user> -MapiHttpEnabled $true.",
    );
    expectLocalized(
      judgeConnect(answered(response(200, [["x-responsecode", "8"]])), facts),
      "The server accepted the credentials but refused the Connect request: X-ResponseCode 8 (Anonymous Not Allowed), the request is anonymous, but anonymous requests are not accepted. The request reached Exchange without the authenticated identity: check the authentication of the /mapi virtual directory and any proxy in front.",
    );
    expectLocalized(
      judgeConnect(answered(response(200, [["x-responsecode", "7"]])), facts),
      "The server accepted the credentials but refused the Connect request: X-ResponseCode 7 (Missing Header), the request is missing a required header.",
    );
    expectLocalized(
      judgeConnect(answered(response(200, [["x-responsecode", "77"]])), facts),
      "The server accepted the credentials but refused the Connect request: X-ResponseCode 77.",
    );
  });

  it("bodies: unframed, too large, malformed, failed, mailbox not opened (with an empty user DN)", () => {
    expectLocalized(
      connect(COOKIES, Buffer.from("<html>")),
      "The server answered X-ResponseCode 0, but the response body isn't framed as MAPI over HTTP requires: it doesn't start with the PROCESSING meta-tag.",
    );
    const large = judgeConnect(answered({ ...response(200, [["x-responsecode", "0"]]), bodyTruncated: true }), {
      method: "basic",
      scheme: "Basic",
      userDn: "autodiscover",
    });
    expectLocalized(
      large,
      `The server answered X-ResponseCode 0, but the response body isn't framed as MAPI over HTTP requires: it is larger than ${LIMITS.httpBodyBytes} bytes, more than any Connect response needs.`,
    );
    expectLocalized(
      connect(COOKIES, framed(Buffer.from([1, 2]))),
      "The server answered X-ResponseCode 0, but its Connect response body can't be read: the body has 2 bytes, fewer than the 4 of its StatusCode.",
    );
    expectLocalized(
      connect(COOKIES, framed(u32(0x80040111, 0))),
      "The Connect request failed on the server: StatusCode 0x80040111 (ecLoginFailure (MAPI_E_LOGON_FAILED): the mailbox logon failed).",
    );
    expectLocalized(
      connect(COOKIES, framed(connectBody(0x3eb))),
      "The session was created, but opening the mailbox failed: ErrorCode 0x000003EB (ecUnknownUser: the user DN isn't a mailbox the server knows).",
    );
    expectLocalized(
      connect(COOKIES, framed(connectBody(0x12345)), "empty"),
      "The session was created, but opening the mailbox failed: ErrorCode 0x00012345. The Connect request carried an empty user DN because no Autodiscover settings gave the mailbox's legacy DN: run the test with the e-mail address and credentials to connect as Outlook does.",
    );
  });

  it("every frame and body reason, X-ResponseCode meaning and connect error has its Italian", () => {
    const reasons = [
      readFrame(Buffer.from("x")),
      readFrame(Buffer.from("PROCESSING\r\n")),
      readFrame(Buffer.from("PROCESSING\r\nHELLO\r\n")),
      readFrame(Buffer.from("PROCESSING\r\nDONE\r\nX-A: 1\r\n")),
      readConnectResponse(Buffer.from([1])),
      readConnectResponse(u32(5, 1000)),
      readConnectResponse(u32(0, 0)),
      readConnectResponse(u32(0, 0, 0, 0, 0)),
      readConnectResponse(Buffer.concat([u32(0, 0, 0, 0, 0), Buffer.from("\0")])),
      readConnectResponse(Buffer.concat([u32(0, 0, 0, 0, 0), Buffer.from("\0\0\0"), u32(9)])),
    ];
    for (const read of reasons) {
      expect(read.kind === "unframed" || read.kind === "malformed").toBe(true);
      if (read.kind === "unframed" || read.kind === "malformed") expectText(read.reasonText, read.reason);
    }
    for (const code of Object.keys(RESPONSE_CODES)) {
      const known = RESPONSE_CODES[Number(code)];
      if (known) expectText(text(known.meaning), en.steps.mapiHttp.responseCode[`c${code}` as keyof typeof en.steps.mapiHttp.responseCode]);
    }
    for (const code of [0x3eb, 0x4df, 0x80040111, 0x80070005, 0x80004005]) {
      const words = connectError(code);
      expect(typeof words).toBe("object");
      if (typeof words === "object") expectText(words, connectErrorText(code));
    }
    expect(connectError(0x12345)).toBe("0x00012345");
  });
});
