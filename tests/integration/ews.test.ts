import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { autodiscoverHandler, settingsXml } from "../support/autodiscover-server";
import { requestsWithCredentials } from "../support/credentials-seen";
import {
  EWS_BILLION_LAUGHS_XML,
  EWS_SIGN_IN_PAGE,
  ewsErrorXml,
  ewsHandler,
  getFolderResponseXml,
  NOT_SOAP_XML,
  soapFaultXml,
  type EwsAnswer,
  type EwsRequest,
} from "../support/ews-server";
import { allSteps, analyze, startLab, step, type Lab, type ScenarioServer } from "../support/lab";
import { chainPem, type TestPki } from "../support/pki";
import { startHttpsServer, type RequestHandler, type RunningHttpsServer } from "../support/servers";

/**
 * Exchange Web Services against real peers on 127.0.90.x: Exchange-like servers that answer EWS's GetFolder
 * (Basic and NTLM), one that also serves Autodiscover for the ews.test domain, and broken ones (no EWS, Basic only,
 * NTLM without a challenge, a certificate nobody trusts, a server that hangs, one that hangs up). A real dnsmasq
 * serves the names.
 */
const PASSWORD = "Corr3ct-Horse!";
/** Each account makes mail.ews.test answer GetFolder its own way (see answerFor). */
const USERS = ["alice", "nomailbox", "denied", "fault", "bomb", "html", "notsoap", "hang", "drop"];
const ACCOUNTS = Object.fromEntries(USERS.map((user) => [`contoso\\${user}`, PASSWORD]));
const DOMAIN = "ews.test";
const name = (label: string) => `${label}.${DOMAIN}`;
const EWS_URL = (host: string) => `https://${host}/EWS/Exchange.asmx`;

