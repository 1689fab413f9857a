import "server-only";
import { env } from "@/lib/config/env";
import { ok, type Finding } from "@/lib/engine/finding";
import type { ResolvedAddress } from "@/lib/net/dns";
import { headerValues, HttpSession, type HttpResponse } from "@/lib/net/http";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { connectAddress } from "@/lib/net/tcp";
import { tlsHandshake } from "@/lib/net/tls";
import { urlHost } from "../steps/pinned-session";

/**
 * The JSON Autodiscover v2 endpoint current Outlook and Microsoft 365 use: anonymous GETs of
 * /autodiscover/autodiscover.json?Email=…&Protocol=…, answered with {"Protocol", "Url"}. Reported, not judged:
 * Exchange before 2019 CU1 has none.
 */

export const JSON_V2_PATH = "/autodiscover/autodiscover.json";
export const JSON_V2_PROTOCOLS = ["EWS", "ActiveSync"] as const;

export interface JsonV2Answer {
  protocol: string;
  status: number;
  url?: string;
  location?: string;
  /** Why the body couldn't be read as the expected JSON. */
  unreadable?: string;
}

/** One GET per protocol over fresh TLS connections to the checked address (no credentials: the endpoint is anonymous). */
export async function fetchJsonV2(host: string, address: ResolvedAddress, port: number, emailAddress: string): Promise<JsonV2Answer[]> {
  const { RCA_TIMEOUT_MS: timeoutMs } = env();
  const http = new HttpSession(
    urlHost(host, port),
    async () => (await tlsHandshake(await connectAddress(address, port, timeoutMs), { servername: host, timeoutMs, alpn: ["http/1.1"] })).socket,
    timeoutMs,
  );
  try {
    const answers: JsonV2Answer[] = [];
    for (const protocol of JSON_V2_PROTOCOLS) {
      const query = new URLSearchParams({ Email: emailAddress, Protocol: protocol });
      answers.push(
        readAnswer(protocol, await http.request({ method: "GET", path: `${JSON_V2_PATH}?${query.toString()}`, headers: { Accept: "application/json" } })),
      );
    }
    return answers;
  } finally {
    http.close();
  }
}

function readAnswer(protocol: string, response: HttpResponse): JsonV2Answer {
  const answer: JsonV2Answer = { protocol, status: response.status };
  const location = headerValues(response, "location")[0];
  if (location) answer.location = cleanText(location, LIMITS.nameShown);
  if (response.status !== 200) return answer;
  if (response.bodyTruncated) return { ...answer, unreadable: `larger than ${LIMITS.httpBodyBytes} bytes` };
  try {
    const parsed = JSON.parse(response.body.toString("utf8")) as unknown;
    const url = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>).Url : undefined;
    return typeof url === "string" ? { ...answer, url: cleanText(url, LIMITS.nameShown) } : { ...answer, unreadable: "no Url in the JSON answer" };
  } catch {
    return { ...answer, unreadable: "not JSON" };
  }
}

/** What the v2 endpoint said, per protocol; informational whatever it is. */
export function judgeJsonV2(endpoint: string, answers: JsonV2Answer[]): Finding {
  const lines = answers.map((answer) => {
    if (answer.url) return `${answer.protocol}: ${answer.url}`;
    if (answer.status >= 300 && answer.status < 400) return `${answer.protocol}: HTTP ${answer.status}, redirected to ${answer.location ?? "nowhere"}`;
    if (answer.status === 200) return `${answer.protocol}: an answer that couldn't be read (${answer.unreadable})`;
    return `${answer.protocol}: HTTP ${answer.status}`;
  });
  const details = { endpoint, answers };
  if (answers.some((answer) => answer.url)) return ok(`The JSON Autodiscover v2 endpoint ${endpoint} answers. ${lines.join("; ")}.`, details);
  return {
    status: "info",
    message: `The JSON Autodiscover v2 endpoint ${endpoint} gave no URL (${lines.join("; ")}). Exchange before 2019 CU1 has no such endpoint; current Outlook then uses the XML one tested above.`,
    details,
  };
}
