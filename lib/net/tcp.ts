import "server-only";
import { connect, type Socket } from "node:net";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import { text } from "@/lib/engine/text";
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
      fail(new ProblemError("TCP_TIMEOUT", text("steps.tcp.errors.timeout", { address: address.address, port, ms: timeoutMs }))),
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
          new ProblemError("TCP_REFUSED", text("steps.tcp.errors.refused", { address: address.address, port }), {
            socketError: code,
          }),
        );
      } else if (code === "ETIMEDOUT" || code === "EHOSTUNREACH" || code === "ENETUNREACH") {
        fail(new ProblemError("TCP_TIMEOUT", text("steps.tcp.errors.unreachable", { address: address.address, port, code }), { socketError: code }));
      } else {
        fail(
          new ProblemError(
            "CONNECTION_FAILED",
            code
              ? text("steps.tcp.errors.failed", { address: address.address, port, code })
              : text("steps.tcp.errors.failedUnknown", { address: address.address, port }),
            {
              socketError: code,
            },
          ),
        );
      }
    });
  });
}

/** A port outside RCA_ALLOWED_PORTS, refused with the rule named; undefined when the port is allowed. */
function portRefusal(port: number, where: string): ProblemError | undefined {
  const rule = env().RCA_ALLOWED_PORTS;
  if (portAllowed(rule, port)) return undefined;
  return new ProblemError("TARGET_FORBIDDEN", text("steps.tcp.errors.portForbidden", { port, rule: rule.text, where }), {
    rule: "RCA_ALLOWED_PORTS",
    allowedPorts: rule.text,
  });
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
  if (!last) throw new ProblemError("DNS_NO_RECORD", text("steps.tcp.errors.noAddress", { host: target.host }));
  throw new ProblemError(last.problem, last.text ?? last.message, { attempts: failures });
}
