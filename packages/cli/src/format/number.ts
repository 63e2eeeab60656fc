import type { Locale } from '@vigia/domain';

const integer = new Map<Locale, Intl.NumberFormat>();
const percent = new Map<Locale, Intl.NumberFormat>();

/**
 * An integer count in the locale's digit grouping ("14.721" in es, "14,721" in en), grouped from four
 * digits on ("2.527") so one column never mixes grouped and ungrouped numbers.
 */
export function formatCount(n: number, locale: Locale): string {
  let f = integer.get(locale);
  if (!f) {
    integer.set(
      locale,
      (f = new Intl.NumberFormat(locale === 'es' ? 'es-ES' : 'en-US', { useGrouping: 'always' })),
    );
  }
  return f.format(n);
}

/** A percent change with one decimal and a sign ("+6,5" in es), or "n/d" / "n/a" when null. */
export function formatPct(p: number | null, locale: Locale): string {
  if (p === null) return locale === 'es' ? 'n/d' : 'n/a';
  let f = percent.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'es' ? 'es-ES' : 'en-US', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });
    percent.set(locale, f);
  }
  return f.format(p);
}

const rate = new Map<Locale, Intl.NumberFormat>();

/** A share (0–1) as a percent with one decimal ("33,3 %" in es, "33.3%" in en), or "—" when null. */
export function formatRate(r: number | null, locale: Locale): string {
  if (r === null) return '—';
  let f = rate.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'es' ? 'es-ES' : 'en-US', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    rate.set(locale, f);
  }
  return f.format(r);
}
