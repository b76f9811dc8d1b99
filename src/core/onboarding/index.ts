export * from './course-schema.js';
export * from './course-check.js';
export * from './progress-types.js';
export * from './progress.js';
export * from './code-snapshot.js';
export * from './updates.js';
export * from './overview.js';
export * from './actions.js';
