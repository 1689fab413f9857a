// POST /api/tests - run a test; JSON answer, an SSE stream of steps, or a redirect for HTML form posts
import { runAndSave } from "@/lib/analyzers/run";
import { errorResponse } from "@/lib/api/errors";
import { formErrorPage } from "@/lib/api/form-error-page";
import { isFormPost, readTestInput } from "@/lib/api/run-request";
import { streamTestRun } from "@/lib/api/stream";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const fromForm = isFormPost(request);
  try {
    const input = await readTestInput(request);
    if (request.headers.get("accept")?.includes("text/event-stream")) return streamTestRun(input);
    const saved = await runAndSave(input);
    if (fromForm) return new Response(null, { status: 303, headers: { Location: saved.url } });
    return Response.json(saved, { status: 201, headers: { Location: saved.url } });
  } catch (error) {
    return (fromForm && formErrorPage(error, request.headers.get("referer"))) || errorResponse(error);
  }
}
