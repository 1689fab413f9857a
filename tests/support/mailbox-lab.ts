/**
 * The lab of the mailbox tests (IMAP, POP): real Dovecots and scripted line servers, each on its own loopback
 * address and named `<label>.<protocol>.contoso.test`, started before the file's tests and stopped after them; and
 * what those tests share: running the analyzer, reading Dovecot's log, the hostile greetings and what a test that
 * stops before the login expects.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TestResult } from "@/lib/engine/types";
import { startDovecot, type DovecotPorts, type RunningDovecot } from "./dovecot";
import { analyze, DOMAIN, startLab, step, type Lab, type ScenarioServer } from "./lab";
import { startLineServer, trickle, type LineConnection, type LineServerOptions } from "./line-server";
import { chainPem, type TestPki } from "./pki";
import type { RunningServer } from "./servers";

export const TIMEOUT_MS = 1500;
/** A hostile server must fail its step within the operation budget, plus scheduling slack. */
export const ON_TIME_MS = TIMEOUT_MS + 1500;
export const USER = "jdoe";
export const PASSWORD = "Quartz-Lantern#5512";
export const WRONG_PASSWORD = "Wr0ng-Marimba#2290";

export type MailboxProtocol = "imap" | "pop";
export type Security = "tls" | "starttls";

/** Per protocol: Dovecot's implicit-TLS and STARTTLS ports, and how a good greeting starts. */
const PROTOCOLS: Record<MailboxProtocol, { ports: Record<Security, keyof DovecotPorts>; ok: string }> = {
  imap: { ports: { tls: "imaps", starttls: "imap" }, ok: "* OK" },
  pop: { ports: { tls: "pop3s", starttls: "pop3" }, ok: "+OK" },
};

/** A scripted server's part: its greeting (or none), its answers, and whether it speaks TLS from the first byte. */
export type Script = Pick<LineServerOptions, "implicitTls" | "onConnect" | "onLine">;

/**
 * The lab for one protocol's test file; call it at the top of the file, then `start` with its scenarios. The
 * protocol is the analyzer's test, the label in host names and the prefix of step codes.
 */
