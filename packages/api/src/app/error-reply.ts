import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { createRequire } from 'node:module';

/** ajv-i18n's Spanish messages (a CommonJS module): rewrites each Ajv error's `message` in place. */
const localizeEs = createRequire(import.meta.url)('ajv-i18n/localize/es') as (errors: unknown[]) => void;
import { ERROR_CATALOGUE, isVigiaError, translate, type Locale } from '@vigia/domain';

/** Body of every error response (see the Error schema in schemas.ts). */
export interface ErrorBody {
  error: { code: string; message: string; requestId: string; details?: string[] };
}

/**
 * Turns any thrown error into a catalogued response in the request's language:
 * - a VigiaError: its catalogue status and message;
 * - a schema validation failure: 400 INVALID_ARGUMENT naming the parameter and what was wrong;
 * - a Fastify client error (body too large, bad content type...): its status, code INVALID_ARGUMENT
 *   or UPLOAD_TOO_LARGE;
 * - anything else: 500 INTERNAL with a generic message and the request id (the log has the details).
 */
export function errorReply(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
): FastifyReply {
  const requestId = request.id;
  const send = (status: number, code: string, message: string, details?: string[]) =>
    reply
      .status(status)
      .type('application/json; charset=utf-8')
      .send({ error: { code, message, requestId, ...(details ? { details } : {}) } } satisfies ErrorBody);

  if (isVigiaError(error)) {
    return send(ERROR_CATALOGUE[error.code].httpStatus, error.code, error.messageIn(locale));
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    // Ajv writes English; ajv-i18n rewrites each message in Spanish (copies: Fastify keeps the originals).
    if (locale === 'es') {
      const copies = fe.validation.map((v) => ({ ...v }));
      localizeEs(copies);
      fe.validation = copies;
    }
    const details = fe.validation.map((v) => {
      const where = v.instancePath ? v.instancePath.replace(/^\//, '') : '';
      const missing = (v.params as { missingProperty?: string }).missingProperty;
      return `${fe.validationContext ?? 'request'}${where ? `.${where}` : ''}${missing ? `.${missing}` : ''}: ${v.message ?? ''}`;
    });
    const first = fe.validation[0];
    const name =
      (first?.params as { missingProperty?: string } | undefined)?.missingProperty ??
      first?.instancePath.replace(/^\//, '') ??
      fe.validationContext ??
      'request';
    return send(
      400,
      'INVALID_ARGUMENT',
      translate(locale, 'error.INVALID_ARGUMENT', { name, value: first?.message ?? '' }),
      details,
    );
  }
  if (fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.statusCode === 413) {
    return send(413, 'UPLOAD_TOO_LARGE', translate(locale, 'error.UPLOAD_TOO_LARGE', { limit: fe.message }));
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return send(
      fe.statusCode,
      'INVALID_ARGUMENT',
      translate(locale, 'error.INVALID_ARGUMENT', { name: 'request', value: fe.message }),
    );
  }
  request.log.error({ err: error }, 'uncatalogued error');
  return send(500, 'INTERNAL', translate(locale, 'api.internal', { requestId }));
}
