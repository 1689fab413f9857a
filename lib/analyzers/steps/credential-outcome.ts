import { error, type Finding } from "@/lib/engine/finding";
import { text, type TextParamValue } from "@/lib/engine/text";
import type { CredentialExchange } from "./credentials";

/**
 * A credential exchange that didn't get as far as an answer to judge (NTLM's own failures), the same for every test.
 * `request` names what was being sent, e.g. "OPTIONS request", when a test sends several (a catalogue text reads in
 * the reader's language).
 */
export function judgeUnanswered(outcome: Exclude<CredentialExchange, { kind: "answered" }>, request?: TextParamValue): Finding {
  switch (outcome.kind) {
    case "no-challenge":
      return error(
        "HTTP_AUTH_METHOD_MISSING",
        request
          ? text("steps.http.unanswered.noChallengeOf", { request, status: outcome.status })
          : text("steps.http.unanswered.noChallenge", { status: outcome.status }),
        { status: outcome.status },
      );
    case "malformed-challenge":
      return error("HTTP_UNEXPECTED_STATUS", text("steps.http.unanswered.malformedChallenge", { reason: outcome.reason }));
    case "connection-changed":
      return error("HTTP_UNEXPECTED_STATUS", text("steps.http.unanswered.connectionChanged"));
  }
}
