import { beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_POX_BYTES, MAX_POX_DEPTH, parsePoxResponse, poxRequest, type PoxResponse } from "@/lib/analyzers/steps/autodiscover/pox";
import type * as FastXmlParser from "fast-xml-parser";

// Counts every call into the XML library, to prove that a DTD is refused before any parsing.
const library = vi.hoisted(() => ({ calls: 0 }));
vi.mock("fast-xml-parser", async (importOriginal) => {
  const real = await importOriginal<typeof FastXmlParser>();
  class CountingParser extends real.XMLParser {
    override parse(xmlData: string | Uint8Array, validationOptions?: boolean | FastXmlParser.validationOptions): unknown {
      library.calls++;
      return validationOptions === undefined ? super.parse(xmlData) : super.parse(xmlData, validationOptions);
    }
  }
  const validate: typeof real.XMLValidator.validate = (...args) => {
    library.calls++;
    return real.XMLValidator.validate(...args);
  };
  return { ...real, XMLParser: CountingParser, XMLValidator: { validate } };
});

beforeEach(() => {
  library.calls = 0;
});

const OUTLOOK_REQUEST_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
const OUTLOOK_RESPONSE_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
const LEGACY_DN = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=0a1b2c3d4e5f-John Doe";

/** What Exchange 2016/2019 answers Outlook (abridged: the EcpUrl-* family cut to two). */
const EXCHANGE_2016 = `<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="${OUTLOOK_RESPONSE_SCHEMA}">
    <User>
      <DisplayName>John Doe</DisplayName>
      <LegacyDN>${LEGACY_DN}</LegacyDN>
      <AutoDiscoverSMTPAddress>john.doe@contoso.com</AutoDiscoverSMTPAddress>
      <DeploymentId>7f9c5d2a-1b3e-4c6d-8e9f-0a1b2c3d4e5f</DeploymentId>
    </User>
    <Account>
      <AccountType>email</AccountType>
      <Action>settings</Action>
      <MicrosoftOnline>False</MicrosoftOnline>
      <Protocol>
        <Type>EXCH</Type>
        <Server>3f6a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b@contoso.com</Server>
        <ServerDN>/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=3f6a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b@contoso.com</ServerDN>
        <ServerVersion>73C18880</ServerVersion>
        <MdbDN>/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=3f6a1c2e@contoso.com/cn=Microsoft Private MDB</MdbDN>
        <PublicFolderServer>mail.contoso.com</PublicFolderServer>
        <AD>dc1.contoso.com</AD>
        <ASUrl>https://mail.contoso.com/EWS/Exchange.asmx</ASUrl>
        <EwsUrl>https://mail.contoso.com/EWS/Exchange.asmx</EwsUrl>
        <EmwsUrl>https://mail.contoso.com/EWS/Exchange.asmx</EmwsUrl>
        <EcpUrl>https://mail.contoso.com/owa/</EcpUrl>
        <EcpUrl-um>?path=/options/callanswering</EcpUrl-um>
        <EcpUrl-photo>?path=/options/myaccount/action/photo</EcpUrl-photo>
        <OOFUrl>https://mail.contoso.com/EWS/Exchange.asmx</OOFUrl>
        <UMUrl>https://mail.contoso.com/EWS/UM2007Legacy.asmx</UMUrl>
        <OABUrl>https://mail.contoso.com/OAB/5c2d8f1e-3a4b-4c5d-8e6f-7a8b9c0d1e2f/</OABUrl>
        <ServerExclusiveConnect>off</ServerExclusiveConnect>
      </Protocol>
      <Protocol>
        <Type>EXPR</Type>
        <Server>mail.contoso.com</Server>
        <SSL>On</SSL>
        <AuthPackage>Ntlm</AuthPackage>
        <CertPrincipalName>msstd:mail.contoso.com</CertPrincipalName>
        <ASUrl>https://mail.contoso.com/EWS/Exchange.asmx</ASUrl>
        <EwsUrl>https://mail.contoso.com/EWS/Exchange.asmx</EwsUrl>
        <OABUrl>https://mail.contoso.com/OAB/5c2d8f1e-3a4b-4c5d-8e6f-7a8b9c0d1e2f/</OABUrl>
        <ServerExclusiveConnect>on</ServerExclusiveConnect>
        <EwsPartnerUrl>https://mail.contoso.com/EWS/Exchange.asmx</EwsPartnerUrl>
      </Protocol>
      <Protocol>
        <Type>WEB</Type>
        <Internal>
          <OWAUrl AuthenticationMethod="Basic, Fba">https://mail.contoso.com/owa/</OWAUrl>
          <Protocol>
            <Type>EXCH</Type>
            <ASUrl>https://mail.contoso.com/EWS/Exchange.asmx</ASUrl>
          </Protocol>
        </Internal>
        <External>
          <OWAUrl AuthenticationMethod="Fba">https://mail.contoso.com/owa/</OWAUrl>
          <Protocol>
            <Type>EXPR</Type>
            <ASUrl>https://mail.contoso.com/EWS/Exchange.asmx</ASUrl>
          </Protocol>
        </External>
      </Protocol>
      <Protocol Type="mapiHttp" Version="1">
        <MailStore>
          <InternalUrl>https://mail.contoso.com/mapi/emsmdb/?MailboxId=3f6a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b@contoso.com</InternalUrl>
          <ExternalUrl>https://mail.contoso.com/mapi/emsmdb/?MailboxId=3f6a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b@contoso.com</ExternalUrl>
        </MailStore>
        <AddressBook>
          <InternalUrl>https://mail.contoso.com/mapi/nspi/?MailboxId=3f6a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b@contoso.com</InternalUrl>
          <ExternalUrl>https://mail.contoso.com/mapi/nspi/?MailboxId=3f6a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b@contoso.com</ExternalUrl>
        </AddressBook>
      </Protocol>
    </Account>
  </Response>
</Autodiscover>`;

