import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locale.js';
import { messagesEn } from '../i18n/messages-en.js';
import { messagesEs } from '../i18n/messages-es.js';
import { hasMessage, type MessageParams } from '../i18n/translate.js';
import { ERROR_CATALOGUE, ERROR_CODES, type ErrorCode } from './catalogue.js';
import { isVigiaError, VigiaError } from './vigia-error.js';

/**
 * The parameters each error is thrown with, as the throw sites pass them today (grep `new VigiaError(`).
 * `satisfies Record<ErrorCode, …>` makes a new code fail to compile until it is added here.
 */
const SAMPLE_PARAMS = {
  INVALID_ARGUMENT: { name: '--format', value: 'pdf' },
  INVALID_TIME_ZONE: { value: 'Mars/Olympus' },
  INVALID_LOCALE: { value: 'fr' },
  INVALID_WEEK: { value: '2019-W53' },
  INVALID_DATE: { value: '2019-02-29' },
  FILE_NOT_FOUND: { file: '/tmp/missing.csv' },
  FILE_UNREADABLE: { file: '/tmp/empty.csv', detail: 'the file is empty' },
  UNSUPPORTED_FILE_TYPE: { file: '/tmp/report.pdf' },
  UNKNOWN_PROFILE: { value: 'nope', available: 'chicago-code, generic' },
  MAPPING_INVALID: { file: 'm.json', detail: 'columns: Required' },
  MAPPING_REQUIRED: {},
  CSV_MALFORMED: { file: 'in.csv', row: 7 },
  HEADER_DUPLICATE_COLUMN: { file: 'in.csv', column: 'DELITO', positions: '4, 9' },
  HEADER_MISSING_COLUMN: { file: 'in.csv', column: 'fecha', profile: 'generic', found: 'id, date' },
  FILE_IS_CALLS: { file: 'cad.csv', column: 'date', profile: 'chicago-code', fit: 'seattle-cad' },
  FILE_IS_INCIDENTS: {
    file: 'rms.csv',
    column: 'CAD Event Number',
    profile: 'seattle-cad',
    fit: 'chicago-code',
  },
  GEOJSON_INVALID: { file: 'units.geojson', detail: 'expected "type": "FeatureCollection"' },
  UNIT_CODE_MISSING: { file: 'units.geojson', feature: '3', property: 'code', found: 'name, dist' },
  UNIT_CODE_DUPLICATE: { file: 'units.geojson', code: 'B11', feature: '4' },
  PARENT_LEVEL_UNKNOWN: { level: 'district' },
  PARENT_UNIT_NOT_FOUND: { file: 'beats.geojson', feature: '2', code: 'D9', level: 'district' },
  UNIT_LEVEL_PARENT_MISMATCH: { level: 'beat', expected: 'district', given: '—' },
  UNKNOWN_LEVEL: { value: 'zona', available: 'district, beat' },
  UNKNOWN_UNIT: { value: 'X99' },
  AGENCY_EXISTS: { db: 'v.duckdb', name: 'Policía de Prueba' },
  NO_DATABASE: { db: 'v.duckdb' },
  NOT_INITIALIZED: { db: 'v.duckdb' },
  STORE_LOCKED: { db: 'v.duckdb', holder: ' (PID 4242)' },
  STORE_OPEN_FAILED: { db: 'v.duckdb', detail: 'permission denied' },
  STORE_NOT_DATABASE: { db: 'incidentes.csv' },
  STORE_SCHEMA_NEWER: { db: 'v.duckdb', found: 9, known: 3 },
  STORE_CONFLICT: { record: 'agency', expected: 3, actual: 4 },
  STORE_NOT_EMPTY: { db: 'postgres://db/vigia' },
  BACKUP_EXISTS: { file: 'vigia-backup.duckdb' },
  BACKUP_INVALID: { file: 'x.bak', detail: 'it is a DuckDB backup; restore it into a DuckDB file' },
  CALLS_NOT_SUPPORTED: { db: 'postgres://x' },
  INTERNAL: { detail: 'boom' },
  ROUTE_NOT_FOUND: { method: 'GET', url: '/api/v2/x' },
  UPLOAD_TOO_LARGE: { limit: '2 GiB' },
  UPLOAD_INVALID: { detail: 'no "file" part' },
  IMPORT_JOB_NOT_FOUND: { value: 'abc' },
  TOO_FEW_INCIDENTS: {
    count: 1,
    selection: 'district 11, homicide, 2019-12-01..2019-12-07',
    analysis: 'knox',
    min: 2,
  },
  UNAUTHENTICATED: { what: '/api/v1/meetings' },
  FORBIDDEN: { role: 'viewer', action: 'data.import' },
  NOT_FOUND: { what: 'action item 12' },
  INVALID_CREDENTIALS: {},
  ACCOUNT_LOCKED: { minutes: 15 },
  RATE_LIMITED: { seconds: 42 },
  CSRF_REJECTED: {},
  WEAK_PASSWORD: { minLength: 10 },
  USERNAME_TAKEN: { username: 'ana' },
  USER_NOT_FOUND: { value: 'ana' },
  COMMANDER_UNIT_REQUIRED: { username: 'ana' },
  LAST_ADMIN: { username: 'root' },
  PASSWORD_INPUT_REQUIRED: {},
  PASSWORD_MISMATCH: {},
  FILE_NOT_WRITABLE: { file: '/tmp/none/book.pdf', detail: 'ENOENT: no such file or directory' },
  TOO_FEW_TIME_STEPS: { from: '2019-12-01', to: '2019-12-10', count: 1, step: 'week', min: 2 },
  CRS_UNKNOWN: { value: '99999' },
  CRS_NOT_METRIC: { value: '2276', unit: 'us-ft' },
} as const satisfies Record<ErrorCode, MessageParams>;