function answerFor({ user }: EwsRequest): EwsAnswer {
  switch (user) {
    case "nomailbox":
      return ewsErrorXml("ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.");
    case "denied":
      return ewsErrorXml("ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    case "fault":
      return { status: 500, body: soapFaultXml("ErrorInternalServerError", "An internal server error occurred. The operation failed.") };
    case "bomb":
      return EWS_BILLION_LAUGHS_XML;
    case "html":
      return { contentType: "text/html", body: EWS_SIGN_IN_PAGE };
    case "notsoap":
      return NOT_SOAP_XML;
    case "hang":
    case "drop":
      return user;
    default:
      return getFolderResponseXml({ displayName: "Inbox", totalCount: 12, unreadCount: 3 });
  }
}

/** What Autodiscover at ews.test hands out, by the address's local part: the EWS URL points at mail.ews.test. */
function settingsFor(email: string): string {
  const settings = (extra: Partial<Parameters<typeof settingsXml>[0]> = {}) =>
    settingsXml({ displayName: "Alice Smith", email, exprServer: name("mail"), ...extra });
  switch (email.split("@")[0]) {
    case "noexpr":
      return settings({ includeExpr: false });
    case "noews":
      return settings().replace(/<(EwsUrl|EmwsUrl|ASUrl|EwsPartnerUrl|OOFUrl)>[^<]*<\/\1>/g, "");
    default:
      return settings();
  }
}

const handlers = {
  mail: ewsHandler({ accounts: ACCOUNTS, respond: answerFor }),
  /** Exchange serves EWS beside Autodiscover: what the test falls back to without credentials. */
  autodiscoverHost: ewsHandler({ accounts: ACCOUNTS }),
  basicOnly: ewsHandler({ accounts: ACCOUNTS, methods: [`Basic realm="${name("basiconly")}"`] }),
  selfSigned: ewsHandler({ accounts: ACCOUNTS }),
  noChallenge: ewsHandler({ accounts: ACCOUNTS, ntlmChallenge: false }),
} satisfies Record<string, RequestHandler>;

const autodiscover = autodiscoverHandler({ accounts: ACCOUNTS, respond: settingsFor });

function server(host: string, octet: number, handler: RequestHandler, options: { names?: string[]; selfSigned?: boolean } = {}): ScenarioServer {
  return {
    name: host,
    address: `127.0.90.${octet}`,
    start: async (pki: TestPki, address: string) => {
      const names = options.names ?? [host];
      const leaf = await pki.issueLeaf({ commonName: names[0], dnsNames: names, ...(options.selfSigned ? { issuer: "self" as const } : {}) });
      return startHttpsServer({
        host: address,
        port: 443,
        chain: options.selfSigned ? chainPem(leaf) : chainPem(leaf, pki.intermediate),
        key: leaf.keyPem,
        nonStandardMethods: [],
        handler,
      });
    },
  };
}

const SCENARIOS: ScenarioServer[] = [
  server(DOMAIN, 1, (req, res) => ((req.url ?? "").toLowerCase().startsWith("/autodiscover/") ? autodiscover(req, res) : handlers.autodiscoverHost(req, res)), {
    names: [DOMAIN, name("autodiscover")],
  }),
  server(name("mail"), 2, handlers.mail),
  server(name("noews"), 3, (_req, res) => res.writeHead(404, { "Content-Type": "text/html" }).end("<h2>404 - File or directory not found.</h2>")),
  server(name("basiconly"), 4, handlers.basicOnly),
  server(name("selfsigned"), 5, handlers.selfSigned, { selfSigned: true }),
  server(name("nochallenge"), 6, handlers.noChallenge),
  server(name("hang"), 7, () => {}),
  server(name("drop"), 8, (req) => req.socket.destroy()),
];

let lab: Lab;
beforeAll(async () => {
  lab = await startLab(SCENARIOS);
});
afterAll(async () => {
  await lab?.stop();
});

type Result = Awaited<ReturnType<typeof analyze>>;
const serverOf = (host: string) => lab.servers.get(host) as RunningHttpsServer;
const run = (label: string, extra: Record<string, unknown> = {}) => analyze({ test: "ews", host: name(label), ...extra });
const signedIn = (label: string, user = "alice", extra: Record<string, unknown> = {}) =>
  run(label, { username: `CONTOSO\\${user}`, password: PASSWORD, authMethod: "basic", ...extra });
const byEmail = (emailAddress: string, extra: Record<string, unknown> = {}) => analyze({ test: "ews", emailAddress, ...extra });

/** The step with this code among the children of the step `parent`. */
function childOf(result: Result, parent: string, code: string) {
  const found = allSteps(step(result, parent).children).find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no ${code} under ${parent}`);
  return found;
}

describe("EWS at a host name", () => {
  it("without credentials: the certificate, the methods EWS offers and the server's NTLM identity; GetFolder skipped", async () => {
    const mail = serverOf(name("mail"));
    const before = mail.requests.length;
    const result = await run("mail");
    expect(result.verdict).toBe("success");
    expect(result.steps.map((s) => s.code)).toEqual([
      "dns.resolve",
      "tcp.connect",
      "tls.certificate",
      "ews.auth-methods",
      "ews.ntlm-challenge",
      "ews.get-folder",
    ]);
    const methods = step(result, "ews.auth-methods");
    expect(methods.title).toBe(`Testing HTTP Authentication Methods for URL ${EWS_URL(name("mail"))}.`);
    expect(methods).toMatchObject({ status: "success", details: expect.objectContaining({ status: 401, methodsFound: ["Negotiate", "NTLM", "Basic"] }) });
    expect(methods.message).toBe("The analyzer found the expected authentication method NTLM. Methods found: Negotiate, NTLM, Basic.");
    const identity = step(result, "ews.ntlm-challenge");
    expect(identity).toMatchObject({
      status: "info",
      details: {
        scheme: "NTLM",
        ntlmServer: { netbiosComputer: "MAIL", dnsComputer: "mail.contoso.test", netbiosDomain: "CONTOSO", dnsDomain: "contoso.test" },
      },
    });
    expect(identity.message).toBe(
      "The server's NTLM challenge (NTLM) names the computer MAIL (mail.contoso.test) in the domain CONTOSO (contoso.test), Windows version 10.0.20348 (NTLM revision 15).",
    );
    expect(step(result, "ews.get-folder")).toMatchObject({ status: "skipped", message: "Skipped because no user name and password were supplied." });
    // EWS's own request, anonymous: a SOAP POST to /EWS/Exchange.asmx.
    const seen = mail.requests.slice(before);
    expect(seen[0]).toMatchObject({
      method: "POST",
      url: "/EWS/Exchange.asmx",
      headers: expect.objectContaining({ "content-type": "text/xml; charset=utf-8" }),
    });
    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(requestsWithCredentials(seen)).toBe(0);
  });

  it.each(["basic", "ntlm"])("with credentials (%s): GetFolder of the Inbox, its counts and the Exchange version", async (authMethod) => {
    const result = await signedIn("mail", "alice", { authMethod });
    expect(result.verdict).toBe("success");
    const folder = step(result, "ews.get-folder");
    expect(folder.title).toBe(
      `Attempting to get the Inbox folder with an EWS GetFolder request, using the supplied credentials (${authMethod === "ntlm" ? "NTLM" : "Basic"} authentication).`,
    );
    expect(folder.status).toBe("success");
    expect(folder.message).toBe(
      `The server accepted the supplied credentials (${authMethod === "ntlm" ? "NTLM" : "Basic"} authentication) and EWS answered GetFolder: the Inbox ("Inbox") holds 12 items, 3 unread. The server runs Exchange Server 2019 (15.2.1118.7, schema V2017_07_11).`,
    );
    expect(folder.details).toMatchObject({
      status: 200,
      responseClass: "Success",
      responseCode: "NoError",
      folder: { type: "Folder", displayName: "Inbox", totalCount: 12, unreadCount: 3, childFolderCount: 0 },
      serverVersion: {
        majorVersion: 15,
        minorVersion: 2,
        majorBuildNumber: 1118,
        minorBuildNumber: 7,
        version: "V2017_07_11",
        product: "Exchange Server 2019",
      },
    });
    // The request EWS clients send: GetFolder of the distinguished folder "inbox", asking for the Exchange2013 schema.
    const body = handlers.mail.bodies.at(-1) ?? "";
    expect(body).toMatch(/<t:RequestServerVersion Version="Exchange2013" \/>/);
    expect(body).toMatch(/<t:DistinguishedFolderId Id="inbox"><\/t:DistinguishedFolderId>/);
    const json = JSON.stringify(result);
    expect(json).not.toContain(PASSWORD);
    expect(json).not.toContain("alice");
    expect(result.input.credentials).toBe("supplied (not stored)");
  });

  it.each(["basic", "ntlm"])("reports a wrong password (%s) as LOGIN_FAILED", async (authMethod) => {
    const result = await run("mail", { username: "CONTOSO\\alice", password: "wrong-password", authMethod });
    expect(step(result, "ews.get-folder")).toMatchObject({ status: "error", problem: "LOGIN_FAILED" });
    expect(step(result, "ews.get-folder").message).toContain("rejected the supplied credentials (HTTP 401)");
  });

  it("reports EWS's own errors: no mailbox is an unexpected answer, access denied a failed sign-in", async () => {
    const missing = step(await signedIn("mail", "nomailbox"), "ews.get-folder");
    expect(missing).toMatchObject({
      status: "error",
      problem: "HTTP_UNEXPECTED_STATUS",
      details: expect.objectContaining({ responseCode: "ErrorNonExistentMailbox" }),
    });
    expect(missing.message).toContain("EWS answered GetFolder with error ErrorNonExistentMailbox: The SMTP address has no mailbox associated with it.");
    const denied = step(await signedIn("mail", "denied"), "ews.get-folder");
    expect(denied).toMatchObject({ status: "error", problem: "LOGIN_FAILED" });
    expect(denied.message).toContain("Set-CASMailbox <user> -EwsEnabled $true");
    const fault = step(await signedIn("mail", "fault"), "ews.get-folder");
    expect(fault).toMatchObject({ status: "error", problem: "HTTP_UNEXPECTED_STATUS", details: expect.objectContaining({ status: 500 }) });
    expect(fault.message).toContain("SOAP fault, ErrorInternalServerError: An internal server error occurred.");
  });

  it.each([
    ["bomb", "DTD"],
    ["html", "HTML page"],
    ["notsoap", "not a SOAP <Envelope>"],
  ])("refuses a hostile or broken body (%s) without parsing it into anything", async (user, reason) => {
    const started = Date.now();
    const folder = step(await signedIn("mail", user), "ews.get-folder");
    expect(folder).toMatchObject({ status: "error", problem: "HTTP_UNEXPECTED_STATUS" });
    expect(folder.message).toContain("not with a SOAP response an EWS client can read");
    expect(folder.message).toContain(reason);
    expect(folder.details).not.toHaveProperty("folder");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.each([
    ["hang", "HTTP_TIMEOUT"],
    ["drop", "CONNECTION_FAILED"],
  ])("gives up on a GetFolder that never gets an answer (%s)", async (user, problem) => {
    expect(step(await signedIn("mail", user), "ews.get-folder")).toMatchObject({ status: "error", problem });
  });

  it("says EWS isn't published when /EWS/Exchange.asmx is 404, and asks nothing more", async () => {
    const result = await signedIn("noews");
    const methods = step(result, "ews.auth-methods");
    expect(methods).toMatchObject({ status: "error", problem: "HTTP_UNEXPECTED_STATUS" });
    expect(methods.message).toContain(`EWS isn't published at ${EWS_URL(name("noews"))}: the server answered 404 Not Found.`);
    expect(step(result, "ews.ntlm-challenge").status).toBe("skipped");
    expect(step(result, "ews.get-folder").status).toBe("skipped");
    expect(requestsWithCredentials(serverOf(name("noews")).requests)).toBe(0);
  });

  it("flags NTLM missing from the methods, and reads no NTLM identity where only Basic is offered", async () => {
    const ntlm = await run("basiconly", { authMethod: "ntlm" });
    expect(step(ntlm, "ews.auth-methods")).toMatchObject({ status: "error", problem: "HTTP_AUTH_METHOD_MISSING" });
    const basic = await signedIn("basiconly");
    expect(step(basic, "ews.auth-methods").status).toBe("success");
    expect(step(basic, "ews.ntlm-challenge")).toMatchObject({ status: "skipped", message: "Skipped because the server offers neither NTLM nor Negotiate." });
    expect(step(basic, "ews.get-folder").status).toBe("success");
  });

  it("reports an NTLM that never sends a challenge", async () => {
    const result = await signedIn("nochallenge", "alice", { authMethod: "ntlm" });
    expect(step(result, "ews.ntlm-challenge")).toMatchObject({ status: "info", message: expect.stringContaining("didn't answer an NTLM negotiate message") });
    expect(step(result, "ews.get-folder")).toMatchObject({ status: "error", problem: "HTTP_AUTH_METHOD_MISSING" });
  });

  it.each([
    ["hang", "HTTP_TIMEOUT"],
    ["drop", "CONNECTION_FAILED"],
  ])("gives up on an EWS server that doesn't answer the anonymous request (%s)", async (label, problem) => {
    const started = Date.now();
    const result = await run(label);
    expect(step(result, "ews.auth-methods")).toMatchObject({ status: "error", problem });
    expect(step(result, "ews.get-folder").status).toBe("skipped");
    expect(Date.now() - started).toBeLessThan(6000);
  });
});

