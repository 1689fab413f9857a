import { describe, expect, it } from "vitest";
import { judgeAuthentication, judgeClientCertificate } from "@/lib/analyzers/outlook-anywhere/judge";
import { credentialGate } from "@/lib/analyzers/steps/credential-gate";
import type { HttpResponse } from "@/lib/net/http";

const response = (status: number, body = ""): HttpResponse => ({
  status,
  statusText: "",
  headers: [["www-authenticate", "NTLM"]],
  body: Buffer.from(body),
  bodyTruncated: false,
});

describe("the client-certificate check judges what the transcript could and couldn't see", () => {
  it("says so when the request couldn't be observed, instead of 'not detected'", () => {
    const finding = judgeClientCertificate({
      response: response(401),
      certificateRequest: { seen: false, observable: false, reason: "TLS 1.3 handshake not decrypted: cipher not decryptable" },
    });
    expect(finding.status).toBe("info");
    expect(finding.message).toContain("couldn't be observed: TLS 1.3 handshake not decrypted: cipher not decryptable");
    expect(finding.message).not.toContain("wasn't detected");
    expect(finding.details).toMatchObject({ certificateRequest: "not observable" });
  });

  it("reports 'not detected' only when the whole handshake was read", () => {
    const finding = judgeClientCertificate({ response: response(401), certificateRequest: { seen: false, observable: true } });
    expect(finding).toMatchObject({ status: "success", details: { certificateRequest: "not requested" } });
  });

  it("tells IIS 'Require' (error) from 'Accept' (warning)", () => {
    expect(judgeClientCertificate({ response: response(403, "403.7 - Client certificate required"), certificateRequest: { seen: true } })).toMatchObject({
      status: "error",
      problem: "HTTP_CLIENT_CERT_REQUIRED",
    });
    expect(judgeClientCertificate({ certificateRequest: { seen: true }, connectionError: "reset" })).toMatchObject({
      status: "error",
      problem: "HTTP_CLIENT_CERT_REQUIRED",
    });
    expect(judgeClientCertificate({ response: response(401), certificateRequest: { seen: true } })).toMatchObject({
      status: "warning",
      problem: "HTTP_CLIENT_CERT_REQUIRED",
    });
  });
});

describe("credentials go only where Outlook would send them", () => {
  it("refuses after Ignore trust let an untrusted certificate through, and says why", () => {
    const gate = credentialGate({ certificateTrusted: false, ignoreTrust: true, scheme: "NTLM", method: "ntlm" });
    expect(gate).toMatchObject({ send: false, reason: { english: expect.stringContaining('"Ignore trust for SSL"') } });
  });

  it("refuses an untrusted certificate and a method the server doesn't offer", () => {
    expect(credentialGate({ certificateTrusted: false, ignoreTrust: false, scheme: "NTLM", method: "ntlm" }).send).toBe(false);
    expect(credentialGate({ certificateTrusted: true, ignoreTrust: false, scheme: undefined, method: "basic" })).toMatchObject({
      send: false,
      reason: { english: expect.stringContaining("doesn't offer Basic") },
    });
  });

  it("sends with the offered scheme over a trusted certificate", () => {
    expect(credentialGate({ certificateTrusted: true, ignoreTrust: true, scheme: "Negotiate", method: "ntlm" })).toEqual({ send: true, scheme: "Negotiate" });
  });
});

describe("the answer to the credentials", () => {
  it("is LOGIN_FAILED on 401 and a ping on 200", () => {
    expect(judgeAuthentication({ kind: "answered", response: { ...response(401), statusText: "Unauthorized" } }, "basic", "Basic")).toMatchObject({
      status: "error",
      problem: "LOGIN_FAILED",
    });
    expect(
      judgeAuthentication({ kind: "answered", response: { ...response(200), statusText: "OK" }, serverDomain: "contoso.com" }, "ntlm", "NTLM"),
    ).toMatchObject({
      status: "success",
      details: { serverDomain: "contoso.com" },
    });
  });

  it("names NTLM's own failures", () => {
    expect(judgeAuthentication({ kind: "no-challenge", status: 401 }, "ntlm", "NTLM")).toMatchObject({ problem: "HTTP_AUTH_METHOD_MISSING" });
    expect(judgeAuthentication({ kind: "connection-changed" }, "ntlm", "NTLM").message).toContain("kept-alive connection");
  });
});
