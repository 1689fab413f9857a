import { describe, expect, it } from "vitest";
import { judgeActiveSyncUrl, judgeAnonymousOptions, judgeAuthenticatedOptions, judgeFolderSync } from "@/lib/analyzers/activesync/judge";
import { chooseProtocolVersion, commandPath, folderSyncRequest, readProtocolHeaders, shownCommandUrl } from "@/lib/analyzers/activesync/protocol";
import { encodeWbxml, type WbxmlNode } from "@/lib/analyzers/activesync/wbxml";
import type { PoxSettings } from "@/lib/analyzers/steps/autodiscover/judge";
import type { CredentialExchange } from "@/lib/analyzers/steps/credentials";
import type { HttpResponse } from "@/lib/net/http";

const URL_TEXT = "https://mail.contoso.com/Microsoft-Server-ActiveSync";
const VERSIONS = "2.0,2.1,2.5,12.0,12.1,14.0,14.1,16.0,16.1";
const COMMANDS =
  "Sync,SendMail,SmartForward,SmartReply,GetAttachment,GetHierarchy,CreateCollection,DeleteCollection,MoveCollection,FolderSync,FolderCreate,FolderDelete,FolderUpdate,MoveItems,GetItemEstimate,MeetingResponse,Search,Settings,Ping,ItemOperations,Provision,ResolveRecipients,ValidateCert,Find";

const response = (status: number, headers: Array<[string, string]> = [], body: Buffer | string = "", bodyTruncated = false): HttpResponse => ({
  status,
  statusText: "",
  headers,
  body: Buffer.from(body),
  bodyTruncated,
});
const answered = (r: HttpResponse): CredentialExchange => ({ kind: "answered", response: r });
const optionsHeaders: Array<[string, string]> = [
  ["ms-server-activesync", "15.20"],
  ["ms-asprotocolversions", VERSIONS],
  ["ms-asprotocolcommands", COMMANDS],
];

const folderSync = (status: string, folders: Array<[string, number]> = []): Buffer => {
  const ns = (name: string) => `FolderHierarchy:${name}`;
  const changes: WbxmlNode = {
    name: ns("Changes"),
    children: [
      { name: ns("Count"), text: String(folders.length) },
      ...folders.map(([name, type], i) => ({
        name: ns("Add"),
        children: [
          { name: ns("ServerId"), text: String(i + 1) },
          { name: ns("ParentId"), text: "0" },
          { name: ns("DisplayName"), text: name },
          { name: ns("Type"), text: String(type) },
        ],
      })),
    ],
  };
  return encodeWbxml({
    name: ns("FolderSync"),
    children: [{ name: ns("Status"), text: status }, ...(status === "1" ? [{ name: ns("SyncKey"), text: "1" }, changes] : [])],
  });
};
const wbxml: Array<[string, string]> = [["content-type", "application/vnd.ms-sync.wbxml"]];
const v161 = { version: "16.1", common: true };

