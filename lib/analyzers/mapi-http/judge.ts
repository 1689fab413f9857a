import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import { text, type LocalizedText, type TextParamValue } from "@/lib/engine/text";
import type { Details } from "@/lib/engine/types";
import { headerValues, type HttpResponse } from "@/lib/net/http";
import { offeredSchemes, offers } from "@/lib/net/http-auth";
import { cleanText, LIMITS } from "@/lib/net/limits";
import {
  connectError,
  connectErrorText,
  ENDPOINT_NAMES,
  exchangeProduct,
  parseResponseCode,
  readConnectResponse,
  readFrame,
  RESPONSE_CODES,
  responseCodeText,
  type MapiEndpoint,
  type MapiFrame,
} from "./protocol";
import { AUTH_METHOD_NAMES, type AuthMethod } from "../fields";
import { judgeUnanswered } from "../steps/credential-outcome";
import type { CredentialExchange } from "../steps/credentials";
import type { NtlmServerIdentity } from "../steps/ntlm-challenge";

/** Pure judgements of what the MAPI over HTTP endpoints answered: facts in, findings out. */

/** Two sentences, each a catalogue text ending in a period. */
function sentences(first: LocalizedText, then: LocalizedText | undefined): LocalizedText {
  return then ? text("steps.mapiHttp.sentences", { first, then }) : first;
}

/** "Methods found: …": the schemes the server offered (its own words), or "none". */
function methodsFound(schemes: string[]): TextParamValue {
  return schemes.length > 0 ? schemes.join(", ") : text("steps.common.none");
}

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

function serverSentence(facts: Details): LocalizedText | undefined {
  const application = facts.serverApplication;
  if (typeof application !== "string") return undefined;
  const product = facts.exchangeVersion;
  return typeof product === "string"
    ? text("steps.mapiHttp.authMethods.serverProduct", { application, product })
    : text("steps.mapiHttp.authMethods.server", { application });
}

function identitySentence(identity: NtlmServerIdentity | undefined): LocalizedText | undefined {
  const computer = identity?.dnsComputer ?? identity?.netbiosComputer;
  if (!identity || computer === undefined) return undefined;
  const domain = identity.dnsDomain ?? identity.netbiosDomain;
  return domain === undefined
    ? text("steps.mapiHttp.authMethods.identity", { computer })
    : text("steps.mapiHttp.authMethods.identityDomain", { computer, domain });
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
    return error("HTTP_UNEXPECTED_STATUS", text("steps.mapiHttp.authMethods.notFound"), details);
  }
  if (response.status >= 200 && response.status < 300) {
    const code = server.responseCode;
    return warning(
      "HTTP_UNEXPECTED_STATUS",
      typeof code === "string"
        ? text("steps.mapiHttp.authMethods.anonymousCode", { endpoint: name, status, code })
        : text("steps.mapiHttp.authMethods.anonymous", { endpoint: name, status }),
      details,
    );
  }
  if (response.status !== 401) {
    return error("HTTP_UNEXPECTED_STATUS", text("steps.mapiHttp.authMethods.unexpected", { endpoint: name, status }), details);
  }
  const found = methodsFound(schemes);
  // What the server says about itself, after the verdict: " The server identifies itself as … Its NTLM challenge names …"
  const about = (verdict: LocalizedText) => sentences(sentences(verdict, serverSentence(server)), identitySentence(identity));
  const wanted = AUTH_METHOD_NAMES[method];
  if (offers(schemes, wanted)) return ok(about(text("steps.mapiHttp.authMethods.methodFound", { method: wanted, found })), details);
  if (method === "ntlm" && offers(schemes, "Negotiate")) {
    return warning("HTTP_AUTH_METHOD_MISSING", about(text("steps.mapiHttp.authMethods.negotiateOnly", { found })), details);
  }
  return error("HTTP_AUTH_METHOD_MISSING", about(text("steps.mapiHttp.authMethods.methodMissing", { method: wanted, endpoint: name, found })), details);
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
  const frame = response.bodyTruncated ? tooLarge() : readFrame(response.body);
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
    return error("LOGIN_FAILED", text("steps.mapiHttp.connect.rejected", { method: facts.methodName }), details);
  }
  if (status !== 200) {
    return error(
      "HTTP_UNEXPECTED_STATUS",
      text("steps.mapiHttp.connect.unexpected", { status, statusText: cleanText(statusText, LIMITS.httpStatusText) }),
      details,
    );
  }
  if (responseCode === undefined) {
    return error("HTTP_UNEXPECTED_STATUS", text("steps.mapiHttp.connect.noResponseCode"), details);
  }
  if (responseCode !== 0) {
    const known = RESPONSE_CODES[responseCode];
    const code = responseCodeText(responseCode);
    const refused = known
      ? text("steps.mapiHttp.connect.refusedMeaning", { code, meaning: text(known.meaning) })
      : text("steps.mapiHttp.connect.refused", { code });
    return error("HTTP_UNEXPECTED_STATUS", sentences(refused, responseCodeAdvice(responseCode)), details);
  }
  if (frame.kind === "unframed") {
    return warning("HTTP_UNEXPECTED_STATUS", text("steps.mapiHttp.connect.unframed", { reason: frame.reasonText }), {
      ...details,
      frame: frame.reason,
    });
  }
  details.metaTags = frame.metaTags;
  return judgeConnectBody(frame.body, details, facts, cookies);
}

function judgeConnectBody(body: Buffer, details: Details, facts: { methodName: string; userDn: UserDnSource }, cookies: string[]): Finding {
  const connect = readConnectResponse(body);
  if (connect.kind === "malformed") {
    return warning("HTTP_UNEXPECTED_STATUS", text("steps.mapiHttp.connect.malformed", { reason: connect.reasonText }), {
      ...details,
      connectBody: connect.reason,
    });
  }
  if (connect.kind === "failure") {
    return error("HTTP_UNEXPECTED_STATUS", text("steps.mapiHttp.connect.failed", { code: connectError(connect.statusCode) }), {
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
    const message = text("steps.mapiHttp.connect.mailboxFailed", { code: connectError(errorCode) });
    return facts.userDn === "empty"
      ? warning("HTTP_UNEXPECTED_STATUS", sentences(message, text("steps.mapiHttp.connect.userDnEmpty")), details)
      : error("HTTP_UNEXPECTED_STATUS", message, details);
  }
  if (cookies.length === 0) {
    return warning("HTTP_UNEXPECTED_STATUS", text("steps.mapiHttp.connect.noCookie"), details);
  }
  const method = facts.methodName;
  return ok(
    displayName
      ? text("steps.mapiHttp.connect.okFor", { method, displayName, cookies: cookies.join(", ") })
      : text("steps.mapiHttp.connect.ok", { method, cookies: cookies.join(", ") }),
    details,
  );
}

function responseCodeAdvice(code: number): LocalizedText | undefined {
  if (code === 16) return text("steps.mapiHttp.connect.endpointDisabled");
  if (code === 8) return text("steps.mapiHttp.connect.anonymousNotAllowed");
  return undefined;
}

/** A body cut at the size limit: no Connect response is that large. */
function tooLarge(): MapiFrame {
  const reason = text("steps.mapiHttp.frame.tooLarge", { bytes: LIMITS.httpBodyBytes });
  return { kind: "unframed", reason: reason.english, reasonText: reason };
}
