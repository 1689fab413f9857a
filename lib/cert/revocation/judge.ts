import type { CertificateFacts } from "@/lib/cert/parse";
import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import type { Details } from "@/lib/engine/types";
import type { RevocationFailure } from "./fetch";
import type { StaplingCheck } from "./stapling";
import type { CertificateStatus, RevocationCheck } from "./types";

/** A finding with the info status: nothing wrong, nothing checked. */
function info(message: string, details?: Details): Finding {
  return { status: "info", message, details };
}

/** One certificate's revocation, in words: the answer used, and every service that failed on the way. */
export function judgeRevocation(check: RevocationCheck, facts: CertificateFacts): Finding {
  const details: Details = { certificate: facts.subject, serialNumber: facts.serialNumber, method: check.method };
  switch (check.method) {
    case "none":
      return check.why === "no-service"
        ? info(
            "The certificate names no revocation service (no OCSP responder in Authority Information Access, no CRL distribution point): clients can't check whether it has been revoked.",
            details,
          )
        : info("The certificate's issuer isn't in the chain, so its revocation can't be checked: OCSP and CRLs both need the issuer's certificate.", details);
    case "failed": {
      const failed = failureList(check.failures);
      return warning(
        "REVOCATION_UNCHECKED",
        `The revocation status couldn't be checked: ${failed.map((f) => f.message).join(" ")} Clients that check revocation can't either: some refuse the connection, others accept it without knowing.`,
        { ...details, failures: failed, unreachable: check.failures.map((f) => f.url) },
      );
    }
    case "ocsp":
    case "crl": {
      const answer = check.answer;
      const source =
        answer.source === "ocsp"
          ? `The OCSP responder ${answer.responderUrl}${answer.method === "GET" ? " (asked by GET after the POST failed)" : ""}`
          : `The CRL at ${answer.crlUrl}${answer.cached ? " (cached)" : ""}`;
      const facts = {
        ...details,
        ...(answer.source === "ocsp"
          ? { responderUrl: answer.responderUrl, signer: answer.signer, producedAt: answer.producedAt, ...(answer.method ? { request: answer.method } : {}) }
          : { crlUrl: answer.crlUrl, crlEntries: answer.entries, cached: answer.cached }),
        ...statusDetails(answer),
        signatureAlgorithm: answer.signatureAlgorithm,
        ...(check.failures.length > 0 ? { failures: failureList(check.failures), unreachable: check.failures.map((f) => f.url) } : {}),
      };
      if (answer.status === "revoked") {
        return error("CERT_REVOKED", `${source} says the certificate was revoked ${revokedWords(answer)}. Clients refuse it: replace the certificate.`, facts);
      }
      const before = check.failures.length > 0 ? ` Tried first: ${check.failures.map((f) => f.message).join(" ")}` : "";
      if (answer.status === "unknown") {
        return warning(
          "REVOCATION_UNCHECKED",
          `${source} doesn't know this certificate (status "unknown"): clients can't confirm it hasn't been revoked. The responder may not serve this CA, or the certificate isn't in its database.${before}`,
          facts,
        );
      }
      const validity = `${answer.source === "ocsp" ? `signed by ${answer.signer}, ` : ""}current from ${answer.thisUpdate}${answer.nextUpdate ? ` to ${answer.nextUpdate}` : ""}`;
      const good =
        answer.source === "ocsp"
          ? `${source} says the certificate is good: not revoked (${validity}).`
          : `${source} doesn't list the certificate's serial number ${details.serialNumber as string}: not revoked (${validity}).`;
      if (check.failures.length === 0) return ok(good, facts);
      return warning("REVOCATION_UNCHECKED", `${good}${before} Clients that only ask that service can't check revocation.`, facts);
    }
  }
}

/** The stapled OCSP response, in words. Stapling is optional: a server that staples nothing gets an info line. */
export function judgeStapling(check: StaplingCheck, leafNamesResponder: boolean): Finding {
  if (!check.stapled) {
    return info(
      leafNamesResponder
        ? "The server doesn't staple an OCSP response: each client asks the CA's responder itself. Stapling (IIS enables it by default) saves clients that request and keeps working when the responder is slow."
        : "The server doesn't staple an OCSP response (the certificate names no OCSP responder, so there is nothing to staple).",
      { stapled: false },
    );
  }
  if ("unverifiable" in check) {
    return info("The server staples an OCSP response, but the certificate's issuer isn't in the chain, so it can't be verified.", { stapled: true });
  }
  if ("failure" in check) {
    return warning(
      "OCSP_STAPLE_INVALID",
      `${check.failure.message} Clients ignore an invalid stapled response (and refuse the connection when the certificate requires stapling): the server must refresh it from the CA's responder before it expires.`,
      { stapled: true, failure: check.failure.kind, ...check.failure.details },
    );
  }
  const answer = check.answer;
  const facts = {
    stapled: true,
    signer: answer.signer,
    producedAt: answer.producedAt,
    ...statusDetails(answer),
    signatureAlgorithm: answer.signatureAlgorithm,
  };
  if (answer.status === "revoked") {
    return error(
      "CERT_REVOKED",
      `The server staples an OCSP response saying its certificate was revoked ${revokedWords(answer)}. Clients refuse it: replace the certificate.`,
      facts,
    );
  }
  if (answer.status === "unknown") {
    return warning(
      "OCSP_STAPLE_INVALID",
      "The server staples an OCSP response whose status is \"unknown\": clients can't use it to confirm the certificate isn't revoked.",
      facts,
    );
  }
  return ok(
    `The server staples a valid, current OCSP response: the certificate is good (signed by ${answer.signer}, current from ${answer.thisUpdate}${answer.nextUpdate ? ` to ${answer.nextUpdate}` : ""}).`,
    facts,
  );
}

function statusDetails(answer: CertificateStatus): Details {
  return {
    status: answer.status,
    ...(answer.revokedAt ? { revokedAt: answer.revokedAt } : {}),
    ...(answer.reason ? { reason: answer.reason } : {}),
    thisUpdate: answer.thisUpdate,
    ...(answer.nextUpdate ? { nextUpdate: answer.nextUpdate } : {}),
  };
}

function revokedWords(answer: CertificateStatus): string {
  return `on ${answer.revokedAt ?? "an unstated date"}${answer.reason ? ` (reason: ${answer.reason})` : " (no reason given)"}`;
}

function failureList(failures: RevocationFailure[]): Array<{ url: string; kind: string; message: string }> {
  return failures.map((failure) => ({ url: failure.url, kind: failure.kind, message: failure.message }));
}
