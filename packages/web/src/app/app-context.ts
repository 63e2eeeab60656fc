import { createContext, useContext } from 'react';
import type { Agency, UnitFeature } from '../api/types.js';
import type { Page } from './router.js';

/** What every page needs: the agency, its units (without polygons), categories, and navigation. */
export interface AppData {
  agency: Agency;
  units: UnitFeature[];
  categories: { code: string; label: string }[];
  params: Record<string, string>;
  go: (page: Page, params?: Record<string, string | undefined>) => void;
}

export const AppContext = createContext<AppData | null>(null);

/** The app data; only inside the loaded app shell. */
export function useApp(): AppData {
  const v = useContext(AppContext);
  if (!v) throw new Error('useApp outside AppContext');
  return v;
}

/** Units by code. */
export function unitByCode(units: UnitFeature[], code: string | undefined): UnitFeature | undefined {
  return code === undefined ? undefined : units.find((u) => u.properties.code === code);
}
