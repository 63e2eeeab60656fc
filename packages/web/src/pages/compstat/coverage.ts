import type { CompstatReport } from '../../api/types.js';
import { addDays, isoWeekSunday } from '../analysis/analysis-period.js';

/** A sentence of the `compstat` messages and its dates (`YYYY-MM-DD`, for the page to format). */
export interface CoverageMessage {
  key: 'compstat.partialWeek' | 'compstat.weekAfterData' | 'compstat.outsideData';
  params: Record<string, string>;
}

/**
 * Why no change of week `week` (`YYYY-Www`) can be marked significant when the data (`dataRange`, the
 * span of occurrence dates) end before its Sunday: `compstat.weekAfterData` when they end before its
 * Monday, `compstat.partialWeek` when they end inside it; null when they reach its Sunday. The server's
 * rule (domain weekCoverage, compstatReport); used where a page knows the week but not its report
 * (meetings).
 */
export function weekEndMessage(week: string, dataRange: { last: string } | null): CoverageMessage | null {
  if (dataRange === null) return null;
  const end = isoWeekSunday(week);
  const { last } = dataRange;
  if (last >= end) return null;
  return last < addDays(end, -6)
    ? { key: 'compstat.weekAfterData', params: { last } }
    : { key: 'compstat.partialWeek', params: { last, end } };
}

/**
 * The warnings over a COMPSTAT report: why its week's changes are not marked (weekEndMessage, when the
 * report's `weekCoverage` is not whole), and `compstat.outsideData` when last year's windows start before
 * the data. The same notes as the CLI table and the PDF book (services coverageNotes).
 */
export function coverageMessages(
  report: Pick<CompstatReport, 'week' | 'periods' | 'dataRange' | 'weekCoverage'>,
): CoverageMessage[] {
  const range = report.dataRange;
  if (range === null) return [];
  const out: CoverageMessage[] = [];
  const end = report.weekCoverage === 'whole' ? null : weekEndMessage(report.week, range);
  if (end) out.push(end);
  const earliest = Object.values(report.periods)
    .map((p) => p.previousStart)
    .sort()[0];
  if (earliest !== undefined && earliest < range.first) {
    out.push({ key: 'compstat.outsideData', params: { first: range.first, last: range.last } });
  }
  return out;
}
