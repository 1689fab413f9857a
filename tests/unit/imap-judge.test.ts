import { describe, expect, it } from "vitest";
import { judgeCapabilities, judgeGreeting, judgeLogin, judgeNoLoginMethod, judgeStartTls, judgeStatus, loginMethod } from "@/lib/analyzers/imap/judge";
import type { ImapAnswer } from "@/lib/net/mail/imap";

const answer = (status: ImapAnswer["status"], text = "done", untagged: string[] = []): ImapAnswer => ({ status, text, untagged });

describe("the IMAP greeting", () => {
  it("accepts * OK and * PREAUTH", () => {
    expect(judgeGreeting({ kind: "OK", text: "Dovecot ready." })).toMatchObject({ status: "success", message: expect.stringContaining("* OK Dovecot ready.") });
    expect(judgeGreeting({ kind: "PREAUTH", text: "welcome" })).toMatchObject({ status: "success", message: expect.stringContaining("without a password") });
  });

  it("fails * BYE and anything that isn't a greeting with PROTOCOL_ERROR, quoting the server", () => {
    expect(judgeGreeting({ kind: "BYE", text: "Too many connections" })).toMatchObject({
      status: "error",
      problem: "PROTOCOL_ERROR",
      message: expect.stringContaining("* BYE Too many connections"),
    });
    expect(judgeGreeting({ kind: "unexpected", text: "SSH-2.0-OpenSSH_9.6" })).toMatchObject({
      status: "error",
      problem: "PROTOCOL_ERROR",
      message: expect.stringContaining("isn't an IMAP greeting"),
    });
  });
});

describe("the IMAP capabilities", () => {
  it("lists them, and says whether passwords are refused before TLS", () => {
    const before = judgeCapabilities(answer("OK"), ["IMAP4REV1", "STARTTLS", "LOGINDISABLED"], false);
    expect(before).toMatchObject({ status: "success", details: { capabilities: ["IMAP4REV1", "STARTTLS", "LOGINDISABLED"] } });
    expect(before.message).toMatch(/refuses passwords before TLS, as it should/);
    expect(judgeCapabilities(answer("OK"), ["IMAP4REV1", "STARTTLS"], false).message).toMatch(/may accept a password before TLS/);
  });

  it("notes a server that allows no password login over TLS", () => {
    expect(judgeCapabilities(answer("OK"), ["IMAP4REV1", "LOGINDISABLED"], true).message).toMatch(/neither LOGIN nor AUTHENTICATE PLAIN/);
  });

  it("fails a refused CAPABILITY or an empty list", () => {
    expect(judgeCapabilities(answer("BAD", "unknown command"), [], false)).toMatchObject({ status: "error", problem: "PROTOCOL_ERROR" });
    expect(judgeCapabilities(answer("OK"), [], false)).toMatchObject({ status: "error", problem: "PROTOCOL_ERROR" });
  });
});

describe("STARTTLS", () => {
  it("succeeds on OK, and a refusal is STARTTLS_MISSING", () => {
    expect(judgeStartTls(answer("OK", "Begin TLS negotiation now."))).toMatchObject({ status: "success" });
    expect(judgeStartTls(answer("NO", "TLS not available"))).toMatchObject({ status: "error", problem: "STARTTLS_MISSING" });
  });
});

describe("the login", () => {
  it("uses LOGIN unless disabled, then AUTHENTICATE PLAIN (with SASL-IR when offered)", () => {
    expect(loginMethod(["IMAP4REV1", "AUTH=PLAIN"], true)).toBe("LOGIN");
    expect(loginMethod(["IMAP4REV1", "LOGINDISABLED", "AUTH=PLAIN"], true)).toBe("AUTHENTICATE PLAIN");
    expect(loginMethod(["IMAP4REV1", "LOGINDISABLED", "AUTH=PLAIN", "SASL-IR"], true)).toBe("AUTHENTICATE PLAIN (SASL-IR)");
    // A credential that can't be a quoted string needs SASL.
    expect(loginMethod(["IMAP4REV1", "AUTH=PLAIN"], false)).toBe("AUTHENTICATE PLAIN");
    expect(loginMethod(["IMAP4REV1", "LOGINDISABLED"], true)).toBeUndefined();
  });

  it("judges OK, NO (LOGIN_FAILED, with the server's words) and BAD", () => {
    expect(judgeLogin(answer("OK", "Logged in"), "LOGIN")).toMatchObject({ status: "success" });
    expect(judgeLogin(answer("NO", "[AUTHENTICATIONFAILED] Authentication failed."), "LOGIN")).toMatchObject({
      status: "error",
      problem: "LOGIN_FAILED",
      message: expect.stringContaining("NO [AUTHENTICATIONFAILED] Authentication failed."),
    });
    expect(judgeLogin(answer("BAD", "Error in IMAP command"), "LOGIN")).toMatchObject({ status: "error", problem: "PROTOCOL_ERROR" });
    expect(judgeNoLoginMethod(["LOGINDISABLED"])).toMatchObject({ problem: "LOGIN_FAILED", message: expect.stringContaining("LOGINDISABLED") });
  });
});

describe("STATUS INBOX (MESSAGES)", () => {
  it("shows the message count", () => {
    expect(judgeStatus(answer("OK"), 0)).toMatchObject({ status: "success", message: "The Inbox holds 0 messages.", details: { messages: 0 } });
    expect(judgeStatus(answer("OK"), 1).message).toBe("The Inbox holds 1 message.");
  });

  it("reports NO as MAILBOX_COMMAND_FAILED, and OK without a count as a warning", () => {
    expect(judgeStatus(answer("NO", "[SERVERBUG] Internal error"), undefined)).toMatchObject({
      status: "error",
      problem: "MAILBOX_COMMAND_FAILED",
      message: expect.stringContaining("[SERVERBUG] Internal error"),
    });
    expect(judgeStatus(answer("OK"), undefined)).toMatchObject({ status: "warning", problem: "PROTOCOL_ERROR" });
  });
});
