import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/net/limits";
import { capabilitiesIn, parseGreeting, plainToken, quotable, quoted } from "@/lib/net/mail/imap";

describe("IMAP parsing", () => {
  it("reads greetings, with a [CAPABILITY] response code", () => {
    expect(parseGreeting("* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN] Dovecot ready.")).toEqual({
      kind: "OK",
      text: "[CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN] Dovecot ready.",
      capabilities: ["IMAP4REV1", "SASL-IR", "LOGIN-REFERRALS", "ID", "ENABLE", "IDLE", "LITERAL+", "STARTTLS", "AUTH=PLAIN"],
    });
    expect(parseGreeting("* preauth welcome back")).toEqual({ kind: "PREAUTH", text: "welcome back" });
    expect(parseGreeting("* BYE Too many connections")).toEqual({ kind: "BYE", text: "Too many connections" });
    expect(parseGreeting("220 mail.contoso.com ESMTP")).toEqual({ kind: "unexpected", text: "220 mail.contoso.com ESMTP" });
  });

  it("cleans what it shows: control characters never reach a result", () => {
    expect(parseGreeting("* OK hi\u0007\u001b[31m").text).toBe("hi\uFFFD\uFFFD[31m");
  });

  it("collects capabilities from untagged lines and the tagged response code, capped", () => {
    expect(capabilitiesIn({ status: "OK", text: "[CAPABILITY IMAP4rev1 IDLE] done", untagged: ["* CAPABILITY IMAP4rev1 STARTTLS", "* OK other"] })).toEqual([
      "IMAP4REV1",
      "STARTTLS",
      "IDLE",
    ]);
    const many = Array.from({ length: 5000 }, (_, i) => `X${i}`).join(" ");
    expect(capabilitiesIn({ status: "OK", text: "done", untagged: [`* CAPABILITY ${many}`] }).length).toBe(LIMITS.mailAnswerLines);
  });

  it("quotes strings for LOGIN, and knows what can't be quoted", () => {
    expect(quoted('pa"ss\\word')).toBe('"pa\\"ss\\\\word"');
    expect(quotable("Quartz-Lantern#5512")).toBe(true);
    expect(quotable("pässword")).toBe(false);
    expect(quotable("a\r\nb")).toBe(false);
    expect(() => quoted("a\r\nA2 DELETE INBOX")).toThrow();
  });

  it("builds the SASL PLAIN message", () => {
    expect(Buffer.from(plainToken("jdoe", "s3cret"), "base64").toString("utf8")).toBe("\0jdoe\0s3cret");
  });
});
