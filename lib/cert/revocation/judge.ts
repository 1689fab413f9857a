import type { CertificateFacts } from "@/lib/cert/parse";
import { error, info, ok, warning, type Finding } from "@/lib/engine/finding";
import { asParam, text, type LocalizedText, type TextParamValue } from "@/lib/engine/text";
import type { Details } from "@/lib/engine/types";
import type { RevocationFailure } from "./fetch";
import type { StaplingCheck } from "./stapling";
import type { CertificateStatus, RevocationCheck } from "./types";

/** One certificate's revocation, in words: the answer used, and every service that failed on the way. */
export function judgeRevocation(check: RevocationCheck, facts: CertificateFacts): Finding {
  const details: Details = { certificate: facts.subject, serialNumber: facts.serialNumber, method: check.method };
  switch (check.method) {
    case "none":
      return check.why === "no-service" ? info(text("steps.revocation.noService"), details) : info(text("steps.revocation.issuerMissing"), details);
    case "failed": {
      const failed = failureList(check.failures);
      return warning("REVOCATION_UNCHECKED", text("steps.revocation.unchecked", { failures: failed.map((f) => f.message).join(" ") }), {
        ...details,
        failures: failed,
        unreachable: check.failures.map((f) => f.url),
      });
    }
    case "ocsp":
    case "crl": {
      const answer = check.answer;
      const source = asParam(
        answer.source === "ocsp"
          ? text(answer.method === "GET" ? "steps.revocation.source.ocspGet" : "steps.revocation.source.ocsp", { url: answer.responderUrl })
          : text(answer.cached ? "steps.revocation.source.crlCached" : "steps.revocation.source.crl", { url: answer.crlUrl }),
      );
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
        return error("CERT_REVOKED", text("steps.revocation.revoked", { source, when: revokedWords(answer) }), facts);
      }
      const failures = check.failures.map((f) => f.message).join(" ");
      if (answer.status === "unknown") {
        return warning(
          "REVOCATION_UNCHECKED",
          failures ? text("steps.revocation.unknownTriedFirst", { source, failures }) : text("steps.revocation.unknown", { source }),
          facts,
        );
      }
      const validity = validityWords(answer, answer.source === "ocsp" ? answer.signer : undefined);
      const good =
        answer.source === "ocsp"
          ? text("steps.revocation.good", { source, validity })
          : text("steps.revocation.notListed", { source, serialNumber: details.serialNumber as string, validity });
      if (check.failures.length === 0) return ok(good, facts);
      return warning("REVOCATION_UNCHECKED", text("steps.revocation.goodTriedFirst", { good, failures }), facts);
    }
  }
}

/** The stapled OCSP response, in words. Stapling is optional: a server that staples nothing gets an info line. */
export function judgeStapling(check: StaplingCheck, leafNamesResponder: boolean): Finding {
  if (!check.stapled) {
    return info(text(leafNamesResponder ? "steps.revocation.stapling.none" : "steps.revocation.stapling.noneNoResponder"), { stapled: false });
  }
  if ("unverifiable" in check) {
    return info(text("steps.revocation.stapling.unverifiable"), { stapled: true });
  }
  if ("failure" in check) {
    return warning("OCSP_STAPLE_INVALID", text("steps.revocation.stapling.invalid", { failure: check.failure.message }), {
      stapled: true,
      failure: check.failure.kind,
      ...check.failure.details,
    });
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
    return error("CERT_REVOKED", text("steps.revocation.stapling.revoked", { when: revokedWords(answer) }), facts);
  }
  if (answer.status === "unknown") {
    return warning("OCSP_STAPLE_INVALID", text("steps.revocation.stapling.unknown"), facts);
  }
  return ok(text("steps.revocation.stapling.good", { validity: validityWords(answer, answer.signer) }), facts);
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

/** "on <date> (reason: <reason>)", each part said even when the answer leaves it out. */
function revokedWords(answer: CertificateStatus): LocalizedText {
  const reason = answer.reason;
  if (answer.revokedAt === undefined) {
    return reason ? text("steps.revocation.when.undatedReason", { reason }) : text("steps.revocation.when.undated");
  }
  const date = answer.revokedAt;
  return reason ? text("steps.revocation.when.datedReason", { date, reason }) : text("steps.revocation.when.dated", { date });
}

/** "signed by <signer>, current from <thisUpdate> to <nextUpdate>": the signer for OCSP only, the end when given. */
function validityWords(answer: CertificateStatus, signer: string | undefined): TextParamValue {
  const dates = { thisUpdate: answer.thisUpdate, ...(answer.nextUpdate ? { nextUpdate: answer.nextUpdate } : {}) };
  if (signer !== undefined) {
    const by = signerWords(signer);
    return asParam(text(answer.nextUpdate ? "steps.revocation.validity.signedUntil" : "steps.revocation.validity.signed", { signer: by, ...dates }));
  }
  return text(answer.nextUpdate ? "steps.revocation.validity.currentUntil" : "steps.revocation.validity.current", dates);
}

function failureList(failures: RevocationFailure[]): Array<{ url: string; kind: string; message: string }> {
  return failures.map((failure) => ({ url: failure.url, kind: failure.kind, message: failure.message }));
}

/** Who signed an OCSP response (lib/cert/revocation/ocsp.ts says "the issuing CA" or "delegated responder <subject>"), in the reader's language. */
function signerWords(signer: string): TextParamValue {
  if (signer === "the issuing CA") return text("steps.revocation.signer.issuer");
  const delegated = "delegated responder ";
  if (signer.startsWith(delegated)) return asParam(text("steps.revocation.signer.delegated", { subject: signer.slice(delegated.length) }));
  return signer;
}
