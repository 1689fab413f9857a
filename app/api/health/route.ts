// GET /api/health - for load balancers and monitoring: 200 when the result store answers, 503 when it doesn't
import { testRunQueue } from "@/lib/api/queued-run";
import { storeAnswers } from "@/lib/store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const ok = await storeAnswers();
  const queue = testRunQueue();
  return Response.json(
    { status: ok ? "ok" : "unavailable", store: ok ? "ok" : "unreachable", tests: { running: queue.running, waiting: queue.waiting } },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
