import { translate, type Locale } from '@vigia/domain';
import type { CallImportSummary } from '@vigia/services';
import { formatCount } from './number.js';

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
  const reasons = Object.entries(s.quarantineReasons);
  if (reasons.length > 0) {
    lines.push(translate(locale, 'import.reasons', { importId: s.importId }));
    for (const [code, count] of reasons) {
      lines.push(`  ${code.padEnd(24)} ${n(count).padStart(9)}  ${translate(locale, `quarantine.${code}`)}`);
    }
  }
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
  lines.push(
    translate(locale, 'import.flags', {
      noLocation: n(s.noLocation),
      outside: n(s.outsideJurisdiction),
      disagree: n(s.unitDisagreements),
    }),
  );
  if (s.possibleDuplicates > 0)
    lines.push(translate(locale, 'import.duplicates', { count: n(s.possibleDuplicates) }));
  if (s.unitsAvailable === 0) lines.push(translate(locale, 'import.noUnits'));
  else if (s.unknownSourceUnits > 0) {
    lines.push(translate(locale, 'import.unknownUnits', { count: n(s.unknownSourceUnits) }));
  }
  return `${lines.join('\n')}\n`;
}
