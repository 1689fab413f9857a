import "server-only";
import { connect, type Socket } from "node:net";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import { LIMITS } from "./limits";
import { portAllowed } from "./ports";
import type { ResolvedAddress } from "./dns";
import type { Target } from "./target";

export interface TcpConnection {
  socket: Socket;
  address: ResolvedAddress;
  /** Addresses tried before this one, with why they failed. */
  failures: Array<{ address: string; problem: string; message: string }>;
}

/** Connects to one address, mapping failures to problem codes. A port outside RCA_ALLOWED_PORTS is refused before any packet. */
export function connectAddress(address: ResolvedAddress, port: number, timeoutMs: number): Promise<Socket> {
  const refused = portRefusal(port, address.address);
  if (refused) return Promise.reject(refused);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address.address, port, family: address.family, noDelay: true });
    const fail = (error: ProblemError) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () =>
      fail(
        new ProblemError("TCP_TIMEOUT", `No answer from ${address.address} on port ${port} within ${timeoutMs} ms: a firewall may be dropping the connection.`),
      ),
    );
    socket.once("connect", () => {
      socket.setTimeout(0);
      socket.removeAllListeners("error");
      // Until the next layer attaches its own handler, a reset must not become an uncaught exception.
      socket.on("error", () => {});
      resolve(socket);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => {
      const code = error.code ?? "";
      if (code === "ECONNREFUSED") {
        fail(
          new ProblemError("TCP_REFUSED", `The connection to ${address.address} on port ${port} was refused: nothing is listening, or a firewall rejects it.`, {
            socketError: code,
          }),
        );
      } else if (code === "ETIMEDOUT" || code === "EHOSTUNREACH" || code === "ENETUNREACH") {
        fail(new ProblemError("TCP_TIMEOUT", `${address.address} on port ${port} couldn't be reached (${code}).`, { socketError: code }));
      } else {
        fail(
          new ProblemError("CONNECTION_FAILED", `The connection to ${address.address} on port ${port} failed (${code || "unknown error"}).`, {
            socketError: code,
          }),
        );
      }
    });
  });
}

/** A port outside RCA_ALLOWED_PORTS, refused with the rule named; undefined when the port is allowed. */
function portRefusal(port: number, where: string): ProblemError | undefined {
  const rule = env().RCA_ALLOWED_PORTS;
  if (portAllowed(rule, port)) return undefined;
  return new ProblemError(
    "TARGET_FORBIDDEN",
    `Port ${port} isn't one this analyzer may connect to (RCA_ALLOWED_PORTS=${rule.text}): nothing was sent to ${where}.`,
    {
      rule: "RCA_ALLOWED_PORTS",
      allowedPorts: rule.text,
    },
  );
}

/** Tries the target's first addresses (LIMITS.connectAttempts) in order until one accepts the connection. */
export async function connectTarget(target: Target, port: number, timeoutMs: number): Promise<TcpConnection> {
  const refused = portRefusal(port, target.host);
  if (refused) throw refused;
  const failures: TcpConnection["failures"] = [];
  let last: ProblemError | undefined;
  for (const address of target.addresses.slice(0, LIMITS.connectAttempts)) {
    try {
      const socket = await connectAddress(address, port, timeoutMs);
      return { socket, address, failures };
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      failures.push({ address: address.address, problem: error.problem, message: error.message });
      last = error;
    }
  }
  if (!last) throw new ProblemError("DNS_NO_RECORD", `${target.host} has no address to connect to.`);
  throw new ProblemError(last.problem, last.message, { attempts: failures });
}