/** An outlook-schema answer around the given Account content. */
const account = (inner: string, user = "") =>
  `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">` +
  `<Response xmlns="${OUTLOOK_RESPONSE_SCHEMA}">${user}<Account>${inner}</Account></Response></Autodiscover>`;

function expectMalformed(result: PoxResponse, reason: RegExp): void {
  expect(result.kind).toBe("malformed");
  if (result.kind === "malformed") expect(result.reason).toMatch(reason);
}

describe("the POX request is the one Outlook sends", () => {
  it("asks for the outlook 2006a response schema for the address, with an XML declaration", () => {
    const body = poxRequest("john.doe@contoso.com");
    expect(body).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>/);
    expect(body).toContain(`<Autodiscover xmlns="${OUTLOOK_REQUEST_SCHEMA}"><Request>`);
    expect(body).toContain("<EMailAddress>john.doe@contoso.com</EMailAddress>");
    expect(body).toContain(`<AcceptableResponseSchema>${OUTLOOK_RESPONSE_SCHEMA}</AcceptableResponseSchema></Request></Autodiscover>`);
  });

  it("asks for the mobilesync schemas when told to", () => {
    const body = poxRequest("john.doe@contoso.com", "mobilesync");
    expect(body).toContain('<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006">');
    expect(body).toContain(
      "<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006</AcceptableResponseSchema>",
    );
  });

  it("escapes the address, so that an odd one can't change the request", () => {
    const body = poxRequest(`o'brien&"co"<x>@contoso.com`);
    expect(body).toContain("<EMailAddress>o&apos;brien&amp;&quot;co&quot;&lt;x&gt;@contoso.com</EMailAddress>");
    expect(body.match(/<EMailAddress>/g)).toHaveLength(1);
  });
});

