import { translate, type Locale } from '@vigia/domain';
import type { ImportSummary } from '@vigia/services';
import { formatCount } from './number.js';

/** The import summary for people: reconciliation line, quarantine reasons, location flags, labels. */
export function formatImportSummary(s: ImportSummary, locale: Locale): string {
  const n = (v: number) => formatCount(v, locale);
  const lines = [
    translate(locale, 'import.summary', {
      read: n(s.read),
      stored: n(s.stored),
      updated: n(s.updated),
      unchanged: n(s.unchanged),
      quarantined: n(s.quarantined),
    }),
  ];
  lines.push(...quarantineReasonLines(s, locale), locationFlagLine(s, locale));
  const labels = topValues(s.unclassifiedLabels, locale);
  if (labels)
    lines.push(translate(locale, 'import.unclassified', { count: labels.total, labels: labels.shown }));
  const arrest = topValues(s.unreadableArrestValues, locale);
  if (arrest)
    lines.push(translate(locale, 'import.unreadableArrest', { count: arrest.total, values: arrest.shown }));
  if (s.possibleDuplicates > 0)
    lines.push(translate(locale, 'import.duplicates', { count: n(s.possibleDuplicates) }));
  const rows = s.stored + s.updated + s.unchanged;
  if (s.incidents !== rows)
    lines.push(translate(locale, 'import.incidents', { rows: n(rows), incidents: n(s.incidents) }));
  if (s.conflictingIds > 0) {
    lines.push(
      translate(locale, 'import.conflicts', {
        count: n(s.conflictingIds),
        samples: s.conflictingIdSamples.join(', '),
      }),
    );
  }
  if (s.replaced > 0) lines.push(translate(locale, 'import.replaced', { count: n(s.replaced) }));
  lines.push(...unitLines(s, locale));
  return `${lines.join('\n')}\n`;
}

/** Source values with row counts: their total, and the ten most frequent as `"value" (rows)`; null when none. */
function topValues(counts: Record<string, number>, locale: Locale): { total: string; shown: string } | null {
  const entries = Object.entries(counts);
  if (entries.length === 0) return null;
  const total = entries.reduce((a, [, c]) => a + c, 0);
  const shown = entries
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([v, c]) => `"${v}" (${formatCount(c, locale)})`)
    .join(', ');
  return { total: formatCount(total, locale), shown };
}

/** The quarantine reasons of an import (rows per reason, with the command that lists them). */
export function quarantineReasonLines(
  s: { importId: number; quarantineReasons: Partial<Record<string, number>> },
  locale: Locale,
): string[] {
  const reasons = Object.entries(s.quarantineReasons);
  if (reasons.length === 0) return [];
  return [
    translate(locale, 'import.reasons', { importId: s.importId }),
    ...reasons.map(
      ([code, count]) =>
        `  ${code.padEnd(24)} ${formatCount(count ?? 0, locale).padStart(9)}  ${translate(locale, `quarantine.${code}`)}`,
    ),
  ];
}

/** Location flags of the stored rows: without location, outside every unit, source unit disagreeing. */
export function locationFlagLine(
  s: { noLocation: number; outsideJurisdiction: number; unitDisagreements: number },
  locale: Locale,
): string {
  return translate(locale, 'import.flags', {
    noLocation: formatCount(s.noLocation, locale),
    outside: formatCount(s.outsideJurisdiction, locale),
    disagree: formatCount(s.unitDisagreements, locale),
  });
}

/** A warning when no units exist, or how many rows name an unknown unit. */
export function unitLines(
  s: { unitsAvailable: number; unknownSourceUnits: number },
  locale: Locale,
): string[] {
  if (s.unitsAvailable === 0) return [translate(locale, 'import.noUnits')];
  if (s.unknownSourceUnits > 0) {
    return [translate(locale, 'import.unknownUnits', { count: formatCount(s.unknownSourceUnits, locale) })];
  }
  return [];
}
