import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OFFENSE_CATEGORIES, VigiaError, translate, type Locale } from '@vigia/domain';
import {
  compstatRemainder,
  compstatReport,
  dataQuality,
  defaultCompstatWeek,
  incidentFeatures,
  policeResponseSection,
  listQuarantine,
  unitFeatures,
  weeklySeries,
} from '@vigia/services';
import type { Store } from '@vigia/store';
import type { ResponseCache } from '../app/response-cache.js';
import {
  Category,
  CategoryCode,
  DataQuality,
  IncidentCollection,
  ISO_WEEK_PATTERN,
  IsoWeekText,
  Lang,
  LocalDate,
  QuarantinePage,
  UnitCollection,
  WeeklySeries,
  errorResponses,
} from '../app/schemas.js';
import { CompstatReport } from '../app/compstat-schemas.js';
import { scopedUnitCode, visibleUnitIds } from '../auth/unit-scope.js';

/** What read routes need from the app: the store, the clock, and the request's language. */
export interface ReadContext {
  store: Store;
  /** Reports and series until the data changes (see ResponseCache). */
  cache: ResponseCache;
  now: () => number;
  locale: (request: Pick<FastifyRequest, 'query' | 'headers'>) => Promise<Locale>;
}

/** Registers the read-only resources under the current prefix (/api/v1). */
export function registerReadRoutes(app: FastifyInstance, ctx: ReadContext): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { store } = ctx;

  api.get(
    '/units',
    {
      config: { access: 'data.read' },
      schema: {
        summary:
          'Units as GeoJSON (WGS84), top level first; optionally one level, optionally without polygons',
        tags: ['units'],
        querystring: Type.Object({
          level: Type.Optional(Type.String()),
          geometry: Type.Optional(Type.Boolean({ default: true })),
          lang: Lang,
        }),
        response: { 200: UnitCollection, ...errorResponses },
      },
    },
    async (req) => {
      const input = { level: req.query.level, withGeometry: req.query.geometry ?? true };
      const all = await ctx.cache.get(`units ${JSON.stringify(input)}`, () => unitFeatures(store, input));
      // A commander sees their subtree and the units above it (unit-scope.ts).
      const visible = await visibleUnitIds(req, store);
      return visible ? { ...all, features: all.features.filter((f) => visible.has(f.id)) } : all;
    },
  );

  api.get(
    '/categories',
    {
      config: { access: 'data.read' },
      schema: {
        summary: 'Offense categories, most serious first, with ICCS and NIBRS codes and labels',
        tags: ['categories'],
        querystring: Type.Object({ lang: Lang }),
        response: { 200: Type.Array(Category) },
      },
    },
    async (req) => {
      const locale = await ctx.locale(req);
      return OFFENSE_CATEGORIES.map((c, i) => {
        const info = c as { iccs?: string; iccsLabel?: string; nibrs?: string; ucr?: string };
        return {
          code: c.code,
          label: translate(locale, `category.${c.code}`),
          severityRank: i,
          iccs: info.iccs ?? null,
          iccsLabel: info.iccsLabel ?? null,
          nibrs: info.nibrs ?? null,
          ucr: info.ucr ?? null,
        };
      });
    },
  );

  api.get(
    '/reports/compstat',
    {
      config: { access: 'data.read' },
      schema: {
        summary: 'The weekly COMPSTAT report (same JSON as `vigia report compstat --format json`)',
        tags: ['reports'],
        querystring: Type.Object({
          week: Type.Optional(
            Type.String({
              pattern: ISO_WEEK_PATTERN,
              description:
                'ISO week YYYY-Www; default the week GET /agency calls defaultWeek (the last week the data cover whole, at most the latest complete one)',
            }),
          ),
          level: Type.Optional(Type.String()),
          unit: Type.Optional(Type.String()),
          countEveryOffense: Type.Optional(Type.Boolean()),
          dateBasis: Type.Optional(Type.Union([Type.Literal('occurred'), Type.Literal('reported')])),
          lang: Lang,
        }),
        response: { 200: CompstatReport, ...errorResponses },
      },
    },
    async (req, reply) => {
      const q = req.query;
      // Without a week: the one the dashboard opens on (GET /agency defaultWeek).
      const week = q.week ?? (await defaultCompstatWeek(store, ctx.now()));
      const input = {
        week,
        level: q.level,
        unit: await scopedUnitCode(req, store, q.unit),
        countEveryOffense: q.countEveryOffense ?? false,
        dateBasis: q.dateBasis ?? 'occurred',
      } as const;
      // Cached as the JSON text: the meeting's repeated requests cost neither a query nor a serialization.
      const json = await ctx.cache.get(`report ${JSON.stringify(input)}`, async () => {
        const report = await compstatReport(store, input);
        // The same JSON as the CLI's: a "response" section only when the agency has calls for service.
        const response = await policeResponseSection(store, { week: input.week, level: input.level });
        const body = { ...report, remainder: compstatRemainder(report) };
        return JSON.stringify(response ? { ...body, response } : body);
      });
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );

  api.get(
    '/incidents',
    {
      config: { access: 'data.read' },
      schema: {
        summary: 'Current, founded incidents of a date range as GeoJSON points, filtered and paged',
        tags: ['incidents'],
        querystring: Type.Object({
          from: LocalDate,
          to: LocalDate,
          unit: Type.Optional(Type.String()),
          category: Type.Optional(CategoryCode),
          bbox: Type.Optional(
            Type.String({
              pattern: '^[-0-9.eE]+(,[-0-9.eE]+){3}$',
              description: 'west,south,east,north (degrees)',
            }),
          ),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1000 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 })),
          lang: Lang,
        }),
        response: { 200: IncidentCollection, ...errorResponses },
      },
    },
    async (req) => {
      const q = req.query;
      return incidentFeatures(store, {
        from: q.from,
        to: q.to,
        unit: await scopedUnitCode(req, store, q.unit),
        category: q.category,
        bbox: q.bbox === undefined ? undefined : parseBbox(q.bbox),
        limit: q.limit,
        offset: q.offset,
      });
    },
  );

  api.get(
    '/series/weekly',
    {
      config: { access: 'data.read' },
      schema: {
        summary:
          'Weekly counts this ISO year against the same weeks of previous years, with 28-day rolling counts',
        tags: ['trends'],
        querystring: Type.Object({
          week: Type.Optional(IsoWeekText),
          unit: Type.Optional(Type.String()),
          category: Type.Optional(CategoryCode),
          previousYears: Type.Optional(Type.Integer({ minimum: 0, maximum: 5, default: 2 })),
          lang: Lang,
        }),
        response: { 200: WeeklySeries, ...errorResponses },
      },
    },
    async (req, reply) => {
      const input = {
        // The same default week as GET /reports/compstat (defaultCompstatWeek).
        week: req.query.week ?? (await defaultCompstatWeek(store, ctx.now())),
        unit: await scopedUnitCode(req, store, req.query.unit),
        category: req.query.category,
        previousYears: req.query.previousYears,
      };
      const json = await ctx.cache.get(`series ${JSON.stringify(input)}`, async () =>
        JSON.stringify(await weeklySeries(store, input, ctx.now())),
      );
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );

  api.get(
    '/quality',
    {
      config: { access: 'data.read' },
      schema: {
        summary:
          'Data quality: location flags, unit disagreements, unclassified labels, quarantine by reason, imports',
        tags: ['quality'],
        querystring: Type.Object({ lang: Lang }),
        response: { 200: DataQuality, ...errorResponses },
      },
    },
    async (req) => {
      const locale = await ctx.locale(req);
      const q = await ctx.cache.get('quality', () => dataQuality(store));
      return {
        ...q,
        quarantineByReason: q.quarantineByReason.map((r) => ({
          ...r,
          label: translate(locale, `quarantine.${r.reason}`),
        })),
      };
    },
  );

  api.get(
    '/quarantine',
    {
      config: { access: 'data.import' },
      schema: {
        summary: 'Quarantined rows with their reasons, file, row, column and value',
        tags: ['quality'],
        querystring: Type.Object({
          importId: Type.Optional(Type.Integer({ minimum: 1 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 })),
          lang: Lang,
        }),
        response: { 200: QuarantinePage, ...errorResponses },
      },
    },
    async (req) => {
      const locale = await ctx.locale(req);
      const limit = req.query.limit ?? 100;
      const offset = req.query.offset ?? 0;
      const importId = req.query.importId;
      if (importId !== undefined && !(await store.listImports()).some((i) => i.importId === importId)) {
        throw new VigiaError('INVALID_ARGUMENT', { name: 'importId', value: String(importId) });
      }
      const rows = await listQuarantine(store, { importId, limit, offset });
      return {
        rows: rows.map((r) => ({
          ...r,
          reasonLabels: r.reasons.map((x) => translate(locale, `quarantine.${x}`)),
        })),
        limit,
        offset,
      };
    },
  );
}

/** `west,south,east,north` → numbers. @throws VigiaError INVALID_ARGUMENT naming bbox, with the text sent. */
function parseBbox(text: string): number[] {
  const values = text.split(',').map(Number);
  if (values.some((v) => !Number.isFinite(v)))
    throw new VigiaError('INVALID_ARGUMENT', { name: 'bbox', value: text });
  return values;
}
