import { describe, expect, it } from "vitest";
import { problems, step } from "../support/lab";
import { type LineConnection } from "../support/line-server";
import { mailboxLab, USER, WRONG_PASSWORD } from "../support/mailbox-lab";

/**
 * The IMAP test against a real Dovecot (implicit TLS, STARTTLS, no TLS at all, a certificate for another name) and
 * against small scripted servers for what Dovecot never does: hostile greetings, a STATUS refused, an injected
 * STARTTLS answer, LOGINDISABLED with AUTHENTICATE PLAIN.
 */

const imap = mailboxLab("imap");
const { name } = imap;

/** AUTHENTICATE awaiting its base64 line (which carries no tag), by connection: the scripted server answers it with OK. */
const pendingAuthenticate = new Map<LineConnection, string>();

/** A scripted IMAP server: answers each tagged command from `answers` (by command name), or OK. */
function fakeImapScenario(
  label: string,
  octet: number,
  script: {
    implicitTls?: boolean;
    greeting?: (connection: LineConnection) => void;
    capabilities?: string;
    answers?: Record<string, (tag: string, connection: LineConnection) => void>;
  },
) {
  return imap.scriptedScenario(label, octet, {
    implicitTls: script.implicitTls,
    onConnect: script.greeting ?? ((connection) => connection.send("* OK Fake IMAP ready.")),
    onLine: (line, connection) => {
      const authenticating = pendingAuthenticate.get(connection);
      if (authenticating) {
        pendingAuthenticate.delete(connection);
        return connection.send(`${authenticating} OK Logged in.`);
      }
      const [tag = "*", command = ""] = line.split(" ");
      const answer = script.answers?.[command.toUpperCase()];
      if (answer) return answer(tag, connection);
      if (command.toUpperCase() === "CAPABILITY") connection.send(`* CAPABILITY ${script.capabilities ?? "IMAP4rev1 AUTH=PLAIN"}`);
      if (command.toUpperCase() === "LOGOUT") connection.send("* BYE Logging out");
      connection.send(`${tag} OK ${command} completed.`);
    },
  });
}

imap.start([
  imap.dovecotScenario("good", 21, name("good")),
  imap.dovecotScenario("plain", 22),
  imap.dovecotScenario("wrong-name", 23, name("elsewhere")),
  ...imap.hostileGreetings(30, ["bye", "* BYE Too many connections from your IP."], (label, octet, greeting) => fakeImapScenario(label, octet, { greeting })),
  fakeImapScenario("status-refused", 35, {
    implicitTls: true,
    // LOGIN disabled and no SASL-IR: the analyzer must use AUTHENTICATE PLAIN and wait for the continuation.
    capabilities: "IMAP4rev1 LOGINDISABLED AUTH=PLAIN",
    answers: {
      AUTHENTICATE: (tag, c) => {
        c.send("+ ");
        pendingAuthenticate.set(c, tag);
      },
      STATUS: (tag, c) => c.send(`${tag} NO [SERVERBUG] Internal error occurred. Refer to server log for more information.`),
    },
  }),
  fakeImapScenario("injected", 36, {
    capabilities: "IMAP4rev1 STARTTLS LOGINDISABLED",
    answers: { STARTTLS: (tag, c) => c.write(`${tag} OK Begin TLS negotiation now.\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n`) },
  }),
  fakeImapScenario("reset", 37, { answers: { CAPABILITY: (_tag, c) => c.reset() } }),
]);

