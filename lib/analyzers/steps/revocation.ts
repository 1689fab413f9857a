import "server-only";
import type { ParsedCertificate } from "@/lib/cert/parse";
import { checkRevocation, revocationServices } from "@/lib/cert/revocation/check";
import { judgeRevocation, judgeStapling } from "@/lib/cert/revocation/judge";
import { checkStapled } from "@/lib/cert/revocation/stapling";
import type { RevocationCheck } from "@/lib/cert/revocation/types";
import { demoteToWarning, type Finding } from "@/lib/engine/finding";
import type { StepScope } from "@/lib/engine/runner";
import { text } from "@/lib/engine/text";
import { LIMITS } from "@/lib/net/limits";

export interface RevocationInput {
  /**
   * The built path, leaf first, as chainChecks builds it (the root, if present, last). A function is read only when
   * the step runs (not when an earlier failure skips it).
   */
  path: ParsedCertificate[] | (() => ParsedCertificate[]);
  now: Date;
  /**
   * What the handshake said about OCSP stapling: present when the certificate came from a server (then a stapling
   * child step is recorded), `response` absent when the server stapled nothing. Omitted for a pasted chain.
   */
  stapling?: { response?: Buffer } | (() => { response?: Buffer });
  /** "Ignore trust for SSL": a revoked certificate is recorded as a warning. */
  ignoreTrust?: boolean;
}

export interface RevocationOutcome {
  /** A certificate of the path (or the stapled response) says revoked, whatever it was recorded as. */
  revoked: boolean;
}

/**
 * "Checking whether the certificate has been revoked.": one child step per certificate of the path below the root
 * (OCSP, else the CRL, else nothing to ask), and one for the stapled OCSP response when the caller passes stapling
 * facts. The services of every certificate are asked at once; each child waits for its own answer.
 */
export async function revocationStep(parent: StepScope, input: RevocationInput): Promise<RevocationOutcome> {
  const outcome: RevocationOutcome = { revoked: false };
  await parent.step(
    "tls.certificate.revocation",
    text("steps.revocation.title"),
    async (step) => {
      const now = input.now;
      const path = typeof input.path === "function" ? input.path() : input.path;
      const stapling = typeof input.stapling === "function" ? input.stapling() : input.stapling;
      const judge = (finding: Finding) => {
        if (finding.status === "error" && finding.problem === "CERT_REVOKED") outcome.revoked = true;
        return input.ignoreTrust ? demoteToWarning(finding) : finding;
      };
      const checked = revocationTargets(path).slice(0, LIMITS.revocationCertificates);
      // Started together: a silent responder costs one timeout, not one per certificate.
      const pending = checked.map(({ cert, issuer }) => {
        const check = checkRevocation(cert, issuer, now);
        check.catch(() => {}); // awaited by its step below; an early failure mustn't go unhandled meanwhile
        return check;
      });
      const results: RevocationCheck[] = [];
      for (const [index, { cert, position }] of checked.entries()) {
        await step.step(
          "tls.certificate.revocation.certificate",
          text("steps.revocation.certificate.title", { position: position + 1, subject: cert.facts.subject }),
          async (child) => {
            const result = await pending[index]!;
            results.push(result);
            child.addDetails({ position: position + 1, services: revocationServices(cert) });
            child.report(judge(judgeRevocation(result, cert.facts)));
          },
          { blocking: false },
        );
      }
      if (stapling) {
        const leaf = path[0];
        const stapled = stapling.response;
        await step.step(
          "tls.certificate.revocation.stapling",
          text("steps.revocation.stapling.title"),
          (child) => {
            if (!leaf) return child.skipBecause(text("steps.revocation.stapling.noCertificate"));
            const issuer = path[1] && !leaf.facts.selfIssued ? path[1] : undefined;
            child.report(judge(judgeStapling(checkStapled(stapled, leaf, issuer, now), revocationServices(leaf).ocsp.length > 0)));
          },
          { blocking: false },
        );
      }
      const nothingAsked = results.every((result) => result.method === "none");
      if (nothingAsked && !stapling?.response) {
        step.info(checked.length === 0 ? text("steps.revocation.selfSigned") : text("steps.revocation.noServices"));
        return;
      }
      step.summarize({
        success: text("steps.revocation.summary.success"),
        warning: outcome.revoked ? text("steps.revocation.summary.revokedIgnored") : text("steps.revocation.summary.unconfirmed"),
        error: text("steps.revocation.summary.revoked"),
      });
    },
    { blocking: false },
  );
  return outcome;
}

/** The certificates whose revocation is checked, with their issuer from the path: all but a self-issued root. */
export function revocationTargets(path: ParsedCertificate[]): Array<{ cert: ParsedCertificate; issuer: ParsedCertificate | undefined; position: number }> {
  return path.flatMap((cert, position) => {
    const last = position === path.length - 1;
    if (last && cert.facts.selfIssued) return [];
    return [{ cert, issuer: path[position + 1], position }];
  });
}
