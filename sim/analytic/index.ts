/**
 * Analytic companions of a simulated point: asymptotic bounds and exact product-form solutions
 * (machine-repairman for `under-lock`, delay + FCFS lock + PS bandwidth for `after-unlock`).
 * Pure functions; times in ns, throughput in jobs per ns (callers convert to per second).
 */

export * from './bounds.js';
export * from './convolution.js';
export * from './lock-ps-params.js';
export * from './mva-lock-ps.js';
export * from './mva-repairman.js';
