import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import { englishOf, isLocalized, listText, text, type LocalizedText, type Text } from "@/lib/engine/text";
import { cleanText, LIMITS } from "@/lib/net/limits";
import type { OpenSslVerdict } from "@/lib/net/tls";
import type { ProblemCode } from "@/lib/problems";
import { perAnchor } from "./anchor-cache";
import { analyzeChain, endsAtRoot, type ChainAnalysis } from "./chain";
import { openSslRefusalText } from "./openssl-errors";
import { readPathCertificate, type PathCertificate } from "./path-certificate";
import { validatePath, type PathViolation } from "./path-validation";
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
  const certificates = chain.path.map((link) => (link.source === "trust-store" ? readAnchor(link.cert) : readPathCertificate(link.cert)));
  return { chain, certificates, violations: validatePath(certificates, { now, endsAtRoot: endsAtRoot(chain) }) };
}

/** Trust-store roots as path validation reads them, once each. */
const readAnchor = perAnchor(readPathCertificate);

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
  const opensslRefusal: Text | undefined = openssl.authorized || unavailable ? undefined : openSslRefusalText(openssl.error ?? "unknown", openssl.message);
  const order = chain.path.map((link) => (link.source === "trust-store" ? "trust store" : `sent #${link.source + 1}`));
  const details = {
    path: certificates.map((cert, i) => ({ subject: cert.subject, source: order[i] })),
    unusedSentCertificates: chain.unused.map((i) => i + 1),
    // Details are data: each broken rule's message as the English it reads in.
    validation: {
      accepted: oursAccepts,
      chain: chain.status,
      violations: violations.map((violation) => ({ ...violation, message: englishOf(violation.message) })),
    },
    openssl: unavailable
      ? { unavailable: openssl.message ?? "openssl couldn't run" }
      : {
          authorized: openssl.authorized,
          ...(openssl.authorized ? {} : { error: openssl.error ?? "unknown", reason: opensslRefusal ? englishOf(opensslRefusal) : undefined }),
        },
  };

  if (oursAccepts && opensslRefusal) {
    return {
      accepted: false,
      finding: error("CERT_CHAIN_INVALID", text("steps.certificate.trust.opensslOnlyRefuses", { reason: opensslRefusal }), {
        ...details,
        agreement: "disagree: only OpenSSL refuses the chain",
      }),
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
          text("steps.certificate.trust.outOfOrder", {
            order: listText(
              chain.path.map((link) =>
                link.source === "trust-store"
                  ? text("steps.certificate.trust.fromTrustStore")
                  : text("steps.certificate.trust.sentAs", { number: link.source + 1 }),
              ),
            ),
          }),
          both,
        )
      : ok(text("steps.certificate.trust.trusted"), both);
    return { accepted: true, finding };
  }

  const refusal = chainRefusal(assessment) ?? violationRefusal(violations);
  const others = violations.filter((v) => v !== refusal.violation).map((v) => `${v.problem} ("${v.subject}")`);
  const listed = others.slice(0, LIMITS.pathProblemsShown);
  const agreement = opensslRefusal
    ? "agree: the analyzer and OpenSSL both refuse the chain"
    : unavailable
      ? "the analyzer's path validation refuses the chain; OpenSSL's second opinion was unavailable"
      : `disagree: OpenSSL accepted this chain, but the analyzer's path validation refuses it (${refusal.problem}). The refusal stands: a client that applies RFC 5280 fully refuses the chain.`;
  const message = refusedMessage(refusal.message, listed.join(", "), others.length - listed.length, opensslRefusal);
  const finding = error(refusal.problem, message, {
    ...details,
    refusedFor: refusal.violation ? { ...refusal.violation, message: englishOf(refusal.violation.message) } : chain.status,
    agreement,
  });
  return { accepted: false, finding };
}

/**
 * The refusal, then the other broken rules (up to `problems`, and how many more) and OpenSSL's own refusal, each
 * said only when there is one.
 */
