export * from './agenda-rules.js';
export * from './response-rules.js';
export * from './follow-up.js';
export * from './generate-agenda.js';
export * from './meetings.js';
export * from './book-items.js';
export * from './hot-spot-source.js';
