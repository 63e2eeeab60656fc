import type { Store } from '@vigia/store';
import { isCallStore } from '@vigia/store';
import { responseReport } from './response-report.js';
import type { ResponseReport, ResponseReportInput } from './response-types.js';

/**
 * The "police response" section of the weekly COMPSTAT report: the response report of the same week
 * (WTD, 28-day, YTD against last year) when the agency has calls for service, else null (so an agency
 * without calls gets the COMPSTAT report exactly as before).
 *
 * @throws VigiaError as {@link responseReport}.
 */
export async function policeResponseSection(
  store: Store,
  input: { week: string; level?: string | undefined } & Pick<
    ResponseReportInput,
    'targetsSec' | 'shifts' | 'includeOfficerInitiated'
  >,
): Promise<ResponseReport | null> {
  if (!isCallStore(store) || (await store.countCurrentCalls()) === 0) return null;
  return responseReport(store, input);
}
