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
  message: string;
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

/** "the server certificate", "the intermediate certificate" or "the root certificate", with its subject. */
export function describeCertificate(path: readonly PathCertificate[], position: number): string {
  const cert = path[position]!;
  const role = position === 0 ? "server" : position === path.length - 1 && cert.selfIssued ? "root" : "intermediate";
  return `the ${role} certificate "${cert.subject}"`;
}

function violation(
  path: readonly PathCertificate[],
  position: number,
  problem: PathProblem,
  message: string,
  extra: Partial<PathViolation> = {},
): PathViolation {
  return { problem, position, subject: path[position]!.subject, rule: PATH_RULES[problem], message, ...extra };
}

function issuerViolations(path: readonly PathCertificate[], position: number, options: PathValidationOptions): PathViolation[] {
  const issuer = path[position]!;
  const issued = `"${path[position - 1]!.subject}"`;
  const who = capitalize(describeCertificate(path, position));
  const found: PathViolation[] = [];

  const basic = issuer.basicConstraints;
  const legacyRoot =
    options.endsAtRoot && position === path.length - 1 && basic === null && (issuer.version1 || (issuer.keyUsage?.includes("keyCertSign") ?? false));
  if (!basic?.ca && !legacyRoot) {
    const why = basic ? "its Basic Constraints say CA=false" : "it has no Basic Constraints extension";
    found.push(
      violation(
        path,
        position,
        "CERT_ISSUER_NOT_CA",
        `${who} issued ${issued} but isn't a certification authority: ${why}. Only a certificate with Basic Constraints CA=true may issue certificates (RFC 5280 4.2.1.9), so clients refuse the chain.`,
      ),
    );
  }

  if (issuer.keyUsage && !issuer.keyUsage.includes("keyCertSign")) {
    found.push(
      violation(
        path,
        position,
        "CERT_ISSUER_KEY_USAGE",
        `${who} issued ${issued} but its Key Usage (${issuer.keyUsage.join(", ") || "none"}) doesn't include Certificate Signing (keyCertSign), which RFC 5280 4.2.1.3 requires of a key that signs certificates, so clients refuse the chain.`,
      ),
    );
  }

  const limit = basic?.ca ? basic.pathLength : undefined;
  if (limit !== undefined) {
    // RFC 5280 6.1.4(l): self-issued intermediates (key rollover) don't count towards the limit.
    const below = path.slice(1, position).filter((cert) => !cert.selfIssued);
    if (below.length > limit) {
      const allowed = limit === 0 ? "no intermediate CA" : `at most ${limit} intermediate CA${limit === 1 ? "" : "s"}`;
      const names = below.map((cert) => `"${cert.subject}"`).join(", ");
      found.push(
        violation(
          path,
          position,
          "CERT_PATH_LENGTH_EXCEEDED",
          `${who} allows ${allowed} below it (Basic Constraints path length ${limit}), but this path has ${below.length} below it: ${names}. Clients refuse the chain (RFC 5280 4.2.1.9; self-issued certificates don't count).`,
        ),
      );
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
      return [
        violation(
          path,
          0,
          "CERT_NAME_CONSTRAINTS",
          `${capitalize(ca)} has a Name Constraints extension that couldn't be read, so no name of the server certificate "${leaf.subject}" can be shown to be allowed (RFC 5280 4.2.1.10).`,
          { constrainedBy: issuer.subject },
        ),
      ];
    }
    // A hostile certificate can carry thousands of names and subtrees: a few breaches are named, the rest counted.
    const breaches = nameConstraintBreaches(leaf.names, constraints);
    const shown = breaches.slice(0, LIMITS.nameConstraintBreachesShown);
    const more = breaches.length - shown.length;
    return shown.map((breach, i) => {
      const why =
        breach.reason === "excluded"
          ? `in the subtree ${cleanText(breach.subtrees[0] ?? "", LIMITS.nameShown)} that ${ca} excludes`
          : `outside the names ${ca} may issue for (permitted: ${listShown(breach.subtrees)})`;
      const rest = i === shown.length - 1 && more > 0 ? ` ${more} more of its names break these constraints too.` : "";
      return violation(
        path,
        0,
        "CERT_NAME_CONSTRAINTS",
        `The server certificate "${leaf.subject}" has the name ${cleanText(breach.name, LIMITS.nameShown)}, which is ${why}. Clients refuse names that break a CA's name constraints (RFC 5280 4.2.1.10).${rest}`,
        { constrainedBy: issuer.subject },
      );
    });
  });
}

/** Server text in a message: each entry cleaned, the first few named, the rest counted. */
function listShown(values: readonly string[]): string {
  const shown = values.slice(0, LIMITS.listEntriesShown).map((value) => cleanText(value, LIMITS.nameShown));
  const more = values.length - shown.length;
  return `${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

function validityViolations(path: readonly PathCertificate[], position: number, now: Date): PathViolation[] {
  const cert = path[position]!;
  const who = capitalize(describeCertificate(path, position));
  const below = position === 0 ? "" : ": clients refuse every certificate it issued";
  if (cert.notAfter < now) return [violation(path, position, "CERT_EXPIRED", `${who} expired on ${cert.notAfter.toISOString()}${below}.`)];
  if (cert.notBefore > now) return [violation(path, position, "CERT_NOT_YET_VALID", `${who} isn't valid until ${cert.notBefore.toISOString()}${below}.`)];
  return [];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
