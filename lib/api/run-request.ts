import "server-only";
import { TestInputSchema, type TestInput } from "@/lib/tests/schemas";
import { ApiError, validationError } from "./errors";

/** Reads a test request from JSON or from an HTML form post (the no-JavaScript path). */
export async function readTestInput(request: Request): Promise<{ input: TestInput; fromForm: boolean }> {
  const type = request.headers.get("content-type") ?? "";
  let body: unknown;
  let fromForm = false;
  if (type.includes("application/json")) {
    body = await request.json().catch(() => {
      throw new ApiError("bad_request", "The request body isn't valid JSON.");
    });
  } else if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
    const form = await request.formData();
    // Unchecked checkboxes are absent from a form post; empty optional fields arrive as "".
    body = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string"));
    fromForm = true;
  } else {
    throw new ApiError("unsupported_media_type", "Send the test as JSON (Content-Type: application/json).");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ApiError("bad_request", "The request body must be a JSON object.");
  const parsed = TestInputSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  return { input: parsed.data, fromForm };
}
