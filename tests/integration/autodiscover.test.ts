import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  autodiscoverHandler,
  BILLION_LAUGHS_XML,
  deeplyNestedXml,
  errorXml,
  EXTERNAL_ENTITY_XML,
  httpRedirectHandler,
  httpRedirectLoopHandler,
  NOT_XML,
  oversizedXml,
  redirectAddrXml,
  redirectUrlXml,
  settingsXml,
} from "../support/autodiscover-server";
import { requestsWithCredentials } from "../support/credentials-seen";
import { allSteps, analyze, startLab, step, type Lab, type ScenarioServer } from "../support/lab";
import { chainPem, type TestPki } from "../support/pki";
import { startHttpsServer, startPlainHttpServer, type RunningHttpsServer } from "../support/servers";

/**
 * Autodiscover against real peers on 127.0.70.x: one domain per way of being found (method 1 to 4), a domain
 * with nothing, and one whose certificate nobody trusts. A real dnsmasq serves the names and the SRV record.
 */
const PASSWORD = "Corr3ct-Horse!";
const ACCOUNTS = { "contoso\\alice": PASSWORD, "alice@m1.test": PASSWORD, "alice@m2.test": PASSWORD };

/** What the m1.test mailbox server answers, by the address's local part. */
function m1Answer(email: string, url: string): string {
  const local = email.split("@")[0];
  const settings = (extra: Partial<Parameters<typeof settingsXml>[0]> = {}) =>
    settingsXml({ displayName: "Alice Smith", email, exprServer: "mail.m1.test", ...extra });
  switch (local) {
    case "mismatch":
      return settings({ exprCertPrincipalName: "msstd:owa.m1.test" });
    case "noprincipal":
      return settings({ exprCertPrincipalName: null });
    case "noexpr":
      return settings({ includeExpr: false });
    case "unknown":
      return errorXml(500, "The e-mail address cannot be found.");
    case "bomb":
      return BILLION_LAUGHS_XML;
    case "xxe":
      return EXTERNAL_ENTITY_XML;
    case "html":
      return NOT_XML;
    case "huge":
      return oversizedXml(400 * 1024);
    case "deep":
      return deeplyNestedXml(200);
    case "moved":
      return redirectAddrXml("alice@m2.test");
    case "redirurl":
      return url.includes("final") ? settings() : redirectUrlXml("https://mail.m1.test/autodiscover/autodiscover.xml?final");
    case "loop":
      return redirectUrlXml("https://mail.m1.test/autodiscover/autodiscover.xml");
    default:
      return settings();
  }
}

/** The JSON Autodiscover v2 answer of a server, by protocol. */
type JsonV2 = (email: string, protocol: string) => Record<string, unknown>;

function https(
  name: string,
  address: string,
  names: string[],
  respond: (email: string, url: string) => string,
  issuer: "intermediate" | "self" = "intermediate",
  json?: JsonV2,
): ScenarioServer {
  return {
    name,
    address,
    start: async (pki: TestPki, host: string) => {
      const leaf = await pki.issueLeaf({ commonName: names[0], dnsNames: names, issuer });
      return startHttpsServer({
        host,
        port: 443,
        chain: issuer === "self" ? chainPem(leaf) : chainPem(leaf, pki.intermediate),
        key: leaf.keyPem,
        handler: autodiscoverHandler({ accounts: ACCOUNTS, respond: (email, { req }) => respond(email, req.url ?? ""), ...(json ? { json } : {}) }),
      });
    },
  };
}