export function mailboxLab(protocol: MailboxProtocol) {
  const { ports, ok } = PROTOCOLS[protocol];
  const name = (label: string) => `${label}.${protocol}.${DOMAIN}`;
  const dovecots = new Map<string, RunningDovecot>();
  let lab: Lab | undefined;

  const dovecot = (label: string): RunningDovecot => required(dovecots.get(name(label)));

  /** The scenario `label` on 127.0.130.`octet`; `start` also gets its host name. */
  function scenario(label: string, octet: number, start: (pki: TestPki, address: string, host: string) => Promise<RunningServer>): ScenarioServer {
    const host = name(label);
    return { name: host, address: `127.0.130.${octet}`, start: (pki, address) => start(pki, address, host) };
  }

  async function certificateFiles(pki: TestPki, label: string, commonName: string): Promise<{ certFile: string; keyFile: string }> {
    const leaf = await pki.issueLeaf({ commonName, dnsNames: [commonName] });
    const certFile = join(pki.dir, `${label}-${protocol}.pem`);
    const keyFile = join(pki.dir, `${label}-${protocol}.key.pem`);
    await writeFile(certFile, chainPem(leaf, pki.intermediate));
    await writeFile(keyFile, leaf.keyPem);
    return { certFile, keyFile };
  }

  /** A real Dovecot on 127.0.130.`octet`; `certFor`: the name on its certificate (absent: no TLS at all, ssl=no). */
  function dovecotScenario(label: string, octet: number, certFor?: string): ScenarioServer {
    return scenario(label, octet, async (pki, address, host) => {
      const tls = certFor ? await certificateFiles(pki, label, certFor) : undefined;
      const running = await startDovecot({ address, users: [{ user: USER, password: PASSWORD }], ...(tls ? { tls } : {}) });
      dovecots.set(host, running);
      return { host: address, port: running.ports[ports.tls], close: () => running.stop() };
    });
  }

  /** A scripted line server on 127.0.130.`octet`, with a certificate for its name (for implicit TLS or STARTTLS). */
  function scriptedScenario(label: string, octet: number, script: Script): ScenarioServer {
    return scenario(label, octet, async (pki, address, host) => {
      const leaf = await pki.issueLeaf({ commonName: host, dnsNames: [host] });
      return startLineServer({ ...script, host: address, tls: { cert: chainPem(leaf, pki.intermediate), key: leaf.keyPem } });
    });
  }

  /**
   * Five servers whose greeting fails, on octets `first` to `first + 4`: silent, endless, garbage, `refusal` (a
   * label and the line it greets with), slow. `scripted` makes the protocol's scripted server with that greeting.
   */
  function hostileGreetings(
    first: number,
    refusal: [label: string, line: string],
    scripted: (label: string, octet: number, greeting: (connection: LineConnection) => void) => ScenarioServer,
  ): ScenarioServer[] {
    return [
      scripted("silent", first, () => {}),
      scripted("endless", first + 1, (c) => c.write(`${ok} ${"x".repeat(64 * 1024)}`)),
      scripted("garbage", first + 2, (c) => c.write("SSH-2.0-OpenSSH_9.6\r\n\x00\x01\x02\xff garbage\r\n")),
      scripted(refusal[0], first + 3, (c) => c.send(refusal[1])),
      scripted("slow", first + 4, (c) => trickle(c, `${ok} a greeting sent one byte a second\r\n`)),
    ];
  }

  /** Starts the lab before the file's tests and stops it after them. */
  function start(scenarios: ScenarioServer[]): void {
    beforeAll(async () => {
      lab = await startLab(scenarios, {}, { timeoutMs: TIMEOUT_MS });
    });
    afterAll(async () => {
      await lab?.stop();
    });
  }

  /** Where `label` answers with `security`: a Dovecot's implicit-TLS or STARTTLS port, a scripted server's one port. */
  function port(label: string, security: Security): number {
    if (security === "starttls" && dovecots.has(name(label))) return dovecot(label).ports[ports.starttls];
    return required(lab).port(name(label));
  }

  async function run(input: Record<string, unknown>): Promise<{ result: TestResult; ms: number }> {
    const started = Date.now();
    const result = await analyze({ test: protocol, ...input });
    return { result, ms: Date.now() - started };
  }

  /** Runs the test against `label` with USER and PASSWORD; `more` adds to the input or overrides it. */
  const logOn = (label: string, security: Security, more: Record<string, unknown> = {}) =>
    run({ host: name(label), port: port(label, security), security, username: USER, password: PASSWORD, ...more });

  /** Runs the test without credentials against a scripted server, with STARTTLS. */
  const hostile = (label: string) => run({ host: name(label), port: required(lab).port(name(label)), security: "starttls" });

  /** Dovecot's log once it has a line matching `pattern` (it logs a session as it ends), within 3 s. */
  async function logLine(label: string, pattern: RegExp): Promise<string> {
    const until = Date.now() + 3000;
    for (;;) {
      const log = dovecot(label).log();
      if (pattern.test(log) || Date.now() > until) {
        expect(log).toMatch(pattern);
        return log;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Logs on to `label`'s Dovecot, expecting `stepCode` to fail with `problem` so that no credentials ever reach it. */
  async function expectStopsBeforeLogin(label: string, security: Security, stepCode: string, problem: string): Promise<void> {
    const { result } = await logOn(label, security);
    expect(result.verdict).toBe("error");
    expect(step(result, stepCode).problem).toBe(problem);
    expect(step(result, `${protocol}.login`).status).toBe("skipped");
    expect(dovecots.get(name(label))?.log()).not.toMatch(new RegExp(`user=<${USER}>`));
  }

  /** One test per hostile greeting ([label, problem, message]): the greeting step fails on time, nothing follows. */
  function itFailsTheGreetingOnTime(cases: [label: string, problem: string, message: RegExp][]): void {
    it.each(cases)("a %s greeting fails the greeting step on time (%s)", async (label, problem, message) => {
      const { result, ms } = await hostile(label);
      expect(result.verdict).toBe("error");
      const greeting = step(result, `${protocol}.greeting`);
      expect(greeting.problem).toBe(problem);
      expect(greeting.message).toMatch(message);
      expect(step(result, `${protocol}.capabilities`).status).toBe("skipped");
      expect(ms).toBeLessThan(ON_TIME_MS);
    });
  }

  return {
    name,
    dovecotScenario,
    scriptedScenario,
    hostileGreetings,
    start,
    port,
    run,
    logOn,
    hostile,
    logLine,
    expectStopsBeforeLogin,
    itFailsTheGreetingOnTime,
  };
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("scenario not started");
  return value;
}
