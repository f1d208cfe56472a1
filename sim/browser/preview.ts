/**
 * How big the playground's quick first answer is: two replications, and about 60,000 allocations over
 * the whole study (policies × cores × replications; 59 per core for the default study, of 4,000), which
 * the default study simulates in a few hundred ms on one core of this machine kind (Node: 0.6 s for
 * 200,000). The scenario's own study follows it, with progress.
 */
import type { Scenario } from '../types/index.js';
import type { PreviewSize } from './protocol.js';

export const PREVIEW: PreviewSize = {
  replications: 2,
  totalAllocations: 60_000,
  minAllocationsPerCore: 50,
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
