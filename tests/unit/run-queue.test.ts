import { describe, expect, it } from "vitest";
import { QueueLeftError, RunQueue } from "@/lib/api/run-queue";
import { setLogDestinationForTests } from "@/lib/log/logger";

/** A task that runs until the test says so, and records that it started. */
function gate(started: string[], name: string) {
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    task: async () => {
      started.push(name);
      await done;
      return name;
    },
    finish: () => finish(),
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("RunQueue", () => {
  it("runs up to its capacity at once and starts the others in arrival order", async () => {
    const queue = new RunQueue(2);
    const started: string[] = [];
    const gates = ["a", "b", "c", "d", "e"].map((name) => gate(started, name));
    const results = gates.map((g) => queue.run(g.task));
    await settle();
    expect(started).toEqual(["a", "b"]);
    expect([queue.running, queue.waiting]).toEqual([2, 3]);

    gates[1]!.finish();
    await settle();
    expect(started).toEqual(["a", "b", "c"]);
    gates[0]!.finish();
    await settle();
    expect(started).toEqual(["a", "b", "c", "d"]);
    gates[3]!.finish();
    gates[2]!.finish();
    await settle();
    expect(started).toEqual(["a", "b", "c", "d", "e"]);
    gates[4]!.finish();
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d", "e"]);
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
  });

  it("tells each waiter how many wait ahead of it, and again as the queue moves", async () => {
    const queue = new RunQueue(1);
    const started: string[] = [];
    const first = gate(started, "first");
    const second = gate(started, "second");
    const positions: Record<string, number[]> = { second: [], third: [] };
    void queue.run(first.task);
    void queue.run(second.task, { onWait: (ahead) => positions.second!.push(ahead) });
    const third = queue.run(async () => "third", { onWait: (ahead) => positions.third!.push(ahead) });
    expect(positions).toEqual({ second: [0], third: [1] });

    first.finish();
    await settle();
    expect(positions).toEqual({ second: [0], third: [1, 0] });
    second.finish();
    expect(await third).toBe("third");
    expect(positions.third).toEqual([1, 0]);
  });

  it("lets a waiting client leave: its task never runs, the ones behind move up, no slot is lost", async () => {
    const queue = new RunQueue(1);
    const started: string[] = [];
    const running = gate(started, "running");
    void queue.run(running.task);
    const leaving = new AbortController();
    const left = queue.run(gate(started, "left").task, { signal: leaving.signal });
    const behind: number[] = [];
    const last = queue.run(async () => "last", { onWait: (ahead) => behind.push(ahead) });
    expect(behind).toEqual([1]);

    leaving.abort();
    await expect(left).rejects.toBeInstanceOf(QueueLeftError);
    expect(behind).toEqual([1, 0]);
    expect(queue.waiting).toBe(1);

    running.finish();
    expect(await last).toBe("last");
    expect(started).toEqual(["running"]);
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
  });

  it("refuses at once a request whose client already left, and ignores a late abort once running", async () => {
    const queue = new RunQueue(1);
    await expect(queue.run(async () => "never", { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(QueueLeftError);
    const controller = new AbortController();
    const started: string[] = [];
    const g = gate(started, "runs");
    const result = queue.run(g.task, { signal: controller.signal });
    await settle();
    controller.abort(); // once it runs, it runs to the end (and its result is stored)
    g.finish();
    expect(await result).toBe("runs");
  });

  it("frees the slot when a task fails, and a release called twice frees only one", async () => {
    const queue = new RunQueue(1);
    await expect(queue.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(queue.running).toBe(0);

    const release = await queue.acquire();
    const next = queue.acquire();
    release();
    release();
    const second = await next;
    expect(queue.running).toBe(1);
    second();
    expect(queue.running).toBe(0);
  });

  it("doesn't let a newcomer overtake those already waiting", async () => {
    const queue = new RunQueue(1);
    const release = await queue.acquire();
    const order: string[] = [];
    const waiting = queue.acquire().then((r) => {
      order.push("waiting");
      r();
    });
    release();
    const newcomer = queue.acquire().then((r) => {
      order.push("newcomer");
      r();
    });
    await Promise.all([waiting, newcomer]);
    expect(order).toEqual(["waiting", "newcomer"]);
  });

  it("keeps going when a position listener throws", async () => {
    const queue = new RunQueue(1);
    const release = await queue.acquire();
    const errors: unknown[] = [];
    setLogDestinationForTests({ write: (line: string) => void errors.push(line) });
    try {
      const waiting = queue.run(async () => "ran", {
        onWait: () => {
          throw new Error("listener broke");
        },
      });
      release();
      expect(await waiting).toBe("ran");
    } finally {
      setLogDestinationForTests();
    }
    expect(errors).toHaveLength(1);
  });

  it("needs a capacity of at least one", () => {
    expect(() => new RunQueue(0)).toThrow(RangeError);
  });
});
