/**
 * node:os in the browser build, as far as the simulator asks: run.ts defaults its thread count to the
 * CPUs, and the page's worker is one thread.
 */
export function availableParallelism(): number {
  return 1;
}
