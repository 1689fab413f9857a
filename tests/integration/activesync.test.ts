import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestResult } from "@/lib/engine/types";
import {
  ACTIVESYNC_PATH,
  activeSyncHandler,
  asksForMobileSync,
  HOSTILE_WBXML,
  mobileSyncXml,
  type ActiveSyncHandler,
  type ActiveSyncOptions,
} from "../support/activesync-server";
import { autodiscoverHandler, errorXml } from "../support/autodiscover-server";
import { requestsWithCredentials } from "../support/credentials-seen";
import { allSteps, analyze, startLab, step, type Lab, type ScenarioServer } from "../support/lab";
import { chainPem, type TestPki } from "../support/pki";
import { startHttpsServer, type RequestHandler, type RunningHttpsServer } from "../support/servers";

/**
 * Exchange ActiveSync against fake Exchange servers on 127.0.91.x: mail.eas.test (the ActiveSync server, one account
 * per scenario), eas.test (Autodiscover with the mobilesync answer, and ActiveSync too, for the fallback), and servers
 * that don't publish ActiveSync, answer OPTIONS anonymously, don't offer Basic, present an untrusted certificate,
 * never answer or drop the connection.
 */
const PASSWORD = "Corr3ct-Horse!";
const USERS = [
  "alice",
  "provision",
  "forbidden",
  "blocked",
  "nosync",
  "unprovisioned",
  "hostile",
  "rejected",
  "optionsforbidden",
  "optionshang",
  "optionsdrop",
  "hang",
  "drop",
];
const ACCOUNTS = Object.fromEntries(USERS.map((user) => [`EAS\\${user}`, PASSWORD]));
const BEHAVIOURS: ActiveSyncOptions["behaviours"] = {
  provision: { folderSync: { status: 449 } },
  forbidden: { folderSync: { status: 403 } },
  blocked: { folderSync: { folderSyncStatus: 129 } },
  nosync: { folderSync: { folderSyncStatus: 126 } },
  unprovisioned: { folderSync: { folderSyncStatus: 142 } },
  hostile: { folderSync: { wbxml: HOSTILE_WBXML } },
  rejected: { folderSync: { status: 401 } },
  optionsforbidden: { options: { status: 403 } },
  optionshang: { options: "hang" },
  optionsdrop: { options: "drop" },
  hang: { folderSync: "hang" },
  drop: { folderSync: "drop" },
};
const ALL_METHODS = ['Basic realm="mail.eas.test"', "Negotiate", "NTLM"];

/** Autodiscover's mobilesync answer, by the address's local part; the schemas asked for are recorded. */
const schemasAsked: boolean[] = [];
function mobileAnswer(email: string, body: string): string {
  schemasAsked.push(asksForMobileSync(body));
  if (!asksForMobileSync(body)) return errorXml(601, "The requested schema is not available.");
  const servers = (url: string) => mobileSyncXml({ displayName: "Alice Eas", email, servers: [{ type: "MobileSync", url }] });
  switch (email.split("@")[0]) {
    case "nomobile":
      return mobileSyncXml({ displayName: "Alice Eas", email, servers: [{ type: "CertEnroll", url: "https://ca.eas.test/CertEnroll" }] });
    case "plainhttp":
      return servers(`http://mail.eas.test${ACTIVESYNC_PATH}`);
    default:
      return servers(`https://mail.eas.test${ACTIVESYNC_PATH}`);
  }
}

/** One fake server on 443, its handler, and its certificate. */
function server(name: string, octet: number, handler: RequestHandler, o: { names?: string[]; issuer?: "intermediate" | "self" } = {}): ScenarioServer {
  return {
    name,
    address: `127.0.91.${octet}`,
    start: async (pki: TestPki, host: string) => {
      const names = o.names ?? [name];
      const leaf = await pki.issueLeaf({ commonName: names[0], dnsNames: names, issuer: o.issuer ?? "intermediate" });
      return startHttpsServer({
        host,
        port: 443,
        chain: o.issuer === "self" ? chainPem(leaf) : chainPem(leaf, pki.intermediate),
        key: leaf.keyPem,
        handler,
        nonStandardMethods: [], // a plain https.Server: `drop` destroys the real socket
      });
    },
  };
}

