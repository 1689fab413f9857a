import { Duplex } from "node:stream";

/**
 * Transparent Duplex between the TLS layer and the raw socket: writes go to `raw`, `raw`'s data is
 * recorded and handed to the reader. Backpressure both ways (pauses `raw` when the reader is full,
 * holds write callbacks until `raw` drains); end, errors and destruction propagate both ways.
 */
export class TapStream extends Duplex {
  private pendingWrite: ((error?: Error | null) => void) | undefined;
  private rawEnded = false;

  constructor(
    private readonly raw: Duplex,
    private readonly onServerBytes: (chunk: Buffer) => void,
  ) {
    // Half-open: the TLS layer decides when to end its side (it sends close_notify first).
    super({ allowHalfOpen: true });
    raw.on("data", (chunk: Buffer | string) => {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk;
      try {
        this.onServerBytes(buffer);
      } catch {
        // Recording must never break the connection.
      }
      if (!this.push(buffer)) raw.pause();
    });
    raw.on("end", () => {
      this.rawEnded = true;
      this.push(null);
    });
    raw.on("drain", () => this.releaseWrite());
    raw.on("error", (error: Error) => this.destroy(error));
    raw.on("close", () => {
      this.releaseWrite();
      if (this.destroyed) return;
      if (!this.rawEnded) {
        this.destroy(); // closed without end-of-stream: nothing more will come
      } else if (this.readableEnded) {
        this.destroy();
      } else {
        this.once("end", () => this.destroy()); // let the reader consume what is buffered first
      }
    });
    if (raw.readableEnded) {
      this.rawEnded = true;
      this.push(null);
    }
    if (raw.destroyed) process.nextTick(() => this.destroy());
  }

  private releaseWrite(): void {
    const callback = this.pendingWrite;
    this.pendingWrite = undefined;
    callback?.();
  }

  override _read(): void {
    this.raw.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.raw.destroyed || this.raw.writableEnded) {
      // The peer is gone or the socket already half-closed itself (e.g. a close_notify reply
      // after the server's FIN): drop the bytes like a kernel socket would, no spurious error.
      callback();
      return;
    }
    if (this.raw.write(chunk)) callback();
    else this.pendingWrite = callback;
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (this.raw.destroyed || this.raw.writableEnded) callback();
    else this.raw.end(() => callback());
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.releaseWrite();
    if (!this.raw.destroyed) this.raw.destroy();
    callback(error);
  }
}
