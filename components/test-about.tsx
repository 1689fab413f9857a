import type { TestId } from "@/lib/analyzers/schemas";
import { NumberedList } from "./ui/numbered-list";

/** What each test does, step by step, in the words an administrator expects. */
const STEPS: Record<TestId, readonly string[]> = {
  "tls-certificate": [
    "Resolves the host name in DNS and opens the TCP port.",
    "Performs the TLS handshake and records the certificate chain exactly as the server sends it.",
    "Checks the name, the chain up to a trusted root, the validity dates, the key and signature strength and the server-authentication usage.",
    "Offers each TLS version alone to see which ones the server still accepts (TLS 1.0 and 1.1 are obsolete).",
  ],
  "outlook-anywhere": [
    "Resolves the RPC proxy server in DNS and opens the port.",
    "Validates the SSL certificate as Outlook does: name, chain and trust, dates, strength.",
    "Checks the client-certificate settings and the HTTP authentication methods the RPC proxy (/rpc/rpcproxy.dll) offers.",
    "Compares the certificate with the mutual authentication principal name.",
    "With credentials, pings the RPC proxy with the chosen method (Basic or NTLM).",
  ],
};

export function TestAbout({ testId }: { testId: TestId }) {
  const steps = STEPS[testId];
  return (
    <aside aria-labelledby="about-heading" className="rounded-lg border border-line bg-surface p-5 text-sm">
      <h2 id="about-heading" className="font-semibold text-ink">
        What this test does
      </h2>
      <NumberedList items={steps} size="sm" className="mt-3" itemClassName="text-ink-muted">
        {(step) => <span>{step}</span>}
      </NumberedList>
      <p className="mt-4 border-t border-line-subtle pt-3 text-ink-muted">
        Each step is shown as it runs. The result gets a permalink that stays available for a limited time.
      </p>
    </aside>
  );
}
