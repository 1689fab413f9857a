import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestResult } from "@/lib/engine/types";
import { autodiscoverHandler, settingsXml } from "../support/autodiscover-server";
import { requestsWithCredentials } from "../support/credentials-seen";
import { allSteps, analyze, problems, startLab, step, type Lab, type ScenarioServer } from "../support/lab";
import { EXCHANGE_2019_APPLICATION, legacyDnOf, mapiHandler, mapiSettingsXml, type MapiHandler, type MapiServerOptions } from "../support/mapi-server";
import { chainPem, type TestPki } from "../support/pki";
import { startHttpsServer, type RequestHandler, type RunningHttpsServer } from "../support/servers";

/**
 * MAPI over HTTP against fake Exchange endpoints on 127.0.92.x, every one on port 443 under mapi.test: the server
 * named directly, and mailboxes @mapi.test found through a real Autodiscover endpoint (mapi.test, which serves /mapi
 * too) whose settings point the Mail Store at mail.mapi.test.
 */
const DOMAIN = "mapi.test";
const name = (label: string) => `${label}.${DOMAIN}`;
const PASSWORD = "Corr3ct-Horse!";
const ACCOUNTS = { "mapi\\alice": PASSWORD };
const CREDENTIALS = { username: "MAPI\\alice", password: PASSWORD };
const MAILBOX_ID = "4f6c3b7e-0d5b-4c1e-9a55-2f1f0e6b9a10@mapi.test";

/** What Autodiscover on mapi.test answers, by the address's local part. */
function settingsFor(email: string): string {
  const base = { displayName: "Alice Smith", email, exprServer: name("mail") };
  const url = (host: string, path: string) => `https://${host}${path}?MailboxId=${MAILBOX_ID}`;
  switch (email.split("@")[0]) {
    case "plain": // MAPI over HTTP not offered: no mapiHttp protocol
      return settingsXml(base);
    case "split": // the Address Book on another server
      return mapiSettingsXml({ ...base, mailStoreUrl: url(name("mail"), "/mapi/emsmdb/"), addressBookUrl: url(DOMAIN, "/mapi/nspi/") });
    default:
      return mapiSettingsXml({ ...base, mailStoreUrl: url(name("mail"), "/mapi/emsmdb/"), addressBookUrl: url(name("mail"), "/mapi/nspi/") });
  }
}

const handlers = new Map<string, MapiHandler>();

function server(host: string, octet: number, handler: RequestHandler, leaf: { names?: string[]; self?: boolean } = {}): ScenarioServer {
  return {
    name: host,
    address: `127.0.92.${octet}`,
    start: async (pki: TestPki, address: string) => {
      const names = leaf.names ?? [host];
      const issued = await pki.issueLeaf({ commonName: names[0], dnsNames: names, issuer: leaf.self ? "self" : "intermediate" });
      return startHttpsServer({
        host: address,
        port: 443,
        chain: leaf.self ? chainPem(issued) : chainPem(issued, pki.intermediate),
        key: issued.keyPem,
        handler,
      });
    },
  };
}

function mapiServer(label: string, octet: number, options: MapiServerOptions = {}, leaf: { self?: boolean } = {}): ScenarioServer {
  const handler = mapiHandler({ accounts: ACCOUNTS, ...options });
  handlers.set(name(label), handler);
  return server(name(label), octet, handler, leaf);
}

/** mapi.test: Autodiscover and /mapi on one server, as a single Exchange server publishes them. */
function autodiscoverAndMapi(octet: number): ScenarioServer {
  const mapi = mapiHandler({ accounts: ACCOUNTS });
  handlers.set(DOMAIN, mapi);
  const autodiscover = autodiscoverHandler({ accounts: ACCOUNTS, respond: (email) => settingsFor(email) });
  return server(DOMAIN, octet, (req, res) => ((req.url ?? "").toLowerCase().startsWith("/mapi/") ? mapi(req, res) : autodiscover(req, res)), {
    names: [DOMAIN, `autodiscover.${DOMAIN}`],
  });
}

