import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import type { Details } from "@/lib/engine/types";
import { headerValues, type HttpResponse } from "@/lib/net/http";
import { offeredSchemes, offers } from "@/lib/net/http-auth";
import { cleanText, LIMITS } from "@/lib/net/limits";
import {
  connectErrorText,
  ENDPOINT_NAMES,
  exchangeProduct,
  parseResponseCode,
  readConnectResponse,
  readFrame,
  RESPONSE_CODES,
  responseCodeText,
  type MapiEndpoint,
} from "./protocol";
import { AUTH_METHOD_NAMES, type AuthMethod } from "../fields";
import { judgeUnanswered } from "../steps/credential-outcome";
import type { CredentialExchange } from "../steps/credentials";
import type { NtlmServerIdentity } from "../steps/ntlm-challenge";

/** Pure judgements of what the MAPI over HTTP endpoints answered: facts in, findings out. */

const ENABLE_MAPI =
  "Enable it with Set-OrganizationConfig -MapiHttpEnabled $true, and check the /mapi virtual directory: Get-MapiVirtualDirectory | Format-List *Url,*Authentication*.";

/** What an Exchange endpoint says about itself in the MAPI over HTTP headers, cleaned for display. */
export function serverFacts(response: HttpResponse): Details {
  const first = (name: string) => {
    const value = headerValues(response, name)[0];
    return value === undefined ? undefined : cleanText(value.trim(), LIMITS.headerValueShown);
  };
  const serverApplication = first("x-serverapplication");
  const product = serverApplication === undefined ? undefined : exchangeProduct(serverApplication);
  const responseCode = parseResponseCode(first("x-responsecode"));
  const requestType = first("x-requesttype");
  return {
    ...(serverApplication === undefined ? {} : { serverApplication }),
    ...(product === undefined ? {} : { exchangeVersion: product }),
    ...(requestType === undefined ? {} : { requestType }),
    ...(responseCode === undefined ? {} : { responseCode: responseCodeText(responseCode) }),
  };
}

function serverSentence(facts: Details): string {
  const application = facts.serverApplication;
  if (typeof application !== "string") return "";
  return ` The server identifies itself as ${application}${typeof facts.exchangeVersion === "string" ? ` (${facts.exchangeVersion})` : ""}.`;
}

function identitySentence(identity: NtlmServerIdentity | undefined): string {
  const computer = identity?.dnsComputer ?? identity?.netbiosComputer;
  if (!identity || computer === undefined) return "";
  const domain = identity.dnsDomain ?? identity.netbiosDomain;
  return ` Its NTLM challenge names the server ${computer}${domain === undefined ? "" : ` in ${domain}`}.`;
}

/** "Testing HTTP Authentication Methods for URL …": an anonymous request must get 401 with the chosen method offered. */
export function judgeMapiAuthMethods(facts: { response: HttpResponse; method: AuthMethod; endpoint: MapiEndpoint; identity?: NtlmServerIdentity }): Finding {
  const { response, method, endpoint, identity } = facts;
  const challenges = headerValues(response, "www-authenticate");
  const schemes = offeredSchemes(challenges);
  const server = serverFacts(response);
  const details: Details = {
    status: response.status,
    methodsFound: schemes,
    wwwAuthenticate: challenges.slice(0, LIMITS.listEntriesShown).map((value) => cleanText(value, LIMITS.headerValueShown)),
    ...server,
    ...(identity ? { serverIdentity: identity } : {}),
  };
  const name = ENDPOINT_NAMES[endpoint];
  const status = `HTTP ${response.status}${response.statusText ? ` ${cleanText(response.statusText, LIMITS.httpStatusText)}` : ""}`;
  if (response.status === 404) {
    return error(
      "HTTP_UNEXPECTED_STATUS",
      `The server answered 404 Not Found: MAPI over HTTP isn't enabled, or the /mapi virtual directory is missing. ${ENABLE_MAPI}`,
      details,
    );
  }
  if (response.status >= 200 && response.status < 300) {
    const code = typeof server.responseCode === "string" ? ` (X-ResponseCode ${server.responseCode})` : "";
    return warning(
      "HTTP_UNEXPECTED_STATUS",
      `The ${name} endpoint answered ${status}${code} to an anonymous request without asking for authentication; Exchange answers 401 with the authentication methods it accepts.`,
      details,
    );
  }
  if (response.status !== 401) {
    return error(
      "HTTP_UNEXPECTED_STATUS",
      `The ${name} endpoint answered ${status} instead of 401 Unauthorized with the authentication methods it accepts.`,
      details,
    );
  }
  const found = schemes.length > 0 ? schemes.join(", ") : "none";
  const about = `${serverSentence(server)}${identitySentence(identity)}`;
  const wanted = AUTH_METHOD_NAMES[method];
  if (offers(schemes, wanted)) return ok(`The analyzer found the expected authentication method ${wanted}. Methods found: ${found}.${about}`, details);
  if (method === "ntlm" && offers(schemes, "Negotiate")) {
    return warning(
      "HTTP_AUTH_METHOD_MISSING",
      `NTLM isn't offered on its own; Negotiate is, which falls back to NTLM for most clients. Methods found: ${found}.${about}`,
      details,
    );
  }
  return error(
    "HTTP_AUTH_METHOD_MISSING",
    `The authentication method ${wanted} isn't offered by the ${name} endpoint. Methods found: ${found}. Outlook uses the methods of Set-MapiVirtualDirectory -IISAuthenticationMethods.${about}`,
    details,
  );
}

