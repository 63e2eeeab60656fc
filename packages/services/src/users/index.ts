export * from './password.js';
export * from './accounts.js';
export * from './sessions.js';
