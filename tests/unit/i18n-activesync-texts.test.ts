import { describe, expect, it } from "vitest";
import { folderSyncStatus, readFolderSync } from "@/lib/analyzers/activesync/folder-sync";
import { judgeActiveSyncUrl, judgeAnonymousOptions, judgeAuthenticatedOptions, judgeFolderSync } from "@/lib/analyzers/activesync/judge";
import { encodeWbxml, type WbxmlNode } from "@/lib/analyzers/activesync/wbxml";
import type { PoxSettings } from "@/lib/analyzers/steps/autodiscover/judge";
import type { CredentialExchange } from "@/lib/analyzers/steps/credentials";
import { text, type LocalizedText } from "@/lib/engine/text";
import { en } from "@/lib/i18n/messages/en";
import type { HttpResponse } from "@/lib/net/http";
import { expectLocalized, expectText } from "../support/i18n-texts";

/**
 * The Exchange ActiveSync step texts (lib/analyzers/activesync/*): each stores the English it stored before it became
 * a catalogue text, word for word, and reads in Italian.
 */

const URL_TEXT = "https://mail.contoso.com/Microsoft-Server-ActiveSync";
const response = (status: number, headers: Array<[string, string]> = [], body: Buffer | string = "", statusText = "", bodyTruncated = false): HttpResponse => ({
  status,
  statusText,
  headers,
  body: Buffer.from(body),
  bodyTruncated,
});
const answered = (r: HttpResponse): CredentialExchange => ({ kind: "answered", response: r });
const versions: Array<[string, string]> = [["ms-asprotocolversions", "14.1,16.1"]];
const wbxml: Array<[string, string]> = [["content-type", "application/vnd.ms-sync.wbxml"]];
const v161 = { version: "16.1", common: true };
const folderSync = (status: string, folders: number[] = []): Buffer => {
  const ns = (name: string) => `FolderHierarchy:${name}`;
  const changes: WbxmlNode = {
    name: ns("Changes"),
    children: [
      { name: ns("Count"), text: String(folders.length) },
      ...folders.map((type, i) => ({
        name: ns("Add"),
        children: [
          { name: ns("ServerId"), text: String(i + 1) },
          { name: ns("Type"), text: String(type) },
        ],
      })),
    ],
  };
  return encodeWbxml({ name: ns("FolderSync"), children: [{ name: ns("Status"), text: status }, ...(status === "1" ? [changes] : [])] });
};

describe("ActiveSync step titles and reasons", () => {
  it("titles", () => {
    expectText(text("steps.activeSync.title.autodiscover"), "Attempting the Autodiscover and Exchange ActiveSync test (if requested).");
    expectText(text("steps.activeSync.title.options", { url: URL_TEXT }), `Testing HTTP Authentication Methods for URL ${URL_TEXT}.`);
    expectText(
      text("steps.activeSync.title.optionsAuthenticated", { method: "Basic" }),
      "Attempting to send the OPTIONS command to the server with the supplied credentials (Basic authentication).",
    );
    expectText(text("steps.activeSync.title.folderSync"), "Attempting the FolderSync command on the Exchange ActiveSync session.");
    expectText(text("steps.activeSync.title.url"), "Determining the Exchange ActiveSync URL.");
  });

  it("skip reasons read after 'Skipped because', as the plain strings did", () => {
    const skipped = (reason: LocalizedText) => text("engine.skipped.because", { reason });
    expectText(skipped(text("steps.activeSync.reason.noUrl")), "Skipped because autodiscover didn't lead to an ActiveSync URL.");
    expectText(skipped(text("steps.activeSync.reason.noCredentials")), "Skipped because no user name and password were supplied.");
    expectText(skipped(text("steps.activeSync.reason.noAutodiscover")), "Skipped because autodiscover wasn't found, so it names no ActiveSync URL.");
    expectText(skipped(text("steps.activeSync.reason.noSession")), "Skipped because the credentials weren't sent, so there is no ActiveSync session to sync.");
    expectText(text("steps.activeSync.summary.foundWithWarnings", { url: URL_TEXT }), `The Exchange ActiveSync URL to test is ${URL_TEXT}, with warnings.`);
  });
});

