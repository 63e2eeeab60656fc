import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { updateAgencySettings } from '@vigia/services';
import type { Store } from '@vigia/store';
import { Lang, Nullable, errorResponses } from '../app/schemas.js';
import { actorOf } from '../auth/access.js';

/**
 * PATCH /agency: edit the agency's name, country, locale or metric CRS (EPSG code, checked with proj4),
 * naming the `version` the editor read.
 * Several instances on one PostgreSQL database, or two people at once: the second save of the same
 * version is a 409 STORE_CONFLICT (reload, check, apply again), never a silent overwrite.
 * Admins only (`users.manage`).
 */
export function registerAgencySettingsRoutes(
  app: FastifyInstance,
  ctx: { store: Store; changed: () => void },
): void {
  app.withTypeProvider<TypeBoxTypeProvider>().patch(
    '/agency',
    {
      // Agency settings are administration: admins only (the users.manage action).
      config: { access: 'users.manage' },
      schema: {
        summary: 'Edit agency settings with optimistic concurrency (409 when the version is stale)',
        tags: ['agency'],
        querystring: Type.Object({ lang: Lang }),
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1, description: 'The version you read (GET /agency)' }),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            country: Type.Optional(Type.String({ maxLength: 2 })),
            locale: Type.Optional(Type.Union([Type.Literal('es'), Type.Literal('en')])),
            epsg: Type.Optional(
              Nullable(
                Type.Integer({
                  minimum: 1024,
                  maximum: 99999,
                  description:
                    'Metric CRS of spatial analyses (a projected EPSG code in metres); null: the UTM zone of the data',
                }),
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            name: Type.String(),
            country: Type.String(),
            locale: Type.String(),
            version: Type.Integer(),
            epsg: Nullable(Type.Integer()),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const { version, ...changes } = req.body;
      const saved = await updateAgencySettings(ctx.store, changes, version, actorOf(req));
      ctx.changed();
      return {
        name: saved.name,
        country: saved.country,
        locale: saved.locale,
        version: saved.version,
        epsg: saved.epsg,
      };
    },
  );
}
