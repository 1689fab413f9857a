import type { TestId } from "./schemas";

/** What the catalogue and forms show about each built test. Browser-safe. */
export interface TestInfo {
  id: TestId;
  title: string;
  group: TestGroup;
  summary: string;
}

export const TEST_GROUPS = ["Exchange Server", "Internet e-mail", "Certificates"] as const;
export type TestGroup = (typeof TEST_GROUPS)[number];

export const TEST_CATALOG = {
  "outlook-anywhere": {
    id: "outlook-anywhere",
    title: "Outlook Anywhere (RPC over HTTP)",
    group: "Exchange Server",
    summary: "Checks the RPC proxy's certificate, client-certificate settings, HTTP authentication methods and the msstd: mutual authentication principal Outlook uses.",
  },
  "tls-certificate": {
    id: "tls-certificate",
    title: "TLS certificate",
    group: "Certificates",
    summary: "Checks a server's certificate as a client sees it: name, chain and trust, dates, key and signature strength, server-authentication usage; and which TLS versions it accepts.",
  },
} as const satisfies Record<TestId, TestInfo>;

export function testInfo(id: string): TestInfo | undefined {
  return (TEST_CATALOG as Record<string, TestInfo>)[id];
}
