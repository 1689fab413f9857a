/**
 * No credential ever appears in a log line or in the store: authenticated outlook-anywhere runs (Basic and NTLM,
 * right and wrong password) go through runAndSave exactly as the API's do, with the log captured and the result
 * store a real SQLite file whose raw bytes are then searched for the password and the user name.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { TestInputSchema } from "@/lib/analyzers/catalog";
import { runAndSave, type SavedRun } from "@/lib/analyzers/run";
import { runQueued, resetRunQueueForTests } from "@/lib/api/queued-run";
import { resetEnvForTests } from "@/lib/config/env";
import { setLogDestinationForTests } from "@/lib/log/logger";
import { replaceStoreForTests, resultStore } from "@/lib/store";
import { DOMAIN, startLab, step, type Lab, type ScenarioServer } from "../support/lab";
import { ntlmResponder } from "../support/ntlm-server";
import { chainPem, type TestPki } from "../support/pki";
import { recordRaised } from "../support/raised-problems";
import { rpcProxyHandler, startHttpsServer } from "../support/servers";

const HOST = `logs.${DOMAIN}`;
const USER_NAME = "quillfeather";
const USERNAME = `CONTOSO\\${USER_NAME}`;
const PASSWORD = "Tr0mb0ne-Zephyr#7781";
const WRONG_PASSWORD = "Wr0ng-Kazoo#4417";

const SCENARIOS: ScenarioServer[] = [
  {
    name: HOST,
    address: "127.0.63.1",
    start: async (pki: TestPki, address: string) => {
      const leaf = await pki.issueLeaf({ commonName: HOST, dnsNames: [HOST] });
      return startHttpsServer({
        host: address,
        chain: chainPem(leaf, pki.intermediate),
        key: leaf.keyPem,
        handler: rpcProxyHandler({
          methods: [`Basic realm="${HOST}"`, "NTLM", "Negotiate"],
          accounts: { [USERNAME.toLowerCase()]: PASSWORD, [USER_NAME]: PASSWORD },
          onNtlm: ntlmResponder({ [USER_NAME]: PASSWORD }),
        }),
      });
    },
  },
];

/** Every form a secret could take in bytes: as typed, UTF-16 (NTLM's encoding), Base64 alone and in a Basic header. */
function secretForms(): Array<{ label: string; bytes: Buffer }> {
  const forms: Array<{ label: string; bytes: Buffer }> = [];
  for (const [label, text] of [
    ["password", PASSWORD],
    ["wrong password", WRONG_PASSWORD],
    ["user name", USER_NAME],
  ] as const) {
    forms.push({ label, bytes: Buffer.from(text, "utf8") });
    forms.push({ label: `${label} (UTF-16LE)`, bytes: Buffer.from(text, "utf16le") });
    forms.push({ label: `${label} (Base64)`, bytes: Buffer.from(Buffer.from(text, "utf8").toString("base64"), "utf8") });
  }
  for (const password of [PASSWORD, WRONG_PASSWORD]) {
    forms.push({ label: "Basic credentials", bytes: Buffer.from(Buffer.from(`${USERNAME}:${password}`, "utf8").toString("base64"), "utf8") });
  }
  return forms;
}

/** The secret forms found in `bytes` (case-insensitively for text), by label: empty when clean. */
function secretsIn(bytes: Buffer): string[] {
  const lower = Buffer.from(bytes.toString("latin1").toLowerCase(), "latin1");
  return secretForms()
    .filter(({ bytes: needle }) => bytes.includes(needle) || lower.includes(Buffer.from(needle.toString("latin1").toLowerCase(), "latin1")))
    .map(({ label }) => label);
}

let lab: Lab;
let dir: string;
let savedDatabaseUrl: string | undefined;
const chunks: string[] = [];
const consoleSpies: MockInstance[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rca-no-secrets-"));
  savedDatabaseUrl = process.env.RCA_DATABASE_URL;
  process.env.RCA_DATABASE_URL = `file:${join(dir, "rca.sqlite")}`;
  lab = await startLab(SCENARIOS); // resets the parsed environment, RCA_DATABASE_URL included
  resetEnvForTests();
  replaceStoreForTests();
  resetRunQueueForTests();
  setLogDestinationForTests({ write: (chunk: string) => void chunks.push(chunk) });
  // Whatever else the run prints (a stray console call anywhere) is searched too.
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    consoleSpies.push(vi.spyOn(console, method).mockImplementation(() => {}));
  }
});

