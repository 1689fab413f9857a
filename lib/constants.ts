/** Constants several modules share: each defined here once. */

export const DAY_MS = 86_400_000;

/** The SQLite file used when RCA_DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = "file:./data/rca.sqlite";

/** The human page of a stored result: the permalink an admin pastes into a ticket. */
export function permalinkPath(id: string): string {
  return `/r/${encodeURIComponent(id)}`;
}

const TLS_VERSION_LABELS: Readonly<Record<string, string>> = {
  SSLv2: "SSL 2.0",
  SSLv3: "SSL 3.0",
  TLSv1: "TLS 1.0",
  "TLSv1.1": "TLS 1.1",
  "TLSv1.2": "TLS 1.2",
  "TLSv1.3": "TLS 1.3",
};

/** "TLSv1.2" → "TLS 1.2", as admins read them. */
export function tlsVersionLabel(version: string): string {
  return TLS_VERSION_LABELS[version] ?? version;
}

/** The versions current Outlook, Windows and Microsoft 365 clients need one of. */
export const MODERN_TLS_VERSIONS: ReadonlySet<string> = new Set(["TLSv1.2", "TLSv1.3"]);

/** Protocol versions current clients refuse (RFC 8996), as Node names them. */
export const OBSOLETE_TLS_VERSIONS: ReadonlySet<string> = new Set(["SSLv2", "SSLv3", "TLSv1", "TLSv1.1"]);

/** What a client is told when the analyzer itself failed; the cause is logged, never echoed. */
export const INTERNAL_ERROR_MESSAGE = "Internal error. The analyzer's log has the details.";

/**
 * DNS block lists the outbound SMTP test asks by default (RCA_DNSBL_ZONES overrides): widely used by receiving
 * servers. Spamhaus answers 127.255.255.x ("query refused") through large public resolvers; the test says so.
 */
export const DEFAULT_DNSBL_ZONES = ["zen.spamhaus.org", "bl.spamcop.net", "b.barracudacentral.org", "psbl.surriel.com", "bl.mailspike.net"] as const;
