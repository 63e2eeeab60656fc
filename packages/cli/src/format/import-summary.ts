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
  const reasons = Object.entries(s.quarantineReasons);
  if (reasons.length > 0) {
    lines.push(translate(locale, 'import.reasons', { importId: s.importId }));
    for (const [code, count] of reasons) {
      lines.push(`  ${code.padEnd(24)} ${n(count).padStart(9)}  ${translate(locale, `quarantine.${code}`)}`);
    }
  }
  lines.push(
    translate(locale, 'import.flags', {
      noLocation: n(s.noLocation),
      outside: n(s.outsideJurisdiction),
      disagree: n(s.unitDisagreements),
    }),
  );
  const labels = Object.entries(s.unclassifiedLabels);
  if (labels.length > 0) {
    const total = labels.reduce((a, [, c]) => a + c, 0);
    const shown = labels
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([l, c]) => `"${l}" (${n(c)})`)
      .join(', ');
    lines.push(translate(locale, 'import.unclassified', { count: n(total), labels: shown }));
  }
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
  if (s.unitsAvailable === 0) lines.push(translate(locale, 'import.noUnits'));
  else if (s.unknownSourceUnits > 0) {
    lines.push(translate(locale, 'import.unknownUnits', { count: n(s.unknownSourceUnits) }));
  }
  return `${lines.join('\n')}\n`;
}
