import { error, type Finding } from "@/lib/engine/finding";
import type { CredentialExchange } from "./credentials";

/**
 * A credential exchange that didn't get as far as an answer to judge (NTLM's own failures), the same for every test.
 * `request` names what was being sent, e.g. "OPTIONS request", when a test sends several.
 */
export function judgeUnanswered(outcome: Exclude<CredentialExchange, { kind: "answered" }>, request?: string): Finding {
  switch (outcome.kind) {
    case "no-challenge":
      return error(
        "HTTP_AUTH_METHOD_MISSING",
        `The server didn't answer the NTLM negotiation${request ? ` of the ${request}` : ""} with a challenge (HTTP ${outcome.status}).`,
        { status: outcome.status },
      );
    case "malformed-challenge":
      return error("HTTP_UNEXPECTED_STATUS", `The server's NTLM challenge is malformed: ${outcome.reason}`);
    case "connection-changed":
      return error(
        "HTTP_UNEXPECTED_STATUS",
        "The server closed the connection between the NTLM challenge and the answer; NTLM needs both on one kept-alive connection (check load balancers and proxies in front of the server).",
      );
  }
}