describe("ActiveSync URL from Autodiscover", () => {
  const settings = (...protocols: PoxSettings["protocols"]): PoxSettings => ({ kind: "settings", user: {}, account: {}, protocols });
  const discoveryUrl = "https://autodiscover.contoso.com/autodiscover/autodiscover.xml";

  it("found, fallback without settings, no MobileSync, not https", () => {
    expectLocalized(
      judgeActiveSyncUrl({ settings: settings({ type: "MobileSync", url: URL_TEXT }), discoveryUrl }).finding,
      `Autodiscover returned the Exchange ActiveSync URL ${URL_TEXT}.`,
    );
    expectLocalized(
      judgeActiveSyncUrl({ discoveryUrl }).finding,
      "Autodiscover handed out no settings: it answers them only to credentials, sent over a connection a device would accept. Like a device, the analyzer falls back to https://autodiscover.contoso.com/Microsoft-Server-ActiveSync, on the Autodiscover server's host.",
    );
    expectLocalized(
      judgeActiveSyncUrl({ settings: settings({ type: "CertEnroll", url: "https://ca.contoso.com" }), discoveryUrl }).finding,
      "Autodiscover returned settings without a MobileSync server URL (servers listed: CertEnroll), so devices can't set themselves up from it: check the ExternalUrl of the Microsoft-Server-ActiveSync virtual directory (Set-ActiveSyncVirtualDirectory -ExternalUrl). The analyzer falls back to https://autodiscover.contoso.com/Microsoft-Server-ActiveSync.",
    );
    expectLocalized(
      judgeActiveSyncUrl({ settings: settings(), discoveryUrl: "not a url" }).finding,
      "Autodiscover returned settings without a MobileSync server URL (servers listed: none), so devices can't set themselves up from it: check the ExternalUrl of the Microsoft-Server-ActiveSync virtual directory (Set-ActiveSyncVirtualDirectory -ExternalUrl).",
    );
    expectLocalized(
      judgeActiveSyncUrl({ settings: settings({ type: "MobileSync", url: "http://mail.contoso.com/x" }), discoveryUrl }).finding,
      "Autodiscover returned the ActiveSync URL http://mail.contoso.com/x, which isn't an https URL: devices don't send a password to it. Set an https ExternalUrl on the Microsoft-Server-ActiveSync virtual directory.",
    );
  });
});

