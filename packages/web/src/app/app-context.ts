import { createContext, useContext } from 'react';
import type { Agency, UnitFeature } from '../api/types.js';
import type { Page } from './router.js';

/**
 * What every page needs: the agency, its units (without polygons), categories, navigation, and the
 * version of the data (pages that show imported data reload when it changes).
 */
export interface AppData {
  agency: Agency;
  units: UnitFeature[];
  categories: { code: string; label: string }[];
  params: Record<string, string>;
  go: (page: Page, params?: Record<string, string | undefined>) => void;
  /** Bumped by {@link AppData.dataChanged}: a reload key for pages showing imported data. */
  dataVersion: number;
  /** Says an import ended: the agency (data spans, default weeks) and data pages load again. */
  dataChanged: () => void;
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
