import { defaultReportWeek, formatIsoWeek, localDayOf, type DataSpan, spanOfDateRanges } from '@vigia/domain';
import { isCallStore, type Store } from '@vigia/store';
import { requireAgency } from '../agency/require-agency.js';

/** The span of the occurrence dates of all current incidents (local dates), or null with no incident. */
export async function incidentDataSpan(store: Store): Promise<DataSpan | null> {
  return spanOfDateRanges(await store.occurrenceDateRanges());
}

/**
 * The COMPSTAT week (`YYYY-Www`) a report opens on when none is asked for: the latest complete week in
 * the agency's time zone at `nowMs` (UTC epoch ms), or the last week the incident data cover whole when
 * they end before it (domain `defaultReportWeek`). One rule for the dashboard, the API, `vigia report
 * compstat` without `--week` and `vigia demo`.
 *
 * @throws VigiaError NOT_INITIALIZED.
 */
export async function defaultCompstatWeek(store: Store, nowMs: number): Promise<string> {
  const agency = await requireAgency(store);
  const today = localDayOf(nowMs, agency.timeZone);
  return formatIsoWeek(defaultReportWeek(today, await incidentDataSpan(store)));
}

/**
 * The week (`YYYY-Www`) the police response report opens on when none is asked for: the rule of
 * `defaultCompstatWeek` on the span of the calls for service (the latest complete week in the agency's
 * time zone at `nowMs`, or the last week the calls cover whole when they end before it). The dashboard's
 * Police response page, `GET /reports/response` and `vigia report response` without a week share it.
 *
 * @throws VigiaError NOT_INITIALIZED.
 */
export async function defaultResponseWeek(store: Store, nowMs: number): Promise<string> {
  const agency = await requireAgency(store);
  const today = localDayOf(nowMs, agency.timeZone);
  const span = isCallStore(store) ? await store.callDateRange() : null;
  return formatIsoWeek(defaultReportWeek(today, span));
}
