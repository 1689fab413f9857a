import { describe, expect, it } from "vitest";
import { problems, step } from "../support/lab";
import { type LineConnection } from "../support/line-server";
import { mailboxLab, USER, WRONG_PASSWORD } from "../support/mailbox-lab";

/**
 * The POP test against a real Dovecot (implicit TLS, STLS, no TLS at all, a certificate for another name) and
 * against small scripted servers for what Dovecot never does: hostile greetings, a STAT refused, an injected STLS
 * answer, a server that offers only SASL PLAIN.
 */

const pop = mailboxLab("pop");
const { name } = pop;

/** A scripted POP3 server: answers each command from `answers` (by command name), or +OK. */
function fakePopScenario(
  label: string,
  octet: number,
  script: {
    implicitTls?: boolean;
    greeting?: (connection: LineConnection) => void;
    capabilities?: string[];
    answers?: Record<string, (connection: LineConnection) => void>;
  },
) {
  return pop.scriptedScenario(label, octet, {
    implicitTls: script.implicitTls,
    onConnect: script.greeting ?? ((connection) => connection.send("+OK Fake POP3 ready.")),
    onLine: (line, connection) => {
      const command = (line.split(" ")[0] ?? "").toUpperCase();
      const answer = script.answers?.[command];
      if (answer) return answer(connection);
      if (command === "CAPA") return connection.send("+OK", ...(script.capabilities ?? ["USER", "UIDL"]), ".");
      connection.send(`+OK ${command} done.`);
    },
  });
}

pop.start([
  pop.dovecotScenario("good", 41, name("good")),
  pop.dovecotScenario("plain", 42),
  pop.dovecotScenario("wrong-name", 43, name("elsewhere")),
  ...pop.hostileGreetings(50, ["refused", "-ERR [SYS/TEMP] Too many connections from your IP."], (label, octet, greeting) =>
    fakePopScenario(label, octet, { greeting }),
  ),
  fakePopScenario("stat-refused", 55, {
    implicitTls: true,
    // Only SASL PLAIN: the analyzer must log on with AUTH PLAIN.
    capabilities: ["SASL PLAIN", "UIDL", "TOP"],
    answers: { STAT: (c) => c.send("-ERR [SYS/PERM] Mailbox is locked by another POP3 session.") },
  }),
  fakePopScenario("injected", 56, {
    capabilities: ["STLS", "USER"],
    answers: { STLS: (c) => c.write("+OK Begin TLS negotiation now.\r\n+OK injected\r\n") },
  }),
  fakePopScenario("reset", 57, { answers: { CAPA: (c) => c.reset() } }),
]);

describe("pop with a real Dovecot", () => {
  it("logs on over implicit TLS and counts the mailbox's messages", async () => {
    const { result } = await pop.logOn("good", "tls");
    expect(result.verdict).toBe("success");
    expect(step(result, "pop.greeting").message).toMatch(/\+OK/);
    expect(step(result, "pop.capabilities").details?.capabilities).toEqual(expect.arrayContaining(["USER", "UIDL"]));
    const login = step(result, "pop.login");
    expect(login.status).toBe("success");
    expect(login.details?.transcript).toEqual(expect.arrayContaining(["C: USER ****", "C: PASS ****"]));
    const stat = step(result, "pop.stat");
    expect(stat.status).toBe("success");
    expect(stat.details?.messages).toEqual(expect.any(Number));
    expect(step(result, "pop.quit").status).toBe("info");
    // What the negative cases look for in Dovecot's log is there when a login happens.
    await pop.logLine("good", new RegExp(`pop3-login: Info: Login: user=<${USER}>`));
  });

  it("starts TLS with STLS, validates the certificate, then logs on", async () => {
    const { result } = await pop.logOn("good", "starttls");
    expect(result.verdict).toBe("success");
    expect(step(result, "pop.capabilities").details?.capabilities).toContain("STLS");
    expect(step(result, "pop.stls").status).toBe("success");
    expect(step(result, "tls.certificate.name").status).toBe("success");
    expect(step(result, "pop.capabilities-tls").status).toBe("success");
    expect(step(result, "pop.login").status).toBe("success");
    expect(step(result, "pop.stat").status).toBe("success");
  });

  it("reports LOGIN_FAILED with the server's words for a wrong password, which appears nowhere in the result", async () => {
    const { result } = await pop.logOn("good", "tls", { password: WRONG_PASSWORD });
    expect(result.verdict).toBe("error");
    const login = step(result, "pop.login");
    expect(login.problem).toBe("LOGIN_FAILED");
    expect(login.message).toMatch(/-ERR/);
    expect(step(result, "pop.stat").status).toBe("skipped");
    expect(JSON.stringify(result)).not.toContain(WRONG_PASSWORD);
  });

  it("reports STARTTLS_MISSING when the server offers no STLS (ssl=no)", async () => {
    await pop.expectStopsBeforeLogin("plain", "starttls", "pop.stls", "STARTTLS_MISSING");
  });

  it("reports CERT_NAME_MISMATCH and never sends the credentials", async () => {
    await pop.expectStopsBeforeLogin("wrong-name", "tls", "tls.certificate.name", "CERT_NAME_MISMATCH");
  });

  it('with "Ignore trust for SSL" goes on to the dialog, but still keeps the credentials home', async () => {
    const { result } = await pop.logOn("wrong-name", "tls", { ignoreTrust: true });
    expect(result.verdict).toBe("warning");
    expect(step(result, "pop.capabilities").status).toBe("success");
    const login = step(result, "pop.login");
    expect(login.status).toBe("skipped");
    expect(login.details?.credentialsSent).toBe(false);
    // Dovecot logs the session when it ends, a moment after the analyzer left.
    const log = await pop.logLine("wrong-name", /Aborted login by logging out \(no auth attempts/);
    expect(log).not.toMatch(new RegExp(`user=<${USER}>`));
  });
});

describe("pop against hostile and scripted servers", () => {
  pop.itFailsTheGreetingOnTime([
    ["silent", "PROTOCOL_TIMEOUT", /sent nothing/],
    ["endless", "PROTOCOL_ERROR", /longer than/],
    ["garbage", "PROTOCOL_ERROR", /isn't a POP3 greeting/],
    ["refused", "PROTOCOL_ERROR", /-ERR \[SYS\/TEMP\] Too many connections/],
    ["slow", "PROTOCOL_TIMEOUT", /only part of a line/],
  ]);

  it("a connection reset in answer to CAPA is CONNECTION_FAILED", async () => {
    const { result } = await pop.hostile("reset");
    expect(step(result, "pop.capabilities").problem).toBe("CONNECTION_FAILED");
  });

  it("refuses an STLS go-ahead followed by injected data (STARTTLS response injection)", async () => {
    const { result } = await pop.hostile("injected");
    const stls = step(result, "pop.stls");
    expect(stls.problem).toBe("PROTOCOL_ERROR");
    expect(stls.message).toMatch(/STARTTLS response injection/);
  });

  it("logs on with AUTH PLAIN where USER isn't offered, and reports a refused STAT as MAILBOX_COMMAND_FAILED", async () => {
    const { result } = await pop.logOn("stat-refused", "tls");
    const login = step(result, "pop.login");
    expect(login.status).toBe("success");
    expect(login.details?.transcript).toEqual(["C: AUTH PLAIN ****", "S: +OK AUTH done."]);
    const stat = step(result, "pop.stat");
    expect(stat.problem).toBe("MAILBOX_COMMAND_FAILED");
    expect(stat.message).toMatch(/Mailbox is locked/);
    expect(problems(result)).toEqual(["MAILBOX_COMMAND_FAILED"]);
  });
});
