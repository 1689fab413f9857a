import { findingText, info, ok, type Finding } from "@/lib/engine/finding";
import { isLocalized, text, type LocalizedText } from "@/lib/engine/text";
import { cleanText, LIMITS } from "@/lib/net/limits";
import { DEFAULT_PATHS } from "./protocol";
import { endpointText, parseHttpsUrl, type EndpointUrl } from "../steps/autodiscover/endpoint";
import type { PoxProtocol, PoxSettings } from "../steps/autodiscover/pox";

/** Where the two MAPI over HTTP endpoints are: typed in, handed out by Autodiscover, or guessed from its host. Pure. */

export interface MapiEndpoints {
  mailStore: EndpointUrl;
  addressBook: EndpointUrl;
  /** The mailbox's legacy DN (Autodiscover's User/LegacyDN), sent as the Connect request's UserDn; unknown without Autodiscover settings. */
  userDn?: string;
}

/** https://<host>/mapi/emsmdb/ and /mapi/nspi/, as Exchange publishes them. */
export function endpointsOnHost(host: string, port: number): MapiEndpoints {
  return { mailStore: { host, port, path: DEFAULT_PATHS.emsmdb }, addressBook: { host, port, path: DEFAULT_PATHS.nspi } };
}

/**
 * The endpoints Outlook would use after Autodiscover. Exchange lists MAPI over HTTP in a `mapiHttp` protocol (its
 * MailStore and AddressBook external URLs) only when it is enabled and the client says it speaks it; otherwise, or
 * without settings (no credentials), the analyzer tries /mapi/ on the Outlook Anywhere host or the Autodiscover host.
 */
export function endpointsFromAutodiscover(settings: PoxSettings | undefined, autodiscoverUrl: EndpointUrl): { endpoints: MapiEndpoints; finding: Finding } {
  const userDn = settings?.user.legacyDN;
  const withDn = (endpoints: MapiEndpoints): MapiEndpoints => (userDn === undefined ? endpoints : { ...endpoints, userDn });
  const mapi = settings?.protocols.find((protocol) => protocol.type.toLowerCase() === "mapihttp");
  const mailStoreText = mapi?.mailStore?.externalUrl;
  const mailStore = mailStoreText === undefined ? undefined : parseHttpsUrl(mailStoreText);
  if (mapi && mailStore) {
    const addressBookText = mapi.addressBook?.externalUrl;
    const addressBook = (addressBookText === undefined ? undefined : parseHttpsUrl(addressBookText)) ?? { ...mailStore, path: DEFAULT_PATHS.nspi };
    const shown = (url: EndpointUrl) => cleanText(endpointText(url), LIMITS.nameShown);
    return {
      endpoints: withDn({ mailStore, addressBook }),
      finding: ok(text("steps.mapiHttp.endpoints.found", { mailStore: shown(mailStore), addressBook: shown(addressBook) }), {
        mailStore: shown(mailStore),
        addressBook: shown(addressBook),
        version: mapi.version ?? "not given",
        userDn: userDn ? "from Autodiscover" : "unknown",
      }),
    };
  }
  const fallback = fallbackHost(settings, autodiscoverUrl);
  const endpoints = withDn(endpointsOnHost(fallback.host, fallback.port));
  const [mailStoreGuess, addressBookGuess] = [endpointText(endpoints.mailStore), endpointText(endpoints.addressBook)];
  return {
    endpoints,
    finding: info(
      text("steps.mapiHttp.endpoints.guessed", {
        why: whyNoMapiSettings(settings, mapi, mailStoreText),
        mailStore: mailStoreGuess,
        addressBook: addressBookGuess,
        server: fallback.whatText,
      }),
      { mailStore: mailStoreGuess, addressBook: addressBookGuess, source: fallback.what, userDn: userDn ? "from Autodiscover" : "unknown" },
    ),
  };
}

/** Why there are no MAPI over HTTP URLs to use: a sentence ending in a period. */
function whyNoMapiSettings(settings: PoxSettings | undefined, mapi: PoxProtocol | undefined, mailStoreText: string | undefined): LocalizedText {
  if (!settings) return text("steps.mapiHttp.endpoints.noSettings");
  if (!mapi) return text("steps.mapiHttp.endpoints.noMapiProtocol");
  if (mailStoreText === undefined) return text("steps.mapiHttp.endpoints.noExternalUrl");
  return text("steps.mapiHttp.endpoints.notHttps", { url: cleanText(mailStoreText, LIMITS.nameShown) });
}

/** The Outlook Anywhere host outside (EXHTTP, or EXPR before Exchange 2013) usually serves /mapi too; else the host Autodiscover answered on. */
function fallbackHost(settings: PoxSettings | undefined, autodiscoverUrl: EndpointUrl): { host: string; port: number; what: string; whatText: LocalizedText } {
  const outside = ["exhttp", "expr"]
    .map((type) => settings?.protocols.find((protocol) => protocol.type.toLowerCase() === type && protocol.server))
    .find((protocol) => protocol !== undefined);
  const server = outside?.server?.toLowerCase();
  // A server name from Autodiscover is hostile text: only a plain host name is used as one.
  if (server && /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(server) && server.length <= 253) {
    const whatText = text("steps.mapiHttp.endpoints.outlookAnywhereServer", { type: `${outside?.type}` });
    return { host: server, port: 443, what: whatText.english, whatText };
  }
  const whatText = text("steps.mapiHttp.endpoints.autodiscoverServer");
  return { host: autodiscoverUrl.host, port: autodiscoverUrl.port, what: whatText.english, whatText };
}

/**
 * With a server named as well as the mailbox: the paths Autodiscover gave (with their MailboxId), on that server. Lets
 * an admin test one server behind a load balancer with the mailbox's own URLs and legacy DN.
 */
export function onNamedServer(
  found: { endpoints: MapiEndpoints; finding: Finding },
  server: { host: string; port: number },
): { endpoints: MapiEndpoints; finding: Finding } {
  const move = (url: EndpointUrl): EndpointUrl => ({ ...url, host: server.host, port: server.port });
  const endpoints: MapiEndpoints = { ...found.endpoints, mailStore: move(found.endpoints.mailStore), addressBook: move(found.endpoints.addressBook) };
  const [mailStore = "", addressBook = ""] = [endpointText(endpoints.mailStore), endpointText(endpoints.addressBook)].map((url) =>
    cleanText(url, LIMITS.nameShown),
  );
  const { text: _previousText, ...previousFinding } = found.finding;
  const previous = findingText(found.finding);
  // The sentence before ends in a period, which a catalogue text passed as a param gives back to the template.
  const message = isLocalized(previous)
    ? text("steps.mapiHttp.endpoints.namedServer", { found: previous, host: server.host, mailStore, addressBook })
    : `${previous} As asked, they are tested on ${server.host} instead: ${mailStore} and ${addressBook}.`;
  return {
    endpoints,
    finding: {
      ...previousFinding,
      ...(isLocalized(message) ? { message: message.english, text: message } : { message }),
      details: { ...found.finding.details, testedOn: { mailStore, addressBook } },
    },
  };
}
