import { isLocale, VigiaError } from '@vigia/domain';
import type { AgencyRecord, Store } from '@vigia/store';
import { checkAgencyCrs } from './init-agency.js';

/** Agency settings an administrator may change (the time zone may not: stored local dates depend on it). */
export interface UpdateAgencyInput {
  name?: string;
  /** ISO 3166-1 alpha-2, or "" when unknown. */
  country?: string;
  /** "es" or "en". */
  locale?: string;
  /** Metric CRS of spatial analyses (EPSG code); null = back to the UTM zone of the data. */
  epsg?: number | null;
}

/**
 * Saves agency settings edited from the version the editor read (optimistic concurrency: with several
 * instances and several editors, the second save of the same version is refused, not silently applied).
 *
 * @param expectedVersion - `version` of the AgencyRecord the editor started from.
 * @param actor - who saves, for the `agency.update` audit row (before/after of what changed).
 * @returns the saved record, its version one higher.
 * @throws VigiaError INVALID_ARGUMENT (empty name, country not two letters), INVALID_LOCALE,
 *   CRS_UNKNOWN / CRS_NOT_METRIC (an EPSG code that is not a metric projected CRS),
 *   STORE_CONFLICT (someone saved first: HTTP 409; reload and apply again), NOT_INITIALIZED.
 */
export async function updateAgencySettings(
  store: Store,
  input: UpdateAgencyInput,
  expectedVersion: number,
  actor?: string,
): Promise<AgencyRecord> {
  const name = input.name?.trim();
  if (name !== undefined && !name) throw new VigiaError('INVALID_ARGUMENT', { name: 'name', value: '' });
  const country = input.country?.trim().toUpperCase();
  if (country !== undefined && country !== '' && !/^[A-Z]{2}$/.test(country)) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'country', value: input.country ?? '' });
  }
  if (input.locale !== undefined && !isLocale(input.locale)) {
    throw new VigiaError('INVALID_LOCALE', { value: input.locale });
  }
  if (input.epsg !== undefined && input.epsg !== null) checkAgencyCrs(input.epsg);
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'version', value: String(expectedVersion) });
  }
  return store.updateAgency(
    { name, country, locale: input.locale, epsg: input.epsg },
    expectedVersion,
    actor,
  );
}
