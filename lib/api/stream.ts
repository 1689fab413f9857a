import "server-only";
import type { TestInput } from "@/lib/analyzers/catalog";
import { runAndSave } from "@/lib/analyzers/run";
import { INTERNAL_ERROR_MESSAGE } from "@/lib/constants";
import type { RunEvent } from "@/lib/engine/types";

function sse(event: string, data: unknown): Uint8Array {
  return new TextEncoder().encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Runs the test, streaming `start` and `step` events as they happen, then the stored `result`. */
export function streamTestRun(input: TestInput): Response {
  // False once the client has gone away: the run still completes and is stored, nothing more is sent.
  let open = true;
  const stream = new ReadableStream<Uint8Array>({
    cancel() {
      open = false;
    },
    async start(controller) {
      const send = (event: string, data: unknown) => {
        if (!open) return;
        try {
          controller.enqueue(sse(event, data));
        } catch {
          open = false;
        }
      };
      try {
        send(
          "result",
          await runAndSave(input, (event: RunEvent) =>
            send(event.type, event.type === "start" ? { path: event.path, code: event.code, title: event.title } : { path: event.path, step: event.step }),
          ),
        );
      } catch (error) {
        console.error("[rca] test run failed:", error);
        send("error", { error: { message: INTERNAL_ERROR_MESSAGE } });
      } finally {
        if (open) controller.close();
      }
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
  });
}
