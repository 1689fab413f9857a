import { expect, test } from "@playwright/test";

test.describe("HTTP API", () => {
  test("runs a test and serves it back by id; unknown ids are 404", async ({ request }) => {
    const created = await request.post("/api/tests", { data: { test: "tls-certificate", host: "mail.contoso.test" } });
    expect(created.status()).toBe(201);
    const body = (await created.json()) as { id: string; url: string; result: { verdict: string; steps: unknown[] } };
    expect(body.url).toBe(`/r/${body.id}`);
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(body.result.verdict).toBe("success");
    const stored = await request.get(`/api/results/${body.id}`);
    expect(stored.status()).toBe(200);
    expect(await stored.json()).toEqual(body.result);
    const missing = await request.get("/api/results/AAAAAAAAAAAAAAAAAAAAAA");
    expect(missing.status()).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBeTruthy();
  });

  test("rejects bad input with 400 naming each field, and runs nothing", async ({ request }) => {
    const response = await request.post("/api/tests", {
      data: { test: "outlook-anywhere", host: "mail.contoso.test/rpc", port: 70000, mutualAuthPrincipal: "mail.contoso.test" },
    });
    expect(response.status()).toBe(400);
    const { error } = (await response.json()) as { error: { message: string; issues: Array<{ path: string; message: string }> } };
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(["host", "mutualAuthPrincipal", "port"]);
  });

  test("streams one step event per finished step, then the result", async ({ request }) => {
    const response = await request.post("/api/tests", {
      data: { test: "outlook-anywhere", host: "mail.contoso.test", username: "CONTOSO\\bob", password: "Secret-Never-Stored-42", authMethod: "basic" },
      headers: { Accept: "text/event-stream" },
    });
    expect(response.headers()["content-type"]).toContain("text/event-stream");
    const text = await response.text();
    const events = text
      .split("\n\n")
      .filter(Boolean)
      .map((block) => ({ event: /^event: (.*)$/m.exec(block)?.[1], data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? "null") }));
    const steps = events.filter((e) => e.event === "step");
    const result = events.at(-1)!;
    expect(result.event).toBe("result");
    const countSteps = (list: Array<{ children: unknown[] }>): number =>
      list.reduce((n, s) => n + 1 + countSteps(s.children as Array<{ children: unknown[] }>), 0);
    expect(steps.length).toBe(countSteps(result.data.result.steps));
    expect(text).not.toContain("Secret-Never-Stored-42");
    expect(text).not.toContain("bob");
    const stored = await request.get(`/api/results/${result.data.id}`);
    expect(await stored.text()).not.toContain("Secret-Never-Stored-42");
  });

  test("refuses an oversized request body with 413 before reading it all", async ({ request }) => {
    const response = await request.post("/api/tests", { data: { test: "tls-certificate", host: "mail.contoso.test", padding: "x".repeat(1_100_000) } });
    expect(response.status()).toBe(413);
  });

  test("pages are served with headers that keep permalinks from leaking and pages from being framed", async ({ request }) => {
    const response = await request.get("/");
    expect(response.headers()["referrer-policy"]).toBe("same-origin");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });
});
