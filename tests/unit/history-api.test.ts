import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as diffRoute } from "@/app/api/results/[id]/diff/[other]/route";
import { GET as listRoute } from "@/app/api/results/route";
import { resetEnvForTests } from "@/lib/config/env";
import { RESULT_SCHEMA_VERSION, type Step, type TestResult } from "@/lib/engine/types";
import { replaceStoreForTests, resultStore, saveResult } from "@/lib/store";

/** History and diff, through the route handlers themselves, on a temporary SQLite store. */

const ENV_KEYS = ["RCA_DATABASE_URL", "RCA_HISTORY"] as const;
const saved = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
let dir = "";

function configure(values: Partial<Record<(typeof ENV_KEYS)[number], string>> = {}): void {
  for (const key of ENV_KEYS) delete process.env[key];
  Object.assign(process.env, { RCA_DATABASE_URL: `file:${join(dir, `rca-${Math.random().toString(36).slice(2)}.sqlite`)}` }, values);
  resetEnvForTests();
  replaceStoreForTests(undefined);
}

let sequence = 0;
function crafted(input: Record<string, unknown>, options: { test?: string; minute: number; steps?: Step[]; verdict?: TestResult["verdict"] }): TestResult {
  sequence += 1;
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    id: `history-${String(sequence).padStart(4, "0")}-aaaaaaaaaa`,
    test: options.test ?? "tls-certificate",
    input: { test: options.test ?? "tls-certificate", ...input },
    startedAt: new Date(Date.UTC(2026, 10, 27, 12, options.minute)).toISOString(),
    elapsedMs: 10,
    verdict: options.verdict ?? "success",
    steps: options.steps ?? [{ code: "dns.resolve", title: "DNS", status: "success", message: "", elapsedMs: 1, children: [] }],
  };
}

function list(query: string): Promise<Response> {
  return listRoute(new Request(`http://analyzer.example/api/results?${query}`));
}

function diff(a: string, b: string): Promise<Response> {
  return diffRoute(new Request(`http://analyzer.example/api/results/${a}/diff/${b}`), { params: Promise.resolve({ id: a, other: b }) });
}

interface ListBody {
  results: Array<{ id: string; url: string; test: string; startedAt: string; verdict: string }>;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rca-history-"));
});
beforeEach(() => configure());
afterEach(async () => {
  await resultStore().close();
  replaceStoreForTests(undefined);
});
afterAll(() => {
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvForTests();
  rmSync(dir, { recursive: true, force: true });
});

