import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestResult } from "@/lib/engine/types";
import { startDovecot, type RunningDovecot } from "../support/dovecot";
import { analyze, DOMAIN, problems, startLab, step, type Lab, type ScenarioServer } from "../support/lab";
import { startLineServer, trickle, type LineConnection } from "../support/line-server";
import { chainPem, type TestPki } from "../support/pki";

/**
 * The IMAP test against a real Dovecot (implicit TLS, STARTTLS, no TLS at all, a certificate for another name) and
 * against small scripted servers for what Dovecot never does: hostile greetings, a STATUS refused, an injected
 * STARTTLS answer, LOGINDISABLED with AUTHENTICATE PLAIN.
 */

const TIMEOUT_MS = 1500;
/** A hostile server must fail its step within the operation budget, plus scheduling slack. */
const ON_TIME_MS = TIMEOUT_MS + 1500;
const USER = "jdoe";
const PASSWORD = "Quartz-Lantern#5512";
const WRONG_PASSWORD = "Wr0ng-Marimba#2290";
const name = (label: string) => `${label}.imap.${DOMAIN}`;

const dovecots = new Map<string, RunningDovecot>();

/** A real Dovecot on its own address; `certFor`: the name on its certificate (absent: no TLS at all, ssl=no). */
function dovecotScenario(label: string, octet: number, certFor?: string): ScenarioServer {
  const host = name(label);
  return {
    name: host,
    address: `127.0.130.${octet}`,
    start: async (pki, address) => {
      const tls = certFor ? await certificateFiles(pki, label, certFor) : undefined;
      const dovecot = await startDovecot({ address, users: [{ user: USER, password: PASSWORD }], ...(tls ? { tls } : {}) });
      dovecots.set(host, dovecot);
      return { host: address, port: dovecot.ports.imaps, close: () => dovecot.stop() };
    },
  };
}

