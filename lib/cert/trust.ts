import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import { cleanText, LIMITS } from "@/lib/net/limits";
import type { OpenSslVerdict } from "@/lib/net/tls";
import type { ProblemCode } from "@/lib/problems";
import { analyzeChain, endsAtRoot, type ChainAnalysis } from "./chain";
import { describeOpenSslError } from "./openssl-errors";
import { readPathCertificate, type PathCertificate } from "./path-certificate";
import { describeCertificate, validatePath, type PathViolation } from "./path-validation";
import type { X509Certificate } from "node:crypto";

/** The analyzer's own verdict on a chain: the path a client builds, and every RFC 5280 rule it breaks. */
export interface TrustAssessment {
  chain: ChainAnalysis;
  /** The path's certificates as path validation read them, leaf first. */
  certificates: PathCertificate[];
  violations: PathViolation[];
}

export interface TrustVerdict {
  finding: Finding;
  /** The analyzer's path validation and OpenSSL both accept the chain. */
  accepted: boolean;
}

/** Builds the path and validates it (RFC 5280 §6). Pure: no network, `now` given. */
export function assessTrust(sent: readonly X509Certificate[], anchors: readonly X509Certificate[], now: Date): TrustAssessment {
  const chain = analyzeChain(sent, anchors, now);
  const certificates = chain.path.map((link) => readPathCertificate(link.cert));
  return { chain, certificates, violations: validatePath(certificates, { now, endsAtRoot: endsAtRoot(chain) }) };
}

/** The analyzer's validation alone accepts the path: anchored at a trusted root and no rule broken. */
export function pathAccepted(assessment: TrustAssessment): boolean {
  return assessment.chain.status === "trusted" && assessment.violations.length === 0;
}

/**
 * The trust step's finding: the analyzer's validation, cross-checked with OpenSSL's verdict on the same chain and
 * roots. A chain OpenSSL refuses is never reported as trusted; when only the analyzer refuses, its finding stands
 * and the disagreement is recorded.
 */
export function judgeTrust(assessment: TrustAssessment, openssl: OpenSslVerdict): TrustVerdict {
  const { chain, certificates, violations } = assessment;
  const oursAccepts = pathAccepted(assessment);
  // OpenSSL's own words beside the code: Node names some refusals only "UNSPECIFIED".
  // Without an openssl binary (a pasted file is verified by `openssl verify`) there is no second opinion: said, not guessed.
  const unavailable = openssl.error === "OPENSSL_UNAVAILABLE";
  const opensslRefusal =
    openssl.authorized || unavailable
      ? undefined
      : `${describeOpenSslError(openssl.error ?? "unknown")}${openssl.message ? ` (OpenSSL: "${openssl.message}")` : ""}`;
  const order = chain.path.map((link) => (link.source === "trust-store" ? "trust store" : `sent #${link.source + 1}`));
  const details = {
    path: certificates.map((cert, i) => ({ subject: cert.subject, source: order[i] })),
    unusedSentCertificates: chain.unused.map((i) => i + 1),
    validation: { accepted: oursAccepts, chain: chain.status, violations },
    openssl: unavailable
      ? { unavailable: openssl.message ?? "openssl couldn't run" }
      : { authorized: openssl.authorized, ...(openssl.authorized ? {} : { error: openssl.error ?? "unknown", reason: opensslRefusal }) },
  };

  if (oursAccepts && opensslRefusal) {
    return {
      accepted: false,
      finding: error(
        "CERT_CHAIN_INVALID",
        `OpenSSL refuses this certificate chain (${opensslRefusal}), although the analyzer's own path validation found no broken rule. A chain OpenSSL refuses is never reported as trusted: clients that verify the same way refuse it too.`,
        { ...details, agreement: "disagree: only OpenSSL refuses the chain" },
      ),
    };
  }
  if (oursAccepts) {
    const both = {
      ...details,
      agreement: unavailable
        ? "the analyzer's path validation accepts the chain; OpenSSL's second opinion was unavailable"
        : "agree: the analyzer and OpenSSL both accept the chain",
    };
    const finding = chain.outOfOrder
      ? warning(
          "CERT_CHAIN_ORDER",
          `The certificate is trusted, but the server sends its chain out of order (${order.join(", ")}); some clients fail to build the path.`,
          both,
        )
      : ok("The certificate is trusted and all required certificates are present in the chain.", both);
    return { accepted: true, finding };
  }

  const refusal = chainRefusal(assessment) ?? violationRefusal(violations);
  const others = violations.filter((v) => v !== refusal.violation).map((v) => `${v.problem} ("${v.subject}")`);
  const listed = others.slice(0, LIMITS.pathProblemsShown);
  const also =
    others.length > 0
      ? ` Other problems on this path: ${listed.join(", ")}${others.length > listed.length ? ` and ${others.length - listed.length} more` : ""}.`
      : "";
  const second = opensslRefusal ? ` OpenSSL refuses the chain too (${opensslRefusal}).` : "";
  const agreement = opensslRefusal
    ? "agree: the analyzer and OpenSSL both refuse the chain"
    : unavailable
      ? "the analyzer's path validation refuses the chain; OpenSSL's second opinion was unavailable"
      : `disagree: OpenSSL accepted this chain, but the analyzer's path validation refuses it (${refusal.problem}). The refusal stands: a client that applies RFC 5280 fully refuses the chain.`;
  const finding = error(refusal.problem, `${refusal.message}${also}${second}`, { ...details, refusedFor: refusal.violation ?? chain.status, agreement });
  return { accepted: false, finding };
}

