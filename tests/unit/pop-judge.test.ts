import { describe, expect, it } from "vitest";
import { judgeCapabilities, judgeGreeting, judgeLogin, judgeStat, judgeStls, loginMethod } from "@/lib/analyzers/pop/judge";
import { parseReply } from "@/lib/net/mail/pop";

const ok = (text = "done") => ({ ok: true, text });
const err = (text = "no") => ({ ok: false, text });

describe("POP3 replies", () => {
  it("reads +OK and -ERR, and nothing else", () => {
    expect(parseReply("+OK Dovecot ready.")).toEqual({ ok: true, text: "Dovecot ready." });
    expect(parseReply("-ERR [AUTH] Authentication failed.")).toEqual({ ok: false, text: "[AUTH] Authentication failed." });
    expect(parseReply("+OK")).toEqual({ ok: true, text: "" });
    expect(parseReply("* OK IMAP")).toBeUndefined();
  });
});

describe("the POP3 greeting", () => {
  it("accepts +OK; -ERR and garbage are PROTOCOL_ERROR", () => {
    expect(judgeGreeting({ kind: "reply", ...ok("Dovecot ready.") })).toMatchObject({ status: "success" });
    expect(judgeGreeting({ kind: "reply", ...err("Too many connections") })).toMatchObject({
      status: "error",
      problem: "PROTOCOL_ERROR",
      message: expect.stringContaining("-ERR Too many connections"),
    });
    expect(judgeGreeting({ kind: "unexpected", text: "SSH-2.0" })).toMatchObject({ status: "error", problem: "PROTOCOL_ERROR" });
  });
});

describe("CAPA", () => {
  it("lists the capabilities; a server without CAPA is only old", () => {
    expect(judgeCapabilities(ok(), ["TOP", "UIDL", "SASL PLAIN", "STLS"], false)).toMatchObject({
      status: "success",
      details: { capabilities: ["TOP", "UIDL", "SASL PLAIN", "STLS"] },
    });
    expect(judgeCapabilities(ok(), ["USER", "STLS"], false).message).toMatch(/may accept a password in clear text/);
    expect(judgeCapabilities(err("unknown command"), [], false)).toMatchObject({ status: "info" });
  });
});

describe("STLS and the login", () => {
  it("judges STLS", () => {
    expect(judgeStls(ok("Begin TLS"))).toMatchObject({ status: "success" });
    expect(judgeStls(err("TLS support isn't enabled."))).toMatchObject({ status: "error", problem: "STARTTLS_MISSING" });
  });

  it("uses USER/PASS where offered (or when CAPA said nothing), AUTH PLAIN where only SASL PLAIN is", () => {
    expect(loginMethod(["USER", "SASL PLAIN"])).toBe("USER/PASS");
    expect(loginMethod([])).toBe("USER/PASS");
    expect(loginMethod(["SASL PLAIN LOGIN", "UIDL"])).toBe("AUTH PLAIN");
    expect(loginMethod(["SASL GSSAPI", "UIDL"])).toBeUndefined();
  });

  it("reports -ERR as LOGIN_FAILED with the server's words", () => {
    expect(judgeLogin(ok("Logged in."), "USER/PASS")).toMatchObject({ status: "success" });
    expect(judgeLogin(err("[AUTH] Authentication failed."), "USER/PASS")).toMatchObject({
      status: "error",
      problem: "LOGIN_FAILED",
      message: expect.stringContaining("-ERR [AUTH] Authentication failed."),
    });
  });
});

describe("STAT", () => {
  it("shows the count and size; -ERR is MAILBOX_COMMAND_FAILED; no count is a warning", () => {
    expect(judgeStat(ok("2 320"), 2, 320)).toMatchObject({
      status: "success",
      message: "The mailbox holds 2 messages (320 bytes).",
      details: { messages: 2, octets: 320 },
    });
    expect(judgeStat(err("[IN-USE] Mailbox locked"), undefined, undefined)).toMatchObject({ status: "error", problem: "MAILBOX_COMMAND_FAILED" });
    expect(judgeStat(ok("whatever"), undefined, undefined)).toMatchObject({ status: "warning", problem: "PROTOCOL_ERROR" });
  });
});
