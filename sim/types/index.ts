// The shapes every layer shares: the resolved scenario, distributions and the results file.
export type * from './dist.js';
export type * from './results.js';
export * from './scenario.js';
