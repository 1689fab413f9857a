import "server-only";
import type { TestInput } from "@/lib/analyzers/catalog";
import { INTERNAL_ERROR_MESSAGE } from "@/lib/constants";
import type { RunEvent } from "@/lib/engine/types";
import { logError } from "@/lib/log/logger";
import { runQueued } from "./queued-run";
import { QueueLeftError } from "./run-queue";

function sse(event: string, data: unknown): Uint8Array {
  return new TextEncoder().encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * Runs the test once the queue lets it, streaming `queue` events ({ ahead }) while it waits, then `start` and
 * `step` events as they happen, then the stored `result`. `signal` is the request's: a client that leaves while
 * waiting (it aborts, or the stream is cancelled) frees its place in the queue.
 */
export function streamTestRun(input: TestInput, signal?: AbortSignal, client?: string): Response {
  // False once the client has gone away: a started run still completes and is stored, nothing more is sent.
  let open = true;
  const cancelled = new AbortController();
  const left = signal ? AbortSignal.any([signal, cancelled.signal]) : cancelled.signal;
  const stream = new ReadableStream<Uint8Array>({
    cancel() {
      open = false;
      cancelled.abort();
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
        const saved = await runQueued(input, {
          signal: left,
          client,
          onWait: (ahead) => send("queue", { ahead }),
          onEvent: (event: RunEvent) =>
            send(
              event.type,
              event.type === "start"
                ? {
                    path: event.path,
                    code: event.code,
                    title: event.title,
                    // The reader's language for the running step's title, as for finished steps.
                    ...(event.titleKey ? { titleKey: event.titleKey, titleParams: event.titleParams } : {}),
                  }
                : { path: event.path, step: event.step },
            ),
        });
        send("result", saved);
      } catch (error) {
        // A client that left the queue ran nothing and is no longer listening: nothing to report.
        if (!(error instanceof QueueLeftError)) {
          logError("test run failed", error);
          send("error", { error: { message: INTERNAL_ERROR_MESSAGE } });
        }
      } finally {
        if (open) {
          open = false;
          controller.close();
        }
      }
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
  });
}
