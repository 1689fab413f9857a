import { text, type LocalizedText, type TextParamValue } from "@/lib/engine/text";
import { cleanText, LIMITS } from "@/lib/net/limits";
import type { ProblemCode } from "@/lib/problems";
import { nameConstraintBreaches } from "./name-constraints";
import type { PathCertificate } from "./path-certificate";

/**
 * RFC 5280 §6.1 path validation, the rules a client applies to a built path before it trusts it. Pure: the path
 * (leaf first, its issuers in turn, the trust anchor or root last) and the time in, every rule broken out.
 * Signatures are not checked here: the path was linked by verified signatures (chain.ts).
 */

export type PathProblem = Extract<
  ProblemCode,
  "CERT_ISSUER_NOT_CA" | "CERT_ISSUER_KEY_USAGE" | "CERT_PATH_LENGTH_EXCEEDED" | "CERT_NAME_CONSTRAINTS" | "CERT_EXPIRED" | "CERT_NOT_YET_VALID"
>;

export interface PathViolation {
  problem: PathProblem;
  /** Position in the path of the certificate that breaks the rule: 0 is the server certificate. */
  position: number;
  subject: string;
  /** The rule, with its RFC 5280 section. */
  rule: string;
  /** What a refusal for this rule says, in the reader's language; its English is what details and exports show. */
  message: LocalizedText;
  /** For name constraints: the CA whose constraints the server certificate's names break. */
  constrainedBy?: string;
}

export interface PathValidationOptions {
  now: Date;
  /**
   * The last certificate is a root (a trust anchor or a self-signed certificate). OpenSSL accepts a root without
   * Basic Constraints when it is an X.509 v1 certificate or its Key Usage allows certificate signing; an
   * intermediate must always say CA=true.
   */
  endsAtRoot: boolean;
}

/** The rules in the order a refusal is reported: the first broken one is the step's problem. */
export const PATH_RULES = {
  CERT_ISSUER_NOT_CA: "RFC 5280 4.2.1.9: every issuer must be a CA (Basic Constraints CA=true)",
  CERT_ISSUER_KEY_USAGE: "RFC 5280 4.2.1.3: an issuer's Key Usage, when present, must include keyCertSign",
  CERT_PATH_LENGTH_EXCEEDED: "RFC 5280 4.2.1.9 and 6.1.4(l): no more non-self-issued intermediate CAs below a CA than its pathLenConstraint",
  CERT_NAME_CONSTRAINTS: "RFC 5280 4.2.1.10: the server certificate's names must be inside every issuer's permitted subtrees and outside its excluded ones",
  CERT_EXPIRED: "RFC 5280 6.1.3(a)(2): every certificate of the path must be within its validity period",
  CERT_NOT_YET_VALID: "RFC 5280 6.1.3(a)(2): every certificate of the path must be within its validity period",
} as const satisfies Record<PathProblem, string>;

const ORDER = Object.keys(PATH_RULES) as PathProblem[];

/** Every rule the path breaks, most fundamental first (see PATH_RULES), then from the server certificate up. */
export function validatePath(path: readonly PathCertificate[], options: PathValidationOptions): PathViolation[] {
  const violations = [
    ...path.flatMap((_, position) => (position === 0 ? [] : issuerViolations(path, position, options))),
    ...nameConstraintViolations(path),
    ...path.flatMap((_, position) => validityViolations(path, position, options.now)),
  ];
  return violations.sort((a, b) => ORDER.indexOf(a.problem) - ORDER.indexOf(b.problem) || a.position - b.position);
}

type Role = "server" | "intermediate" | "root";

function roleOf(path: readonly PathCertificate[], position: number): Role {
  return position === 0 ? "server" : position === path.length - 1 && path[position]!.selfIssued ? "root" : "intermediate";
}

/** "the server certificate", "the intermediate certificate" or "the root certificate", with its subject. */
export function describeCertificate(path: readonly PathCertificate[], position: number): LocalizedText {
  return text(`steps.certificate.trust.role.${roleOf(path, position)}`, { subject: path[position]!.subject });
}

/** The same at the start of a sentence: "The intermediate certificate "CN=…"". */
function whoIs(path: readonly PathCertificate[], position: number): LocalizedText {
  return text(`steps.pathValidation.who.${roleOf(path, position)}`, { subject: path[position]!.subject });
}

function violation(
  path: readonly PathCertificate[],
  position: number,
  problem: PathProblem,
  message: LocalizedText,
  extra: Partial<PathViolation> = {},
): PathViolation {
  return { problem, position, subject: path[position]!.subject, rule: PATH_RULES[problem], message, ...extra };
}

