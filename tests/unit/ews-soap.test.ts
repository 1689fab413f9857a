import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { getFolderRequestXml, parseGetFolderResponse } from "@/lib/analyzers/ews/soap";
import { englishOf } from "@/lib/engine/text";
import { MAX_XML_BYTES as MAX_SOAP_BYTES, MAX_XML_DEPTH as MAX_SOAP_DEPTH } from "@/lib/net/xml";
import { EWS_BILLION_LAUGHS_XML, EWS_SIGN_IN_PAGE, ewsErrorXml, getFolderResponseXml, NOT_SOAP_XML, soapFaultXml } from "../support/ews-server";

/** EWS's SOAP: the GetFolder request, and a reader of the answer that treats every byte of it as hostile. */

const cutAfter = (text: string, marker: string) => text.slice(0, text.indexOf(marker) + marker.length);

describe("the GetFolder request", () => {
  it("asks for the Inbox with the default shape and the Exchange2013 schema, as well-formed XML", () => {
    const xml = getFolderRequestXml();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<t:RequestServerVersion Version="Exchange2013" />');
    expect(xml).toContain("<t:BaseShape>Default</t:BaseShape>");
    expect(xml).toContain('<t:DistinguishedFolderId Id="inbox"></t:DistinguishedFolderId>');
  });

  it("names the mailbox when there is one, escaped", () => {
    const xml = getFolderRequestXml(`o'brien&co<x>@contoso.com`);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("<t:Mailbox><t:EmailAddress>o&apos;brien&amp;co&lt;x&gt;@contoso.com</t:EmailAddress></t:Mailbox>");
  });
});

describe("reading the answer", () => {
  it("reads the folder, its counts and the server version", () => {
    expect(parseGetFolderResponse(getFolderResponseXml({ displayName: "Boîte de réception", totalCount: 1200, unreadCount: 0 }))).toEqual({
      kind: "message",
      responseClass: "Success",
      responseCode: "NoError",
      folder: { type: "Folder", displayName: "Boîte de réception", totalCount: 1200, unreadCount: 0, childFolderCount: 0 },
      serverVersion: { majorVersion: 15, minorVersion: 2, majorBuildNumber: 1118, minorBuildNumber: 7, version: "V2017_07_11" },
    });
  });

  it("reads an EWS error and a SOAP fault", () => {
    expect(parseGetFolderResponse(ewsErrorXml("ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it."))).toMatchObject({
      kind: "message",
      responseClass: "Error",
      responseCode: "ErrorNonExistentMailbox",
      messageText: "The SMTP address has no mailbox associated with it.",
    });
    expect(parseGetFolderResponse(soapFaultXml("ErrorSchemaValidation", "The request failed schema validation."))).toEqual({
      kind: "fault",
      faultCode: "a:ErrorSchemaValidation",
      faultString: "The request failed schema validation.",
      responseCode: "ErrorSchemaValidation",
      message: "The request failed schema validation.",
    });
  });

  it("decodes the predefined entities once, and makes control and bidi characters harmless", () => {
    const xml = getFolderResponseXml().replace(
      "<t:DisplayName>Inbox</t:DisplayName>",
      "<t:DisplayName>A &amp;lt;b&amp;gt; &#x202E;gpj.exe&#7;</t:DisplayName>",
    );
    const parsed = parseGetFolderResponse(xml);
    expect(parsed).toMatchObject({ kind: "message" });
    const name = parsed.kind === "message" ? parsed.folder?.displayName : undefined;
    expect(name).toBe("A &lt;b&gt; \uFFFDgpj.exe\uFFFD");
  });

  it("refuses a DTD before parsing: no entity is expanded", () => {
    const started = Date.now();
    expect(parseGetFolderResponse(EWS_BILLION_LAUGHS_XML)).toEqual({
      kind: "malformed",
      reason: "the XML has a DTD (<!DOCTYPE> or <!ENTITY>), which EWS never sends: refused without parsing",
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it.each([
    [EWS_SIGN_IN_PAGE, "the response is an HTML page, not a SOAP response"],
    [NOT_SOAP_XML, "the root element is <Autodiscover>, not a SOAP <Envelope>"],
    ["", "the response body is empty"],
    ["Service Unavailable", 'the response is not XML: it starts with "Service Unavailable"'],
    [cutAfter(getFolderResponseXml(), "<m:Folders>"), "the XML ends before its elements are closed: the response was cut short"],
    [
      getFolderResponseXml().replace('ResponseClass="Success"', 'ResponseClass="Maybe"'),
      'the response message\'s ResponseClass is "Maybe", not Success, Warning or Error',
    ],
    [
      `<s:Envelope xmlns:s="x"><s:Body><m:FindItemResponse xmlns:m="y"/></s:Body></s:Envelope>`,
      "the SOAP <Body> holds <FindItemResponse>, not a <GetFolderResponse>",
    ],
    [`<s:Envelope xmlns:s="x"><s:Header/></s:Envelope>`, "the SOAP <Envelope> has no <Body>"],
  ])("says why a body isn't an EWS answer (%#)", (body, reason) => {
    const parsed = parseGetFolderResponse(body);
    expect(parsed.kind).toBe("malformed");
    // The reasons of the SOAP reader are catalogue texts (steps.ews.soap), those of the XML reader plain English.
    expect(parsed.kind === "malformed" && englishOf(parsed.reason)).toBe(reason);
  });

  it("caps size and depth", () => {
    const huge = getFolderResponseXml().replace("</s:Envelope>", `<!-- ${"x".repeat(MAX_SOAP_BYTES)} --></s:Envelope>`);
    expect(parseGetFolderResponse(huge)).toMatchObject({ kind: "malformed", reason: expect.stringContaining("larger than") });
    const deep = `<s:Envelope xmlns:s="x"><s:Body>${"<a>".repeat(MAX_SOAP_DEPTH + 5)}${"</a>".repeat(MAX_SOAP_DEPTH + 5)}</s:Body></s:Envelope>`;
    expect(parseGetFolderResponse(deep)).toEqual({ kind: "malformed", reason: `the XML nests elements deeper than ${MAX_SOAP_DEPTH} levels` });
  });

  it("doesn't let element names reach object prototypes", () => {
    expect(parseGetFolderResponse(`<s:Envelope xmlns:s="x"><s:Body><__proto__><polluted>yes</polluted></__proto__></s:Body></s:Envelope>`)).toMatchObject({
      kind: "malformed",
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
