/**
 * The fake Autodiscover endpoint and HTTP redirect, checked with Node's own clients (not the analyzer's), so a bug
 * in the fake can't hide behind a matching bug in the code under test.
 */
import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { md4 } from "@/lib/net/md4";
import {
  AUTODISCOVER_PATH,
  autodiscoverHandler,
  errorXml,
  httpRedirectHandler,
  httpRedirectLoopHandler,
  outlookRequestXml,
  oversizedXml,
  settingsXml,
  type AutodiscoverHandler,
} from "../support/autodiscover-server";
import { chainPem, createTestPki, type TestPki } from "../support/pki";
import { startHttpsServer, startPlainHttpServer, type RunningHttpServer, type RunningHttpsServer } from "../support/servers";

const HOST = "127.0.80.1";
const NAME = "autodiscover.contoso.test";
const EMAIL = "alice@contoso.test";
const PASSWORD = "Passw0rd!";
const PRINCIPAL = "msstd:mail.contoso.test";

let pki: TestPki;
let handler: AutodiscoverHandler;
let endpoint: RunningHttpsServer;
let redirect: RunningHttpServer;
let loop: RunningHttpServer;

beforeAll(async () => {
  pki = await createTestPki();
  const leaf = await pki.issueLeaf({ commonName: NAME, dnsNames: [NAME], ipAddresses: [HOST] });
  handler = autodiscoverHandler({
    accounts: { "CONTOSO\\alice": PASSWORD },
    respond: (email) => settingsXml({ displayName: "Alice Jones", email, exprServer: "mail.contoso.test", exprCertPrincipalName: PRINCIPAL }),
  });
  endpoint = await startHttpsServer({ host: HOST, chain: chainPem(leaf, pki.intermediate), key: leaf.keyPem, handler });
  redirect = await startPlainHttpServer({ host: HOST, handler: httpRedirectHandler(endpoint.url(AUTODISCOVER_PATH)) });
  loop = await startPlainHttpServer({ host: HOST, handler: httpRedirectLoopHandler() });
}, 60_000);

afterAll(async () => {
  await Promise.all([endpoint?.close(), redirect?.close(), loop?.close()]);
  await pki?.cleanup();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  wwwAuthenticate: string[];
  body: string;
}

function call(o: {
  port: number;
  tls: boolean;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  agent?: http.Agent;
}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const options: https.RequestOptions = {
      host: HOST,
      port: o.port,
      method: o.method ?? "POST",
      path: o.path ?? AUTODISCOVER_PATH,
      headers: {
        Host: NAME,
        ...(o.body !== undefined ? { "Content-Type": "text/xml", "Content-Length": String(Buffer.byteLength(o.body)) } : {}),
        ...o.headers,
      },
      agent: o.agent ?? false,
      ...(o.tls ? { servername: NAME, ca: pki.root.certPem } : {}),
    };
    const req = (o.tls ? https : http).request(options, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => {
        const wwwAuthenticate = res.rawHeaders.filter((_, i, a) => i % 2 === 1 && a[i - 1]!.toLowerCase() === "www-authenticate");
        resolve({ status: res.statusCode ?? 0, headers: res.headers, wwwAuthenticate, body });
      });
    });
    req.on("error", reject);
    req.end(o.body);
  });
}

const post = (o: { headers?: Record<string, string>; path?: string; agent?: http.Agent } = {}) =>
  call({ port: endpoint.port, tls: true, body: outlookRequestXml(EMAIL), ...o });
