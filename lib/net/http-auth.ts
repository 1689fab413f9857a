import { cleanText, LIMITS } from "./limits";

/** The authentication schemes a server offers, from every WWW-Authenticate header, in order, de-duplicated. */
export function offeredSchemes(wwwAuthenticate: string[]): string[] {
  const schemes: string[] = [];
  for (const value of wwwAuthenticate) {
    // One header may carry several challenges ("Negotiate, NTLM"); a scheme is a token not followed by "=".
    for (const match of value.matchAll(/(?:^|,)\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)(?=\s|,|$)(?!\s*=)/g)) {
      const scheme = cleanText(match[1]!, LIMITS.authSchemeName);
      if (!schemes.some((known) => known.toLowerCase() === scheme.toLowerCase())) schemes.push(scheme);
    }
  }
  return schemes;
}

export function offers(schemes: string[], scheme: string): boolean {
  return schemes.some((offered) => offered.toLowerCase() === scheme.toLowerCase());
}