describe("the ActiveSync URL from Autodiscover's mobilesync answer", () => {
  const settings = (...protocols: PoxSettings["protocols"]): PoxSettings => ({ kind: "settings", user: {}, account: {}, protocols });
  const discoveryUrl = "https://autodiscover.contoso.com/autodiscover/autodiscover.xml";

  it("takes the MobileSync server's https Url, without a query", () => {
    const judged = judgeActiveSyncUrl({ settings: settings({ type: "MobileSync", url: `${URL_TEXT}?x=1` }), discoveryUrl });
    expect(judged.finding.status).toBe("success");
    expect(judged.endpoint).toEqual({ host: "mail.contoso.com", port: 443, path: "/Microsoft-Server-ActiveSync", source: "autodiscover" });
  });

  it("falls back to the Autodiscover host without settings, and says so", () => {
    const judged = judgeActiveSyncUrl({ discoveryUrl });
    expect(judged.finding).toMatchObject({
      status: "info",
      message: expect.stringContaining("falls back to https://autodiscover.contoso.com/Microsoft-Server-ActiveSync"),
    });
    expect(judged.endpoint).toEqual({ host: "autodiscover.contoso.com", port: 443, path: "/Microsoft-Server-ActiveSync", source: "fallback" });
  });

  it("warns when the settings have no MobileSync URL, and refuses a plain-http one", () => {
    const none = judgeActiveSyncUrl({ settings: settings({ type: "CertEnroll", url: "https://ca.contoso.com" }), discoveryUrl });
    expect(none.finding).toMatchObject({
      status: "warning",
      problem: "AUTODISCOVER_BAD_RESPONSE",
      message: expect.stringContaining("servers listed: CertEnroll"),
    });
    expect(none.endpoint?.source).toBe("fallback");
    const http = judgeActiveSyncUrl({ settings: settings({ type: "MobileSync", url: "http://mail.contoso.com/Microsoft-Server-ActiveSync" }), discoveryUrl });
    expect(http.finding).toMatchObject({ status: "error", problem: "AUTODISCOVER_BAD_RESPONSE", message: expect.stringContaining("isn't an https URL") });
    expect(http.endpoint).toBeUndefined();
  });
});

describe("the anonymous OPTIONS request", () => {
  it("finds Basic among the methods a 401 offers", () => {
    const finding = judgeAnonymousOptions(response(401, [["www-authenticate", 'Basic realm="mail.contoso.com"']]), "basic", URL_TEXT);
    expect(finding).toMatchObject({ status: "success", details: { methodsFound: ["Basic"] } });
    expect(finding.message).toContain("expected authentication method Basic, which ActiveSync devices sign in with");
  });

  it("flags Basic missing, and names modern authentication when that is what is offered", () => {
    const finding = judgeAnonymousOptions(
      response(401, [
        ["www-authenticate", "Bearer"],
        ["www-authenticate", "Negotiate"],
      ]),
      "basic",
      URL_TEXT,
    );
    expect(finding).toMatchObject({ status: "error", problem: "HTTP_AUTH_METHOD_MISSING" });
    expect(finding.message).toContain("Methods found: Bearer, Negotiate.");
    expect(finding.message).toContain("modern authentication");
    expect(judgeAnonymousOptions(response(401, [["www-authenticate", "Negotiate"]]), "ntlm", URL_TEXT)).toMatchObject({
      status: "warning",
      problem: "HTTP_AUTH_METHOD_MISSING",
    });
    expect(judgeAnonymousOptions(response(401), "basic", URL_TEXT).message).toContain("Methods found: none.");
  });

  it("reports a 404 as not published, a redirect as one devices don't follow", () => {
    expect(judgeAnonymousOptions(response(404), "basic", URL_TEXT)).toMatchObject({
      status: "error",
      problem: "HTTP_UNEXPECTED_STATUS",
      message: expect.stringContaining(`ActiveSync isn't published at ${URL_TEXT}`),
    });
    expect(judgeAnonymousOptions(response(302, [["location", "https://sso.contoso.com/login"]]), "basic", URL_TEXT).message).toContain(
      "redirects to https://sso.contoso.com/login",
    );
  });

  it("reports the versions of an anonymous 200, and warns when a 200 names none", () => {
    const finding = judgeAnonymousOptions(response(200, optionsHeaders), "basic", URL_TEXT);
    expect(finding).toMatchObject({ status: "success", details: { protocolVersions: VERSIONS.split(","), serverVersion: "15.20" } });
    expect(finding.message).toContain("24 commands offered");
    expect(judgeAnonymousOptions(response(200, [["content-type", "text/html"]], "<html>"), "basic", URL_TEXT)).toMatchObject({
      status: "warning",
      problem: "HTTP_UNEXPECTED_STATUS",
    });
  });
});

