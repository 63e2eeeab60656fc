import { dayNumber } from './local-date.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The local calendar date (day number) of UTC instant `epochMs` in IANA zone `timeZone`,
 * using the runtime's time zone data (Intl). Never the host's zone.
 */
export function localDayOf(epochMs: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(epochMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return dayNumber(get('year'), get('month'), get('day'));
}
