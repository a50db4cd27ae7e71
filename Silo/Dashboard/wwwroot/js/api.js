// Reads the JSON API. In token mode the browser signs in once: the token is posted to /login, which answers with an
// HttpOnly session cookie that every request (ours and the Orleans dashboard's) then carries; the token itself is kept
// nowhere in the page. In basic mode the browser itself sends the credentials it asked the user for.

export class AuthRequired extends Error {
  constructor(body) {
    super(body.error ?? 'Authentication required');
    this.auth = body.auth;
    this.hint = body.hint;
  }
}

/** Exchanges the token for a session cookie; throws AuthRequired when it is refused. */
export async function signIn(token) {
  const response = await fetch('/login', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: token.trim() }),
    cache: 'no-store',
  });
  if (response.status === 401) throw new AuthRequired(await response.json().catch(() => ({})));
  if (!response.ok) throw new Error(`sign-in failed: HTTP ${response.status}`);
}

export async function signOut() {
  await fetch('/logout', { method: 'POST', headers: { Accept: 'application/json' }, cache: 'no-store' });
}

export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  const body = await response.json().catch(() => null);
  if (response.status === 401) throw new AuthRequired(body ?? {});
  if (!response.ok) {
    const error = new Error(body?.error ?? `HTTP ${response.status} from ${path}`);
    error.status = response.status;
    error.body = body;
    throw error;
  }
  return body;
}
