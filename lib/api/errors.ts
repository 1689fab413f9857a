import { INTERNAL_ERROR_MESSAGE } from "@/lib/constants";
import { logError } from "@/lib/log/logger";
import { UnknownResultVersionError } from "@/lib/store/result-version";
import { QueueLeftError } from "./run-queue";
import type { z } from "zod";

/** The one error shape every API route answers with. */
export interface ApiErrorBody {
  error: { message: string; issues?: Array<{ path: string; message: string }> };
}

const STATUS = {
  bad_request: 400,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  // nginx's "client closed request": nobody reads it, it only keeps a departed client out of the error log
  client_closed_request: 499,
  internal: 500,
  unreadable_result: 500,
} as const;
export type ApiErrorCode = keyof typeof STATUS;

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiErrorBody["error"]["issues"],
  ) {
    super(message);
  }
}

/** Over a rate limit: 429, with `Retry-After` saying when to try again. */
export class RateLimitedError extends ApiError {
  constructor(
    message: string,
    readonly retryAfterS: number,
  ) {
    super("too_many_requests", message);
  }
}

export function validationError(error: z.ZodError): ApiError {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "test", message: issue.message }));
  const fields = [...new Set(issues.map((issue) => issue.path))].join(", ");
  return new ApiError("bad_request", `Invalid input: check ${fields}.`, issues);
}

/** Known errors answer their status; anything else is logged and becomes a generic 500, never echoed. */
export function errorResponse(error: unknown): Response {
  if (error instanceof UnknownResultVersionError) return errorResponse(new ApiError("unreadable_result", error.message));
  if (error instanceof QueueLeftError) return errorResponse(new ApiError("client_closed_request", error.message));
  if (error instanceof ApiError) {
    const body: ApiErrorBody = { error: { message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
    return Response.json(body, { status: STATUS[error.code], headers: errorHeaders(error) });
  }
  logError("unexpected API error", error);
  return Response.json({ error: { message: INTERNAL_ERROR_MESSAGE } } satisfies ApiErrorBody, { status: 500 });
}

/** Headers an error answer carries besides its body. */
export function errorHeaders(error: ApiError): Record<string, string> {
  return error instanceof RateLimitedError ? { "Retry-After": String(error.retryAfterS) } : {};
}
