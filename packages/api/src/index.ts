export * from './app/build-app.js';
export * from './app/request-locale.js';
export * from './imports/import-jobs.js';
export * from './auth/access.js';
export * from './auth/auth-options.js';
