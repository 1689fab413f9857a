import "server-only";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import { classifyAddress } from "./policy";
import type { ResolvedAddress, Resolution } from "./dns";

/**
 * A host that passed DNS and the target policy: every later connection goes to these checked addresses
 * (never a second lookup), with the host name as SNI and Host header.
 */
export interface Target {
  host: string;
  addresses: ResolvedAddress[];
}

/** Applies the target policy to every resolved address; one forbidden address forbids the target. */
export function checkTarget(resolution: Resolution): Target {
  const allowPrivate = env().RCA_ALLOW_PRIVATE_TARGETS;
  for (const { address } of resolution.addresses) {
    const verdict = classifyAddress(address, allowPrivate);
    if (!verdict.allowed) {
      const where = address === resolution.host ? address : `${resolution.host} (${address})`;
      throw new ProblemError(
        "TARGET_FORBIDDEN",
        `This analyzer doesn't connect to ${where}: it is a ${verdict.category} address, and only public addresses are allowed. The operator can allow private targets with RCA_ALLOW_PRIVATE_TARGETS=true.`,
        { forbiddenAddress: address, category: verdict.category },
      );
    }
  }
  return { host: resolution.host, addresses: resolution.addresses };
}