describe("an Exchange 2016/2019 settings answer", () => {
  const result = parsePoxResponse(Buffer.from(EXCHANGE_2016));

  it("gives the user and the account as Exchange sent them", () => {
    expect(result).toMatchObject({
      kind: "settings",
      user: {
        displayName: "John Doe",
        legacyDN: LEGACY_DN,
        autoDiscoverSMTPAddress: "john.doe@contoso.com",
        deploymentId: "7f9c5d2a-1b3e-4c6d-8e9f-0a1b2c3d4e5f",
      },
      account: { accountType: "email", action: "settings" },
    });
  });

  it("lists the protocols in order, with their URLs", () => {
    if (result.kind !== "settings") throw new Error(`expected settings, got ${result.kind}`);
    expect(result.protocols.map((protocol) => protocol.type)).toEqual(["EXCH", "EXPR", "WEB", "mapiHttp"]);
    const [exch] = result.protocols;
    expect(exch).toMatchObject({
      type: "EXCH",
      server: "3f6a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b@contoso.com",
      serverVersion: "73C18880",
      publicFolderServer: "mail.contoso.com",
      ad: "dc1.contoso.com",
      asUrl: "https://mail.contoso.com/EWS/Exchange.asmx",
      ewsUrl: "https://mail.contoso.com/EWS/Exchange.asmx",
      ecpUrl: "https://mail.contoso.com/owa/",
      oofUrl: "https://mail.contoso.com/EWS/Exchange.asmx",
      umUrl: "https://mail.contoso.com/EWS/UM2007Legacy.asmx",
      oabUrl: "https://mail.contoso.com/OAB/5c2d8f1e-3a4b-4c5d-8e6f-7a8b9c0d1e2f/",
      other: { "EcpUrl-um": "?path=/options/callanswering", "EcpUrl-photo": "?path=/options/myaccount/action/photo", ServerExclusiveConnect: "off" },
    });
    expect(exch?.serverDN).toMatch(/^\/o=Contoso\/.*cn=Servers\/cn=3f6a1c2e/);
    expect(exch?.mdbDN).toMatch(/cn=Microsoft Private MDB$/);
  });

  it("reads Outlook Anywhere's server, SSL, authentication and certificate principal name", () => {
    if (result.kind !== "settings") throw new Error(`expected settings, got ${result.kind}`);
    expect(result.protocols[1]).toEqual({
      type: "EXPR",
      server: "mail.contoso.com",
      ssl: true,
      authPackage: "Ntlm",
      certPrincipalName: "msstd:mail.contoso.com",
      asUrl: "https://mail.contoso.com/EWS/Exchange.asmx",
      ewsUrl: "https://mail.contoso.com/EWS/Exchange.asmx",
      oabUrl: "https://mail.contoso.com/OAB/5c2d8f1e-3a4b-4c5d-8e6f-7a8b9c0d1e2f/",
      other: { ServerExclusiveConnect: "on", EwsPartnerUrl: "https://mail.contoso.com/EWS/Exchange.asmx" },
    });
  });

  it("reads the WEB protocol's internal and external OWA and EWS URLs", () => {
    if (result.kind !== "settings") throw new Error(`expected settings, got ${result.kind}`);
    expect(result.protocols[2]).toEqual({
      type: "WEB",
      internal: {
        owaUrls: [{ url: "https://mail.contoso.com/owa/", authenticationMethod: "Basic, Fba" }],
        protocols: [{ type: "EXCH", asUrl: "https://mail.contoso.com/EWS/Exchange.asmx" }],
      },
      external: {
        owaUrls: [{ url: "https://mail.contoso.com/owa/", authenticationMethod: "Fba" }],
        protocols: [{ type: "EXPR", asUrl: "https://mail.contoso.com/EWS/Exchange.asmx" }],
      },
    });
  });

  it("reads MAPI over HTTP, whose type and version are attributes", () => {
    if (result.kind !== "settings") throw new Error(`expected settings, got ${result.kind}`);
    expect(result.protocols[3]).toMatchObject({
      type: "mapiHttp",
      version: "1",
      mailStore: { internalUrl: expect.stringMatching(/^https:\/\/mail\.contoso\.com\/mapi\/emsmdb\/\?MailboxId=/) },
      addressBook: { externalUrl: expect.stringMatching(/^https:\/\/mail\.contoso\.com\/mapi\/nspi\/\?MailboxId=/) },
    });
  });

  it("reads the same answer from a string, UTF-16 with a byte-order mark, and with namespace prefixes", () => {
    expect(parsePoxResponse(EXCHANGE_2016)).toEqual(result);
    expect(parsePoxResponse(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EXCHANGE_2016, "utf16le")]))).toEqual(result);
    const prefixed = EXCHANGE_2016.replace(/<(\/?)(?=[A-Za-z])/g, "<$1a:").replace('<a:Autodiscover xmlns="', '<a:Autodiscover xmlns:a="');
    expect(prefixed).toContain("<a:CertPrincipalName>");
    expect(parsePoxResponse(prefixed)).toEqual(result);
  });

  it("types SSL Off and a port, and keeps values it can't type for the admin to see", () => {
    const result = parsePoxResponse(
      account(
        "<Action>settings</Action>" +
          "<Protocol><Type>EXHTTP</Type><Server>mail.contoso.com</Server><SSL>Off</SSL><Port>8443</Port></Protocol>" +
          "<Protocol><Type>EXHTTP</Type><Server>mail.contoso.com</Server><SSL>Maybe</SSL><Port>99999</Port></Protocol>",
      ),
    );
    expect(result).toMatchObject({
      kind: "settings",
      protocols: [
        { type: "EXHTTP", server: "mail.contoso.com", ssl: false, port: 8443 },
        { type: "EXHTTP", server: "mail.contoso.com", other: { SSL: "Maybe", Port: "99999" } },
      ],
    });
    if (result.kind === "settings") expect(result.protocols[1]).not.toHaveProperty("ssl");
  });

  it("decodes the predefined entities and character references once, and nothing more", () => {
    const result = parsePoxResponse(
      account("<Action>settings</Action>", "<User><DisplayName>Smith &amp; Co &#x41;&#66; &amp;lt;b&amp;gt;</DisplayName></User>"),
    );
    expect(result).toMatchObject({ kind: "settings", user: { displayName: "Smith & Co AB &lt;b&gt;" }, protocols: [] });
  });
});