/** The Set-Cookie names of a response (never the values: they are the session), at most LIMITS.listEntriesShown. */
export function cookieNames(response: HttpResponse): string[] {
  return headerValues(response, "set-cookie")
    .map((cookie) => cleanText(cookie.slice(0, Math.max(0, cookie.indexOf("="))).trim(), LIMITS.xmlName))
    .filter((name) => name !== "")
    .slice(0, LIMITS.listEntriesShown);
}

/** Where the Connect request's UserDn came from: Outlook sends the legacy DN Autodiscover gave it. */
export type UserDnSource = "autodiscover" | "empty";

const USER_DN_EMPTY =
  "The Connect request carried an empty user DN because no Autodiscover settings gave the mailbox's legacy DN: run the test with the e-mail address and credentials to connect as Outlook does.";

/** "Attempting to connect to the MAPI Mail Store endpoint …": the Connect request with the credentials, and what came back. */
export function judgeConnect(exchange: CredentialExchange, facts: { method: AuthMethod; scheme: string; userDn: UserDnSource }): Finding {
  const name = AUTH_METHOD_NAMES[facts.method];
  switch (exchange.kind) {
    case "no-challenge":
    case "malformed-challenge":
    case "connection-changed":
      return judgeUnanswered(exchange);
    case "answered":
      return judgeConnectResponse(exchange.response, { ...facts, methodName: name, serverDomain: exchange.serverDomain });
  }
}

