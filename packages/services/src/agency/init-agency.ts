import { crsDefinition } from '@vigia/analysis';
import { canonicalTimeZone, validateAgencyInput, type Agency, type Locale } from '@vigia/domain';
import type { Store } from '@vigia/store';

/** Input of `vigia init`. */
export interface InitAgencyInput {
  name: string;
  timeZone: string;
  /** "es" or "en" (validated). */
  locale: string;
  /** ISO 3166-1 alpha-2, optional. */
  country?: string;
  /** Who creates it, for the `agency.create` audit row (docs/audit.md). */
  actor?: string;
  /** Metric CRS of spatial analyses (EPSG code; default: the UTM zone of the data). */
  epsg?: number;
}

/**
 * Creates the store's agency (and its `agency.create` audit row, in the same transaction).
 * @throws VigiaError INVALID_TIME_ZONE, INVALID_LOCALE, INVALID_ARGUMENT, CRS_UNKNOWN, CRS_NOT_METRIC,
 *   AGENCY_EXISTS.
 */
export async function initAgency(store: Store, input: InitAgencyInput): Promise<Agency> {
  validateAgencyInput({ name: input.name, timeZone: input.timeZone, locale: input.locale });
  if (input.epsg !== undefined) checkAgencyCrs(input.epsg);
  return store.createAgency({
    name: input.name.trim(),
    country: (input.country ?? '').toUpperCase(),
    timeZone: canonicalTimeZone(input.timeZone) ?? input.timeZone,
    locale: input.locale as Locale,
    actor: input.actor,
    epsg: input.epsg ?? null,
  });
}

/**
 * Checks an agency's EPSG code: a projected CRS in metres that proj4 can use (UTM zones, and the
 * EPSG list of proj4js-definitions; docs/methods/projection.md).
 * @throws VigiaError CRS_UNKNOWN, CRS_NOT_METRIC.
 */
export function checkAgencyCrs(epsg: number): void {
  crsDefinition(epsg);
}
