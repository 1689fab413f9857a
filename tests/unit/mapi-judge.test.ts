import { describe, expect, it } from "vitest";
import { TestInputSchema } from "@/lib/analyzers/catalog";
import { endpointsFromAutodiscover, endpointsOnHost, onNamedServer } from "@/lib/analyzers/mapi-http/endpoints";
import { cookieNames, judgeConnect, judgeMapiAuthMethods } from "@/lib/analyzers/mapi-http/judge";
import type { PoxProtocol, PoxSettings } from "@/lib/analyzers/steps/autodiscover/pox";
import type { CredentialExchange } from "@/lib/analyzers/steps/credentials";
import type { HttpResponse } from "@/lib/net/http";

/** The pure judgements of the MAPI over HTTP test: facts in, findings out. */

function response(status: number, headers: Array<[string, string]> = [], body: Buffer | string = "", statusText = ""): HttpResponse {
  return { status, statusText, headers: headers.map(([name, value]) => [name.toLowerCase(), value]), body: Buffer.from(body), bodyTruncated: false };
}

const CHALLENGE: Array<[string, string]> = [
  ["www-authenticate", "Negotiate"],
  ["www-authenticate", "NTLM"],
  ["www-authenticate", 'Basic realm="mail.contoso.com"'],
  ["x-serverapplication", "Exchange/15.02.1118.007"],
];

const u32 = (...values: number[]) => Buffer.concat(values.map((value) => Buffer.from(Uint32Array.of(value).buffer)));
const connectBody = (errorCode = 0) =>
  Buffer.concat([u32(0, errorCode, 60_000, 6, 10_000), Buffer.from("/o=Contoso/cn=Recipients/\0"), Buffer.from("Alice Smith\0", "utf16le"), u32(0)]);
const framed = (binary: Buffer, code = "0") =>
  Buffer.concat([
    Buffer.from(`PROCESSING\r\nDONE\r\nX-ResponseCode: ${code}\r\nX-ElapsedTime: 2\r\nX-StartTime: Fri, 27 Nov 2026 10:00:00 GMT\r\n\r\n`),
    binary,
  ]);
const COOKIES: Array<[string, string]> = [
  ["set-cookie", "MapiContext=c2VjcmV0LXNlc3Npb24; path=/mapi/emsmdb/; secure; HttpOnly"],
  ["set-cookie", "MapiSequence=c2VxdWVuY2U; path=/mapi/emsmdb/; secure; HttpOnly"],
];
const answered = (res: HttpResponse, serverDomain?: string): CredentialExchange => ({
  kind: "answered",
  response: res,
  ...(serverDomain ? { serverDomain } : {}),
});
const connectOk = (headers: Array<[string, string]> = COOKIES, body = framed(connectBody())) =>
  response(200, [["x-responsecode", "0"], ["x-requesttype", "Connect"], ...headers], body);
const FACTS = { method: "basic", scheme: "Basic", userDn: "autodiscover" } as const;

