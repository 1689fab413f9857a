import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET } from "@/app/api/results/[id]/route";
import { POST } from "@/app/api/tests/route";
import { resetLimitsForTests } from "@/lib/api/limits";
import { resetRunQueueForTests } from "@/lib/api/queued-run";
import { resetEnvForTests } from "@/lib/config/env";
import { setLogDestinationForTests } from "@/lib/log/logger";
import { replaceStoreForTests, resultStore } from "@/lib/store";

/** Deleting a result: whoever created it gets a token once; the store keeps only its hash. */

const KEYS = ["RCA_DATABASE_URL", "RCA_ALLOW_PRIVATE_TARGETS", "RCA_RATE_LIMIT"] as const;
const saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]));
let dir: string;
const HOST = "analyzer.example:3000";

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const del = (id: string, headers: Record<string, string> = {}) =>
  DELETE(new Request(`http://${HOST}/api/results/${id}`, { method: "DELETE", headers: { host: HOST, ...headers } }), params(id));
const get = (id: string) => GET(new Request(`http://${HOST}/api/results/${id}`), params(id));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rca-delete-"));
  Object.assign(process.env, { RCA_DATABASE_URL: `file:${join(dir, "rca.sqlite")}`, RCA_ALLOW_PRIVATE_TARGETS: "false", RCA_RATE_LIMIT: "0" });
  resetEnvForTests();
  resetLimitsForTests();
  resetRunQueueForTests();
  setLogDestinationForTests({ write: () => {} });
});

afterAll(async () => {
  await resultStore()
    .close()
    .catch(() => {});
  replaceStoreForTests(undefined);
  setLogDestinationForTests();
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvForTests();
  rmSync(dir, { recursive: true, force: true });
});

describe("DELETE /api/results/<id>", () => {
  it("deletes a result for the holder of its token only, and the store never holds the token itself", async () => {
    // Given a result created through the API (a target refused at once: nothing leaves the machine)
    const created = await POST(
      new Request(`http://${HOST}/api/tests`, {
        method: "POST",
        headers: { "content-type": "application/json", host: HOST },
        body: JSON.stringify({ test: "tls-certificate", host: "127.0.0.1" }),
      }),
    );
    expect(created.status).toBe(201);
    const { id, deleteToken } = (await created.json()) as { id: string; deleteToken: string };
    expect(deleteToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await get(id)).status).toBe(200);
    // The token is not in the result, nor anywhere in the store's files
    expect(JSON.stringify(await (await get(id)).json())).not.toContain(deleteToken);
    for (const file of ["rca.sqlite", "rca.sqlite-wal"]) {
      let bytes = Buffer.alloc(0);
      try {
        bytes = readFileSync(join(dir, file));
      } catch {
        continue;
      }
      expect(bytes.includes(Buffer.from(deleteToken))).toBe(false);
    }

    // When someone without it, with a wrong one, or from another site tries
    expect((await del(id)).status).toBe(403);
    expect((await del(id, { authorization: "Bearer AAAAAAAAAAAAAAAAAAAAAA" })).status).toBe(403);
    expect((await del(id, { authorization: `Bearer ${deleteToken}`, origin: "https://evil.example" })).status).toBe(403);
    expect((await get(id)).status).toBe(200);

    // Then only the creator's token deletes it
    expect((await del(id, { authorization: `Bearer ${deleteToken}` })).status).toBe(204);
    expect((await get(id)).status).toBe(404);
    expect((await del(id, { authorization: `Bearer ${deleteToken}` })).status).toBe(404);
  });
});
