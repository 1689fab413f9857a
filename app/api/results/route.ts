// GET /api/results?host=<name>[&test=<id>][&limit=<n>] - the stored runs against one target, newest first
import { ApiError, errorResponse } from "@/lib/api/errors";
import { env } from "@/lib/config/env";
import { permalinkPath } from "@/lib/constants";
import { HISTORY_MAX_LIMIT, listResults } from "@/lib/store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const DEFAULT_LIMIT = 20;

export async function GET(request: Request): Promise<Response> {
  try {
    if (!env().RCA_HISTORY) throw new ApiError("not_found", "History is turned off on this instance (RCA_HISTORY=off).");
    const search = new URL(request.url).searchParams;
    const issues: Array<{ path: string; message: string }> = [];

    const host = search.get("host")?.trim() ?? "";
    if (host === "") issues.push({ path: "host", message: "Give the host (or mail domain) whose results to list." });
    else if (host.length > 253 || !/^[A-Za-z0-9._:[\]-]+$/.test(host)) issues.push({ path: "host", message: "Not a host name, mail domain or IP address." });

    const test = search.get("test")?.trim() || undefined;
    if (test !== undefined && !/^[a-z0-9-]{1,64}$/.test(test)) issues.push({ path: "test", message: "Not a test id." });

    const limitText = search.get("limit")?.trim();
    let limit = DEFAULT_LIMIT;
    if (limitText) {
      limit = Number(limitText);
      if (!/^\d+$/.test(limitText) || limit < 1 || limit > HISTORY_MAX_LIMIT) {
        issues.push({ path: "limit", message: `A whole number from 1 to ${HISTORY_MAX_LIMIT}.` });
      }
    }

    if (issues.length > 0) {
      throw new ApiError("bad_request", `Invalid input: check ${[...new Set(issues.map((issue) => issue.path))].join(", ")}.`, issues);
    }
    const rows = await listResults({ host, test, limit });
    return Response.json({
      results: rows.map((row) => ({ id: row.id, url: permalinkPath(row.id), test: row.test, startedAt: row.startedAt, verdict: row.verdict })),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