describe("the authentication methods of a MAPI endpoint", () => {
  it("lists the methods, the Exchange version and the NTLM identity when the chosen method is offered", () => {
    const finding = judgeMapiAuthMethods({
      response: response(401, CHALLENGE),
      method: "ntlm",
      endpoint: "emsmdb",
      identity: { netbiosComputer: "EX01", dnsComputer: "ex01.contoso.com", dnsDomain: "contoso.com" },
    });
    expect(finding).toMatchObject({
      status: "success",
      message:
        "The analyzer found the expected authentication method NTLM. Methods found: Negotiate, NTLM, Basic. The server identifies itself as Exchange/15.02.1118.007 (Exchange Server 2019 or Subscription Edition). Its NTLM challenge names the server ex01.contoso.com in contoso.com.",
      details: { status: 401, methodsFound: ["Negotiate", "NTLM", "Basic"], serverApplication: "Exchange/15.02.1118.007" },
    });
  });

  it("says MAPI over HTTP isn't enabled on a 404, with the command that enables it", () => {
    const finding = judgeMapiAuthMethods({ response: response(404, [], "Not Found", "Not Found"), method: "ntlm", endpoint: "nspi" });
    expect(finding).toMatchObject({ status: "error", problem: "HTTP_UNEXPECTED_STATUS" });
    expect(finding.message).toContain("Set-OrganizationConfig -MapiHttpEnabled $true");
  });

  it("warns about an endpoint that answers anonymously, and fails any other status", () => {
    const anonymous = judgeMapiAuthMethods({ response: response(200, [["x-responsecode", "8"]]), method: "ntlm", endpoint: "emsmdb" });
    expect(anonymous).toMatchObject({ status: "warning", problem: "HTTP_UNEXPECTED_STATUS", details: { responseCode: "8 (Anonymous Not Allowed)" } });
    expect(anonymous.message).toContain("X-ResponseCode 8 (Anonymous Not Allowed)");
    expect(judgeMapiAuthMethods({ response: response(503, [], "", "Service Unavailable"), method: "basic", endpoint: "emsmdb" })).toMatchObject({
      status: "error",
      problem: "HTTP_UNEXPECTED_STATUS",
      message: expect.stringContaining("HTTP 503 Service Unavailable instead of 401"),
    });
  });

  it("warns when NTLM is only reachable through Negotiate, and fails a method that isn't offered", () => {
    const negotiate = response(401, [["www-authenticate", "Negotiate"]]);
    expect(judgeMapiAuthMethods({ response: negotiate, method: "ntlm", endpoint: "emsmdb" })).toMatchObject({
      status: "warning",
      problem: "HTTP_AUTH_METHOD_MISSING",
    });
    expect(judgeMapiAuthMethods({ response: negotiate, method: "basic", endpoint: "nspi" })).toMatchObject({
      status: "error",
      problem: "HTTP_AUTH_METHOD_MISSING",
      message: expect.stringContaining("isn't offered by the Address Book endpoint"),
    });
  });

  it("cleans what the server sent before showing it", () => {
    const finding = judgeMapiAuthMethods({
      response: response(401, [
        ["www-authenticate", "NTLM"],
        ["x-serverapplication", "Exchange\u001b[2J"],
      ]),
      method: "ntlm",
      endpoint: "emsmdb",
    });
    expect(finding.details?.serverApplication).toBe("Exchange\uFFFD[2J");
  });
});

describe("the Connect request's answer", () => {
  it("succeeds with X-ResponseCode 0, the session cookies and a readable Connect response", () => {
    const finding = judgeConnect(answered(connectOk()), FACTS);
    expect(finding).toMatchObject({
      status: "success",
      message:
        "Successfully connected to the MAPI Mail Store endpoint with Basic authentication: X-ResponseCode 0, mailbox session for Alice Smith created (cookies MapiContext, MapiSequence).",
      details: { responseCode: "0 (Success)", sessionCookies: { MapiContext: true, MapiSequence: true }, errorCode: "0x00000000", displayName: "Alice Smith" },
    });
  });

  it("never shows a session cookie's value", () => {
    expect(cookieNames(connectOk())).toEqual(["MapiContext", "MapiSequence"]);
    expect(JSON.stringify(judgeConnect(answered(connectOk()), FACTS))).not.toContain("c2VjcmV0");
  });

  it("fails the login on 401, and any other status but 200", () => {
    expect(judgeConnect(answered(response(401, CHALLENGE)), FACTS)).toMatchObject({ status: "error", problem: "LOGIN_FAILED" });
    expect(judgeConnect(answered(response(500, [], "", "Internal Server Error")), FACTS)).toMatchObject({
      status: "error",
      problem: "HTTP_UNEXPECTED_STATUS",
      message: expect.stringContaining("HTTP 500 Internal Server Error"),
    });
  });

  it("fails a 200 without X-ResponseCode (not Exchange) and names a refusing X-ResponseCode", () => {
    expect(judgeConnect(answered(response(200, [], "<html>portal</html>")), FACTS)).toMatchObject({
      status: "error",
      problem: "HTTP_UNEXPECTED_STATUS",
      message: expect.stringContaining("without an X-ResponseCode"),
    });
    const refused = judgeConnect(answered(response(200, [["x-responsecode", "16"]], "<html>disabled</html>")), FACTS);
    expect(refused).toMatchObject({ status: "error", problem: "HTTP_UNEXPECTED_STATUS", details: { responseCode: "16 (Endpoint Disabled)" } });
    expect(refused.message).toContain("Set-OrganizationConfig -MapiHttpEnabled $true");
  });

  it("takes the X-ResponseCode after DONE over the HTTP header written before processing ended", () => {
    const late = response(200, [["x-responsecode", "0"], ...COOKIES], framed(Buffer.alloc(0), "12"));
    expect(judgeConnect(answered(late), FACTS)).toMatchObject({ status: "error", details: { responseCode: "12 (Invalid Request Body)" } });
  });

  it("warns when the body isn't framed, can't be read, or was cut at the size limit", () => {
    expect(judgeConnect(answered(connectOk(COOKIES, connectBody())), FACTS)).toMatchObject({
      status: "warning",
      message: expect.stringContaining("isn't framed"),
    });
    expect(judgeConnect(answered(connectOk(COOKIES, framed(Buffer.from([0, 0])))), FACTS)).toMatchObject({
      status: "warning",
      message: expect.stringContaining("can't be read"),
    });
    expect(judgeConnect(answered({ ...connectOk(), bodyTruncated: true }), FACTS)).toMatchObject({
      status: "warning",
      message: expect.stringContaining("larger than"),
    });
  });

  it("fails a Connect whose StatusCode isn't 0", () => {
    expect(judgeConnect(answered(connectOk(COOKIES, framed(u32(0x80004005, 0)))), FACTS)).toMatchObject({
      status: "error",
      message: expect.stringContaining("StatusCode 0x80004005"),
    });
  });

  it("fails a mailbox logon error with the DN from Autodiscover, but only warns when the DN was unknown", () => {
    const refused = connectOk(COOKIES, framed(connectBody(0x3eb)));
    expect(judgeConnect(answered(refused), FACTS)).toMatchObject({ status: "error", message: expect.stringContaining("ErrorCode 0x000003EB (ecUnknownUser") });
    expect(judgeConnect(answered(refused), { ...FACTS, userDn: "empty" })).toMatchObject({
      status: "warning",
      message: expect.stringContaining("empty user DN"),
    });
  });

  it("warns when no session cookie comes back (Outlook couldn't go on)", () => {
    expect(judgeConnect(answered(connectOk([])), FACTS)).toMatchObject({ status: "warning", message: expect.stringContaining("no session cookie") });
  });

  it("explains NTLM exchanges that never reached an answer", () => {
    expect(judgeConnect({ kind: "no-challenge", status: 401 }, { ...FACTS, method: "ntlm" })).toMatchObject({
      status: "error",
      problem: "HTTP_AUTH_METHOD_MISSING",
    });
    expect(judgeConnect({ kind: "malformed-challenge", reason: "bad" }, { ...FACTS, method: "ntlm" })).toMatchObject({ problem: "HTTP_UNEXPECTED_STATUS" });
    expect(judgeConnect({ kind: "connection-changed" }, { ...FACTS, method: "ntlm" })).toMatchObject({ problem: "HTTP_UNEXPECTED_STATUS" });
  });
});