const SCENARIOS: ScenarioServer[] = [
  mapiServer("mail", 1),
  autodiscoverAndMapi(2),
  server(name("nomapi"), 3, (_req, res) => res.writeHead(404, { "Content-Type": "text/html", Server: "Microsoft-IIS/10.0" }).end("Not Found")),
  mapiServer("disabled", 4, { responseCode: 16 }),
  mapiServer("selfsigned", 5, {}, { self: true }),
  mapiServer("basiconly", 6, { methods: [`Basic realm="${name("basiconly")}"`] }),
  mapiServer("brokenntlm", 7, { ntlmWithoutChallenge: true }),
  // Neither endpoint ever answers.
  server(name("hang"), 8, () => {}),
  server(name("reset"), 9, (req) => req.socket.destroy()),
  mapiServer("slowconnect", 10, { onConnect: "hang" }),
  mapiServer("dropconnect", 11, { onConnect: "reset" }),
];

let lab: Lab;
beforeAll(async () => {
  lab = await startLab(SCENARIOS);
});
afterAll(async () => {
  await lab?.stop();
});

const onHost = (label: string, extra: Record<string, unknown> = {}) => analyze({ test: "mapi-http", host: name(label), ...extra });
const forMailbox = (emailAddress: string, extra: Record<string, unknown> = {}) => analyze({ test: "mapi-http", emailAddress, ...extra });
const requestsOf = (host: string) => (lab.servers.get(host) as RunningHttpsServer).requests;
const codes = (result: TestResult) => result.steps.map((s) => s.code);

