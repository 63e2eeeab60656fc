import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Lang } from '../app/schemas.js';

const Url = Type.Union([Type.String(), Type.Null()]);

/** Response of GET /map-config. */
export const MapConfig = Type.Object({
  styleUrl: Type.Union([Type.String(), Type.Null()], {
    description: 'MapLibre style JSON URL (VIGIA_MAP_STYLE_URL); replaces the offline base style',
  }),
  tileUrl: Type.Union([Type.String(), Type.Null()], {
    description: 'Raster tile URL template with {z}/{x}/{y} (VIGIA_MAP_TILE_URL), drawn under the units',
  }),
  attribution: Url,
});

/** An http(s) URL from the environment, or null (unset, empty or another scheme). */
function httpUrl(value: string | undefined): string | null {
  const v = value?.trim();
  return v && /^https?:\/\//i.test(v) ? v : null;
}

/**
 * GET /map-config: the dashboard map's optional basemap, from the server's environment
 * (VIGIA_MAP_STYLE_URL, VIGIA_MAP_TILE_URL, VIGIA_MAP_ATTRIBUTION). Unset by default: the map then
 * fetches no tiles at all and draws only the unit polygons, so it works offline.
 */
export function registerMapConfigRoutes(app: FastifyInstance, env: Record<string, string | undefined>): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/map-config',
    {
      config: { access: 'data.read' },
      schema: {
        summary: 'Basemap of the dashboard map (none by default: no tiles fetched, works offline)',
        tags: ['map'],
        querystring: Type.Object({ lang: Lang }),
        response: { 200: MapConfig },
      },
    },
    () =>
      Promise.resolve({
        styleUrl: httpUrl(env['VIGIA_MAP_STYLE_URL']),
        tileUrl: httpUrl(env['VIGIA_MAP_TILE_URL']),
        attribution: env['VIGIA_MAP_ATTRIBUTION']?.trim() || null,
      }),
  );
}
