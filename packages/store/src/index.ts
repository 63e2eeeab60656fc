export * from './port/store.js';
export * from './duckdb/duckdb-store.js';