describe("MAPI over HTTP on a server named directly", () => {
  it("checks the server, both endpoints' authentication methods, the Exchange version and the NTLM identity; skips Connect without credentials", async () => {
    const result = await onHost("mail");
    expect(problems(result)).toEqual([]);
    expect(result.verdict).toBe("success");
    expect(codes(result)).toEqual(["dns.resolve", "tcp.connect", "tls.certificate", "mapi.emsmdb.auth-methods", "mapi.nspi.auth-methods", "mapi.connect"]);
    const emsmdb = step(result, "mapi.emsmdb.auth-methods");
    expect(emsmdb.title).toBe(`Testing HTTP Authentication Methods for URL https://${name("mail")}/mapi/emsmdb/.`);
    expect(emsmdb.details).toMatchObject({
      status: 401,
      methodsFound: ["Negotiate", "NTLM", "Basic"],
      serverApplication: EXCHANGE_2019_APPLICATION,
      exchangeVersion: "Exchange Server 2019 or Subscription Edition",
      serverIdentity: { netbiosComputer: "MAIL", dnsComputer: "mail.contoso.test", dnsDomain: "contoso.test", osVersion: "10.0.20348 (NTLM revision 15)" },
    });
    expect(emsmdb.message).toBe(
      `The analyzer found the expected authentication method NTLM. Methods found: Negotiate, NTLM, Basic. The server identifies itself as ${EXCHANGE_2019_APPLICATION} (Exchange Server 2019 or Subscription Edition). Its NTLM challenge names the server mail.contoso.test in contoso.test.`,
    );
    expect(step(result, "mapi.nspi.auth-methods").title).toBe(`Testing HTTP Authentication Methods for URL https://${name("mail")}/mapi/nspi/.`);
    expect(step(result, "mapi.connect")).toMatchObject({ status: "skipped", message: "Skipped because no user name and password were supplied." });
    // Outlook's own anonymous requests: an empty Connect to the Mail Store, an empty Bind to the Address Book.
    const anonymous = requestsOf(name("mail")).filter((request) => !request.headers.authorization);
    expect(anonymous.map((request) => [request.method, request.url, request.headers["x-requesttype"]])).toEqual([
      ["POST", "/mapi/emsmdb/", "Connect"],
      ["POST", "/mapi/nspi/", "Bind"],
    ]);
    expect(anonymous[0]?.headers).toMatchObject({
      "content-type": "application/mapi-http",
      "content-length": "0",
      "x-clientapplication": expect.stringMatching(/^Outlook\/16\.0\./),
    });
    expect(anonymous[0]?.headers["x-requestid"]).toMatch(/^\{[0-9A-F-]{36}\}:\d+$/);
    expect(anonymous[0]?.headers["x-clientinfo"]).toMatch(/^\{[0-9A-F-]{36}\}:\d+$/);
  });

  it("connects with Basic and NTLM: X-ResponseCode 0, the session cookies and the Connect response read", async () => {
    const handler = handlers.get(name("mail"))!;
    const basic = await onHost("mail", { ...CREDENTIALS, authMethod: "basic" });
    const connect = step(basic, "mapi.connect");
    expect(connect.title).toBe(
      `Attempting to connect to the MAPI Mail Store endpoint https://${name("mail")}/mapi/emsmdb/ with the supplied credentials (Basic authentication).`,
    );
    expect(connect).toMatchObject({ status: "success" });
    expect(connect.message).toBe(
      "Successfully connected to the MAPI Mail Store endpoint with Basic authentication: X-ResponseCode 0, mailbox session for Alice Smith created (cookies MapiContext, MapiSequence).",
    );
    expect(connect.details).toMatchObject({
      status: 200,
      responseCode: "0 (Success)",
      requestType: "Connect",
      serverApplication: EXCHANGE_2019_APPLICATION,
      sessionCookies: { MapiContext: true, MapiSequence: true },
      metaTags: ["PROCESSING", "DONE"],
      statusCode: 0,
      errorCode: "0x00000000",
      displayName: "Alice Smith",
      userDn: "empty",
    });
    // The request body as MS-OXCMAPIHTTP 2.2.4.1.1 lays it out, read by the server's own parser.
    expect(handler.connects.at(-1)).toMatchObject({ userDn: "", flags: 0, defaultCodePage: 1252, lcidSort: 1033, lcidString: 1033, auxiliaryBufferSize: 0 });
    expect(handler.connects.at(-1)?.headers).toMatchObject({ "x-requesttype": "Connect", "content-type": "application/mapi-http" });

    const ntlm = await onHost("mail", { ...CREDENTIALS, authMethod: "ntlm" });
    expect(step(ntlm, "mapi.connect")).toMatchObject({ status: "success", details: expect.objectContaining({ scheme: "NTLM", serverDomain: "contoso.test" }) });
    for (const result of [basic, ntlm]) {
      const json = JSON.stringify(result);
      expect(json).not.toContain(PASSWORD);
      expect(json).not.toContain("alice");
      expect(result.input.credentials).toBe("supplied (not stored)");
      expect(result.verdict).toBe("success");
    }
  });

  it("reports a wrong password as a failed login, with either method", async () => {
    for (const authMethod of ["basic", "ntlm"]) {
      const result = await onHost("mail", { username: "MAPI\\alice", password: "wrong-password", authMethod });
      expect(step(result, "mapi.connect")).toMatchObject({ status: "error", problem: "LOGIN_FAILED" });
      expect(step(result, "mapi.connect").message).toContain(`with ${authMethod === "ntlm" ? "NTLM" : "Basic"} authentication`);
    }
  });

  it("says MAPI over HTTP isn't enabled when /mapi answers 404, and doesn't try to connect", async () => {
    const result = await onHost("nomapi", CREDENTIALS);
    for (const code of ["mapi.emsmdb.auth-methods", "mapi.nspi.auth-methods"]) {
      expect(step(result, code)).toMatchObject({ status: "error", problem: "HTTP_UNEXPECTED_STATUS" });
      expect(step(result, code).message).toContain("MAPI over HTTP isn't enabled");
      expect(step(result, code).message).toContain("Set-OrganizationConfig -MapiHttpEnabled $true");
    }
    expect(step(result, "mapi.connect")).toMatchObject({ status: "skipped", message: expect.stringContaining("HTTP 404") });
    expect(requestsOf(name("nomapi")).some((request) => request.headers.authorization)).toBe(false);
  });

  it("names the X-ResponseCode when the endpoint accepts the credentials but refuses Connect", async () => {
    const result = await onHost("disabled", { ...CREDENTIALS, authMethod: "basic" });
    const connect = step(result, "mapi.connect");
    expect(connect).toMatchObject({
      status: "error",
      problem: "HTTP_UNEXPECTED_STATUS",
      details: expect.objectContaining({ responseCode: "16 (Endpoint Disabled)" }),
    });
    expect(connect.message).toContain("refused the Connect request: X-ResponseCode 16 (Endpoint Disabled)");
    expect(connect.message).toContain("Set-CASMailbox <user> -MapiHttpEnabled $true");
  });

  it("flags the chosen method missing, and never sends credentials with a method the server doesn't offer", async () => {
    const before = requestsOf(name("basiconly")).length;
    const result = await onHost("basiconly", { ...CREDENTIALS, authMethod: "ntlm" });
    expect(step(result, "mapi.emsmdb.auth-methods")).toMatchObject({ status: "error", problem: "HTTP_AUTH_METHOD_MISSING" });
    expect(step(result, "mapi.nspi.auth-methods")).toMatchObject({ status: "error", problem: "HTTP_AUTH_METHOD_MISSING" });
    expect(step(result, "mapi.connect")).toMatchObject({ status: "skipped", message: expect.stringContaining("doesn't offer NTLM") });
    expect(
      requestsOf(name("basiconly"))
        .slice(before)
        .some((request) => request.headers.authorization),
    ).toBe(false);
  });

  it("fails Connect when NTLM is offered but the negotiation gets no challenge", async () => {
    const result = await onHost("brokenntlm", { ...CREDENTIALS, authMethod: "ntlm" });
    expect(step(result, "mapi.emsmdb.auth-methods").status).toBe("success");
    expect(step(result, "mapi.emsmdb.auth-methods").details?.serverIdentity).toMatch(/^not obtained/);
    expect(step(result, "mapi.connect")).toMatchObject({ status: "error", problem: "HTTP_AUTH_METHOD_MISSING" });
  });

  it("gives up on an endpoint that never answers, or drops the connection, within the timeout", async () => {
    const started = Date.now();
    const hang = await onHost("hang");
    expect(step(hang, "mapi.emsmdb.auth-methods")).toMatchObject({ status: "error", problem: "HTTP_TIMEOUT" });
    expect(step(hang, "mapi.nspi.auth-methods")).toMatchObject({ status: "error", problem: "HTTP_TIMEOUT" });
    const reset = await onHost("reset");
    expect(step(reset, "mapi.emsmdb.auth-methods")).toMatchObject({ status: "error", problem: "CONNECTION_FAILED" });
    expect(step(reset, "mapi.nspi.auth-methods")).toMatchObject({ status: "error", problem: "CONNECTION_FAILED" });
    const slow = await onHost("slowconnect", { ...CREDENTIALS, authMethod: "basic" });
    expect(step(slow, "mapi.connect")).toMatchObject({ status: "error", problem: "HTTP_TIMEOUT" });
    const dropped = await onHost("dropconnect", { ...CREDENTIALS, authMethod: "basic" });
    expect(step(dropped, "mapi.connect")).toMatchObject({ status: "error", problem: "CONNECTION_FAILED" });
    expect(Date.now() - started).toBeLessThan(12_000);
  });

  it("skips the endpoint steps after a certificate error, and runs them with Ignore trust for SSL", async () => {
    const strict = await onHost("selfsigned");
    expect(step(strict, "tls.certificate.trust")).toMatchObject({ status: "error", problem: "CERT_SELF_SIGNED" });
    expect(step(strict, "mapi.emsmdb.auth-methods").status).toBe("skipped");
    const lenient = await onHost("selfsigned", { ignoreTrust: true });
    expect(lenient.verdict).toBe("warning");
    expect(step(lenient, "mapi.emsmdb.auth-methods").status).toBe("success");
  });

  it("never sends credentials after Ignore trust for SSL let an untrusted certificate through, and says why", async () => {
    const before = requestsOf(name("selfsigned")).length;
    for (const authMethod of ["basic", "ntlm"]) {
      const result = await onHost("selfsigned", { ignoreTrust: true, authMethod, ...CREDENTIALS });
      expect(step(result, "mapi.emsmdb.auth-methods").status).toBe("success");
      const connect = step(result, "mapi.connect");
      expect(connect).toMatchObject({ status: "skipped", details: { credentialsSent: false } });
      expect(connect.message).toContain("credentials weren't sent");
      expect(connect.message).toContain("Ignore trust for SSL");
    }
    // The server saw the anonymous requests and the credential-free NTLM NEGOTIATE that reads its identity: no Basic, no NTLM AUTHENTICATE.
    expect(requestsOf(name("selfsigned")).length).toBeGreaterThan(before);
    const seen = requestsOf(name("selfsigned")).slice(before);
    expect(seen.filter((request) => request.headers.authorization).length).toBeGreaterThan(0);
    expect(requestsWithCredentials(seen)).toBe(0);
    expect(handlers.get(name("selfsigned"))!.connects).toEqual([]);
  });
});

