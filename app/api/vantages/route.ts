// GET /api/vantages - the vantage points with workers alive now: {"vantages": [{"name", "workers"}]}
import { errorResponse } from "@/lib/api/errors";
import { liveVantages } from "@/lib/vantages/live";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    return Response.json({ vantages: await liveVantages() }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
