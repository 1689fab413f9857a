/**
 * A cap on tests running at once. Each test holds sockets, timers and TLS state for up to its deadline, so past
 * the cap requests wait in first-come, first-served order instead of being refused: every client still gets its
 * answer, and can be told how many are ahead of it.
 */
import { logError } from "@/lib/log/logger";

/** The client stopped waiting (its request was aborted) before its turn came: nothing ran. */
export class QueueLeftError extends Error {
  constructor() {
    super("The client left before its test started.");
    this.name = "QueueLeftError";
  }
}

export interface WaitOptions {
  /** Aborting it while waiting gives the place up: the promise rejects with QueueLeftError. */
  signal?: AbortSignal;
  /** Called on joining the queue and whenever the position changes: how many are waiting ahead (0 = next). */
  onWait?: (ahead: number) => void;
}

/** Gives the slot back; calling it again does nothing. */
export type Release = () => void;

interface Waiter {
  grant: () => void;
  onWait?: (ahead: number) => void;
}

export class RunQueue {
  private active = 0;
  private readonly waiters: Waiter[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("A run queue needs a capacity of at least 1.");
  }

  /** Tests holding a slot now. */
  get running(): number {
    return this.active;
  }

  /** Requests waiting for a slot now. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Runs `task` once a slot is free, and frees the slot when it settles. */
  async run<T>(task: () => Promise<T>, options: WaitOptions = {}): Promise<T> {
    const release = await this.acquire(options);
    try {
      return await task();
    } finally {
      release();
    }
  }

  /** Waits for a slot (none if one is free and nobody is waiting: no overtaking the queue). */
  acquire({ signal, onWait }: WaitOptions = {}): Promise<Release> {
    if (signal?.aborted) return Promise.reject(new QueueLeftError());
    if (this.active < this.capacity && this.waiters.length === 0) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise<Release>((resolve, reject) => {
      const leave = () => {
        const index = this.waiters.indexOf(waiter);
        if (index === -1) return;
        this.waiters.splice(index, 1);
        reject(new QueueLeftError());
        this.announce(index);
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener("abort", leave);
          resolve(this.releaser());
        },
        onWait,
      };
      signal?.addEventListener("abort", leave, { once: true });
      this.waiters.push(waiter);
      tell(waiter, this.waiters.length - 1);
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.admit();
    };
  }

  /** Hands free slots to the longest waiting, then tells the rest their new place. */
  private admit(): void {
    let admitted = 0;
    while (this.active < this.capacity && this.waiters.length > 0) {
      const next = this.waiters.shift()!;
      this.active += 1;
      admitted += 1;
      next.grant();
    }
    if (admitted > 0) this.announce(0);
  }

  /** Tells every waiter from `from` on its (changed) place. */
  private announce(from: number): void {
    for (let index = from; index < this.waiters.length; index += 1) tell(this.waiters[index]!, index);
  }
}

/** A listener that throws must not stall the queue for everyone else. */
function tell(waiter: Waiter, ahead: number): void {
  try {
    waiter.onWait?.(ahead);
  } catch (error) {
    logError("queue position listener failed", error);
  }
}
