import "server-only";
import { trustStore } from "@/lib/cert/trust-store";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import { resolveHost } from "@/lib/net/dns";
import { headerValues, HttpSession } from "@/lib/net/http";
import { MTA_STS_POLICY_PATH } from "@/lib/net/mail/mta-sts";
import { checkHostName, checkTarget } from "@/lib/net/target";
import { connectTarget } from "@/lib/net/tcp";
import { tlsHandshake } from "@/lib/net/tls";
import type { PolicyFetch } from "./judge";

/**
 * Fetches https://mta-sts.<domain>/.well-known/mta-sts.txt as a sending server does: the name resolved and checked
 * against the target policy, port 443, and a strict TLS handshake (RFC 8461 §3.3 requires a valid certificate for
 * the name; a sender ignores a policy it can't fetch that way). Redirects aren't followed (§3.3). Never throws a
 * verdict: a failure is returned as a fact for the judge.
 */
export async function fetchStsPolicy(domain: string): Promise<PolicyFetch> {
  const host = `mta-sts.${domain}`;
  const { RCA_TIMEOUT_MS: timeoutMs } = env();
  let http: HttpSession | undefined;
  try {
    checkHostName(host);
    const target = checkTarget(await resolveHost(host));
    http = new HttpSession(
      host,
      async () => {
        const connection = await connectTarget(target, 443, timeoutMs);
        const session = await tlsHandshake(connection.socket, { servername: host, timeoutMs, alpn: ["http/1.1"], trust: trustStore().openssl, strict: true });
        return session.socket;
      },
      timeoutMs,
    );
    const response = await http.request({ method: "GET", path: MTA_STS_POLICY_PATH });
    return {
      status: response.status,
      contentType: headerValues(response, "content-type")[0],
      body: response.body.toString("utf8"),
      truncated: response.bodyTruncated,
    };
  } catch (cause) {
    if (!(cause instanceof ProblemError)) throw cause;
    return { failure: { problem: cause.problem, message: cause.text ?? cause.message } };
  } finally {
    http?.close();
  }
}