async function certificateFiles(pki: TestPki, label: string, commonName: string): Promise<{ certFile: string; keyFile: string }> {
  const leaf = await pki.issueLeaf({ commonName, dnsNames: [commonName] });
  const certFile = join(pki.dir, `${label}-imap.pem`);
  const keyFile = join(pki.dir, `${label}-imap.key.pem`);
  await writeFile(certFile, chainPem(leaf, pki.intermediate));
  await writeFile(keyFile, leaf.keyPem);
  return { certFile, keyFile };
}

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
): ScenarioServer {
  const host = name(label);
  return {
    name: host,
    address: `127.0.130.${octet}`,
    start: async (pki, address) => {
      const leaf = await pki.issueLeaf({ commonName: host, dnsNames: [host] });
      return startLineServer({
        host: address,
        implicitTls: script.implicitTls,
        tls: { cert: chainPem(leaf, pki.intermediate), key: leaf.keyPem },
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
    },
  };
}

const SCENARIOS: ScenarioServer[] = [
  dovecotScenario("good", 21, name("good")),
  dovecotScenario("plain", 22),
  dovecotScenario("wrong-name", 23, name("elsewhere")),
  fakeImapScenario("silent", 30, { greeting: () => {} }),
  fakeImapScenario("endless", 31, { greeting: (c) => c.write(`* OK ${"x".repeat(64 * 1024)}`) }),
  fakeImapScenario("garbage", 32, { greeting: (c) => c.write("SSH-2.0-OpenSSH_9.6\r\n\x00\x01\x02\xff garbage\r\n") }),
  fakeImapScenario("bye", 33, { greeting: (c) => c.send("* BYE Too many connections from your IP.") }),
  fakeImapScenario("slow", 34, { greeting: (c) => trickle(c, "* OK a greeting sent one byte a second\r\n") }),
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
];

/** AUTHENTICATE awaiting its base64 line (which carries no tag), by connection: the scripted server answers it with OK. */
const pendingAuthenticate = new Map<LineConnection, string>();

let lab: Lab;

beforeAll(async () => {
  lab = await startLab(SCENARIOS, {}, { timeoutMs: TIMEOUT_MS });
});

afterAll(async () => {
  await lab?.stop();
});

const imapsPort = (label: string) => required(dovecots.get(name(label))).ports.imaps;
const imapPort = (label: string) => required(dovecots.get(name(label))).ports.imap;

/** Dovecot's log once it has a line matching `pattern` (it logs a session as it ends), within 3 s. */
async function logLine(host: string, pattern: RegExp): Promise<string> {
  const until = Date.now() + 3000;
  for (;;) {
    const log = required(dovecots.get(host)).log();
    if (pattern.test(log) || Date.now() > until) {
      expect(log).toMatch(pattern);
      return log;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("scenario not started");
  return value;
}

async function run(input: Record<string, unknown>): Promise<{ result: TestResult; ms: number }> {
  const started = Date.now();
  const result = await analyze({ test: "imap", ...input });
  return { result, ms: Date.now() - started };
}

describe("imap with a real Dovecot", () => {
  it("logs on over implicit TLS and counts the Inbox's messages", async () => {
    const { result } = await run({ host: name("good"), port: imapsPort("good"), security: "tls", username: USER, password: PASSWORD });
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
    await logLine(name("good"), new RegExp(`imap-login: Info: Login: user=<${USER}>`));
  });

  it("starts TLS with STARTTLS, validates the certificate, then logs on", async () => {
    const { result } = await run({ host: name("good"), port: imapPort("good"), security: "starttls", username: USER, password: PASSWORD });
    expect(result.verdict).toBe("success");
    expect(step(result, "imap.capabilities").details?.capabilities).toContain("STARTTLS");
    expect(step(result, "imap.starttls").status).toBe("success");
    expect(step(result, "tls.certificate.name").status).toBe("success");
    expect(step(result, "imap.capabilities-tls").details?.capabilities).not.toContain("LOGINDISABLED");
    expect(step(result, "imap.login").status).toBe("success");
    expect(step(result, "imap.status").status).toBe("success");
  });

  it("reports LOGIN_FAILED with the server's words for a wrong password, which appears nowhere in the result", async () => {
    const { result } = await run({ host: name("good"), port: imapsPort("good"), security: "tls", username: USER, password: WRONG_PASSWORD });
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
    const { result } = await run({ host: name("good"), security: "tls", port: imapsPort("good") });
    expect(result.verdict).toBe("success");
    expect(step(result, "imap.login").message).toMatch(/no user name and password were supplied/);
    expect(step(result, "imap.status").status).toBe("skipped");
  });

  it("reports STARTTLS_MISSING when the server offers no STARTTLS (ssl=no)", async () => {
    const { result } = await run({ host: name("plain"), port: imapPort("plain"), security: "starttls", username: USER, password: PASSWORD });
    expect(result.verdict).toBe("error");
    expect(step(result, "imap.starttls").problem).toBe("STARTTLS_MISSING");
    expect(step(result, "imap.login").status).toBe("skipped");
    expect(dovecots.get(name("plain"))?.log()).not.toMatch(new RegExp(`user=<${USER}>`));
  });

  it("reports CERT_NAME_MISMATCH and never sends the credentials", async () => {
    const { result } = await run({ host: name("wrong-name"), port: imapsPort("wrong-name"), security: "tls", username: USER, password: PASSWORD });
    expect(result.verdict).toBe("error");
    expect(step(result, "tls.certificate.name").problem).toBe("CERT_NAME_MISMATCH");
    expect(step(result, "imap.login").status).toBe("skipped");
    expect(dovecots.get(name("wrong-name"))?.log()).not.toMatch(new RegExp(`user=<${USER}>`));
  });

  it('with "Ignore trust for SSL" goes on to the dialog, but still keeps the credentials home', async () => {
    const { result } = await run({
      host: name("wrong-name"),
      port: imapsPort("wrong-name"),
      security: "tls",
      ignoreTrust: true,
      username: USER,
      password: PASSWORD,
    });
    expect(result.verdict).toBe("warning");
    expect(step(result, "tls.certificate.name").status).toBe("warning");
    expect(step(result, "imap.greeting").status).toBe("success");
    const login = step(result, "imap.login");
    expect(login.status).toBe("skipped");
    expect(login.message).toMatch(/credentials weren't sent: "Ignore trust for SSL"/);
    expect(login.details?.credentialsSent).toBe(false);
    // Dovecot logs the session when it ends, a moment after the analyzer left.
    const log = await logLine(name("wrong-name"), /Aborted login by logging out \(no auth attempts/);
    expect(log).not.toMatch(new RegExp(`user=<${USER}>`));
  });
});

describe("imap against hostile and scripted servers", () => {
  const hostile = (label: string) => run({ host: name(label), port: lab.port(name(label)), security: "starttls" });

  it.each([
    ["silent", "PROTOCOL_TIMEOUT", /sent nothing/],
    ["endless", "PROTOCOL_ERROR", /longer than/],
    ["garbage", "PROTOCOL_ERROR", /isn't an IMAP greeting/],
    ["bye", "PROTOCOL_ERROR", /BYE Too many connections/],
    ["slow", "PROTOCOL_TIMEOUT", /only part of a line/],
  ])("a %s greeting fails the greeting step on time (%s)", async (label, problem, message) => {
    const { result, ms } = await hostile(label);
    expect(result.verdict).toBe("error");
    const greeting = step(result, "imap.greeting");
    expect(greeting.problem).toBe(problem);
    expect(greeting.message).toMatch(message);
    expect(step(result, "imap.capabilities").status).toBe("skipped");
    expect(ms).toBeLessThan(ON_TIME_MS);
  });

  it("a connection reset in answer to CAPABILITY is CONNECTION_FAILED", async () => {
    const { result } = await hostile("reset");
    expect(step(result, "imap.capabilities").problem).toBe("CONNECTION_FAILED");
  });

  it("refuses a STARTTLS go-ahead followed by injected data (STARTTLS response injection)", async () => {
    const { result } = await hostile("injected");
    const starttls = step(result, "imap.starttls");
    expect(starttls.problem).toBe("PROTOCOL_ERROR");
    expect(starttls.message).toMatch(/STARTTLS response injection/);
    expect(step(result, "tls.certificate").status).toBe("skipped");
  });

  it("logs on with AUTHENTICATE PLAIN where LOGIN is disabled, and reports a refused STATUS as MAILBOX_COMMAND_FAILED", async () => {
    const { result } = await run({ host: name("status-refused"), port: lab.port(name("status-refused")), security: "tls", username: USER, password: PASSWORD });
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
