import { execFileSync } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { createSecureContext } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { autodiscoverHandler, settingsXml } from "../support/autodiscover-server";
import { requestsWithCredentials } from "../support/credentials-seen";
import { analyze, DOMAIN, problems, startLab, step, type Lab, type ScenarioServer } from "../support/lab";
import { ntlmResponder } from "../support/ntlm-server";
import { chainPem, type LeafOptions, type TestPki } from "../support/pki";
import { rpcProxyHandler, startHttpsServer, type RunningHttpsServer } from "../support/servers";
import type { IncomingMessage, ServerResponse } from "node:http";

const name = (label: string) => `${label}.${DOMAIN}`;
const PASSWORD = "Corr3ct-Horse!";
const ACCOUNTS = { "contoso\\alice": PASSWORD, alice: PASSWORD };
const ALL_METHODS = [`Basic realm="${name("mail")}"`, "NTLM", "Negotiate"];

interface RpcServerOptions {
  leaf?: LeafOptions;
  methods?: string[];
  requestCert?: boolean;
  rejectUnauthorized?: boolean;
  maxVersion?: "TLSv1.2" | "TLSv1.3";
  notFound?: boolean;
  handler?: (req: IncomingMessage, res: ServerResponse) => void;
  /** IIS Extended Protection "Require": NTLM must carry the channel bindings of this server's certificate. */
  extendedProtection?: boolean;
  /** A second certificate, served on every other connection (something in the path swapping certificates). */
  alternateLeaf?: boolean;
  /** Raw TLS settings of the server (ciphers, DH parameters…). */
  tls?: Record<string, unknown>;
}