afterAll(async () => {
  for (const spy of consoleSpies) spy.mockRestore();
  setLogDestinationForTests();
  try {
    await resultStore().close();
  } finally {
    replaceStoreForTests();
    resetRunQueueForTests();
    if (savedDatabaseUrl === undefined) delete process.env.RCA_DATABASE_URL;
    else process.env.RCA_DATABASE_URL = savedDatabaseUrl;
    resetEnvForTests();
    await lab?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

function input(authMethod: "basic" | "ntlm", password: string) {
  return TestInputSchema.parse({ test: "outlook-anywhere", host: HOST, port: lab.port(HOST), authMethod, username: USERNAME, password });
}

/** The log lines written so far, each parsed (a line that isn't JSON fails the test). */
function logLines(): Array<Record<string, unknown>> {
  return chunks
    .join("")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The finished-test lines for one result id. */
const finishedLines = (id: string) => logLines().filter((line) => line.event === "test.finished" && line.id === id);

/** Raw bytes of every file of the store (the database and, while it is open, its WAL and shared-memory files). */
function storeBytes(): Buffer {
  return Buffer.concat(readdirSync(dir).map((name) => readFileSync(join(dir, name))));
}

const runs: SavedRun[] = [];

describe("no credential in the logs or the store", () => {
  it("finds a planted secret in any of its forms (the search itself works)", () => {
    expect(secretsIn(Buffer.from(`{"msg":"${PASSWORD}"}`))).toContain("password");
    expect(secretsIn(Buffer.from(`x${USER_NAME.toUpperCase()}x`, "utf16le"))).toContain("user name (UTF-16LE)");
    expect(secretsIn(Buffer.from(`Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString("base64")}`))).toContain("Basic credentials");
  });

  // Titles name the case, never the password: the test runner's own output is a log too.
  it.each([
    ["basic", "right", PASSWORD, "success"],
    ["ntlm", "right", PASSWORD, "success"],
    ["basic", "wrong", WRONG_PASSWORD, "error"],
    ["ntlm", "wrong", WRONG_PASSWORD, "error"],
  ] as const)("an authenticated %s run with the %s password logs one JSON line and stores no secret", async (authMethod, _which, password, verdict) => {
    const linesBefore = logLines().length;
    const saved = await runAndSave(input(authMethod, password), undefined, { client: "198.51.100.7" });
    recordRaised(saved.result);
    runs.push(saved);
    expect(step(saved.result, "rpc.authenticate")).toMatchObject(verdict === "success" ? { status: "success" } : { status: "error", problem: "LOGIN_FAILED" });
    expect(saved.result.verdict).toBe(verdict);
    expect(await resultStore().get(saved.id)).toBeDefined();

    expect(finishedLines(saved.id)).toHaveLength(1);
    expect(logLines().filter((line) => line.event === "test.finished")).toHaveLength(runs.length);
    expect(logLines().length).toBe(linesBefore + 1);
    const [line] = finishedLines(saved.id);
    expect(line).toMatchObject({
      level: "info",
      id: saved.id,
      test: "outlook-anywhere",
      target: HOST,
      verdict,
      ms: saved.result.elapsedMs,
      client: "198.51.100.7",
    });
    expect(typeof line?.ms).toBe("number");

    expect(secretsIn(Buffer.from(chunks.join(""), "utf8"))).toEqual([]);
    expect(secretsIn(storeBytes())).toEqual([]);
  });

  it("logs the client and the time in the queue for a run through the queue", async () => {
    const saved = await runQueued(input("basic", PASSWORD), { client: "direct" });
    runs.push(saved);
    expect(finishedLines(saved.id)).toEqual([expect.objectContaining({ client: "direct", queuedMs: expect.any(Number), verdict: "success" })]);
  });

  it("leaves no password or user name anywhere: log output, console, store file", async () => {
    expect(runs).toHaveLength(5);
    const logged = chunks.join("");
    expect(logged).not.toContain(PASSWORD);
    expect(logged).not.toContain(USER_NAME);
    expect(secretsIn(Buffer.from(logged, "utf8"))).toEqual([]);
    const printed = consoleSpies.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(" "))).join("\n");
    expect(secretsIn(Buffer.from(printed, "utf8"))).toEqual([]);
    // Every result is in the store, none carries a credential, also once the WAL is folded into the database file.
    await resultStore().close();
    replaceStoreForTests();
    const database = readFileSync(join(dir, "rca.sqlite"));
    for (const saved of runs) expect(database.includes(Buffer.from(saved.id))).toBe(true);
    expect(database.includes(Buffer.from(PASSWORD))).toBe(false);
    expect(secretsIn(database)).toEqual([]);
    expect(secretsIn(storeBytes())).toEqual([]);
  });
});
