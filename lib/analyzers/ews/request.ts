import type { HttpRequestOptions } from "@/lib/net/http";
import { getFolderRequestXml } from "./soap";

/**
 * The request an EWS client sends: GetFolder of the Inbox as a SOAP POST, anonymous first, then with the
 * Authorization header the credential exchange builds. With a mailbox, X-AnchorMailbox routes it to that mailbox's
 * server, as Exchange 2013 and later expect from EWS clients.
 */
export function getFolderPost(path: string, mailbox?: string): (authorization?: string) => HttpRequestOptions {
  const body = getFolderRequestXml(mailbox);
  return (authorization) => ({
    method: "POST",
    path,
    headers: {
      "Content-Type": "text/xml; charset=utf-8",
      "Content-Length": String(Buffer.byteLength(body)),
      Accept: "text/xml",
      ...(mailbox === undefined ? {} : { "X-AnchorMailbox": mailbox }),
      ...(authorization ? { Authorization: authorization } : {}),
    },
    body,
  });
}
