import { describe, expect, it } from "vitest";
import { ANALYZERS, TestInputSchema, requireAnalyzer } from "@/lib/analyzers/catalog";
import { EXIT_USAGE, exitCodeOf, formatResult, globalHelp, issueLines, parseCommandLine, testHelp, wantsColour } from "@/lib/cli/format";
import type { Step, TestResult } from "@/lib/engine/types";

function step(overrides: Partial<Step> & Pick<Step, "code" | "status">): Step {
  return { title: overrides.code, message: "", elapsedMs: 1, children: [], ...overrides };
}

const RESULT: TestResult = {
  schemaVersion: 1,
  id: "abc",
  test: "tls-certificate",
  input: { test: "tls-certificate", host: "mail.contoso.com", port: 443, ignoreTrust: false },
  startedAt: "2026-01-01T00:00:00.000Z",
  elapsedMs: 42,
  verdict: "warning",
  steps: [
    step({ code: "dns", status: "success", title: "Resolving the host name", message: "mail.contoso.com resolves to 192.0.2.1.", elapsedMs: 3 }),
    step({
      code: "cert",
      status: "warning",
      title: "Testing the certificate",
      message: "The certificate expires soon.",
      elapsedMs: 17,
      problem: "CERT_EXPIRING_SOON",
      children: [step({ code: "cert.dates", status: "warning", title: "Validity dates", message: "Expires in 10 days.", elapsedMs: 0 })],
    }),
    step({ code: "tls", status: "skipped", title: "TLS versions", message: "Skipped." }),
  ],
};

describe("parseCommandLine", () => {
  it("turns --<input> <value> into the API's input, flags into booleans", () => {
    const request = parseCommandLine(["tls-certificate", "--host", "mail.contoso.com", "--port", "8443", "--ignoreTrust", "--json"]);
    expect(request).toEqual({
      kind: "run",
      test: "tls-certificate",
      input: { test: "tls-certificate", host: "mail.contoso.com", port: "8443", ignoreTrust: true },
      json: true,
    });
    if (request.kind !== "run") throw new Error("not a run");
    expect(TestInputSchema.parse(request.input)).toEqual({ test: "tls-certificate", host: "mail.contoso.com", port: 8443, ignoreTrust: true });
  });

  it("accepts --name=value, credentials and --server", () => {
    const request = parseCommandLine([
      "ews",
      "--host=mail.contoso.com",
      "--username",
      "CONTOSO\\jsmith",
      "--password",
      "s3cret",
      "--server",
      "https://rca.contoso.com",
    ]);
    expect(request).toMatchObject({
      kind: "run",
      input: { test: "ews", host: "mail.contoso.com", username: "CONTOSO\\jsmith", password: "s3cret" },
      json: false,
      server: "https://rca.contoso.com",
    });
  });

  it("takes --vantages with --server, as the API's list, and refuses it without", () => {
    const request = parseCommandLine(["tls-certificate", "--host", "mail.contoso.com", "--vantages", "inside, outside", "--server", "https://rca.contoso.com"]);
    expect(request).toMatchObject({ kind: "run", input: { test: "tls-certificate", host: "mail.contoso.com", vantages: ["inside", "outside"] } });
    if (request.kind !== "run") throw new Error("not a run");
    expect(TestInputSchema.parse(request.input)).toMatchObject({ vantages: ["inside", "outside"] });
    expect(parseCommandLine(["tls-certificate", "--host", "mail.contoso.com", "--vantages", "inside"])).toMatchObject({
      kind: "usage-error",
      message: expect.stringContaining("--server"),
    });
  });

  it("answers help for rca --help and rca <test> --help", () => {
    expect(parseCommandLine(["--help"])).toEqual({ kind: "help" });
    expect(parseCommandLine(["-h"])).toEqual({ kind: "help" });
    expect(parseCommandLine(["tls-certificate", "--help"])).toEqual({ kind: "help", test: "tls-certificate" });
  });

  it("refuses a missing or unknown test, unknown options, stray words and a bad --server", () => {
    expect(parseCommandLine([])).toMatchObject({ kind: "usage-error" });
    expect(parseCommandLine(["no-such-test"])).toMatchObject({ kind: "usage-error", message: expect.stringContaining("tls-certificate") });
    expect(parseCommandLine(["--host", "x"])).toMatchObject({ kind: "usage-error" });
    expect(parseCommandLine(["tls-certificate", "--password", "x"])).toMatchObject({ kind: "usage-error", message: expect.stringContaining("--password") });
    expect(parseCommandLine(["tls-certificate", "mail.contoso.com"])).toMatchObject({ kind: "usage-error" });
    expect(parseCommandLine(["tls-certificate", "--host"])).toMatchObject({ kind: "usage-error" });
    expect(parseCommandLine(["tls-certificate", "--host", "x", "--server", "rca.contoso.com"])).toMatchObject({ kind: "usage-error" });
  });

  it("has an option for every input of every test's schema", () => {
    for (const analyzer of ANALYZERS) {
      const request = parseCommandLine([analyzer.id]);
      expect(request.kind).toBe("run");
      for (const field of analyzer.fields) {
        const args = field.kind === "checkbox" ? [`--${field.name}`] : [`--${field.name}`, "x"];
        expect(parseCommandLine([analyzer.id, ...args]).kind, `${analyzer.id} --${field.name}`).toBe("run");
      }
    }
  });
});