const SCENARIOS: ScenarioServer[] = [
  https("m1.test", "127.0.70.1", ["mail.m1.test", "m1.test", "autodiscover.m1.test"], m1Answer, "intermediate", (_email, protocol) =>
    protocol === "EWS"
      ? { Protocol: "EWS", Url: "https://mail.m1.test/EWS/Exchange.asmx" }
      : { Protocol: protocol, Url: "https://mail.m1.test/Microsoft-Server-ActiveSync" },
  ),
  https("autodiscover.m2.test", "127.0.70.2", ["autodiscover.m2.test"], (email) =>
    settingsXml({ displayName: "Alice in m2", email, exprServer: "autodiscover.m2.test" }),
  ),
  {
    name: "autodiscover.m3.test",
    address: "127.0.70.3",
    start: (_pki, host) => startPlainHttpServer({ host, port: 80, handler: httpRedirectHandler("https://mail.m3.test/autodiscover/autodiscover.xml") }),
  },
  {
    // An HTTP redirect that points back at itself over http: Outlook follows only a 302 to https.
    name: "autodiscover.m6.test",
    address: "127.0.70.7",
    start: (_pki, host) => startPlainHttpServer({ host, port: 80, handler: httpRedirectLoopHandler() }),
  },
  https("mail.m3.test", "127.0.70.4", ["mail.m3.test"], (email) => settingsXml({ displayName: "Alice in m3", email, exprServer: "mail.m3.test" })),
  https("mail.m4.test", "127.0.70.5", ["mail.m4.test"], (email) => settingsXml({ displayName: "Alice in m4", email, exprServer: "mail.m4.test" })),
  // m7.test's SRV record points outside m7.test: credentials aren't sent there without Outlook's prompt.
  https("mail.elsewhere7.test", "127.0.70.8", ["mail.elsewhere7.test"], (email) =>
    settingsXml({ displayName: "Elsewhere", email, exprServer: "mail.elsewhere7.test" }),
  ),
  https("m5.test", "127.0.70.6", ["m5.test"], (email) => settingsXml({ displayName: "Alice in m5", email, exprServer: "m5.test" }), "self"),
];

let lab: Lab;
beforeAll(async () => {
  lab = await startLab(
    SCENARIOS,
    { "mail.m1.test": ["127.0.70.1"], "autodiscover.m1.test": ["127.0.70.1"] },
    {
      srv: {
        "_autodiscover._tcp.m4.test": [{ target: "mail.m4.test", port: 443 }],
        "_autodiscover._tcp.m7.test": [{ target: "mail.elsewhere7.test", port: 443 }],
      },
    },
  );
});
afterAll(async () => {
  await lab?.stop();
});

const run = (emailAddress: string, extra: Record<string, unknown> = {}) => analyze({ test: "autodiscover", emailAddress, ...extra });
const withCredentials = (emailAddress: string, extra: Record<string, unknown> = {}) =>
  run(emailAddress, { username: "CONTOSO\\alice", password: PASSWORD, authMethod: "basic", ...extra });
