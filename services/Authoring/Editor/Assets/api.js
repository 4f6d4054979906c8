// The JSON API client: bearer token in sessionStorage (gone when the tab closes), problem details
// turned into readable errors, ETags exposed so edits can send If-Match.

const TOKEN_KEY = 'newsplatform.editor.token';

export class ApiError extends Error {
  constructor(status, title, detail, body) {
    super(detail || title || `The server answered ${status}.`);
    this.status = status;
    this.title = title;
    this.body = body;
  }
}

let onUnauthorized = () => {};

export function whenUnauthorized(handler) { onUnauthorized = handler; }

export function token() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
    if (!saved || !saved.accessToken) return null;
    if (saved.expiresAt && Date.parse(saved.expiresAt) <= Date.now()) return null;
    return saved.accessToken;
  } catch {
    return null;
  }
}

export function forgetToken() { sessionStorage.removeItem(TOKEN_KEY); }

export async function signIn(email, password) {
  const result = await request('POST', '/api/auth/token', { body: { email, password }, anonymous: true });
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify(result.data));
  return result.data;
}

export const versionTag = (version) => `"${version}"`;

/** The stream version an ETag carries ("3" or W/"3"), or null. */
export function versionFromETag(etag) {
  const match = /^(?:W\/)?"?(\d+)"?$/.exec((etag || '').trim());
  return match ? Number(match[1]) : null;
}

/**
 * Sends one request. Resolves with { status, data, etag, location } on 2xx and 304; throws
 * ApiError otherwise (and on network failure, with status 0). Options: body (JSON), form
 * (multipart), ifMatch / ifNoneMatch (a version), anonymous (no token), quiet (a 401 does not
 * ask the person to sign in again).
 */
export async function request(method, path, options = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  let body;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (options.ifMatch !== undefined && options.ifMatch !== null) headers['If-Match'] = versionTag(options.ifMatch);
  if (options.ifNoneMatch !== undefined && options.ifNoneMatch !== null) headers['If-None-Match'] = versionTag(options.ifNoneMatch);
  const bearer = token();
  if (bearer && !options.anonymous) headers.Authorization = `Bearer ${bearer}`;

  let response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  } catch (error) {
    throw new ApiError(0, 'No connection', 'The server could not be reached. Check your connection and try again.', null);
  }

  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = text; }
  }
  if (response.ok || response.status === 304) {
    return { status: response.status, data, etag: response.headers.get('ETag'), location: response.headers.get('Location') };
  }
  const problem = data && typeof data === 'object' ? data : {};
  const error = new ApiError(response.status, problem.title, problemText(problem), data);
  // Background checks stay quiet; the next thing the person does will ask them to sign in.
  if (response.status === 401 && !options.anonymous && !options.quiet) onUnauthorized(error);
  throw error;
}

function problemText(problem) {
  const parts = [];
  if (problem.detail) parts.push(problem.detail);
  if (problem.errors && typeof problem.errors === 'object') {
    for (const [field, messages] of Object.entries(problem.errors)) {
      const list = Array.isArray(messages) ? messages : [messages];
      parts.push(`${field}: ${list.join(' ')}`);
    }
  }
  if (parts.length === 0 && problem.title) parts.push(problem.title);
  return parts.join(' ');
}
