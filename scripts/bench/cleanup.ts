/**
 * Cleanup registry: everything the benchmark starts (servers, child process groups, temp dirs) registers an async
 * cleanup here, run in reverse order on normal exit, on failure and on SIGINT/SIGTERM/SIGHUP. Entries may also give
 * a synchronous fallback that runs from process.on("exit") if the async path never got to them.
 */

interface Entry {
  name: string;
  run: () => Promise<void> | void;
  sync?: () => void;
}

const stack: Entry[] = [];
let running: Promise<void> | undefined;

export function onCleanup(name: string, run: () => Promise<void> | void, sync?: () => void): () => void {
  const entry: Entry = { name, run, ...(sync ? { sync } : {}) };
  stack.push(entry);
  return () => {
    const i = stack.indexOf(entry);
    if (i >= 0) stack.splice(i, 1);
  };
}

function withTimeout(p: Promise<void> | void, ms: number, name: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cleanup "${name}" took longer than ${ms} ms`)), ms);
    Promise.resolve(p).then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

export function runCleanup(): Promise<void> {
  if (!running) {
    running = (async () => {
      while (stack.length > 0) {
        const entry = stack.pop()!;
        try {
          await withTimeout(entry.run(), 15_000, entry.name);
        } catch (err) {
          console.error(`[bench] cleanup ${entry.name} failed: ${err instanceof Error ? err.message : String(err)}`);
          try {
            entry.sync?.();
          } catch {
            /* best effort */
          }
        }
      }
    })();
  }
  return running;
}

function runSyncFallbacks(): void {
  for (const entry of [...stack].reverse()) {
    try {
      entry.sync?.();
    } catch {
      /* best effort */
    }
  }
  stack.length = 0;
}

const stopController = new AbortController();
/** Aborted when a signal asks the benchmark to stop; long-running phases check it. */
export const stopSignal: AbortSignal = stopController.signal;

let installed = false;

export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  process.on("exit", runSyncFallbacks);
  let signalled = false;
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(sig, () => {
      if (signalled) {
        // second signal: no more waiting
        runSyncFallbacks();
        process.exit(sig === "SIGINT" ? 130 : 143);
      }
      signalled = true;
      stopController.abort(new Error(`interrupted by ${sig}`));
      console.error(`\n[bench] ${sig} received: stopping and cleaning up…`);
      void runCleanup().finally(() => process.exit(sig === "SIGINT" ? 130 : 143));
    });
  }
}