function judgeConnectResponse(response: HttpResponse, facts: { methodName: string; scheme: string; userDn: UserDnSource; serverDomain?: string }): Finding {
  const { status, statusText } = response;
  const cookies = cookieNames(response);
  const frame = response.bodyTruncated
    ? ({ kind: "unframed", reason: `it is larger than ${LIMITS.httpBodyBytes} bytes, more than any Connect response needs` } as const)
    : readFrame(response.body);
  const framedCode = frame.kind === "framed" ? parseResponseCode(frame.additionalHeaders["x-responsecode"]) : undefined;
  const server = serverFacts(response);
  // The X-ResponseCode after DONE is the final word on a chunked answer; the HTTP header was written before processing ended.
  const responseCode = framedCode ?? parseResponseCode(headerValues(response, "x-responsecode")[0]);
  const details: Details = {
    status,
    method: facts.methodName,
    scheme: facts.scheme,
    ...(facts.serverDomain === undefined ? {} : { serverDomain: facts.serverDomain }),
    ...server,
    ...(responseCode === undefined ? {} : { responseCode: responseCodeText(responseCode) }),
    userDn: facts.userDn === "autodiscover" ? "the legacy DN from Autodiscover" : "empty",
    cookies,
    sessionCookies: { MapiContext: cookies.includes("MapiContext"), MapiSequence: cookies.includes("MapiSequence") },
  };
  if (status === 401) {
    return error(
      "LOGIN_FAILED",
      `The server rejected the supplied credentials (HTTP 401) with ${facts.methodName} authentication. Check the user name, the password, and that the account may use MAPI over HTTP (Get-CASMailbox <user> | Format-List MapiEnabled,MapiHttpEnabled).`,
      details,
    );
  }
  if (status !== 200) {
    return error(
      "HTTP_UNEXPECTED_STATUS",
      `After authentication the Mail Store endpoint answered HTTP ${status} ${cleanText(statusText, LIMITS.httpStatusText)} to the Connect request instead of 200.`,
      details,
    );
  }
  if (responseCode === undefined) {
    return error(
      "HTTP_UNEXPECTED_STATUS",
      "The server answered the Connect request with HTTP 200 but without an X-ResponseCode: something other than Exchange's MAPI over HTTP endpoint answered (a proxy, or another application on /mapi).",
      details,
    );
  }
  if (responseCode !== 0) {
    const known = RESPONSE_CODES[responseCode];
    return error(
      "HTTP_UNEXPECTED_STATUS",
      `The server accepted the credentials but refused the Connect request: X-ResponseCode ${responseCodeText(responseCode)}${known ? `, ${known.meaning}` : ""}.${responseCodeAdvice(responseCode)}`,
      details,
    );
  }
  if (frame.kind === "unframed") {
    return warning(
      "HTTP_UNEXPECTED_STATUS",
      `The server answered X-ResponseCode 0, but the response body isn't framed as MAPI over HTTP requires: ${frame.reason}.`,
      {
        ...details,
        frame: frame.reason,
      },
    );
  }
  details.metaTags = frame.metaTags;
  return judgeConnectBody(frame.body, details, facts, cookies);
}

function judgeConnectBody(body: Buffer, details: Details, facts: { methodName: string; userDn: UserDnSource }, cookies: string[]): Finding {
  const connect = readConnectResponse(body);
  if (connect.kind === "malformed") {
    return warning("HTTP_UNEXPECTED_STATUS", `The server answered X-ResponseCode 0, but its Connect response body can't be read: ${connect.reason}.`, {
      ...details,
      connectBody: connect.reason,
    });
  }
  if (connect.kind === "failure") {
    return error("HTTP_UNEXPECTED_STATUS", `The Connect request failed on the server: StatusCode ${connectErrorText(connect.statusCode)}.`, {
      ...details,
      statusCode: connectErrorText(connect.statusCode),
    });
  }
  const { errorCode, displayName, dnPrefix, maxPollingInterval, maxRetryCount, retryDelay } = connect;
  Object.assign(details, {
    statusCode: 0,
    errorCode: connectErrorText(errorCode),
    displayName,
    dnPrefix,
    maxPollingIntervalMs: maxPollingInterval,
    maxRetryCount,
    retryDelayMs: retryDelay,
  });
  if (errorCode !== 0) {
    const message = `The session was created, but opening the mailbox failed: ErrorCode ${connectErrorText(errorCode)}.`;
    return facts.userDn === "empty"
      ? warning("HTTP_UNEXPECTED_STATUS", `${message} ${USER_DN_EMPTY}`, details)
      : error("HTTP_UNEXPECTED_STATUS", message, details);
  }
  if (cookies.length === 0) {
    return warning(
      "HTTP_UNEXPECTED_STATUS",
      "The Connect request succeeded, but the server set no session cookie: Outlook couldn't send a second request in this session (a proxy in front of Exchange may strip Set-Cookie).",
      details,
    );
  }
  const who = displayName ? ` for ${displayName}` : "";
  return ok(
    `Successfully connected to the MAPI Mail Store endpoint with ${facts.methodName} authentication: X-ResponseCode 0, mailbox session${who} created (cookies ${cookies.join(", ")}).`,
    details,
  );
}

function responseCodeAdvice(code: number): string {
  if (code === 16)
    return ` MAPI over HTTP is turned off for this endpoint or mailbox: Set-OrganizationConfig -MapiHttpEnabled $true, Set-CASMailbox <user> -MapiHttpEnabled $true.`;
  if (code === 8)
    return " The request reached Exchange without the authenticated identity: check the authentication of the /mapi virtual directory and any proxy in front.";
  return "";
}
