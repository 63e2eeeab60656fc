import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  formatIsoWeek,
  isoWeekMonday,
  isoWeekOf,
  isoWeekday,
  latestCompleteWeek,
  localDayOf,
  parseLocalDate,
  spanOfDateRanges,
  type IsoWeek,
} from '@vigia/domain';
import { isDemoAgency, requireAgency } from '@vigia/services';
import { isCallStore, type Store } from '@vigia/store';
import { Agency, Lang, errorResponses } from '../app/schemas.js';

/**
 * GET /agency: what every dashboard page starts from — name, time zone, locale, unit levels, the span
 * of the incidents and of the calls for service, and the weeks the pages open on. Not cached: the
 * dashboard reloads it after an upload to see the new data's span.
 */
export function registerAgencyRoutes(app: FastifyInstance, ctx: { store: Store; now: () => number }): void {
  const { store } = ctx;
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/agency',
    {
      config: { access: 'data.read' },
      schema: {
        summary: 'The agency: name, time zone, locale, unit levels, data span and latest complete week',
        tags: ['agency'],
        querystring: Type.Object({ lang: Lang }),
        response: { 200: Agency, ...errorResponses },
      },
    },
    async () => {
      const agency = await requireAgency(store);
      const dataRange = spanOfDateRanges(await store.occurrenceDateRanges());
      const callDataRange = isCallStore(store) ? await store.callDateRange() : null;
      const latest = latestCompleteWeek(localDayOf(ctx.now(), agency.timeZone));
      return {
        name: agency.name,
        country: agency.country,
        timeZone: agency.timeZone,
        locale: agency.locale,
        weekStart: agency.weekStart,
        levels: await store.listUnitLevels(),
        latestCompleteWeek: formatIsoWeek(latest),
        defaultWeek: formatIsoWeek(defaultWeekOf(latest, dataRange)),
        dataRange,
        responseDefaultWeek: formatIsoWeek(defaultWeekOf(latest, callDataRange)),
        callDataRange,
        demo: isDemoAgency(agency),
        version: agency.version,
        epsg: agency.epsg,
      };
    },
  );
}

/**
 * The week the dashboard opens on: the latest complete week, or, when the data stop before it, the last
 * week the data cover whole (the one whose Sunday is on or before the last record's date), so the book
 * does not open on a week whose data stop mid-week. The same rule with the calls' span gives the week
 * the police response page opens on.
 */
export function defaultWeekOf(latest: IsoWeek, dataRange: { last: string } | null): IsoWeek {
  if (!dataRange) return latest;
  const last = parseLocalDate(dataRange.last);
  if (last >= isoWeekMonday(latest) + 6) return latest;
  const week = isoWeekOf(last);
  return isoWeekday(last) === 7 ? week : isoWeekOf(isoWeekMonday(week) - 1);
}
