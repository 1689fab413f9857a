import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestResult } from "@/lib/engine/types";
import { startDovecot, type RunningDovecot } from "../support/dovecot";
import { analyze, DOMAIN, problems, startLab, step, type Lab, type ScenarioServer } from "../support/lab";
import { startLineServer, trickle, type LineConnection } from "../support/line-server";
import { chainPem, type TestPki } from "../support/pki";

/**
 * The POP test against a real Dovecot (implicit TLS, STLS, no TLS at all, a certificate for another name) and
 * against small scripted servers for what Dovecot never does: hostile greetings, a STAT refused, an injected STLS
 * answer, a server that offers only SASL PLAIN.
 */

const TIMEOUT_MS = 1500;
const ON_TIME_MS = TIMEOUT_MS + 1500;
const USER = "jdoe";
const PASSWORD = "Quartz-Lantern#5512";
const WRONG_PASSWORD = "Wr0ng-Marimba#2290";
const name = (label: string) => `${label}.pop.${DOMAIN}`;

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
      return { host: address, port: dovecot.ports.pop3s, close: () => dovecot.stop() };
    },
  };
}

async function certificateFiles(pki: TestPki, label: string, commonName: string): Promise<{ certFile: string; keyFile: string }> {
  const leaf = await pki.issueLeaf({ commonName, dnsNames: [commonName] });
  const certFile = join(pki.dir, `${label}-pop.pem`);
  const keyFile = join(pki.dir, `${label}-pop.key.pem`);
  await writeFile(certFile, chainPem(leaf, pki.intermediate));
  await writeFile(keyFile, leaf.keyPem);
  return { certFile, keyFile };
}

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
        onConnect: script.greeting ?? ((connection) => connection.send("+OK Fake POP3 ready.")),
        onLine: (line, connection) => {
          const command = (line.split(" ")[0] ?? "").toUpperCase();
          const answer = script.answers?.[command];
          if (answer) return answer(connection);
          if (command === "CAPA") return connection.send("+OK", ...(script.capabilities ?? ["USER", "UIDL"]), ".");
          connection.send(`+OK ${command} done.`);
        },
      });
    },
  };
}

const SCENARIOS: ScenarioServer[] = [
  dovecotScenario("good", 41, name("good")),
  dovecotScenario("plain", 42),
  dovecotScenario("wrong-name", 43, name("elsewhere")),
  fakePopScenario("silent", 50, { greeting: () => {} }),
  fakePopScenario("endless", 51, { greeting: (c) => c.write(`+OK ${"x".repeat(64 * 1024)}`) }),
  fakePopScenario("garbage", 52, { greeting: (c) => c.write("SSH-2.0-OpenSSH_9.6\r\n\x00\x01\x02\xff garbage\r\n") }),
  fakePopScenario("refused", 53, { greeting: (c) => c.send("-ERR [SYS/TEMP] Too many connections from your IP.") }),
  fakePopScenario("slow", 54, { greeting: (c) => trickle(c, "+OK a greeting sent one byte a second\r\n") }),
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
];

let lab: Lab;

beforeAll(async () => {
  lab = await startLab(SCENARIOS, {}, { timeoutMs: TIMEOUT_MS });
});

afterAll(async () => {
  await lab?.stop();
});

const pop3sPort = (label: string) => required(dovecots.get(name(label))).ports.pop3s;
const pop3Port = (label: string) => required(dovecots.get(name(label))).ports.pop3;

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
  const result = await analyze({ test: "pop", ...input });
  return { result, ms: Date.now() - started };
}

