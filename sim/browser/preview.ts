/**
 * How big the playground's quick first answer is: two replications, and about 100,000 allocations over
 * the whole study (policies × cores × replications), which the default study simulates in about 0.3 s
 * on one core of this machine kind (Node: 0.6 s for 200,000). The scenario's own study follows it.
 */
import type { PreviewSize } from './protocol.js';

export const PREVIEW: PreviewSize = {
  replications: 2,
  totalAllocations: 100_000,
  minAllocationsPerCore: 100,
};

/** How long the page waits after the last keystroke before it simulates the edit. */
export const EDIT_DELAY_MS = 250;