const basic = (user: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` });

/** Exactly what a parser sees; `isArray` keeps repeated elements (Protocol) as arrays. */
function parse(xml: string): Record<string, unknown> {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "Protocol" }).parse(xml) as Record<string, unknown>;
}

describe("fake Autodiscover endpoint", () => {
  it("asks for credentials like IIS: 401 with the methods, wrong password 401, other paths 404", async () => {
    const anonymous = await post();
    expect(anonymous.status).toBe(401);
    expect(anonymous.wwwAuthenticate).toEqual(["Negotiate", "NTLM", `Basic realm="${NAME}"`]);
    expect(anonymous.headers.server).toBe("Microsoft-IIS/10.0");
    expect((await call({ port: endpoint.port, tls: true, method: "GET" })).status).toBe(401);
    expect((await post({ headers: basic("CONTOSO\\alice", "wrong") })).status).toBe(401);
    expect((await post({ path: "/owa/" })).status).toBe(404);
    expect(endpoint.requests.slice(0, 2).every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it("answers Basic with the settings XML (path case-insensitive), and an authenticated GET with error 600", async () => {
    const answer = await post({ path: "/Autodiscover/Autodiscover.xml", headers: basic("contoso\\ALICE", PASSWORD) });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("text/xml; charset=utf-8");
    const account = (parse(answer.body).Autodiscover as { Response: { Account: { Action: string; Protocol: Array<Record<string, unknown>> } } }).Response
      .Account;
    expect(account.Action).toBe("settings");
    expect(account.Protocol.find((p) => p.Type === "EXPR")?.CertPrincipalName).toBe(PRINCIPAL);
    expect(handler.emailAddresses).toContain(EMAIL);

    const get = await call({ port: endpoint.port, tls: true, method: "GET", headers: basic("CONTOSO\\alice", PASSWORD) });
    expect(get.status).toBe(200);
    expect((parse(get.body).Autodiscover as { Response: { Error: { ErrorCode: number } } }).Response.Error.ErrorCode).toBe(600);
  });

  it("answers NTLM (negotiate, challenge, authenticate on one connection) with the settings XML", async () => {
    const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
    const connections = endpoint.connections;
    try {
      const challenge = await post({ agent, headers: { Authorization: `NTLM ${NTLM_NEGOTIATE.toString("base64")}` } });
      expect(challenge.status).toBe(401);
      const type2 = Buffer.from(challenge.wwwAuthenticate[0]!.replace(/^NTLM /, ""), "base64");
      const authenticated = await post({
        agent,
        headers: { Authorization: `NTLM ${ntlmAuthenticate(type2, "alice", "CONTOSO", PASSWORD).toString("base64")}` },
      });
      expect(authenticated.status).toBe(200);
      expect(authenticated.body).toContain(`<CertPrincipalName>${PRINCIPAL}</CertPrincipalName>`);
      const wrong = await post({ agent, headers: { Authorization: `NTLM ${ntlmAuthenticate(type2, "alice", "CONTOSO", "wrong").toString("base64")}` } });
      expect(wrong.status).toBe(401);
      expect(endpoint.connections).toBe(connections + 1);
    } finally {
      agent.destroy();
    }
  });

  it("builders: an error with Time/Id, CertPrincipalName absent on null, padding to an exact size", () => {
    const error = parse(errorXml(500, "The e-mail address cannot be found.")).Autodiscover as { Response: { Error: Record<string, unknown> } };
    expect(error.Response.Error).toMatchObject({
      ErrorCode: 500,
      Message: "The e-mail address cannot be found.",
      "@_Time": expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{7}$/),
    });
    expect(settingsXml({ displayName: "A", email: EMAIL, exprServer: "mail.contoso.test", exprCertPrincipalName: null })).not.toContain("CertPrincipalName");
    const big = oversizedXml(100_000);
    expect(Buffer.byteLength(big)).toBe(100_000);
    parse(big);
  });
});

describe("HTTP redirect method", () => {
  it("answers GET with 302 and the Location; the loop variant points back at itself", async () => {
    const answer = await call({ port: redirect.port, tls: false, method: "GET" });
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe(endpoint.url(AUTODISCOVER_PATH));
    const again = await call({ port: loop.port, tls: false, method: "GET", headers: { Host: `autodiscover.contoso.test:${loop.port}` } });
    expect(again.status).toBe(302);
    expect(again.headers.location).toBe(`http://autodiscover.contoso.test:${loop.port}${AUTODISCOVER_PATH}`);
    expect((await call({ port: redirect.port, tls: false, method: "GET", path: "/" })).status).toBe(404);
    expect(redirect.requests.map((r) => r.method)).toEqual(["GET", "GET"]);
  });
});

// A minimal NTLMv2 client, independent of lib/net/ntlm.ts (only the MD4 primitive is shared, as the verifier does).

const NTLM_NEGOTIATE = Buffer.concat([Buffer.from("NTLMSSP\0", "latin1"), Buffer.from([1, 0, 0, 0, 0x07, 0x82, 0x08, 0xa2]), Buffer.alloc(16)]);

function ntlmAuthenticate(type2: Buffer, user: string, domain: string, password: string): Buffer {
  const utf16 = (text: string) => Buffer.from(text, "utf16le");
  const hmac = (key: Buffer, ...parts: Buffer[]) => parts.reduce((h, p) => h.update(p), createHmac("md5", key)).digest();
  const targetInfo = type2.subarray(type2.readUInt32LE(44), type2.readUInt32LE(44) + type2.readUInt16LE(40));
  const timestamp = Buffer.alloc(8);
  timestamp.writeBigUInt64LE(BigInt(Date.now()) * 10_000n + 116_444_736_000_000_000n);
  const blob = Buffer.concat([Buffer.from([1, 1, 0, 0, 0, 0, 0, 0]), timestamp, randomBytes(8), Buffer.alloc(4), targetInfo, Buffer.alloc(4)]);
  const responseKey = hmac(md4(utf16(password)), utf16(user.toUpperCase() + domain));
  const fields = [
    Buffer.alloc(0),
    Buffer.concat([hmac(responseKey, type2.subarray(24, 32), blob), blob]),
    utf16(domain),
    utf16(user),
    utf16("WS01"),
    Buffer.alloc(0),
  ];
  const header = Buffer.alloc(64);
  Buffer.from("NTLMSSP\0", "latin1").copy(header);
  header.writeUInt32LE(3, 8);
  let offset = header.length;
  fields.forEach((field, i) => {
    header.writeUInt16LE(field.length, 12 + i * 8);
    header.writeUInt16LE(field.length, 14 + i * 8);
    header.writeUInt32LE(offset, 16 + i * 8);
    offset += field.length;
  });
  header.writeUInt32LE(0xa2088205, 60); // UNICODE | REQUEST_TARGET | NTLM | EXTENDED_SESSIONSECURITY | 128 …
  return Buffer.concat([header, ...fields]);
}