describe("where the endpoints are", () => {
  const AUTODISCOVER = { host: "autodiscover.contoso.com", port: 443, path: "/autodiscover/autodiscover.xml" };
  const settings = (protocols: PoxProtocol[]): PoxSettings => ({
    kind: "settings",
    user: { displayName: "Alice", legacyDN: "/o=Contoso/cn=Recipients/cn=alice" },
    account: {},
    protocols,
  });
  const mapiHttp = (mailStore?: string, addressBook?: string): PoxProtocol => ({
    type: "mapiHttp",
    version: "1",
    ...(mailStore ? { mailStore: { externalUrl: mailStore } } : { mailStore: { internalUrl: "https://ex01.corp.local/mapi/emsmdb/" } }),
    ...(addressBook ? { addressBook: { externalUrl: addressBook } } : {}),
  });

  it("are /mapi/emsmdb/ and /mapi/nspi/ on a server named directly", () => {
    expect(endpointsOnHost("mail.contoso.com", 8443)).toEqual({
      mailStore: { host: "mail.contoso.com", port: 8443, path: "/mapi/emsmdb/" },
      addressBook: { host: "mail.contoso.com", port: 8443, path: "/mapi/nspi/" },
    });
  });

  it("come from Autodiscover's mapiHttp external URLs, with the user's legacy DN", () => {
    const { endpoints, finding } = endpointsFromAutodiscover(
      settings([mapiHttp("https://mail.contoso.com/mapi/emsmdb/?MailboxId=abc@contoso.com", "https://mail.contoso.com/mapi/nspi/?MailboxId=abc@contoso.com")]),
      AUTODISCOVER,
    );
    expect(endpoints).toEqual({
      mailStore: { host: "mail.contoso.com", port: 443, path: "/mapi/emsmdb/?MailboxId=abc@contoso.com" },
      addressBook: { host: "mail.contoso.com", port: 443, path: "/mapi/nspi/?MailboxId=abc@contoso.com" },
      userDn: "/o=Contoso/cn=Recipients/cn=alice",
    });
    expect(finding.status).toBe("success");
  });

  it("put the Address Book beside the Mail Store when Autodiscover names only the latter", () => {
    const { endpoints } = endpointsFromAutodiscover(settings([mapiHttp("https://mail.contoso.com:444/mapi/emsmdb/")]), AUTODISCOVER);
    expect(endpoints.addressBook).toEqual({ host: "mail.contoso.com", port: 444, path: "/mapi/nspi/" });
  });

  it("fall back to the Autodiscover host without settings, saying so", () => {
    const { endpoints, finding } = endpointsFromAutodiscover(undefined, AUTODISCOVER);
    expect(endpoints).toEqual(endpointsOnHost("autodiscover.contoso.com", 443));
    expect(finding).toMatchObject({ status: "info", message: expect.stringContaining("Without credentials") });
  });

  it("fall back to the Outlook Anywhere server when settings list no mapiHttp, or only an internal or non-https URL", () => {
    const expr: PoxProtocol = { type: "EXPR", server: "Mail.Contoso.com" };
    for (const [protocols, reason] of [
      [[expr], "no mapiHttp protocol"],
      [[expr, mapiHttp()], "no external Mail Store URL"],
      [[expr, mapiHttp("http://mail.contoso.com/mapi/emsmdb/")], "isn't an https URL"],
    ] as const) {
      const { endpoints, finding } = endpointsFromAutodiscover(settings([...protocols]), AUTODISCOVER);
      expect(endpoints.mailStore, reason).toEqual({ host: "mail.contoso.com", port: 443, path: "/mapi/emsmdb/" });
      expect(endpoints.userDn).toBe("/o=Contoso/cn=Recipients/cn=alice");
      expect(finding.message, reason).toContain(reason);
    }
  });

  it("move to the named server with Autodiscover's paths and the legacy DN, when a server is named too", () => {
    const found = endpointsFromAutodiscover(settings([mapiHttp("https://mail.contoso.com/mapi/emsmdb/?MailboxId=abc@contoso.com")]), AUTODISCOVER);
    const { endpoints, finding } = onNamedServer(found, { host: "ex02.contoso.com", port: 8443 });
    expect(endpoints).toEqual({
      mailStore: { host: "ex02.contoso.com", port: 8443, path: "/mapi/emsmdb/?MailboxId=abc@contoso.com" },
      addressBook: { host: "ex02.contoso.com", port: 8443, path: "/mapi/nspi/" },
      userDn: "/o=Contoso/cn=Recipients/cn=alice",
    });
    expect(finding).toMatchObject({ status: "success", message: expect.stringContaining("As asked, they are tested on ex02.contoso.com instead") });
  });

  it("never take a hostile server name for a host", () => {
    const { endpoints } = endpointsFromAutodiscover(settings([{ type: "EXPR", server: "evil.com/../x?y" }]), AUTODISCOVER);
    expect(endpoints.mailStore.host).toBe("autodiscover.contoso.com");
  });
});

