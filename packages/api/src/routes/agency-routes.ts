import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  defaultReportWeek,
  formatIsoWeek,
  latestCompleteWeek,
  localDayOf,
  spanOfDateRanges,
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
      const today = localDayOf(ctx.now(), agency.timeZone);
      return {
        name: agency.name,
        country: agency.country,
        timeZone: agency.timeZone,
        locale: agency.locale,
        weekStart: agency.weekStart,
        levels: await store.listUnitLevels(),
        latestCompleteWeek: formatIsoWeek(latestCompleteWeek(today)),
        // One rule with GET /reports/compstat without a week (domain defaultReportWeek).
        defaultWeek: formatIsoWeek(defaultReportWeek(today, dataRange)),
        dataRange,
        responseDefaultWeek: formatIsoWeek(defaultReportWeek(today, callDataRange)),
        callDataRange,
        demo: isDemoAgency(agency),
        version: agency.version,
        epsg: agency.epsg,
      };
    },
  );
}