const placeholders = (template: string) =>
  [...template.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]!);
const sortedSet = (xs: string[]) => [...new Set(xs)].sort();

describe('error catalogue', () => {
  it('lists every catalogued code once, with a 4xx/5xx HTTP status', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(ERROR_CODES).toEqual(Object.keys(ERROR_CATALOGUE));
    for (const code of ERROR_CODES) {
      expect(code).toMatch(/^[A-Z][A-Z_]*[A-Z]$/);
      const s = ERROR_CATALOGUE[code].httpStatus;
      expect(Number.isInteger(s) && s >= 400 && s <= 599, code).toBe(true);
    }
  });

  it('every code has a message in Spanish and English', () => {
    for (const code of ERROR_CODES) {
      for (const locale of LOCALES)
        expect(hasMessage(locale, `error.${code}`), `${locale} ${code}`).toBe(true);
    }
  });

  it('the sample parameters cover exactly the placeholders of both messages', () => {
    for (const code of ERROR_CODES) {
      const params = Object.keys(SAMPLE_PARAMS[code]).sort();
      expect(sortedSet(placeholders(messagesEn.error[code])), `en ${code}`).toEqual(params);
      expect(sortedSet(placeholders(messagesEs.error[code])), `es ${code}`).toEqual(params);
    }
  });

  it('messageIn fills every placeholder in both languages', () => {
    for (const code of ERROR_CODES) {
      const params: MessageParams = SAMPLE_PARAMS[code];
      const e = new VigiaError(code, params);
      for (const locale of LOCALES) {
        const text = e.messageIn(locale);
        expect(text, `${locale} ${code}`).not.toContain('{{');
        expect(text, `${locale} ${code}`).not.toContain('}}');
        expect(text, `${locale} ${code}`).not.toBe(`error.${code}`);
        for (const v of Object.values(params)) expect(text, `${locale} ${code}`).toContain(String(v));
      }
      expect(e.messageIn('es')).not.toBe(e.messageIn('en'));
    }
  });

  it('STORE_LOCKED reads well without a holder PID', () => {
    const e = new VigiaError('STORE_LOCKED', { db: 'v.duckdb', holder: '' });
    expect(e.messageIn('en')).toContain('The database file v.duckdb is in use by another process.');
    expect(e.messageIn('es')).toContain('Otro proceso está usando el archivo de base de datos v.duckdb.');
  });

  it('a parameter value is inserted verbatim, never escaped or re-interpolated', () => {
    const e = new VigiaError('INVALID_ARGUMENT', {
      name: '--db',
      value: '<a&b> "{{value}}" $t(error.INTERNAL)',
    });
    expect(e.messageIn('en')).toBe('Invalid value for --db: "<a&b> "{{value}}" $t(error.INTERNAL)".');
  });

  it('VigiaError carries code, params, English message and HTTP status', () => {
    const e = new VigiaError('UNKNOWN_UNIT', { value: 'X99' }, { cause: new Error('inner') });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('VigiaError');
    expect(e.code).toBe('UNKNOWN_UNIT');
    expect(e.params).toEqual({ value: 'X99' });
    expect(e.message).toBe(e.messageIn('en'));
    expect(e.messageIn('es')).toBe('No existe una unidad con el código "X99".');
    expect(e.httpStatus).toBe(404);
    expect((e.cause as Error).message).toBe('inner');
    expect(isVigiaError(e)).toBe(true);
    expect(isVigiaError(e, 'UNKNOWN_UNIT')).toBe(true);
    expect(isVigiaError(e, 'UNKNOWN_LEVEL')).toBe(false);
    expect(isVigiaError(new Error('x'))).toBe(false);
    expect(isVigiaError({ code: 'UNKNOWN_UNIT' })).toBe(false);
  });
});