describe("the inputs: a mailbox, a server, or both", () => {
  const parse = (input: Record<string, unknown>) => TestInputSchema.safeParse({ test: "mapi-http", ...input });
  const issues = (input: Record<string, unknown>) => parse(input).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

  it("takes an e-mail address or a host, with port 443, NTLM and no Ignore trust by default", () => {
    expect(parse({ emailAddress: "alice@contoso.com" }).data).toMatchObject({
      emailAddress: "alice@contoso.com",
      port: 443,
      authMethod: "ntlm",
      ignoreTrust: false,
    });
    const onHost = parse({ host: "Mail.Contoso.com", emailAddress: "" }).data;
    expect(onHost).toMatchObject({ host: "mail.contoso.com" });
    expect(onHost && "emailAddress" in onHost ? onHost.emailAddress : undefined).toBeUndefined();
  });

  it("takes both: the mailbox's Autodiscover URLs, tested on the named server", () => {
    expect(parse({ host: "ex02.contoso.com", emailAddress: "alice@contoso.com", port: "8443" }).data).toMatchObject({
      host: "ex02.contoso.com",
      emailAddress: "alice@contoso.com",
      port: 8443,
    });
  });

  it("names the e-mail address field when neither is given", () => {
    expect(issues({})).toEqual([["emailAddress", expect.stringContaining("e-mail address")]]);
    expect(issues({ host: "", emailAddress: "" })).toEqual([["emailAddress", expect.stringContaining("e-mail address")]]);
  });

  it("wants a user name and a password together", () => {
    expect(issues({ host: "mail.contoso.com", username: "alice" })).toEqual([["password", expect.any(String)]]);
  });
});