describe("the OPTIONS request with credentials", () => {
  it("reports the protocol versions and commands", () => {
    const judged = judgeAuthenticatedOptions(answered(response(200, optionsHeaders)), "basic");
    expect(judged.finding.status).toBe("success");
    expect(judged.finding.message).toContain(`Protocol versions: ${VERSIONS.split(",").join(", ")}.`);
    expect(judged.finding.message).toContain("and 14 more");
    expect(judged.protocol?.commands).toContain("FolderSync");
  });

  it("tells rejected credentials from a disabled user and from broken NTLM", () => {
    expect(judgeAuthenticatedOptions(answered(response(401)), "basic").finding).toMatchObject({ status: "error", problem: "LOGIN_FAILED" });
    expect(judgeAuthenticatedOptions(answered(response(403)), "basic").finding).toMatchObject({
      problem: "HTTP_UNEXPECTED_STATUS",
      message: expect.stringContaining("ActiveSync is disabled for this user or device"),
    });
    expect(judgeAuthenticatedOptions({ kind: "no-challenge", status: 401 }, "ntlm").finding).toMatchObject({ problem: "HTTP_AUTH_METHOD_MISSING" });
    expect(judgeAuthenticatedOptions({ kind: "connection-changed" }, "ntlm").finding).toMatchObject({ problem: "HTTP_UNEXPECTED_STATUS" });
    expect(judgeAuthenticatedOptions(answered(response(200)), "basic").finding).toMatchObject({ status: "warning", problem: "HTTP_UNEXPECTED_STATUS" });
  });
});

describe("the FolderSync command", () => {
  const url = shownCommandUrl(URL_TEXT, "FolderSync");

  it("counts the folders of a successful sync, by type and never by name", () => {
    const body = folderSync("1", [
      ["Inbox", 2],
      ["Calendar", 8],
      ["Private project", 12],
    ]);
    const finding = judgeFolderSync(answered(response(200, wbxml, body)), v161, url);
    expect(finding).toMatchObject({ status: "success", details: { folderSyncStatus: 1, folders: 3, protocolVersion: "16.1" } });
    expect(finding.message).toBe("The FolderSync command completed successfully with protocol version 16.1: the mailbox's folder hierarchy has 3 folders.");
    expect(JSON.stringify(finding)).not.toContain("Private project");
    expect(finding.details?.folderTypes).toEqual({ Inbox: 1, Calendar: 1, "user-created mail": 1 });
  });

  it("explains the statuses an admin can fix", () => {
    const judge = (status: string) => judgeFolderSync(answered(response(200, wbxml, folderSync(status))), v161, url);
    expect(judge("126")).toMatchObject({ status: "error", problem: "HTTP_UNEXPECTED_STATUS", message: expect.stringContaining("doesn't allow ActiveSync") });
    expect(judge("129").message).toContain("device is blocked");
    expect(judge("177").message).toContain("Remove-MobileDevice");
    expect(judge("110").message).toContain("ServerError");
    expect(judge("999").message).toContain("status 999, which the analyzer doesn't know");
    for (const status of ["140", "142", "143", "144"]) {
      expect(judge(status)).toMatchObject({ status: "warning", problem: "HTTP_UNEXPECTED_STATUS", message: expect.stringContaining("Provision command") });
    }
  });

  it("judges the HTTP statuses ActiveSync uses: 401, 403, 449, 451", () => {
    expect(judgeFolderSync(answered(response(401)), v161, url)).toMatchObject({ status: "error", problem: "LOGIN_FAILED" });
    expect(judgeFolderSync(answered(response(403)), v161, url).message).toContain("ActiveSync is disabled for this user or device");
    const provision = judgeFolderSync(answered(response(449)), v161, url);
    expect(provision).toMatchObject({ status: "warning", problem: "HTTP_UNEXPECTED_STATUS" });
    expect(provision.message).toContain("credentials were accepted");
    expect(provision.message).toContain("AllowNonProvisionableDevices");
    const moved = judgeFolderSync(answered(response(451, [["x-ms-location", "https://mail2.contoso.com/Microsoft-Server-ActiveSync"]])), v161, url);
    expect(moved).toMatchObject({ status: "warning", details: { location: "https://mail2.contoso.com/Microsoft-Server-ActiveSync" } });
    expect(judgeFolderSync(answered(response(503)), v161, url)).toMatchObject({ status: "error", problem: "HTTP_UNEXPECTED_STATUS" });
  });

  it("refuses a body that isn't FolderSync WBXML, saying what it is", () => {
    const html = judgeFolderSync(answered(response(200, [["content-type", "text/html"]], "<html>Sign in</html>")), v161, url);
    expect(html).toMatchObject({ status: "error", problem: "HTTP_UNEXPECTED_STATUS" });
    expect(html.message).toContain("isn't valid WBXML");
    expect(html.message).toContain("Content-Type: text/html");
    expect(judgeFolderSync(answered(response(200, wbxml)), v161, url).message).toContain("the body is empty");
    const noStatus = encodeWbxml({ name: "FolderHierarchy:FolderSync", children: [{ name: "FolderHierarchy:SyncKey", text: "1" }] });
    expect(judgeFolderSync(answered(response(200, wbxml, noStatus)), v161, url).message).toContain("has no Status");
  });

  it("notes a version the server doesn't list, and never shows the user name", () => {
    const finding = judgeFolderSync(answered(response(200, wbxml, folderSync("1"))), { version: "14.1", common: false }, url);
    expect(finding.details).toMatchObject({ protocolVersionNote: expect.stringContaining("neither 16.1 nor 14.1") });
    expect(url).toBe(`${URL_TEXT}?Cmd=FolderSync&User=<user name>&DeviceId=RCA0000000000000&DeviceType=RemoteConnectivityAnalyzer`);
  });
});

