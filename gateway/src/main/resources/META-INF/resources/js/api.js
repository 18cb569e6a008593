// The gateway API under /api/v1: the key from sessionStorage in X-API-Key, problems (RFC 9457) as ApiError.

const KEY = 'kotone.apiKey';
const ROLE = 'kotone.role';

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  /** 'client' or 'analyst' (an analyst key may also be an admin key: admin actions answer 403 otherwise). */
  get role() { return sessionStorage.getItem(ROLE) || 'analyst'; },
  save(key, role) { sessionStorage.setItem(KEY, key); sessionStorage.setItem(ROLE, role); },
  clear() { sessionStorage.removeItem(KEY); sessionStorage.removeItem(ROLE); },
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || { status, title: `HTTP ${status}` };
  }
}

let unauthorized = () => {};
/** What to do when the stored key is refused (401). */
export function onUnauthorized(handler) { unauthorized = handler; }

/**
 * api('/eval/runs', {query: {limit: 1}, signal}); api('/score', {method: 'POST', body: {...}}).
 * Query values that are null, undefined or '' are left out. Resolves to the parsed JSON (null without a body).
 */
export async function api(path, { method = 'GET', query, body, signal, key, headers } = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) if (v != null && v !== '') params.set(k, v);
  const url = `/api/v1${path}${params.toString() ? `?${params}` : ''}`;
  const response = await fetch(url, {
    method,
    signal,
    headers: {
      'X-API-Key': key ?? session.key ?? '',
      Accept: 'application/json, application/problem+json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && key === undefined) unauthorized(error);
    throw error;
  }
  return data;
}

export const enc = encodeURIComponent;

/** The role of a key, as the gateway says it (GET /api/v1/whoami); a 401 means the key is not valid. */
export async function probeRole(key) {
  const me = await api('/whoami', { key });
  return me.role;
}

/** Runs tick() every ms while it resolves true and the view is current (ctx.signal not aborted). */
export function poll(ctx, ms, tick) {
  let timer;
  const run = async () => {
    if (ctx.signal.aborted) return;
    let again = true;
    try {
      again = await tick();
    } catch (e) {
      if (e?.name === 'AbortError') return;
      // a failed refresh keeps what is shown and tries again
    }
    if (again && !ctx.signal.aborted) timer = setTimeout(run, ms);
  };
  ctx.signal.addEventListener('abort', () => clearTimeout(timer));
  timer = setTimeout(run, ms);
}
