import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestResultSchema } from "@/lib/engine/types";
import { DOMAIN, startLab, type Lab, type ScenarioServer } from "../support/lab";
import { chainPem } from "../support/pki";
import { startHttpsServer } from "../support/servers";

/**
 * `rca` spawned as a process (bin/rca.mjs → tsx → lib/cli/main.ts), against TLS servers on 127.0.64.x and the lab's
 * dnsmasq: the environment startLab sets (DNS servers, private targets, trusted roots, ports) is the child's.
 */

const DAY = 86_400_000;
const BIN = fileURLToPath(new URL("../../bin/rca.mjs", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const name = (label: string) => `${label}.cli.${DOMAIN}`;
const SECRET = "Hunter2-cli-never-printed";

function leafScenario(label: string, octet: number, validity: { notBefore?: Date; notAfter?: Date } = {}): ScenarioServer {
  const host = name(label);
  return {
    name: host,
    address: `127.0.64.${octet}`,
    start: async (pki, address) => {
      const leaf = await pki.issueLeaf({ commonName: host, dnsNames: [host], ...validity });
      return startHttpsServer({ host: address, chain: chainPem(leaf, pki.intermediate), key: leaf.keyPem });
    },
  };
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function rca(args: string[]): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let lab: Lab;
const now = Date.now();

beforeAll(async () => {
  lab = await startLab([leafScenario("good", 1), leafScenario("expired", 2, { notBefore: new Date(now - 400 * DAY), notAfter: new Date(now - 2 * DAY) })]);
});

afterAll(async () => {
  await lab?.stop();
});

describe("rca (spawned)", () => {
  it("lists the tests and their inputs with --help", async () => {
    const ran = await rca(["--help"]);
    expect(ran.code).toBe(0);
    for (const id of ["activesync", "autodiscover", "ews", "mapi-http", "outlook-anywhere", "tls-certificate"]) expect(ran.stdout).toContain(`${id} — `);
    expect(ran.stdout).toMatch(/--port <value> +Port \(default 443\)/);
  });

  it("exits 0 and prints the steps for a good TLS server", async () => {
    const ran = await rca(["tls-certificate", "--host", name("good"), "--port", String(lab.port(name("good")))]);
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain(`TLS certificate — ${name("good")}`);
    expect(ran.stdout).toMatch(/✔ success .*\(\d+ ms\)/);
    expect(ran.stdout).not.toMatch(/✖ error/);
    expect(ran.stdout).toContain("Verdict: success");
    // NO_COLOR, and stdout is a pipe anyway.
    expect(ran.stdout).not.toContain("\u001b[");
  });

  it("exits 2 for an expired certificate", async () => {
    const ran = await rca(["tls-certificate", "--host", name("expired"), "--port", String(lab.port(name("expired")))]);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toContain("[CERT_EXPIRED]");
    expect(ran.stdout).toContain("Verdict: error");
  });

  it("prints a parseable result with --json, without the password", async () => {
    const ran = await rca([
      "ews",
      "--host",
      name("good"),
      "--port",
      String(lab.port(name("good"))),
      "--username",
      "CONTOSO\\jsmith",
      "--password",
      SECRET,
      "--json",
    ]);
    expect([0, 1, 2]).toContain(ran.code);
    const result = TestResultSchema.parse(JSON.parse(ran.stdout));
    expect(result.test).toBe("ews");
    expect(result.input).toMatchObject({ host: name("good"), credentials: "supplied (not stored)" });
    expect(result.input).not.toHaveProperty("password");
    expect(ran.code).toBe({ success: 0, warning: 1, error: 2 }[result.verdict]);
    expect(ran.stdout + ran.stderr).not.toContain(SECRET);
  });

  it("exits 64 with the API's message for bad input", async () => {
    const ran = await rca(["tls-certificate", "--host", name("good"), "--port", "70000"]);
    expect(ran.code).toBe(64);
    expect(ran.stderr).toContain("port: The port must be a whole number between 1 and 65535.");
    expect(ran.stdout).toBe("");
  });

  it("exits 64 for an unknown test", async () => {
    const ran = await rca(["no-such-test", "--host", name("good")]);
    expect(ran.code).toBe(64);
    expect(ran.stderr).toContain('Unknown test "no-such-test"');
  });
});
