import "server-only";
import { env } from "@/lib/config/env";
import type { ResolvedAddress } from "@/lib/net/dns";
import { HttpSession, type HttpRequestOptions, type HttpResponse } from "@/lib/net/http";
import { connectAddress } from "@/lib/net/tcp";
import { poxRequest, type PoxSchema } from "./pox";
import { urlHost } from "../pinned-session";

/** Talks to Autodiscover endpoints as Outlook does and returns what they answered; ./judge.ts decides what that means. */

/** Where Outlook looks, in its order (MS-OXDSCLI 3.1.5). */
export const AUTODISCOVER_PATH = "/autodiscover/autodiscover.xml";

export interface EndpointUrl {
  host: string;
  port: number;
  path: string;
}

export function endpointText(url: EndpointUrl): string {
  return `https://${urlHost(url.host, url.port)}${url.path}`;
}

/** An https URL an Autodiscover answer or redirect points to; anything else (http, credentials in the URL) is refused. */
export function parseHttpsUrl(text: string): EndpointUrl | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" || url.username || url.password) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return { host, port: url.port ? Number(url.port) : 443, path: `${url.pathname}${url.search}` || AUTODISCOVER_PATH };
}

/** Outlook's POX request, with an Authorization header when one is given. */
export function poxPost(path: string, emailAddress: string, schema: PoxSchema = "outlook"): (authorization?: string) => HttpRequestOptions {
  const body = poxRequest(emailAddress, schema);
  return (authorization) => ({
    method: "POST",
    path,
    headers: {
      "Content-Type": "text/xml; charset=utf-8",
      "Content-Length": String(Buffer.byteLength(body)),
      // As Outlook 2016 and later: Exchange lists the mapiHttp protocol only for a client that says it speaks it.
      ...(schema === "outlook" ? { "X-MapiHttpCapability": "1" } : {}),
      ...(authorization ? { Authorization: authorization } : {}),
    },
    body,
  });
}

/** The HTTP redirect method: a plain-HTTP GET of http://autodiscover.<domain>/autodiscover/autodiscover.xml. */
export async function getHttpRedirect(host: string, address: ResolvedAddress, port: number): Promise<HttpResponse> {
  const { RCA_TIMEOUT_MS: timeoutMs } = env();
  const http = new HttpSession(urlHost(host, port, 80), () => connectAddress(address, port, timeoutMs), timeoutMs);
  try {
    return await http.request({ method: "GET", path: AUTODISCOVER_PATH });
  } finally {
    http.close();
  }
}
