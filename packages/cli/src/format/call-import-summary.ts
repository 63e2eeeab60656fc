import { translate, type Locale } from '@vigia/domain';
import type { CallImportSummary } from '@vigia/services';
import { formatCount } from './number.js';
import { locationFlagLine, quarantineReasonLines, unitLines } from './import-summary.js';

/** The call import summary for people: reconciliation, quarantine reasons, response-time exclusions. */
export function formatCallImportSummary(s: CallImportSummary, locale: Locale): string {
  const n = (v: number) => formatCount(v, locale);
  const lines = [
    translate(locale, 'calls.summary', {
      read: n(s.read),
      stored: n(s.stored),
      updated: n(s.updated),
      unchanged: n(s.unchanged),
      quarantined: n(s.quarantined),
      calls: n(s.calls),
    }),
  ];
  lines.push(...quarantineReasonLines(s, locale));
  if (s.dateOnly > 0) lines.push(translate(locale, 'calls.dateOnly', { count: n(s.dateOnly) }));
  if (s.dateOnly < s.read - s.quarantined) {
    lines.push(
      translate(locale, 'calls.times', { officer: n(s.officerInitiated), noOnScene: n(s.noOnScene) }),
    );
  }
  const flags = Object.entries(s.intervalFlags);
  if (flags.length > 0) {
    lines.push(translate(locale, 'calls.flags', { flags: flags.map(([f, c]) => `${f} ${n(c)}`).join(', ') }));
  }
  lines.push(locationFlagLine(s, locale));
  if (s.possibleDuplicates > 0)
    lines.push(translate(locale, 'import.duplicates', { count: n(s.possibleDuplicates) }));
  // Without units, calls are still grouped by the source's unit code (unlike incidents, which then
  // count only in the agency total), so the incident warning would mislead.
  if (s.unitsAvailable === 0) lines.push(translate(locale, 'calls.noUnits'));
  else lines.push(...unitLines(s, locale));
  return `${lines.join('\n')}\n`;
}
