import "server-only";
import { env } from "@/lib/config/env";
import { required } from "@/lib/engine/required";
import type { StepScope } from "@/lib/engine/runner";
import { text } from "@/lib/engine/text";
import { resolveHost } from "@/lib/net/dns";
import { checkHostName, checkTarget, type Target } from "@/lib/net/target";
import { connectTarget, type TcpConnection } from "@/lib/net/tcp";

/** "Attempting to resolve the host name … in DNS.", with the target policy applied to every address. */
export function resolveStep(scope: StepScope, host: string): Promise<Target | undefined> {
  return scope.step("dns.resolve", text("steps.dns.resolve.title", { host }), async (step) => {
    checkHostName(host);
    const resolution = await resolveHost(host);
    step.addDetails({ resolver: resolution.resolver });
    // Checked before the addresses are recorded: a refused name's addresses are never shown.
    const target = checkTarget(resolution);
    const addresses = resolution.addresses.map((a) => a.address);
    step.addDetails({ addresses });
    step.succeed(
      resolution.resolver.startsWith("none")
        ? text("steps.dns.resolve.ipLiteral", { host })
        : text("steps.dns.resolve.ok", { addresses: addresses.join(", ") }),
    );
    return target;
  });
}

/** "Testing TCP port … to ensure it's listening and open." The open socket is handed to the next step. */
export function tcpStep(scope: StepScope, host: string, target: Target | undefined, port: number): Promise<TcpConnection | undefined> {
  return scope.step("tcp.connect", text("steps.tcp.connect.title", { port, host }), async (step) => {
    const connection = await connectTarget(required(target), port, env().RCA_TIMEOUT_MS);
    scope.defer(() => connection.socket.destroy());
    step.addDetails({ address: connection.address.address, port, ...(connection.failures.length > 0 ? { failedAddresses: connection.failures } : {}) });
    step.succeed(text("steps.tcp.connect.ok", { address: connection.address.address, port }));
    return connection;
  });
}
