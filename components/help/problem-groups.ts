import { PROBLEM_CODES, type ProblemCode } from "@/lib/problems";

export const HELP_GROUPS = ["DNS and network", "TLS and certificates", "Exchange and HTTP", "Autodiscover", "SMTP and mail", "Analyzer"] as const;
export type HelpGroup = (typeof HELP_GROUPS)[number];

const EXPLICIT: Partial<Record<ProblemCode, HelpGroup>> = {
  TARGET_FORBIDDEN: "DNS and network",
  CONNECTION_FAILED: "DNS and network",
  MUTUAL_AUTH_MISMATCH: "Exchange and HTTP",
  LOGIN_FAILED: "Exchange and HTTP",
  STARTTLS_MISSING: "SMTP and mail",
  PTR_MISSING: "SMTP and mail",
  PTR_MISMATCH: "SMTP and mail",
  DNSBL_LISTED: "SMTP and mail",
  SPF_MISSING: "SMTP and mail",
  INTERNAL_ERROR: "Analyzer",
};

const BY_PREFIX: Array<[string, HelpGroup]> = [
  ["DNS_", "DNS and network"],
  ["TCP_", "DNS and network"],
  ["TLS_", "TLS and certificates"],
  ["CERT_", "TLS and certificates"],
  ["HTTP_", "Exchange and HTTP"],
  ["AUTODISCOVER_", "Autodiscover"],
  ["SMTP_", "SMTP and mail"],
];

/** Where a problem code is listed on the help index; codes added later land by their prefix. */
export function helpGroupOf(code: ProblemCode): HelpGroup {
  return EXPLICIT[code] ?? BY_PREFIX.find(([prefix]) => code.startsWith(prefix))?.[1] ?? "Analyzer";
}

export function groupedProblemCodes(): Array<{ group: HelpGroup; codes: ProblemCode[] }> {
  return HELP_GROUPS.map((group) => ({ group, codes: PROBLEM_CODES.filter((code) => helpGroupOf(code) === group) })).filter(
    (entry) => entry.codes.length > 0,
  );
}
