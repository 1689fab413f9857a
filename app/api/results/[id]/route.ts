// GET /api/results/<id> - the stored result JSON (404 when unknown or expired)
import { ApiError, errorResponse } from "@/lib/api/errors";
import { getResult } from "@/lib/store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await params;
    const result = await getResult(id);
    if (!result) throw new ApiError("not_found", "No result with this id: it never existed or has expired.");
    return Response.json(result);
  } catch (error) {
    return errorResponse(error);
  }
}
