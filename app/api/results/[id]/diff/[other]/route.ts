// GET /api/results/<a>/diff/<b> - the steps that changed from result a to result b (404 when either is unknown)
import { ApiError, errorResponse } from "@/lib/api/errors";
import { diffResults } from "@/lib/results/diff";
import { getResult } from "@/lib/store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string; other: string }> };

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  try {
    const { id, other } = await params;
    const [a, b] = await Promise.all([getResult(id), getResult(other)]);
    if (!a) throw new ApiError("not_found", `No result with the id ${JSON.stringify(id.slice(0, 64))}: it never existed or has expired.`);
    if (!b) throw new ApiError("not_found", `No result with the id ${JSON.stringify(other.slice(0, 64))}: it never existed or has expired.`);
    const diff = diffResults(a, b);
    return Response.json({ a: diff.a, b: diff.b, changes: diff.changes.map(({ code, from, to }) => ({ code, from, to })) });
  } catch (error) {
    return errorResponse(error);
  }
}
