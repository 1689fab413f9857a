import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProblemError } from "@/lib/engine/problem-error";
import { TestRun } from "@/lib/engine/runner";
import type { RunEvent, Step, StepStatus } from "@/lib/engine/types";
import { verdictOf, worstStatus } from "@/lib/engine/verdict";
import { setLogDestinationForTests } from "@/lib/log/logger";

/** The step engine: what the administrator sees as the tree of steps, their statuses and the live stream. */

function newRun(): { run: TestRun; events: RunEvent[] } {
  const events: RunEvent[] = [];
  return { run: new TestRun((event) => events.push(event)), events };
}

function step(status: StepStatus, children: Step[] = []): Step {
  return { code: "step", title: "A step", status, message: "", elapsedMs: 0, children };
}

/** "start 0", "step 0.1"…: the event stream in a comparable form. */
function describeEvents(events: RunEvent[]): string[] {
  return events.map((event) => `${event.type} ${event.path.join(".")}`);
}

let logged: string[] = [];

beforeEach(() => {
  // Internal errors are logged as JSON lines; keep the test output clean, but keep the lines.
  logged = [];
  setLogDestinationForTests({ write: (line: string) => void logged.push(line) });
});

afterEach(() => {
  setLogDestinationForTests();
});

// ---------------------------------------------------------------------------------------------------------------

