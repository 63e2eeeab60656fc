import type { Locale } from '../i18n/locale.js';
import { translate, type MessageParams } from '../i18n/translate.js';
import { ERROR_CATALOGUE, type ErrorCode } from './catalogue.js';

/**
 * The one error type Vigía throws on purpose. It carries a catalogued `code`, the parameters of its
 * message, and renders the message in Spanish or English with {@link VigiaError.messageIn}.
 * `message` (for logs and stack traces) is the English text.
 *
 * Bad input rows are not errors: they become row issues in quarantine. A VigiaError is for a whole
 * operation that cannot go on (a locked database file, an unknown profile, a missing column).
 */
export class VigiaError extends Error {
  /** Catalogue code, stable across versions. */
  readonly code: ErrorCode;
  /** Values interpolated into the message (file, row, column, value...). */
  readonly params: MessageParams;

  constructor(code: ErrorCode, params: MessageParams = {}, options?: { cause?: unknown }) {
    super(translate('en', `error.${code}`, params), options);
    this.name = 'VigiaError';
    this.code = code;
    this.params = params;
  }

  /** The message in `locale`. */
  messageIn(locale: Locale): string {
    return translate(locale, `error.${this.code}`, this.params);
  }

  /** HTTP status the API answers with for this error. */
  get httpStatus(): number {
    return ERROR_CATALOGUE[this.code].httpStatus;
  }
}

/** True when `e` is a {@link VigiaError}, optionally with the given code. */
export function isVigiaError(e: unknown, code?: ErrorCode): e is VigiaError {
  return e instanceof VigiaError && (code === undefined || e.code === code);
}