describe("redirections and errors", () => {
  it("reads redirectAddr: ask again with another address", () => {
    const result = parsePoxResponse(
      account("<AccountType>email</AccountType><Action>redirectAddr</Action><RedirectAddr>john.doe@contoso.mail.onmicrosoft.com</RedirectAddr>"),
    );
    expect(result).toEqual({ kind: "redirectAddr", address: "john.doe@contoso.mail.onmicrosoft.com" });
  });

  it("reads redirectUrl: ask another Autodiscover URL", () => {
    const result = parsePoxResponse(
      account(
        "<AccountType>email</AccountType><Action>redirectUrl</Action><RedirectUrl>https://autodiscover.contoso.net/autodiscover/autodiscover.xml</RedirectUrl>",
      ),
    );
    expect(result).toEqual({ kind: "redirectUrl", url: "https://autodiscover.contoso.net/autodiscover/autodiscover.xml" });
  });

  it("calls a redirection without its target malformed, and names what's missing", () => {
    expectMalformed(parsePoxResponse(account("<Action>redirectAddr</Action><RedirectAddr/>")), /redirectAddr but <RedirectAddr> is missing or empty/);
    expectMalformed(parsePoxResponse(account("<Action>redirectUrl</Action>")), /redirectUrl but <RedirectUrl> is missing or empty/);
    expectMalformed(parsePoxResponse(account("<Action>dance</Action>")), /<Action> is "dance", not settings, redirectAddr or redirectUrl/);
  });

  it("reads Exchange's error 600 Invalid Request with its time and id", () => {
    const result = parsePoxResponse(`<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response>
    <Error Time="16:31:54.6907528" Id="2477272013">
      <ErrorCode>600</ErrorCode>
      <Message>Invalid Request</Message>
      <DebugData />
    </Error>
  </Response>
</Autodiscover>`);
    expect(result).toEqual({ kind: "error", errorCode: "600", message: "Invalid Request", time: "16:31:54.6907528", id: "2477272013" });
  });
});

describe("the mobilesync (ActiveSync) answer", () => {
  const mobilesync = (action: string) =>
    `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">` +
    `<Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006"><Culture>en:us</Culture>` +
    `<User><DisplayName>John Doe</DisplayName><EMailAddress>john.doe@contoso.com</EMailAddress></User><Action>${action}</Action></Response></Autodiscover>`;

  it("reads the ActiveSync URL", () => {
    const result = parsePoxResponse(
      mobilesync(
        "<Settings><Server><Type>MobileSync</Type><Url>https://mail.contoso.com/Microsoft-Server-ActiveSync</Url>" +
          "<Name>https://mail.contoso.com/Microsoft-Server-ActiveSync</Name></Server></Settings>",
      ),
    );
    expect(result).toEqual({
      kind: "settings",
      user: { displayName: "John Doe", emailAddress: "john.doe@contoso.com" },
      account: {},
      protocols: [
        {
          type: "MobileSync",
          url: "https://mail.contoso.com/Microsoft-Server-ActiveSync",
          other: { Name: "https://mail.contoso.com/Microsoft-Server-ActiveSync" },
        },
      ],
    });
  });

  it("reads its redirection and its error", () => {
    expect(parsePoxResponse(mobilesync("<Redirect>john.doe@contoso.mail.onmicrosoft.com</Redirect>"))).toEqual({
      kind: "redirectAddr",
      address: "john.doe@contoso.mail.onmicrosoft.com",
    });
    expect(
      parsePoxResponse(mobilesync("<Error><Status>1</Status><Message>The email address can't be found.</Message><DebugData>UserMailbox</DebugData></Error>")),
    ).toEqual({
      kind: "error",
      errorCode: "1",
      message: "The email address can't be found.",
      debugData: "UserMailbox",
    });
  });
});

