import "server-only";
import { TestInputSchema, type TestInput } from "@/lib/tests/schemas";
import { ApiError, validationError } from "./errors";

/** An HTML form post (the no-JavaScript path) rather than an API call. */
export function isFormPost(request: Request): boolean {
  const type = request.headers.get("content-type") ?? "";
  return type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data");
}

/** Reads a test request from JSON or from an HTML form post. */
export async function readTestInput(request: Request): Promise<TestInput> {
  const type = request.headers.get("content-type") ?? "";
  let body: unknown;
  const fromForm = isFormPost(request);
  if (type.includes("application/json")) {
    body = await request.json().catch(() => {
      throw new ApiError("bad_request", "The request body isn't valid JSON.");
    });
  } else if (fromForm) {
    const form = await request.formData();
    // Unchecked checkboxes are absent from a form post; empty optional fields arrive as "".
    body = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string"));
  } else {
    throw new ApiError("unsupported_media_type", "Send the test as JSON (Content-Type: application/json).");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ApiError("bad_request", "The request body must be a JSON object.");
  const parsed = TestInputSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
