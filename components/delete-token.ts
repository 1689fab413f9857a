/**
 * The delete token of a result, kept in the creator's browser only (localStorage): the result page offers "Delete"
 * while it is there. The server stores its hash, never the token.
 */
const key = (id: string) => `rca:delete-token:${id}`;

export function rememberDeleteToken(id: string, token: string | undefined): void {
  if (!token) return;
  try {
    window.localStorage.setItem(key(id), token);
  } catch {
    // Storage refused (private mode, quota): the result simply can't be deleted from this browser.
  }
}

export function deleteTokenOf(id: string): string | undefined {
  try {
    return window.localStorage.getItem(key(id)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function forgetDeleteToken(id: string): void {
  try {
    window.localStorage.removeItem(key(id));
  } catch {
    // nothing to forget
  }
}
