import http from "node:http";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "./global-setup";

/** POST /api/tests from a given local address: the per-client limit counts the connection's own address. */
function postFrom(localAddress: string, headers: Record<string, string> = {}): Promise<{ status: number; retryAfter?: string }> {
  const body = JSON.stringify({ test: "tls-certificate", host: "127.0.0.1", port: 9 }); // refused at once: port 9 isn't allowed
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port: E2E_PORT, path: "/api/tests", method: "POST", localAddress, headers: { "content-type": "application/json", ...headers } },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, retryAfter: response.headers["retry-after"] as string | undefined }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

test.describe("the per-client rate limit, against the production server", () => {
  test("counts each connection's own address: one client over its limit doesn't block another, and a forged X-Forwarded-For doesn't help", async () => {
    // Given one client (127.0.0.5) that uses up its 30 tests
    for (let i = 0; i < 30; i += 1) expect((await postFrom("127.0.0.5", { "x-forwarded-for": `198.51.100.${i}` })).status).toBe(201);
    // Then its next one is refused with Retry-After, whatever X-Forwarded-For it claims
    const refused = await postFrom("127.0.0.5", { "x-forwarded-for": "203.0.113.77" });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // And another client still gets its answer
    expect((await postFrom("127.0.0.6")).status).toBe(201);
  });
});
