// GET /api/results/<id> - the stored result JSON (404 when unknown or expired)
// DELETE /api/results/<id> - removes it, for whoever holds its delete token (Authorization: Bearer <token>)
import { isCrossSite } from "@/lib/api/cross-site";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { env } from "@/lib/config/env";
import { deleteResult, getResult } from "@/lib/store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  try {
    const { id } = await params;
    const result = await getResult(id);
    if (!result) throw new ApiError("not_found", "No result with this id: it never existed or has expired.");
    return Response.json(result);
  } catch (error) {
    return errorResponse(error);
  }
}

export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  try {
    if (isCrossSite(request.headers, env().RCA_TRUST_PROXY)) throw new ApiError("forbidden", "A result can't be deleted from another site.");
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    if (!token) throw new ApiError("forbidden", "Send the result's delete token as Authorization: Bearer <token>.");
    const outcome = await deleteResult((await params).id, token);
    if (outcome === "missing") throw new ApiError("not_found", "No result with this id: it never existed or has expired.");
    if (outcome === "forbidden") throw new ApiError("forbidden", "This isn't the delete token of this result.");
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
