import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Locale } from '@vigia/domain';
import {
  analyzeEmerging,
  analyzeHotspots,
  analyzeKde,
  analyzeKnox,
  analyzeNni,
  emergingGeoJson,
  hotspotsGeoJson,
  kdeGeoJson,
  kdeRaster,
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
 * as GeoJSON cells for map layers, the Knox near-repeat table with its plain-language summary, NNI, and
 * emerging hot spot categories as GeoJSON cells.
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
          output: Type.Optional(
            Type.Union([Type.Literal('geojson'), Type.Literal('raster')], {
              description:
                'geojson (default): `cells`, one polygon per cell above 0; raster: `raster` {corners, nCols, nRows, density from the north, max} for a map image',
            }),
          ),
        }),
        response: { 200: Body('kde', 'KDE result'), ...ANALYSIS_ERRORS },
      },
    },
    async (req) => {
      const { lang: _lang, cellSize, bandwidth, output, ...q } = req.query;
      q.unit = await scopedUnitCode(req, store, q.unit);
      const input = { ...q, cellSizeMeters: cellSize, bandwidthMeters: bandwidth };
      return cache.get(`kde ${output ?? 'geojson'} ${JSON.stringify(input)}`, async () => {
        const { density, ...r } = await analyzeKde(store, input);
        return output === 'raster'
          ? { ...r, raster: kdeRaster({ ...r, density }) }
          : { ...r, cells: kdeGeoJson({ ...r, density }) };
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
    '/analysis/emerging',
    {
      schema: {
        summary:
          'Emerging hot spots: Gi* on a space-time cube (weeks or months) and Mann–Kendall per cell; `cells` is GeoJSON with category',
        tags: ['analysis'],
        querystring: Type.Object({
          ...Selection,
          cellSize: Type.Optional(
            Type.Number({ exclusiveMinimum: 0, maximum: 100000, description: 'metres (default 500)' }),
          ),
          band: Type.Optional(
            Type.Number({ exclusiveMinimum: 0, maximum: 100000, description: 'distance band, metres' }),
          ),
          k: Type.Optional(
            Type.Integer({ minimum: 1, maximum: 100, description: 'k nearest cells instead of a band' }),
          ),
          step: Type.Optional(
            Type.Union([Type.Literal('auto'), Type.Literal('week'), Type.Literal('month')], {
              description: 'time step (auto: months when the period holds ≥ 10 whole months, else weeks)',
            }),
          ),
          timeWindow: Type.Optional(
            Type.Integer({
              minimum: 0,
              maximum: 52,
              description: 'earlier steps that are neighbours (default 1)',
            }),
          ),
          alpha: Type.Optional(
            Type.Number({
              exclusiveMinimum: 0,
              maximum: 0.5,
              description: 'significance level (default 0.05)',
            }),
          ),
        }),
        response: {
          200: Body('emerging', 'Emerging hot spots; `categories` counts the cells of each category'),
          ...ANALYSIS_ERRORS,
        },
      },
      config: { access: 'data.read' },
    },
    async (req) => {
      const { lang: _lang, cellSize, band, timeWindow, ...q } = req.query;
      q.unit = await scopedUnitCode(req, store, q.unit);
      const input = { ...q, cellSizeMeters: cellSize, distanceBandMeters: band, timeWindowSteps: timeWindow };
      return cache.get(`emerging ${JSON.stringify(input)}`, async () => {
        const { cells, ...r } = await analyzeEmerging(store, input);
        return { ...r, cells: emergingGeoJson({ ...r, cells }) };
      });
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
