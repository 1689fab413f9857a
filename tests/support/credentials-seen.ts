/**
 * Whether an Authorization header a test server received carried credentials: any Basic header does; of NTLM
 * (or NTLM under Negotiate), only the AUTHENTICATE message (type 3). A NEGOTIATE (type 1), which the analyzer sends
 * to read the server's CHALLENGE, carries none.
 */
export function carriesCredentials(authorization: string | string[] | undefined): boolean {
  const value = Array.isArray(authorization) ? authorization.join(",") : authorization;
  if (!value) return false;
  const [scheme = "", token = ""] = value.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === "basic") return true;
  const message = Buffer.from(token, "base64");
  const isNtlm = message.subarray(0, 8).toString("latin1") === "NTLMSSP\0";
  // Anything that isn't a readable NTLM NEGOTIATE counts as credentials: the safe side for these tests.
  return !(isNtlm && message.readUInt32LE(8) === 1);
}

/** The requests a test server recorded that carried credentials. */
export function requestsWithCredentials(requests: ReadonlyArray<{ headers: Record<string, string | string[] | undefined> }>): number {
  return requests.filter((request) => carriesCredentials(request.headers.authorization)).length;
}
