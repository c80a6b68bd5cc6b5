// The API client: every call carries the signed-in token; a 401 sends the user back to sign-in.
const KEY = 'vigil.token';

export const session = {
  get token() { return sessionStorage.getItem(KEY); },
  set token(value) { value ? sessionStorage.setItem(KEY, value) : sessionStorage.removeItem(KEY); },
  who: null,
};

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function api(path, { method = 'GET', body, signal, token = session.token } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) {
    const message = data?.error ?? data?.detail ?? data?.title ?? `${response.status} ${response.statusText}`;
    if (response.status === 401 && token === session.token) {
      session.token = null;
      window.dispatchEvent(new CustomEvent('vigil:signed-out', { detail: message }));
    }
    throw new ApiError(response.status, message);
  }
  return data;
}

export const enc = encodeURIComponent;

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// A token scoped to one cluster reads alerts through that cluster's path; others through the global one.
export function alertsBase() {
  const cluster = session.who?.cluster;
  return cluster ? `/api/v1/clusters/${enc(cluster)}/alerts` : '/api/v1/alerts';
}
