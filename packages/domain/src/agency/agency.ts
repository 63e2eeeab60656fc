import { VigiaError } from '../errors/vigia-error.js';
import { isLocale, type Locale } from '../i18n/locale.js';

/**
 * A police agency (a national force or a city department): the owner of every unit and incident.
 * Times are stored as UTC instants; `timeZone` (IANA, e.g. "America/Panama") is used to compute local
 * dates and COMPSTAT weeks, which start on Monday (ISO 8601).
 */
export interface Agency {
  /** Stable numeric id; every large table keys on it (DESIGN.md: scale-out by agency). */
  id: number;
  name: string;
  /** ISO 3166-1 alpha-2 country code, e.g. "PA", or "" when unknown. */
  country: string;
  /** IANA time zone name. */
  timeZone: string;
  /** Language of reports and messages. */
  locale: Locale;
  /** Always "monday": the COMPSTAT week is Monday–Sunday in agency time. */
  weekStart: 'monday';
  /**
   * EPSG code of the metric CRS every spatial analysis projects to by default (a national or city grid
   * in metres, checked with proj4); null = the UTM zone of the analysed incidents.
   */
  epsg: number | null;
}

/**
 * The canonical spelling of an IANA time zone name the runtime knows (Intl / ICU data), e.g.
 * "america/panama" → "America/Panama", or null when it is not a zone. Only "Area/Location" names and
 * "UTC" are accepted: abbreviations such as "EST" or "GMT" are ambiguous in a police record.
 */
export function canonicalTimeZone(tz: string): string | null {
  if (!tz || (!tz.includes('/') && tz.toUpperCase() !== 'UTC')) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** True when `tz` is an IANA time zone name the runtime knows (see {@link canonicalTimeZone}). */
export function isValidTimeZone(tz: string): boolean {
  return canonicalTimeZone(tz) !== null;
}

/**
 * Validates the fields of a new agency.
 * @throws VigiaError INVALID_TIME_ZONE when `timeZone` is not an IANA zone; INVALID_LOCALE when the
 *   locale is not "es" or "en"; INVALID_ARGUMENT when the name is empty.
 */
export function validateAgencyInput(input: { name: string; timeZone: string; locale: string }): void {
  if (!input.name.trim()) throw new VigiaError('INVALID_ARGUMENT', { name: 'agency-name', value: '' });
  if (!isValidTimeZone(input.timeZone)) throw new VigiaError('INVALID_TIME_ZONE', { value: input.timeZone });
  if (!isLocale(input.locale)) throw new VigiaError('INVALID_LOCALE', { value: input.locale });
}