describe("imap with a real Dovecot", () => {
  it("logs on over implicit TLS and counts the Inbox's messages", async () => {
    const { result } = await imap.logOn("good", "tls");
    expect(result.verdict).toBe("success");
    expect(step(result, "tls.certificate").status).toBe("success");
    expect(step(result, "imap.greeting").message).toMatch(/\* OK/);
    expect(step(result, "imap.capabilities").details?.capabilities).toEqual(expect.arrayContaining(["IMAP4REV1", "AUTH=PLAIN"]));
    const login = step(result, "imap.login");
    expect(login.status).toBe("success");
    expect(login.details?.transcript).toEqual(expect.arrayContaining([expect.stringMatching(/^C: A\d+ LOGIN \*\*\*\* \*\*\*\*$/)]));
    const status = step(result, "imap.status");
    expect(status.status).toBe("success");
    expect(status.details?.messages).toEqual(expect.any(Number));
    expect(status.message).toMatch(/The Inbox holds \d+ messages?\./);
    expect(step(result, "imap.logout").status).toBe("info");
    // What the negative cases look for in Dovecot's log is there when a login happens.
    await imap.logLine("good", new RegExp(`imap-login: Info: Login: user=<${USER}>`));
  });

  it("starts TLS with STARTTLS, validates the certificate, then logs on", async () => {
    const { result } = await imap.logOn("good", "starttls");
    expect(result.verdict).toBe("success");
    expect(step(result, "imap.capabilities").details?.capabilities).toContain("STARTTLS");
    expect(step(result, "imap.starttls").status).toBe("success");
    expect(step(result, "tls.certificate.name").status).toBe("success");
    expect(step(result, "imap.capabilities-tls").details?.capabilities).not.toContain("LOGINDISABLED");
    expect(step(result, "imap.login").status).toBe("success");
    expect(step(result, "imap.status").status).toBe("success");
  });

  it("reports LOGIN_FAILED with the server's words for a wrong password, which appears nowhere in the result", async () => {
    const { result } = await imap.logOn("good", "tls", { password: WRONG_PASSWORD });
    expect(result.verdict).toBe("error");
    const login = step(result, "imap.login");
    expect(login.problem).toBe("LOGIN_FAILED");
    expect(login.message).toMatch(/NO .*AUTHENTICATIONFAILED|Authentication failed/i);
    expect(step(result, "imap.status").status).toBe("skipped");
    const json = JSON.stringify(result);
    expect(json).not.toContain(WRONG_PASSWORD);
    expect(json).not.toContain(Buffer.from(`\0${USER}\0${WRONG_PASSWORD}`).toString("base64"));
  });

  it("without credentials stops before the login, and says why", async () => {
    const { result } = await imap.run({ host: name("good"), security: "tls", port: imap.port("good", "tls") });
    expect(result.verdict).toBe("success");
    expect(step(result, "imap.login").message).toMatch(/no user name and password were supplied/);
    expect(step(result, "imap.status").status).toBe("skipped");
  });

  it("reports STARTTLS_MISSING when the server offers no STARTTLS (ssl=no)", async () => {
    await imap.expectStopsBeforeLogin("plain", "starttls", "imap.starttls", "STARTTLS_MISSING");
  });

  it("reports CERT_NAME_MISMATCH and never sends the credentials", async () => {
    await imap.expectStopsBeforeLogin("wrong-name", "tls", "tls.certificate.name", "CERT_NAME_MISMATCH");
  });

  it('with "Ignore trust for SSL" goes on to the dialog, but still keeps the credentials home', async () => {
    const { result } = await imap.logOn("wrong-name", "tls", { ignoreTrust: true });
    expect(result.verdict).toBe("warning");
    expect(step(result, "tls.certificate.name").status).toBe("warning");
    expect(step(result, "imap.greeting").status).toBe("success");
    const login = step(result, "imap.login");
    expect(login.status).toBe("skipped");
    expect(login.message).toMatch(/credentials weren't sent: "Ignore trust for SSL"/);
    expect(login.details?.credentialsSent).toBe(false);
    // Dovecot logs the session when it ends, a moment after the analyzer left.
    const log = await imap.logLine("wrong-name", /Aborted login by logging out \(no auth attempts/);
    expect(log).not.toMatch(new RegExp(`user=<${USER}>`));
  });
});

describe("imap against hostile and scripted servers", () => {
  imap.itFailsTheGreetingOnTime([
    ["silent", "PROTOCOL_TIMEOUT", /sent nothing/],
    ["endless", "PROTOCOL_ERROR", /longer than/],
    ["garbage", "PROTOCOL_ERROR", /isn't an IMAP greeting/],
    ["bye", "PROTOCOL_ERROR", /BYE Too many connections/],
    ["slow", "PROTOCOL_TIMEOUT", /only part of a line/],
  ]);

  it("a connection reset in answer to CAPABILITY is CONNECTION_FAILED", async () => {
    const { result } = await imap.hostile("reset");
    expect(step(result, "imap.capabilities").problem).toBe("CONNECTION_FAILED");
  });

  it("refuses a STARTTLS go-ahead followed by injected data (STARTTLS response injection)", async () => {
    const { result } = await imap.hostile("injected");
    const starttls = step(result, "imap.starttls");
    expect(starttls.problem).toBe("PROTOCOL_ERROR");
    expect(starttls.message).toMatch(/STARTTLS response injection/);
    expect(step(result, "tls.certificate").status).toBe("skipped");
  });

  it("logs on with AUTHENTICATE PLAIN where LOGIN is disabled, and reports a refused STATUS as MAILBOX_COMMAND_FAILED", async () => {
    const { result } = await imap.logOn("status-refused", "tls");
    const login = step(result, "imap.login");
    expect(login.status).toBe("success");
    expect(login.message).toMatch(/AUTHENTICATE PLAIN/);
    expect(login.details?.transcript).toEqual(expect.arrayContaining(["C: ****"]));
    const status = step(result, "imap.status");
    expect(status.problem).toBe("MAILBOX_COMMAND_FAILED");
    expect(status.message).toMatch(/SERVERBUG/);
    expect(problems(result)).toEqual(["MAILBOX_COMMAND_FAILED"]);
  });
});
