import { afterEach, describe, expect, it } from "vitest";
import { env, resetEnvForTests } from "@/lib/config/env";
import { createLogger, logError, logTestFinished, REDACTED, setLogDestinationForTests } from "@/lib/log/logger";

const SECRET = "Unit-Secret-9x!";
const USER = "CONTOSO\\unitlogger";

/** A destination that keeps every line pino writes. */
function capture() {
  const chunks: string[] = [];
  return {
    stream: { write: (chunk: string) => void chunks.push(chunk) },
    text: () => chunks.join(""),
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

afterEach(() => {
  delete process.env.RCA_LOG_LEVEL;
  resetEnvForTests();
  setLogDestinationForTests();
});

describe("logger", () => {
  it("redacts credentials at the top level, one level down and two levels down", () => {
    const out = capture();
    const log = createLogger(out.stream, "info");
    log.info({ password: SECRET, username: USER, authorization: `Basic ${SECRET}` }, "top");
    log.info({ input: { host: "mail.contoso.com", password: SECRET, username: USER } }, "nested");
    log.info({ request: { headers: { authorization: `NTLM ${SECRET}`, "proxy-authorization": SECRET, cookie: SECRET } } }, "headers");
    log.info({ run: { input: { password: SECRET, username: USER } } }, "deeper");
    expect(out.text()).not.toContain(SECRET);
    expect(out.text()).not.toContain("unitlogger");
    const [top, nested, headers, deeper] = out.lines();
    expect(top).toMatchObject({ password: REDACTED, username: REDACTED, authorization: REDACTED, msg: "top" });
    // What isn't a credential stays readable.
    expect(nested).toMatchObject({ input: { host: "mail.contoso.com", password: REDACTED, username: REDACTED } });
    expect(headers).toMatchObject({ request: { headers: { authorization: REDACTED, "proxy-authorization": REDACTED, cookie: REDACTED } } });
    expect(deeper).toMatchObject({ run: { input: { password: REDACTED, username: REDACTED } } });
  });

  it("writes one JSON line per finished test with id, test, target, verdict, ms and client", () => {
    const out = capture();
    setLogDestinationForTests(out.stream);
    logTestFinished({ id: "abc", test: "tls-certificate", target: "mail.contoso.com", verdict: "warning", ms: 812, client: "direct" });
    logTestFinished({ id: "def", test: "ews", target: undefined, verdict: "error", ms: 3, client: "198.51.100.7", queuedMs: 40 });
    expect(out.text().split("\n").filter(Boolean)).toHaveLength(2);
    const [first, second] = out.lines();
    expect(first).toMatchObject({
      level: "info",
      event: "test.finished",
      id: "abc",
      test: "tls-certificate",
      target: "mail.contoso.com",
      verdict: "warning",
      ms: 812,
      client: "direct",
    });
    expect(first).not.toHaveProperty("queuedMs");
    expect(typeof first?.time).toBe("string");
    expect(second).toMatchObject({ id: "def", target: null, client: "198.51.100.7", queuedMs: 40 });
  });

  it("serializes errors (type, message, stack) at error level", () => {
    const out = capture();
    setLogDestinationForTests(out.stream);
    logError("internal error in a step", new TypeError("boom"), { step: "dns.resolve" });
    const [line] = out.lines();
    expect(line).toMatchObject({ level: "error", msg: "internal error in a step", step: "dns.resolve", err: { type: "TypeError", message: "boom" } });
    expect(String((line?.err as { stack?: unknown }).stack)).toContain("TypeError: boom");
  });

  it("takes its level from RCA_LOG_LEVEL, in any case, default info", () => {
    expect(env().RCA_LOG_LEVEL).toBe("info");
    process.env.RCA_LOG_LEVEL = " WARN ";
    resetEnvForTests();
    expect(env().RCA_LOG_LEVEL).toBe("warn");
    const out = capture();
    setLogDestinationForTests(out.stream);
    logTestFinished({ id: "abc", test: "ews", target: "x", verdict: "success", ms: 1, client: "direct" });
    logError("still shown", new Error("e"));
    expect(out.lines().map((line) => line.msg)).toEqual(["still shown"]);
    process.env.RCA_LOG_LEVEL = "loud";
    resetEnvForTests();
    expect(() => env()).toThrow(/RCA_LOG_LEVEL/);
  });
});
