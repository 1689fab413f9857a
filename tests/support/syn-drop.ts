/**
 * A loopback port that silently drops connection attempts, like a firewall DROP rule, without root or iptables.
 *
 * A child process listens with a backlog of 1 and then blocks its event loop, so it never accepts. We fill its accept
 * queue with connections of our own; once that queue is full, Linux drops every further SYN without a reply
 * (tcp_conn_request, counted as ListenOverflows), so a client sees no SYN-ACK and no reset: its connect times out.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import type { RunningServer } from "./servers";

/** Runs in the child: listen, print the port, then block forever (Atomics.wait sleeps without using the CPU). */
const LISTENER = `
const net = require("node:net");
const fs = require("node:fs");
const server = net.createServer();
server.listen({ host: process.argv[1], port: 0, backlog: 1 }, () => {
  fs.writeSync(1, server.address().port + "\\n");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});
`;

/** A queue-filling connection that gets no SYN-ACK within this long tells the queue is full. */
const FULL_AFTER_MS = 500;
/** Far more than a backlog of 1 can hold: something is wrong if the queue is still accepting then. */
const MAX_FILLERS = 16;

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function killOnExit(child: ChildProcess): void {
  live.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const running of live) running.kill("SIGKILL");
  });
}

function readPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      const line = /^(\d+)\n/.exec(output);
      if (line?.[1]) resolve(Number(line[1]));
    });
    child.once("exit", (code, signal) => reject(new Error(`SYN-dropping listener exited (${code ?? signal}) before listening: ${output}`)));
    child.once("error", reject);
  });
}

/** Connects, resolving the socket on SYN-ACK, or undefined (socket destroyed) when none comes within FULL_AFTER_MS. */
function connectOrDropped(host: string, port: number): Promise<net.Socket | undefined> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let connected = false;
    const timer = setTimeout(() => {
      // Timers run before I/O in an event-loop turn: let a connect that is already waiting be handled first, so a busy
      // test process isn't mistaken for a full queue.
      setImmediate(() => {
        if (connected) return;
        socket.destroy();
        resolve(undefined);
      });
    }, FULL_AFTER_MS);
    socket.once("connect", () => {
      connected = true;
      clearTimeout(timer);
      resolve(socket);
    });
    // Also after the connect: a queued connection is reset if the listener dies, which must not crash the tests.
    socket.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`filling the accept queue of ${host}:${port} failed: ${error.message}`));
    });
  });
}

/** Starts a port on `host` (loopback only) whose SYNs go unanswered until close(). */
export async function startSynDroppingServer(o: { host: string }): Promise<RunningServer> {
  if (!(net.isIPv4(o.host) && o.host.startsWith("127."))) throw new Error(`SYN-dropping listener must be on 127.0.0.0/8, got ${o.host}`);
  const child = spawn(process.execPath, ["-e", LISTENER, o.host], { stdio: ["ignore", "pipe", "pipe"] });
  killOnExit(child);
  const fillers: net.Socket[] = [];
  const close = async () => {
    for (const socket of fillers) socket.destroy();
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      });
    }
    live.delete(child);
  };
  try {
    const port = await readPort(child);
    // Sequentially, so that each connection is in the accept queue before the next SYN arrives.
    for (;;) {
      const socket = await connectOrDropped(o.host, port);
      if (!socket) break;
      fillers.push(socket);
      if (fillers.length > MAX_FILLERS) throw new Error(`the accept queue of ${o.host}:${port} never filled up`);
    }
    return { host: o.host, port, close };
  } catch (error) {
    await close();
    throw error;
  }
}
