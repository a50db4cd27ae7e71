// Reads the JSON API. In token mode the token lives in this tab's sessionStorage only and goes out as a bearer
// header; in basic mode the browser itself sends the credentials it asked the user for.

const TOKEN_KEY = 'ccm-dashboard-token';

export class AuthRequired extends Error {
  constructor(body) {
    super(body.error ?? 'Authentication required');
    this.auth = body.auth;
    this.hint = body.hint;
  }
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token.trim());
  else sessionStorage.removeItem(TOKEN_KEY);
}

export async function getJson(path) {
  const headers = { Accept: 'application/json' };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { headers, cache: 'no-store' });
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