describe("anything else is malformed, with a reason an admin can act on", () => {
  it("says when the body is empty, not XML, or an HTML page", () => {
    expectMalformed(parsePoxResponse(Buffer.alloc(0)), /the response body is empty/);
    expectMalformed(parsePoxResponse("  \r\n "), /the response body is empty/);
    expectMalformed(parsePoxResponse('{"error":"not found"}'), /the response is not XML: it starts with "\{"error":"not found"\}"/);
    expectMalformed(
      parsePoxResponse("<!DOCTYPE html>\n<html><head><title>Outlook</title></head><body>Sign in</body></html>"),
      /an HTML page, not Autodiscover XML/,
    );
    expectMalformed(
      parsePoxResponse("<html><body><h1>Server Error in '/Autodiscover' Application.</h1><br></body></html>"),
      /an HTML page, not Autodiscover XML/,
    );
  });

  it("says when the XML was cut short or is broken", () => {
    const truncated = EXCHANGE_2016.slice(0, EXCHANGE_2016.indexOf("<Type>EXPR</Type>"));
    expectMalformed(parsePoxResponse(truncated), /ends before its elements are closed: the response was cut short/);
    expectMalformed(parsePoxResponse("<Autodiscover><Response></Response>"), /cut short/);
    expectMalformed(parsePoxResponse("<Autodiscover><Response><User></Response></Autodiscover>"), /not well-formed XML: .*'User'.*\(line 1, column \d+\)/);
    expectMalformed(parsePoxResponse("<Autodiscover/><Autodiscover/>"), /doesn't have exactly one root element/);
  });

  it("says when it's XML but not an Autodiscover answer", () => {
    expectMalformed(
      parsePoxResponse('<?xml version="1.0"?><soap:Envelope xmlns:soap="urn:x"><soap:Body/></soap:Envelope>'),
      /the root element is <Envelope>, not <Autodiscover>/,
    );
    expectMalformed(parsePoxResponse("<Autodiscover><Request><EMailAddress>a@b.c</EMailAddress></Request></Autodiscover>"), /<Autodiscover> has no <Response>/);
    expectMalformed(
      parsePoxResponse("<Autodiscover><Response><User><DisplayName>x</DisplayName></User></Response></Autodiscover>"),
      /has no <Account>, <Action> or <Error>/,
    );
  });
});

describe("hostile answers can't hurt", () => {
  it("refuses a billion-laughs bomb before the parser sees it", () => {
    const lols = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("");
    const bomb = `<?xml version="1.0"?><!DOCTYPE Autodiscover [<!ENTITY lol0 "lol">${lols}]><Autodiscover><Response><User><DisplayName>&lol9;</DisplayName></User><Account/></Response></Autodiscover>`;
    const result = parsePoxResponse(bomb);
    expectMalformed(result, /has a DTD \(<!DOCTYPE> or <!ENTITY>\).*refused without parsing/);
    expect(JSON.stringify(result)).not.toContain("lollol");
    expect(library.calls).toBe(0);
  });

  it("refuses external entities (XXE), and a lone ENTITY declaration, without reading them", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE Autodiscover SYSTEM "file:///etc/passwd"><Autodiscover><Response><User><DisplayName>&xxe;</DisplayName></User></Response></Autodiscover>`;
    const internal = `<?xml version="1.0"?><!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Autodiscover><Response><User><DisplayName>&xxe;</DisplayName></User></Response></Autodiscover>`;
    for (const body of [xxe, internal, "<Autodiscover><!ENTITY x 'y'></Autodiscover>", "<!doctype autodiscover><Autodiscover/>"]) {
      const result = parsePoxResponse(body);
      expectMalformed(result, /has a DTD/);
      expect(JSON.stringify(result)).not.toMatch(/root:/);
    }
    expect(library.calls).toBe(0);
  });

  it(`refuses a body larger than ${MAX_POX_BYTES / 1024} KiB, as bytes or as a string`, () => {
    const padding = `<!--${"x".repeat(MAX_POX_BYTES)}-->`;
    const big = EXCHANGE_2016.replace("<Account>", `<Account>${padding}`);
    expectMalformed(parsePoxResponse(Buffer.from(big)), new RegExp(`larger than 256 KiB \\(${Buffer.byteLength(big)} bytes\\)`));
    expectMalformed(parsePoxResponse(big), /larger than 256 KiB/);
    // Characters are not bytes: 100 000 "é" are 200 000 bytes, under the cap; 150 000 are over it.
    expect(parsePoxResponse(account("<Action>settings</Action>", `<User><DisplayName>${"é".repeat(100_000)}</DisplayName></User>`)).kind).toBe("settings");
    expectMalformed(parsePoxResponse(`<Autodiscover>${"é".repeat(150_000)}</Autodiscover>`), /larger than 256 KiB/);
    expect(library.calls).toBe(2);
  });

  it(`accepts ${MAX_POX_DEPTH} levels of elements and refuses one more`, () => {
    const nested = (depth: number) => `<Autodiscover>${"<x>".repeat(depth - 1)}${"</x>".repeat(depth - 1)}</Autodiscover>`;
    expectMalformed(parsePoxResponse(nested(MAX_POX_DEPTH)), /<Autodiscover> has no <Response>/);
    expectMalformed(parsePoxResponse(nested(MAX_POX_DEPTH + 1)), new RegExp(`nests elements deeper than ${MAX_POX_DEPTH} levels`));
    expectMalformed(parsePoxResponse(nested(20_000)), /deeper than/);
  });

  it("replaces control and bidi characters, drops markup inside a value, and truncates a long one", () => {
    const result = parsePoxResponse(
      account(
        "<Action>settings</Action><Protocol><Type>EXPR</Type><Server>mail\u001b[31m.contoso.com&#x7;</Server>" +
          "<CertPrincipalName>msstd:\u202Emoc.liam</CertPrincipalName><AuthPackage>&lt;script&gt;alert(1)&lt;/script&gt;</AuthPackage></Protocol>",
        `<User><DisplayName>Mallory<script>alert(1)</script></DisplayName><LegacyDN>${"A".repeat(5000)}</LegacyDN></User>`,
      ),
    );
    if (result.kind !== "settings") throw new Error(`expected settings, got ${result.kind}`);
    expect(result.protocols[0]).toMatchObject({ server: "mail\uFFFD[31m.contoso.com\uFFFD", certPrincipalName: "msstd:\uFFFDmoc.liam" });
    // Escaped markup is only text (the page escapes it); a real <script> element makes the value not a POX value at all.
    expect(result.protocols[0]?.authPackage).toBe("<script>alert(1)</script>");
    expect(result.user).not.toHaveProperty("displayName");
    expect(JSON.stringify(result.user)).not.toContain("alert");
    expect(result.user.legacyDN).toMatch(/^A{1024}… \(truncated, 5000 characters\)$/);
  });

  it("can't be made to pollute a prototype or to throw", () => {
    const protoNames = account("<Action>settings</Action><Protocol><Type>EXPR</Type><x:__proto__ xmlns:x='u'><polluted>1</polluted></x:__proto__></Protocol>");
    expect(parsePoxResponse(protoNames).kind).toBe("malformed");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expectMalformed(
      parsePoxResponse(account("<Action>settings</Action><Protocol><Type>EXPR</Type><constructor>c</constructor></Protocol>")),
      /"constructor" is a reserved JavaScript keyword/,
    );
    // The library renames the lesser ones; the value stays visible and the object keeps working.
    const renamed = parsePoxResponse(account("<Action>settings</Action><Protocol><Type>EXPR</Type><toString>t</toString></Protocol>"));
    if (renamed.kind !== "settings") throw new Error(`expected settings, got ${renamed.kind}`);
    expect(Object.values(renamed.protocols[0]?.other ?? {})).toEqual(["t"]);
    expect(String(renamed.protocols[0]?.other)).toBe("[object Object]");
    for (const body of [
      "<",
      "<<<>>>",
      "<Autodiscover",
      "<?xml",
      "\u0000\u0001",
      "<a b='>",
      "<Autodiscover><Response><Account><Protocol/></Account></Response></Autodiscover>",
    ]) {
      expect(() => parsePoxResponse(body)).not.toThrow();
    }
  });
});
