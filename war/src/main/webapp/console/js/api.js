// Talks to the Argus API of the server that served the console. Every request carries the key when
// one is set: with keys configured, Argus wants one for reads as well as for changes.

const KEY_STORAGE = 'argus.apiKey';

/** The application's root (the console lives at <root>/console/). */
export const root = new URL('..', document.baseURI);

export function url(path, params) {
  const u = new URL(path.replace(/^\//, ''), root);
  for (const [name, value] of Object.entries(params || {})) {
    if (value === undefined || value === null || value === '') continue;
    u.searchParams.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return u;
}

export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE) || '';
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

/** An HTTP answer that was not a success, with the problem+json detail when the server sent one. */
export class ApiError extends Error {
  constructor(status, problem, fallback) {
    super(problem?.detail || problem?.title || fallback || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function failure(response) {
  let problem = null;
  try {
    problem = await response.json();
  } catch (ignored) {
    // not JSON: the status line says enough
  }
  return new ApiError(response.status, problem, `${response.status} ${response.statusText}`);
}

async function request(method, path, { params, body, accept = 'application/json', signal, okStatuses = [] } = {}) {
  const headers = { Accept: accept };
  const key = apiKey();
  if (key) headers['X-API-Key'] = key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url(path, params), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    credentials: 'same-origin',
    cache: 'no-store'
  });
  if (!response.ok && !okStatuses.includes(response.status)) throw await failure(response);
  return response;
}

export async function getJson(path, params, options = {}) {
  const response = await request('GET', path, { params, ...options });
  return response.json();
}

export async function getText(path, params, options = {}) {
  const response = await request('GET', path, { params, accept: 'text/plain', ...options });
  return response.text();
}

/** Every page of a listing or query, following X-Next-Cursor, up to maxPages. */
export async function getAll(path, params, { maxPages = 20, signal } = {}) {
  const items = [];
  let cursor;
  for (let page = 0; page < maxPages; page++) {
    const response = await request('GET', path, { params: { ...params, cursor }, signal });
    items.push(...(await response.json()));
    cursor = response.headers.get('X-Next-Cursor');
    if (!cursor) return { items, complete: true };
  }
  return { items, complete: false };
}

export async function send(method, path, body, options = {}) {
  const response = await request(method, path, { body, ...options });
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

/** Hands a blob to the browser as a file download. */
export function saveBlob(blob, filename) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

/** Downloads a file of the API with the key (a plain link cannot send one), under the name the server gives. */
export async function download(path, fallbackName, options = {}) {
  const response = await request('GET', path, { accept: '*/*', ...options });
  const disposition = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
  saveBlob(await response.blob(), disposition ? disposition[1] : fallbackName);
}
