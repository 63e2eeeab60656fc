import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Locale } from '@vigia/domain';
import { bookActionItems, buildBook } from '@vigia/services';
import type { Store } from '@vigia/store';
import { IsoWeekText, Lang, errorResponses } from '../app/schemas.js';
import { actorOf } from '../auth/access.js';
import { VigiaError } from '@vigia/domain';

/** What the book route needs from the app. */
export interface BookRouteContext {
  store: Store;
  now: () => number;
  locale: (request: Pick<FastifyRequest, 'query' | 'headers'>) => Promise<Locale>;
}

/**
 * GET /book: the COMPSTAT meeting book of a week as a PDF download (services buildBook, docs/book.md),
 * in the request's language (?lang, else Accept-Language, else the agency's locale). Not cached: the
 * cover carries the generation time and the audit log's newest hash. Access: `data.export`; each
 * download is recorded as `export.book` with the request's actor.
 */
export function registerBookRoutes(app: FastifyInstance, ctx: BookRouteContext): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/book',
    {
      config: { access: 'data.export' },
      schema: {
        summary:
          'The COMPSTAT meeting book of a week (PDF): cover, agency table, one page per unit with map and trend',
        tags: ['reports'],
        querystring: Type.Object({
          week: IsoWeekText,
          level: Type.Optional(
            Type.String({ description: 'One page per unit of this level (default: the top level)' }),
          ),
          lang: Lang,
        }),
        response: {
          200: {
            description: 'The book as application/pdf, with a Content-Disposition file name',
            content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
          },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      // The book holds every unit of the level: a commander, scoped to one subtree, may not take it
      // (a book of one's own units only is not built yet).
      if (req.principal?.role === 'commander') {
        throw new VigiaError('FORBIDDEN', {
          role: 'commander',
          action: 'the agency-wide book (it holds every unit)',
        });
      }
      const lang = await ctx.locale(req);
      const book = await buildBook(ctx.store, {
        week: req.query.week,
        lang,
        level: req.query.level,
        now: ctx.now(),
        actionItemsFor: bookActionItems(ctx.store, lang),
        actor: actorOf(req),
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${book.fileName}"`)
        .header('cache-control', 'no-store')
        .send(book.pdf);
    },
  );
}