describe("the protocol pieces", () => {
  it("chooses the best common version among 16.1 and 14.1", () => {
    expect(chooseProtocolVersion(VERSIONS.split(","))).toEqual({ version: "16.1", common: true });
    expect(chooseProtocolVersion(["12.1", "14.0", "14.1"])).toEqual({ version: "14.1", common: true });
    expect(chooseProtocolVersion(["2.5", "12.1"])).toEqual({ version: "14.1", common: false });
  });

  it("reads the OPTIONS headers as hostile text: only version and command tokens, capped", () => {
    const hostile = response(200, [
      ["ms-asprotocolversions", "14.1, 16.1,<script>,99999.1,16.1"],
      ["ms-asprotocolcommands", `Sync,Folder Sync,${"A".repeat(100)},${Array.from({ length: 100 }, (_, i) => `C${i}`).join(",")}`],
      ["ms-server-activesync", `15.1\u0000${"x".repeat(200)}`],
    ]);
    const headers = readProtocolHeaders(hostile);
    expect(headers.versions).toEqual(["14.1", "16.1"]);
    expect(headers.commands[0]).toBe("Sync");
    expect(headers.commands).toHaveLength(64);
    expect(headers.serverVersion).toMatch(/^15\.1\uFFFD.*truncated/);
  });

  it("builds the FolderSync command as a device sends it", () => {
    expect(commandPath("/Microsoft-Server-ActiveSync", "FolderSync", "CONTOSO\\jane doe")).toBe(
      "/Microsoft-Server-ActiveSync?Cmd=FolderSync&User=CONTOSO%5Cjane%20doe&DeviceId=RCA0000000000000&DeviceType=RemoteConnectivityAnalyzer",
    );
    const request = folderSyncRequest("/Microsoft-Server-ActiveSync", "jane@contoso.com", "14.1")("Basic abc");
    expect(request).toMatchObject({
      method: "POST",
      headers: { "Content-Type": "application/vnd.ms-sync.wbxml", "MS-ASProtocolVersion": "14.1", "Content-Length": "13", Authorization: "Basic abc" },
    });
    expect(request.path).toContain("User=jane%40contoso.com");
  });
});
