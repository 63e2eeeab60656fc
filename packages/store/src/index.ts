export * from './port/store.js';
export * from './port/explore.js';
export * from './duckdb/duckdb-store.js';
export * from './postgres/postgres-store.js';
export { isPostgresUrl } from './postgres/open-postgres.js';
export * from './port/call-store.js';
export * from './port/audit.js';
export * from './port/meetings.js';
