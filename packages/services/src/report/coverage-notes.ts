import type { CompstatReport } from './compstat-report.js';

/**
 * One sentence a report page prints about the data's coverage: an i18n key of the `report` messages and
 * its parameters (local dates `YYYY-MM-DD`, for the renderer to format).
 */
export interface CoverageNote {
  key: 'report.partialWeek' | 'report.weekAfterData' | 'report.outsideData';
  params: Record<string, string>;
}

/**
 * Why a report marks fewer changes significant than the exact test alone would, in the order a page
 * prints them (CLI table, PDF book, meeting agenda):
 * - `report.partialWeek` (`last`, `end`): the data end inside the week (`weekCoverage` partial at its
 *   end), so no change is marked;
 * - `report.weekAfterData` (`last`): the week starts after the last record, so no change is marked;
 * - `report.outsideData` (`first`, `last`): last year's windows start before the first record, or the
 *   week before it; the changes of those windows are not marked.
 * Empty when the week and last year's windows lie inside the data (or there are no data at all).
 */
export function coverageNotes(
  report: Pick<CompstatReport, 'dataRange' | 'weekCoverage' | 'periods'>,
): CoverageNote[] {
  const range = report.dataRange;
  if (range === null) return [];
  const notes: CoverageNote[] = [];
  const week = report.periods.wtd;
  if (report.weekCoverage !== 'whole' && range.last < week.end) {
    notes.push(
      range.last < week.start
        ? { key: 'report.weekAfterData', params: { last: range.last } }
        : { key: 'report.partialWeek', params: { last: range.last, end: week.end } },
    );
  }
  // The earliest of last year's windows: YTD's, or in early January the 28 days' (they reach December).
  const earliest = Object.values(report.periods)
    .map((p) => p.previousStart)
    .sort()[0]!;
  if (earliest < range.first) {
    notes.push({ key: 'report.outsideData', params: { first: range.first, last: range.last } });
  }
  return notes;
}