describe("ActiveSync OPTIONS", () => {
  it("anonymous: methods found, missing (with Bearer), Negotiate only, 404, redirect, open", () => {
    expectLocalized(
      judgeAnonymousOptions(response(401, [["www-authenticate", "Basic realm=x"]]), "basic", URL_TEXT),
      "The analyzer found the expected authentication method Basic, which ActiveSync devices sign in with. Methods found: Basic.",
    );
    expectLocalized(
      judgeAnonymousOptions(response(401, [["www-authenticate", "NTLM"]]), "ntlm", URL_TEXT),
      "The analyzer found the expected authentication method NTLM. Methods found: NTLM.",
    );
    expectLocalized(
      judgeAnonymousOptions(response(401, [["www-authenticate", "Bearer"]]), "basic", URL_TEXT),
      "The authentication method Basic isn't offered for ActiveSync, and devices with a user name and password sign in with Basic. Methods found: Bearer. Bearer means modern authentication (OAuth): devices that support it sign in through the identity provider instead.",
    );
    expectLocalized(
      judgeAnonymousOptions(response(401), "ntlm", URL_TEXT),
      "The authentication method NTLM isn't offered for ActiveSync. Methods found: none.",
    );
    expectLocalized(
      judgeAnonymousOptions(response(401, [["www-authenticate", "Negotiate"]]), "ntlm", URL_TEXT),
      "NTLM isn't offered on its own; Negotiate is, which falls back to NTLM for most clients. Methods found: Negotiate.",
    );
    expectLocalized(
      judgeAnonymousOptions(response(404, [], "", "Not Found"), "basic", URL_TEXT),
      `ActiveSync isn't published at ${URL_TEXT} (HTTP 404 Not Found): the Microsoft-Server-ActiveSync virtual directory doesn't exist on this server, or a reverse proxy in front of it doesn't publish it.`,
    );
    expectLocalized(
      judgeAnonymousOptions(response(302, [["location", "https://sso.contoso.com/"]]), "basic", URL_TEXT),
      `${URL_TEXT} answered HTTP 302 instead of 401 Unauthorized with the authentication methods it accepts. It redirects to https://sso.contoso.com/, and devices don't follow redirects.`,
    );
    expectLocalized(
      judgeAnonymousOptions(response(500), "basic", URL_TEXT),
      `${URL_TEXT} answered HTTP 500 instead of 401 Unauthorized with the authentication methods it accepts.`,
    );
    expectLocalized(
      judgeAnonymousOptions(response(200, [...versions, ["ms-asprotocolcommands", "Sync,FolderSync"]], "", "OK"), "basic", URL_TEXT),
      "The server answered OPTIONS without asking for authentication (HTTP 200 OK). Protocol versions: 14.1, 16.1. 2 commands offered.",
    );
    expectLocalized(
      judgeAnonymousOptions(response(200), "basic", URL_TEXT),
      `${URL_TEXT} answered OPTIONS with HTTP 200 without asking for authentication and without MS-ASProtocolVersions: it doesn't look like Exchange ActiveSync (a reverse proxy's or a portal's page?).`,
    );
  });

  it("authenticated: rejected, disabled, other status, no versions, valid with and without a long command list", () => {
    expectLocalized(
      judgeAuthenticatedOptions(answered(response(401)), "basic").finding,
      "The server rejected the supplied credentials (HTTP 401) with Basic authentication. Check the user name (DOMAIN\\user or the UPN), the password, and that the account isn't locked out.",
    );
    expectLocalized(
      judgeAuthenticatedOptions(answered(response(403)), "basic").finding,
      "ActiveSync is disabled for this user or device (HTTP 403 Forbidden). Check Get-CASMailbox <user> (ActiveSyncEnabled), the device access rules and quarantine (Get-ActiveSyncDeviceAccessRule, Get-ActiveSyncOrganizationSettings), and the user's blocked device IDs.",
    );
    expectLocalized(judgeAuthenticatedOptions(answered(response(500)), "basic").finding, "With the credentials accepted, OPTIONS answered HTTP 500.");
    expectLocalized(
      judgeAuthenticatedOptions(answered(response(200)), "basic").finding,
      "The server answered OPTIONS (HTTP 200) without MS-ASProtocolVersions, so it doesn't say which ActiveSync versions it speaks: it may not be Exchange ActiveSync, or a proxy strips the header.",
    );
    expectLocalized(
      judgeAuthenticatedOptions(answered(response(200, versions)), "basic").finding,
      "The OPTIONS response was successfully received and is valid. Protocol versions: 14.1, 16.1.",
    );
    const commands = Array.from({ length: 24 }, (_, i) => `Command${i}`);
    const judged = judgeAuthenticatedOptions(answered(response(200, [...versions, ["ms-asprotocolcommands", commands.join(",")]])), "basic").finding;
    expect(judged.message).toMatch(
      /^The OPTIONS response was successfully received and is valid\. Protocol versions: 14\.1, 16\.1\. Commands: Command0, .* and \d+ more\.$/,
    );
    expectLocalized(judged, judged.message);
  });
});