describe("pop with a real Dovecot", () => {
  it("logs on over implicit TLS and counts the mailbox's messages", async () => {
    const { result } = await run({ host: name("good"), port: pop3sPort("good"), security: "tls", username: USER, password: PASSWORD });
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
    await logLine(name("good"), new RegExp(`pop3-login: Info: Login: user=<${USER}>`));
  });

  it("starts TLS with STLS, validates the certificate, then logs on", async () => {
    const { result } = await run({ host: name("good"), port: pop3Port("good"), security: "starttls", username: USER, password: PASSWORD });
    expect(result.verdict).toBe("success");
    expect(step(result, "pop.capabilities").details?.capabilities).toContain("STLS");
    expect(step(result, "pop.stls").status).toBe("success");
    expect(step(result, "tls.certificate.name").status).toBe("success");
    expect(step(result, "pop.capabilities-tls").status).toBe("success");
    expect(step(result, "pop.login").status).toBe("success");
    expect(step(result, "pop.stat").status).toBe("success");
  });

  it("reports LOGIN_FAILED with the server's words for a wrong password, which appears nowhere in the result", async () => {
    const { result } = await run({ host: name("good"), port: pop3sPort("good"), security: "tls", username: USER, password: WRONG_PASSWORD });
    expect(result.verdict).toBe("error");
    const login = step(result, "pop.login");
    expect(login.problem).toBe("LOGIN_FAILED");
    expect(login.message).toMatch(/-ERR/);
    expect(step(result, "pop.stat").status).toBe("skipped");
    expect(JSON.stringify(result)).not.toContain(WRONG_PASSWORD);
  });

  it("reports STARTTLS_MISSING when the server offers no STLS (ssl=no)", async () => {
    const { result } = await run({ host: name("plain"), port: pop3Port("plain"), security: "starttls", username: USER, password: PASSWORD });
    expect(result.verdict).toBe("error");
    expect(step(result, "pop.stls").problem).toBe("STARTTLS_MISSING");
    expect(step(result, "pop.login").status).toBe("skipped");
    expect(dovecots.get(name("plain"))?.log()).not.toMatch(new RegExp(`user=<${USER}>`));
  });

  it("reports CERT_NAME_MISMATCH and never sends the credentials", async () => {
    const { result } = await run({ host: name("wrong-name"), port: pop3sPort("wrong-name"), security: "tls", username: USER, password: PASSWORD });
    expect(result.verdict).toBe("error");
    expect(step(result, "tls.certificate.name").problem).toBe("CERT_NAME_MISMATCH");
    expect(step(result, "pop.login").status).toBe("skipped");
    expect(dovecots.get(name("wrong-name"))?.log()).not.toMatch(new RegExp(`user=<${USER}>`));
  });

  it('with "Ignore trust for SSL" goes on to the dialog, but still keeps the credentials home', async () => {
    const { result } = await run({
      host: name("wrong-name"),
      port: pop3sPort("wrong-name"),
      security: "tls",
      ignoreTrust: true,
      username: USER,
      password: PASSWORD,
    });
    expect(result.verdict).toBe("warning");
    expect(step(result, "pop.capabilities").status).toBe("success");
    const login = step(result, "pop.login");
    expect(login.status).toBe("skipped");
    expect(login.details?.credentialsSent).toBe(false);
    // Dovecot logs the session when it ends, a moment after the analyzer left.
    const log = await logLine(name("wrong-name"), /Aborted login by logging out \(no auth attempts/);
    expect(log).not.toMatch(new RegExp(`user=<${USER}>`));
  });
});

describe("pop against hostile and scripted servers", () => {
  const hostile = (label: string) => run({ host: name(label), port: lab.port(name(label)), security: "starttls" });

  it.each([
    ["silent", "PROTOCOL_TIMEOUT", /sent nothing/],
    ["endless", "PROTOCOL_ERROR", /longer than/],
    ["garbage", "PROTOCOL_ERROR", /isn't a POP3 greeting/],
    ["refused", "PROTOCOL_ERROR", /-ERR \[SYS\/TEMP\] Too many connections/],
    ["slow", "PROTOCOL_TIMEOUT", /only part of a line/],
  ])("a %s greeting fails the greeting step on time (%s)", async (label, problem, message) => {
    const { result, ms } = await hostile(label);
    expect(result.verdict).toBe("error");
    const greeting = step(result, "pop.greeting");
    expect(greeting.problem).toBe(problem);
    expect(greeting.message).toMatch(message);
    expect(step(result, "pop.capabilities").status).toBe("skipped");
    expect(ms).toBeLessThan(ON_TIME_MS);
  });

  it("a connection reset in answer to CAPA is CONNECTION_FAILED", async () => {
    const { result } = await hostile("reset");
    expect(step(result, "pop.capabilities").problem).toBe("CONNECTION_FAILED");
  });

  it("refuses an STLS go-ahead followed by injected data (STARTTLS response injection)", async () => {
    const { result } = await hostile("injected");
    const stls = step(result, "pop.stls");
    expect(stls.problem).toBe("PROTOCOL_ERROR");
    expect(stls.message).toMatch(/STARTTLS response injection/);
  });

  it("logs on with AUTH PLAIN where USER isn't offered, and reports a refused STAT as MAILBOX_COMMAND_FAILED", async () => {
    const { result } = await run({ host: name("stat-refused"), port: lab.port(name("stat-refused")), security: "tls", username: USER, password: PASSWORD });
    const login = step(result, "pop.login");
    expect(login.status).toBe("success");
    expect(login.details?.transcript).toEqual(["C: AUTH PLAIN ****", "S: +OK AUTH done."]);
    const stat = step(result, "pop.stat");
    expect(stat.problem).toBe("MAILBOX_COMMAND_FAILED");
    expect(stat.message).toMatch(/Mailbox is locked/);
    expect(problems(result)).toEqual(["MAILBOX_COMMAND_FAILED"]);
  });
});