const mail = activeSyncHandler({ accounts: ACCOUNTS, methods: ALL_METHODS, behaviours: BEHAVIOURS });
const autodiscoverAndSync: { autodiscover: RequestHandler; activeSync: ActiveSyncHandler } = {
  autodiscover: autodiscoverHandler({ accounts: ACCOUNTS, methods: ['Basic realm="eas.test"'], respond: (email, { body }) => mobileAnswer(email, body) }),
  activeSync: activeSyncHandler({ accounts: ACCOUNTS, folders: 3 }),
};

const SCENARIOS: ScenarioServer[] = [
  server("mail.eas.test", 1, mail),
  server(
    "eas.test",
    2,
    (req, res) => ((req.url ?? "").toLowerCase().startsWith("/autodiscover/") ? autodiscoverAndSync.autodiscover : autodiscoverAndSync.activeSync)(req, res),
    { names: ["eas.test", "autodiscover.eas.test"] },
  ),
  server("noeas.eas.test", 3, (_req, res) => res.writeHead(404, { "Content-Type": "text/html" }).end("<h2>404 - File or directory not found.</h2>")),
  server("open.eas.test", 4, activeSyncHandler({ accounts: ACCOUNTS, anonymousOptions: true, versions: "12.1,14.0,14.1" })),
  server("nobasic.eas.test", 5, activeSyncHandler({ accounts: ACCOUNTS, methods: ["Negotiate", "NTLM"], ntlm: false })),
  server("selfsigned.eas.test", 6, activeSyncHandler({ accounts: ACCOUNTS, methods: ALL_METHODS }), { issuer: "self" }),
  server("hang.eas.test", 7, () => {}),
  server("drop.eas.test", 8, (req) => req.socket.destroy()),
];

let lab: Lab;
beforeAll(async () => {
  lab = await startLab(SCENARIOS);
});
afterAll(async () => {
  await lab?.stop();
});

const run = (host: string, extra: Record<string, unknown> = {}) => analyze({ test: "activesync", host, ...extra });
const as = (user: string, extra: Record<string, unknown> = {}) => ({ username: `EAS\\${user}`, password: PASSWORD, ...extra });
const requestsOf = (name: string) => (lab.servers.get(name) as RunningHttpsServer).requests;
const topCodes = (result: TestResult) => result.steps.map((s) => s.code);

