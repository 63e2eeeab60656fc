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
 * GET a JSON resource. Throws {@link ApiError} on an HTTP error, and the fetch's own error on a network
 * failure or abort.
 */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw await toError(res);
  return (await res.json()) as T;
}

/** POST a multipart form (uploads); same errors as {@link getJson}. */
export async function postForm<T>(url: string, form: FormData): Promise<T> {
  const res = await fetch(url, { method: 'POST', body: form, headers: { accept: 'application/json' } });
  if (!res.ok) throw await toError(res);
  return (await res.json()) as T;
}

/**
 * Sends a JSON body (`POST`, `PUT`, `PATCH`) and returns the JSON answer; same errors as
 * {@link getJson}. Every state-changing request of the dashboard goes through here, so request
 * headers it needs (e.g. CSRF protection) are added in one place.
 */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH', url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    body: JSON.stringify(body),
    headers: { accept: 'application/json', 'content-type': 'application/json' },
  });
  if (!res.ok) throw await toError(res);
  return (await res.json()) as T;
}
