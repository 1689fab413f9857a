import "server-only";
import { isIP } from "node:net";
import { networkInterfaces } from "node:os";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import { text } from "@/lib/engine/text";
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

/**
 * A single-label name ("exchange01") resolves through the operator's search domains: on a public instance that would
 * map the operator's internal DNS. Refused before any lookup unless private targets are allowed.
 */
export function checkHostName(host: string): void {
  if (isIP(host) || host.replace(/\.$/, "").includes(".") || env().RCA_ALLOW_PRIVATE_TARGETS) return;
  throw new ProblemError("TARGET_FORBIDDEN", text("steps.target.singleLabel", { host }), { rule: "single-label name" });
}

/**
 * Applies the target policy to every resolved address; one forbidden address forbids the target. A name that
 * resolves to a forbidden address is refused without saying which address: that would map internal DNS.
 */
export function checkTarget(resolution: Resolution): Target {
  const allowPrivate = env().RCA_ALLOW_PRIVATE_TARGETS;
  for (const { address } of resolution.addresses) {
    // Loopback and private ranges say what they are; a public address of this very machine is refused too.
    const classified = classifyAddress(address, allowPrivate);
    const verdict = classified.allowed && !allowPrivate && ownAddress(address) ? { allowed: false, category: "this analyzer's own" } : classified;
    if (!verdict.allowed) {
      const literal = address === resolution.host;
      const category = verdict.category ?? "non-public";
      throw new ProblemError(
        "TARGET_FORBIDDEN",
        literal
          ? text(`steps.target.literal${article(category)}`, { address, category })
          : text(`steps.target.resolved${article(category)}`, { host: resolution.host, category }),
        literal ? { forbiddenAddress: address, category } : { category },
      );
    }
  }
  return { host: resolution.host, addresses: resolution.addresses };
}

/** Which sentence names the category: "a private (RFC 1918)", "an IETF protocol assignment", "this analyzer's own". */
function article(category: string): "A" | "An" | "Own" {
  if (category.startsWith("this ")) return "Own";
  return /^[aeiou]/i.test(category) ? "An" : "A";
}

/** The addresses of this machine's own interfaces (its public ones included): never a target, like loopback. */
function ownAddress(address: string): boolean {
  const normalized = address.toLowerCase();
  return Object.values(networkInterfaces()).some((entries) => entries?.some((entry) => entry.address.toLowerCase() === normalized));
}