describe("blocking", () => {
  it("skips the later steps of the scope after a failed step, naming the failed step", async () => {
    // Given a run whose first step fails
    const { run } = newRun();
    await run.step("dns", "Resolving the host name.", (s) => s.fail("DNS_NO_RECORD", "No A or AAAA record."));
    // When later steps are run
    let ran = false;
    await run.step("tcp", "Connecting to port 443", () => {
      ran = true;
    });
    await run.step("tls", "TLS handshake", (s) => s.succeed("ok"));
    // Then they didn't run and are skipped with the reason
    expect(ran).toBe(false);
    expect(run.steps.map((s) => s.status)).toEqual(["error", "skipped", "skipped"]);
    expect(run.steps[1]!.message).toBe('Skipped because the step "Resolving the host name" failed.');
    expect(run.steps[2]!.message).toBe('Skipped because the step "Resolving the host name" failed.');
  });

  it("keeps running later steps after a failed step marked { blocking: false }", async () => {
    const { run } = newRun();
    await run.step("cert", "Certificate name", (s) => s.fail("CERT_NAME_MISMATCH", "Mismatch."), { blocking: false });
    const value = await run.step("http", "HTTP request", (s) => {
      s.succeed("200 OK");
      return 200;
    });
    expect(run.steps.map((s) => s.status)).toEqual(["error", "success"]);
    expect(value).toBe(200);
  });

  it("doesn't block after a warning", async () => {
    const { run } = newRun();
    await run.step("dates", "Certificate dates", (s) => s.warn("CERT_EXPIRING_SOON", "Expires in 10 days."));
    await run.step("http", "HTTP request", (s) => s.succeed("ok"));
    expect(run.steps.map((s) => s.status)).toEqual(["warning", "success"]);
  });

  it("answers the body's value for a successful step and undefined for a failed one", async () => {
    const { run } = newRun();
    const good = await run.step("a", "A", () => "address", { blocking: false });
    const bad = await run.step("b", "B", (s) => {
      s.fail("TCP_REFUSED", "Refused.");
      return "ignored";
    });
    expect(good).toBe("address");
    expect(bad).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("children", () => {
  it("makes the parent an error carrying the child's problem code when a child fails", async () => {
    const { run } = newRun();
    await run.step("cert", "Validating the certificate", async (parent) => {
      await parent.step("name", "Name", (s) => s.succeed("ok"));
      await parent.step("dates", "Dates", (s) => s.fail("CERT_EXPIRED", "Expired."));
    });
    const parent = run.steps[0]!;
    expect(parent.status).toBe("error");
    expect(parent.problem).toBe("CERT_EXPIRED");
    expect(parent.message).toBe("Test failed.");
    expect(parent.children.map((c) => c.status)).toEqual(["success", "error"]);
  });

  it("makes the parent a warning with the child's problem when the worst child is a warning", async () => {
    const { run } = newRun();
    await run.step("cert", "Validating the certificate", async (parent) => {
      await parent.step("dates", "Dates", (s) => s.warn("CERT_EXPIRING_SOON", "Soon."));
    });
    expect(run.steps[0]).toMatchObject({ status: "warning", problem: "CERT_EXPIRING_SOON" });
  });

  it("skips the parent's later siblings after a child failure rolled up into the parent", async () => {
    const { run } = newRun();
    await run.step("cert", "Validating the certificate", async (parent) => {
      await parent.step("trust", "Trust", (s) => s.fail("CERT_UNTRUSTED_ROOT", "Untrusted."));
      await parent.step("dates", "Dates", (s) => s.succeed("ok"));
    });
    await run.step("http", "HTTP request", (s) => s.succeed("ok"));
    expect(run.steps[0]!.children.map((c) => c.status)).toEqual(["error", "skipped"]);
    expect(run.steps[0]!.children[1]!.message).toBe('Skipped because the step "Trust" failed.');
    expect(run.steps[1]).toMatchObject({ status: "skipped", message: 'Skipped because the step "Validating the certificate" failed.' });
  });

  it("summarize() picks the message for the worst child", async () => {
    const { run } = newRun();
    const messages = { success: "All checks passed.", warning: "Some checks warned.", error: "A check failed." };
    await run.step("cert", "Certificate", async (parent) => {
      await parent.step("a", "A", (s) => s.succeed("ok"));
      await parent.step("b", "B", (s) => s.warn("CERT_CHAIN_ORDER", "Order."));
      parent.summarize(messages);
    });
    expect(run.steps[0]).toMatchObject({ status: "warning", message: "Some checks warned.", problem: "CERT_CHAIN_ORDER" });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("step outcomes", () => {
  it("turns a thrown ProblemError into that problem, with its message and details", async () => {
    const { run } = newRun();
    const value = await run.step("tcp", "Connecting", () => {
      throw new ProblemError("TCP_TIMEOUT", "No answer within 10 seconds.", { address: "192.0.2.1" });
    });
    expect(value).toBeUndefined();
    expect(run.steps[0]).toMatchObject({
      status: "error",
      problem: "TCP_TIMEOUT",
      message: "No answer within 10 seconds.",
      details: { address: "192.0.2.1" },
    });
  });

  it("turns a thrown warning-level ProblemError into a warning that doesn't block", async () => {
    const { run } = newRun();
    await run.step("tls", "TLS", () => {
      throw new ProblemError("TLS_PROTOCOL_OBSOLETE", "TLS 1.0 offered.", undefined, "warning");
    });
    await run.step("next", "Next", (s) => s.succeed("ok"));
    expect(run.steps.map((s) => [s.status, s.problem])).toEqual([
      ["warning", "TLS_PROTOCOL_OBSOLETE"],
      ["success", undefined],
    ]);
  });

  it("turns an unexpected exception into INTERNAL_ERROR instead of crashing the run", async () => {
    const { run } = newRun();
    const outcome = run.step("parse", "Parsing the response", () => {
      throw new TypeError("Cannot read properties of undefined");
    });
    await expect(outcome).resolves.toBeUndefined();
    expect(run.steps[0]).toMatchObject({ status: "error", problem: "INTERNAL_ERROR" });
    expect(run.steps[0]!.message).toContain("This is not a verdict about the server.");
    expect(logged.map((line) => JSON.parse(line) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ level: "error", step: "parse", err: expect.objectContaining({ type: "TypeError" }) }),
    );
  });

  it("turns an asynchronous rejection into INTERNAL_ERROR too", async () => {
    const { run } = newRun();
    await run.step("parse", "Parsing", async () => {
      await Promise.resolve();
      throw new Error("boom");
    });
    expect(run.steps[0]).toMatchObject({ status: "error", problem: "INTERNAL_ERROR" });
  });

  it("records info, skipBecause and report() outcomes", async () => {
    const { run } = newRun();
    await run.step("a", "A", (s) => s.info("IPv6 not tested."));
    await run.step("b", "B", (s) => s.skipBecause("No credentials were supplied."));
    await run.step("c", "C", (s) => s.report({ status: "warning", problem: "CERT_CHAIN_ORDER", message: "Out of order.", details: { order: [1, 3, 2] } }));
    expect(run.steps[0]).toMatchObject({ status: "info", message: "IPv6 not tested." });
    expect(run.steps[1]).toMatchObject({ status: "skipped", message: "Skipped because no credentials were supplied." });
    expect(run.steps[2]).toMatchObject({ status: "warning", problem: "CERT_CHAIN_ORDER", message: "Out of order.", details: { order: [1, 3, 2] } });
  });

  it("merges details added with addDetails() into the step", async () => {
    const { run } = newRun();
    await run.step("dns", "DNS", (s) => {
      s.addDetails({ addresses: ["192.0.2.1"] }).addDetails({ ttl: 300 });
      s.succeed("Resolved.");
    });
    expect(run.steps[0]!.details).toEqual({ addresses: ["192.0.2.1"], ttl: 300 });
  });

  it("reports a non-negative whole number of milliseconds", async () => {
    const { run } = newRun();
    await run.step("wait", "Waiting", async (s) => {
      await new Promise((resolve) => setTimeout(resolve, 15));
      s.succeed("done");
    });
    const { elapsedMs } = run.steps[0]!;
    expect(Number.isInteger(elapsedMs)).toBe(true);
    expect(elapsedMs).toBeGreaterThanOrEqual(10);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("events", () => {
  it("emits start before step for each step, with its path", async () => {
    const { run, events } = newRun();
    await run.step("a", "A", (s) => s.succeed("ok"));
    await run.step("b", "B", (s) => s.succeed("ok"));
    expect(describeEvents(events)).toEqual(["start 0", "step 0", "start 1", "step 1"]);
    expect(events[0]).toEqual({ type: "start", path: [0], code: "a", title: "A" });
  });

  it("emits the children's step events before the parent's, with nested paths", async () => {
    const { run, events } = newRun();
    await run.step("a", "A", (s) => s.succeed("ok"));
    await run.step("b", "B", async (parent) => {
      await parent.step("b1", "B1", (s) => s.succeed("ok"));
      await parent.step("b2", "B2", (s) => s.succeed("ok"));
    });
    expect(describeEvents(events)).toEqual(["start 0", "step 0", "start 1", "start 1.0", "step 1.0", "start 1.1", "step 1.1", "step 1"]);
    const parentEvent = events.at(-1);
    expect(parentEvent).toMatchObject({ type: "step", step: { code: "b", children: [{ code: "b1" }, { code: "b2" }] } });
  });

  it("emits only a step event (no start) for a step skipped by an earlier failure", async () => {
    const { run, events } = newRun();
    await run.step("a", "A", (s) => s.fail("DNS_FAILURE", "SERVFAIL."));
    await run.step("b", "B", (s) => s.succeed("ok"));
    expect(describeEvents(events)).toEqual(["start 0", "step 0", "step 1"]);
    expect(events[2]).toMatchObject({ type: "step", step: { status: "skipped" } });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("verdict", () => {
  it("is the worst status of the run", () => {
    expect(verdictOf([step("success"), step("warning"), step("success")])).toBe("warning");
    expect(verdictOf([step("warning"), step("error"), step("success")])).toBe("error");
  });

  it("counts skipped and info steps as success", () => {
    expect(verdictOf([step("success"), step("skipped"), step("info")])).toBe("success");
  });

  it("looks into nested children", () => {
    expect(verdictOf([step("success", [step("success", [step("error")])])])).toBe("error");
    expect(worstStatus([step("info", [step("warning")])])).toBe("warning");
  });

  it("is success for a run without steps", () => {
    expect(verdictOf([])).toBe("success");
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("TestRun.defer", () => {
  it("runs the cleanups in reverse order on close, even when one throws", () => {
    const { run } = newRun();
    const closed: string[] = [];
    run.defer(() => closed.push("socket"));
    run.defer(() => {
      closed.push("tls");
      throw new Error("already closed");
    });
    run.defer(() => closed.push("http"));
    expect(() => run.close()).not.toThrow();
    expect(closed).toEqual(["http", "tls", "socket"]);
  });

  it("runs each cleanup only once when close is called twice", () => {
    const { run } = newRun();
    let count = 0;
    run.defer(() => count++);
    run.close();
    run.close();
    expect(count).toBe(1);
  });
});

describe("alternatives (one of several methods, like Autodiscover's)", () => {
  it("records what fails inside as warnings, still skips the rest of that alternative, and leaves the verdict to the caller", async () => {
    // Given an alternative whose first step fails
    const { run } = newRun();
    const value = await run.step(
      "method1",
      "Trying the first method.",
      async (attempt) => {
        await attempt.step("dns", "Resolving.", (s) => s.fail("DNS_NO_RECORD", "No record."));
        await attempt.step("tcp", "Connecting.", (s) => s.succeed("Open."));
        return "found";
      },
      { alternative: true, blocking: false },
    );
    // Then the failure reads as a warning, with its code, and the later step of the alternative is skipped
    const [method] = run.steps;
    expect(method).toMatchObject({ status: "warning", problem: "DNS_NO_RECORD" });
    expect(method!.children.map((child) => child.status)).toEqual(["warning", "skipped"]);
    expect(method!.children[1]!.message).toBe('Skipped because the step "Resolving" failed.');
    expect(value).toBe("found");
    // And the caller's own step decides the verdict
    await run.step("result", "Was anything found?", (s) => s.fail("AUTODISCOVER_NOT_FOUND", "Nothing found."));
    expect(verdictOf(run.steps)).toBe("error");
  });
});

describe("one deadline for the whole test", () => {
  it("fails the step running when it passes, with TEST_DEADLINE, and skips every later step saying why", async () => {
    // Given a run with a 60 ms deadline and a step that takes 300 ms
    const run = new TestRun(() => {}, { deadlineMs: 60 });
    await run.step("fast", "A quick step.", (s) => s.succeed("Done."));
    await run.step(
      "slow",
      "A slow step.",
      async (parent) => {
        await parent.step("slow.child", "Its slow child.", () => new Promise<void>((resolve) => setTimeout(resolve, 300)));
      },
      { blocking: false },
    );
    await run.step("later", "A later step.", (s) => s.succeed("Never."));
    run.close();
    // Then the finished step keeps its result, the running ones fail with the deadline, the rest is skipped
    const [fast, slow, later] = run.steps;
    expect(fast).toMatchObject({ status: "success" });
    expect(slow).toMatchObject({ status: "error", problem: "TEST_DEADLINE" });
    expect(slow!.children[0]).toMatchObject({ status: "error", problem: "TEST_DEADLINE", message: expect.stringContaining("time limit (0.1 s) passed") });
    expect(later).toMatchObject({ status: "skipped", message: "Skipped because the test's time limit (0.1 s) passed." });
    expect(verdictOf(run.steps)).toBe("error");
  });

  it("changes nothing for a run that ends in time", async () => {
    const run = new TestRun(() => {}, { deadlineMs: 5_000 });
    await run.step("one", "One.", (s) => s.succeed("Done."));
    run.close();
    expect(run.steps[0]).toMatchObject({ status: "success" });
  });
});
