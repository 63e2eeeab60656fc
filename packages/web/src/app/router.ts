import { useCallback, useEffect, useState } from 'react';

/** Pages of the dashboard; the first is the default. */
export const PAGES = [
  'compstat',
  'map',
  'trends',
  'analysis',
  'response',
  'quality',
  'meetings',
  'actions',
  'users',
  'audit',
] as const;
export type Page = (typeof PAGES)[number];

/** A location: `#/page?key=value…` (hash routes: any static server can serve the dashboard). */
export interface Route {
  page: Page;
  params: Record<string, string>;
}

/** Parses a location hash such as `#/compstat?week=2019-W50&unit=11`; unknown pages fall back to the first. */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const page = (PAGES as readonly string[]).includes(path) ? (path as Page) : PAGES[0];
  return { page, params: Object.fromEntries(new URLSearchParams(query)) };
}

/** The hash for a route; empty parameters are left out. */
export function routeHash(page: Page, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return `#/${page}${s ? `?${s}` : ''}`;
}

/** The current route and a function to go elsewhere (pushes a history entry, so Back works). */
export function useRoute(): [Route, (page: Page, params?: Record<string, string | undefined>) => void] {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((page: Page, params: Record<string, string | undefined> = {}) => {
    window.location.hash = routeHash(page, params);
  }, []);
  return [route, go];
}
