import "server-only";
import { env } from "@/lib/config/env";
import { info, ok, type Finding } from "@/lib/engine/finding";
import { text, type LocalizedText, type TextParamValue } from "@/lib/engine/text";
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
  if (response.bodyTruncated) return { ...answer, unreadable: unreadableReasons().tooLarge.english };
  try {
    const parsed = JSON.parse(response.body.toString("utf8")) as unknown;
    const url = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>).Url : undefined;
    return typeof url === "string" ? { ...answer, url: cleanText(url, LIMITS.nameShown) } : { ...answer, unreadable: unreadableReasons().noUrl.english };
  } catch {
    return { ...answer, unreadable: unreadableReasons().notJson.english };
  }
}

/** Why a 200 answer couldn't be read: the details keep the English, the message the catalogue text. */
function unreadableReasons(): Record<"tooLarge" | "noUrl" | "notJson", LocalizedText> {
  return {
    tooLarge: text("steps.autodiscover.json.unreadable.tooLarge", { bytes: LIMITS.httpBodyBytes }),
    noUrl: text("steps.autodiscover.json.unreadable.noUrl"),
    notJson: text("steps.autodiscover.json.unreadable.notJson"),
  };
}

/** The catalogue text of an answer's `unreadable`, or the English itself when it isn't one of ours. */
function unreadableText(reason: string | undefined): TextParamValue {
  return Object.values(unreadableReasons()).find((known) => known.english === reason) ?? String(reason);
}

/** Texts joined with "; ". */
function lines(items: readonly TextParamValue[]): TextParamValue {
  const [first, ...rest] = items;
  if (first === undefined) return "";
  return rest.length === 0 ? first : text("steps.autodiscover.json.lines", { first, rest: lines(rest) });
}

/** What the v2 endpoint said, per protocol; informational whatever it is. */
export function judgeJsonV2(endpoint: string, answers: JsonV2Answer[]): Finding {
  const said = lines(
    answers.map(({ protocol, status, url, location, unreadable }) => {
      if (url) return text("steps.autodiscover.json.answer.url", { protocol, url });
      if (status >= 300 && status < 400)
        return text("steps.autodiscover.json.answer.redirected", { protocol, status, location: location ?? text("steps.autodiscover.post.nowhere") });
      if (status === 200) return text("steps.autodiscover.json.answer.unreadable", { protocol, reason: unreadableText(unreadable) });
      return text("steps.autodiscover.json.answer.status", { protocol, status });
    }),
  );
  const details = { endpoint, answers };
  if (answers.some((answer) => answer.url)) return ok(text("steps.autodiscover.json.answers", { endpoint, answers: said }), details);
  return info(text("steps.autodiscover.json.noUrl", { endpoint, answers: said }), details);
}