function refusedMessage(refusal: Text, problems: string, more: number, opensslRefusal: Text | undefined): Text {
  const english = englishOf(refusal);
  if (!problems && !opensslRefusal) return refusal;
  // A plain refusal (a broken rule, in English) can only be wrapped when it is a sentence: the template ends it.
  if (!isLocalized(refusal) && !english.endsWith(".")) {
    const also = problems ? ` Other problems on this path: ${problems}${more > 0 ? ` and ${more} more` : ""}.` : "";
    return `${english}${also}${opensslRefusal ? ` OpenSSL refuses the chain too (${englishOf(opensslRefusal)}).` : ""}`;
  }
  const first = isLocalized(refusal) ? refusal : english.slice(0, -1);
  const openssl = opensslRefusal ? { reason: opensslRefusal } : undefined;
  if (!problems) return text("steps.certificate.trust.refusedOpenSsl", { refusal: first, reason: opensslRefusal ?? "" });
  if (more > 0) {
    return openssl
      ? text("steps.certificate.trust.refusedOthersMoreOpenSsl", { refusal: first, problems, more, ...openssl })
      : text("steps.certificate.trust.refusedOthersMore", { refusal: first, problems, more });
  }
  return openssl
    ? text("steps.certificate.trust.refusedOthersOpenSsl", { refusal: first, problems, ...openssl })
    : text("steps.certificate.trust.refusedOthers", { refusal: first, problems });
}

/** How a refusal names a certificate of the path, as path validation does: "the intermediate certificate "CN=…"". */
function describeCertificate(certificates: readonly PathCertificate[], position: number): LocalizedText {
  const cert = certificates[position]!;
  const subject = cert.subject;
  if (position === 0) return text("steps.certificate.trust.role.server", { subject });
  if (position === certificates.length - 1 && cert.selfIssued) return text("steps.certificate.trust.role.root", { subject });
  return text("steps.certificate.trust.role.intermediate", { subject });
}

interface Refusal {
  problem: ProblemCode;
  message: Text;
  /** The broken rule, when the refusal is one. */
  violation?: PathViolation;
}

/** A path that isn't anchored at a trusted root is refused for that first. */
function chainRefusal({ chain, certificates }: TrustAssessment): Refusal | undefined {
  const leaf = certificates[0]!;
  const refuse = (problem: ProblemCode, message: Text): Refusal => ({ problem, message });
  switch (chain.status) {
    case "trusted":
      return undefined;
    case "self-signed":
      return refuse("CERT_SELF_SIGNED", text("steps.certificate.trust.selfSigned", { subject: leaf.subject }));
    case "untrusted-root":
      return refuse("CERT_UNTRUSTED_ROOT", text("steps.certificate.trust.untrustedRoot", { subject: certificates[certificates.length - 1]!.subject }));
    case "incomplete": {
      const missing = cleanText(chain.missingIssuer ?? "unknown");
      if (certificates.length === 1) {
        return refuse("CERT_CHAIN_INCOMPLETE", text("steps.certificate.trust.intermediateMissing", { issuer: missing }));
      }
      const top = describeCertificate(certificates, certificates.length - 1);
      return refuse("CERT_CHAIN_INCOMPLETE", text("steps.certificate.trust.chainStops", { top, issuer: missing }));
    }
    case "bad-signature": {
      const bad = chain.badSignature!;
      const issuer = cleanText(bad.issuer.cert.subject.split("\n").join(", "));
      const signed = describeCertificate(certificates, bad.position);
      return refuse(
        "CERT_CHAIN_INVALID",
        bad.issuer.source === "trust-store"
          ? text("steps.certificate.trust.badSignatureStore", { certificate: signed, issuer })
          : text("steps.certificate.trust.badSignatureSent", { certificate: signed, issuer, number: bad.issuer.source + 1 }),
      );
    }
  }
}

function violationRefusal(violations: PathViolation[]): Refusal {
  const first = violations[0];
  if (!first) throw new Error("a refused path has a broken rule");
  return { problem: first.problem, message: first.message, violation: first };
}
