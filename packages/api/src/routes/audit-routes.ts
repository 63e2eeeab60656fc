import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Locale } from '@vigia/domain';
import {
  MAX_AUDIT_PAGE,
  describeAuditVerification,
  listAuditLog,
  parseAuditAnchor,
  verifyAudit,
} from '@vigia/services';
import type { Store } from '@vigia/store';
import { Lang, errorResponses } from '../app/schemas.js';
import { actorOf } from '../auth/access.js';

const AuditRow = Type.Object({
  seq: Type.Integer({ description: 'Position in the chain: 1, 2, … with no gap' }),
  at: Type.String({ description: 'UTC instant the row was written (ISO 8601)' }),
  actor: Type.String({ description: 'Who: user:<id>:<name>, cli:<user>@<host>, system:demo, anonymous…' }),
  action: Type.String({
    description: '<thing>.<verb>, e.g. import.incidents, agency.update (docs/audit.md)',
  }),
  target: Type.String({ description: 'What it changed, e.g. import:12, agency, level:district' }),
  before: Type.Unknown({ description: 'State before (JSON; null when not applicable)' }),
  after: Type.Unknown({ description: 'State after (JSON; null when not applicable)' }),
  prevHash: Type.String({ description: 'hash of row seq − 1 (64 zeros for row 1)' }),
  hash: Type.String({ description: 'SHA-256 of prevHash, seq and the canonical JSON of the row (hex)' }),
});

const AuditPage = Type.Object({
  rows: Type.Array(AuditRow, { description: 'Newest first' }),
  nextBeforeSeq: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Pass as beforeSeq for the next page; null on the last page',
  }),
});

const Head = Type.Object({ seq: Type.Integer(), hash: Type.String(), at: Type.String() });

const AuditVerification = Type.Object({
  ok: Type.Boolean({ description: 'The chain verifies and the expected head, if given, matches' }),
  rows: Type.Integer({ description: 'Rows read' }),
  head: Type.Union([Head, Type.Null()], {
    description: 'The last row, to write down as SEQ:HASH (null when empty or broken)',
  }),
  break: Type.Union(
    [
      Type.Object({
        seq: Type.Integer(),
        reason: Type.Union([Type.Literal('edited'), Type.Literal('missing'), Type.Literal('relinked')]),
      }),
      Type.Null(),
    ],
    { description: 'The first broken link' },
  ),
  anchor: Type.Union([
    Type.Object({
      seq: Type.Integer(),
      hash: Type.String(),
      status: Type.Union([
        Type.Literal('match'),
        Type.Literal('mismatch'),
        Type.Literal('missing'),
        Type.Literal('replaced'),
      ]),
      restoredAtSeq: Type.Optional(Type.Integer()),
    }),
    Type.Null(),
  ]),
  findings: Type.Array(Type.String(), { description: 'What holds, in words (the head to write down)' }),
  problems: Type.Array(Type.String(), { description: 'What does not: the broken link, the anchor' }),
});

const ExportRecord = Type.Object(
  {
    kind: Type.Literal('compstat_csv', { description: 'What was exported (the book table as CSV)' }),
    week: Type.String({ pattern: '^\\d{4}-W\\d{2}$' }),
    unit: Type.Optional(Type.String({ maxLength: 100 })),
    level: Type.Optional(Type.String({ maxLength: 100 })),
    category: Type.Optional(Type.String({ maxLength: 100 })),
    rows: Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Data rows in the file' }),
  },
  { additionalProperties: false },
);

/** What audit routes need: the store and the request's language. */
export interface AuditContext {
  store: Store;
  locale: (request: Pick<FastifyRequest, 'query' | 'headers'>) => Promise<Locale>;
}

/**
 * GET /audit (the log, newest first, filtered and paged), GET /audit/verify (the chain check of
 * `vigia audit verify`), both for `audit.read` (administrators); and POST /exports, which records a
 * file the dashboard built from data it had read (`export.<kind>`), for `data.export`.
 */
export function registerAuditRoutes(app: FastifyInstance, ctx: AuditContext): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { store } = ctx;

  api.get(
    '/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        summary: 'The audit log, newest first: who did what, when, before and after (administrators)',
        tags: ['audit'],
        querystring: Type.Object({
          actor: Type.Optional(Type.String({ maxLength: 200, description: 'Exact actor' })),
          action: Type.Optional(
            Type.String({ maxLength: 100, description: 'An action, or a prefix: import, import., agency' }),
          ),
          from: Type.Optional(Type.String({ description: 'UTC instant or date (inclusive)' })),
          to: Type.Optional(Type.String({ description: 'UTC instant (exclusive) or date (inclusive)' })),
          beforeSeq: Type.Optional(Type.Integer({ minimum: 1, description: 'Paging: nextBeforeSeq' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_AUDIT_PAGE, default: 50 })),
          lang: Lang,
        }),
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (req) => {
      const { lang: _lang, ...filter } = req.query;
      return listAuditLog(store, filter);
    },
  );

  api.get(
    '/audit/verify',
    {
      config: { access: 'audit.read' },
      schema: {
        summary: 'Checks the hash chain of the audit log (and a head written down earlier)',
        tags: ['audit'],
        querystring: Type.Object({
          expectHead: Type.Optional(
            Type.String({ description: 'SEQ:HASH of a head written down earlier (e.g. in the weekly book)' }),
          ),
          lang: Lang,
        }),
        response: { 200: AuditVerification, ...errorResponses },
      },
    },
    async (req) => {
      const anchor =
        req.query.expectHead === undefined ? undefined : parseAuditAnchor(req.query.expectHead, 'expectHead');
      const v = await verifyAudit(store, anchor);
      const { findings, problems } = describeAuditVerification(v, await ctx.locale(req));
      return { ...v, findings, problems };
    },
  );

  api.post(
    '/exports',
    {
      config: { access: 'data.export' },
      schema: {
        summary: 'Records a file the dashboard exported (audit row export.<kind>)',
        description:
          'The dashboard builds its CSV from report data it has already read and tells the server, so the export is in the audit log with who made it. Files the server builds itself record their own export.',
        tags: ['audit'],
        querystring: Type.Object({ lang: Lang }),
        body: ExportRecord,
        response: { 201: Type.Object({ seq: Type.Integer() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { kind, ...what } = req.body;
      const row = await store.appendAudit({
        actor: actorOf(req),
        action: `export.${kind}`,
        target: `report:compstat:${what.week}`,
        before: null,
        after: { ...what, via: 'dashboard' },
      });
      return reply.code(201).send({ seq: row.seq });
    },
  );
}
