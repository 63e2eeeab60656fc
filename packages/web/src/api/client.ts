import type { Locale } from './types.js';

/** A catalogued API error (packages/domain errors): code, message in the request language, request id. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly requestId: string | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Query parameters; undefined and empty values are left out. */
export type Params = Record<string, string | number | boolean | undefined | null>;

/**
 * URL of an API resource under /api/v1 with its query string; `lang` is always passed so the server
 * answers error messages and labels in the dashboard's language.
 */
export function apiUrl(path: string, params: Params, lang: Locale): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  q.set('lang', lang);
  return `/api/v1${path}?${q.toString()}`;
}

/** Turns a non-2xx response into an {@link ApiError} (the body is `{ error: { code, message, requestId } }`). */
async function toError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; requestId?: string } };
    const e = body.error ?? {};
    return new ApiError(e.message ?? res.statusText, e.code ?? 'HTTP', res.status, e.requestId ?? null);
  } catch {
    return new ApiError(`${res.status} ${res.statusText}`, 'HTTP', res.status, null);
  }
}

/**
 * The session's CSRF token (from sign-in or GET /auth/me): every state-changing request repeats it in
 * the X-CSRF-Token header (the session cookie itself is httpOnly: scripts never see it).
 */
let csrfToken = '';
/** Called when the server answers 401 to a request other than sign-in: the session ended. */
let onUnauthenticated: () => void = () => undefined;

/** Sets the CSRF token of the current session ('' after sign-out). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Sets what happens when a request finds the session gone (the app shows the sign-in page). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** fetch with the session cookie and, unless GET, the CSRF header; a 401 calls the handler and throws. */
async function send(
  url: string,
  init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> },
): Promise<Response> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  if (method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, { ...init, method, headers, credentials: 'same-origin' });
  if (!res.ok) {
    const error = await toError(res);
    if (res.status === 401 && error.code === 'UNAUTHENTICATED') onUnauthenticated();
    throw error;
  }
  return res;
}

/**
 * GET a JSON resource. Throws {@link ApiError} on an HTTP error, and the fetch's own error on a network
 * failure or abort.
 */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return (await (await send(url, { signal })).json()) as T;
}

/** POST a JSON body (with the CSRF header) and read the JSON answer; same errors as {@link getJson}. */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  return sendJson<T>('POST', url, body);
}

/** POST a multipart form (uploads); same errors as {@link getJson}. */
export async function postForm<T>(url: string, form: FormData): Promise<T> {
  return (await (await send(url, { method: 'POST', body: form })).json()) as T;
}

/** POST, PUT, PATCH or DELETE a JSON body; resolves to the JSON answer (null for 204). Same errors as {@link getJson}. */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<T> {
  const res = await send(url, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return (res.status === 204 ? null : await res.json()) as T;
}
