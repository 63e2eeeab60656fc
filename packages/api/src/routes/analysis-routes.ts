import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Locale } from '@vigia/domain';
import {
  analyzeHotspots,
  analyzeKde,
  analyzeKnox,
  analyzeNni,
  hotspotsGeoJson,
  kdeGeoJson,
  knoxSummary,
} from '@vigia/services';
import type { Store } from '@vigia/store';
import type { ResponseCache } from '../app/response-cache.js';
import { CategoryCode, Lang, LocalDate, errorResponses } from '../app/schemas.js';
import { scopedUnitCode } from '../auth/unit-scope.js';

/** The selection every analysis takes (services SpatialSelectionInput). */
const Selection = {
  from: LocalDate,
  to: LocalDate,
  unit: Type.Optional(Type.String()),
  category: Type.Optional(CategoryCode),
  epsg: Type.Optional(
    Type.Integer({
      minimum: 1024,
      maximum: 99999,
      description: 'Metric CRS (default: UTM zone of the data)',
    }),
  ),
  excludeRecurring: Type.Optional(
    Type.Boolean({ description: 'Leave out locations that recur far more than chance (fallback geocodes)' }),
  ),
  lang: Lang,
};

/** Analysis bodies are documented by their key fields; every other field of the service result passes through. */
const Body = (analysis: string, description: string) =>
  Type.Object(
    {
      analysis: Type.Literal(analysis),
      selection: Type.Object(
        {
          incidents: Type.Integer(),
          withoutLocation: Type.Integer(),
          analysed: Type.Integer(),
          crs: Type.String(),
        },
        { additionalProperties: true },
      ),
    },
    { additionalProperties: true, description },
  );

const ANALYSIS_ERRORS = { ...errorResponses, 422: Type.Ref('Error') };

/**
 * The analysts' spatial statistics for a unit, category and period (docs/methods): Gi* hot spots and KDE
 * as GeoJSON cells for map layers, the Knox near-repeat table with its plain-language summary, and NNI.
 * Results are cached like reports (until an upload changes the data).
 */
export function registerAnalysisRoutes(
  app: FastifyInstance,
  ctx: {
    store: Store;
    cache: ResponseCache;
    locale: (r: Pick<FastifyRequest, 'query' | 'headers'>) => Promise<Locale>;
  },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { store, cache } = ctx;

  api.get(
    '/analysis/hotspots',
    {
      config: { access: 'data.read' },
      schema: {
        summary:
          'Getis-Ord Gi* hot and cold spots on a square grid; `cells` is GeoJSON with count, z, p, class',
        tags: ['analysis'],
        querystring: Type.Object({
          ...Selection,
          cellSize: Type.Optional(
            Type.Number({ exclusiveMinimum: 0, maximum: 100000, description: 'metres (default 250)' }),
          ),
          band: Type.Optional(
            Type.Number({ exclusiveMinimum: 0, maximum: 100000, description: 'distance band, metres' }),
          ),
          k: Type.Optional(
            Type.Integer({ minimum: 1, maximum: 100, description: 'k nearest cells instead of a band' }),
          ),
          fdr: Type.Optional(Type.Boolean({ description: 'Benjamini–Hochberg correction' })),
        }),
        response: { 200: Body('hotspots', 'Gi* result'), ...ANALYSIS_ERRORS },
      },
    },
    async (req) => {
      const { lang: _lang, cellSize, band, ...q } = req.query;
      q.unit = await scopedUnitCode(req, store, q.unit);
      const input = { ...q, cellSizeMeters: cellSize, distanceBandMeters: band };
      return cache.get(`hotspots ${JSON.stringify(input)}`, async () => {
        const { cells: _cells, ...r } = await analyzeHotspots(store, input);
        return { ...r, cells: hotspotsGeoJson({ ...r, cells: _cells }) };
      });
    },
  );

  api.get(
    '/analysis/kde',
    {
      config: { access: 'data.read' },
      schema: {
        summary: 'Kernel density surface (incidents per km²); `cells` is GeoJSON of the cells above 0',
        tags: ['analysis'],
        querystring: Type.Object({
          ...Selection,
          cellSize: Type.Optional(
            Type.Number({ exclusiveMinimum: 0, maximum: 100000, description: 'metres (default 100)' }),
          ),
          bandwidth: Type.Optional(
            Type.Number({ exclusiveMinimum: 0, maximum: 100000, description: 'metres' }),
          ),
          kernel: Type.Optional(Type.Union([Type.Literal('quartic'), Type.Literal('gaussian')])),
        }),
        response: { 200: Body('kde', 'KDE result'), ...ANALYSIS_ERRORS },
      },
    },
    async (req) => {
      const { lang: _lang, cellSize, bandwidth, ...q } = req.query;
      q.unit = await scopedUnitCode(req, store, q.unit);
      const input = { ...q, cellSizeMeters: cellSize, bandwidthMeters: bandwidth };
      return cache.get(`kde ${JSON.stringify(input)}`, async () => {
        const { density, ...r } = await analyzeKde(store, input);
        return { ...r, cells: kdeGeoJson({ ...r, density }) };
      });
    },
  );

  api.get(
    '/analysis/knox',
    {
      config: { access: 'data.read' },
      schema: {
        summary:
          'Knox near-repeat table (distance × time bands, Monte Carlo p-values) with a plain-language summary',
        tags: ['analysis'],
        querystring: Type.Object({
          ...Selection,
          permutations: Type.Optional(Type.Integer({ minimum: 19, maximum: 9999 })),
          seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 })),
        }),
        response: {
          200: Body('knox', 'Knox result; `summary` has one sentence per finding'),
          ...ANALYSIS_ERRORS,
        },
      },
    },
    async (req) => {
      const locale = await ctx.locale(req);
      const { lang: _lang, ...input } = req.query;
      input.unit = await scopedUnitCode(req, store, input.unit);
      const result = await cache.get(`knox ${JSON.stringify(input)}`, () => analyzeKnox(store, input));
      return { ...result, summary: knoxSummary(result, locale) };
    },
  );

  api.get(
    '/analysis/nni',
    {
      config: { access: 'data.read' },
      schema: {
        summary: 'Nearest Neighbour Index (Clark–Evans), area from the unit polygons',
        tags: ['analysis'],
        querystring: Type.Object(Selection),
        response: { 200: Body('nni', 'NNI result'), ...ANALYSIS_ERRORS },
      },
    },
    async (req) => {
      const { lang: _lang, ...input } = req.query;
      input.unit = await scopedUnitCode(req, store, input.unit);
      return cache.get(`nni ${JSON.stringify(input)}`, () => analyzeNni(store, input));
    },
  );
}
