import { cleanText, LIMITS } from "./limits";

/**
 * The authentication schemes a server offers, from every WWW-Authenticate header, in order, de-duplicated; at most
 * LIMITS.authSchemes (a real server offers three or four; a hostile one could list thousands).
 */
export function offeredSchemes(wwwAuthenticate: string[]): string[] {
  const schemes: string[] = [];
  for (const value of wwwAuthenticate.slice(0, LIMITS.authSchemes)) {
    // One header may carry several challenges ("Negotiate, NTLM"); a scheme is a token not followed by "=".
    for (const match of value.matchAll(/(?:^|,)\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)(?=\s|,|$)(?!\s*=)/g)) {
      const scheme = cleanText(match[1]!, LIMITS.authSchemeName);
      if (!schemes.some((known) => known.toLowerCase() === scheme.toLowerCase())) schemes.push(scheme);
      if (schemes.length >= LIMITS.authSchemes) return schemes;
    }
  }
  return schemes;
}

export function offers(schemes: string[], scheme: string): boolean {
  return schemes.some((offered) => offered.toLowerCase() === scheme.toLowerCase());
}
