// The public HTTP API (API.md) with the session token kept in localStorage (the token only: no cards).
const KEY = 'poker.session';

export function session() {
  try { return JSON.parse(localStorage.getItem(KEY)); } catch { return null; }
}

export function setSession(s) {
  if (s) localStorage.setItem(KEY, JSON.stringify(s)); else localStorage.removeItem(KEY);
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.code = body && body.error;
    this.field = body && body.field;
  }
}

export async function api(method, path, body, { text = false } = {}) {
  const headers = {};
  const s = session();
  if (s && s.token) headers.Authorization = `Bearer ${s.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 204) return null;
  if (!res.ok) {
    let err = null;
    try { err = await res.json(); } catch { /* not JSON */ }
    if (res.status === 401 && s) setSession(null);
    throw new ApiError(res.status, err);
  }
  if (text) return res.text();
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : res.text();
}

export const get = (path, opts) => api('GET', path, undefined, opts);
export const post = (path, body = {}) => api('POST', path, body);
export const del = (path) => api('DELETE', path);

/** The live socket's address for a table: same host, ws or wss as the page. */
export function liveUrl(tableId, fromSeq) {
  const s = session();
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  let url = `${proto}//${location.host}/api/tables/${encodeURIComponent(tableId)}/live?token=${encodeURIComponent(s ? s.token : '')}`;
  if (fromSeq != null) url += `&fromSeq=${fromSeq}`;
  return url;
}