describe("ActiveSync by server name", () => {
  it("without credentials: DNS, TCP, the certificate and the authentication methods of an anonymous OPTIONS", async () => {
    const result = await run("mail.eas.test");
    expect(result.verdict).toBe("success");
    expect(topCodes(result)).toEqual([
      "dns.resolve",
      "tcp.connect",
      "tls.certificate",
      "activesync.options",
      "activesync.options-authenticated",
      "activesync.folder-sync",
    ]);
    const options = step(result, "activesync.options");
    expect(options.title).toBe(`Testing HTTP Authentication Methods for URL https://mail.eas.test${ACTIVESYNC_PATH}.`);
    // NTLM is offered: its CHALLENGE names the server that answered, read without sending any credential
    expect(options.details?.ntlmServer).toMatchObject({ dnsDomain: expect.any(String) });
    expect(options.message).toBe(
      "The analyzer found the expected authentication method Basic, which ActiveSync devices sign in with. Methods found: Basic, Negotiate, NTLM.",
    );
    expect(requestsOf("mail.eas.test").at(-1)).toMatchObject({ method: "OPTIONS", url: ACTIVESYNC_PATH });
    for (const code of ["activesync.options-authenticated", "activesync.folder-sync"]) {
      expect(step(result, code)).toMatchObject({ status: "skipped", message: "Skipped because no user name and password were supplied." });
    }
  });

  it("with credentials: OPTIONS reports the versions and commands, FolderSync the folders, and nothing keeps the credentials", async () => {
    const before = mail.folderSyncs.length;
    const result = await run("mail.eas.test", as("alice"));
    expect(result.verdict).toBe("success");
    const options = step(result, "activesync.options-authenticated");
    expect(options.title).toBe("Attempting to send the OPTIONS command to the server with the supplied credentials (Basic authentication).");
    expect(options.message).toContain(
      "The OPTIONS response was successfully received and is valid. Protocol versions: 2.0, 2.1, 2.5, 12.0, 12.1, 14.0, 14.1, 16.0, 16.1.",
    );
    expect(options.details).toMatchObject({ serverVersion: "15.20", protocolCommands: expect.arrayContaining(["FolderSync", "Provision"]) });
    const folderSync = step(result, "activesync.folder-sync");
    expect(folderSync.message).toBe("The FolderSync command completed successfully with protocol version 16.1: the mailbox's folder hierarchy has 12 folders.");
    expect(folderSync.details).toMatchObject({ folderSyncStatus: 1, folders: 12, folderTypes: expect.objectContaining({ Inbox: 1, "user-created mail": 2 }) });
    // What the server received: a device's FolderSync, SyncKey 0, in WBXML, with Basic credentials.
    expect(mail.folderSyncs.slice(before)).toEqual([
      expect.objectContaining({
        user: "EAS\\alice",
        deviceId: "RCA0000000000000",
        deviceType: "RemoteConnectivityAnalyzer",
        protocolVersion: "16.1",
        contentType: "application/vnd.ms-sync.wbxml",
        syncKey: "0",
        body: Buffer.from([0x03, 0x01, 0x6a, 0x00, 0x00, 0x07, 0x56, 0x52, 0x03, 0x30, 0x00, 0x01, 0x01]),
      }),
    ]);
    const post = requestsOf("mail.eas.test").at(-1)!;
    expect(post.method).toBe("POST");
    expect(post.headers.authorization).toBe(`Basic ${Buffer.from(`EAS\\alice:${PASSWORD}`).toString("base64")}`);
    const json = JSON.stringify(result);
    expect(json).not.toContain(PASSWORD);
    expect(json).not.toContain("alice");
    expect(result.input.credentials).toBe("supplied (not stored)");
  });

  it("with NTLM: both commands authenticate with a challenge each", async () => {
    const result = await run("mail.eas.test", as("alice", { authMethod: "ntlm" }));
    expect(step(result, "activesync.options").message).toContain("expected authentication method NTLM");
    expect(step(result, "activesync.options-authenticated").status).toBe("success");
    expect(step(result, "activesync.folder-sync")).toMatchObject({ status: "success", details: expect.objectContaining({ folders: 12 }) });
  });

  it("reports a wrong password as LOGIN_FAILED and doesn't go on to FolderSync", async () => {
    const result = await run("mail.eas.test", { username: "EAS\\alice", password: "wrong-password" });
    expect(step(result, "activesync.options-authenticated")).toMatchObject({ status: "error", problem: "LOGIN_FAILED" });
    expect(step(result, "activesync.folder-sync").status).toBe("skipped");
    expect(result.verdict).toBe("error");
  });

  it("reports ActiveSync not published (404) and skips the rest", async () => {
    const result = await run("noeas.eas.test", as("alice"));
    const options = step(result, "activesync.options");
    expect(options).toMatchObject({ status: "error", problem: "HTTP_UNEXPECTED_STATUS" });
    expect(options.message).toContain(`ActiveSync isn't published at https://noeas.eas.test${ACTIVESYNC_PATH} (HTTP 404`);
    expect(step(result, "activesync.options-authenticated").status).toBe("skipped");
    expect(step(result, "activesync.folder-sync").status).toBe("skipped");
  });

  it("explains provisioning (HTTP 449) as a warning: the credentials worked", async () => {
    const result = await run("mail.eas.test", as("provision"));
    expect(step(result, "activesync.options-authenticated").status).toBe("success");
    const folderSync = step(result, "activesync.folder-sync");
    expect(folderSync).toMatchObject({ status: "warning", problem: "HTTP_UNEXPECTED_STATUS" });
    expect(folderSync.message).toContain("HTTP 449");
    expect(folderSync.message).toContain("Provision command");
    expect(result.verdict).toBe("warning");
    const unprovisioned = await run("mail.eas.test", as("unprovisioned"));
    expect(step(unprovisioned, "activesync.folder-sync")).toMatchObject({ status: "warning", message: expect.stringContaining("status 142") });
  });

  it("says what a 403 and the FolderSync statuses mean", async () => {
    const forbidden = await run("mail.eas.test", as("forbidden"));
    expect(step(forbidden, "activesync.folder-sync")).toMatchObject({
      status: "error",
      problem: "HTTP_UNEXPECTED_STATUS",
      message: expect.stringContaining("ActiveSync is disabled for this user or device"),
    });
    const blocked = await run("mail.eas.test", as("blocked"));
    expect(step(blocked, "activesync.folder-sync")).toMatchObject({ status: "error", message: expect.stringContaining("status 129: this device is blocked") });
    const nosync = await run("mail.eas.test", as("nosync"));
    expect(step(nosync, "activesync.folder-sync").message).toContain("the user account doesn't allow ActiveSync");
    const optionsForbidden = await run("mail.eas.test", as("optionsforbidden"));
    expect(step(optionsForbidden, "activesync.options-authenticated")).toMatchObject({ status: "error", problem: "HTTP_UNEXPECTED_STATUS" });
  });

  it("reports FolderSync credentials rejected after OPTIONS accepted them", async () => {
    const result = await run("mail.eas.test", as("rejected"));
    expect(step(result, "activesync.options-authenticated").status).toBe("success");
    expect(step(result, "activesync.folder-sync")).toMatchObject({ status: "error", problem: "LOGIN_FAILED" });
  });

  it("refuses a hostile WBXML body quickly, saying why", async () => {
    const started = Date.now();
    const result = await run("mail.eas.test", as("hostile"));
    const folderSync = step(result, "activesync.folder-sync");
    expect(folderSync).toMatchObject({ status: "error", problem: "HTTP_UNEXPECTED_STATUS" });
    expect(folderSync.message).toContain("isn't valid WBXML: its elements nest deeper than 32 levels");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("reads the versions from an anonymous OPTIONS 200, and speaks 14.1 to a server without 16.1", async () => {
    const result = await run("open.eas.test", as("alice"));
    expect(step(result, "activesync.options")).toMatchObject({
      status: "success",
      details: expect.objectContaining({ protocolVersions: ["12.1", "14.0", "14.1"] }),
    });
    expect(step(result, "activesync.folder-sync")).toMatchObject({ status: "success", details: expect.objectContaining({ protocolVersion: "14.1" }) });
  });

  it("flags Basic missing, and an NTLM offer that never sends a challenge", async () => {
    const basic = await run("nobasic.eas.test", as("alice"));
    expect(step(basic, "activesync.options")).toMatchObject({ status: "error", problem: "HTTP_AUTH_METHOD_MISSING" });
    expect(step(basic, "activesync.options-authenticated").status).toBe("skipped");
    const ntlm = await run("nobasic.eas.test", as("alice", { authMethod: "ntlm" }));
    expect(step(ntlm, "activesync.options").status).toBe("success");
    expect(step(ntlm, "activesync.options-authenticated")).toMatchObject({ status: "error", problem: "HTTP_AUTH_METHOD_MISSING" });
  });

  it("never sends credentials after Ignore trust for SSL let an untrusted certificate through, as the server's log proves", async () => {
    const before = requestsOf("selfsigned.eas.test").length;
    const strict = await run("selfsigned.eas.test", as("alice"));
    expect(step(strict, "tls.certificate.trust").problem).toBe("CERT_SELF_SIGNED");
    expect(step(strict, "activesync.options").status).toBe("skipped");
    for (const authMethod of ["basic", "ntlm"]) {
      const result = await run("selfsigned.eas.test", as("alice", { ignoreTrust: true, authMethod }));
      expect(result.verdict).toBe("warning");
      expect(step(result, "activesync.options").status).toBe("success");
      const options = step(result, "activesync.options-authenticated");
      expect(options).toMatchObject({ status: "skipped", details: { credentialsSent: false } });
      expect(options.message).toContain("credentials weren't sent");
      expect(options.message).toContain("Ignore trust for SSL");
      expect(step(result, "activesync.folder-sync").status).toBe("skipped");
    }
    // Only OPTIONS reached the server: anonymous ones, and NTLM NEGOTIATEs reading its CHALLENGE, none carrying credentials.
    const seen = requestsOf("selfsigned.eas.test").slice(before);
    expect(new Set(seen.map((request) => request.method))).toEqual(new Set(["OPTIONS"]));
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(requestsWithCredentials(seen)).toBe(0);
  });

  it.each([
    ["hang.eas.test", undefined, "activesync.options", "HTTP_TIMEOUT"],
    ["drop.eas.test", undefined, "activesync.options", "CONNECTION_FAILED"],
    ["mail.eas.test", "optionshang", "activesync.options-authenticated", "HTTP_TIMEOUT"],
    ["mail.eas.test", "optionsdrop", "activesync.options-authenticated", "CONNECTION_FAILED"],
    ["mail.eas.test", "hang", "activesync.folder-sync", "HTTP_TIMEOUT"],
    ["mail.eas.test", "drop", "activesync.folder-sync", "CONNECTION_FAILED"],
  ])("gives up on %s (user %s) that never answers or drops the connection: %s %s", async (host, user, code, problem) => {
    const started = Date.now();
    const result = await run(host, user ? as(user) : {});
    expect(step(result, code)).toMatchObject({ status: "error", problem });
    expect(Date.now() - started).toBeLessThan(6000);
  });
});

describe("ActiveSync by e-mail address, through Autodiscover's mobilesync answer", () => {
  const byEmail = (emailAddress: string, extra: Record<string, unknown> = {}) => analyze({ test: "activesync", emailAddress, ...extra });

  it("takes the ActiveSync URL Autodiscover hands out, then tests that server", async () => {
    const before = schemasAsked.length;
    const result = await byEmail("alice@eas.test", as("alice"));
    expect(result.verdict).toBe("success");
    expect(topCodes(result)[0]).toBe("autodiscover");
    const parent = step(result, "autodiscover");
    expect(parent.title).toBe("Attempting the Autodiscover and Exchange ActiveSync test (if requested).");
    expect(parent.message).toBe(`The Exchange ActiveSync URL to test is https://mail.eas.test${ACTIVESYNC_PATH}.`);
    expect(parent.children.map((child) => child.code)).toEqual([
      "autodiscover.method1",
      "autodiscover.method2",
      "autodiscover.method3",
      "autodiscover.method4",
      "autodiscover.result",
      "activesync.url",
    ]);
    expect(step(result, "activesync.url").message).toBe(`Autodiscover returned the Exchange ActiveSync URL https://mail.eas.test${ACTIVESYNC_PATH}.`);
    expect(schemasAsked.slice(before)).toEqual([true]);
    const dns = result.steps.find((s) => s.code === "dns.resolve")!;
    expect(dns.title).toBe("Attempting to resolve the host name mail.eas.test in DNS.");
    expect(step(result, "activesync.folder-sync").status).toBe("success");
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it("without credentials Autodiscover hands out nothing: the analyzer falls back to the Autodiscover host, and says so", async () => {
    const result = await byEmail("alice@eas.test");
    const url = step(result, "activesync.url");
    expect(url).toMatchObject({ status: "info" });
    expect(url.message).toContain(`falls back to https://eas.test${ACTIVESYNC_PATH}`);
    expect(step(result, "activesync.options").title).toBe(`Testing HTTP Authentication Methods for URL https://eas.test${ACTIVESYNC_PATH}.`);
    expect(result.verdict).toBe("success");
  });

  it("warns about settings without a MobileSync URL and falls back; refuses a plain-http one", async () => {
    const nomobile = await byEmail("nomobile@eas.test", as("alice"));
    expect(step(nomobile, "activesync.url")).toMatchObject({ status: "warning", problem: "AUTODISCOVER_BAD_RESPONSE" });
    expect(step(nomobile, "activesync.folder-sync")).toMatchObject({ status: "success", message: expect.stringContaining("3 folders") });
    const http = await byEmail("plainhttp@eas.test", as("alice"));
    expect(step(http, "activesync.url")).toMatchObject({ status: "error", problem: "AUTODISCOVER_BAD_RESPONSE" });
    expect(topCodes(http)).toEqual(["autodiscover", "activesync.session"]);
    expect(step(http, "activesync.session").status).toBe("skipped");
  });

  it("stops when Autodiscover isn't found", async () => {
    const result = await byEmail("alice@nowhere.test");
    expect(step(result, "autodiscover.result")).toMatchObject({ status: "error", problem: "AUTODISCOVER_NOT_FOUND" });
    expect(step(result, "activesync.url").status).toBe("skipped");
    expect(step(result, "activesync.session").status).toBe("skipped");
  });

  it("with both a server and an address, tests the server directly (a device's manual settings)", async () => {
    const result = await analyze({ test: "activesync", host: "mail.eas.test", emailAddress: "alice@eas.test" });
    expect(step(result, "autodiscover")).toMatchObject({ status: "skipped", message: expect.stringContaining("tested directly") });
    expect(allSteps(result.steps).filter((s) => s.code.startsWith("autodiscover.method"))).toEqual([]);
    expect(step(result, "activesync.options").status).toBe("success");
  });
});