describe("validation messages", () => {
  it("are the API's: field: message", () => {
    const request = parseCommandLine(["tls-certificate", "--host", "mail.contoso.com", "--port", "70000"]);
    if (request.kind !== "run") throw new Error("not a run");
    const parsed = TestInputSchema.safeParse(request.input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(issueLines(parsed.error)).toEqual(["port: The port must be a whole number between 1 and 65535."]);
  });

  it("name the missing host", () => {
    const parsed = TestInputSchema.safeParse({ test: "tls-certificate" });
    if (parsed.success) throw new Error("accepted");
    expect(issueLines(parsed.error)[0]).toMatch(/^host: /);
  });
});

describe("exit codes", () => {
  it("follow the verdict; bad input is 64", () => {
    expect(exitCodeOf("success")).toBe(0);
    expect(exitCodeOf("warning")).toBe(1);
    expect(exitCodeOf("error")).toBe(2);
    expect(EXIT_USAGE).toBe(64);
  });
});

describe("formatResult", () => {
  it("prints each step with its status, title, message, problem and time, children indented", () => {
    const text = formatResult(RESULT, { colour: false });
    const lines = text.split("\n");
    expect(lines[0]).toBe("TLS certificate — mail.contoso.com");
    expect(text).toContain("✔ success Resolving the host name (3 ms)");
    expect(text).toContain("mail.contoso.com resolves to 192.0.2.1.");
    expect(text).toContain("▲ warning Testing the certificate [CERT_EXPIRING_SOON] (17 ms)");
    expect(lines.find((line) => line.includes("Validity dates"))).toMatch(/^ {2}▲ warning Validity dates \(0 ms\)$/);
    expect(text).toContain("○ skipped TLS versions");
    expect(text).toContain("Verdict: warning (42 ms)");
    expect(text).not.toContain("\u001b[");
  });

  it("colours only when asked", () => {
    expect(formatResult(RESULT, { colour: true })).toContain("\u001b[33m");
  });

  it("never shows credentials: a result keeps none to show", () => {
    const text = formatResult({ ...RESULT, input: { test: "ews", host: "mail.contoso.com", credentials: "supplied (not stored)" } }, { colour: false });
    expect(text).not.toContain("s3cret");
  });
});

describe("wantsColour", () => {
  it("is on for a terminal without NO_COLOR only", () => {
    expect(wantsColour(true, {})).toBe(true);
    expect(wantsColour(true, { NO_COLOR: "1" })).toBe(false);
    expect(wantsColour(false, {})).toBe(false);
    expect(wantsColour(undefined, {})).toBe(false);
  });
});

describe("help", () => {
  it("lists every test with its inputs, labels and defaults", () => {
    const text = globalHelp();
    for (const analyzer of ANALYZERS) expect(text).toContain(`${analyzer.id} — ${analyzer.title}`);
    expect(text).toMatch(/--port <value> +Port \(default 443\)/);
    expect(text).toMatch(/--ignoreTrust +Ignore trust for SSL/);
    expect(text).toContain("Exit codes: 0 success, 1 warning, 2 error, 64 bad input.");
  });

  it("shows one test's inputs", () => {
    const text = testHelp(requireAnalyzer("tls-certificate"));
    expect(text).toContain("Usage: rca tls-certificate");
    expect(text).toMatch(/--host <value> +Server \(required\)/);
    expect(text).not.toContain("--password");
  });
});
