import { describe, expect, it } from "vitest";
import { createNegotiateMessage, toAuthorizationHeader } from "@/lib/net/ntlm";
import { carriesCredentials } from "../support/credentials-seen";

describe("what counts as credentials in a recorded Authorization header (test support)", () => {
  it("any Basic header, and an NTLM message other than NEGOTIATE", () => {
    expect(carriesCredentials("Basic YWxpY2U6cHc=")).toBe(true);
    const authenticate = Buffer.concat([Buffer.from("NTLMSSP\0", "latin1"), Buffer.from([3, 0, 0, 0]), Buffer.alloc(52)]);
    expect(carriesCredentials(`NTLM ${authenticate.toString("base64")}`)).toBe(true);
    expect(carriesCredentials("Negotiate not-ntlm")).toBe(true);
  });

  it("not a NEGOTIATE, under NTLM or Negotiate, nor no header", () => {
    expect(carriesCredentials(toAuthorizationHeader(createNegotiateMessage(), "NTLM"))).toBe(false);
    expect(carriesCredentials(toAuthorizationHeader(createNegotiateMessage(), "Negotiate"))).toBe(false);
    expect(carriesCredentials(undefined)).toBe(false);
  });
});