describe("EWS found through Autodiscover", () => {
  it("with credentials: the EWS URL from the EXPR settings, then EWS at that URL for that mailbox", async () => {
    const mail = serverOf(name("mail"));
    const before = mail.requests.length;
    const result = await byEmail(`alice@${DOMAIN}`, { username: "CONTOSO\\alice", password: PASSWORD, authMethod: "basic" });
    expect(result.verdict).toBe("success");
    expect(result.steps.map((s) => s.code)).toEqual([
      "autodiscover",
      "ews.url",
      "dns.resolve",
      "tcp.connect",
      "tls.certificate",
      "ews.auth-methods",
      "ews.ntlm-challenge",
      "ews.get-folder",
    ]);
    const parent = step(result, "autodiscover");
    expect(parent).toMatchObject({ title: "Attempting to find the EWS URL through Autodiscover.", message: "Autodiscover was found and answered." });
    expect(parent.children.map((s) => s.code)).toEqual([
      "autodiscover.method1",
      "autodiscover.method2",
      "autodiscover.method3",
      "autodiscover.method4",
      "autodiscover.result",
    ]);
    expect(childOf(result, "autodiscover", "autodiscover.post").message).toContain("returned the settings for Alice Smith");
    expect(step(result, "ews.url")).toMatchObject({
      status: "success",
      message: `Autodiscover hands out the EWS URL ${EWS_URL(name("mail"))} (EXPR: for clients outside the network).`,
      details: { provider: "EXPR" },
    });
    expect(step(result, "ews.auth-methods").title).toBe(`Testing HTTP Authentication Methods for URL ${EWS_URL(name("mail"))}.`);
    expect(step(result, "ews.get-folder").title).toContain(`the Inbox folder of alice@${DOMAIN}`);
    expect(step(result, "ews.get-folder").status).toBe("success");
    // The mailbox is named in the request and routes it, as EWS clients do.
    expect(handlers.mail.bodies.at(-1)).toContain(`<t:Mailbox><t:EmailAddress>alice@${DOMAIN}</t:EmailAddress></t:Mailbox>`);
    expect(mail.requests.slice(before).every((request) => request.headers["x-anchormailbox"] === `alice@${DOMAIN}`)).toBe(true);
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it("with a server named too: no Autodiscover, EWS at that server for that mailbox", async () => {
    const result = await run("mail", { emailAddress: `alice@${DOMAIN}`, username: "CONTOSO\\alice", password: PASSWORD, authMethod: "ntlm" });
    expect(result.steps.map((s) => s.code)).toEqual([
      "dns.resolve",
      "tcp.connect",
      "tls.certificate",
      "ews.auth-methods",
      "ews.ntlm-challenge",
      "ews.get-folder",
    ]);
    expect(step(result, "ews.get-folder")).toMatchObject({ status: "success", title: expect.stringContaining(`the Inbox folder of alice@${DOMAIN}`) });
    expect(handlers.mail.bodies.at(-1)).toContain(`<t:EmailAddress>alice@${DOMAIN}</t:EmailAddress>`);
  });

  it("without credentials: tries EWS beside Autodiscover, and says so", async () => {
    const result = await byEmail(`alice@${DOMAIN}`);
    const url = step(result, "ews.url");
    expect(url).toMatchObject({ status: "info" });
    expect(url.message).toBe(
      `Autodiscover hands out the EWS URL only to a signed-in user, and no credentials were supplied: trying ${EWS_URL(DOMAIN)}, where Exchange publishes EWS beside Autodiscover by default.`,
    );
    expect(step(result, "ews.auth-methods")).toMatchObject({ status: "success", title: `Testing HTTP Authentication Methods for URL ${EWS_URL(DOMAIN)}.` });
    expect(result.verdict).toBe("success");
  });

  it("takes the internal (EXCH) EWS URL when Autodiscover gives no external one", async () => {
    const result = await byEmail(`noexpr@${DOMAIN}`, { username: "CONTOSO\\alice", password: PASSWORD, authMethod: "basic" });
    const url = step(result, "ews.url");
    expect(url).toMatchObject({ status: "success", details: { provider: "EXCH" } });
    expect(url.message).toContain("It gives no external (EXPR) EWS URL");
    expect(step(result, "ews.get-folder").status).toBe("success");
  });

  it("fails when the settings name no EWS URL, and tests nothing further", async () => {
    const result = await byEmail(`noews@${DOMAIN}`, { username: "CONTOSO\\alice", password: PASSWORD, authMethod: "basic" });
    expect(step(result, "ews.url")).toMatchObject({ status: "error", problem: "AUTODISCOVER_BAD_RESPONSE" });
    expect(result.steps.map((s) => [s.code, s.status])).toEqual([
      ["autodiscover", "success"],
      ["ews.url", "error"],
      ["ews.auth-methods", "skipped"],
      ["ews.get-folder", "skipped"],
    ]);
  });

  it("ends when Autodiscover isn't found at all", async () => {
    const result = await byEmail("alice@ews-absent.test");
    expect(step(result, "autodiscover.result")).toMatchObject({ status: "error", problem: "AUTODISCOVER_NOT_FOUND" });
    expect(step(result, "ews.url")).toMatchObject({ status: "skipped", message: "Skipped because autodiscover wasn't found, so it named no EWS URL." });
    expect(step(result, "ews.auth-methods").message).toBe("Skipped because there is no EWS URL to test.");
  });

  it("after Autodiscover rejects the password, EWS beside it rejects it too", async () => {
    const result = await byEmail(`alice@${DOMAIN}`, { username: "CONTOSO\\alice", password: "wrong-password", authMethod: "basic" });
    expect(step(result, "autodiscover.result")).toMatchObject({ status: "error", problem: "LOGIN_FAILED" });
    expect(step(result, "ews.url").message).toContain("Autodiscover rejected the supplied credentials, so it named no EWS URL");
    expect(step(result, "ews.get-folder")).toMatchObject({ status: "error", problem: "LOGIN_FAILED" });
  });
});

describe("credentials never go over a connection a client wouldn't trust", () => {
  it("skips EWS after a certificate error, and runs it with Ignore trust for SSL", async () => {
    const strict = await run("selfsigned");
    expect(step(strict, "ews.auth-methods").status).toBe("skipped");
    const lenient = await run("selfsigned", { ignoreTrust: true });
    expect(lenient.verdict).toBe("warning");
    expect(step(lenient, "ews.auth-methods").status).toBe("success");
  });

  it.each(["basic", "ntlm"] as const)("withholds the credentials (%s) when Ignore trust for SSL let an untrusted certificate through", async (authMethod) => {
    const selfSigned = serverOf(name("selfsigned"));
    const before = selfSigned.requests.length;
    const result = await run("selfsigned", { ignoreTrust: true, authMethod, username: "CONTOSO\\alice", password: PASSWORD });
    expect(step(result, "ews.auth-methods").status).toBe("success");
    const folder = step(result, "ews.get-folder");
    expect(folder.status).toBe("skipped");
    expect(folder.message).toContain("credentials weren't sent");
    expect(folder.message).toContain("Ignore trust for SSL");
    // The server saw the anonymous requests and the identity probe's NTLM NEGOTIATE, and not one Authorization header with a credential.
    const seen = selfSigned.requests.slice(before);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((request) => request.headers.authorization).every((request) => /^NTLM /.test(String(request.headers.authorization)))).toBe(true);
    expect(requestsWithCredentials(seen)).toBe(0);
    expect(handlers.selfSigned.bodies).toEqual([]);
  });
});
