import { describe, expect, it } from "vitest";
import type { Step } from "@/lib/engine/types";
import { diffResults } from "@/lib/results/diff";

function step(code: string, status: Step["status"], children: Step[] = [], problem?: Step["problem"]): Step {
  return { code, title: `Title of ${code}`, status, message: "", elapsedMs: 1, children, ...(problem ? { problem } : {}) };
}

const tls = (trust: Step) => step("tls.certificate", trust.status, [step("tls.certificate.name", "success"), trust]);

describe("diffResults", () => {
  it("answers no changes for identical trees", () => {
    const steps = [step("dns.resolve", "success"), tls(step("tls.certificate.trust", "success"))];
    expect(diffResults({ id: "a", steps }, { id: "b", steps })).toEqual({ a: "a", b: "b", changes: [] });
  });

  it("reports a changed status and problem under the step's path of codes", () => {
    const before = [step("dns.resolve", "success"), tls(step("tls.certificate.trust", "error", [], "CERT_UNTRUSTED_ROOT"))];
    const after = [step("dns.resolve", "success"), tls(step("tls.certificate.trust", "success"))];
    const { changes } = diffResults({ id: "a", steps: before }, { id: "b", steps: after });
    expect(changes.map(({ code, from, to }) => ({ code, from, to }))).toEqual([
      { code: "tls.certificate", from: { status: "error", problem: null }, to: { status: "success", problem: null } },
      {
        code: "tls.certificate/tls.certificate.trust",
        from: { status: "error", problem: "CERT_UNTRUSTED_ROOT" },
        to: { status: "success", problem: null },
      },
    ]);
    expect(changes[1]?.title).toBe("Title of tls.certificate.trust");
  });

  it("reports a problem that changed while the status stayed", () => {
    const before = [step("tls.dates", "error", [], "CERT_EXPIRED")];
    const after = [step("tls.dates", "error", [], "CERT_NOT_YET_VALID")];
    const { changes } = diffResults({ id: "a", steps: before }, { id: "b", steps: after });
    expect(changes).toHaveLength(1);
    expect(changes[0]?.from?.problem).toBe("CERT_EXPIRED");
    expect(changes[0]?.to?.problem).toBe("CERT_NOT_YET_VALID");
  });

  it("matches a code that repeats under different parents by its path", () => {
    const method = (name: string, trust: Step["status"]) => step(name, trust, [tls(step("tls.certificate.trust", trust))]);
    const before = [method("autodiscover.method1", "success"), method("autodiscover.method2", "error")];
    const after = [method("autodiscover.method1", "success"), method("autodiscover.method2", "success")];
    const codes = diffResults({ id: "a", steps: before }, { id: "b", steps: after }).changes.map((change) => change.code);
    expect(codes).toEqual(["autodiscover.method2", "autodiscover.method2/tls.certificate", "autodiscover.method2/tls.certificate/tls.certificate.trust"]);
  });

  it("reports steps on one side only: appeared in b, then gone from a", () => {
    const before = [step("dns.resolve", "success"), step("tcp.connect", "error", [], "TCP_REFUSED")];
    const after = [step("dns.resolve", "success"), step("tcp.connect", "success"), tls(step("tls.certificate.trust", "success"))];
    const { changes } = diffResults({ id: "a", steps: after }, { id: "b", steps: before });
    expect(changes.map(({ code, from, to }) => ({ code, from, to }))).toEqual([
      { code: "tcp.connect", from: { status: "success", problem: null }, to: { status: "error", problem: "TCP_REFUSED" } },
      { code: "tls.certificate", from: { status: "success", problem: null }, to: null },
      { code: "tls.certificate/tls.certificate.name", from: { status: "success", problem: null }, to: null },
      { code: "tls.certificate/tls.certificate.trust", from: { status: "success", problem: null }, to: null },
    ]);
    const appeared = diffResults({ id: "a", steps: before }, { id: "b", steps: after }).changes.filter((change) => change.from === null);
    expect(appeared.map((change) => change.code)).toEqual(["tls.certificate", "tls.certificate/tls.certificate.name", "tls.certificate/tls.certificate.trust"]);
  });

  it("keeps a code repeated among siblings apart", () => {
    const before = [step("http.probe", "success"), step("http.probe", "success")];
    const after = [step("http.probe", "success"), step("http.probe", "warning")];
    const { changes } = diffResults({ id: "a", steps: before }, { id: "b", steps: after });
    expect(changes.map((change) => change.code)).toEqual(["http.probe#2"]);
  });
});
