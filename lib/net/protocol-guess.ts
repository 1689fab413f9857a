/**
 * What a plain-text answer on a TLS port looks like, by its first bytes: said in words, never echoed (a banner is
 * the server's text, and echoing it would make the analyzer a banner grabber).
 */
const SIGNATURES: ReadonlyArray<{ protocol: string; test: RegExp; hint: string }> = [
  { protocol: "HTTP", test: /^HTTP\/\d/, hint: "plain HTTP: use the https:// port (usually 443)" },
  { protocol: "SSH", test: /^SSH-\d/, hint: "an SSH server" },
  {
    protocol: "SMTP",
    test: /^220[ -].*\b(E?SMTP|mail|Postfix|Exchange|Sendmail)\b/i,
    hint: "SMTP: ports 25 and 587 start in plain text and upgrade with STARTTLS; implicit TLS is port 465",
  },
  { protocol: "FTP", test: /^220[ -].*\bFTP\b/i, hint: "an FTP server" },
  { protocol: "SMTP or FTP", test: /^220[ -]/, hint: "a service that greets with 220 (SMTP, FTP): SMTP upgrades with STARTTLS" },
  { protocol: "IMAP", test: /^\* (OK|PREAUTH)\b/i, hint: "IMAP: port 143 upgrades with STARTTLS; implicit TLS is port 993" },
  { protocol: "POP3", test: /^\+OK\b/, hint: "POP3: port 110 upgrades with STARTTLS; implicit TLS is port 995" },
  { protocol: "HTML", test: /^\s*<(!doctype|html)/i, hint: "a web page sent without HTTP headers" },
];

export function guessPlainTextProtocol(firstBytes: Buffer): { protocol: string; hint: string } | undefined {
  const text = firstBytes.toString("latin1");
  const found = SIGNATURES.find((signature) => signature.test.test(text));
  return found ? { protocol: found.protocol, hint: found.hint } : undefined;
}