/** The step with this code among the descendants of the step `parent`. */
function within(result: Awaited<ReturnType<typeof run>>, parent: string, code: string) {
  const found = allSteps(step(result, parent).children).find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no ${code} under ${parent}`);
  return found;
}

const statuses = (result: Awaited<ReturnType<typeof run>>) =>
  ["autodiscover.method1", "autodiscover.method2", "autodiscover.method3", "autodiscover.method4"].map((code) => step(result, code).status);

describe("Autodiscover: each method can be the first to work", () => {
  it("method 1: https://<domain>/autodiscover/autodiscover.xml answers 401, so it exists; the others are skipped", async () => {
    const result = await run("alice@m1.test");
    expect(result.verdict).toBe("success");
    expect(statuses(result)).toEqual(["success", "skipped", "skipped", "skipped"]);
    expect(step(result, "autodiscover.method2").message).toBe("Skipped because method 1 succeeded, so this one wasn't attempted.");
    expect(step(result, "autodiscover.post").message).toContain("answered 401 and asks for authentication (methods: Negotiate, NTLM, Basic)");
    expect(step(result, "autodiscover.post").details?.ntlmServer).toMatchObject({ dnsDomain: expect.any(String) });
    expect(step(result, "autodiscover.result").message).toContain("needs credentials");
  });

  it("method 2: https://autodiscover.<domain>/… after method 1 finds no host (a warning, not an error)", async () => {
    const result = await run("alice@m2.test");
    expect(statuses(result)).toEqual(["warning", "success", "skipped", "skipped"]);
    expect(step(result, "autodiscover.method1").problem).toBe("DNS_NO_RECORD");
    expect(result.verdict).toBe("warning");
  });

  it("method 3: the HTTP redirect, followed only to https, and the target tested in full", async () => {
    const result = await withCredentials("alice@m3.test");
    expect(statuses(result)).toEqual(["warning", "warning", "success", "skipped"]);
    expect(step(result, "autodiscover.http-redirect").message).toBe("The HTTP redirect method points to https://mail.m3.test/autodiscover/autodiscover.xml.");
    expect(within(result, "autodiscover.method3", "autodiscover.post").message).toContain("for Alice in m3");
  });

  it("method 4: the SRV record _autodiscover._tcp.<domain>", async () => {
    const result = await withCredentials("alice@m4.test");
    expect(statuses(result)).toEqual(["warning", "warning", "warning", "success"]);
    expect(step(result, "autodiscover.srv").message).toBe("The SRV record points to mail.m4.test, port 443.");
    expect(step(result, "autodiscover.result").message).toContain("method 4 (SRV record)");
  });

  it("nothing anywhere: AUTODISCOVER_NOT_FOUND, each method a warning", async () => {
    const result = await run("alice@none.test");
    expect(statuses(result)).toEqual(["warning", "warning", "warning", "warning"]);
    expect(step(result, "autodiscover.result")).toMatchObject({ status: "error", problem: "AUTODISCOVER_NOT_FOUND" });
    expect(result.verdict).toBe("error");
  });
});

describe("Autodiscover with credentials: the settings Outlook receives", () => {
  it("shows the user and the EXCH / EXPR / WEB settings, and checks the EXPR principal against the EXPR server's certificate", async () => {
    const result = await withCredentials("alice@m1.test");
    expect(result.verdict).toBe("success");
    const post = step(result, "autodiscover.post");
    expect(post.message).toContain("for Alice Smith");
    expect(post.details).toMatchObject({ user: expect.objectContaining({ displayName: "Alice Smith" }) });
    expect(JSON.stringify(post.details)).toContain("msstd:mail.m1.test");
    expect(step(result, "autodiscover.expr-principal")).toMatchObject({ status: "success" });
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it("flags an EXPR CertPrincipalName the EXPR server's certificate doesn't carry, with the fix", async () => {
    const result = await withCredentials("mismatch@m1.test");
    const check = step(result, "autodiscover.expr-principal");
    expect(check).toMatchObject({ status: "error", problem: "AUTODISCOVER_PRINCIPAL_MISMATCH" });
    expect(check.message).toContain('Set-OutlookProvider EXPR -CertPrincipalName:"msstd:mail.m1.test"');
    expect(result.verdict).toBe("error");
  });

  it("uses msstd:<EXPR server> when Autodiscover sends no CertPrincipalName, and says when EXPR is missing", async () => {
    expect(step(await withCredentials("noprincipal@m1.test"), "autodiscover.expr-principal").status).toBe("success");
    const none = await withCredentials("noexpr@m1.test");
    expect(step(none, "autodiscover.expr-principal")).toMatchObject({ status: "info", message: expect.stringContaining("no EXPR provider") });
  });

  it("reports the service's own error code and message", async () => {
    const result = await withCredentials("unknown@m1.test");
    expect(step(result, "autodiscover.result")).toMatchObject({ status: "error", problem: "AUTODISCOVER_BAD_RESPONSE" });
    expect(step(result, "autodiscover.result").message).toContain("error 500: The e-mail address cannot be found.");
  });

  it.each(["bomb", "xxe", "html", "huge", "deep"])("refuses a hostile or broken body (%s) without parsing it into anything", async (local) => {
    const started = Date.now();
    const result = await withCredentials(`${local}@m1.test`);
    expect(step(result, "autodiscover.post")).toMatchObject({ problem: "AUTODISCOVER_BAD_RESPONSE" });
    // The endpoint took the credentials and answered garbage: that, not "not found", is the headline
    expect(step(result, "autodiscover.result")).toMatchObject({ status: "error", problem: "AUTODISCOVER_BAD_RESPONSE" });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("rejects wrong credentials as LOGIN_FAILED", async () => {
    const result = await withCredentials("alice@m1.test", { password: "wrong" });
    expect(step(result, "autodiscover.result")).toMatchObject({ status: "error", problem: "LOGIN_FAILED" });
  });

  it("follows redirectAddr to another domain's Autodiscover, and redirectUrl to another https endpoint", async () => {
    const moved = await withCredentials("moved@m1.test", { username: "alice@m2.test" });
    expect(step(moved, "autodiscover.redirect").title).toBe("Following the Autodiscover redirect to alice@m2.test.");
    expect(step(moved, "autodiscover.result").status).toBe("success");
    const url = await withCredentials("redirurl@m1.test");
    expect(step(url, "autodiscover.result").status).toBe("success");
    expect(step(url, "autodiscover.expr-principal").status).toBe("success");
  });

  it("stops a redirect loop, and still says what the search found", async () => {
    const result = await withCredentials("loop@m1.test");
    expect(result.verdict).toBe("error");
    expect(JSON.stringify(result)).toContain("a redirect loop");
    expect(step(result, "autodiscover.result")).toMatchObject({ status: "error", problem: "AUTODISCOVER_NOT_FOUND" });
    expect(step(result, "autodiscover.json").status).not.toBe("skipped");
  });

  it("doesn't send credentials to a host outside the mailbox's domain that an SRV record named", async () => {
    const server = lab.servers.get("mail.elsewhere7.test") as RunningHttpsServer;
    const before = server.requests.length;
    const result = await withCredentials("alice@m7.test");
    expect(step(result, "autodiscover.method4").status).toBe("success");
    expect(within(result, "autodiscover.method4", "autodiscover.post").message).toContain(
      "The credentials weren't sent: mail.elsewhere7.test is outside m7.test",
    );
    expect(step(result, "autodiscover.result")).toMatchObject({ status: "success", message: expect.stringContaining("Outlook asks the user") });
    expect(server.requests.length).toBeGreaterThan(before);
    expect(requestsWithCredentials(server.requests.slice(before))).toBe(0);
  });

  it("never sends credentials to an endpoint whose certificate isn't trusted, even with Ignore trust for SSL", async () => {
    const server = lab.servers.get("m5.test") as RunningHttpsServer;
    const before = server.requests.length;
    const result = await withCredentials("alice@m5.test", { ignoreTrust: true });
    expect(step(result, "autodiscover.post").message).toContain("Skipped sending the credentials");
    expect(server.requests.length).toBeGreaterThan(before);
    expect(requestsWithCredentials(server.requests.slice(before))).toBe(0);
  });

  it("reports what the JSON Autodiscover v2 endpoint returns, and says so when there is none", async () => {
    const served = await run("alice@m1.test");
    expect(step(served, "autodiscover.json.request")).toMatchObject({ status: "success" });
    expect(step(served, "autodiscover.json.request").message).toContain(
      "EWS: https://mail.m1.test/EWS/Exchange.asmx; ActiveSync: https://mail.m1.test/Microsoft-Server-ActiveSync",
    );
    const none = await run("alice@m2.test");
    expect(step(none, "autodiscover.json.request")).toMatchObject({ status: "info", message: expect.stringContaining("EWS: HTTP 404") });
  });

  it("doesn't follow an HTTP redirect that isn't to https (a redirect loop back to http)", async () => {
    const result = await run("alice@m6.test");
    const redirect = within(result, "autodiscover.method3", "autodiscover.http-redirect");
    expect(redirect).toMatchObject({ status: "warning", problem: "HTTP_UNEXPECTED_STATUS" });
    expect(redirect.message).toBe(
      "The redirect points to http://autodiscover.m6.test/autodiscover/autodiscover.xml, which isn't an https URL: Outlook follows only a 302 to https.",
    );
    expect(step(result, "autodiscover.result").problem).toBe("AUTODISCOVER_NOT_FOUND");
  });
});
