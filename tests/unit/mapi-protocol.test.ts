import { describe, expect, it } from "vitest";
import {
  connectErrorText,
  connectRequestBody,
  exchangeProduct,
  mapiHeaders,
  parseResponseCode,
  readConnectResponse,
  readFrame,
  responseCodeText,
} from "@/lib/analyzers/mapi-http/protocol";

/** MS-OXCMAPIHTTP encoding and decoding: what goes on the wire, and how hostile answers are read. */

const u32 = (...values: number[]) => Buffer.concat(values.map((value) => Buffer.from(Uint32Array.of(value).buffer)));

/** A Connect success body (2.2.4.1.2) built by hand: the five numbers, DnPrefix, DisplayName, AuxiliaryBufferSize and buffer. */
function successBody(o: { errorCode?: number; dnPrefix?: string; displayName?: string; aux?: Buffer } = {}): Buffer {
  const aux = o.aux ?? Buffer.alloc(0);
  return Buffer.concat([
    u32(0, o.errorCode ?? 0, 60_000, 6, 10_000),
    Buffer.from(`${o.dnPrefix ?? "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/"}\0`, "latin1"),
    Buffer.from(`${o.displayName ?? "Alice Smith"}\0`, "utf16le"),
    u32(aux.length),
    aux,
  ]);
}

describe("the Connect request body (MS-OXCMAPIHTTP 2.2.4.1.1)", () => {
  it("is the null-terminated ASCII UserDn, then Flags 0, code page 1252, LCIDs 1033 and no auxiliary buffer, little-endian", () => {
    const dn = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=alice";
    expect(connectRequestBody(dn).toString("hex")).toBe(
      Buffer.from(`${dn}\0`, "ascii").toString("hex") + "00000000" + "e4040000" + "09040000" + "09040000" + "00000000",
    );
  });

  it("is 21 bytes for an empty UserDn (a lone terminator and the five numbers)", () => {
    expect(connectRequestBody("").toString("hex")).toBe("00" + "00000000e40400000904000009040000" + "00000000");
  });

  it("never sends a byte outside printable ASCII, nor an early terminator, whatever the DN holds", () => {
    const body = connectRequestBody("/o=Contosö/cn=a\u0000b\r\n");
    expect(body.indexOf(0)).toBe(body.length - 21);
    expect(body.subarray(0, body.length - 21).toString("latin1")).toBe("/o=Contos?/cn=a?b??");
  });
});

describe("the request headers (MS-OXCMAPIHTTP 2.2.2.1)", () => {
  it("carry the request type, the client and request ids, Outlook as the client application and the MAPI content type", () => {
    const headers = mapiHeaders("Connect", { clientInfo: "{C1}:1", requestId: "{R1}:7" }, 21);
    expect(headers).toMatchObject({
      "Content-Type": "application/mapi-http",
      "Content-Length": "21",
      "X-RequestType": "Connect",
      "X-ClientInfo": "{C1}:1",
      "X-RequestId": "{R1}:7",
      "X-ClientApplication": expect.stringMatching(/^Outlook\/16\.0\.\d+\.\d+$/),
    });
    expect(Object.keys(headers).map((name) => name.toLowerCase())).not.toContain("authorization");
  });
});

describe("X-ResponseCode", () => {
  it("names the codes of MS-OXCMAPIHTTP 2.2.3.3.3, and shows others as numbers", () => {
    expect(responseCodeText(0)).toBe("0 (Success)");
    expect(responseCodeText(7)).toBe("7 (Missing Header)");
    expect(responseCodeText(12)).toBe("12 (Invalid Request Body)");
    expect(responseCodeText(16)).toBe("16 (Endpoint Disabled)");
    expect(responseCodeText(4242)).toBe("4242");
  });

  it("reads only plain decimal numbers", () => {
    expect(parseResponseCode(" 0 ")).toBe(0);
    expect(parseResponseCode("16")).toBe(16);
    for (const value of [undefined, "", "-1", "0x10", "1e3", "12abc", "99999999999"]) expect(parseResponseCode(value), String(value)).toBeUndefined();
  });
});

