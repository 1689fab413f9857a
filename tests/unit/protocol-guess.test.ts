import { describe, expect, it } from "vitest";
import { guessPlainTextProtocol } from "@/lib/net/protocol-guess";

describe("what a plain-text answer on a TLS port looks like", () => {
  it.each([
    ["HTTP/1.1 400 Bad Request\r\n", "HTTP"],
    ["SSH-2.0-OpenSSH_9.6\r\n", "SSH"],
    ["220 mail.contoso.com ESMTP Postfix\r\n", "SMTP"],
    ["220 ProFTPD Server (FTP) ready\r\n", "FTP"],
    ["* OK [CAPABILITY IMAP4rev1] Dovecot ready.\r\n", "IMAP"],
    ["+OK Dovecot ready.\r\n", "POP3"],
  ])("%j looks like %s", (banner, protocol) => {
    expect(guessPlainTextProtocol(Buffer.from(banner, "latin1"))?.protocol).toBe(protocol);
  });

  it("names nothing it can't recognise", () => {
    expect(guessPlainTextProtocol(Buffer.from("hello there\r\n"))).toBeUndefined();
  });
});
