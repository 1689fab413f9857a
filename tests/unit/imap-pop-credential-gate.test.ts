import { describe, expect, it } from "vitest";
import { credentialGate } from "@/lib/analyzers/steps/mailbox";

const facts = { encrypted: true, certificateTrusted: true, ignoreTrust: false, username: "jdoe", password: "s3cret" };

describe("the IMAP and POP credential gate", () => {
  it("sends the credentials only over TLS whose certificate passed every check", () => {
    expect(credentialGate(facts)).toEqual({ send: true });
  });

  it("never over a plain connection", () => {
    expect(credentialGate({ ...facts, encrypted: false })).toMatchObject({ send: false, reason: expect.stringMatching(/clear text/) });
  });

  it('never after a certificate error, not even one "Ignore trust for SSL" turned into a warning', () => {
    expect(credentialGate({ ...facts, certificateTrusted: false })).toMatchObject({ send: false, reason: expect.stringMatching(/failed a check/) });
    expect(credentialGate({ ...facts, certificateTrusted: false, ignoreTrust: true })).toMatchObject({
      send: false,
      reason: expect.stringMatching(/Ignore trust for SSL/),
    });
  });

  it("not when a credential has a line break, which would end the command", () => {
    expect(credentialGate({ ...facts, password: "a\r\nA9 DELETE INBOX" })).toMatchObject({ send: false });
  });
});
