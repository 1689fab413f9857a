// GET /api/health - for load balancers and monitoring: 200 when the result store answers, 503 when it doesn't
import { testRunQueue } from "@/lib/api/queued-run";
import { sharedLimitsAnswer } from "@/lib/api/rate-limit-redis";
import { env } from "@/lib/config/env";
import { storeAnswers } from "@/lib/store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  // Redis (shared rate limits) is reported but never fails the check: the limiter fails open, the instance still serves.
  const [ok, redis] = await Promise.all([storeAnswers(), sharedLimitsAnswer(env().RCA_REDIS_URL)]);
  const queue = testRunQueue();
  return Response.json(
    {
      status: ok ? "ok" : "unavailable",
      store: ok ? "ok" : "unreachable",
      ...(redis === undefined ? {} : { redis: redis ? "ok" : "unreachable" }),
      tests: { running: queue.running, waiting: queue.waiting },
    },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
