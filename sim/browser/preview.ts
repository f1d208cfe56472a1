/**
 * How big the playground's quick first answer is: two replications and about 100,000 allocations over
 * the whole study (policies × cores × replications), at least 100 per core: for the default study
 * 100 of its 4,000 per core, simulated in 0.3–0.4 s on one core of this machine kind (Node). Fewer
 * would be faster but wrong: with 59 per core the first-touch page faults of the fresh blocks fall
 * after the warm-up cut and take 86% of no-zero's time at 1 core (0% in the full study). The
 * scenario's own study follows, with progress.
 */
import type { Scenario } from '../types/index.js';
import type { PreviewSize } from './protocol.js';

export const PREVIEW: PreviewSize = {
  replications: 2,
  totalAllocations: 100_000,
  minAllocationsPerCore: 100,
};

/** How long the page waits after the last keystroke before it simulates the edit. */
export const EDIT_DELAY_MS = 250;

/** The preview of a scenario, or null when the scenario itself is no bigger than one. */
export function previewScenario(scenario: Scenario, size: PreviewSize): Scenario | null {
  const replications = Math.min(size.replications, scenario.run.replications);
  const coreSum = scenario.cores.reduce((sum, cores) => sum + cores, 0);
  const perCore = Math.floor(size.totalAllocations / (replications * scenario.policies.length * coreSum));
  const allocationsPerCore = Math.min(
    scenario.run.allocationsPerCore,
    Math.max(size.minAllocationsPerCore, perCore),
  );
  if (replications === scenario.run.replications && allocationsPerCore === scenario.run.allocationsPerCore)
    return null;
  return { ...scenario, run: { ...scenario.run, replications, allocationsPerCore } };
}
