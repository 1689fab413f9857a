import "server-only";
import { TestInputSchema, type TestInput } from "@/lib/analyzers/catalog";
import { ApiError, validationError } from "./errors";

/**
 * A test request is a handful of fields, or one pasted certificate chain (certificate-file: up to 512 Ki characters,
 * URL-encoded by a plain form post): anything larger is refused before it is read.
 */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** An HTML form post (the no-JavaScript path) rather than an API call. */
export function isFormPost(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded");
}

async function readCapped(request: Request): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) throw tooLarge();
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_REQUEST_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(): ApiError {
  return new ApiError("payload_too_large", `The request body is larger than ${MAX_REQUEST_BYTES} bytes.`);
}

/** Reads a test request from JSON or from an HTML form post, and validates it with the shared schema. */
export async function readTestInput(request: Request): Promise<TestInput> {
  const type = request.headers.get("content-type") ?? "";
  let body: unknown;
  if (type.includes("application/json")) {
    try {
      body = JSON.parse(await readCapped(request));
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError("bad_request", "The request body isn't valid JSON.");
    }
  } else if (isFormPost(request)) {
    // Unchecked checkboxes are absent from a form post; empty optional fields arrive as "".
    const form = new URLSearchParams(await readCapped(request));
    const fields: Record<string, unknown> = Object.fromEntries(form);
    // The one field that may repeat: a checkbox per vantage point.
    const vantages = form.getAll("vantages");
    if (vantages.length > 0) fields.vantages = vantages;
    else delete fields.vantages;
    body = fields;
  } else {
    throw new ApiError("unsupported_media_type", "Send the test as JSON (Content-Type: application/json).");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ApiError("bad_request", "The request body must be a JSON object.");
  const parsed = TestInputSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
