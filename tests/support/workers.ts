import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { sleep } from "./daemon";

/**
 * Real `npm run worker` processes for the queue tests (RCA_ROLE=worker), each in its own process group as an operator
 * would start it, with its JSON log lines kept; and the reading of an SSE answer.
 */

const ROOT = join(import.meta.dirname, "..", "..");

export { sleep };

export async function until(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

export interface WorkerProcess {
  pid: number;
  child: ChildProcess;
  lines: Record<string, unknown>[];
  output: () => string;
  /** The jobs it started, with the attempt number and whether each was a vantage point's part. */
  started: () => Array<{ job: string; attempt: number; part?: boolean }>;
  kill(): void;
}

/** Every worker started and not yet killed. */
const running: WorkerProcess[] = [];

/** Starts `npm run worker` with only the given RCA_ variables; resolves once it takes jobs. */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(childEnv)) if (key.startsWith("RCA_")) delete childEnv[key];
  const child = spawn("npm", ["run", "--silent", "worker"], { cwd: ROOT, env: { ...childEnv, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  const lines: Record<string, unknown>[] = [];
  const read = (chunk: Buffer) => {
    text += chunk.toString();
    const parts = text.split("\n");
    text = parts.pop() ?? "";
    for (const part of parts) {
      try {
        lines.push(JSON.parse(part) as Record<string, unknown>);
      } catch {
        lines.push({ raw: part });
      }
    }
  };
  child.stdout?.on("data", read);
  child.stderr?.on("data", read);
  const worker: WorkerProcess = {
    pid: child.pid!,
    child,
    lines,
    output: () => lines.map((line) => JSON.stringify(line)).join("\n"),
    started: () =>
      lines
        .filter((line) => line.event === "queue.job.started")
        .map((line) => ({ job: String(line.job), attempt: Number(line.attempt), ...(line.part ? { part: true } : {}) })),
    kill: () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    },
  };
  running.push(worker);
  await until("the worker to be ready", () => lines.some((line) => line.event === "queue.worker.ready") || child.exitCode !== null, 30_000).catch(() => {});
  if (!lines.some((line) => line.event === "queue.worker.ready")) throw new Error(`worker did not start:\n${worker.output()}`);
  return worker;
}

/** The workers started and not killed yet. */
export function runningWorkers(): readonly WorkerProcess[] {
  return running;
}

function alive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills the given workers (default: all) and waits until they are gone: a dying worker could still take a job. */
export async function killWorkers(which: readonly WorkerProcess[] = running): Promise<void> {
  const dying = [...which];
  for (const worker of dying) {
    worker.kill();
    running.splice(running.indexOf(worker), 1);
  }
  await until("killed workers to exit", () => dying.every((worker) => !alive(worker.pid)), 10_000);
}

export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** The events of an SSE answer, as they arrive. */
export async function* sseEvents(response: Response): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? "null";
      yield { event, data: JSON.parse(data) as Record<string, unknown> };
    }
  }
}
