import { scopedUnitCode } from '../auth/unit-scope.js';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VigiaError } from '@vigia/domain';
import { defaultResponseWeek, parseShifts, parseTargets, responseReport } from '@vigia/services';
import type { Store } from '@vigia/store';
import type { ResponseCache } from '../app/response-cache.js';
import { ResponseReportSchema } from '../app/response-schemas.js';
import { IsoWeekText, Lang, LocalDate, errorResponses } from '../app/schemas.js';

/** What the response route needs from the app. */
export interface ResponseRouteContext {
  store: Store;
  cache: ResponseCache;
  now: () => number;
}

/**
 * GET /reports/response: the police response report (services responseReport), the same JSON as
 * `vigia report response --format json`. A thin shell: parse, call the service, return its result.
 */
export function registerResponseRoutes(app: FastifyInstance, ctx: ResponseRouteContext): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { store } = ctx;

  api.get(
    '/reports/response',
    {
      schema: {
        summary:
          'Police response: response times by priority, channel and unit, hour × weekday grid, histogram, workload, arrests (same JSON as `vigia report response --format json`)',
        tags: ['reports'],
        querystring: Type.Object({
          week: Type.Optional(IsoWeekText),
          from: Type.Optional(LocalDate),
          to: Type.Optional(LocalDate),
          level: Type.Optional(Type.String({ description: 'Group units at this level' })),
          unit: Type.Optional(
            Type.String({ description: "Only calls placed in this unit's subtree (code)" }),
          ),
          priority: Type.Optional(
            Type.String({ description: 'Only calls of this priority: every row then has its target' }),
          ),
          targets: Type.Optional(
            Type.String({
              pattern: '^[^=,\\s]+=\\d+(\\.\\d+)?(,[^=,\\s]+=\\d+(\\.\\d+)?)*$',
              description: 'Target minutes per priority, e.g. 1=7,2=15 (default 1=7)',
            }),
          ),
          shifts: Type.Optional(
            Type.String({
              description: 'Shift start times, e.g. day=07:00,evening=15:00,night=23:00 (the default)',
            }),
          ),
          includeOfficerInitiated: Type.Optional(Type.Boolean({ default: false })),
          lang: Lang,
        }),
        response: { 200: ResponseReportSchema, ...errorResponses, 501: Type.Ref('Error') },
      },
      config: { access: 'data.read' },
    },
    async (req, reply) => {
      const q = req.query;
      const unit = await scopedUnitCode(req, store, q.unit);
      if ((q.from === undefined) !== (q.to === undefined)) {
        throw new VigiaError('INVALID_ARGUMENT', { name: 'from/to', value: q.from ?? q.to ?? '' });
      }
      if (q.week !== undefined && q.from !== undefined) {
        throw new VigiaError('INVALID_ARGUMENT', { name: 'week/from', value: `${q.week} ${q.from}` });
      }
      let week = q.week;
      // The week the dashboard's Police response page opens on (agency responseDefaultWeek).
      if (week === undefined && q.from === undefined) week = await defaultResponseWeek(store, ctx.now());
      const input = {
        week,
        from: q.from,
        to: q.to,
        level: q.level,
        unit,
        priority: q.priority,
        targetsSec: q.targets === undefined ? undefined : parseTargets(q.targets, 'targets'),
        shifts: q.shifts === undefined ? undefined : parseShifts(q.shifts, 'shifts'),
        includeOfficerInitiated: q.includeOfficerInitiated ?? false,
      };
      // Cached as JSON text until an upload changes the data (as the COMPSTAT report).
      const json = await ctx.cache.get(`response ${JSON.stringify(input)}`, async () =>
        JSON.stringify(await responseReport(store, input)),
      );
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );
}
