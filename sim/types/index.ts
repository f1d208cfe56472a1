// The shapes every layer shares: the resolved scenario, distributions and the results file, and
// the dot paths that name a scenario's fields.
export type * from './dist.js';
export * from './dot-path.js';
export type * from './results.js';
export * from './scenario.js';
