import { rm } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { translate, type Locale } from '@vigia/domain';
import { requireAgency } from '@vigia/services';
import type { Store } from '@vigia/store';
import { ImportJob, Lang, errorResponses } from '../app/schemas.js';
import type { ImportJobs, ImportJobState } from '../imports/import-jobs.js';
import { readUpload } from '../imports/read-upload.js';
import { actorOf } from '../auth/access.js';

/**
 * Public view of a job (without the uploader's language), with the labels in `locale` of the
 * quarantine reasons and interval flags its summary counts.
 */
function view(
  job: ImportJobState,
  locale: Locale,
): Omit<ImportJobState, 'locale' | 'summary'> & {
  summary: Record<string, unknown> | null;
  labels: Record<string, string>;
} {
  const { locale: _locale, summary, ...rest } = job;
  const labels: Record<string, string> = {};
  for (const code of Object.keys(summary?.quarantineReasons ?? {}))
    labels[code] = translate(locale, `quarantine.${code}`);
  if (summary && 'intervalFlags' in summary) {
    for (const flag of Object.keys(summary.intervalFlags))
      labels[flag] = translate(locale, `intervalFlag.${flag}`);
  }
  return { ...rest, summary: summary ? { ...summary } : null, labels };
}

/**
 * POST /imports (multipart: a `file` part with the export, a `profile` field, a `kind` field —
 * `incidents` by default, or `calls` —, optionally a `mapping` part with a mapping JSON) and
 * GET /imports/{jobId} for its progress and summary. Both kinds share one queue and job list.
 */
export function registerImportRoutes(
  app: FastifyInstance,
  ctx: {
    store: Store;
    jobs: ImportJobs;
    maxUploadBytes: number;
    locale: (r: Pick<FastifyRequest, 'query' | 'headers'>) => Promise<Locale>;
  },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/imports',
    {
      config: { access: 'data.import' },
      schema: {
        summary:
          'Upload an incident or calls-for-service export (multipart: file, profile[, kind][, mapping]); the import runs in the background',
        tags: ['imports'],
        consumes: ['multipart/form-data'],
        querystring: Type.Object({ lang: Lang }),
        response: { 202: ImportJob, ...errorResponses, 413: Type.Ref('Error') },
      },
    },
    async (req, reply) => {
      await requireAgency(ctx.store);
      const locale = await ctx.locale(req);
      const { jobId, dir } = await ctx.jobs.newUploadDir();
      try {
        const upload = await readUpload(req, dir, ctx.maxUploadBytes);
        const job = ctx.jobs.enqueue({ jobId, dir, ...upload, locale, actor: actorOf(req) });
        return await reply.status(202).send(view(job, locale));
      } catch (e) {
        await rm(dir, { recursive: true, force: true });
        throw e;
      }
    },
  );

  api.get(
    '/imports/:jobId',
    {
      config: { access: 'data.import' },
      schema: {
        summary: 'Progress and outcome of an uploaded import',
        tags: ['imports'],
        params: Type.Object({ jobId: Type.String() }),
        querystring: Type.Object({ lang: Lang }),
        response: { 200: ImportJob, ...errorResponses },
      },
    },
    async (req, reply) => reply.send(view(ctx.jobs.get(req.params.jobId), await ctx.locale(req))),
  );
}
