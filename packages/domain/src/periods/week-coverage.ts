import { latestCompleteWeek } from './compstat-periods.js';
import { isoWeekMonday, isoWeekOf, type IsoWeek } from './iso-week.js';
import { parseLocalDate } from './local-date.js';

/**
 * How much of a COMPSTAT week the data cover: `whole` (every day of it, Monday to Sunday), `partial`
 * (some days) or `none` (no day, or there are no data at all).
 */
export type WeekCoverage = 'whole' | 'partial' | 'none';

/** Span of the occurrence dates in the data, local dates `YYYY-MM-DD` (agency time zone). */
export interface DataSpan {
  first: string;
  last: string;
}

/**
 * How much of ISO week `week` the data cover, judged by the span of occurrence dates `span` (first and
 * last record, agency-local dates): `whole` when the span starts on or before the week's Monday and ends
 * on or after its Sunday, `none` when the week lies wholly outside it (or `span` is null), `partial`
 * otherwise: e.g. an export pulled on a Wednesday covers its week up to Tuesday or Wednesday.
 *
 * The last record stands for the end of the export: the data hold no extraction date, and a day without
 * any incident in a whole agency is rare. Where one is possible (a small agency), a whole week whose
 * Sunday had no incident counts as partial until data after it are loaded: the cautious side, since a
 * partial week is never called significant (docs/methods/significance.md).
 *
 * All three COMPSTAT windows (WTD, 28-day, YTD) end on the week's Sunday, so unless the week is `whole`,
 * each of them compares days the data do not hold yet with a whole year-earlier window.
 */
export function weekCoverage(week: IsoWeek, span: DataSpan | null): WeekCoverage {
  if (span === null) return 'none';
  const monday = isoWeekMonday(week);
  const sunday = monday + 6;
  const first = parseLocalDate(span.first);
  const last = parseLocalDate(span.last);
  if (last < monday || first > sunday) return 'none';
  return first <= monday && last >= sunday ? 'whole' : 'partial';
}

/**
 * The week a report opens on when none is asked for (dashboard, `GET /reports/compstat` without `week`,
 * `vigia report compstat` without `--week`, `vigia demo`): the latest complete week on `today` (a local
 * day number, see latestCompleteWeek) or, when the data end before that week's Sunday, the last week
 * whose Sunday the data reach, i.e. the last week they can cover whole. So no report opens on a week
 * whose data stop mid-week (Chicago's file ends on Tuesday 2019-12-31: 2019-W52, not 2020-W01).
 *
 * @param span - the data's span, or null when there are no data (then the latest complete week).
 */
export function defaultReportWeek(today: number, span: Pick<DataSpan, 'last'> | null): IsoWeek {
  const latest = latestCompleteWeek(today);
  if (span === null) return latest;
  const last = parseLocalDate(span.last);
  if (last >= isoWeekMonday(latest) + 6) return latest;
  // The week of the last Sunday on or before `last` (`last` itself when it is a Sunday).
  return isoWeekOf(isoWeekMonday(isoWeekOf(last + 1)) - 1);
}
