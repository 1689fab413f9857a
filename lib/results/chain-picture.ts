import type { ChainStatus } from "@/lib/cert/chain";
import type { Step } from "@/lib/engine/types";
import { isProblemCode } from "@/lib/problems";

/**
 * The chain picture's model: a stored `tls.certificate.trust` step turned into boxes, leaf first, then a "missing
 * issuer" box when the path stops short of a trusted root. Pure and browser-safe. Everything read from the step is
 * server text from a stored result (certificate names come from the remote server): only strings and numbers are
 * taken, cut to a length, and the component renders them as text. Results stored before a field existed give
 * boxes without it; results stored before the chain child steps existed are drawn from the trust step's `path`.
 */

export const TRUST_STEP_CODE = "tls.certificate.trust";
export const CHAIN_STEP_CODE = "tls.certificate.trust.chain";

/** Where a certificate of the path came from; "unknown" only for results that never recorded it. */
export type CertificateSource = "sent" | "trust-store" | "unknown";
export type CertificateRole = "leaf" | "intermediate" | "root";

export interface ChainPictureCertificate {
  kind: "certificate";
  role: CertificateRole;
  source: CertificateSource;
  /** With source "sent": the certificate's place in the chain as sent, from 1. */
  sentAs?: number;
  subject?: string;
  issuer?: string;
  /** ISO dates as stored. */
  notBefore?: string;
  notAfter?: string;
  /** "RSA 2048 bits", "EC 256 bits P-256". */
  key?: string;
  /** "SHA-256 with RSA". */
  signature?: string;
  thumbprintSha256?: string;
  /** Problem codes of the RFC 5280 rules broken at this certificate. */
  breaks: ChainPictureBreak[];
}

export interface ChainPictureBreak {
  code: string;
  /** A known problem code: it has (or may have) a help page. */
  known: boolean;
}

/** Why the path has no trusted issuer at its top. */
export type MissingReason = "issuer-not-found" | "self-signed" | "untrusted-root" | "bad-signature";

export interface ChainPictureMissing {
  kind: "missing";
  reason: MissingReason;
  /** The name of the issuer that wasn't found (issuer-not-found, bad-signature). */
  issuer?: string;
}

export interface ChainPicture {
  certificates: ChainPictureCertificate[];
  /** After the last certificate: the issuer that is neither sent nor in the trust store. */
  missing?: ChainPictureMissing;
  /** The chain status the analyzer recorded, when it did. */
  status?: ChainStatus;
  /** The colour of what is wrong: a trust step demoted to a warning ("Ignore trust for SSL") draws it as a warning. */
  tone: "warn" | "bad";
  /** Sent certificates that aren't on the path, by their place in the chain as sent. */
  unusedSent: number[];
}

const CHAIN_STATUSES = ["trusted", "self-signed", "untrusted-root", "incomplete", "bad-signature"] as const satisfies readonly ChainStatus[];
// Every chain status is listed above (the compiler says so if lib/cert/chain.ts adds one).
const allListed: Exclude<ChainStatus, (typeof CHAIN_STATUSES)[number]> extends never ? true : never = true;
void allListed;

const MISSING: Record<ChainStatus, MissingReason | undefined> = {
  trusted: undefined,
  incomplete: "issuer-not-found",
  "self-signed": "self-signed",
  "untrusted-root": "untrusted-root",
  "bad-signature": "bad-signature",
};

/** For results whose trust details say nothing of the chain: the problems that name a chain status unambiguously. */
const STATUS_OF_PROBLEM: Record<string, ChainStatus> = {
  CERT_CHAIN_INCOMPLETE: "incomplete",
  CERT_SELF_SIGNED: "self-signed",
  CERT_UNTRUSTED_ROOT: "untrusted-root",
};

/** Longest text kept from one field: the page truncates visually long before this. */
const MAX_TEXT = 1024;
const MAX_CERTIFICATES = 32;
const MAX_BREAKS = 16;
const MAX_UNUSED = 32;

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string" || value === "") return undefined;
  return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
}

function count(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 && value < 10_000 ? value : undefined;
}

function isChainStatus(value: unknown): value is ChainStatus {
  return typeof value === "string" && (CHAIN_STATUSES as readonly string[]).includes(value);
}

/** The chain status the trust step recorded (`validation.chain`, else `refusedFor`), else the one its problem names. */
export function chainStatusOf(step: Pick<Step, "details" | "problem">): ChainStatus | undefined {
  const details = step.details ?? {};
  const validation = isRecord(details.validation) ? details.validation : {};
  if (isChainStatus(validation.chain)) return validation.chain;
  if (isChainStatus(details.refusedFor)) return details.refusedFor;
  return step.problem ? STATUS_OF_PROBLEM[step.problem] : undefined;
}