describe("ActiveSync FolderSync", () => {
  const url = `${URL_TEXT}?Cmd=FolderSync`;

  it("success, with one folder, many folders and a partial read", () => {
    expectLocalized(
      judgeFolderSync(answered(response(200, wbxml, folderSync("1", [2]))), v161, url),
      "The FolderSync command completed successfully with protocol version 16.1: the mailbox's folder hierarchy has 1 folder.",
    );
    expectLocalized(
      judgeFolderSync(answered(response(200, wbxml, folderSync("1", [2, 3, 4]))), v161, url),
      "The FolderSync command completed successfully with protocol version 16.1: the mailbox's folder hierarchy has 3 folders.",
    );
    const whole = folderSync(
      "1",
      Array.from({ length: 50 }, () => 12),
    );
    const cut = whole.subarray(0, 60);
    const finding = judgeFolderSync(answered(response(200, wbxml, cut, "", true)), v161, url);
    expect(finding.message).toMatch(
      /^The FolderSync command completed successfully with protocol version 16\.1: the mailbox's folder hierarchy has 50 folders\. \(the response was larger than 60 bytes, so only its beginning was read \(.+\)\)$/,
    );
    expectLocalized(finding, finding.message);
  });

  it("HTTP failures: no challenge, 401, 403, 449, 451 with and without a location, other status", () => {
    expectLocalized(
      judgeFolderSync({ kind: "no-challenge", status: 401 } as CredentialExchange, v161, url),
      "The server didn't answer the NTLM negotiation of the FolderSync command with a challenge (HTTP 401).",
    );
    expectLocalized(
      judgeFolderSync(answered(response(401)), v161, url),
      "The server rejected the credentials for the FolderSync command (HTTP 401), though it accepted them for OPTIONS: the mailbox may not be reachable with them (check the user name format, and that the account has a mailbox).",
    );
    expectLocalized(judgeFolderSync(answered(response(403)), v161, url), en.steps.activeSync.disabled);
    expectLocalized(
      judgeFolderSync(answered(response(449)), v161, url),
      `The server answered HTTP 449 (Retry after sending a PROVISION command). ${en.steps.activeSync.provisioning}`,
    );
    expectLocalized(
      judgeFolderSync(answered(response(451, [["x-ms-location", "https://eas2.contoso.com/Microsoft-Server-ActiveSync?User=alice"]])), v161, url),
      "The server answered HTTP 451: the mailbox is served by another ActiveSync URL (https://eas2.contoso.com/Microsoft-Server-ActiveSync), which devices switch to. Test that URL, and check the ExternalUrl of the virtual directories.",
    );
    expectLocalized(
      judgeFolderSync(answered(response(451)), v161, url),
      "The server answered HTTP 451: the mailbox is served by another ActiveSync URL (no X-MS-Location header), which devices switch to. Test that URL, and check the ExternalUrl of the virtual directories.",
    );
    expectLocalized(
      judgeFolderSync(answered(response(500, [], "", "Internal Server Error")), v161, url),
      "The FolderSync command answered HTTP 500 Internal Server Error.",
    );
  });

  it("bodies: unreadable, wrong root, no Status, provisioning and failure statuses", () => {
    const notWbxml = judgeFolderSync(answered(response(200, [["content-type", "text/html"]], "<html>")), v161, url);
    expect(notWbxml.message).toMatch(
      /^The server answered the FolderSync command with HTTP 200, but the body can't be read: it isn't valid WBXML: .+ \(Content-Type: text\/html\)\.$/,
    );
    expectLocalized(notWbxml, notWbxml.message);
    expectLocalized(
      judgeFolderSync(answered(response(200, [], encodeWbxml({ name: "FolderHierarchy:Status", text: "1" }))), v161, url),
      "The server answered the FolderSync command with HTTP 200, but the body can't be read: its root element is FolderHierarchy:Status, not FolderHierarchy:FolderSync (Content-Type: none).",
    );
    expectLocalized(
      judgeFolderSync(answered(response(200, wbxml, encodeWbxml({ name: "FolderHierarchy:FolderSync", children: [] }))), v161, url),
      "The server's FolderSync response has no Status: it isn't an answer a device can use.",
    );
    expectLocalized(
      judgeFolderSync(answered(response(200, wbxml, folderSync("142"))), v161, url),
      `FolderSync answered status 142: the device isn't provisioned (DeviceNotProvisioned). ${en.steps.activeSync.provisioning}`,
    );
    expectLocalized(
      judgeFolderSync(answered(response(200, wbxml, folderSync("126"))), v161, url),
      "The FolderSync command failed with status 126: the user account doesn't allow ActiveSync (UserDisabledForSync). Fix: Set-CASMailbox <user> -ActiveSyncEnabled $true.",
    );
    expectLocalized(
      judgeFolderSync(answered(response(200, wbxml, folderSync("999"))), v161, url),
      "The FolderSync command failed with status 999: status 999, which the analyzer doesn't know.",
    );
  });

  it("every Status meaning has its Italian", () => {
    for (const status of [1, 6, 9, 10, 11, 12, 101, 102, 103, 108, 109, 110, 111, 112, 113, 114, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134]) {
      const meaning = folderSyncStatus(status);
      expect(meaning.meaning).toBe(meaning.text.english);
      expectText(meaning.text, meaning.meaning);
    }
    for (const status of [137, 138, 139, 140, 141, 142, 143, 144, 145, 177, 4242]) expectText(folderSyncStatus(status).text, folderSyncStatus(status).meaning);
    expect(folderSyncStatus(140).kind).toBe("provisioning");
    expect(folderSyncStatus(4242)).toMatchObject({ kind: "failure", meaning: "status 4242, which the analyzer doesn't know" });
    const unreadable = readFolderSync(Buffer.alloc(0), false);
    expect(unreadable.kind === "unreadable" && unreadable.reason).toBe("it isn't valid WBXML: the body is empty");
  });
});