/** 1024-bit finite-field DH parameters (Logjam-era servers): fine for OpenSSL at security level 0, refused at 2. */
function weakDhParams(): string {
  return execFileSync("openssl", ["dhparam", "1024"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
}

/** tls-server-end-point channel bindings, computed here independently of lib/net/ntlm.ts. */
function expectedChannelBindings(certPem: string): Buffer {
  const der = new X509Certificate(certPem).raw;
  const data = Buffer.concat([Buffer.from("tls-server-end-point:"), createHash("sha256").update(der).digest()]);
  const struct = Buffer.alloc(20);
  struct.writeUInt32LE(data.length, 16);
  return createHash("md5")
    .update(Buffer.concat([struct, data]))
    .digest();
}

/** An Exchange-like RPC proxy for `label`.contoso.test on its own loopback address. */
function rpcServer(label: string, octet: number, options: RpcServerOptions = {}): ScenarioServer {
  const host = name(label);
  return {
    name: host,
    address: `127.0.20.${octet}`,
    start: async (pki: TestPki, address: string) => {
      const leaf = await pki.issueLeaf({ commonName: host, dnsNames: [host], ...options.leaf });
      const channelBindings = options.extendedProtection ? expectedChannelBindings(leaf.certPem) : undefined;
      const rpc = rpcProxyHandler({
        methods: options.methods ?? ALL_METHODS,
        accounts: ACCOUNTS,
        onNtlm: ntlmResponder({ alice: PASSWORD }, { channelBindings }),
      });
      let tlsOptions: Record<string, unknown> = { ...options.tls };
      if (options.alternateLeaf) {
        const other = await pki.issueLeaf({ commonName: host, dnsNames: [host] });
        const contexts = [leaf, other].map((cert) => createSecureContext({ cert: chainPem(cert, pki.intermediate), key: cert.keyPem }));
        let served = 0;
        tlsOptions = {
          ...tlsOptions,
          SNICallback: (_name: string, callback: (error: Error | null, context: unknown) => void) => callback(null, contexts[served++ % 2]),
        };
      }
      return startHttpsServer({
        tlsOptions,
        host: address,
        chain: options.leaf?.issuer === "self" ? chainPem(leaf) : chainPem(leaf, pki.intermediate),
        key: leaf.keyPem,
        requestCert: options.requestCert,
        rejectUnauthorized: options.rejectUnauthorized,
        maxVersion: options.maxVersion,
        handler: options.handler ?? (options.notFound ? (_req, res) => res.writeHead(404).end("Not Found") : rpc),
      });
    },
  };
}

const SCENARIOS = [
  rpcServer("mail", 1, { leaf: { dnsNames: [name("mail"), name("autodiscover")] } }),
  rpcServer("mail.wild", 2, { leaf: { commonName: `*.wild.${DOMAIN}`, dnsNames: [`*.wild.${DOMAIN}`] } }),
  rpcServer("basiconly", 3, { methods: [`Basic realm="${name("basiconly")}"`] }),
  rpcServer("negotiateonly", 4, { methods: ["Negotiate"] }),
  rpcServer("clientcert-accept", 5, { requestCert: true, rejectUnauthorized: false }),
  rpcServer("clientcert-require", 6, { requestCert: true, rejectUnauthorized: true }),
  rpcServer("clientcert-tls12", 7, { requestCert: true, rejectUnauthorized: false, maxVersion: "TLSv1.2" }),
  rpcServer("norpc", 8, { notFound: true }),
  rpcServer("selfsigned", 9, { leaf: { issuer: "self" } }),
  // Trusted chain, but issued for another name.
  rpcServer("wrongname", 16, { leaf: { commonName: name("elsewhere"), dnsNames: [name("elsewhere")] } }),
  // Hostile peers: an answer that never comes, one that drips forever, headers without end.
  rpcServer("epa", 13, { extendedProtection: true }),
  rpcServer("swapping", 14, { alternateLeaf: true }),
  // Autodiscover for oa.test (method 2), naming mail.contoso.test as the EXPR server, with the principal by address.
  {
    name: "autodiscover.oa.test",
    address: "127.0.20.17",
    start: async (pki: TestPki, address: string) => {
      const leaf = await pki.issueLeaf({ commonName: "autodiscover.oa.test", dnsNames: ["autodiscover.oa.test"] });
      const respond = (email: string) => {
        const local = email.split("@")[0];
        if (local === "noexpr") return settingsXml({ displayName: "No EXPR", email, exprServer: name("mail"), includeExpr: false });
        if (local === "wrongprincipal")
          return settingsXml({ displayName: "Alice", email, exprServer: name("mail"), exprCertPrincipalName: `msstd:owa.${DOMAIN}` });
        return settingsXml({ displayName: "Alice", email, exprServer: name("mail") });
      };
      return startHttpsServer({
        host: address,
        port: 443,
        chain: chainPem(leaf, pki.intermediate),
        key: leaf.keyPem,
        handler: autodiscoverHandler({ accounts: ACCOUNTS, respond }),
      });
    },
  },
  // TLS 1.2 with a trusted certificate, but only finite-field DH of 1024 bits: below what Outlook's TLS stack accepts.
  rpcServer("weakdh", 15, {
    leaf: { key: { type: "RSA", bits: 2048 } },
    maxVersion: "TLSv1.2",
    tls: { ciphers: "DHE-RSA-AES128-GCM-SHA256", dhparam: weakDhParams() },
  }),
  rpcServer("hang", 10, { handler: () => {} }),
  rpcServer("drip", 11, {
    handler: (_req, res) => {
      res.writeHead(401, { "WWW-Authenticate": "NTLM" });
      const timer = setInterval(() => res.write("x"), 100);
      res.on("close", () => clearInterval(timer));
    },
  }),
  rpcServer("hugeheaders", 12, {
    handler: (_req, res) => {
      for (let i = 0; i < 200; i++) res.setHeader(`X-Filler-${i}`, "y".repeat(500));
      res.writeHead(401, { "WWW-Authenticate": "NTLM" }).end();
    },
  }),
];

let lab: Lab;
beforeAll(async () => {
  lab = await startLab(SCENARIOS);
});
afterAll(async () => {
  await lab?.stop();
});

const run = (label: string, extra: Record<string, unknown> = {}) =>
  analyze({ test: "outlook-anywhere", host: name(label), port: lab.port(name(label)), ...extra });

describe("outlook-anywhere against a fake Exchange RPC proxy on loopback", () => {
  it("succeeds with the default msstd:<host> principal and lists every authentication method", async () => {
    const result = await run("mail");
    expect(problems(result)).toEqual([]);
    expect(result.verdict).toBe("success");
    expect(result.input.mutualAuthPrincipal).toBe(`msstd:${name("mail")}`);
    const methods = step(result, "rpc.auth-methods");
    expect(methods.title).toBe(
      `Testing HTTP Authentication Methods for URL https://${name("mail")}:${lab.port(name("mail"))}/rpc/rpcproxy.dll?${name("mail")}:6002.`,
    );
    expect(methods.details?.methodsFound).toEqual(["Basic", "NTLM", "Negotiate"]);
    // NTLM is offered: its CHALLENGE names the server that answered, decoded without sending any credential
    expect(methods.details?.ntlmServer).toMatchObject({
      targetName: "CONTOSO",
      netbiosDomain: "CONTOSO",
      dnsDomain: "contoso.test",
      dnsComputer: "mail.contoso.test",
    });
    expect(step(result, "rpc.mutual-auth").message).toBe(
      `Mutual authentication was verified successfully. Certificate common name ${name("mail")} matches msstd:${name("mail")}.`,
    );
    expect(step(result, "rpc.client-certificate").status).toBe("success");
    expect(step(result, "rpc.authenticate").status).toBe("skipped");
  });

  it("fails mutual authentication when the principal names another server, naming the one that would work", async () => {
    const result = await run("mail", { mutualAuthPrincipal: `msstd:${name("other")}` });
    expect(result.verdict).toBe("error");
    const mutual = step(result, "rpc.mutual-auth");
    expect(mutual.problem).toBe("MUTUAL_AUTH_MISMATCH");
    expect(mutual.message).toContain(`doesn't validate against the mutual authentication string that was provided: msstd:${name("other")}`);
    expect(mutual.message).toContain(`msstd:${name("mail")}`);
  });

  it("warns when the principal matches only a Subject Alternative Name", async () => {
    const result = await run("mail", { mutualAuthPrincipal: `msstd:${name("autodiscover")}` });
    expect(result.verdict).toBe("warning");
    expect(step(result, "rpc.mutual-auth")).toMatchObject({ status: "warning", problem: "MUTUAL_AUTH_MISMATCH" });
    expect(step(result, "rpc.mutual-auth").message).toContain("Windows Vista");
  });

  it("compares the principal literally: msstd:<host> does not match a wildcard certificate", async () => {
    const result = await run("mail.wild");
    expect(step(result, "tls.certificate.name").status).toBe("success");
    expect(step(result, "rpc.mutual-auth").message).toContain(
      `The certificate common name *.wild.${DOMAIN} doesn't validate against the mutual authentication string that was provided: msstd:${name("mail.wild")}`,
    );
  });

  it("matches msstd:*.domain against a wildcard certificate", async () => {
    const result = await run("mail.wild", { mutualAuthPrincipal: `msstd:*.wild.${DOMAIN}` });
    expect(step(result, "rpc.mutual-auth").status).toBe("success");
    expect(result.verdict).toBe("success");
  });

  it("flags the chosen method missing from WWW-Authenticate", async () => {
    const result = await run("basiconly", { authMethod: "ntlm" });
    expect(step(result, "rpc.auth-methods")).toMatchObject({ status: "error", problem: "HTTP_AUTH_METHOD_MISSING" });
    expect(step(result, "rpc.mutual-auth").status).toBe("success");
    const basic = await run("basiconly", { authMethod: "basic" });
    expect(step(basic, "rpc.auth-methods").status).toBe("success");
  });

  it("warns when NTLM is only reachable through Negotiate", async () => {
    const result = await run("negotiateonly", { authMethod: "ntlm" });
    expect(step(result, "rpc.auth-methods")).toMatchObject({ status: "warning", problem: "HTTP_AUTH_METHOD_MISSING" });
  });

  it("fails a server that requires a client certificate", async () => {
    const result = await run("clientcert-require");
    expect(step(result, "rpc.client-certificate")).toMatchObject({ status: "error", problem: "HTTP_CLIENT_CERT_REQUIRED" });
  });

  it.each(["clientcert-accept", "clientcert-tls12"])("warns about a server that asks for, but doesn't require, a client certificate (%s)", async (label) => {
    const result = await run(label);
    expect(step(result, "rpc.client-certificate")).toMatchObject({ status: "warning", problem: "HTTP_CLIENT_CERT_REQUIRED" });
    expect(step(result, "rpc.client-certificate").message).toContain("Accept");
    expect(step(result, "rpc.auth-methods").status).toBe("success");
  });

  it("reports a missing rpcproxy.dll as an unexpected status", async () => {
    const result = await run("norpc");
    expect(step(result, "rpc.auth-methods")).toMatchObject({ status: "error", problem: "HTTP_UNEXPECTED_STATUS" });
  });

  it("authenticates with Basic and NTLM, and reports rejected credentials, without ever storing them", async () => {
    const basic = await run("mail", { authMethod: "basic", username: "CONTOSO\\alice", password: PASSWORD });
    expect(step(basic, "rpc.authenticate").status).toBe("success");
    expect(step(basic, "rpc.authenticate").message).toContain("RPC Proxy was successfully pinged");
    // Outlook's own request: an RPC over HTTP echo (empty RPC_IN_DATA), not a GET.
    const server = lab.servers.get(name("mail")) as RunningHttpsServer;
    expect(server.requests.at(-1)).toMatchObject({ method: "RPC_IN_DATA", url: `/rpc/rpcproxy.dll?${name("mail")}:6002` });
    const ntlm = await run("mail", { authMethod: "ntlm", username: "CONTOSO\\alice", password: PASSWORD });
    expect(step(ntlm, "rpc.authenticate").status).toBe("success");
    expect(step(ntlm, "rpc.authenticate").details?.serverDomain).toBe("contoso.test");
    for (const method of ["basic", "ntlm"]) {
      const wrong = await run("mail", { authMethod: method, username: "CONTOSO\\alice", password: "wrong-password" });
      expect(step(wrong, "rpc.authenticate")).toMatchObject({ status: "error", problem: "LOGIN_FAILED" });
    }
    for (const result of [basic, ntlm]) {
      const json = JSON.stringify(result);
      expect(json).not.toContain(PASSWORD);
      expect(json).not.toContain("alice");
      expect(result.input.credentials).toBe("supplied (not stored)");
    }
  });

  it("skips the RPC proxy steps after a certificate error, and runs them with Ignore trust for SSL", async () => {
    const strict = await run("selfsigned");
    expect(step(strict, "rpc.auth-methods").status).toBe("skipped");
    expect(step(strict, "rpc.mutual-auth").status).toBe("skipped");
    const lenient = await run("selfsigned", { ignoreTrust: true });
    expect(lenient.verdict).toBe("warning");
    expect(step(lenient, "rpc.auth-methods").status).toBe("success");
    expect(step(lenient, "rpc.mutual-auth").status).toBe("success");
  });

  it.each(["hang", "drip"])("gives up on an RPC proxy that never finishes answering (%s) within the timeout", async (label) => {
    const started = Date.now();
    const result = await run(label);
    expect(step(result, "rpc.client-certificate")).toMatchObject({ status: "error", problem: "HTTP_TIMEOUT" });
    expect(step(result, "rpc.auth-methods").status).toBe("skipped");
    expect(step(result, "rpc.mutual-auth").status).toBe("success");
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it("refuses oversized HTTP headers with a clear failed step", async () => {
    const result = await run("hugeheaders");
    expect(step(result, "rpc.client-certificate")).toMatchObject({ status: "error", problem: "HTTP_UNEXPECTED_STATUS" });
    expect(step(result, "rpc.client-certificate").message).toContain("exceed");
  });

  it("sends NTLM under Negotiate when that is all the server offers", async () => {
    const result = await run("negotiateonly", { authMethod: "ntlm", username: "CONTOSO\\alice", password: PASSWORD });
    expect(step(result, "rpc.authenticate")).toMatchObject({ status: "success", details: expect.objectContaining({ scheme: "Negotiate" }) });
  });

  it("never sends credentials with a method the server doesn't offer", async () => {
    const server = lab.servers.get(name("negotiateonly")) as RunningHttpsServer;
    const before = server.requests.length;
    const result = await run("negotiateonly", { authMethod: "basic", username: "CONTOSO\\alice", password: PASSWORD });
    expect(step(result, "rpc.authenticate").status).toBe("skipped");
    expect(step(result, "rpc.authenticate").message).toContain("credentials weren't sent");
    expect(requestsWithCredentials(server.requests.slice(before))).toBe(0);
  });

  it("passes Extended Protection for Authentication: NTLM carries the TLS channel bindings", async () => {
    const result = await run("epa", { authMethod: "ntlm", username: "CONTOSO\\alice", password: PASSWORD });
    expect(step(result, "rpc.authenticate").status).toBe("success");
  });

  it("sends nothing over a connection that presents a different certificate from the one validated", async () => {
    const result = await run("swapping", { authMethod: "basic", username: "CONTOSO\\alice", password: PASSWORD });
    expect(step(result, "rpc.client-certificate")).toMatchObject({ status: "error", problem: "CONNECTION_FAILED" });
    expect(step(result, "rpc.client-certificate").message).toContain("different certificate");
    const server = lab.servers.get(name("swapping")) as RunningHttpsServer;
    expect(requestsWithCredentials(server.requests)).toBe(0);
  });

  it("never sends credentials after Ignore trust for SSL let an untrusted certificate through, and says why", async () => {
    const server = lab.servers.get(name("selfsigned")) as RunningHttpsServer;
    const before = server.requests.length;
    for (const authMethod of ["basic", "ntlm"]) {
      const result = await run("selfsigned", { ignoreTrust: true, authMethod, username: "CONTOSO\\alice", password: PASSWORD });
      expect(step(result, "rpc.auth-methods").status).toBe("success");
      const authenticate = step(result, "rpc.authenticate");
      expect(authenticate.status).toBe("skipped");
      expect(authenticate.message).toContain("credentials weren't sent");
      expect(authenticate.message).toContain("Ignore trust for SSL");
    }
    // The server saw the anonymous requests and NTLM NEGOTIATEs (to read its CHALLENGE), but no credentials.
    expect(server.requests.length).toBeGreaterThan(before);
    expect(server.requests.slice(before).some((request) => request.headers.authorization)).toBe(true);
    expect(requestsWithCredentials(server.requests.slice(before))).toBe(0);
  });

  it("never sends credentials to a trusted certificate for another name, even with Ignore trust for SSL", async () => {
    const server = lab.servers.get(name("wrongname")) as RunningHttpsServer;
    const before = server.requests.length;
    const result = await run("wrongname", { ignoreTrust: true, authMethod: "basic", username: "CONTOSO\\alice", password: PASSWORD });
    expect(step(result, "tls.certificate.name")).toMatchObject({ status: "warning", problem: "CERT_NAME_MISMATCH" });
    expect(step(result, "tls.certificate.trust").status).toBe("success");
    expect(step(result, "rpc.authenticate")).toMatchObject({ status: "skipped", message: expect.stringContaining("credentials weren't sent") });
    expect(server.requests.length).toBeGreaterThan(before);
    expect(requestsWithCredentials(server.requests.slice(before))).toBe(0);
  });

  it("never sends credentials over a connection below Outlook's default security (1024-bit DH), though the certificate is trusted", async () => {
    const server = lab.servers.get(name("weakdh")) as RunningHttpsServer;
    const before = server.requests.length;
    const result = await run("weakdh", { authMethod: "basic", username: "CONTOSO\\alice", password: PASSWORD });
    expect(step(result, "tls.certificate").status).toBe("success");
    expect(step(result, "rpc.auth-methods").status).toBe("success");
    const authenticate = step(result, "rpc.authenticate");
    expect(authenticate).toMatchObject({ status: "skipped", details: expect.objectContaining({ credentialsSent: false }) });
    expect(authenticate.message).toContain("credentials weren't sent");
    expect(authenticate.message).toMatch(/TLS 1\.2 or later, default security/);
    expect(requestsWithCredentials(server.requests.slice(before))).toBe(0);
  });

  describe("with Use Autodiscover: the EXPR server and principal as Autodiscover hands them to Outlook", () => {
    const viaAutodiscover = (emailAddress: string, extra: Record<string, unknown> = {}) =>
      analyze({
        test: "outlook-anywhere",
        useAutodiscover: true,
        emailAddress,
        port: lab.port(name("mail")),
        username: "CONTOSO\\alice",
        password: PASSWORD,
        authMethod: "basic",
        ...extra,
      });

    it("finds the EXPR server through Autodiscover, then tests it with Autodiscover's principal, each phase a step", async () => {
      const result = await viaAutodiscover("alice@oa.test");
      expect(result.steps.map((s) => s.code)).toEqual(["autodiscover.expr", "rpc.proxy"]);
      expect(step(result, "autodiscover.expr").message).toBe(
        `Autodiscover names the Outlook Anywhere server ${name("mail")}, with the principal msstd:${name("mail")} (CertPrincipalName).`,
      );
      expect(step(result, "rpc.mutual-auth").status).toBe("success");
      expect(step(result, "rpc.authenticate").status).toBe("success");
      expect(result.verdict).toBe("warning"); // method 1 (no host at oa.test) is a warning, as in Outlook
    });

    it("fails mutual authentication when Autodiscover hands out a principal the certificate doesn't carry", async () => {
      const result = await viaAutodiscover("wrongprincipal@oa.test");
      expect(step(result, "rpc.mutual-auth")).toMatchObject({ status: "error", problem: "MUTUAL_AUTH_MISMATCH" });
      expect(step(result, "rpc.mutual-auth").message).toContain(`msstd:owa.${DOMAIN}`);
    });

    it("stops with AUTODISCOVER_BAD_RESPONSE when Autodiscover publishes no EXPR provider", async () => {
      const result = await viaAutodiscover("noexpr@oa.test");
      expect(step(result, "autodiscover.expr")).toMatchObject({ status: "error", problem: "AUTODISCOVER_BAD_RESPONSE" });
      expect(step(result, "rpc.proxy").status).toBe("skipped");
    });

    it("asks for the address and credentials it needs, naming the fields", async () => {
      await expect(analyze({ test: "outlook-anywhere", useAutodiscover: true })).rejects.toThrow(/emailAddress[\s\S]*username|username[\s\S]*emailAddress/);
    });
  });
});