/** Where a certificate came from, read from whichever record the result has: the child's details, the trust step's `path`, the child's English message. */
function sourceOf(details: Fields, pathEntry: Fields | undefined, message: string | undefined): { source: CertificateSource; sentAs?: number } {
  const sentAs = count(details.sentAs);
  if (details.source === "sent") return sentAs === undefined ? { source: "sent" } : { source: "sent", sentAs };
  if (details.source === "trust-store") return { source: "trust-store" };
  const recorded = typeof pathEntry?.source === "string" ? pathEntry.source : undefined;
  const sent = /^sent #(\d{1,4})$/.exec(recorded ?? "") ?? /sent by the server as certificate #(\d{1,4})/.exec(message ?? "");
  if (sent) return { source: "sent", sentAs: Number(sent[1]) };
  if (recorded === "trust store" || /from the trusted root store/.test(message ?? "")) return { source: "trust-store" };
  return { source: "unknown" };
}

function breaksOf(value: unknown): ChainPictureBreak[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((code): code is string => typeof code === "string" && code !== "")
    .slice(0, MAX_BREAKS)
    .map((code) => {
      const known = isProblemCode(code);
      return { code: known ? code : (text(code) ?? ""), known };
    });
}

/**
 * The picture of one trust step, or undefined when it recorded no path (skipped, or failed before building one).
 * Any other step gives undefined too.
 */
export function chainPicture(step: Step): ChainPicture | undefined {
  if (step.code !== TRUST_STEP_CODE) return undefined;
  const details = step.details ?? {};
  const path = Array.isArray(details.path) ? details.path.map((entry) => (isRecord(entry) ? entry : {})) : [];
  const children = step.children.filter((child) => child.code === CHAIN_STEP_CODE);
  // One record per certificate: the chain child steps when the result has them, else the trust step's `path`.
  const records: Array<{ details: Fields; message?: string }> =
    children.length > 0 ? children.map((child) => ({ details: child.details ?? {}, message: child.message })) : path.map(() => ({ details: {} }));
  if (records.length === 0) return undefined;

  const status = chainStatusOf(step);
  const shown = records.slice(0, MAX_CERTIFICATES);
  const last = shown.length - 1;
  const certificates = shown.map(({ details: cert, message }, index): ChainPictureCertificate => {
    const pathEntry = path[index];
    const subject = text(cert.subject) ?? text(pathEntry?.subject);
    const issuer = text(cert.issuer);
    const { source, sentAs } = sourceOf(cert, pathEntry, message);
    const optional = { subject, issuer, notBefore: text(cert.notBefore), notAfter: text(cert.notAfter) };
    const more = { key: text(cert.key), signature: text(cert.signature), thumbprintSha256: text(cert.thumbprintSha256) };
    return {
      kind: "certificate",
      role: roleOf(index, last, status, { subject, issuer, source }),
      source,
      ...(sentAs === undefined ? {} : { sentAs }),
      ...defined({ ...optional, ...more }),
      breaks: breaksOf(cert.breaks),
    };
  });

  const reason = status ? MISSING[status] : undefined;
  const top = certificates[certificates.length - 1];
  const missing: ChainPictureMissing | undefined = reason
    ? {
        kind: "missing",
        reason,
        ...((reason === "issuer-not-found" || reason === "bad-signature") && top?.issuer ? { issuer: top.issuer } : {}),
      }
    : undefined;
  const unused = Array.isArray(details.unusedSentCertificates) ? details.unusedSentCertificates : [];
  return {
    certificates,
    ...(missing ? { missing } : {}),
    ...(status ? { status } : {}),
    tone: step.status === "warning" ? "warn" : "bad",
    unusedSent: unused
      .map(count)
      .filter((n): n is number => n !== undefined)
      .slice(0, MAX_UNUSED),
  };
}

function roleOf(
  index: number,
  last: number,
  status: ChainStatus | undefined,
  cert: { subject?: string; issuer?: string; source: CertificateSource },
): CertificateRole {
  if (index === 0) return "leaf";
  if (index < last) return "intermediate";
  // The top of a longer path: a root when the path ends at one (trusted, or self-signed and untrusted).
  if (status === "trusted" || status === "untrusted-root") return "root";
  if (status !== undefined) return "intermediate";
  const selfIssued = cert.subject !== undefined && cert.subject === cert.issuer;
  return selfIssued || cert.source === "trust-store" ? "root" : "intermediate";
}

/** Drops the undefined fields (exactOptionalPropertyTypes-friendly, and tidy in tests). */
function defined<T extends Record<string, string | undefined>>(fields: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: string };
}

/** Every trust step of a result, depth first (one per certificate test: several in one Autodiscover or MX run). */
export function trustSteps(steps: readonly Step[]): Step[] {
  return steps.flatMap((step) => [...(step.code === TRUST_STEP_CODE ? [step] : []), ...trustSteps(step.children)]);
}
