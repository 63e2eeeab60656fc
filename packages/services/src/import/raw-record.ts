/** A row's raw fields by header name (extra fields as `column_N`): shared with the incident pipeline. */
export { rawRecord } from '@vigia/ingest';