describe("the response framing (MS-OXCMAPIHTTP 2.2.2.2, 2.2.7)", () => {
  const binary = successBody();
  const framed = (head: string) => Buffer.concat([Buffer.from(head, "latin1"), binary]);

  it("reads the meta-tags, the additional headers and the binary body after the empty line", () => {
    const frame = readFrame(
      framed("PROCESSING\r\nPENDING\r\nPENDING\r\nDONE\r\nX-ResponseCode: 0\r\nX-ElapsedTime: 4\r\nX-StartTime: Fri, 27 Nov 2026 10:00:00 GMT\r\n\r\n"),
    );
    expect(frame).toEqual({
      kind: "framed",
      metaTags: ["PROCESSING", "PENDING", "PENDING", "DONE"],
      additionalHeaders: { "x-responsecode": "0", "x-elapsedtime": "4", "x-starttime": "Fri, 27 Nov 2026 10:00:00 GMT" },
      body: binary,
    });
  });

  it("keeps at most a few meta-tags of a long keep-alive, and ignores unknown additional headers", () => {
    const frame = readFrame(framed(`PROCESSING\r\n${"PENDING\r\n".repeat(500)}DONE\r\nX-Evil: <script>\r\n\r\n`));
    expect(frame.kind === "framed" && frame.metaTags.length).toBe(10);
    expect(frame.kind === "framed" && frame.additionalHeaders).toEqual({});
  });

  it("says what is wrong with a body that isn't framed, without throwing", () => {
    expect(readFrame(Buffer.from("<html><body>Sign in</body></html>"))).toMatchObject({
      kind: "unframed",
      reason: "it doesn't start with the PROCESSING meta-tag",
    });
    expect(readFrame(Buffer.from("PROCESSING\r\nPENDING\r\n"))).toMatchObject({ kind: "unframed", reason: "it ends before the DONE meta-tag" });
    expect(readFrame(Buffer.from("PROCESSING\r\nHELLO\u0007\r\n"))).toMatchObject({
      kind: "unframed",
      reason: 'it has "HELLO\uFFFD" where a meta-tag was expected',
    });
    expect(readFrame(Buffer.from("PROCESSING\r\nDONE\r\nX-ResponseCode: 0\r\n"))).toMatchObject({
      kind: "unframed",
      reason: expect.stringContaining("empty line"),
    });
    expect(readFrame(Buffer.from(`PROCESSING\r\nDONE\r\nX-Long: ${"y".repeat(1000)}\r\n\r\n`))).toMatchObject({ kind: "unframed" });
    expect(readFrame(Buffer.alloc(0))).toMatchObject({ kind: "unframed" });
  });
});

describe("the Connect response body (MS-OXCMAPIHTTP 2.2.4.1.2, 2.2.4.1.3)", () => {
  it("reads the success form", () => {
    expect(readConnectResponse(successBody({ aux: Buffer.from("aux!") }))).toEqual({
      kind: "success",
      statusCode: 0,
      errorCode: 0,
      maxPollingInterval: 60_000,
      maxRetryCount: 6,
      retryDelay: 10_000,
      dnPrefix: "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/",
      displayName: "Alice Smith",
      auxiliaryBufferSize: 4,
    });
  });

  it("reads the failure form: a non-zero StatusCode and the auxiliary buffer", () => {
    expect(readConnectResponse(u32(0x80004005, 0))).toEqual({ kind: "failure", statusCode: 0x80004005, auxiliaryBufferSize: 0 });
  });

  it("cleans the server's strings: control characters, and a display name that never ends stays within the body", () => {
    const read = readConnectResponse(successBody({ displayName: "Alice\u202e\u0007", dnPrefix: "/o=\u001b[31m" }));
    expect(read).toMatchObject({ kind: "success", displayName: "Alice\uFFFD\uFFFD", dnPrefix: "/o=\uFFFD[31m" });
  });

  it("refuses every truncation of a valid body, and lies about sizes, without throwing", () => {
    const whole = successBody({ aux: Buffer.alloc(8) });
    for (let length = 0; length < whole.length; length++) {
      expect(readConnectResponse(whole.subarray(0, length)).kind, `${length} bytes`).toBe("malformed");
    }
    const lying = Buffer.concat([u32(0, 0, 0, 0, 0), Buffer.from("\0"), Buffer.from("\0\0"), u32(0xffffffff)]);
    expect(readConnectResponse(lying)).toMatchObject({ kind: "malformed", reason: "the AuxiliaryBufferSize is missing or larger than the rest of the body" });
    expect(readConnectResponse(Buffer.concat([u32(5), u32(1000)]))).toMatchObject({ kind: "malformed" });
    expect(readConnectResponse(Buffer.from([1, 2]))).toMatchObject({ kind: "malformed", reason: "the body has 2 bytes, fewer than the 4 of its StatusCode" });
  });

  it("finds the UTF-16 terminator only at an even offset (a 0x00 0x00 straddling two characters isn't one)", () => {
    // "A" then U+0100 ("Ā"): the bytes 41 00 00 01 hold 00 00 at an odd offset.
    const body = Buffer.concat([u32(0, 0, 0, 0, 0), Buffer.from("\0"), Buffer.from("A\u0100\0", "utf16le"), u32(0)]);
    expect(readConnectResponse(body)).toMatchObject({ kind: "success", displayName: "A\u0100" });
  });
});

describe("names for what the server reports", () => {
  it("names the connect error codes an admin meets, and shows others in hexadecimal", () => {
    expect(connectErrorText(0)).toBe("0x00000000");
    expect(connectErrorText(0x3eb)).toMatch(/^0x000003EB \(ecUnknownUser/);
    expect(connectErrorText(0x12345)).toBe("0x00012345");
  });

  it("tells the Exchange version from X-ServerApplication", () => {
    expect(exchangeProduct("Exchange/15.02.1118.007")).toBe("Exchange Server 2019 or Subscription Edition");
    expect(exchangeProduct("Exchange/15.01.2507.039")).toBe("Exchange Server 2016");
    expect(exchangeProduct("Exchange/15.00.1497.048")).toBe("Exchange Server 2013");
    expect(exchangeProduct("Exchange/15.20.8158.017")).toBe("Exchange Online");
    expect(exchangeProduct("Exchange/14.03.0123.004")).toBeUndefined();
    expect(exchangeProduct("nginx")).toBeUndefined();
  });
});
