/**
 * The catalogue of Vigía error codes. Each code has an HTTP status (for the API) and its messages in
 * Spanish and English under `error.<CODE>` in i18n/messages-*.ts; a test checks that every code has both.
 * Codes are stable: other tools match on them. Add, never rename.
 */
export const ERROR_CATALOGUE = {
  INVALID_ARGUMENT: { httpStatus: 400 },
  INVALID_TIME_ZONE: { httpStatus: 400 },
  INVALID_LOCALE: { httpStatus: 400 },
  INVALID_WEEK: { httpStatus: 400 },
  INVALID_DATE: { httpStatus: 400 },
  FILE_NOT_FOUND: { httpStatus: 404 },
  FILE_UNREADABLE: { httpStatus: 400 },
  UNSUPPORTED_FILE_TYPE: { httpStatus: 415 },
  UNKNOWN_PROFILE: { httpStatus: 400 },
  MAPPING_INVALID: { httpStatus: 400 },
  MAPPING_REQUIRED: { httpStatus: 400 },
  CSV_MALFORMED: { httpStatus: 400 },
  HEADER_DUPLICATE_COLUMN: { httpStatus: 400 },
  HEADER_MISSING_COLUMN: { httpStatus: 400 },
  GEOJSON_INVALID: { httpStatus: 400 },
  UNIT_CODE_MISSING: { httpStatus: 400 },
  UNIT_CODE_DUPLICATE: { httpStatus: 400 },
  PARENT_LEVEL_UNKNOWN: { httpStatus: 400 },
  PARENT_UNIT_NOT_FOUND: { httpStatus: 400 },
  UNIT_LEVEL_PARENT_MISMATCH: { httpStatus: 400 },
  UNKNOWN_LEVEL: { httpStatus: 404 },
  UNKNOWN_UNIT: { httpStatus: 404 },
  AGENCY_EXISTS: { httpStatus: 409 },
  NO_DATABASE: { httpStatus: 404 },
  NOT_INITIALIZED: { httpStatus: 409 },
  STORE_LOCKED: { httpStatus: 503 },
  STORE_OPEN_FAILED: { httpStatus: 500 },
  STORE_NOT_DATABASE: { httpStatus: 400 },
  STORE_SCHEMA_NEWER: { httpStatus: 500 },
  STORE_CONFLICT: { httpStatus: 409 },
  STORE_NOT_EMPTY: { httpStatus: 409 },
  BACKUP_EXISTS: { httpStatus: 409 },
  BACKUP_INVALID: { httpStatus: 400 },
  CALLS_NOT_SUPPORTED: { httpStatus: 501 },
  INTERNAL: { httpStatus: 500 },
  ROUTE_NOT_FOUND: { httpStatus: 404 },
  UPLOAD_TOO_LARGE: { httpStatus: 413 },
  UPLOAD_INVALID: { httpStatus: 400 },
  IMPORT_JOB_NOT_FOUND: { httpStatus: 404 },
  TOO_FEW_INCIDENTS: { httpStatus: 422 },
  UNAUTHENTICATED: { httpStatus: 401 },
  FORBIDDEN: { httpStatus: 403 },
  NOT_FOUND: { httpStatus: 404 },
  INVALID_CREDENTIALS: { httpStatus: 401 },
  ACCOUNT_LOCKED: { httpStatus: 423 },
  RATE_LIMITED: { httpStatus: 429 },
  CSRF_REJECTED: { httpStatus: 403 },
  WEAK_PASSWORD: { httpStatus: 400 },
  USERNAME_TAKEN: { httpStatus: 409 },
  USER_NOT_FOUND: { httpStatus: 404 },
  COMMANDER_UNIT_REQUIRED: { httpStatus: 400 },
  LAST_ADMIN: { httpStatus: 409 },
  PASSWORD_INPUT_REQUIRED: { httpStatus: 400 },
  PASSWORD_MISMATCH: { httpStatus: 400 },
} as const satisfies Record<string, { httpStatus: number }>;

/** One catalogued error code, e.g. `"STORE_LOCKED"`. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Every catalogued code, in catalogue order. */
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];
