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

/**
 * The current route and a function to go elsewhere (pushes a history entry, so Back works). `go` sets
 * the route at once as well as the hash: `hashchange` fires only in a later task, and until then a
 * control whose value comes from the route (a checkbox, a select) would be rendered back to its old
 * value right after the user changed it (the e2e analysis test saw "clicking the checkbox did not
 * change its state" about one run in four).
 */
export function useRoute(): [Route, (page: Page, params?: Record<string, string | undefined>) => void] {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((page: Page, params: Record<string, string | undefined> = {}) => {
    const hash = routeHash(page, params);
    window.location.hash = hash;
    setRoute(parseHash(hash));
  }, []);
  return [route, go];
}
