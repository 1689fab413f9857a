import "server-only";
import { env } from "@/lib/config/env";
import { MODERN_TLS_VERSIONS, OBSOLETE_TLS_VERSIONS, tlsVersionLabel } from "@/lib/constants";
import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import { text } from "@/lib/engine/text";
import type { ResolvedAddress } from "@/lib/net/dns";
import { connectAddress } from "@/lib/net/tcp";
import { acceptsVersion } from "@/lib/net/tls";
import type { SecureVersion } from "node:tls";

const VERSIONS: SecureVersion[] = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];

export type ProtocolSupport = Record<SecureVersion, "accepted" | "refused" | "untested">;

/**
 * Offers each protocol version alone, on its own connection to the checked address, in parallel. The version an
 * earlier handshake with the same server settled on (`negotiated`) is accepted: it isn't asked again.
 */
export async function probeProtocols(host: string, address: ResolvedAddress, port: number, negotiated?: string): Promise<ProtocolSupport> {
  const timeoutMs = env().RCA_TIMEOUT_MS;
  const outcomes = await Promise.all(
    VERSIONS.map(async (version) => {
      if (version === negotiated) return "accepted" as const;
      let raw;
      try {
        raw = await connectAddress(address, port, timeoutMs);
      } catch {
        return "untested" as const;
      }
      try {
        return (await acceptsVersion(raw, { servername: host, version, timeoutMs })) ? ("accepted" as const) : ("refused" as const);
      } finally {
        raw.destroy();
      }
    }),
  );
  return Object.fromEntries(VERSIONS.map((version, i) => [version, outcomes[i]!])) as ProtocolSupport;
}

/**
 * Without TLS 1.2 or 1.3 current Outlook, Windows and Microsoft 365 clients can't connect at all: an error.
 * TLS 1.0 and 1.1 accepted beside them are obsolete (RFC 8996): a warning.
 */
export function judgeProtocols(support: ProtocolSupport): Finding {
  const list = (state: ProtocolSupport[SecureVersion]) => VERSIONS.filter((version) => support[version] === state).map(tlsVersionLabel);
  const accepted = list("accepted");
  const refused = list("refused");
  const details = { accepted, refused, untested: list("untested") };
  const refuses = refused.length > 0 ? { refused: refused.join(", ") } : undefined;
  const summary =
    accepted.length > 0
      ? text(refuses ? "steps.protocols.acceptsRefuses" : "steps.protocols.accepts", { accepted: accepted.join(", "), ...refuses })
      : text(refuses ? "steps.protocols.acceptsNoneRefuses" : "steps.protocols.acceptsNone", { ...refuses });
  const modern = VERSIONS.filter((version) => MODERN_TLS_VERSIONS.has(version));
  const acceptsModern = modern.some((version) => support[version] === "accepted");
  const modernUntested = modern.every((version) => support[version] === "untested");
  if (!acceptsModern && !modernUntested) {
    return error("TLS_PROTOCOL_OBSOLETE", text("steps.protocols.noModern", { summary }), details);
  }
  const obsolete = VERSIONS.filter((version) => OBSOLETE_TLS_VERSIONS.has(version) && support[version] === "accepted").map(tlsVersionLabel);
  if (obsolete.length > 0) {
    const last = obsolete[obsolete.length - 1]!;
    return warning(
      "TLS_PROTOCOL_OBSOLETE",
      obsolete.length > 1
        ? text("steps.protocols.obsoleteMany", { summary, versions: obsolete.slice(0, -1).join(" and "), last })
        : text("steps.protocols.obsoleteOne", { summary, version: last }),
      details,
    );
  }
  return ok(summary, details);
}