interface Refusal {
  problem: ProblemCode;
  message: string;
  /** The broken rule, when the refusal is one. */
  violation?: PathViolation;
}

/** A path that isn't anchored at a trusted root is refused for that first. */
function chainRefusal({ chain, certificates }: TrustAssessment): Refusal | undefined {
  const leaf = certificates[0]!;
  const refuse = (problem: ProblemCode, message: string): Refusal => ({ problem, message });
  switch (chain.status) {
    case "trusted":
      return undefined;
    case "self-signed":
      return refuse(
        "CERT_SELF_SIGNED",
        `The certificate is self-signed (issued by itself: ${leaf.subject}). Clients won't trust it unless it is installed on every device.`,
      );
    case "untrusted-root":
      return refuse(
        "CERT_UNTRUSTED_ROOT",
        `The certificate chain ends at the root "${certificates[certificates.length - 1]!.subject}", which isn't in the trusted root store.`,
      );
    case "incomplete": {
      const missing = cleanText(chain.missingIssuer ?? "unknown");
      if (certificates.length === 1) {
        return refuse(
          "CERT_CHAIN_INCOMPLETE",
          `The server didn't send the intermediate certificate that issued its certificate ("${missing}"), and it isn't a trusted root. Clients that don't fetch missing intermediates will fail.`,
        );
      }
      const top = describeCertificate(certificates, certificates.length - 1);
      return refuse(
        "CERT_CHAIN_INCOMPLETE",
        `The chain stops at ${top}: its issuer "${missing}" wasn't sent by the server and isn't a trusted root. Add that intermediate certificate to the chain the server sends (if "${missing}" is itself a root, it isn't trusted).`,
      );
    }
    case "bad-signature": {
      const bad = chain.badSignature!;
      const issuer = cleanText(bad.issuer.cert.subject.split("\n").join(", "));
      const where = bad.issuer.source === "trust-store" ? "in the trusted root store" : `sent as certificate #${bad.issuer.source + 1}`;
      return refuse(
        "CERT_CHAIN_INVALID",
        `The signature on ${describeCertificate(certificates, bad.position)} doesn't verify with the public key of "${issuer}" (${where}), the certificate bearing its issuer's name: the certificate was altered, or it was signed by another key of a CA with the same name (a re-keyed CA whose current certificate the server doesn't send).`,
      );
    }
  }
}

function violationRefusal(violations: PathViolation[]): Refusal {
  const first = violations[0];
  if (!first) throw new Error("a refused path has a broken rule");
  return { problem: first.problem, message: first.message, violation: first };
}
