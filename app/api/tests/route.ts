// POST /api/tests - run a test; JSON answer, an SSE stream of steps, or a redirect for HTML form posts
import { clientKey } from "@/lib/api/client-address";
import { errorResponse } from "@/lib/api/errors";
import { formErrorPage } from "@/lib/api/form-error-page";
import { refuseCrossSite, takeRateLimits } from "@/lib/api/limits";
import { runQueued } from "@/lib/api/queued-run";
import { isFormPost, readTestInput } from "@/lib/api/run-request";
import { streamTestRun } from "@/lib/api/stream";
import { env } from "@/lib/config/env";
import { assertLiveVantages } from "@/lib/vantages/live";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const fromForm = isFormPost(request);
  try {
    refuseCrossSite(request);
    const input = await readTestInput(request);
    await assertLiveVantages(input);
    await takeRateLimits(request, input);
    const client = clientKey(request.headers, env().RCA_TRUST_PROXY);
    if (request.headers.get("accept")?.includes("text/event-stream")) return streamTestRun(input, request.signal, client);
    const saved = await runQueued(input, { signal: request.signal, client });
    if (fromForm) return new Response(null, { status: 303, headers: { Location: saved.url } });
    return Response.json(saved, { status: 201, headers: { Location: saved.url } });
  } catch (error) {
    return (fromForm && formErrorPage(error, request.headers.get("referer"), request.headers)) || errorResponse(error);
  }
}
