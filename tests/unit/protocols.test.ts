import { describe, expect, it } from "vitest";
import { judgeProtocols, type ProtocolSupport } from "@/lib/analyzers/steps/protocols";

const support = (accepted: string[], untested: string[] = []): ProtocolSupport =>
  Object.fromEntries(
    ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"].map((v) => [v, accepted.includes(v) ? "accepted" : untested.includes(v) ? "untested" : "refused"]),
  ) as ProtocolSupport;

describe("protocol verdicts", () => {
  it("is an error when neither TLS 1.2 nor 1.3 is accepted: the fix is to enable TLS 1.2", () => {
    const finding = judgeProtocols(support(["TLSv1", "TLSv1.1"]));
    expect(finding).toMatchObject({ status: "error", problem: "TLS_PROTOCOL_OBSOLETE" });
    expect(finding.message).toContain("Enable TLS 1.2");
    expect(finding.message).not.toContain("once no old client needs");
  });

  it("warns when TLS 1.0/1.1 are still accepted beside TLS 1.2+", () => {
    const finding = judgeProtocols(support(["TLSv1", "TLSv1.2", "TLSv1.3"]));
    expect(finding).toMatchObject({ status: "warning", problem: "TLS_PROTOCOL_OBSOLETE" });
    expect(finding.message).toContain("TLS 1.0 is obsolete");
  });

  it("passes TLS 1.2 and 1.3 alone", () => {
    expect(judgeProtocols(support(["TLSv1.2", "TLSv1.3"])).status).toBe("success");
    expect(judgeProtocols(support(["TLSv1.3"])).status).toBe("success");
  });

  it("doesn't call a server obsolete when 1.2 and 1.3 couldn't be tested", () => {
    expect(judgeProtocols(support([], ["TLSv1.2", "TLSv1.3"])).status).toBe("success");
  });
});
