import type { Locale } from '../api/types.js';

const tags: Record<Locale, string> = { es: 'es', en: 'en-US' };

/** Locale-aware formatting of counts, percentages and local dates (Intl). */
export interface Formatters {
  /** Integer count with grouped digits (12 345 / 12,345). */
  count: (n: number) => string;
  /** Signed integer change (+3, −2). */
  change: (n: number) => string;
  /** Signed percent from a percentage number (12.5 → +12.5 %). */
  pct: (p: number) => string;
  /** Share 0–1 as a percent. */
  share: (s: number) => string;
  /** A local date YYYY-MM-DD (agency time zone) shown as a date; no time-zone shift applies. */
  date: (d: string) => string;
  /** A UTC instant (ISO 8601) shown as date and time in the agency time zone (IANA). */
  instant: (iso: string, timeZone: string) => string;
}

/** Formatters for a language. */
export function formatters(lang: Locale): Formatters {
  const tag = tags[lang];
  const int = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(tag, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const pct = new Intl.NumberFormat(tag, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const share = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  // Local dates are calendar days: format them as UTC midnight so the browser's zone cannot move them.
  const day = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    count: (n) => int.format(n),
    change: (n) => signed.format(n),
    pct: (p) => pct.format(p / 100),
    share: (s) => share.format(s),
    date: (d) => day.format(new Date(`${d.slice(0, 10)}T00:00:00Z`)),
    instant: (iso, timeZone) => {
      const t = new Date(iso);
      if (Number.isNaN(t.getTime())) return iso;
      return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(t);
    },
  };
}