describe("GET /api/results?host=", () => {
  it("lists a host's results newest first, in the contract's shape", async () => {
    const first = crafted({ host: "mail.contoso.com", port: 443 }, { minute: 1, verdict: "error" });
    const second = crafted({ host: "MAIL.contoso.com", port: 443 }, { minute: 2 });
    const other = crafted({ host: "mail.fabrikam.com", port: 443 }, { minute: 3 });
    for (const result of [second, first, other]) await saveResult(result);

    const response = await list("host=Mail.Contoso.com");
    expect(response.status).toBe(200);
    const body = (await response.json()) as ListBody;
    expect(body).toEqual({
      results: [
        { id: second.id, url: `/r/${second.id}`, test: "tls-certificate", startedAt: second.startedAt, verdict: "success" },
        { id: first.id, url: `/r/${first.id}`, test: "tls-certificate", startedAt: first.startedAt, verdict: "error" },
      ],
    });
  });

  it("keys results by domain or e-mail domain when the test has no host", async () => {
    const byDomain = crafted({ domain: "contoso.com" }, { test: "autodiscover", minute: 1 });
    const byEmail = crafted({ emailAddress: "admin@Contoso.com" }, { test: "ews", minute: 2 });
    await saveResult(byDomain);
    await saveResult(byEmail);
    const body = (await (await list("host=contoso.com")).json()) as ListBody;
    expect(body.results.map((row) => row.id)).toEqual([byEmail.id, byDomain.id]);
  });

  it("filters by test and honours the limit", async () => {
    const results = [0, 1, 2, 3].map((minute) => crafted({ host: "mail.contoso.com" }, { minute }));
    const ews = crafted({ host: "mail.contoso.com" }, { test: "ews", minute: 9 });
    for (const result of [...results, ews]) await saveResult(result);

    const onlyTls = (await (await list("host=mail.contoso.com&test=tls-certificate")).json()) as ListBody;
    expect(onlyTls.results.map((row) => row.id)).toEqual([results[3]?.id, results[2]?.id, results[1]?.id, results[0]?.id]);
    const limited = (await (await list("host=mail.contoso.com&limit=2")).json()) as ListBody;
    expect(limited.results.map((row) => row.id)).toEqual([ews.id, results[3]?.id]);
  });

  it("leaves expired results out", async () => {
    process.env.RCA_RESULT_TTL_DAYS = "0.000000001";
    resetEnvForTests();
    try {
      await saveResult(crafted({ host: "old.contoso.com" }, { minute: 1 }));
    } finally {
      delete process.env.RCA_RESULT_TTL_DAYS;
      resetEnvForTests();
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(((await (await list("host=old.contoso.com")).json()) as ListBody).results).toEqual([]);
  });

  it("answers 400 naming the field without a host, or with a bad limit", async () => {
    const missing = await list("test=tls-certificate");
    expect(missing.status).toBe(400);
    const body = (await missing.json()) as { error: { message: string; issues: Array<{ path: string }> } };
    expect(body.error.message).toMatch(/host/);
    expect(body.error.issues.map((issue) => issue.path)).toEqual(["host"]);

    for (const limit of ["0", "101", "abc"]) {
      const response = await list(`host=mail.contoso.com&limit=${limit}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { issues: Array<{ path: string }> } }).error.issues[0]?.path).toBe("limit");
    }
  });

  it("answers 404 with the error object when RCA_HISTORY=off", async () => {
    configure({ RCA_HISTORY: "off" });
    await saveResult(crafted({ host: "mail.contoso.com" }, { minute: 1 }));
    const response = await list("host=mail.contoso.com");
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/RCA_HISTORY/);
  });
});

describe("GET /api/results/<a>/diff/<b>", () => {
  const trust = (status: Step["status"], problem?: Step["problem"]): Step[] => [
    {
      code: "tls.certificate",
      title: "Certificate",
      status,
      message: "",
      elapsedMs: 1,
      children: [{ code: "tls.certificate.trust", title: "Trust", status, message: "", elapsedMs: 1, children: [], ...(problem ? { problem } : {}) }],
    },
  ];

  it("answers the changed steps between two stored results", async () => {
    const before = crafted({ host: "mail.contoso.com" }, { minute: 1, verdict: "error", steps: trust("error", "CERT_UNTRUSTED_ROOT") });
    const after = crafted({ host: "mail.contoso.com" }, { minute: 2, steps: trust("success") });
    await saveResult(before);
    await saveResult(after);
    const response = await diff(before.id, after.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      a: before.id,
      b: after.id,
      changes: [
        { code: "tls.certificate", from: { status: "error", problem: null }, to: { status: "success", problem: null } },
        {
          code: "tls.certificate/tls.certificate.trust",
          from: { status: "error", problem: "CERT_UNTRUSTED_ROOT" },
          to: { status: "success", problem: null },
        },
      ],
    });
  });

  it("answers 404 when either result is unknown", async () => {
    const known = crafted({ host: "mail.contoso.com" }, { minute: 1 });
    await saveResult(known);
    expect((await diff(known.id, "unknown-aaaaaaaaaaaaaa")).status).toBe(404);
    expect((await diff("unknown-aaaaaaaaaaaaaa", known.id)).status).toBe(404);
    expect((await diff(known.id, known.id)).status).toBe(200);
  });
});
