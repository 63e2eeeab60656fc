import { useEffect, useState } from 'react';
import { getJson } from './client.js';

/**
 * State of one GET: the data of the last successful load (kept while a newer one runs, so screens do
 * not flash), its error, and whether a load is running.
 */
export interface ApiState<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
}

/**
 * Loads `url` (null = nothing to load) and reloads when it or `reloadKey` changes; a newer load aborts
 * the older request so a slow answer never overwrites a newer one.
 */
export function useApi<T>(url: string | null, reloadKey = 0): ApiState<T> {
  const key = url === null ? null : `${reloadKey} ${url}`;
  const [state, setState] = useState<{ key: string | null; data: T | null; error: Error | null }>({
    key: null,
    data: null,
    error: null,
  });
  useEffect(() => {
    if (url === null) return;
    const ctrl = new AbortController();
    getJson<T>(url, ctrl.signal).then(
      (data) => setState({ key, data, error: null }),
      (error: unknown) => {
        if (ctrl.signal.aborted) return;
        setState({ key, data: null, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => ctrl.abort();
  }, [url, key]);
  const loading = key !== null && state.key !== key;
  return { data: state.data, error: loading ? null : state.error, loading };
}