function issuerViolations(path: readonly PathCertificate[], position: number, options: PathValidationOptions): PathViolation[] {
  const issuer = path[position]!;
  const issued = path[position - 1]!.subject;
  const who = whoIs(path, position);
  const found: PathViolation[] = [];

  const basic = issuer.basicConstraints;
  const legacyRoot =
    options.endsAtRoot && position === path.length - 1 && basic === null && (issuer.version1 || (issuer.keyUsage?.includes("keyCertSign") ?? false));
  if (!basic?.ca && !legacyRoot) {
    const message = basic
      ? text("steps.pathValidation.issuerNotCa.caFalse", { who, issued })
      : text("steps.pathValidation.issuerNotCa.noBasicConstraints", { who, issued });
    found.push(violation(path, position, "CERT_ISSUER_NOT_CA", message));
  }

  if (issuer.keyUsage && !issuer.keyUsage.includes("keyCertSign")) {
    const usages = issuer.keyUsage.join(", ") || text("steps.common.none");
    found.push(violation(path, position, "CERT_ISSUER_KEY_USAGE", text("steps.pathValidation.issuerKeyUsage", { who, issued, usages })));
  }

  const limit = basic?.ca ? basic.pathLength : undefined;
  if (limit !== undefined) {
    // RFC 5280 6.1.4(l): self-issued intermediates (key rollover) don't count towards the limit.
    const below = path.slice(1, position).filter((cert) => !cert.selfIssued);
    if (below.length > limit) {
      const names = below.map((cert) => `"${cert.subject}"`).join(", ");
      const key = limit === 0 ? "none" : limit === 1 ? "one" : "many";
      const message = text(`steps.pathValidation.pathLength.${key}`, { who, limit, count: below.length, names });
      found.push(violation(path, position, "CERT_PATH_LENGTH_EXCEEDED", message));
    }
  }
  return found;
}

/** Every issuer's constraints apply to the server certificate's names (SAN dNSName / iPAddress, or its CN without them). */
function nameConstraintViolations(path: readonly PathCertificate[]): PathViolation[] {
  const leaf = path[0];
  if (!leaf) return [];
  return path.slice(1).flatMap((issuer, index) => {
    const position = index + 1;
    const constraints = issuer.nameConstraints;
    const ca = describeCertificate(path, position);
    if (constraints === null) return [];
    if (constraints === "unreadable") {
      const message = text("steps.pathValidation.nameConstraints.unreadable", { who: whoIs(path, position), subject: leaf.subject });
      return [violation(path, 0, "CERT_NAME_CONSTRAINTS", message, { constrainedBy: issuer.subject })];
    }
    // A hostile certificate can carry thousands of names and subtrees: a few breaches are named, the rest counted.
    const breaches = nameConstraintBreaches(leaf.names, constraints);
    const shown = breaches.slice(0, LIMITS.nameConstraintBreachesShown);
    const more = breaches.length - shown.length;
    return shown.map((breach, i) => {
      const last = i === shown.length - 1 && more > 0;
      const said = { subject: leaf.subject, name: cleanText(breach.name, LIMITS.nameShown), ca, more };
      const message =
        breach.reason === "excluded"
          ? text(last ? "steps.pathValidation.nameConstraints.excludedMore" : "steps.pathValidation.nameConstraints.excluded", {
              ...said,
              subtree: subtreeShown(breach.subtrees[0] ?? ""),
            })
          : text(last ? "steps.pathValidation.nameConstraints.notPermittedMore" : "steps.pathValidation.nameConstraints.notPermitted", {
              ...said,
              permitted: listShown(breach.subtrees),
            });
      return violation(path, 0, "CERT_NAME_CONSTRAINTS", message, { constrainedBy: issuer.subject });
    });
  });
}

/** An excluded subtree as a message names it: cleaned server text, or "(every DNS name)" for the empty one. */
function subtreeShown(subtree: string): TextParamValue {
  return subtree === "" ? text("steps.pathValidation.nameConstraints.everyDnsName") : cleanText(subtree, LIMITS.nameShown);
}

/** Server text in a message: each entry cleaned, the first few named, the rest counted. */
function listShown(values: readonly string[]): TextParamValue {
  const shown = values.slice(0, LIMITS.listEntriesShown).map((value) => cleanText(value, LIMITS.nameShown));
  const more = values.length - shown.length;
  const list = shown.join(", ");
  return more > 0 ? text("steps.pathValidation.nameConstraints.listMore", { list, more }) : list;
}

function validityViolations(path: readonly PathCertificate[], position: number, now: Date): PathViolation[] {
  const cert = path[position]!;
  const who = whoIs(path, position);
  const issuer = position > 0;
  if (cert.notAfter < now) {
    const message = text(issuer ? "steps.pathValidation.validity.expiredIssuer" : "steps.pathValidation.validity.expired", {
      who,
      date: cert.notAfter.toISOString(),
    });
    return [violation(path, position, "CERT_EXPIRED", message)];
  }
  if (cert.notBefore > now) {
    const message = text(issuer ? "steps.pathValidation.validity.notYetValidIssuer" : "steps.pathValidation.validity.notYetValid", {
      who,
      date: cert.notBefore.toISOString(),
    });
    return [violation(path, position, "CERT_NOT_YET_VALID", message)];
  }
  return [];
}