describe("MAPI over HTTP for a mailbox, found through Autodiscover", () => {
  it("without credentials: Autodiscover proves the server, and /mapi on it is tested (and the analyzer says so)", async () => {
    const result = await forMailbox(`alice@${DOMAIN}`);
    expect(codes(result)).toEqual([
      "autodiscover",
      "dns.resolve",
      "tcp.connect",
      "tls.certificate",
      "mapi.emsmdb.auth-methods",
      "mapi.nspi.auth-methods",
      "mapi.connect",
    ]);
    const autodiscover = step(result, "autodiscover");
    expect(autodiscover).toMatchObject({ title: "Attempting to find the MAPI over HTTP endpoints through Autodiscover.", status: "success" });
    expect(step(result, "autodiscover.method1").status).toBe("success");
    const endpoints = step(result, "mapi.endpoints");
    expect(endpoints.status).toBe("info");
    expect(endpoints.message).toBe(
      `Without credentials Autodiscover hands out no settings, so the MAPI over HTTP URLs are unknown. The analyzer tests https://${DOMAIN}/mapi/emsmdb/ and https://${DOMAIN}/mapi/nspi/ on the server that answered Autodiscover.`,
    );
    expect(step(result, "mapi.emsmdb.auth-methods")).toMatchObject({
      title: `Testing HTTP Authentication Methods for URL https://${DOMAIN}/mapi/emsmdb/.`,
      status: "success",
    });
    expect(result.verdict).toBe("success");
  });

  it("with credentials: Autodiscover's mapiHttp URLs and the mailbox's legacy DN, sent as the Connect request's UserDn", async () => {
    const email = `alice@${DOMAIN}`;
    const mail = handlers.get(name("mail"))!;
    const result = await forMailbox(email, { ...CREDENTIALS, authMethod: "basic" });
    const mailStore = `https://${name("mail")}/mapi/emsmdb/?MailboxId=${MAILBOX_ID}`;
    expect(step(result, "mapi.endpoints")).toMatchObject({ status: "success", details: expect.objectContaining({ mailStore, userDn: "from Autodiscover" }) });
    expect(step(result, "mapi.endpoints").message).toContain(`Mail Store ${mailStore}, Address Book https://${name("mail")}/mapi/nspi/?MailboxId=`);
    expect(step(result, "mapi.emsmdb.auth-methods").title).toBe(`Testing HTTP Authentication Methods for URL ${mailStore}.`);
    expect(step(result, "mapi.connect")).toMatchObject({ status: "success", details: expect.objectContaining({ userDn: "the legacy DN from Autodiscover" }) });
    expect(mail.connects.at(-1)?.userDn).toBe(legacyDnOf(settingsFor(email)));
    expect(requestsOf(name("mail")).at(-1)?.url).toBe(`/mapi/emsmdb/?MailboxId=${MAILBOX_ID}`);
    expect(result.verdict).toBe("success");
  });

  it("tests an Address Book on another server with that server's own DNS, TCP and certificate steps", async () => {
    const result = await forMailbox(`split@${DOMAIN}`, { ...CREDENTIALS, authMethod: "ntlm" });
    const nspi = step(result, "mapi.nspi.auth-methods");
    expect(nspi.title).toBe(`Testing HTTP Authentication Methods for URL https://${DOMAIN}/mapi/nspi/?MailboxId=${MAILBOX_ID}.`);
    expect(nspi.children.map((child) => child.code)).toEqual(["dns.resolve", "tcp.connect", "tls.certificate"]);
    expect(nspi.status).toBe("success");
    expect(step(result, "mapi.connect").status).toBe("success");
  });

  it("with a server named too: the mailbox's Autodiscover URLs and legacy DN, tested on that server", async () => {
    const email = `alice@${DOMAIN}`;
    const result = await forMailbox(email, { host: DOMAIN, ...CREDENTIALS, authMethod: "ntlm" });
    const mailStore = `https://${DOMAIN}/mapi/emsmdb/?MailboxId=${MAILBOX_ID}`;
    expect(step(result, "mapi.endpoints").message).toContain(
      `As asked, they are tested on ${DOMAIN} instead: ${mailStore} and https://${DOMAIN}/mapi/nspi/?MailboxId=`,
    );
    // The server's own steps, after Autodiscover's (which found mail.mapi.test).
    expect(result.steps.find((s) => s.code === "dns.resolve")?.title).toBe(`Attempting to resolve the host name ${DOMAIN} in DNS.`);
    expect(step(result, "mapi.emsmdb.auth-methods").title).toBe(`Testing HTTP Authentication Methods for URL ${mailStore}.`);
    expect(step(result, "mapi.connect").status).toBe("success");
    expect(handlers.get(DOMAIN)!.connects.at(-1)?.userDn).toBe(legacyDnOf(settingsFor(email)));
  });

  it("falls back to /mapi on the Outlook Anywhere server when Autodiscover lists no mapiHttp protocol", async () => {
    const result = await forMailbox(`plain@${DOMAIN}`, { ...CREDENTIALS, authMethod: "basic" });
    const endpoints = step(result, "mapi.endpoints");
    expect(endpoints.status).toBe("info");
    expect(endpoints.message).toContain("Autodiscover returned no mapiHttp protocol");
    expect(endpoints.message).toContain(`https://${name("mail")}/mapi/emsmdb/`);
    expect(step(result, "mapi.connect")).toMatchObject({ status: "success", details: expect.objectContaining({ userDn: "the legacy DN from Autodiscover" }) });
  });

  it("skips the MAPI steps when Autodiscover rejects the credentials, or finds nothing", async () => {
    const rejected = await forMailbox(`alice@${DOMAIN}`, { username: "MAPI\\alice", password: "wrong-password", authMethod: "basic" });
    expect(step(rejected, "autodiscover.result")).toMatchObject({ status: "error", problem: "LOGIN_FAILED" });
    expect(allSteps(rejected.steps).some((s) => s.code === "mapi.endpoints")).toBe(false);
    expect(step(rejected, "mapi.connect").status).toBe("skipped");
    const nowhere = await forMailbox("alice@nowhere.test");
    expect(step(nowhere, "autodiscover.result")).toMatchObject({ status: "error", problem: "AUTODISCOVER_NOT_FOUND" });
    expect(
      allSteps(nowhere.steps)
        .filter((s) => s.code.startsWith("mapi.") && s.code !== "mapi.endpoints")
        .map((s) => s.status),
    ).toEqual(["skipped", "skipped", "skipped"]);
  });
});
